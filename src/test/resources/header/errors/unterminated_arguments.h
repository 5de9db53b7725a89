#define F(x) (x)
enum { A = F(1 };
