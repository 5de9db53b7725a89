#include <linux/types.h>

#define FX_A 1
