/* uapiguard fixture: struct.size-changed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_grows {
	__u32 a;
};

struct bpf_shrinks {
	__u64 a;
	__u64 b;
};

#endif /* _UAPI__LINUX_BPF_H__ */
