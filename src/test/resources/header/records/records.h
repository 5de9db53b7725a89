/* Structs and unions: nested, anonymous, bitfields, arrays, flexible arrays, attributes, typedefs. */
#define NAME_LEN 16U
#define __bpf_md_ptr(type, name)	\
union {					\
	type name;			\
	__u64 :64;			\
} __attribute__((aligned(8)))

struct point {
	__s32 x, y;
};

struct record {
	__u32 flags:3,
	      kind:5;
	__u64 :64;
	__u8  :0;
	char name[NAME_LEN];
	__u32 matrix[2][3];
	const void *key;
	struct point *const *points;
	struct point origin;
	union {
		__u32 as_u32;
		struct {
			__u16 lo;
			__u16 hi;
		};
	};
	struct {
		__aligned_u64 cookie;
	} nested;
	enum { INLINE_A, INLINE_B } inline_enum;
	enum colour paint;
	__u64 aligned_member __attribute__((aligned(16)));
	__bpf_md_ptr(struct bpf_sock *, sk);
	__u8 data[];
} __attribute__((aligned(8)));

union __attribute__((packed)) packed_union {
	__u8 byte;
	__u32 word;
};

struct tail {
	__u16 a;
	struct {
		__u8 b;
	} __attribute__((packed, aligned(2)));
};

typedef __u32 handle_t;
typedef struct { __u64 v; } wrapped_t, *wrapped_ptr_t;
typedef int (*callback_t)(void *ctx, unsigned long flags);

struct forward;
int prototype(struct forward *f, const char *name);
extern long counter;
