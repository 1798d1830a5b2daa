/* vGIC glue (see vgic.h): list registers in the SD <-> saesim's GICv3 model (IRQ DIAGs).
 * Flow for one interrupt:
 *   IRQ_PENDING offers it -> IRQ_ACK makes it active in the model -> the firmware writes a pending
 *   LR -> the guest acknowledges (ICV_IAR1) and deactivates it (ICV_EOIR1/DIR) -> the LR returns to
 *   state 0: for HW = 0 with EOI = 1 that raises the EOI maintenance interception (§7.5, MD-50); for
 *   the HW-linked timer PPIs the firmware sees it at the next interception -> IRQ_DEACTIVATE, and a
 *   level-sensitive line that is still high becomes pending again in the model. */
#include "diag.h"
#include "fw.h"

void vgic_fw_init(struct fw *fw)
{
    for (unsigned i = 0; i < VGIC_NR_LR; i++) {
        fw->vgic.used[i] = false;
        fw->vgic.hw[i] = false;
        fw->vgic.intid[i] = INTID_NONE;
    }
    fw->vgic.overflow = false;
}

/* Retire the LRs the guest has deactivated. Called after every SAE exit. */
void vgic_sync(struct fw *fw)
{
    struct sae_sd *sd = fw->sd;
    for (unsigned i = 0; i < VGIC_NR_LR; i++) {
        if (!fw->vgic.used[i] || !lr_idle(sd->ich_lr[i]))
            continue;
        unsigned intid = fw->vgic.intid[i];
        if (fw->vgic.hw[i]) {
            /* The timer line follows the timer: the firmware lowers it here and raises it again on
             * the next timer interception if the condition still holds (§7.6: the link has ended). */
            hostif_call(SAESIM_DIAG_IRQ_LINE, intid, 0, 0, 0, 0);
        }
        hostif_call(SAESIM_DIAG_IRQ_DEACTIVATE, intid, 0, 0, 0, 0);
        sd->ich_lr[i] = 0;                 /* also clears EOI: removes the maintenance cause */
        fw->vgic.used[i] = false;
        fw->vgic.intid[i] = INTID_NONE;
    }
}

/* Fill free LRs with the interrupts the model offers. Returns the number of LRs filled. Before
 * every SAE (§10: the run loop asks saesim for pending interrupts). */
int vgic_refill(struct fw *fw)
{
    struct sae_sd *sd = fw->sd;
    int filled = 0;
    bool more = false;
    for (;;) {
        unsigned slot = VGIC_NR_LR;
        for (unsigned i = 0; i < VGIC_NR_LR; i++)
            if (!fw->vgic.used[i]) {
                slot = i;
                break;
            }
        uint64_t info = 0;
        unsigned intid = (unsigned)hostif_call(SAESIM_DIAG_IRQ_PENDING, 0, 0, 0, 0, &info);
        if (intid >= 1020)
            break;
        if (slot == VGIC_NR_LR) {
            more = true;                    /* all LRs busy: ask for an underflow maintenance */
            break;
        }
        unsigned prio = (unsigned)(info & 0xff), group = (unsigned)(info >> 8) & 1;
        unsigned acked = (unsigned)hostif_call(SAESIM_DIAG_IRQ_ACK, intid, group, 0, 0, 0);
        if (acked != intid) {
            if (acked < 1020)               /* the offer changed under us: give it back */
                hostif_call(SAESIM_DIAG_IRQ_DEACTIVATE, acked, 0, 0, 0, 0);
            break;
        }
        bool hw = intid == PPI_VTIMER || intid == PPI_PTIMER;
        sd->ich_lr[slot] = lr_make(intid, prio, group, hw);
        fw->vgic.used[slot] = true;
        fw->vgic.intid[slot] = intid;
        fw->vgic.hw[slot] = hw;
        if (hw)
            STAT_INC(fw, timer_irqs);
        else
            STAT_INC(fw, device_irqs);
        filled++;
    }
    fw->vgic.overflow = more;
    if (more)
        sd->ich_hcr |= ICH_HCR_UIE;
    else
        sd->ich_hcr &= ~ICH_HCR_UIE;
    return filled;
}

/* icptr 0x0A: MISR/EISR/ELRSR at 0x400 (MD-50). EOI: the LRs in EISR were deactivated, which
 * vgic_sync() has already retired; U: LRs drained, refilled before the next SAE. The condition is
 * level-sensitive, so what remains must be gone now or SAE would end again at once. */
void vgic_maintenance(struct fw *fw)
{
    struct sae_sd *sd = fw->sd;
    uint64_t eisr = sd->icptd.maint.eisr;
    for (unsigned i = 0; i < VGIC_NR_LR; i++)
        if (eisr & (1u << i)) {
            /* EOI-maintenance LR not tracked by us: clear it so the condition goes away. */
            if (!fw->vgic.used[i])
                sd->ich_lr[i] = 0;
        }
    sd->ich_hcr &= ~ICH_HCR_UIE;            /* vgic_refill() sets it again if still needed */
}
