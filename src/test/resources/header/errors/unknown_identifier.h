enum {
	A = 1,
	B = A + C,
};
