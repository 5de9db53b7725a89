#include <linux/types.h>
#include <linux/fx_new_dependency.h>

#define FX_A 1
