/* `hai` interception data for host-access exceptions (sae-architecture §6.2, §6.3). */
#include "mmu/sae_hai.h"

#include <string.h>

#include "core/endian.h"

unsigned sae_hai_fsc(enum sae_s2_status status, uint16_t pic)
{
    if (status == S2_ADDRESS_SIZE)
        return 0x00;                  /* address-size fault, level 0 */
    switch (pic & 0x7f) {
    case PIC_ASCE_TYPE:
    case PIC_REGION_FIRST:
    case PIC_REGION_SECOND: return 0x04;   /* translation, level 0 */
    case PIC_REGION_THIRD: return 0x05;    /* translation, level 1 */
    case PIC_SEGMENT_TRANSLATION: return 0x06;
    case PIC_PAGE_TRANSLATION: return 0x07;
    case PIC_PROTECTION: return 0x0f;      /* permission, level 3 */
    default: return 0x10;                  /* addressing, translation-spec: external abort */
    }
}

/* Accesses reported as writes: WnR = 1 (§6.3). */
static bool is_wnr(enum sae_acc_kind k)
{
    return k == SAE_ACC_WRITE || k == SAE_ACC_ATOMIC || k == SAE_ACC_STEX || k == SAE_ACC_DCZVA ||
           k == SAE_ACC_CMAINT;
}

/* FSI = write for writes, atomics, store-exclusives and DC ZVA; fetch for everything else. */
static bool fsi_write(enum sae_acc_kind k)
{
    return k == SAE_ACC_WRITE || k == SAE_ACC_ATOMIC || k == SAE_ACC_STEX || k == SAE_ACC_DCZVA;
}

void sae_hai_build(const struct sae_hai_in *in, struct sae_hai *out)
{
    memset(out, 0, sizeof(*out));
    bool walk = in->kind == SAE_ACC_S1WALK;
    enum sae_acc_kind on_behalf = walk ? in->walk_for : in->kind;
    bool ifetch = on_behalf == SAE_ACC_IFETCH;

    out->icptr = in->status == S2_ADDRESS_SIZE ? 0x06 : 0x02;
    out->pic = in->status == S2_ADDRESS_SIZE ? 0 : in->s2.pic;

    uint64_t iss = sae_hai_fsc(in->status, out->pic);
    if (walk)
        iss |= SAE_ESR_S1PTW;
    if (!ifetch) {
        /* Data-abort ISS: the walk itself is a read (WnR = 0, no ISV); CM follows the
         * instruction the walk serves. */
        if (on_behalf == SAE_ACC_CMAINT)
            iss |= SAE_ESR_CM;
        if (!walk && is_wnr(in->kind))
            iss |= SAE_ESR_WNR;
        if (!walk && (in->kind == SAE_ACC_READ || in->kind == SAE_ACC_WRITE) &&
            in->ls.single_gpr && !in->ls.writeback) {
            iss |= SAE_ESR_ISV | ((uint64_t)(in->ls.size_log2 & 3) << 22) |
                   ((uint64_t)(in->ls.rt & 31) << 16);
            if (in->ls.sign_extend && in->kind == SAE_ACC_READ)
                iss |= SAE_ESR_SSE;
            if (in->ls.sf)
                iss |= SAE_ESR_SF;
            if (in->ls.acq_rel)
                iss |= SAE_ESR_AR;
        }
    }
    uint64_t ec = ifetch ? SAE_EC_IABT_LOW : SAE_EC_DABT_LOW;
    out->esr_elz = (ec << 26) | SAE_ESR_IL | iss;

    bool w = !walk && fsi_write(in->kind);
    out->teid = (in->ipa & ~0xfffULL) | (w ? S390_TEID_FSI_STORE : S390_TEID_FSI_FETCH);
    out->far_elz = in->va;
    out->vaddr = in->s2.hostbase;
    out->suppl = 0;
    if (walk)
        out->gltl = in->walk_level < 0 ? 0xff : (uint8_t)in->walk_level;
}

void sae_hai_store(const struct sae_hai *h, uint8_t area[64])
{
    memset(area, 0, 64);
    st_be64(area + 0x00, h->esr_elz);
    st_be16(area + 0x0e, h->pic);
    st_be64(area + 0x10, h->teid);
    st_be64(area + 0x18, h->far_elz);
    st_be64(area + 0x20, h->vaddr);
    st_be64(area + 0x28, h->suppl);
    area[0x30] = h->gltl;
}
