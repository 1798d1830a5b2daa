/* Software step (Arm ARM D2.12): MDSCR_EL1.SS with PSTATE.SS from SPSR_EL1 on ERET to EL0. Each step
 * executes one instruction, then a Software Step exception from a lower EL (EC 0x32, ISV = 1,
 * IFSC = 0x22) is taken with ELR = the next instruction; EX = 1 after a load-exclusive. The OS lock
 * disables it. */
#include "lib/t.h"

static volatile unsigned steps;
static volatile uint64_t step_elr[8], step_esr[8];

static int step_hook(struct t_frame *f, unsigned vector, uint64_t esr)
{
    (void)vector;
    if ((esr >> 26) != 0x32)
        return 0;
    if (steps < 8) {
        step_elr[steps] = f->elr;
        step_esr[steps] = esr;
    }
    steps++;
    if (steps < 8)
        f->spsr |= 1ULL << 21; /* step the next one too */
    else
        WRITE_SYSREG(mdscr_el1, 0); /* stop stepping: run freely to the end */
    return 1;
}

static uint64_t excl_cell __attribute__((aligned(16)));

__attribute__((noinline)) static uint64_t stepped(uint64_t a)
{
    uint64_t r;
    __asm__ volatile("add %0, %1, #1\n add %0, %0, #1\n ldxr x9, [%2]\n add %0, %0, #1\n add %0, %0, #1"
                     : "=&r"(r) : "r"(a), "r"(&excl_cell) : "x9", "memory");
    return r;
}

int main(void)
{
    t_exc_hook = step_hook;
    /* OS lock set: no step */
    WRITE_SYSREG(oslar_el1, 1);
    __asm__ volatile("isb");
    WRITE_SYSREG(mdscr_el1, 1);
    t_el0_spsr = 1ULL << 21;
    CHECK_EQ(t_run_el0(stepped, 10), 14);
    CHECK_EQ(steps, 0);
    /* unlock: step */
    WRITE_SYSREG(oslar_el1, 0);
    WRITE_SYSREG(mdscr_el1, 1);
    CHECK_EQ(t_run_el0(stepped, 10), 14);
    CHECK_EQ(steps, 8);
    uint64_t fn = (uint64_t)stepped;
    const uint32_t *code = (const uint32_t *)fn;
    unsigned ldxr_at = 0;
    while ((code[ldxr_at] & 0xfffffc00u) != 0xc85f7c00u)
        ldxr_at++;
    CHECK(ldxr_at < 7);
    /* the first instruction of `stepped` executed, then each step stops before the next one; EX is
     * set exactly for the step that executed the LDXR */
    for (unsigned k = 0; k < 8; k++) {
        CHECK_EQ(step_elr[k], fn + 4 * (k + 1));
        CHECK_EQ(step_esr[k], k == ldxr_at ? 0xcb000062 : 0xcb000022);
    }
    /* MDSCR_EL1.SS without SPSR.SS: PSTATE.SS = 0, the step exception comes before any instruction */
    steps = 0;
    WRITE_SYSREG(mdscr_el1, 1);
    t_el0_spsr = 0;
    CHECK_EQ(t_run_el0(stepped, 20), 24);
    CHECK_EQ(steps, 8);
    CHECK_EQ(step_elr[0], fn);
    CHECK_EQ(step_elr[1], fn + 4);
    WRITE_SYSREG(mdscr_el1, 0);
    t_exc_hook = 0;
    return t_failures;
}
