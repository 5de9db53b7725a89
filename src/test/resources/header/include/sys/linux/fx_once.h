#pragma once
#define FX_ONCE_COUNT 1
struct fx_once { int x; };
