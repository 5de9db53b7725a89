/* uapiguard fixture: struct.size-changed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_grows {
	__u32 a;
	__u32 b;
};

struct bpf_shrinks {
	__u64 a;
};

#endif /* _UAPI__LINUX_BPF_H__ */
