#define INT64_MIN (-0x7fffffffffffffff - 1)
enum {
	A = INT64_MIN / -1,
};
