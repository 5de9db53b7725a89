enum { A };

/* never closed
enum { B };
