/* A small header in the shape of bpf.h, written for the HelperDocParser tests.
 * Text before the marker is ignored, even foo(bar) lines:
 * int not_a_helper(int x)
 *
 * Start of BPF helper function descriptions:
 *
 * void *bpf_thing_lookup(struct bpf_map *map, const void *key)
 * 	Description
 * 		Looks up (really) a thing.
 * 	Return
 * 		A pointer, or NULL.
 *
 * u64 bpf_now(void)
 * 	Description
 * 		The time.
 *
 * long bpf_printk_like(const char *fmt, u32 fmt_size, ...)
 *     Description
 *             Indented with spaces, as some revisions do.
 *
 * long bpf_strtoul(const char *buf, size_t buf_len, u64 flags, unsigned long *res)
 * 	Description
 * 		Several words in one parameter type.
 *
 * int bpf_argv(char **argv, char const *name)
 * 	Description
 * 		Pointer to pointer; const after the type is kept where written.
 * Return
 * 		An unindented section keyword is not a signature.
 *
 * struct bpf_sock* bpf_sk_get(void* ctx, u64)
 * 	Description
 * 		Sticky stars and a parameter given by type only.
 *
 * long bpf_thing_lookup(void *ctx, int key)
 * 	Description
 * 		Documented again for another program type: kept.
 *
 * long bpf_broken(struct bpf_map *map, const void *key
 * 	Description
 * 		The signature above lacks its closing parenthesis.
 *
 * 0 on success (or not), an unindented description line
 */

/*
 * long bpf_after_the_comment(int x)
 */
