/* uapiguard fixture: struct.field-type-changed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_sock {
	__u32 bound_dev_if;
	__s32 family;
};

#endif /* _UAPI__LINUX_BPF_H__ */
