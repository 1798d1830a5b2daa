/* SUPERVISOR CALL: code at 0x8A, ILC at 0x88 (2, or the EX length under EXECUTE), old PSW at 0x140
 * pointing after the SVC (or the EX). */
#include "lib/expect.h"

int main(void)
{
    uint64_t at;
    set_new_psw(LC_SVC_NEW, PSW_MASK_64, 0);
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1c8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n"
                 "1:\tsvc 0x42\n0:\n" : [at] "=Q"(at) : : "r1", "memory");
    check(LC16(LC_SVC_CODE) == 0x42, "svc code %x", LC16(LC_SVC_CODE));
    check(LC16(LC_SVC_ILC) == 2, "svc ilc %u", LC16(LC_SVC_ILC));
    check(LC64(LC_SVC_OLD + 8) == at + 2, "svc old PSW %lx vs %lx", LC64(LC_SVC_OLD + 8), at);
    check((LC64(LC_SVC_OLD) & PSW_MASK_64) == PSW_MASK_64, "svc old mask %lx", LC64(LC_SVC_OLD));

    /* SVC as the target of EX: the I field is ORed with R1 bits 56-63. */
    static const uint16_t svc0 = 0x0a00;
    register unsigned long r3 asm("3") = 0x17;
    register unsigned long t asm("4") = (unsigned long)&svc0;
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1c8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n"
                 "1:\tex %[r3],0(%[t])\n0:\n" : [at] "=Q"(at) : [r3] "d"(r3), [t] "a"(t) : "r1", "memory");
    check(LC16(LC_SVC_CODE) == 0x17, "ex svc code %x", LC16(LC_SVC_CODE));
    check(LC16(LC_SVC_ILC) == 4, "ex svc ilc %u", LC16(LC_SVC_ILC));
    check(LC64(LC_SVC_OLD + 8) == at + 4, "ex svc old PSW %lx vs %lx", LC64(LC_SVC_OLD + 8), at);

    /* SVC from the problem state: the old PSW shows it. */
    static struct psw ps __attribute__((aligned(8)));
    ps.mask = PSW_MASK_64 | PSW_MASK_PSTATE;
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1c8\n\tlarl %%r1,1f\n\tstg %%r1,8+%[ps]\n\tlpswe %[ps]\n"
                 "1:\tsvc 1\n0:\n" : [ps] "+Q"(ps) : : "r1", "memory");
    check(LC64(LC_SVC_OLD) & PSW_MASK_PSTATE, "svc from problem state: old mask %lx", LC64(LC_SVC_OLD));
    return 0;
}
