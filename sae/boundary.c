/* Instruction-boundary ordering (sae-architecture §7.8) and WFI/WFE (§7.7). */
#include "sae/boundary.h"

#include "sae/el2.h"
#include "sae/sd.h"

bool sae_boundary_ending(const struct sae_boundary_in *in, struct sae_boundary_out *out)
{
    out->tir = 0;
    out->misr = out->eisr = out->elrsr = 0;
    if (in->host_interrupt) {
        out->action = SAE_BND_END;
        out->icptr = SAE_ICPT_SPURIOUS;
        return true;
    }
    uint64_t misr = sae_vgic_misr(in->vgic);
    if (misr) {
        out->action = SAE_BND_END;
        out->icptr = SAE_ICPT_MAINTENANCE;
        out->misr = misr;
        out->eisr = sae_vgic_eisr(in->vgic);
        out->elrsr = sae_vgic_elrsr(in->vgic);
        return true;
    }
    uint8_t tir = sae_timers_tir(in->timers, in->vgic, in->cnt);
    if (tir) {
        out->action = SAE_BND_END;
        out->icptr = SAE_ICPT_TIMER;
        out->tir = tir;
        return true;
    }
    return false;
}

void sae_boundary(const struct sae_boundary_in *in, struct sae_boundary_out *out)
{
    if (sae_boundary_ending(in, out))
        return;
    struct sae_vlines l = sae_vgic_lines(in->vgic, in->hcr_el2);
    /* Virtual exceptions target EL1, so the PSTATE masks apply at EL1 and EL0 alike. */
    if (l.serror && !(in->pstate & SAE_PSTATE_A))
        out->action = SAE_BND_TAKE_VSERROR;
    else if (l.fiq && !(in->pstate & SAE_PSTATE_F))
        out->action = SAE_BND_TAKE_VFIQ;
    else if (l.irq && !(in->pstate & SAE_PSTATE_I))
        out->action = SAE_BND_TAKE_VIRQ;
    else
        out->action = SAE_BND_CONTINUE;
}

#define SCTLR_NTWI (1ull << 16)
#define SCTLR_NTWE (1ull << 18)

enum sae_wfx_action sae_wfx(const struct sae_wfx_in *in, struct sae_boundary_out *bnd_out, bool *clear_event)
{
    *clear_event = false;
    bool would_wait;
    if (in->is_wfe) {
        would_wait = !in->event_register;
    } else {
        /* A signalled virtual interrupt wakes WFI irrespective of PSTATE.{A,I,F}. */
        struct sae_vlines l = sae_vgic_lines(in->bnd->vgic, in->bnd->hcr_el2);
        would_wait = !(l.irq || l.fiq || l.serror);
    }
    if (!would_wait) {
        if (in->is_wfe)
            *clear_event = true;
        return SAE_WFX_COMPLETE;
    }
    /* Traps apply only to a WFx that would wait: EL1 traps of EL0 code first, then EL2 (§7.2). */
    if (in->el0 && !(in->sctlr_el1 & (in->is_wfe ? SCTLR_NTWE : SCTLR_NTWI)))
        return SAE_WFX_TRAP_EL1;
    if (in->bnd->hcr_el2 & (in->is_wfe ? SAE_HCR_TWE : SAE_HCR_TWI))
        return SAE_WFX_TRAP_EL2;
    if (sae_boundary_ending(in->bnd, bnd_out))
        return SAE_WFX_END_EVENT;
    return SAE_WFX_WAIT;
}
