/* SAE guest translation: stage 1 over stage 2 (see sae_xlate.h). */
#include "mmu/sae_xlate.h"

#include <string.h>

struct walk_ctx {
    const struct sae_stage2 *s2;
    enum sae_s2_status st;
    struct sae_s2_fault f;
};

/* Descriptor read callback: each stage-1 table access is an IPA read through stage 2. */
static int read_desc(void *opaque, uint64_t ipa, int level, uint64_t *desc)
{
    (void)level;
    struct walk_ctx *c = opaque;
    uint64_t abs, be;
    c->st = sae_stage2_translate(c->s2, ipa, false, &abs, &c->f);
    if (c->st != S2_OK)
        return -1;
    /* read_entry fetches a big-endian doubleword; the Arm descriptor is little-endian. */
    if (c->s2->read_entry(c->s2->opaque, abs, &be) != 0) {
        c->st = S2_HOST_ACCESS;
        c->f.pic = PIC_ADDRESSING;
        return -1;
    }
    *desc = __builtin_bswap64(be);
    return 0;
}

enum sae_xlate_status sae_translate(const struct arm_s1_regs *regs, const struct arm_s1_access *acc,
                                    enum sae_acc_kind kind, const struct sae_stage2 *s2,
                                    struct sae_xlate *out)
{
    memset(out, 0, sizeof(*out));
    out->hai.va = acc->va;
    struct walk_ctx c = { s2, S2_OK, { 0, 0 } };
    if (arm_s1_translate(regs, acc, read_desc, &c, &out->s1, &out->s1_fault) != 0) {
        if (out->s1_fault.type != ARM_FAULT_WALK_ABORT)
            return SAE_X_STAGE1;
        out->hai.kind = SAE_ACC_S1WALK;
        out->hai.walk_for = kind;
        out->hai.walk_level = out->s1_fault.level;
        out->hai.ipa = out->s1_fault.desc_ipa;
        out->hai.status = c.st;
        out->hai.s2 = c.f;
        return SAE_X_STAGE2;
    }
    out->ipa = out->s1.pa;
    struct sae_s2_fault f;
    enum sae_s2_status st = sae_stage2_translate(s2, out->ipa, acc->type == ARM_ACC_WRITE,
                                                 &out->abs, &f);
    if (st != S2_OK) {
        out->hai.kind = kind;
        out->hai.ipa = out->ipa;
        out->hai.status = st;
        out->hai.s2 = f;
        return SAE_X_STAGE2;
    }
    return SAE_X_OK;
}
