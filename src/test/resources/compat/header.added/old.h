/* A small UAPI header of our own, present on one side only. */
#ifndef _UAPI_LINUX_DEMO_H
#define _UAPI_LINUX_DEMO_H

#define DEMO_MAGIC 0x44454d4f

struct demo_info {
	unsigned int id;
	unsigned int flags;
};

#endif
