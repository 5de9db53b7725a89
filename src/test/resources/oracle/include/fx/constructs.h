/* C the UAPI headers use beyond declarations: #pragma pack, static inline functions, __volatile__,
 * __extension__, asm labels, initialised objects. Every fact must equal gcc's. */
#ifndef FX_CONSTRUCTS_H
#define FX_CONSTRUCTS_H

#pragma pack(push, 2)
struct fx_pack2 {
	char c;
	int i;
	long long l;
	int a __attribute__((aligned(8)));
};

struct fx_pack2_bits {
	char c;
	unsigned int x : 4;
	unsigned int y : 30;
};
#pragma pack(pop)

#define FX_PACK_ONE 1
#pragma pack(1)
struct fx_pack1 {
	char c;
	unsigned short x : 12;
	unsigned short y : 12;
	struct {
		char d;
		int e;
	} in;
};
#pragma pack()

struct fx_unpacked {
	char c;
	int i;
};

struct fx_volatile {
	__volatile__ unsigned int status;
	volatile unsigned char *__volatile regs;
	__extension__ unsigned long long wide;
	__extension__ union {
		unsigned int word;
		unsigned short half[2];
	};
};

enum fx_extension { FX_EXT_A = __extension__ 3, FX_EXT_B };

static __inline__ unsigned int fx_twice(unsigned int x)
{
	struct fx_unpacked local = { 1, 2 };
	return x * 2 + (unsigned int)local.i;
}

static inline int fx_nothing(void) { return 0; }

extern int fx_renamed(int) __asm__("fx_renamed_v2");

static const unsigned int fx_table[] = { 1, 2, 3 };
static const int fx_one = 1, fx_two = FX_PACK_ONE + 1;

#define FX_AFTER_ALL (FX_PACK_ONE + 41)

#endif
