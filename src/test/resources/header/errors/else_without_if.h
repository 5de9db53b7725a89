#define X 1
  #else
