/* uapiguard fixture: enum.value-changed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

enum bpf_cmd {
	BPF_MAP_CREATE,
	BPF_MAP_LOOKUP_ELEM,
	BPF_MAP_UPDATE_ELEM,
	__MAX_BPF_CMD,
};

#endif /* _UAPI__LINUX_BPF_H__ */
