/* Program interruptions that qemu-system-s390x 7.2 does not deliver as architected, so they are
 * kept out of the portable pgm.c (saesim-only; see docs/s390.md "Same verdict under QEMU"):
 * fixed-point overflow with PSW bit 20 one (code 0x0008, completion: old PSW after the
 * instruction, result stored) and the early specification exceptions of LPSWE (PoP ch. 6 "Early
 * Exception Recognition": a PSW with bit 12 one, an odd instruction address). */
#include "lib/expect.h"

static uint64_t at;  /* address of the provoking instruction */

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

    /* Fixed-point overflow with the program mask bit set: completion, result stored. */
    {
        unsigned long result;
        asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\t"
                     "llilh %%r0,0x0800\n\tspm %%r0\n\t"      /* program mask 1000: fixed overflow */
                     "llilf %%r2,0x7fffffff\n\t"
                     "larl %%r1,1f\n\tstg %%r1,%[at]\n"
                     "1:\tahi %%r2,1\n"
                     "0:\tlgr %[res],%%r2\n\t"
                     "lghi %%r0,0\n\tspm %%r0"
                     : [at] "=Q"(at), [res] "=d"(result) : : "r0", "r1", "r2", "cc", "memory");
        expect("fixed-point overflow", 0x0008, 4, at + 4);
        check((uint32_t)result == 0x80000000u, "overflowed result %lx", result);
    }

    /* Early PSW specification exception: a PSW with bit 12 set; ILC 0, PSW unchanged. */
    {
        static struct psw bad __attribute__((aligned(8)));
        bad.mask = PSW_MASK_64 | (1UL << 51);
        asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tstg %%r1,8+%[b]\n\tlpswe %[b]\n0:\n"
                     : [b] "+Q"(bad) : : "r1", "memory");
        struct pgm_result r = pgm_result();
        check(r.code == 0x0006, "early spec: code %x", r.code);
        check(r.ilen == 0, "early spec: ilen %u", r.ilen);
        check(r.old_mask == bad.mask, "early spec: old mask %lx", r.old_mask);
    }

    /* Odd instruction address: specification exception. */
    {
        static struct psw odd __attribute__((aligned(8)));
        odd.mask = PSW_MASK_64;
        extern char _start[];
        odd.addr = (uint64_t)(uintptr_t)_start + 1;
        asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tlpswe %[o]\n0:\n" : : [o] "Q"(odd) : "r1", "memory");
        struct pgm_result r = pgm_result();
        check(r.code == 0x0006, "odd address: code %x", r.code);
        check(r.old_addr == odd.addr, "odd address: old addr %lx", r.old_addr);
    }
    return 0;
}
