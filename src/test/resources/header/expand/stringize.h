#define STR(x) #x
#define XSTR(x) STR(x)
#define VALUE 42
STR(hello) STR(  two   words  ) STR("quoted \n")
STR(VALUE) XSTR(VALUE) STR()
