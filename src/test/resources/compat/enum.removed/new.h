/* uapiguard fixture: enum.removed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

enum bpf_link_type {
	BPF_LINK_TYPE_UNSPEC = 0,
	BPF_LINK_TYPE_NETNS = 3,
};

/* Kept for old sources. */
#define BPF_LINK_TYPE_ITER 2

#endif /* _UAPI__LINUX_BPF_H__ */
