/* uapiguard fixture: define.value-changed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_F_LOCK		4
#define BPF_F_RDONLY		(1U << 3)

#endif /* _UAPI__LINUX_BPF_H__ */
