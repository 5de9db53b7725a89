enum {
	A = 0x7fffffffffffffff * 4,
};
