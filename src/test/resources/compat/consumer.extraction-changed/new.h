/* uapiguard fixture: consumer.extraction-changed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

/*
 * Start of BPF helper function descriptions:
 *
 * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)
 * 	Description
 * 		Look up *key* in *map*.
 * 	Return
 * 		0 on success.
 *
 * long bpf_foo(void *data, u32 flags)
 * 	Description
 * 		Does foo with *data*.
 * 	Return
 * 		0 on success.
 */

#define ___BPF_FUNC_MAPPER(FN, ctx...)	\
	FN(unspec, 0, ##ctx)	\
	FN(map_lookup_elem, 1, ##ctx)	\
	FN(foo, 2, ##ctx)

#define __BPF_FUNC_MAPPER_APPLY(name, value, FN) FN(name),
#define __BPF_FUNC_MAPPER(FN) ___BPF_FUNC_MAPPER(__BPF_FUNC_MAPPER_APPLY, FN)

#define __BPF_ENUM_FN(x, y) BPF_FUNC_ ## x = y,
enum bpf_func_id {
	___BPF_FUNC_MAPPER(__BPF_ENUM_FN)
	__BPF_FUNC_MAX_ID,
};
#undef __BPF_ENUM_FN

#endif /* _UAPI__LINUX_BPF_H__ */
