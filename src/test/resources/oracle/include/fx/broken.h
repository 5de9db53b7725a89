/* Not standalone: the type comes from a header it does not include. */
struct fx_broken {
	fx_undeclared_t field;
};
