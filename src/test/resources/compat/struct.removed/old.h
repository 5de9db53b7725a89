/* uapiguard fixture: struct.removed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_kept {
	__u32 a;
};

struct bpf_gone {
	__u32 a;
	__u64 b;
};

#endif /* _UAPI__LINUX_BPF_H__ */
