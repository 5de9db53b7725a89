#if 0x7fffffffffffffff + 1 > 0
#endif
