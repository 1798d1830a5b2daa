/* Dynamic address translation through mmu/s390_dat.h: a segment-table ASCE in CR1, the first MiB
 * mapped 1:1 and VA 1 GiB mapped onto a data page; page- and segment-translation exceptions
 * (nullified, TEID at 0xA8), DAT protection, and IPTE invalidating a mapping. */
#include "lib/expect.h"

static uint64_t segtab[2048] __attribute__((aligned(4096)));
static uint64_t pt0[256] __attribute__((aligned(2048)));
static uint64_t pt1[256] __attribute__((aligned(2048)));
static uint64_t page_a[512] __attribute__((aligned(4096)));
static uint64_t page_b[512] __attribute__((aligned(4096)));

#define STE_INVALID 0x20UL
#define PTE_INVALID 0x400UL
#define PTE_PROTECT 0x200UL
#define VA 0x40000000UL

static uint64_t at;

/* Load / store with DAT on; a program interruption resumes at the end with DAT off. */
static uint64_t dat_load(uint64_t va)
{
    uint64_t v = 0xdeadUL;
    uint8_t sm;
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n\tstosm %[sm],0x04\n"
                 "1:\tlg %[v],0(%[va])\n\tstnsm %[sm],0xfb\n0:\n"
                 : [at] "=Q"(at), [sm] "=Q"(sm), [v] "+d"(v) : [va] "a"(va) : "r1", "cc", "memory");
    return v;
}

static void dat_store(uint64_t va, uint64_t x)
{
    uint8_t sm;
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n\tstosm %[sm],0x04\n"
                 "1:\tstg %[x],0(%[va])\n\tstnsm %[sm],0xfb\n0:\n"
                 : [at] "=Q"(at), [sm] "=Q"(sm) : [va] "a"(va), [x] "d"(x) : "r1", "cc", "memory");
}

int main(void)
{
    for (int i = 0; i < 2048; i++)
        segtab[i] = STE_INVALID;
    for (int i = 0; i < 256; i++) {
        pt0[i] = (uint64_t)i << 12;
        pt1[i] = PTE_INVALID;
    }
    segtab[0] = (uint64_t)(uintptr_t)pt0;
    segtab[VA >> 20] = (uint64_t)(uintptr_t)pt1;
    pt1[0] = (uint64_t)(uintptr_t)page_a;
    pt1[2] = (uint64_t)(uintptr_t)page_b | PTE_PROTECT;
    page_a[0] = 0x1122334455667788UL;
    page_b[0] = 0x99;

    uint64_t asce = (uint64_t)(uintptr_t)segtab | 3; /* DT 00 segment table, TL 3 */
    asm volatile("lctlg %%c1,%%c1,%0" : : "Q"(asce));
    pgm_arm();

    /* Translated load and store. */
    uint64_t v = dat_load(VA);
    dat_store(VA + 8, 77);
    check(pgm_result().code == 0xffff, "unexpected program interruption");
    check(v == 0x1122334455667788UL, "load through DAT %lx", v);
    check(page_a[1] == 77, "store through DAT %lx", page_a[1]);

    /* Page-translation exception: nullified, TEID holds the page address. */
    LC64(LC_TEID) = 0;
    dat_load(VA + 0x1000);
    struct pgm_result r = pgm_result();
    check(r.code == 0x0011, "page translation: code %x", r.code);
    check(r.old_addr == at, "page translation not nullified: %lx vs %lx", r.old_addr, at);
    check((LC64(LC_TEID) & ~0xfffUL) == VA + 0x1000, "TEID %lx", LC64(LC_TEID));

    /* Segment-translation exception. */
    dat_load(0x50000000UL);
    r = pgm_result();
    check(r.code == 0x0010, "segment translation: code %x", r.code);

    /* DAT protection: fetch allowed, store refused. */
    v = dat_load(VA + 0x2000);
    check(pgm_result().code == 0xffff && v == 0x99, "fetch from protected page %lx", v);
    dat_store(VA + 0x2000, 1);
    r = pgm_result();
    check(r.code == 0x0004, "DAT protection: code %x", r.code);
    check(page_b[0] == 0x99, "protected page was changed");

    /* LOAD REAL ADDRESS: dat_lra.c (qemu-system-s390x 7.2 gets its condition codes wrong). */

    /* IPTE: the mapping disappears (and the TLB forgets it). */
    register unsigned long pto asm("2") = (unsigned long)pt1;
    register unsigned long vaddr asm("3") = VA;
    asm volatile("ipte %0,%1" : : "a"(pto), "a"(vaddr) : "memory");
    check(pt1[0] & PTE_INVALID, "ipte did not set the invalid bit");
    dat_load(VA);
    r = pgm_result();
    check(r.code == 0x0011, "after ipte: code %x", r.code);
    return 0;
}
