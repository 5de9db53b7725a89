/* uapiguard fixture: consumer.extraction-changed (old). */
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

#define __BPF_FUNC_MAPPER(FN)	\
	FN(unspec),	\
	FN(map_lookup_elem),	\
	FN(foo),

#define __BPF_ENUM_FN(x) BPF_FUNC_ ## x
enum bpf_func_id {
	__BPF_FUNC_MAPPER(__BPF_ENUM_FN)
	__BPF_FUNC_MAX_ID,
};
#undef __BPF_ENUM_FN

#endif /* _UAPI__LINUX_BPF_H__ */
