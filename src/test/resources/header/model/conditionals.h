#ifndef GUARD_H
#define GUARD_H
#define FEATURE 2

#if FEATURE > 1 && defined(GUARD_H)
#define CHOSEN 1
#elif 1 / 0 /* a branch after the taken one is not evaluated */
#define CHOSEN 2
#else
#define CHOSEN 3
#endif

#ifdef NOT_DEFINED
this text is skipped, so it may be anything: ' " @ `
#if nested garbage ((
#define NEVER 1
#endif
#elif defined NOT_DEFINED_EITHER
#define NEVER 2
#else
#define OTHERWISE 1
#endif

#if 0
#error not reached
#elif !defined(FEATURE) || FEATURE == 2
enum { BRANCH = CHOSEN };
#endif

#ifndef GUARD_H
#define NEVER 3
#endif
#endif /* GUARD_H */
