#define CAT(a, b) a ## b
enum { A = CAT(+, /) };
