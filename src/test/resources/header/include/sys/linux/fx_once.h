#pragma once
#ifdef FX_ONCE_SEEN
#error fx_once.h read twice: #pragma once was not honoured
#endif
#define FX_ONCE_SEEN
#define FX_ONCE_COUNT 1
struct fx_once { int x; };
