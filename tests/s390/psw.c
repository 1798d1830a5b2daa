/* PSW handling: addressing modes (31/64) in linkage and TAM, SAM64, STOSM/STNSM, and the CC
 * carried in an old PSW. LOAD ADDRESS in the 24/31-bit modes, SAM24, BASSM, BSM, LPSW (ESA/390
 * short PSW) and EPSW are in psw_amode.c (qemu-system-s390x 7.2 gets them wrong). */
#include "lib/expect.h"

int main(void)
{
    /* 31-bit mode through LPSWE: TAM, LA wrap-around, BASR link bit 32. */
    static struct psw p31 __attribute__((aligned(8)));
    p31.mask = 0x0000000080000000UL;
    unsigned long link31, sentinel = 0xabcdef0000000000UL;
    int tam31, tam64;
    asm volatile("larl %%r1,1f\n\tstg %%r1,8+%[p]\n\tlpswe %[p]\n"
                 "1:\ttam\n\tipm %[t31]\n\tsrl %[t31],28\n\t"
                 "lgr %%r5,%[s]\n\tbasr %%r5,0\n\tlgr %[lk],%%r5\n\t"
                 "sam64\n\ttam\n\tipm %[t64]\n\tsrl %[t64],28\n"
                 : [p] "+Q"(p31), [t31] "=&d"(tam31), [t64] "=&d"(tam64), [lk] "=&d"(link31)
                 : [s] "d"(sentinel) : "r1", "r2", "r3", "r5", "cc", "memory");
    check(tam31 == 1, "tam in 31-bit mode: cc %d", tam31);
    check(tam64 == 3, "tam in 64-bit mode: cc %d", tam64);
    check((link31 >> 32) == (sentinel >> 32) && (link31 & 0x80000000UL), "31-bit BASR link %lx", link31);

    /* STOSM / STNSM store the old system mask and update it. */
    uint8_t sm1 = 0xaa, sm2 = 0xaa;
    asm volatile("stosm %0,0x01\n\tstnsm %1,0xfe" : "=Q"(sm1), "=Q"(sm2) : : "memory");
    check(sm1 == 0x00, "stosm old mask %x", sm1);
    check(sm2 == 0x01, "stnsm old mask %x", sm2);

    /* The CC is part of the old PSW of an interruption. */
    set_new_psw(LC_SVC_NEW, PSW_MASK_64, 0);
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1c8\n\tcghi %[z],1\n\tsvc 0\n0:\n" : : [z] "d"(5L) : "r1", "cc", "memory");
    check(((LC64(LC_SVC_OLD) >> 44) & 3) == 2, "old PSW cc %lu", (LC64(LC_SVC_OLD) >> 44) & 3);
    return 0;
}
