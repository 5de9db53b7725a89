/* uapiguard fixture: struct.field-removed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_prog_info {
	__u32 type;
	__u32 :32;
	__u64 tag;
};

#endif /* _UAPI__LINUX_BPF_H__ */
