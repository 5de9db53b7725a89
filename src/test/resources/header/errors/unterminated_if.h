#ifndef GUARD
#define GUARD
#if X
#endif
