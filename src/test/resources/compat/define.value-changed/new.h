/* uapiguard fixture: define.value-changed (new). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_F_LOCK		8
#define BPF_F_RDONLY		8

#endif /* _UAPI__LINUX_BPF_H__ */
