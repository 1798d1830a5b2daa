/* Generic timers and idle (§7.6, §7.7). The machine compares CNTV/CNTP CVAL with the guest counter
 * and ends SAE with icptr 0x04 while a timer is asserted and not HW-linked through an LR. The
 * firmware then raises the timer PPI line in saesim's GIC model; vgic_refill() puts the PPI into an
 * LR with HW = 1 and pINTID = the PPI, which suppresses the interception until the guest
 * deactivates it (MD-35). A WFI with nothing pending ends SAE with icptr 0x00, wip = 1: the firmware
 * then blocks in the WAIT DIAG until the earlier timer deadline or a device event. */
#include "diag.h"
#include "fw.h"
#include "sae_insn.h"
#include "timer.h"

static const unsigned timer_ppi[2] = { PPI_VTIMER, PPI_PTIMER };

static uint32_t *timer_ctl(struct fw *fw, int t)
{
    return t == 0 ? &fw->sd->cntv_ctl : &fw->sd->cntp_ctl;
}

static bool timer_linked(struct fw *fw, int t)
{
    for (unsigned i = 0; i < VGIC_NR_LR; i++)
        if (fw->vgic.used[i] && fw->vgic.hw[i] && fw->vgic.intid[i] == timer_ppi[t])
            return true;
    return false;
}

/* icptr 0x04: tir 0x40 virtual, 0x80 physical (§6.2). */
void timer_intercept(struct fw *fw, uint8_t tir)
{
    for (int t = 0; t < 2; t++) {
        if (!(tir & (t == 0 ? TIR_VIRT : TIR_PHYS)))
            continue;
        hostif_call(SAESIM_DIAG_IRQ_LINE, timer_ppi[t], 1, 0, 0, 0);
        vgic_refill(fw);
        if (!timer_linked(fw, t)) {
            /* The GIC model does not take the PPI (disabled in GICR_ISENABLER0, group off, ...).
             * Without an LR link SAE would intercept again before any guest instruction, so the
             * firmware masks the timer (IMASK) until the guest writes a device register (which may
             * enable the PPI: timer_mmio_written) or rewrites CNTx_CTL itself. */
            *timer_ctl(fw, t) |= CNT_CTL_IMASK;
            fw->timer_fw_masked[t] = true;
            fw->timer_masked_ctl[t] = *timer_ctl(fw, t) & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
        }
    }
}

/* After every interception: a timer the firmware masked whose CTL the guest has since rewritten
 * (ENABLE/IMASK changed) belongs to the guest again. */
void timer_after_exit(struct fw *fw, unsigned icptr)
{
    (void)icptr;
    for (int t = 0; t < 2; t++)
        if (fw->timer_fw_masked[t] &&
            (*timer_ctl(fw, t) & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) != fw->timer_masked_ctl[t]) {
            fw->timer_fw_masked[t] = false;
            hostif_call(SAESIM_DIAG_IRQ_LINE, timer_ppi[t], 0, 0, 0, 0);
        }
}

/* A guest MMIO write completed: it may have enabled a timer PPI, so undo the firmware's IMASK; if the
 * PPI is still not deliverable the next timer interception masks again. */
void timer_mmio_written(struct fw *fw)
{
    for (int t = 0; t < 2; t++)
        if (fw->timer_fw_masked[t]) {
            *timer_ctl(fw, t) &= ~CNT_CTL_IMASK;
            fw->timer_fw_masked[t] = false;
            hostif_call(SAESIM_DIAG_IRQ_LINE, timer_ppi[t], 0, 0, 0, 0);
        }
}

/* Earliest TOD deadline of the enabled, unmasked, unlinked timers; 0 if none; 1 if one has expired. */
static uint64_t next_deadline(struct fw *fw)
{
    uint64_t best = 0;
    uint64_t now_cnt = vcpu_guest_counter(fw), now_tod = stck();
    for (int t = 0; t < 2; t++) {
        uint32_t ctl = *timer_ctl(fw, t);
        if (!(ctl & CNT_CTL_ENABLE) || (ctl & CNT_CTL_IMASK) || timer_linked(fw, t))
            continue;
        uint64_t cval = t == 0 ? EASR(ID_CNTV_CVAL, fw->sa, SASR_M4_LOADED) : EASR(ID_CNTP_CVAL, fw->sa, SASR_M4_LOADED);
        if (cval <= now_cnt)
            return 1;
        uint64_t d = timer_deadline_tod(cval, now_cnt, now_tod);
        if (!best || d < best)
            best = d;
    }
    return best;
}

/* The vCPU is idle (icptr 0x00 with wip = 1, a trapped WFI, or PSCI CPU_SUSPEND). */
void timer_wait_idle(struct fw *fw)
{
    if (vgic_refill(fw))
        return;                         /* an interrupt arrived meanwhile: run the guest */
    uint64_t deadline = next_deadline(fw);
    if (deadline == 1)
        return;                         /* a timer has fired: SAE reports it at once */
    STAT_INC(fw, wfi_waits);
    if (fw->verbose)
        fw_printf("saesim-fw: idle until TOD 0x%lx\n", (unsigned long)deadline);
    hostif_call(SAESIM_DIAG_WAIT, deadline, 0, 0, 0, 0);
}
