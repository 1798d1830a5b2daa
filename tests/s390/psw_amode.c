/* Addressing-mode cases that qemu-system-s390x 7.2 does not execute as architected, so they are kept
 * out of the portable psw.c (saesim-only; see docs/s390.md "Same verdict under QEMU"):
 *   - LOAD ADDRESS in the 31- and 24-bit modes: the address goes to bits 33-63 (40-63, bits 32-39
 *     zero) and bits 0-31 of R1 remain unchanged (PoP LOAD ADDRESS); QEMU clears them;
 *   - BRANCH AND SAVE AND SET MODE (0C) into the 31-bit mode and BRANCH AND SET MODE back; QEMU
 *     raises an operation exception for BASSM;
 *   - LPSW of an ESA/390 short PSW: its bit 32 (BA) selects the 31-bit mode (PoP LPSW); QEMU
 *     stays in the 24-bit mode;
 *   - EXTRACT PSW stores the current condition code in PSW bits 18-19 (PoP EPSW); QEMU stores 0. */
#include "lib/expect.h"

int main(void)
{
    unsigned long sentinel = 0xabcdef0000000000UL;

    /* 31-bit mode through LPSWE: LA wraps at 2 GiB and keeps bits 0-31. */
    static struct psw p31 __attribute__((aligned(8)));
    p31.mask = 0x0000000080000000UL;
    unsigned long la31;
    asm volatile("larl %%r1,1f\n\tstg %%r1,8+%[p]\n\tlpswe %[p]\n"
                 "1:\tlgr %%r3,%[s]\n\tllilf %%r2,0xffffffff\n\tla %%r3,1(%%r2)\n\tlgr %[la],%%r3\n\t"
                 "sam64\n"
                 : [p] "+Q"(p31), [la] "=&d"(la31) : [s] "d"(sentinel) : "r1", "r2", "r3", "cc", "memory");
    check(la31 == sentinel, "31-bit LA wrap: %lx", la31);

    /* 24-bit mode: LA keeps 24 bits and zeroes bits 32-39. */
    unsigned long la24;
    int tam24;
    asm volatile("sam24\n\ttam\n\tipm %[t]\n\tsrl %[t],28\n\t"
                 "lgr %%r3,%[s]\n\tllilf %%r2,0x12345678\n\tla %%r3,0(%%r2)\n\tlgr %[la],%%r3\n\tsam64\n"
                 : [t] "=&d"(tam24), [la] "=&d"(la24) : [s] "d"(sentinel) : "r2", "r3", "cc");
    check(tam24 == 0, "tam in 24-bit mode: cc %d", tam24);
    check(la24 == (sentinel | 0x345678), "24-bit LA: %lx", la24);

    /* BASSM into 31-bit mode and BSM back (link has bit 63 set for 64-bit). */
    unsigned long lk;
    int t_in;
    asm volatile("larl %%r2,1f\n\toilh %%r2,0x8000\n\tbassm %%r3,%%r2\n"    /* 31-bit target */
                 "1:\ttam\n\tipm %[t]\n\tsrl %[t],28\n\tlgr %[lk],%%r3\n\t"
                 "larl %%r2,2f\n\toill %%r2,1\n\tbsm 0,%%r2\n"              /* back to 64-bit */
                 "2:\n" : [t] "=&d"(t_in), [lk] "=&d"(lk) : : "r2", "r3", "cc");
    check(t_in == 1, "bassm to 31-bit: tam cc %d", t_in);
    check(lk & 1, "bassm link from 64-bit mode lacks bit 63: %lx", lk);
    int t_out;
    asm volatile("tam\n\tipm %0\n\tsrl %0,28" : "=d"(t_out) : : "cc");
    check(t_out == 3, "bsm back to 64-bit: tam cc %d", t_out);

    /* LPSW: an ESA/390 short PSW (bit 12 one) into the 31-bit mode. */
    static uint64_t spsw __attribute__((aligned(8)));
    int t_lpsw;
    asm volatile("larl %%r1,1f\n\toilh %%r1,0x8000\n\tiihf %%r1,0x00080000\n\tstg %%r1,%[sp]\n\tlpsw %[sp]\n"
                 "1:\ttam\n\tipm %[t]\n\tsrl %[t],28\n\tsam64\n"
                 : [sp] "+Q"(spsw), [t] "=&d"(t_lpsw) : : "r1", "cc", "memory");
    check(t_lpsw == 1, "lpsw to 31-bit: tam cc %d", t_lpsw);

    /* EPSW: PSW bits 0-31 and 32-63, with the CC. */
    unsigned long hi = 0, lo = 0;
    asm volatile("cghi %[z],1\n\tepsw %[h],%[l]" : [h] "+d"(hi), [l] "+d"(lo) : [z] "d"(5L) : "cc");
    check((uint32_t)lo == 0x80000000u, "epsw low %lx", lo);
    check(((uint32_t)hi & 0xffffcfffu) == 0x00000001u && (((uint32_t)hi >> 12) & 3) == 2, "epsw high %lx", hi);

    return 0;
}
