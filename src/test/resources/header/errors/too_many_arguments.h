#define f(x) x
enum { A = f(1,1,1,1,1) };
