/* LASRM / STIASRM / SASR / EASR and the loaded context (sae-architecture §3.3-§3.5, §5.5).
 * Exception priority (MD-4): operation, privileged-operation and specification conditions that can
 * be decided from the instruction and registers are checked first (sae_check_*); conditions that need
 * the operand's absolute address (the loaded-context match) are checked after translation-only and
 * before the access itself, so a mismatch is reported as specification even if the access would also
 * fail protection; DAT exceptions of that translation necessarily come first. */
#include "sae/context.h"

#include <string.h>

#include "core/endian.h"
#include "mmu/s390_dat.h"
#include "sae/sd.h"

uint16_t sae_check_common(const struct sae_cpu_mode *m)
{
    if (!m->aef_installed)
        return SAE_PX_OPERATION;        /* MD-2: unassigned opcodes */
    if (m->problem_state)
        return SAE_PX_PRIVILEGED;       /* MD-1 */
    if (!m->amode64)
        return SAE_PX_SPECIFICATION;    /* MD-7 */
    return SAE_PX_NONE;
}

uint16_t sae_check_addr_operand(unsigned rfield, uint64_t addr)
{
    if (rfield == 0)
        return SAE_PX_SPECIFICATION;    /* MD-5: GR0 cannot designate an address */
    if (addr & SAE_SA_ALIGN_MASK)
        return SAE_PX_SPECIFICATION;    /* MD-8: 4 KiB blocks */
    return SAE_PX_NONE;
}

uint16_t sae_check_rre(const struct sae_cpu_mode *m, unsigned r1, uint64_t gr_r1)
{
    uint16_t px = sae_check_common(m);
    return px ? px : sae_check_addr_operand(r1, gr_r1);
}

uint16_t sae_check_asr(const struct sae_cpu_mode *m, unsigned r3, uint64_t gr_r3, uint16_t i2,
                       unsigned m4, const struct sae_regid **rid)
{
    uint16_t px = sae_check_common(m);
    if (!px)
        px = sae_check_addr_operand(r3, gr_r3);
    if (px)
        return px;
    if (m4 & ~SAE_ASR_M4_SA & 0xFu)
        return SAE_PX_SPECIFICATION;    /* MD-14: only IBM bit 36 is defined */
    const struct sae_regid *r = sae_regid_lookup(i2);
    if (!r)
        return SAE_PX_SPECIFICATION;    /* MD-15 */
    if (rid)
        *rid = r;
    return SAE_PX_NONE;
}

uint16_t sae_check_loaded(const struct sae_context *ctx, uint64_t sa_abs)
{
    if (!ctx->valid || ctx->sa_abs != sa_abs)
        return SAE_PX_SPECIFICATION;    /* MD-11 */
    return SAE_PX_NONE;
}

/* ---- context operations ---- */

void sae_ctx_discard(struct sae_context *ctx)
{
    ctx->valid = false;
}

void sae_ctx_load(struct sae_context *ctx, const uint8_t *sa, uint64_t sa_abs)
{
    for (unsigned s = 0; s < SA_NSLOTS; s++)
        ctx->regs[s] = ld_be64(sa + SA_SLOT_OFF(s));
    ctx->sdo = ld_be64(sa + SA_SDO);
    ctx->sa_abs = sa_abs;
    ctx->valid = true;
}

void sae_ctx_store(struct sae_context *ctx, uint8_t *sa)
{
    for (unsigned s = 0; s < SA_NSLOTS; s++)
        st_be64(sa + SA_SLOT_OFF(s), ctx->regs[s]);
    st_be16(sa + SA_SAS, SAE_SAS_VALID);
    ctx->valid = false;
}

/* MD-17: OSLAR_EL1 keeps the value written and sets OSLSR_EL1.OSLK (bit 1) from its bit 0, as an
 * Arm OSLAR write does (Arm ARM D19 "OSLAR_EL1"). */
static uint64_t oslsr_after_oslar(uint64_t oslsr, uint64_t oslar)
{
    return (oslsr & ~2ull) | ((oslar & 1) << 1);
}

uint64_t sae_ctx_reg_read(const struct sae_context *ctx, const struct sae_regid *rid)
{
    return ctx->regs[rid->slot];
}

void sae_ctx_reg_write(struct sae_context *ctx, const struct sae_regid *rid, uint64_t v)
{
    ctx->regs[rid->slot] = v;
    if (rid->kind == SAE_RK_OSLAR)
        ctx->regs[SAE_SLOT_OSLSR_EL1] = oslsr_after_oslar(ctx->regs[SAE_SLOT_OSLSR_EL1], v);
}

uint64_t sae_sa_reg_read(const uint8_t *sa, const struct sae_regid *rid)
{
    return ld_be64(sa + SA_SLOT_OFF(rid->slot));
}

void sae_sa_reg_write(uint8_t *sa, const struct sae_regid *rid, uint64_t v)
{
    st_be64(sa + SA_SLOT_OFF(rid->slot), v);
    if (rid->kind == SAE_RK_OSLAR) {
        uint8_t *p = sa + SA_SLOT_OFF(SAE_SLOT_OSLSR_EL1);
        st_be64(p, oslsr_after_oslar(ld_be64(p), v));
    }
}

uint64_t sae_sd_reg_read(const uint8_t *sd, const struct sae_regid *rid)
{
    return ld_be(sd + rid->sd_off, rid->size);
}

void sae_sd_reg_write(uint8_t *sd, const struct sae_regid *rid, uint64_t v)
{
    st_be(sd + rid->sd_off, rid->size, v);
}

/* ---- complete sequences ---- */

/* Translate + host pointer for an access of len bytes at a logical address. */
static uint16_t access(const struct sae_insn_env *env, uint64_t logical, unsigned len, bool write,
                       uint8_t **p, uint64_t *abs_out)
{
    uint64_t abs;
    uint16_t px = env->ops->translate(env->ops->opaque, logical, len, write, &abs);
    if (px)
        return px;
    *p = env->ops->abs_ptr(env->ops->opaque, abs, len, write);
    if (!*p)
        return SAE_PX_ADDRESSING;
    if (abs_out)
        *abs_out = abs;
    return SAE_PX_NONE;
}

uint16_t sae_exec_lasrm(struct sae_context *ctx, const struct sae_insn_env *env, unsigned r1, uint64_t gr_r1)
{
    uint16_t px = sae_check_rre(&env->mode, r1, gr_r1);
    uint8_t *sa;
    uint64_t abs;
    if (!px)
        px = access(env, gr_r1, SAE_SA_SIZE, false, &sa, &abs);
    if (!px)
        px = sae_check_saf(sa[SA_SAF]);
    if (px)
        return px;
    sae_ctx_load(ctx, sa, abs);
    return SAE_PX_NONE;
}

uint16_t sae_exec_stiasrm(struct sae_context *ctx, const struct sae_insn_env *env, unsigned r1, uint64_t gr_r1)
{
    uint16_t px = sae_check_rre(&env->mode, r1, gr_r1);
    if (px)
        return px;
    if (!ctx->valid)
        return SAE_PX_SPECIFICATION;
    uint64_t abs;
    px = env->ops->translate(env->ops->opaque, gr_r1, 0, true, &abs);
    if (!px)
        px = sae_check_loaded(ctx, abs);
    uint8_t *sa;
    if (!px)
        px = access(env, gr_r1, SAE_SA_SIZE, true, &sa, NULL);
    if (px)
        return px;
    sae_ctx_store(ctx, sa);
    return SAE_PX_NONE;
}

/* The mode checks shared by SASR and EASR (§3.5 steps 2-3) and, for SD-held ids, the SD field
 * (step 4). On success *field is the SD field (SD-held) or NULL. */
static uint16_t asr_locate(const struct sae_context *ctx, const struct sae_insn_env *env, uint64_t gr_r3,
                           const struct sae_regid *rid, unsigned m4, bool write, uint8_t **field)
{
    uint16_t px;
    uint8_t *p;
    *field = NULL;
    if (!(m4 & SAE_ASR_M4_SA)) {
        uint64_t abs;
        px = env->ops->translate(env->ops->opaque, gr_r3, 0, false, &abs);
        if (!px)
            px = sae_check_loaded(ctx, abs);
    } else {
        px = access(env, gr_r3 + SA_SAF, 1, false, &p, NULL);
        if (!px)
            px = sae_check_saf(*p);
    }
    if (px || rid->kind != SAE_RK_SD)
        return px;
    px = access(env, gr_r3 + SA_SDO, 8, false, &p, NULL);
    if (px)
        return px;
    uint64_t sdo = ld_be64(p);
    px = sae_check_sdo(sdo);
    if (px)
        return px;
    /* The SD access is a real access: prefixing, no key or low-address protection (MD-9). */
    uint64_t abs = s390_prefix(sdo + rid->sd_off, env->mode.prefix);
    *field = env->ops->abs_ptr(env->ops->opaque, abs, rid->size, write);
    return *field ? SAE_PX_NONE : SAE_PX_ADDRESSING;
}

uint16_t sae_exec_sasr(struct sae_context *ctx, const struct sae_insn_env *env, uint64_t value,
                       unsigned r3, uint64_t gr_r3, uint16_t i2, unsigned m4)
{
    const struct sae_regid *rid;
    uint8_t *field;
    uint16_t px = sae_check_asr(&env->mode, r3, gr_r3, i2, m4, &rid);
    if (!px)
        px = asr_locate(ctx, env, gr_r3, rid, m4, true, &field);
    if (px)
        return px;
    if (field) {
        st_be(field, rid->size, value);
    } else if (!(m4 & SAE_ASR_M4_SA)) {
        sae_ctx_reg_write(ctx, rid, value);
    } else {
        uint8_t *slot, *oslsr = NULL;
        px = access(env, gr_r3 + SA_SLOT_OFF(rid->slot), 8, true, &slot, NULL);
        if (!px && rid->kind == SAE_RK_OSLAR)
            px = access(env, gr_r3 + SA_SLOT_OFF(SAE_SLOT_OSLSR_EL1), 8, true, &oslsr, NULL);
        if (px)
            return px;
        st_be64(slot, value);
        if (oslsr)
            st_be64(oslsr, oslsr_after_oslar(ld_be64(oslsr), value));
    }
    return SAE_PX_NONE;
}

uint16_t sae_exec_easr(const struct sae_context *ctx, const struct sae_insn_env *env, uint64_t *value,
                       unsigned r3, uint64_t gr_r3, uint16_t i2, unsigned m4)
{
    const struct sae_regid *rid;
    uint8_t *field;
    uint16_t px = sae_check_asr(&env->mode, r3, gr_r3, i2, m4, &rid);
    if (!px)
        px = asr_locate(ctx, env, gr_r3, rid, m4, false, &field);
    if (px)
        return px;
    if (field) {
        *value = ld_be(field, rid->size);
    } else if (!(m4 & SAE_ASR_M4_SA)) {
        *value = sae_ctx_reg_read(ctx, rid);
    } else {
        uint8_t *slot;
        px = access(env, gr_r3 + SA_SLOT_OFF(rid->slot), 8, false, &slot, NULL);
        if (px)
            return px;
        *value = ld_be64(slot);
    }
    return SAE_PX_NONE;
}
