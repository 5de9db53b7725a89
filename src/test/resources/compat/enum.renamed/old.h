/* uapiguard fixture: enum.renamed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

enum bpf_attach_type {
	BPF_CGROUP_INET_INGRESS,
	BPF_CGROUP_INET_EGRESS,
	BPF_SK_SKB_STREAM_PARSER,
};

#endif /* _UAPI__LINUX_BPF_H__ */
