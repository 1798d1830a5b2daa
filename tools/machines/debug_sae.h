/* The debug target (tools/debug/target.h) of the -M sae machine: context 0 "arm" (the AArch64 guest
 * vCPU, read from the SD, the loaded context / save area and the host VRs, because the machine is
 * always stopped between s390 instructions, i.e. outside SAE) and context 1 "s390" (the host CPU).
 * The machine (tools/machines/sae.c) supplies its run loop through struct sae_dbg_machine, so the
 * end conditions (power off, disabled wait, timeout, --max-insns) stay in one place. See
 * docs/debugging.md "The sae machine". */
#ifndef TOOLS_MACHINES_DEBUG_SAE_H
#define TOOLS_MACHINES_DEBUG_SAE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/symtab.h"
#include "s390/cpu.h"
#include "tools/debug/target.h"

enum { SAE_DBG_ARM = 0, SAE_DBG_S390 = 1 };

struct sae_dbg_machine {
    struct s390_cpu *cpu;            /* with the SAE facility attached (cpu->sae_ctx) */
    const struct symtab *arm_syms;   /* guest ELF symbols, or NULL */
    const struct symtab *s390_syms;  /* firmware ELF symbols, or NULL */
    const void *dtb;
    size_t dtb_len;
    /* Run the s390 CPU for up to n instructions (s390_run), then the machine's end checks. Returns
     * true once the machine has ended, with *status the process exit status and *reason set. */
    bool (*run)(void *opaque, uint64_t n, int *status, const char **reason);
    void *opaque;
};

struct sae_dbg;

struct sae_dbg *sae_dbg_new(const struct sae_dbg_machine *m);
void sae_dbg_free(struct sae_dbg *d);
struct dbg_target *sae_dbg_target(struct sae_dbg *d);
/* Run the host firmware up to its first SAE instruction (the guest then sits at its entry point, no
 * guest instruction executed), so that the Arm context has a state. False if the machine ended. */
bool sae_dbg_run_to_first_entry(struct sae_dbg *d);
/* True once run/step saw the machine end (exit status in *status). */
bool sae_dbg_ended(const struct sae_dbg *d, int *status);

#endif
