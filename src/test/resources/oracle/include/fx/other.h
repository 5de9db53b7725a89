/* Included by facts.h: none of these are facts of facts.h. */
#ifndef FX_OTHER_H
#define FX_OTHER_H

enum fx_other_enum { FX_OTHER_CONSTANT = 3 };

struct fx_other {
	short p;
};

#define FX_OTHER_DEFINE 4
#define FX_SHARED 1

#endif
