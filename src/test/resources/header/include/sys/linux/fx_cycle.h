#include <linux/fx_cycle.h>
