/* The pieces of the model that come from other parts of the header meeting: helper docs attached by
 * name, an explicit mapper id that disagrees with the enum, a documented helper missing from the enum,
 * and a struct laid out with a macro-made member.
 */
/* Start of BPF helper function descriptions:
 *
 * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)
 *	Description
 *		Look up an element.
 *	Return
 *		The element, or NULL.
 *
 * long bpf_map_update_elem(struct bpf_map *map, const void *key, const void *value, u64 flags)
 *	Description
 *		Update an element (socket programs).
 *
 * long bpf_map_update_elem(struct bpf_map *map, const void *key, const void *value, u64 flags)
 *	Description
 *		Update an element (tracing programs): a second documented context.
 *
 * long bpf_forgotten(void)
 *	Description
 *		Documented, but not in the enum.
 */
#define ___BPF_FUNC_MAPPER(FN, ctx...)	\
	FN(unspec, 0, ##ctx)		\
	FN(map_lookup_elem, 1, ##ctx)	\
	FN(map_update_elem, 2, ##ctx)

enum bpf_func_id {
	BPF_FUNC_unspec,
	BPF_FUNC_map_lookup_elem,
	BPF_FUNC_map_update_elem = 5,
	__BPF_FUNC_MAX_ID,
};

#define __bpf_md_ptr(type, name)	\
union {					\
	type name;			\
	__u64 :64;			\
} __attribute__((aligned(8)))

struct bpf_ctx {
	__u32 len;
	__u8 flags:3, :5;
	__bpf_md_ptr(struct bpf_sock *, sk);
	__u64 stamp;
};
