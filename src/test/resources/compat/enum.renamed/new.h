/* uapiguard fixture: enum.renamed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

enum bpf_attach_type {
	BPF_CGROUP_INET_INGRESS,
	BPF_CGROUP_INET_EGRESS,
	BPF_SK_SKB_VERDICT_PARSER,
	BPF_CGROUP_INGRESS = BPF_CGROUP_INET_INGRESS,
};

#endif /* _UAPI__LINUX_BPF_H__ */
