#if 1
#error unsupported architecture
#endif
