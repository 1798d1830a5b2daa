/* TLBI decoding and application (see arm_tlbi.h). */
#include "mmu/arm_tlbi.h"

/* op2 -> scope for the CRm groups; names indexed the same way. */
struct tlbi_row {
    uint8_t crm, op2;
    enum arm_tlbi_scope scope;
    bool last, bcast, range, outer;
    const char *name;
};

static const struct tlbi_row rows[] = {
    /* CRm = 3: Inner Shareable */
    { 3, 0, ARM_TLBI_ALL, false, true, false, false, "VMALLE1IS" },
    { 3, 1, ARM_TLBI_VA, false, true, false, false, "VAE1IS" },
    { 3, 2, ARM_TLBI_ASID, false, true, false, false, "ASIDE1IS" },
    { 3, 3, ARM_TLBI_VA_ALL_ASID, false, true, false, false, "VAAE1IS" },
    { 3, 5, ARM_TLBI_VA, true, true, false, false, "VALE1IS" },
    { 3, 7, ARM_TLBI_VA_ALL_ASID, true, true, false, false, "VAALE1IS" },
    /* CRm = 7: this PE */
    { 7, 0, ARM_TLBI_ALL, false, false, false, false, "VMALLE1" },
    { 7, 1, ARM_TLBI_VA, false, false, false, false, "VAE1" },
    { 7, 2, ARM_TLBI_ASID, false, false, false, false, "ASIDE1" },
    { 7, 3, ARM_TLBI_VA_ALL_ASID, false, false, false, false, "VAAE1" },
    { 7, 5, ARM_TLBI_VA, true, false, false, false, "VALE1" },
    { 7, 7, ARM_TLBI_VA_ALL_ASID, true, false, false, false, "VAALE1" },
    /* CRm = 1: Outer Shareable (FEAT_TLBIOS) */
    { 1, 0, ARM_TLBI_ALL, false, true, false, true, "VMALLE1OS" },
    { 1, 1, ARM_TLBI_VA, false, true, false, true, "VAE1OS" },
    { 1, 2, ARM_TLBI_ASID, false, true, false, true, "ASIDE1OS" },
    { 1, 3, ARM_TLBI_VA_ALL_ASID, false, true, false, true, "VAAE1OS" },
    { 1, 5, ARM_TLBI_VA, true, true, false, true, "VALE1OS" },
    { 1, 7, ARM_TLBI_VA_ALL_ASID, true, true, false, true, "VAALE1OS" },
    /* Range forms (FEAT_TLBIRANGE): CRm = 2 IS, 5 OS, 6 this PE */
    { 2, 1, ARM_TLBI_RANGE, false, true, true, false, "RVAE1IS" },
    { 2, 3, ARM_TLBI_RANGE_ALL_ASID, false, true, true, false, "RVAAE1IS" },
    { 2, 5, ARM_TLBI_RANGE, true, true, true, false, "RVALE1IS" },
    { 2, 7, ARM_TLBI_RANGE_ALL_ASID, true, true, true, false, "RVAALE1IS" },
    { 5, 1, ARM_TLBI_RANGE, false, true, true, true, "RVAE1OS" },
    { 5, 3, ARM_TLBI_RANGE_ALL_ASID, false, true, true, true, "RVAAE1OS" },
    { 5, 5, ARM_TLBI_RANGE, true, true, true, true, "RVALE1OS" },
    { 5, 7, ARM_TLBI_RANGE_ALL_ASID, true, true, true, true, "RVAALE1OS" },
    { 6, 1, ARM_TLBI_RANGE, false, false, true, false, "RVAE1" },
    { 6, 3, ARM_TLBI_RANGE_ALL_ASID, false, false, true, false, "RVAAE1" },
    { 6, 5, ARM_TLBI_RANGE, true, false, true, false, "RVALE1" },
    { 6, 7, ARM_TLBI_RANGE_ALL_ASID, true, false, true, false, "RVAALE1" },
};

bool arm_tlbi_decode(unsigned op1, unsigned crn, unsigned crm, unsigned op2, struct arm_tlbi_op *op)
{
    if (op1 != 0 || crn != 8)
        return false;
    for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        if (rows[i].crm == crm && rows[i].op2 == op2) {
            op->scope = rows[i].scope;
            op->last_level = rows[i].last;
            op->broadcast = rows[i].bcast;
            op->range = rows[i].range;
            op->outer = rows[i].outer;
            op->name = rows[i].name;
            return true;
        }
    }
    return false;
}

uint64_t arm_tlbi_va(uint64_t xt)
{
    uint64_t va = (xt & ((1ULL << 44) - 1)) << 12;
    if (va & (1ULL << 55))
        va |= 0xff00000000000000ULL;
    return va;
}

bool arm_tlbi_range(uint64_t xt, uint64_t *base, uint64_t *len)
{
    unsigned tg = (unsigned)(xt >> 46) & 3;
    if (tg == 0)
        return false;
    unsigned gshift = tg == 1 ? 12 : tg == 2 ? 14 : 16;
    unsigned scale = (unsigned)(xt >> 44) & 3, num = (unsigned)(xt >> 39) & 31;
    uint64_t b = (xt & ((1ULL << 37) - 1)) << gshift;
    unsigned top = 37 + gshift - 1;          /* highest VA bit BaseADDR reaches */
    if (b & (1ULL << top))
        b |= ~0ULL << top;                   /* upper VA range: sign-extend */
    *base = b;
    *len = ((uint64_t)(num + 1) << (5 * scale + 1)) << gshift;
    return true;
}

void arm_tlbi_apply(struct tlb_set *const *sets, unsigned nsets, const struct arm_tlbi_op *op,
                    uint64_t xt, bool asid16, uint64_t ctx_hi)
{
    uint16_t asid = (uint16_t)(xt >> 48);
    if (!asid16)
        asid &= 0xff;
    uint64_t base = 0, len = 0;
    bool have_range = false;
    if (op->scope == ARM_TLBI_RANGE || op->scope == ARM_TLBI_RANGE_ALL_ASID)
        have_range = arm_tlbi_range(xt, &base, &len);
    for (unsigned i = 0; i < nsets; i++) {
        struct tlb_set *s = sets[i];
        switch (op->scope) {
        case ARM_TLBI_ALL:
            tlb_set_flush(s);
            break;
        case ARM_TLBI_ASID:
            tlb_set_flush_context(s, (ctx_hi << 16) | asid);
            break;
        case ARM_TLBI_VA:
        case ARM_TLBI_VA_ALL_ASID:
            tlb_set_flush_page(s, arm_tlbi_va(xt));
            break;
        case ARM_TLBI_RANGE:
        case ARM_TLBI_RANGE_ALL_ASID:
            if (have_range)
                tlb_set_flush_range(s, base, len);
            else
                tlb_set_flush(s);
            break;
        }
    }
}
