#define NAMED(fmt, args...) printf(fmt, args)
#define ANON(fmt, ...) printf(fmt, __VA_ARGS__)
#define GNU(fmt, args...) printf(fmt, ##args)
#define GNU_VA(fmt, ...) printf(fmt, ## __VA_ARGS__)
#define ONLY(ctx...) [ctx]
NAMED("a", 1, 2) ANON("b", 3, (4, 5))
GNU("c") GNU("d", 6) GNU("e",) GNU_VA("f") GNU_VA("g", 7, 8)
ONLY() ONLY(x) ONLY(x, y)
