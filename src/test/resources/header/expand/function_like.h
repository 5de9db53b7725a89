#define ADD(a, b) ((a) + (b))
#define NONE() none
#define ID(x) x
ADD(1, 2)
ADD((1, 2), f(3, 4))
NONE() NONE
ID() ID( spaced   out )
ADD(ID(1),
    ID(2))
