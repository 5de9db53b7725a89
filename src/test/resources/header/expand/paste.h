#define CAT(a, b) a ## b
#define PREFIX(x) BPF_FUNC_ ## x
#define XCAT(a, b) CAT(a, b)
#define LEFT_EMPTY(x) x ## tail
#define ONE 1
CAT(foo, bar) PREFIX(unspec) CAT(<, <) CAT(, right) LEFT_EMPTY() CAT(,)
CAT(ONE, 2) XCAT(ONE, 2) CAT(0x, 1fULL)
