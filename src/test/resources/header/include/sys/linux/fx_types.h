#ifndef _FX_TYPES_H
#define _FX_TYPES_H
#ifdef FX_TYPES_SEEN
#error fx_types.h read twice: its guard was not honoured
#endif
#define FX_TYPES_SEEN
#define FX_NAMSIZ 16
typedef unsigned int fx_u32;
struct fx_inner {
	fx_u32 a;
	unsigned long long b;
};
enum fx_included { FX_INC_A = 3 };
#endif
