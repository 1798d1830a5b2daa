/* The per-CPU loaded save-area context and the instructions that move it: LASRM (B9A6),
 * STIASRM (B9A7), SASR (ED99), EASR (ED9B) (sae-architecture §3.1, §3.3-§3.5, §5.5; MD-11..MD-17).
 *
 * Two layers:
 *  - pure operand checks (sae_check_*) that return the program-interruption code that applies, so
 *    the s390 glue can call them before any storage access, in the z/Architecture priority order
 *    operation -> privileged-operation -> specification -> access (MD-4);
 *  - complete instruction sequences (sae_exec_*) over a storage-access callback struct: the glue
 *    does address translation and raises the exception; these functions decide the architecture.
 * Every function returns 0 or the PIC of the program exception to present (the instruction is then
 * suppressed: nothing has been changed). The condition code is never changed (MD-3). */
#ifndef SAE_CONTEXT_H
#define SAE_CONTEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "sae/regids.h"
#include "sae/sa.h"

/* Program-interruption codes decided here (PoP ch. 6); access exceptions come from the glue. */
enum sae_px {
    SAE_PX_NONE = 0x0000,
    SAE_PX_OPERATION = 0x0001,
    SAE_PX_PRIVILEGED = 0x0002,
    SAE_PX_ADDRESSING = 0x0005,
    SAE_PX_SPECIFICATION = 0x0006,
};

/* The per-CPU loaded context (MD-11). */
struct sae_context {
    bool valid;
    uint64_t regs[SA_NSLOTS];   /* register image, slot s = SA doubleword 0x20 + 8*s */
    uint64_t sdo;               /* sdo of the SA at LASRM time (diagnostics and validity HLC) */
    uint64_t sa_abs;            /* absolute address of the SA it was loaded from */
};

/* The host CPU state the checks need. */
struct sae_cpu_mode {
    bool aef_installed;         /* MD-2, MD-61 */
    bool problem_state;         /* PSW bit 15 */
    bool amode64;               /* PSW bits 31-32 = 11 */
    uint32_t prefix;            /* prefix register, for the real SD accesses (MD-9) */
};

/* Storage access supplied by the s390 glue. */
struct sae_storage_ops {
    void *opaque;
    /* Translate the logical address per the current PSW (DAT, ASC). With len > 0 also check the
     * access of len bytes (all in one 4 KiB page) for a fetch or store: key-controlled and
     * low-address protection. len == 0: translation only. Returns 0 with *abs set, or the PIC of
     * the access exception. */
    uint16_t (*translate)(void *opaque, uint64_t logical, unsigned len, bool write, uint64_t *abs);
    /* Host pointer to absolute [abs, abs + len), or NULL when outside configured storage
     * (addressing). `write` lets the glue record change bits / invalidate translated code. */
    uint8_t *(*abs_ptr)(void *opaque, uint64_t abs, unsigned len, bool write);
};

struct sae_insn_env {
    struct sae_cpu_mode mode;
    const struct sae_storage_ops *ops;
};

/* ---- pure checks ---- */

/* Installation, privilege, 64-bit addressing mode (MD-2, MD-1, MD-7), in that order. */
uint16_t sae_check_common(const struct sae_cpu_mode *m);
/* An address operand: register field 0 (MD-5) or not 4 KiB aligned (MD-8) -> specification. */
uint16_t sae_check_addr_operand(unsigned rfield, uint64_t addr);
/* SAE, LASRM, STIASRM: common checks then the R1 address operand. */
uint16_t sae_check_rre(const struct sae_cpu_mode *m, unsigned r1, uint64_t gr_r1);
/* SASR/EASR: common, R3 operand, M4 bits other than 0x8, unknown I2 (MD-14, MD-15). On success
 * *rid is the identifier. */
uint16_t sae_check_asr(const struct sae_cpu_mode *m, unsigned r3, uint64_t gr_r3, uint16_t i2,
                       unsigned m4, const struct sae_regid **rid);
/* The loaded context must exist and belong to the SA at absolute address sa_abs (STIASRM, M4 = 0). */
uint16_t sae_check_loaded(const struct sae_context *ctx, uint64_t sa_abs);
/* Only save-area format 0 exists (MD-12). */
static inline uint16_t sae_check_saf(uint8_t saf) { return saf == SAE_SAF_FORMAT0 ? 0 : SAE_PX_SPECIFICATION; }
/* SD-held ids need sdo != 0 (MD-16, MD-59). */
static inline uint16_t sae_check_sdo(uint64_t sdo) { return sdo ? 0 : SAE_PX_SPECIFICATION; }

#define SAE_ASR_M4_SA 0x8u   /* M4 IBM bit 36: operate on the SA memory image */

/* ---- context operations on host pointers to 4 KiB images ---- */

void sae_ctx_discard(struct sae_context *ctx);           /* CPU reset / IPL (MD-60) */
/* LASRM after its checks: replace the context (MD-12: the SA is not modified). */
void sae_ctx_load(struct sae_context *ctx, const uint8_t *sa, uint64_t sa_abs);
/* STIASRM after its checks: write regs[] and sas = VALID, leave the rest, invalidate (MD-13). */
void sae_ctx_store(struct sae_context *ctx, uint8_t *sa);

/* Register value access for an accepted slot-held id (kind != SAE_RK_SD). Writes implement the
 * OSLAR rule of MD-17 (OSLSR.OSLK <- bit 0). */
uint64_t sae_ctx_reg_read(const struct sae_context *ctx, const struct sae_regid *rid);
void sae_ctx_reg_write(struct sae_context *ctx, const struct sae_regid *rid, uint64_t v);
uint64_t sae_sa_reg_read(const uint8_t *sa, const struct sae_regid *rid);
void sae_sa_reg_write(uint8_t *sa, const struct sae_regid *rid, uint64_t v);
/* SD-held ids: 4-byte fields take bits 32-63 and read zero-extended (MD-16). */
uint64_t sae_sd_reg_read(const uint8_t *sd, const struct sae_regid *rid);
void sae_sd_reg_write(uint8_t *sd, const struct sae_regid *rid, uint64_t v);

/* ---- complete instruction sequences ---- */

uint16_t sae_exec_lasrm(struct sae_context *ctx, const struct sae_insn_env *env, unsigned r1, uint64_t gr_r1);
uint16_t sae_exec_stiasrm(struct sae_context *ctx, const struct sae_insn_env *env, unsigned r1, uint64_t gr_r1);
/* SASR: value = GR R1. */
uint16_t sae_exec_sasr(struct sae_context *ctx, const struct sae_insn_env *env, uint64_t value,
                       unsigned r3, uint64_t gr_r3, uint16_t i2, unsigned m4);
/* EASR: *value receives the register (only on success: the glue then writes GR R1). */
uint16_t sae_exec_easr(const struct sae_context *ctx, const struct sae_insn_env *env, uint64_t *value,
                       unsigned r3, uint64_t gr_r3, uint16_t i2, unsigned m4);

#endif
