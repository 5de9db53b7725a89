#define F(x, y) (x + y)
enum { A = F(1) };
