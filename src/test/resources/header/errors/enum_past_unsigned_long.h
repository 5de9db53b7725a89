enum wide {
	LAST = 0xffffffffffffffff,
	PAST,
};
