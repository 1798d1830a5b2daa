/* Glue between the SAE library, the s390 host CPU and the AArch64 guest CPU: the per-host-CPU SAE
 * state hung on `s390_cpu.sae_ctx` (see docs/sae-model.md §4). */
#ifndef SAE_SAE_CPU_H
#define SAE_SAE_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "arm64/cpu.h"
#include "mmu/sae_stage2.h"
#include "s390/cpu.h"
#include "sae/context.h"
#include "sae/boundary.h"
#include "sae/qaaf.h"
#include "sae/timers.h"
#include "sae/vgic.h"

struct sae_cpu {
    struct s390_cpu *host;
    struct sae_context ctx;             /* the loaded context of this CPU (MD-11) */
    struct arm64_cpu *arm;              /* runs the guest during SAE */
    sae_qaaf_value_fn values;           /* CPU-model ID values (QAAF fc 1, validity MGPAS) */

    /* storage-callback scratch for the companion instructions */
    uint64_t last_teid;

    /* ---- state of the SAE execution in progress ---- */
    uint8_t *sd;                        /* host pointer to the SD */
    uint64_t sd_real;
    struct sae_stage2 s2;
    struct sae_vgic vgic;
    uint64_t gpto;
    uint64_t accounted;                 /* arm->insn_count already added to the vclock */
    bool ended;                         /* a hook decided the ending */
    uint8_t icptr;
    uint32_t wip;
    bool icptd_written;                 /* the hook wrote 0x400-0x43F itself */

    /* ---- debugger controls (tools/machines/debug_sae.c); all off after attach ---- */
    uint64_t dbg_budget;                /* guest instructions left, SAE_BUDGET_NONE = no budget */
    bool (*dbg_check)(void *opaque, struct arm64_cpu *arm);  /* before each guest instruction */
    void *dbg_opaque;
    bool dbg_stop_on_exit;              /* stop the s390 run loop after every SAE ending */
    bool dbg_hit;                       /* dbg_check asked for the last ending */
    bool dbg_caused;                    /* the last ending (icptr 0x00) was only the debugger's */
    /* ---- the last SAE ending, for debuggers and traces ---- */
    uint64_t exits;                     /* SAE endings (validity included) */
    uint8_t last_icptr;
    uint32_t last_wip;
    uint64_t last_pc;                   /* guest PC stored in the SD */
    uint64_t last_sd;                   /* real address of the SD of the last SAE */
    uint8_t last_icptd[0x40];           /* SD bytes 0x400-0x43F at the ending */
};

#define SAE_BUDGET_NONE UINT64_MAX

/* Debugger support (docs/debugging.md "The sae machine"). A guest-instruction budget: once n more
 * guest instructions (exception entries included) have been executed, SAE ends at that boundary
 * with icptr 0x00 for an internal reason (MD-38 allows this at any boundary) and the s390 run loop
 * returns after the SAE instruction. n = 0 ends the next SAE at its first boundary, before any
 * guest instruction; SAE_BUDGET_NONE switches the budget off. */
void sae_cpu_set_guest_budget(struct s390_cpu *c, uint64_t n);
/* Guest instructions still allowed by the budget (SAE_BUDGET_NONE if none). */
uint64_t sae_cpu_guest_budget(const struct s390_cpu *c);
/* check(opaque, arm) is called before every guest instruction while it is set (the guest then runs
 * one instruction per arm64_run call: slow, exact); when it returns true SAE ends there as for the
 * budget, with the instruction not executed. NULL removes it. */
void sae_cpu_set_guest_check(struct s390_cpu *c, bool (*check)(void *opaque, struct arm64_cpu *arm),
                             void *opaque);
/* Make every SAE ending stop the s390 run loop after the SAE instruction (break sae <icptr>). */
void sae_cpu_set_stop_on_exit(struct s390_cpu *c, bool on);


/* Create the SAE state for host CPU c (reads c->aef_installed), register the six opcodes (once),
 * install the PTFF hook and QAF bits. values = NULL selects arm64_model_qaaf_value. Returns NULL on
 * allocation failure. */
struct sae_cpu *sae_cpu_attach(struct s390_cpu *c, sae_qaaf_value_fn values);
void sae_cpu_detach(struct s390_cpu *c);
/* CPU reset / IPL: discard the loaded context (MD-60). */
void sae_cpu_reset(struct s390_cpu *c);
/* The disassembler hook for DISAS_S390X that knows the six SAE opcodes and falls back to the s390
 * disassembler. */
unsigned sae_s390_disas(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen);

/* ---- guest_env.c ---- */
extern const struct arm64_env sae_guest_env;
/* Entry: SD + loaded context + host VRs -> Arm CPU. */
void sae_guest_load(struct sae_cpu *s);
/* Ending: Arm CPU -> SD + loaded context + host VRs (MD-55). */
void sae_guest_store(struct sae_cpu *s);
/* The guest counter G now (accounts the guest instructions executed so far). */
uint64_t sae_guest_cnt_now(struct sae_cpu *s);
/* Add executed guest instructions to the virtual clock. */
void sae_guest_sync_clock(struct sae_cpu *s);
/* Drive the Arm IRQ/FIQ inputs from the LR-signalled lines (HCR_EL2.VI/VF/VSE are added by the core). */
void sae_guest_update_lines(struct sae_cpu *s);
/* The timers as the machine sees them now (CTL/CVAL from the Arm CPU). */
void sae_guest_timers(struct sae_cpu *s, struct sae_timers *ts);
/* Record an ending decided at a boundary (icptr 0x00 / 0x04 / 0x0A with its data). */
void sae_guest_end_boundary(struct sae_cpu *s, const struct sae_boundary_out *o, uint32_t wip);

#endif
