/* uapiguard fixture: define.removed (old). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_F_LOCK		4
#define BPF_F_STALE		16

#endif /* _UAPI__LINUX_BPF_H__ */
