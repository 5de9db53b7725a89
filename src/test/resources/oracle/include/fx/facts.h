/* Fixture of the differential oracle: every kind of fact it reads, with values worked out by hand in the test. */
#ifndef FX_FACTS_H
#define FX_FACTS_H

#include <fx/other.h>

enum fx_signed { FX_NEG = -2, FX_MAXINT = 0x7fffffff };
enum fx_wide { FX_U32 = 0xffffffffu, FX_BIG = 1ULL << 40 };
enum fx_u64 { FX_ALL_ONES = 0xffffffffffffffffULL };
enum { FX_ANON = 7 };

struct fx_bits {
	unsigned int a : 3;
	unsigned int : 2;		/* padding, not a member */
	unsigned int b : 7;
	long long c;
};

struct fx_outer {
	char tag;
	union {				/* anonymous: its members are fx_outer's */
		int i;
		short s;
	};
	struct fx_inner {		/* a record of its own too */
		char x;
		int y;
	} in;
	struct fx_inner many[2];	/* arrays are not flattened */
	const struct {
		long z;
	} q;
};

typedef struct {
	int w;
	char v;
} fx_typedefd;

struct fx_uses_other {
	struct fx_other o;
	int after;
};

#define FX_NEGATIVE (-5)
#define FX_UNSIGNED 0xffffffffu
#define FX_BIG64 0xfffffffffffffff0ULL
#define FX_MINLL (-9223372036854775807LL - 1)
#define FX_EXPR (FX_NEGATIVE * 3 + (int) sizeof(struct fx_bits) * 2)
#define FX_SIZE_WRAP (FX_NEGATIVE + sizeof(struct fx_bits) - 12)
#define FX_ENUM_ALIAS FX_ANON
#define FX_WIDE ((unsigned __int128) 1 << 64)
#define FX_STRING "text"
#define FX_FLOAT 1.5
#define FX_TYPE unsigned int
#define FX_EMPTY
#define FX_FUNC(x) ((x) + 1)
#define FX_GONE 1
#undef FX_GONE
#undef FX_SHARED
#define FX_SHARED 2

#endif
