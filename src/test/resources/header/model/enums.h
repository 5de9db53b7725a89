/* Enums: explicit and implicit values, expressions over earlier constants, casts, suffixes. */
enum colour {
	RED,
	GREEN = 5,
	BLUE,			/* implicit: 6 */
	CYAN = BLUE + GREEN,	/* 11 */
};

enum {
	HEX = 0x1f,
	OCT = 017,
	BIG = (1ULL << 63),
	ALL_U32 = ~0U,
	ALL_U64 = ~0ULL,
	NEG = -1,
	CAST = (__u32)-1,
	NARROW = (__u8)0x1ff,
	TERNARY = HEX > OCT ? 100 : 200,
	LOGIC = !0 && (3 || 0),
	MIXED = (RED | 2) ^ (7 & ~4) % 3,
	SHIFTED = 0x80000000 >> 31,
	SIGNED_SHIFT = -16 >> 2,
	LAST_COLOUR = CYAN,
	CHARACTER = 'A',
#define INSIDE_ENUM (LAST_COLOUR * 2)
	AFTER_DEFINE = INSIDE_ENUM,
};

enum empty_values { ONLY };
