/* uapiguard fixture: enum.value-changed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

enum bpf_cmd {
	BPF_MAP_CREATE,
	BPF_MAP_LOOKUP_ELEM = 4,
	BPF_MAP_UPDATE_ELEM,
	__MAX_BPF_CMD,
};

#endif /* _UAPI__LINUX_BPF_H__ */
