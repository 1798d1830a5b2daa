/* Ending events at guest instruction boundaries (sae-architecture §7.8, MD-38, MD-39) and the WFI/WFE
 * rule (§7.7, MD-33):
 *   1. host interruption pending and enabled, or host stop/restart -> end, icptr 0x00
 *   2. GIC maintenance condition                                    -> end, icptr 0x0A
 *   3. an intercepting timer                                        -> end, icptr 0x04
 *   4. a virtual SError, FIQ or IRQ signalled and unmasked          -> guest takes it at EL1
 *   5. otherwise execute the next instruction. */
#ifndef SAE_BOUNDARY_H
#define SAE_BOUNDARY_H

#include <stdbool.h>
#include <stdint.h>

#include "sae/timers.h"
#include "sae/vgic.h"

struct sae_boundary_in {
    bool host_interrupt;            /* supplied by the s390 side (PSW/CR masks already applied) */
    const struct sae_vgic *vgic;
    const struct sae_timers *timers;
    uint64_t cnt;                   /* guest counter G now */
    uint64_t hcr_el2;               /* loaded context */
    uint64_t pstate;                /* guest PSTATE, SPSR layout (A bit 8, I bit 7, F bit 6) */
};

enum sae_bnd_action {
    SAE_BND_END,                    /* end SAE: out.icptr and its data */
    SAE_BND_TAKE_VSERROR,           /* take a virtual SError at EL1 (clear SAE_HCR_EL2.VSE), then continue */
    SAE_BND_TAKE_VFIQ,
    SAE_BND_TAKE_VIRQ,
    SAE_BND_CONTINUE,               /* execute the next instruction */
};

struct sae_boundary_out {
    enum sae_bnd_action action;
    uint8_t icptr;                  /* when SAE_BND_END */
    uint8_t tir;                    /* icptr 0x04 */
    uint64_t misr, eisr, elrsr;     /* icptr 0x0A */
};

/* Rules 1-3 only (the "physical wake-up events" of §7.7): true with out filled when SAE must end. */
bool sae_boundary_ending(const struct sae_boundary_in *in, struct sae_boundary_out *out);
/* The whole ordering of §7.8 at one boundary. Among virtual exceptions SError is taken before FIQ
 * before IRQ (the model's fixed order; Arm leaves simultaneous asynchronous exceptions unordered). */
void sae_boundary(const struct sae_boundary_in *in, struct sae_boundary_out *out);

/* WFI / WFE (§7.7). */
enum sae_wfx_action {
    SAE_WFX_COMPLETE,               /* completes at once (PC += 4) */
    SAE_WFX_TRAP_EL1,               /* SCTLR_EL1.nTWI/nTWE = 0 at EL0: EC 0x01 to EL1 */
    SAE_WFX_TRAP_EL2,               /* SAE_HCR_EL2.TWI/TWE: icptr 0x03, EC 0x01, PC at the WFx */
    SAE_WFX_WAIT,                   /* complete, then end SAE with icptr 0x00, wip 1/2 (PC = WFx + 4) */
    SAE_WFX_END_EVENT,              /* complete, then end with the rule 1-3 event in bnd (wip 0) */
};
struct sae_wfx_in {
    bool is_wfe;
    bool event_register;            /* WFE: consumed when set */
    bool el0;
    uint64_t sctlr_el1;             /* nTWI bit 16, nTWE bit 18 */
    const struct sae_boundary_in *bnd;
};
/* *clear_event is set when a WFE consumes the event register. */
enum sae_wfx_action sae_wfx(const struct sae_wfx_in *in, struct sae_boundary_out *bnd_out, bool *clear_event);

#endif
