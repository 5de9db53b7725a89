/* uapiguard fixture: struct.field-renamed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_map_info {
	__u32 type;
	__u32 ifindex;
	__u64 netns_dev;
};

#endif /* _UAPI__LINUX_BPF_H__ */
