/* Internals shared by the -M sae debug target's files: debug_sae.c (registers, memory, running)
 * and debug_sae_text.c (the texts: flags, SAE block, TLB, translation walks). */
#ifndef TOOLS_MACHINES_DEBUG_SAE_INT_H
#define TOOLS_MACHINES_DEBUG_SAE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm64/cpu.h"
#include "mmu/sae_stage2.h"
#include "sae/sae_cpu.h"
#include "tools/machines/debug_s390.h"
#include "tools/machines/debug_sae.h"

/* Register indices of the Arm context (the s390 context's: debug_s390.h). */
enum {
    A_X0 = 0, A_SP = 31, A_PC = 32, A_CPSR = 33, A_V0 = 34, A_FPSR = 66, A_FPCR = 67,
    A_SP_EL0 = 68, A_SP_EL1 = 69, A_CNTP_CTL = 70, A_CNTV_CTL = 71, A_CONTEXTIDR = 72, A_SLOT0 = 73,
};

#define A_MAXREGS (A_SLOT0 + 512)

struct sae_dbg {
    struct sae_dbg_machine m;
    struct dbg_target t;
    struct dbg_context ctx[2];
    struct dbg_reg arm_regs[A_MAXREGS];
    uint16_t arm_slot[A_MAXREGS];        /* A_SLOT0.. : the save-area slot */
    struct dbg_reg s390_regs[S_NREGS];
    char names[A_MAXREGS + S_NREGS][24];
    bool ended;
    int status;
    const char *reason;
    /* run(): breakpoint / watchpoint checks at every guest instruction boundary */
    const struct dbg_stopset *set;
    uint64_t run_start;                  /* arm insn_count when run() started */
    bool hit_bp, hit_wp, hit_int;
    uint64_t hit_addr;
    /* watchpoints, checked by the CPUs on their memory slow paths (arm64_/s390_set_watchpoints) */
    struct arm64_watch arm_watch[64];
    struct s390_watch s390_watch[64];
};

static inline struct sae_cpu *sae(struct sae_dbg *d) { return d->m.cpu->sae_ctx; }

/* The guest's state outside SAE: the SD, and the loaded context or (after STIASRM) the save area. */
struct arm_view {
    uint8_t *sd;
    uint64_t sd_real;
    uint64_t *ctx_regs;  /* loaded context, or NULL: then sa */
    uint8_t *sa;
};

/* Where a translation walk writes its steps (buf NULL: nowhere). */
struct walk_log {
    struct sae_dbg *d;
    const struct sae_stage2 *s2;
    char *buf;
    size_t len, used;
};

bool sae_dbg_view(struct sae_dbg *d, struct arm_view *v);
/* Save-area slot value (0 if the context is unavailable). */
uint64_t sae_dbg_slot(const struct arm_view *v, unsigned slot);
/* The s390 PSW points at an SAE instruction; *sd_real (may be NULL) gets the SD it designates. */
bool sae_dbg_at_sae(struct sae_dbg *d, uint64_t *sd_real);
const char *sae_dbg_icptr_name(unsigned icptr);
/* Arm address in space 0 va / 1 ipa / 2 abs -> host absolute, walk steps into log (may be NULL). */
bool sae_dbg_arm_to_abs(struct sae_dbg *d, unsigned space, uint64_t addr, uint64_t *abs, struct walk_log *log);
void sae_dbg_logf(struct walk_log *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s390 virtual (primary space, CR1; real when DAT is off) -> absolute, no side effects. */
bool sae_dbg_s390_va_to_abs(struct sae_dbg *d, uint64_t va, uint64_t *abs);

/* dbg_target_ops.text (debug_sae_text.c). */
int sae_dbg_text(void *opaque, unsigned ctx, enum dbg_text what, uint64_t arg, char *buf, size_t len);

#endif
