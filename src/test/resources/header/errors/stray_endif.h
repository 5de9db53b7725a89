#define X 1
#endif
enum { A };
