#ifndef _FX_MAIN_H
#define _FX_MAIN_H
#include <linux/fx_types.h>
#include <linux/fx_types.h>
#include "fx_local.h"
#include <linux/fx_once.h>
#include <linux/fx_once.h>
#include <linux/fx_absent.h>

struct fx_outer {
	char name[FX_NAMSIZ];
	struct fx_inner in;
	fx_u32 c;
	struct fx_once o;
};
enum { FX_MAIN_B = FX_INC_A + 1 };
#define FX_SIZE FX_LOCAL
#endif
