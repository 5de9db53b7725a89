/* sizeof, _Alignof / __alignof__ and __builtin_offsetof in constant expressions: the layout, lazily. */
#ifndef FX_MEASURE_H
#define FX_MEASURE_H

struct fx_measured {
	char c;
	unsigned long long wide;
	struct {
		short a;
		int b[4];
	} in;
};

typedef struct fx_measured fx_measured_t;

struct fx_sized {
	char copy[sizeof(struct fx_measured)];
	unsigned char align_of[__alignof__(struct fx_measured)];
	int by_typedef[sizeof(fx_measured_t) / sizeof(int)];
	char ptr[sizeof(struct fx_measured *)];
} __attribute__((aligned(sizeof(long))));

enum fx_measure {
	FX_SIZE = sizeof(struct fx_measured),
	FX_ALIGN = _Alignof(struct fx_measured),
	FX_OFF_WIDE = __builtin_offsetof(struct fx_measured, wide),
	FX_OFF_B = __builtin_offsetof(struct fx_measured, in.b),
	FX_OFF_B2 = __builtin_offsetof(fx_measured_t, in.b[2]),
	FX_LONG = sizeof(unsigned long),
};

#define FX_SIZED_SIZE sizeof(struct fx_sized)
#define FX_WORDS (sizeof(struct fx_measured) / sizeof(unsigned int))

#endif
