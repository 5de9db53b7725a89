enum { WIDE = 1 << 32 };
