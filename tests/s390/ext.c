/* External interruptions: clock comparator (0x1004), CPU timer (0x1005), emergency signal (0x1201)
 * and external call (0x1202) sent by SIGP to this CPU, subclass masking in CR0, and SIGP condition
 * codes (sense, not-operational address, invalid order). */
#include "lib/expect.h"

static uint16_t cpu_addr;
static struct psw wait_psw __attribute__((aligned(8)));

/* Enabled wait until an external interruption; returns its code. */
static uint16_t wait_ext(void)
{
    set_new_psw(LC_EXT_NEW, PSW_MASK_64, 0);
    LC16(LC_EXT_CODE) = 0;
    wait_psw.mask = PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64;
    asm volatile("larl %%r1,0f\n\tstg %%r1,8+%0\n\tstg %%r1,0x1b8\n\tlpswe %0\n0:\n"
                 : "+Q"(wait_psw) : : "r1", "memory");
    return LC16(LC_EXT_CODE);
}

static int sigp(unsigned order, uint16_t addr, uint32_t *status)
{
    register unsigned long r2 asm("2") = 0;
    register unsigned long r3 asm("3") = 0;
    register unsigned long a asm("4") = addr;
    int cc;
    asm volatile("sigp %[r2],%[a],0(%[o])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), [r2] "+d"(r2) : "d"(r3), [a] "d"(a), [o] "a"((unsigned long)order) : "cc", "memory");
    if (status)
        *status = (uint32_t)r2;
    return cc;
}

static void set_ckc(uint64_t v) { asm volatile("sckc %0" : : "Q"(v)); }
static void set_cpu_timer(int64_t v) { asm volatile("spt %0" : : "Q"(v)); }
static int64_t cpu_timer(void) { int64_t v; asm volatile("stpt %0" : "=Q"(v)); return v; }

int main(void)
{
    asm volatile("stap %0" : "=Q"(cpu_addr));
    uint64_t cr0 = stctg(0);

    /* Clock comparator: 100 us ahead (TOD bit 51 = 1 us). */
    uint64_t ckc = stck() + (100UL << 12);
    set_ckc(ckc);
    lctlg0(cr0 | (1UL << 11));
    uint16_t code = wait_ext();
    uint64_t now = stck();
    check(code == 0x1004, "ckc: code %x", code);
    check(now > ckc, "ckc: interruption before the comparator value (%lx <= %lx)", now, ckc);
    set_ckc(~0UL);
    lctlg0(cr0);

    /* A pending clock-comparator condition waits for the subclass mask: the comparator value
     * that has just passed (TOD > CKC, PoP ch. 4 "Clock Comparator"). CKC 0 and the CPU timer
     * after its interruption are checked in ext_timers.c (qemu-system-s390x 7.2 gets them wrong). */
    set_ckc(ckc);
    set_new_psw(LC_EXT_NEW, PSW_MASK_64, 0);
    LC16(LC_EXT_CODE) = 0;
    for (volatile int i = 0; i < 100; i++)
        ;
    check(LC16(LC_EXT_CODE) == 0, "masked ckc was taken");
    lctlg0(cr0 | (1UL << 11));
    code = wait_ext();
    check(code == 0x1004, "unmasked pending ckc: code %x", code);
    set_ckc(~0UL);
    lctlg0(cr0);

    /* CPU timer: it counts down from the value set (checked with 50 ms, so that an implementation
     * running in host time, like QEMU on a loaded machine, cannot legitimately pass zero before the
     * STPT), then interrupts once it is negative (50 us). */
    set_cpu_timer(50000L << 12);
    int64_t t1 = cpu_timer();
    check(t1 > 0 && t1 <= (50000L << 12), "cpu timer value %ld", t1);
    set_cpu_timer(50L << 12);
    lctlg0(cr0 | (1UL << 10));
    code = wait_ext();
    check(code == 0x1005, "cpu timer: code %x", code);
    set_cpu_timer(0x7fffffffffffffffL);
    lctlg0(cr0);

    /* Emergency signal to ourselves. */
    lctlg0(cr0 | (1UL << 14));
    check(sigp(0x03, cpu_addr, 0) == 0, "sigp emergency cc");
    code = wait_ext();
    check(code == 0x1201, "emergency: code %x", code);
    check(LC16(LC_EXT_CPU_ADDR) == cpu_addr, "emergency: source %u", LC16(LC_EXT_CPU_ADDR));
    lctlg0(cr0);

    /* External call: a second one while the first is pending is refused with status. */
    uint32_t status = 0;
    check(sigp(0x02, cpu_addr, 0) == 0, "sigp external call cc");
    check(sigp(0x02, cpu_addr, &status) == 1, "second external call cc");
    check(status == 0x80, "external call pending status %x", status);
    lctlg0(cr0 | (1UL << 13));
    code = wait_ext();
    check(code == 0x1202, "external call: code %x", code);
    lctlg0(cr0);

    /* SIGP sense to ourselves, to a CPU that does not exist, and an invalid order. */
    check(sigp(0x01, cpu_addr, 0) == 0, "sigp sense cc");
    check(sigp(0x01, 5, 0) == 3, "sigp to cpu 5 cc");
    check(sigp(0x77, cpu_addr, &status) == 1 && status == 0x02, "invalid order status %x", status);
    check(sigp(0x12, cpu_addr, &status) == 1 && status == 0x100, "set architecture status %x", status);
    return 0;
}
