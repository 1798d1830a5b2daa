/* PSW handling: addressing modes (24/31/64) in address generation, linkage and TAM; SAM*, BSM,
 * BASSM, LPSW (ESA/390 short PSW), STOSM/STNSM, EPSW, and the CC carried in an old PSW. */
#include "lib/expect.h"

int main(void)
{
    /* 31-bit mode through LPSWE: TAM, LA wrap-around, BASR link bit 32. */
    static struct psw p31 __attribute__((aligned(8)));
    p31.mask = 0x0000000080000000UL;
    unsigned long la31, link31, sentinel = 0xabcdef0000000000UL;
    int tam31, tam64;
    asm volatile("larl %%r1,1f\n\tstg %%r1,8+%[p]\n\tlpswe %[p]\n"
                 "1:\ttam\n\tipm %[t31]\n\tsrl %[t31],28\n\t"
                 "lgr %%r3,%[s]\n\tllilf %%r2,0xffffffff\n\tla %%r3,1(%%r2)\n\tlgr %[la],%%r3\n\t"
                 "lgr %%r5,%[s]\n\tbasr %%r5,0\n\tlgr %[lk],%%r5\n\t"
                 "sam64\n\ttam\n\tipm %[t64]\n\tsrl %[t64],28\n"
                 : [p] "+Q"(p31), [t31] "=&d"(tam31), [t64] "=&d"(tam64), [la] "=&d"(la31), [lk] "=&d"(link31)
                 : [s] "d"(sentinel) : "r1", "r2", "r3", "r5", "cc", "memory");
    check(tam31 == 1, "tam in 31-bit mode: cc %d", tam31);
    check(tam64 == 3, "tam in 64-bit mode: cc %d", tam64);
    check(la31 == sentinel, "31-bit LA wrap: %lx", la31);
    check((link31 >> 32) == (sentinel >> 32) && (link31 & 0x80000000UL), "31-bit BASR link %lx", link31);

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

    /* STOSM / STNSM store the old system mask and update it. */
    uint8_t sm1 = 0xaa, sm2 = 0xaa;
    asm volatile("stosm %0,0x01\n\tstnsm %1,0xfe" : "=Q"(sm1), "=Q"(sm2) : : "memory");
    check(sm1 == 0x00, "stosm old mask %x", sm1);
    check(sm2 == 0x01, "stnsm old mask %x", sm2);

    /* EPSW: PSW bits 0-31 and 32-63, with the CC. */
    unsigned long hi = 0, lo = 0;
    asm volatile("cghi %[z],1\n\tepsw %[h],%[l]" : [h] "+d"(hi), [l] "+d"(lo) : [z] "d"(5L) : "cc");
    check((uint32_t)lo == 0x80000000u, "epsw low %lx", lo);
    check(((uint32_t)hi & 0xffffcfffu) == 0x00000001u && (((uint32_t)hi >> 12) & 3) == 2, "epsw high %lx", hi);

    /* The CC is part of the old PSW of an interruption. */
    set_new_psw(LC_SVC_NEW, PSW_MASK_64, 0);
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1c8\n\tcghi %[z],1\n\tsvc 0\n0:\n" : : [z] "d"(5L) : "r1", "cc", "memory");
    check(((LC64(LC_SVC_OLD) >> 44) & 3) == 2, "old PSW cc %lu", (LC64(LC_SVC_OLD) >> 44) & 3);
    return 0;
}
