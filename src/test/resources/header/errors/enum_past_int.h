enum narrow {
	MAX = 2147483647,
	PAST,
};
