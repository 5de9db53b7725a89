#define ok 1
#frobnicate
