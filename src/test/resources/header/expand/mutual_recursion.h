#define a b + 1
#define b a + 2
#define g(x) h(x)
#define h(x) g(x)
a
b
g(1)
