#define APPLY(f, x) f(x)
#define TWICE(x) ((x) * 2)
#define F TWICE
#define LATE(x) x
#define PARENS ()
APPLY(TWICE, 3)
F(4)
LATE(TWICE) (5)
LATE PARENS
