/* EL0: ERET to EL0t and SVC back, EL0 access rules (UNDEFINED EL1 registers and instructions, traps
 * controlled by SCTLR_EL1.UCT/UMA/DZE/UCI/nTWI/nTWE and CNTKCTL_EL1, CPACR_EL1.FPEN = 0b01), the SP
 * alignment check (SCTLR_EL1.SA0) and exception entry from a lower EL (vector offset 0x400). */
#include "lib/t.h"

static volatile uint64_t zbuf[16] __attribute__((aligned(64)));

static uint64_t el0_svc(uint64_t a)
{
    __asm__ volatile("svc #7" ::: "memory");
    return a * 2;
}
static uint64_t el0_mrs_sctlr(uint64_t a) { __asm__ volatile("mrs %0, sctlr_el1" : "=r"(a)); return a; }
static uint64_t el0_ctr(uint64_t a) { __asm__ volatile("mrs %0, ctr_el0" : "=r"(a)); return a; }
static uint64_t el0_daif(uint64_t a) { __asm__ volatile("msr daifset, #2" ::: "memory"); return a; }
static uint64_t el0_wfi(uint64_t a) { __asm__ volatile("wfi" ::: "memory"); return a; }
static uint64_t el0_wfe_event(uint64_t a) { __asm__ volatile("sevl\n wfe" ::: "memory"); return a; }
static uint64_t el0_wfe(uint64_t a) { __asm__ volatile("wfe\n wfe" ::: "memory"); return a; } /* the ERET set the event register */
static uint64_t el0_dczva(uint64_t a) { __asm__ volatile("dc zva, %0" : : "r"(a) : "memory"); return 0; }
static uint64_t el0_dczid(uint64_t a) { (void)a; return READ_SYSREG(dczid_el0); }
static uint64_t el0_cntvct(uint64_t a) { (void)a; return READ_SYSREG(cntvct_el0); }
static uint64_t el0_tpidr(uint64_t a)
{
    WRITE_SYSREG(tpidr_el0, a);
    return READ_SYSREG(tpidr_el0) + READ_SYSREG(tpidrro_el0);
}
static uint64_t el0_tpidrro_write(uint64_t a) { __asm__ volatile("msr tpidrro_el0, %0" : : "r"(a)); return 0; }
static uint64_t el0_hvc(uint64_t a) { __asm__ volatile("hvc #1" ::: "memory"); return a; }
static uint64_t el0_eret(uint64_t a) { __asm__ volatile(".inst 0xd69f03e0" ::: "memory"); return a; }
static uint64_t el0_tlbi(uint64_t a) { __asm__ volatile("tlbi vmalle1" ::: "memory"); return a; }
static uint64_t el0_fp(uint64_t a) { __asm__ volatile("mrs %0, fpsr" : "=r"(a)); return a; }
static uint64_t el0_spsel(uint64_t a) { __asm__ volatile("msr spsel, #1" ::: "memory"); return a; }
static uint64_t el0_nzcv(uint64_t a)
{
    WRITE_SYSREG(nzcv, a);
    return READ_SYSREG(nzcv);
}
static uint64_t el0_misaligned_sp(uint64_t a)
{
    uint64_t r;
    __asm__ volatile("mov x9, sp\n sub sp, sp, #8\n ldr %0, [sp]\n mov sp, x9" : "=r"(r) : : "x9", "memory");
    return a;
}

#define EXPECT_EL0(esr_)                 \
    do {                                 \
        CHECK_EQ(t_last.count, 1);       \
        CHECK_EQ(t_last.esr, esr_);      \
        CHECK_EQ(t_last.vector, 8);      \
    } while (0)

int main(void)
{
    uint64_t r;
    t_reset_exc();
    r = t_run_el0(el0_svc, 21);
    CHECK_EQ(r, 42);
    EXPECT_EL0(0x56000007);
    CHECK_EQ(t_last.spsr & 0x3cf, 0); /* taken from EL0t with DAIF clear */
    CHECK_EQ(READ_SYSREG(currentel), 4);
    /* EL1 registers and instructions are UNDEFINED at EL0 */
    t_reset_exc();
    t_run_el0(el0_mrs_sctlr, 0);
    EXPECT_EL0(0x02000000);
    t_reset_exc();
    t_run_el0(el0_hvc, 0);
    EXPECT_EL0(0x02000000);
    t_reset_exc();
    t_run_el0(el0_eret, 0);
    EXPECT_EL0(0x02000000);
    t_reset_exc();
    t_run_el0(el0_tlbi, 0);
    EXPECT_EL0(0x02000000);
    t_reset_exc();
    t_run_el0(el0_spsel, 0);
    EXPECT_EL0(0x02000000);
    t_reset_exc();
    t_run_el0(el0_tpidrro_write, 0);
    EXPECT_EL0(0x02000000);
    /* traps to EL1 controlled by SCTLR_EL1 (EC 0x18, ISS = the register encoding, Rt, direction) */
    uint64_t sctlr = READ_SYSREG(sctlr_el1);
    WRITE_SYSREG(sctlr_el1, sctlr & ~((1ULL << 15) | (1ULL << 9) | (1ULL << 14) | (1ULL << 16) | (1ULL << 18)));
    t_reset_exc();
    t_run_el0(el0_ctr, 0);
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr & 0xfffffc1f, 0x62000000 | (3u << 20) | (1u << 17) | (3u << 14) | 1u);
    t_reset_exc();
    t_run_el0(el0_daif, 0);
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr, 0x62000000 | (6u << 17) | (3u << 14) | (4u << 10) | (31u << 5) | (2u << 1));
    t_reset_exc();
    t_run_el0(el0_wfi, 0);
    EXPECT_EL0(0x07e00000);
    t_reset_exc();
    t_run_el0(el0_wfe, 0);
    EXPECT_EL0(0x07e00001);
    t_reset_exc();
    t_run_el0(el0_wfe_event, 0); /* the event register is set: WFE completes, no trap */
    CHECK_EQ(t_last.count, 0);
    t_reset_exc();
    t_run_el0(el0_dczva, (uint64_t)zbuf);
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr >> 26, 0x18);
    CHECK_EQ(t_run_el0(el0_dczid, 0), 0x14); /* DZP = 1 while DC ZVA is prohibited */
    /* open them: SCTLR_EL1.UCT, UMA, DZE */
    WRITE_SYSREG(sctlr_el1, sctlr | (1ULL << 15) | (1ULL << 9) | (1ULL << 14));
    t_reset_exc();
    CHECK_EQ(t_run_el0(el0_ctr, 0), 0x9444c004);
    t_run_el0(el0_daif, 0);
    CHECK_EQ(t_last.count, 0);
    CHECK_EQ(t_run_el0(el0_dczid, 0), 0x4);
    for (int i = 0; i < 16; i++)
        zbuf[i] = ~0ULL;
    t_run_el0(el0_dczva, (uint64_t)zbuf + 8);
    CHECK_EQ(t_last.count, 0);
    CHECK_EQ(zbuf[0] | zbuf[7], 0);   /* the whole 64-byte block */
    CHECK_EQ(zbuf[8], ~0ULL);
    WRITE_SYSREG(sctlr_el1, sctlr);
    /* TPIDR_EL0 read/write, TPIDRRO_EL0 read-only; NZCV */
    WRITE_SYSREG(tpidrro_el0, 0x100);
    CHECK_EQ(t_run_el0(el0_tpidr, 0x23), 0x123);
    CHECK_EQ(t_run_el0(el0_nzcv, 0xa0000000), 0xa0000000);
    /* counters: CNTKCTL_EL1.EL0VCTEN */
    WRITE_SYSREG(cntkctl_el1, 0);
    t_reset_exc();
    t_run_el0(el0_cntvct, 0);
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr >> 26, 0x18);
    WRITE_SYSREG(cntkctl_el1, 2);
    t_reset_exc();
    CHECK(t_run_el0(el0_cntvct, 0) != 0);
    CHECK_EQ(t_last.count, 0);
    /* CPACR_EL1.FPEN = 0b01 traps EL0 only */
    WRITE_SYSREG(cpacr_el1, 1ULL << 20);
    t_reset_exc();
    t_run_el0(el0_fp, 0);
    EXPECT_EL0(0x1fe00000);
    WRITE_SYSREG(cpacr_el1, 3ULL << 20);
    t_reset_exc();
    t_run_el0(el0_fp, 0);
    CHECK_EQ(t_last.count, 0);
    /* SP alignment at EL0 (SCTLR_EL1.SA0 = 1) */
    WRITE_SYSREG(sctlr_el1, sctlr | (1ULL << 4));
    t_reset_exc();
    t_run_el0(el0_misaligned_sp, 0);
    EXPECT_EL0(0x9a000000);
    WRITE_SYSREG(sctlr_el1, sctlr & ~(1ULL << 4));
    t_reset_exc();
    t_run_el0(el0_misaligned_sp, 0);
    CHECK_EQ(t_last.count, 0);
    WRITE_SYSREG(sctlr_el1, sctlr);
    return t_failures;
}
