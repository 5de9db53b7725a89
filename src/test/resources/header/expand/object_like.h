#define ONE 1
#define TWO ONE + ONE
#define EMPTY
a ONE b
c TWO d EMPTY e
