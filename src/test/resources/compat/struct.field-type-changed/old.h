/* uapiguard fixture: struct.field-type-changed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_sock {
	__u32 bound_dev_if;
	__u32 family;
};

#endif /* _UAPI__LINUX_BPF_H__ */
