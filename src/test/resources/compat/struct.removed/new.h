/* uapiguard fixture: struct.removed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_kept {
	__u32 a;
};

#endif /* _UAPI__LINUX_BPF_H__ */
