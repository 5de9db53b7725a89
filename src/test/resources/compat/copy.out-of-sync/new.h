/* uapiguard fixture: copy.out-of-sync (old.h is the original, new.h its copy in the same revision). */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__

#define BPF_F_LOCK		4
#define BPF_F_FRESH		32

#endif /* _UAPI__LINUX_BPF_H__ */
