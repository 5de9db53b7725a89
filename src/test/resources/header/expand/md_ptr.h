#define __bpf_md_ptr(type, name)	\
union {					\
	type name;			\
	__u64 :64;			\
} __attribute__((aligned(8)))
struct __sk_buff {
	__bpf_md_ptr(struct bpf_sock *, sk);
};
