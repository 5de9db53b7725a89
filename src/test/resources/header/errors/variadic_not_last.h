#define F(x, ...) x
#define G(..., y) y
