/* Interrupts on arm64-bare: the EL1 virtual timer (PPI 11 = INTID 27) through the GICv3 redistributor
 * and the ICC_* CPU interface, taken at the EL1h IRQ vector (offset 0x280) after a WFI; masking by
 * PSTATE.I; ISR_EL1. saesim-specific (the platform's GIC is part of the model). */
#include "lib/t.h"

#define GICD 0x08000000ULL
#define GICR 0x080a0000ULL
#define SGI_BASE (GICR + 0x10000)
#define MMIO32(a) (*(volatile uint32_t *)(a))
#define MMIO8(a) (*(volatile uint8_t *)(a))

static volatile unsigned irq_intid, irq_count;

static int irq_hook(struct t_frame *f, unsigned vector, uint64_t esr)
{
    (void)f;
    (void)esr;
    if ((vector & 3) != 1)
        return 0;
    uint64_t id = READ_SYSREG(icc_iar1_el1);
    irq_intid = (unsigned)id;
    irq_count++;
    WRITE_SYSREG(cntv_ctl_el0, 0);    /* lower the timer's line */
    WRITE_SYSREG(icc_eoir1_el1, id);
    return 1;
}

int main(void)
{
    MMIO32(GICD) = 0x13;                      /* ARE, EnableGrp1, EnableGrp0 */
    MMIO32(GICR + 0x14) = 0;                  /* GICR_WAKER.ProcessorSleep = 0 */
    MMIO32(SGI_BASE + 0x80) = 1u << 27;       /* Group 1 */
    MMIO8(SGI_BASE + 0x400 + 27) = 0x80;      /* priority */
    MMIO32(SGI_BASE + 0x100) = 1u << 27;      /* enable */
    WRITE_SYSREG(icc_pmr_el1, 0xf0);
    WRITE_SYSREG(icc_igrpen1_el1, 1);
    __asm__ volatile("isb");
    CHECK_EQ(READ_SYSREG(icc_sre_el1) & 1, 1);
    t_exc_hook = irq_hook;
    /* masked: the timer fires, ISR_EL1.I shows it, nothing is taken */
    WRITE_SYSREG(cntv_tval_el0, 2000);
    WRITE_SYSREG(cntv_ctl_el0, 1);
    __asm__ volatile("wfi");                  /* completes when the interrupt becomes pending */
    CHECK_EQ(READ_SYSREG(cntv_ctl_el0), 5);
    CHECK_EQ(READ_SYSREG(isr_el1), 0x80);
    CHECK_EQ(irq_count, 0);
    /* unmask: taken at once */
    t_reset_exc();
    __asm__ volatile("msr daifclr, #2\n isb\n nop\n msr daifset, #2" ::: "memory");
    CHECK_EQ(irq_count, 1);
    CHECK_EQ(irq_intid, 27);
    CHECK_EQ(t_last.vector, 5);
    CHECK_EQ(READ_SYSREG(isr_el1), 0);
    /* WFI with IRQs unmasked: the timer wakes the PE and the interrupt is taken */
    uint64_t t0 = READ_SYSREG(cntvct_el0);
    WRITE_SYSREG(cntv_tval_el0, 1000000);     /* 1 ms of virtual time */
    WRITE_SYSREG(cntv_ctl_el0, 1);
    __asm__ volatile("msr daifclr, #2\n wfi\n msr daifset, #2" ::: "memory");
    CHECK_EQ(irq_count, 2);
    CHECK(READ_SYSREG(cntvct_el0) - t0 >= 1000000); /* the idle time was skipped, not executed */
    t_exc_hook = 0;
    return t_failures;
}
