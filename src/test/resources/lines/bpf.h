/* uapiguard fixture: a header laid out like the kernel's bpf.h, for placing removals. */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_PSEUDO_MAP_FD	1

/*
 * Start of BPF helper function descriptions:
 *
 * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)
 * 	Description
 * 		Look up *key* in *map*.
 * 	Return
 * 		0 on success.
 */

#define __BPF_FUNC_MAPPER(FN)	\
	FN(unspec),	\
	FN(map_lookup_elem),

#define __BPF_ENUM_FN(x) BPF_FUNC_ ## x
enum bpf_func_id {
	__BPF_FUNC_MAPPER(__BPF_ENUM_FN)
	__BPF_FUNC_MAX_ID,
};
#undef __BPF_ENUM_FN

enum bpf_map_type {
	BPF_MAP_TYPE_UNSPEC = 0,
	BPF_MAP_TYPE_HASH = 1,
	BPF_MAP_TYPE_ARRAY = 2,
	BPF_MAP_TYPE_PROG_ARRAY = 3,
	BPF_MAP_TYPE_BLOOM_FILTER = 4,
	BPF_MAP_TYPE_USER_RINGBUF = 5,
};

struct bpf_map_info {
	__u32 type;
	__u32 id;
};

#endif /* _UAPI__LINUX_BPF_H__ */
