#ifndef __FIXTURE_DEFINES_H__
#define __FIXTURE_DEFINES_H__

#include <linux/types.h>
#include "local.h"

#define PLAIN		42
#define FLAG(n)		(1U << (n))
#define FLAGS		(FLAG(0) | FLAG(3))	/* function-like macros are expanded when valued */
#define LATER		MAX_THING		/* an enumerator defined further down */
#define SELF		SELF			/* refers to the enumerator SELF, not to itself */
#define UNKNOWN		BIT(0)			/* BIT is not defined: no value */
#define TEXT		"not a number"
#define EMPTY
#define SUFFIXED	16U
#define WIDE		0xffffffffULL
#define GONE		1
#undef GONE
#define REDEFINED	1
#undef REDEFINED
#define REDEFINED	2
#define SPACING	( 1U<<4 )|( FLAG ( 5 ) )

enum {
	SELF = 8192,
	MAX_THING = 7,
};

#endif /* __FIXTURE_DEFINES_H__ */
