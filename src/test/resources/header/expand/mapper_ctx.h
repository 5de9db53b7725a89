#define ___BPF_FUNC_MAPPER(FN, ctx...)	\
	FN(unspec, 0, ##ctx)		\
	FN(map_lookup_elem, 1, ##ctx)
#define __BPF_FUNC_MAPPER_APPLY(name, value, FN) FN(name),
#define __BPF_FUNC_MAPPER(FN) ___BPF_FUNC_MAPPER(__BPF_FUNC_MAPPER_APPLY, FN)
#define __BPF_ENUM_FN(x, y) BPF_FUNC_ ## x = y,
___BPF_FUNC_MAPPER(__BPF_ENUM_FN)
__BPF_FUNC_MAPPER(FN)
