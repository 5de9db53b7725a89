/* A header uapiguard models today, for the end-to-end comparison. */
#ifndef FX_AGREE_H
#define FX_AGREE_H

enum fx_agree { FX_AGREE_A = 1, FX_AGREE_B = -1 };

struct fx_agree_rec {
	unsigned char flag : 1;
	unsigned int len;
	union {
		unsigned long long u;
		int parts[2];
	} value;
};

#define FX_AGREE_MASK (1U << 31)
#define FX_AGREE_TEXT "not an integer"

#endif
