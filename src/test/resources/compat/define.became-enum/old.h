/* uapiguard fixture: define.became-enum (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_F_LOCK		4
#define BPF_F_NUMA_NODE		(1U << 2)

#endif /* _UAPI__LINUX_BPF_H__ */
