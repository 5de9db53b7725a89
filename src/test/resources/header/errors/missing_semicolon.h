struct a {
	int x
};
