/* Program interruptions (PoP ch. 6): interruption code at 0x8E, ILC at 0x8C, old PSW at 0x150
 * pointing at the instruction (nullification) or after it (suppression). The completing fixed-point
 * overflow and the early PSW exceptions are in pgm_psw.c (qemu-system-s390x 7.2 gets them wrong). */
#include "lib/expect.h"

static uint64_t at;  /* address of the provoking instruction */

#define PROVOKE_IN(body, ...) \
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n1:\t" body "\n0:\n" \
                 : [at] "=Q"(at) : __VA_ARGS__ : "r1", "r2", "r3", "cc", "memory")
#define PROVOKE(body) PROVOKE_IN(body, "i"(0))

static void expect(const char *what, uint16_t code, unsigned ilen, uint64_t old_addr)
{
    struct pgm_result r = pgm_result();
    check(r.code == code, "%s: code %x, expected %x", what, r.code, code);
    check(r.ilen == ilen, "%s: ilc*2 %u, expected %u", what, r.ilen, ilen);
    check(r.old_addr == old_addr, "%s: old PSW address %lx, expected %lx", what, r.old_addr, old_addr);
}

int main(void)
{
    pgm_arm();

    /* Operation exception: opcode 00 (ILC 1, suppression). */
    PROVOKE(".short 0x0000");
    expect("operation", 0x0001, 2, at + 2);

    /* Unassigned 6-byte opcode (ILC 3). */
    PROVOKE(".short 0xe300,0x0000,0x00ff");
    expect("operation e3ff", 0x0001, 6, at + 6);

    /* Specification: odd register of DR's even-odd pair. */
    PROVOKE(".insn rr,0x1d00,%%r1,%%r2");
    expect("specification", 0x0006, 2, at + 2);

    /* Specification: LPQ needs a quadword-aligned operand. */
    {
        static uint64_t q[4] __attribute__((aligned(16)));
        register unsigned long p asm("4") = (unsigned long)&q[0] + 8;
        PROVOKE_IN("lpq %%r2,0(%[p])", [p] "a"(p));
        expect("lpq alignment", 0x0006, 6, at + 6);
    }

    /* Addressing: beyond the end of storage (128 MiB). */
    {
        register unsigned long p asm("4") = 0x40000000UL;
        PROVOKE_IN("lg %%r2,0(%[p])", [p] "a"(p));
        expect("addressing", 0x0005, 6, at + 6);
    }

    /* Fixed-point divide by zero (suppression). */
    {
        register unsigned long z asm("5") = 0;
        PROVOKE_IN("lghi %%r3,7\n\tdsgr %%r2,%[z]", [z] "d"(z));
        expect("divide", 0x0009, 4, at + 4 + 4);
    }

    /* Data exception from COMPARE AND TRAP, DXC 0xFF at 0x93. */
    LC32(LC_DXC) = 0;
    PROVOKE("lghi %%r2,0\n\tcgit %%r2,0,8");
    expect("compare and trap", 0x0007, 6, at + 4 + 6);
    check(LC32(LC_DXC) == 0xff, "DXC %x", LC32(LC_DXC));

    /* Without the mask bit: no interruption, CC 3. */
    {
        int cc;
        asm volatile("llilf %%r2,0x7fffffff\n\tahi %%r2,1\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : : "r2", "cc");
        check(cc == 3, "masked overflow cc %d", cc);
    }

    /* Execute exception: the target of EX is another EX. */
    {
        static const uint32_t inner_ex = 0x44000000; /* ex %r0,0 */
        register unsigned long t asm("4") = (unsigned long)&inner_ex;
        PROVOKE_IN("ex %%r0,0(%[t])", [t] "a"(t));
        expect("execute", 0x0003, 4, at + 4);
    }

    /* Privileged operation in the problem state (the program-new PSW returns to supervisor). */
    {
        static struct psw ps __attribute__((aligned(8)));
        ps.mask = PSW_MASK_64 | PSW_MASK_PSTATE;
        asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\t"
                     "larl %%r1,1f\n\tstg %%r1,%[at]\n\tstg %%r1,8+%[ps]\n\t"
                     "lpswe %[ps]\n"
                     "1:\tptlb\n"
                     "0:\n" : [at] "=Q"(at), [ps] "+Q"(ps) : : "r1", "cc", "memory");
        struct pgm_result r = pgm_result();
        check(r.code == 0x0002, "privileged: code %x", r.code);
        check(r.ilen == 4, "privileged: ilen %u", r.ilen);
        check(r.old_addr == at + 4, "privileged: old addr %lx vs %lx", r.old_addr, at);
        check(r.old_mask & PSW_MASK_PSTATE, "privileged: old PSW not in problem state");
    }

    /* Protection: low-address protection (CR0 bit 35) refuses a store to 0x100. The program-new
     * PSW (itself in the protected range) is set before LAP is enabled. */
    {
        uint64_t cr0 = stctg(0), lap = cr0 | (1UL << 28);
        asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n\t"
                     "lctlg %%c0,%%c0,%[lap]\n"
                     "1:\tmvi 0x100,1\n"
                     "0:\tlctlg %%c0,%%c0,%[cr0]\n"
                     : [at] "=Q"(at) : [lap] "Q"(lap), [cr0] "Q"(cr0) : "r1", "cc", "memory");
        expect("low-address protection", 0x0004, 4, at + 4);
        check(LC8(0x100) != 1, "protected store happened");
    }

    return 0;
}
