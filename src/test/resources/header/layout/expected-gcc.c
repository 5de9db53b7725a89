/* Source of the expected numbers in StructLayoutTest: gcc 12, x86-64 Linux.
 * Build and run: gcc -o /tmp/expected expected-gcc.c && /tmp/expected */
#include <stdio.h>
#include <stddef.h>
typedef unsigned char __u8; typedef unsigned short __u16; typedef unsigned int __u32; typedef unsigned long long __u64;
typedef signed char __s8; typedef int __s32; typedef long long __s64;
typedef __u64 __aligned_u64 __attribute__((aligned(8)));
#define P(T) printf(#T " size=%zu align=%zu\n", sizeof(T), _Alignof(T))
#define O(T,f) printf("  " #T "." #f " off=%zu size=%zu\n", offsetof(T,f), sizeof(((T*)0)->f))
struct zw { char a; int :0; char b; };            /* zero width */
struct zw2 { char a; __u64 :0; char b; };
struct zwonly { char a; long long :0; };
struct unn { char a; __u64 :3; char b; };        /* unnamed bf: no align effect */
struct unn64 { __u64 :64; };
union u_bf { __u32 a:3; char c; };
union u_bf2 { __u64 a:3; };
union u_bf3 { __u64 :33; char c;};
struct strad { __u32 a:30; __u32 b:4; };
struct strad2 { char a; __u32 b:25; };
struct strad3 { __u8 a:7; __u16 b:10; };
struct pk { char a; __u32 b:30; __u32 c:4; } __attribute__((packed));
struct pk2 { char a; int b; long c; } __attribute__((packed));
struct pkal { char a; int b; } __attribute__((packed, aligned(4)));
struct memal { char a; int b __attribute__((aligned(16))); };
struct tyal { char a; } __attribute__((aligned(8)));
struct md { union { void *sk; __u64 :64; } __attribute__((aligned(8))); __u32 x; };
struct flex { __u32 n; __u64 d[]; };
struct flex2 { char n; __u8 d[]; };
struct bfmix { __u32 a:1, b:31; __u8 c; __u64 d:40; __u16 e:9; };
struct arr { __u32 a[2][3]; char c; };
static void main_t1(void){
 P(struct zw); O(struct zw,b); P(struct zw2); O(struct zw2,b); P(struct zwonly);
 P(struct unn); O(struct unn,b); P(struct unn64);
 P(union u_bf); P(union u_bf2); P(union u_bf3);
 P(struct strad); P(struct strad2); P(struct strad3); 
 P(struct pk); P(struct pk2); O(struct pk2,b); O(struct pk2,c); P(struct pkal); O(struct pkal,b);
 P(struct memal); O(struct memal,b); P(struct tyal); P(struct md); O(struct md,x);
 P(struct flex); O(struct flex,d[0]); P(struct flex2);
 P(struct bfmix); O(struct bfmix,c); P(struct arr); O(struct arr,c);
 P(long double); P(_Bool); P(__int128);
}
struct pkz { char a; int :0; char b; } __attribute__((packed));
struct inner { __u32 x; __u64 y; };
struct pkn { char a; struct inner i; __u16 z; } __attribute__((packed));
enum color { RED };
struct ebf { enum color c:3; __u8 d; };
/* bpf-like */
struct sock_like { __u32 bound_dev_if; __u32 family; __u32 type; __u32 protocol; __u32 mark; __u32 priority; __u32 src_ip4; __u32 src_ip6[4]; __u32 src_port; };
union attr_like {
  struct { __u32 map_type; __u32 key_size; __u32 value_size; __u32 max_entries; __u32 map_flags; __u32 inner_map_fd; __u32 numa_node; char map_name[16]; };
  struct { __u32 map_fd; __aligned_u64 key; union { __aligned_u64 value; __aligned_u64 next_key; }; __u64 flags; };
  struct { __u32 prog_fd; union { __u32 target_fd; __u32 target_ifindex; }; __u32 attach_type; __u32 flags;
           union { __u32 target_btf_id; struct { __aligned_u64 iter_info; __u32 iter_info_len; };
                   struct { __aligned_u64 path; __aligned_u64 offsets; __aligned_u64 ref_ctr_offsets; __aligned_u64 cookies; __u32 cnt; __u32 flags; __u32 pid; } uprobe_multi; }; } link_create;
} __attribute__((aligned(8)));
struct skb_like { __u32 len; __u32 cb[5]; union { struct sock_like *sk; __u64 :64; } __attribute__((aligned(8))); __u32 gso; __u8 tstamp_type; __u32 :24; __u64 hwtstamp; };
struct bf2 { __u32 a:1, b:31; __u32 c:24; __u32 d:8; __u8 e; };
static void main_t2(void){
 P(struct pkz); O(struct pkz,b); P(struct pkn); O(struct pkn,i); O(struct pkn,z); P(struct ebf); O(struct ebf,d);
 P(union attr_like); O(union attr_like,map_name); O(union attr_like,key); O(union attr_like,next_key); O(union attr_like,flags);
 O(union attr_like,link_create); O(union attr_like,link_create.flags); O(union attr_like,link_create.target_btf_id); O(union attr_like,link_create.iter_info_len);
 O(union attr_like,link_create.uprobe_multi); O(union attr_like,link_create.uprobe_multi.cnt); O(union attr_like,link_create.uprobe_multi.pid);
 P(struct skb_like); O(struct skb_like,sk); O(struct skb_like,gso); O(struct skb_like,tstamp_type); O(struct skb_like,hwtstamp);
 P(struct bf2); O(struct bf2, e);
}
struct plain { char a; __u64 b; __u16 c; };
struct sock_like;
struct ptrs { char c; struct sock_like *sk; const void *data; char **argv; struct sock_like *socks[2]; };
struct en { enum { X=1 } e; char c; enum bpf_cmd { Y } cmd; };
typedef __u16 my_u16; typedef my_u16 my_alias;
struct td { char a; my_alias b; };
struct au { __u32 fd; __aligned_u64 key; };
struct pair { __u32 a; __u32 b; };
struct arrs { struct pair pairs[3]; };
struct bpf_map_info_like { __u32 type; __u64 id; };
struct outer { char c; struct bpf_map_info_like info; };
static void main_t3(void){ P(struct plain); O(struct plain,b); O(struct plain,c); P(struct ptrs); O(struct ptrs,sk); O(struct ptrs,socks);
 P(struct en); O(struct en,cmd); P(struct td); O(struct td,b); P(struct au); O(struct au,key); P(struct arrs); P(struct outer); O(struct outer,info); O(struct outer,info.id);}
int main(void){ main_t1(); main_t2(); main_t3(); return 0; }
