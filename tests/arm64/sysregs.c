/* System registers: reset values (the CPU model / architected resets), RES0/RES1 masking on MSR,
 * PSTATE access, timers, RAZ reserved ID encodings. */
#include "lib/t.h"

int main(void)
{
    /* identification (sae-architecture MD-22 baseline + CRC32/LSE/PAN raised) */
    CHECK_EQ(READ_SYSREG(midr_el1), 0x000f0000);
    CHECK_EQ(READ_SYSREG(mpidr_el1), 0x80000000);
    CHECK_EQ(READ_SYSREG(revidr_el1), 0);
    CHECK_EQ(READ_SYSREG(id_aa64pfr0_el1), 0x1100000001000011);
    CHECK_EQ(READ_SYSREG(id_aa64pfr1_el1), 0);
    CHECK_EQ(READ_SYSREG(id_aa64dfr0_el1), 0x101006);
    CHECK_EQ(READ_SYSREG(id_aa64isar0_el1), 0x210000);
    CHECK_EQ(READ_SYSREG(id_aa64isar1_el1), 0);
    CHECK_EQ(READ_SYSREG(id_aa64mmfr0_el1), 0x100025);
    CHECK_EQ(READ_SYSREG(id_aa64mmfr1_el1), 0x100000);
    CHECK_EQ(READ_SYSREG(id_aa64mmfr2_el1), 0);
    CHECK_EQ(READ_SYSREG(id_pfr0_el1), 0);
    CHECK_EQ(READ_SYSREG(s3_0_c0_c3_3), 0); /* reserved ID-space encoding: RAZ */
    CHECK_EQ(READ_SYSREG(s3_0_c0_c7_7), 0);
    CHECK_EQ(READ_SYSREG(ctr_el0), 0x9444c004);
    CHECK_EQ(READ_SYSREG(dczid_el0), 4);
    CHECK_EQ(READ_SYSREG(cntfrq_el0), 1000000000);
    CHECK_EQ(READ_SYSREG(clidr_el1), 0x02000023);
    CHECK_EQ(READ_SYSREG(aidr_el1), 0);
    WRITE_SYSREG(csselr_el1, 2);
    CHECK_EQ(READ_SYSREG(csselr_el1), 2);
    CHECK_EQ(READ_SYSREG(ccsidr_el1), 0x7fe07a);
    WRITE_SYSREG(csselr_el1, 0xffffffff);
    CHECK_EQ(READ_SYSREG(csselr_el1), 0xf);
    WRITE_SYSREG(csselr_el1, 0);
    CHECK_EQ(READ_SYSREG(ccsidr_el1), 0xfe01a);
    /* reset values */
    CHECK_EQ(READ_SYSREG(sctlr_el1), 0x30d00800);
    CHECK_EQ(READ_SYSREG(currentel), 4);
    CHECK_EQ(READ_SYSREG(spsel), 1);
    CHECK_EQ(READ_SYSREG(daif), 0x3c0);
    CHECK_EQ(READ_SYSREG(oslsr_el1), 0xa);
    CHECK_EQ(READ_SYSREG(cpacr_el1), 0);
    CHECK_EQ(READ_SYSREG(tcr_el1), 0);
    CHECK_EQ(READ_SYSREG(cntkctl_el1), 0);
    /* RES0 / RES1 masking (M and A left at 0) */
    WRITE_SYSREG(sctlr_el1, ~3ULL);
    CHECK_EQ(READ_SYSREG(sctlr_el1), 0x34d0de1c);
    WRITE_SYSREG(sctlr_el1, 0);
    CHECK_EQ(READ_SYSREG(sctlr_el1), 0x30500800);
    WRITE_SYSREG(sctlr_el1, 0x30d00800);
    WRITE_SYSREG(tcr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(tcr_el1), 0x77ffffffbf);
    WRITE_SYSREG(tcr_el1, 0);
    WRITE_SYSREG(esr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(esr_el1), 0xffffffff);
    WRITE_SYSREG(spsr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(spsr_el1), 0xf07003df);
    WRITE_SYSREG(elr_el1, 0x123456789abcdef1ULL);
    CHECK_EQ(READ_SYSREG(elr_el1), 0x123456789abcdef1);
    WRITE_SYSREG(far_el1, 0xfedcba9876543210ULL);
    CHECK_EQ(READ_SYSREG(far_el1), 0xfedcba9876543210);
    WRITE_SYSREG(cpacr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(cpacr_el1), 0x10300000);
    WRITE_SYSREG(cpacr_el1, 0);
    WRITE_SYSREG(contextidr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(contextidr_el1), 0xffffffff);
    WRITE_SYSREG(cntkctl_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(cntkctl_el1), 0x3ff);
    WRITE_SYSREG(cntkctl_el1, 0);
    uint64_t vbar = READ_SYSREG(vbar_el1);
    CHECK_EQ(vbar & 0x7ff, 0);
    WRITE_SYSREG(vbar_el1, vbar | 0x7ff);
    CHECK_EQ(READ_SYSREG(vbar_el1), vbar);
    WRITE_SYSREG(mair_el1, 0x44ff0400);
    CHECK_EQ(READ_SYSREG(mair_el1), 0x44ff0400);
    WRITE_SYSREG(tpidr_el0, 1);
    WRITE_SYSREG(tpidr_el1, 2);
    WRITE_SYSREG(tpidrro_el0, 3);
    CHECK_EQ(READ_SYSREG(tpidr_el0) + READ_SYSREG(tpidr_el1) * 16 + READ_SYSREG(tpidrro_el0) * 256, 0x321);
    WRITE_SYSREG(ttbr0_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(ttbr0_el1), 0xfffffffffffffffe);
    WRITE_SYSREG(ttbr0_el1, 0);
    WRITE_SYSREG(par_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(par_el1), 0xff0000ffffffffff);
    WRITE_SYSREG(mdscr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(mdscr_el1), 0xf001);
    WRITE_SYSREG(mdscr_el1, 0);
    WRITE_SYSREG(oslar_el1, 0);
    CHECK_EQ(READ_SYSREG(oslsr_el1), 0x8);
    WRITE_SYSREG(oslar_el1, 1);
    CHECK_EQ(READ_SYSREG(oslsr_el1), 0xa);
    WRITE_SYSREG(osdlr_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(osdlr_el1), 1);
    WRITE_SYSREG(osdlr_el1, 0);
    WRITE_SYSREG(dbgbvr0_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(dbgbvr0_el1), 0xfffffffffffffffc);
    WRITE_SYSREG(dbgbcr1_el1, ~0ULL);
    CHECK_EQ(READ_SYSREG(dbgbcr1_el1), 0x00ffe1e7);
    /* PSTATE fields */
    WRITE_SYSREG(nzcv, ~0ULL);
    CHECK_EQ(READ_SYSREG(nzcv), 0xf0000000);
    WRITE_SYSREG(nzcv, 0);
    __asm__ volatile("msr daifclr, #0xf");
    CHECK_EQ(READ_SYSREG(daif), 0);
    __asm__ volatile("msr daifset, #0x5");
    CHECK_EQ(READ_SYSREG(daif), 0x140);
    WRITE_SYSREG(daif, 0x3c0);
    CHECK_EQ(READ_SYSREG(daif), 0x3c0);
    __asm__ volatile("msr pan, #1");
    CHECK_EQ(READ_SYSREG(pan), 0x400000);
    WRITE_SYSREG(pan, 0);
    CHECK_EQ(READ_SYSREG(pan), 0);
    /* SP_EL0 through MSR/MRS while SP_EL1 is selected */
    WRITE_SYSREG(sp_el0, 0x1230);
    CHECK_EQ(READ_SYSREG(sp_el0), 0x1230);
    uint64_t sp_h, sp_t;
    __asm__ volatile("mov %0, sp\n msr spsel, #0\n mov %1, sp\n msr spsel, #1" : "=&r"(sp_h), "=&r"(sp_t));
    CHECK_EQ(sp_t, 0x1230);
    CHECK(sp_h != 0x1230);
    /* FPCR/FPSR need FP access enabled */
    WRITE_SYSREG(cpacr_el1, 3ULL << 20);
    __asm__ volatile("isb");
    WRITE_SYSREG(fpcr, ~0ULL);
    CHECK_EQ(READ_SYSREG(fpcr), 0x07c00000);
    WRITE_SYSREG(fpsr, ~0ULL);
    CHECK_EQ(READ_SYSREG(fpsr), 0x0800009f);
    /* generic timer */
    uint64_t c0 = READ_SYSREG(cntvct_el0);
    for (volatile int i = 0; i < 100; i++)
        ;
    uint64_t c1 = READ_SYSREG(cntvct_el0);
    CHECK(c1 > c0);
    CHECK(READ_SYSREG(cntpct_el0) >= c1);
    WRITE_SYSREG(cntv_cval_el0, 0);
    WRITE_SYSREG(cntv_ctl_el0, 1);
    CHECK_EQ(READ_SYSREG(cntv_ctl_el0), 5); /* ENABLE, ISTATUS (CVAL in the past) */
    WRITE_SYSREG(cntv_ctl_el0, ~0ULL);
    CHECK_EQ(READ_SYSREG(cntv_ctl_el0), 7);
    WRITE_SYSREG(cntp_tval_el0, 1000000);
    uint64_t tv = READ_SYSREG(cntp_tval_el0);
    CHECK(tv <= 1000000 && tv > 900000);
    WRITE_SYSREG(cntp_ctl_el0, 1);
    CHECK_EQ(READ_SYSREG(cntp_ctl_el0), 1); /* not yet expired */
    uint64_t cv = READ_SYSREG(cntp_cval_el0);
    CHECK(cv > READ_SYSREG(cntpct_el0));
    WRITE_SYSREG(cntp_ctl_el0, 0);
    WRITE_SYSREG(cntv_ctl_el0, 0);
    return t_failures;
}
