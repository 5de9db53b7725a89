#define FX_LOCAL (FX_NAMSIZ + 1)
