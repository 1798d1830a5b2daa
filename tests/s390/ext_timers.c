/* Timer corners that qemu-system-s390x 7.2 does not handle as architected, so they are kept out of
 * the portable ext.c (saesim-only; see docs/s390.md "Same verdict under QEMU"):
 *   - a clock comparator of 0 is below any TOD value of a running machine: the condition is
 *     pending at once and is taken as soon as the subclass is enabled (PoP ch. 4 "Clock
 *     Comparator": an interruption condition exists whenever TOD > CKC);
 *   - the CPU timer goes on decrementing past zero: after its interruption (requested while the
 *     timer is negative, PoP ch. 4 "CPU Timer") STPT shows a negative value. */
#include "lib/expect.h"

static struct psw wait_psw __attribute__((aligned(8)));

static uint16_t wait_ext(void)
{
    set_new_psw(LC_EXT_NEW, PSW_MASK_64, 0);
    LC16(LC_EXT_CODE) = 0;
    wait_psw.mask = PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64;
    asm volatile("larl %%r1,0f\n\tstg %%r1,8+%0\n\tstg %%r1,0x1b8\n\tlpswe %0\n0:\n"
                 : "+Q"(wait_psw) : : "r1", "memory");
    return LC16(LC_EXT_CODE);
}

static void set_ckc(uint64_t v) { asm volatile("sckc %0" : : "Q"(v)); }
static void set_cpu_timer(int64_t v) { asm volatile("spt %0" : : "Q"(v)); }
static int64_t cpu_timer(void) { int64_t v; asm volatile("stpt %0" : "=Q"(v)); return v; }

int main(void)
{
    uint64_t cr0 = stctg(0);

    /* CKC 0, masked: pending but not taken; unmasked: taken. */
    set_ckc(0);
    set_new_psw(LC_EXT_NEW, PSW_MASK_64, 0);
    LC16(LC_EXT_CODE) = 0;
    for (volatile int i = 0; i < 100; i++)
        ;
    check(LC16(LC_EXT_CODE) == 0, "masked ckc was taken");
    lctlg0(cr0 | (1UL << 11));
    uint16_t code = wait_ext();
    check(code == 0x1004, "ckc 0: code %x", code);
    set_ckc(~0UL);
    lctlg0(cr0);

    /* CPU timer: 20 us, then negative (and still decrementing) after its interruption. */
    set_cpu_timer(20L << 12);
    lctlg0(cr0 | (1UL << 10));
    code = wait_ext();
    int64_t t1 = cpu_timer();
    for (volatile int i = 0; i < 1000; i++)
        ;
    int64_t t2 = cpu_timer();
    check(code == 0x1005, "cpu timer: code %x", code);
    check(t1 < 0, "cpu timer not negative after its interruption: %ld", t1);
    check(t2 < t1, "cpu timer stopped after going negative: %ld then %ld", t1, t2);
    set_cpu_timer(0x7fffffffffffffffL);
    lctlg0(cr0);
    return 0;
}
