/* uapiguard fixture: struct.field-offset-changed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

struct bpf_tunnel_key {
	__u32 tunnel_id;
	__u32 remote_ipv4;
	__u8 tunnel_tos;
	__u8 tunnel_ttl;
};

#endif /* _UAPI__LINUX_BPF_H__ */
