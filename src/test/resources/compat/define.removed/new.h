/* uapiguard fixture: define.removed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_F_LOCK		4

#endif /* _UAPI__LINUX_BPF_H__ */
