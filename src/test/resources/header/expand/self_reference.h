#define foo foo + 1
#define f(x) x + f(x)
#define BPF_F_LINK BPF_F_LINK
foo
f(2)
f(f(3))
BPF_F_LINK
