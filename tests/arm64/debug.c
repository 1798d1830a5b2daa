/* Hardware breakpoints and watchpoints (Arm ARM D2.8, D2.10): DBGBVR/DBGBCR and DBGWVR/DBGWCR with
 * MDSCR_EL1.MDE (and KDE for EL1), privilege filtering, load/store selection, byte-address select.
 * Breakpoint: EC 0x30/0x31, ISS 0x22, ELR = the instruction. Watchpoint: EC 0x34/0x35, WnR, DFSC 0x22,
 * FAR = the watched address. */
#include "lib/t.h"

static volatile uint64_t var __attribute__((aligned(16)));
static volatile unsigned hits;

static int dbg_hook(struct t_frame *f, unsigned vector, uint64_t esr)
{
    (void)f;
    (void)vector;
    unsigned ec = (unsigned)(esr >> 26);
    if (ec != 0x30 && ec != 0x31 && ec != 0x34 && ec != 0x35)
        return 0;
    hits++;
    /* disarm and return to the same instruction, which then completes */
    WRITE_SYSREG(dbgbcr0_el1, 0);
    WRITE_SYSREG(dbgbcr1_el1, 0);
    WRITE_SYSREG(dbgwcr0_el1, 0);
    WRITE_SYSREG(dbgwcr1_el1, 0);
    return 1;
}

extern char bp_here[], bp_other[], bp_el0_fn[];
__asm__(".text\n.balign 4\nbp_el0_fn:\n add x0, x0, #1\n ret\n"
        "bp_here:\n nop\n ret\n"
        "bp_other:\n nop\n ret\n");

int main(void)
{
    t_exc_hook = dbg_hook;
    WRITE_SYSREG(oslar_el1, 0);
    WRITE_SYSREG(mdscr_el1, (1u << 15) | (1u << 13)); /* MDE, KDE */
    /* EL1 breakpoint: needs PSTATE.D = 0 */
    WRITE_SYSREG(dbgbvr0_el1, (uint64_t)bp_here);
    WRITE_SYSREG(dbgbcr0_el1, 0x1e7); /* BAS = 0b1111, PMC = 0b11, E */
    __asm__ volatile("isb");
    t_reset_exc();
    __asm__ volatile("bl bp_here" ::: "x30", "memory"); /* PSTATE.D masked (as at entry): no breakpoint */
    CHECK_EQ(t_last.count, 0);
    __asm__ volatile("msr daifclr, #8\n isb\n bl bp_other\n msr daifset, #8" ::: "x30", "memory");
    CHECK_EQ(t_last.count, 0); /* a different address */
    __asm__ volatile("msr daifclr, #8\n isb\n bl bp_here\n msr daifset, #8" ::: "x30", "memory");
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr, 0xc6000022);
    CHECK_EQ(t_last.elr, (uint64_t)bp_here);
    /* EL0 breakpoint: PMC = 0b10 fires at EL0, PMC = 0b01 does not */
    WRITE_SYSREG(dbgbvr1_el1, (uint64_t)bp_el0_fn);
    WRITE_SYSREG(dbgbcr1_el1, 0x1e3); /* PMC = 0b01: EL1 only */
    t_reset_exc();
    CHECK_EQ(t_run_el0((uint64_t(*)(uint64_t))(void *)bp_el0_fn, 5), 6);
    CHECK_EQ(t_last.count, 0);
    WRITE_SYSREG(dbgbcr1_el1, 0x1e5); /* PMC = 0b10: EL0 only */
    t_reset_exc();
    CHECK_EQ(t_run_el0((uint64_t(*)(uint64_t))(void *)bp_el0_fn, 5), 6);
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr, 0xc2000022);
    CHECK_EQ(t_last.elr, (uint64_t)bp_el0_fn);
    /* watchpoints at EL1 (PSTATE.D cleared for the rest of the test) */
    __asm__ volatile("msr daifclr, #8\n isb");
    /* watchpoint on stores to var (all 8 bytes): loads pass, the store traps, then completes */
    WRITE_SYSREG(dbgwvr0_el1, (uint64_t)&var);
    WRITE_SYSREG(dbgwcr0_el1, 0x1ff7); /* BAS = 0xff, LSC = store, PAC = both, E */
    __asm__ volatile("isb");
    t_reset_exc();
    uint64_t v = var;
    (void)v;
    CHECK_EQ(t_last.count, 0);
    var = 42;
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr, 0x96000062 + 0x40000000);
    CHECK_EQ(t_last.far, (uint64_t)&var);
    CHECK_EQ(var, 42);
    /* byte-address select: bytes 2-3 only */
    WRITE_SYSREG(dbgwcr0_el1, 0x0197 | (0x0c << 5)); /* BAS = 0b00001100, LSC = store */
    WRITE_SYSREG(dbgwcr0_el1, 0x17 | (0x0c << 5));
    t_reset_exc();
    *(volatile uint8_t *)((uint64_t)&var + 0) = 1;
    *(volatile uint16_t *)((uint64_t)&var + 4) = 1;
    CHECK_EQ(t_last.count, 0);
    *(volatile uint32_t *)((uint64_t)&var + 1) = 7; /* bytes 1-4 overlap 2-3 */
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.far, (uint64_t)&var + 2);
    /* EL0-only load watchpoint: an EL1 LDR does not hit, LDTR (an EL0 access) does */
    WRITE_SYSREG(dbgwcr1_el1, 0x1fed); /* BAS = 0xff, LSC = load, PAC = 0b10 (EL0), E */
    WRITE_SYSREG(dbgwvr1_el1, (uint64_t)&var);
    t_reset_exc();
    v = var;
    CHECK_EQ(t_last.count, 0);
    __asm__ volatile("ldtr %0, [%1]" : "=&r"(v) : "r"(&var) : "memory");
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr, 0x96000022 + 0x40000000);
    /* MDE = 0: nothing fires */
    WRITE_SYSREG(mdscr_el1, 0);
    WRITE_SYSREG(dbgwcr0_el1, 0x1ff7);
    t_reset_exc();
    var = 1;
    CHECK_EQ(t_last.count, 0);
    WRITE_SYSREG(dbgwcr0_el1, 0);
    __asm__ volatile("msr daifset, #8");
    t_exc_hook = 0;
    CHECK_EQ(hits, 5); /* 2 breakpoints, 3 watchpoints */
    return t_failures;
}
