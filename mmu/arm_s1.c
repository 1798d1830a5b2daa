/* Arm VMSAv8-64 stage-1 translation, EL1&0 regime (Arm ARM D8 "The AArch64 Virtual Memory System
 * Architecture"). The walk follows the pseudocode's order (AArch64.S1Walk / AArch64.S1Translate):
 * VA range and TTBR selection, start level from TnSZ and granule, table walk with hierarchical
 * controls, output-address-size checks, access flag, then permissions.
 *
 * Features offered: 4K/16K/64K granules; FEAT_LPA (52-bit PA with the 64K granule when
 * PARange = 0b0110); FEAT_PAN. Not offered: LPA2 (TCR.DS), LVA, TTST, HPDS, HAFDBS (HA/HD ignored:
 * no hardware AF/dirty update), EPAN, PIE/POE, GCS. */
#include "mmu/arm_s1.h"

/* TCR_EL1 fields (Arm ARM D19 TCR_EL1). */
#define TCR_T0SZ(t)  ((unsigned)((t) & 0x3f))
#define TCR_EPD0     (1ULL << 7)
#define TCR_TG0(t)   ((unsigned)(((t) >> 14) & 3))
#define TCR_T1SZ(t)  ((unsigned)(((t) >> 16) & 0x3f))
#define TCR_A1       (1ULL << 22)
#define TCR_EPD1     (1ULL << 23)
#define TCR_TG1(t)   ((unsigned)(((t) >> 30) & 3))
#define TCR_IPS(t)   ((unsigned)(((t) >> 32) & 7))
#define TCR_AS       (1ULL << 36)
#define TCR_TBI0     (1ULL << 37)
#define TCR_TBI1     (1ULL << 38)

#define SCTLR_M      (1ULL << 0)
#define SCTLR_I      (1ULL << 12)
#define SCTLR_WXN    (1ULL << 19)

/* Descriptor fields (Arm ARM D8.3 "Translation table descriptor formats"). */
#define D_VALID      (1ULL << 0)
#define D_TABLE      (1ULL << 1)    /* table (levels < 3) or page (level 3) */
#define D_ATTRINDX(d) ((unsigned)(((d) >> 2) & 7))
#define D_AP_1       (1ULL << 6)    /* AP[1]: EL0 access */
#define D_AP_2       (1ULL << 7)    /* AP[2]: read-only */
#define D_SH(d)      ((unsigned)(((d) >> 8) & 3))
#define D_AF         (1ULL << 10)
#define D_NG         (1ULL << 11)
#define D_CONT       (1ULL << 52)
#define D_PXN        (1ULL << 53)
#define D_UXN        (1ULL << 54)
#define D_PXNTABLE   (1ULL << 59)
#define D_UXNTABLE   (1ULL << 60)
#define D_APTABLE0   (1ULL << 61)   /* APTable[0]: no EL0 access below */
#define D_APTABLE1   (1ULL << 62)   /* APTable[1]: no write access below */

#define OA_48_MASK   0x0000ffffffffffffULL

/* Output address sizes selected by IPS / PARange (Arm ARM D19 ID_AA64MMFR0_EL1.PARange). */
static const unsigned pa_bits_tab[7] = { 32, 36, 40, 42, 44, 48, 52 };

struct granule {
    unsigned shift;     /* log2 of the granule size: 12, 14 or 16 */
    unsigned stride;    /* index bits per level: shift - 3 */
    unsigned block_min; /* lowest level allowed to hold a block descriptor */
};

/* TG0 encodes 4K/64K/16K as 0/1/2 but TG1 encodes 16K/4K/64K as 1/2/3. Reserved encodings behave
 * as an IMPLEMENTATION DEFINED supported size (Arm ARM D19 TCR_EL1.TG0/TG1): saesim uses 4K. */
static unsigned granule_shift(bool upper, unsigned tg)
{
    if (!upper)
        return tg == 1 ? 16 : tg == 2 ? 14 : 12;
    return tg == 1 ? 14 : tg == 3 ? 16 : 12;
}

static unsigned oa_bits(const struct arm_s1_regs *regs, unsigned gshift)
{
    unsigned pr = regs->pa_range > 6 ? 6 : regs->pa_range;
    unsigned ips = TCR_IPS(regs->tcr);
    /* IPS larger than PARange (or reserved) behaves as PARange (Arm ARM D8.2.x "Output address size"). */
    if (ips > pr)
        ips = pr;
    /* 52-bit OAs need FEAT_LPA and the 64K granule (LPA2 is not offered). */
    if (ips == 6 && gshift != 16)
        ips = 5;
    return pa_bits_tab[ips];
}

uint64_t arm_s1_strip_tag(uint64_t tcr, uint64_t va)
{
    bool upper = (va >> 55) & 1;
    if (tcr & (upper ? TCR_TBI1 : TCR_TBI0))
        return upper ? (va | 0xff00000000000000ULL) : (va & 0x00ffffffffffffffULL);
    return va;
}

uint16_t arm_s1_asid(const struct arm_s1_regs *regs)
{
    uint64_t ttbr = (regs->tcr & TCR_A1) ? regs->ttbr1 : regs->ttbr0;
    uint16_t asid = (uint16_t)(ttbr >> 48);
    return (regs->tcr & TCR_AS) ? asid : (uint16_t)(asid & 0xff);
}

unsigned arm_s1_fsc(const struct arm_s1_fault *f)
{
    unsigned lvl = (unsigned)(f->level & 3);
    /* Level -1 (only reachable with LPA2) has its own encodings (Arm ARM D19 ESR_ELx ISS DFSC). */
    if (f->level < 0) {
        switch (f->type) {
        case ARM_FAULT_ADDRESS_SIZE: return 0x29;
        case ARM_FAULT_TRANSLATION: return 0x2b;
        case ARM_FAULT_WALK_ABORT: return 0x13;
        default: break;
        }
    }
    switch (f->type) {
    case ARM_FAULT_ADDRESS_SIZE: return 0x00 | lvl;
    case ARM_FAULT_TRANSLATION: return 0x04 | lvl;
    case ARM_FAULT_ACCESS_FLAG: return 0x08 | lvl;
    case ARM_FAULT_PERMISSION: return 0x0c | lvl;
    case ARM_FAULT_WALK_ABORT: return 0x14 | lvl;
    case ARM_FAULT_NONE: break;
    }
    return 0x10; /* synchronous external abort: never produced for a real fault */
}

static int fault(struct arm_s1_fault *f, enum arm_fault_type type, int level)
{
    f->type = type;
    f->level = level;
    f->s1ptw = false;
    f->desc_ipa = 0;
    return -1;
}

bool arm_s1_permitted(unsigned prot, const struct arm_s1_access *acc, uint64_t sctlr)
{
    (void)sctlr; /* WXN is folded into prot when the mapping is computed; SPAN does not apply */
    if (acc->type == ARM_ACC_EXEC)
        return prot & (acc->unpriv ? ARM_PROT_X0 : ARM_PROT_X1);
    if (acc->unpriv)
        return prot & (acc->type == ARM_ACC_WRITE ? ARM_PROT_W0 : ARM_PROT_R0);
    /* PAN: privileged data accesses to EL0-accessible memory fault (Arm ARM D8.4.x "PAN"). */
    if (acc->pan && (prot & ARM_PROT_USER))
        return false;
    return prot & (acc->type == ARM_ACC_WRITE ? ARM_PROT_W1 : ARM_PROT_R1);
}

/* Permissions of a leaf (Arm ARM D8.4 "Memory access control", direct permissions): AP[2:1] with
 * APTable applied, then execute-never rules. */
static unsigned leaf_prot(uint64_t desc, bool ap_table0, bool ap_table1, bool pxn_table,
                          bool uxn_table, uint64_t sctlr)
{
    bool pr = true, pw = !(desc & D_AP_2);
    bool ur = (desc & D_AP_1) != 0, uw = ur && !(desc & D_AP_2);
    if (ap_table0)
        ur = uw = false;
    if (ap_table1)
        pw = uw = false;
    /* Locations writable at EL0 are never executable at EL1. */
    bool px = !(desc & D_PXN) && !pxn_table && !uw;
    bool ux = !(desc & D_UXN) && !uxn_table;
    if (sctlr & SCTLR_WXN) {
        /* WXN: writable implies execute-never, per EL. */
        if (pw)
            px = false;
        if (uw)
            ux = false;
    }
    unsigned prot = 0;
    prot |= pr ? ARM_PROT_R1 : 0;
    prot |= pw ? ARM_PROT_W1 : 0;
    prot |= px ? ARM_PROT_X1 : 0;
    prot |= ur ? ARM_PROT_R0 : 0;
    prot |= uw ? ARM_PROT_W0 : 0;
    prot |= ux ? ARM_PROT_X0 : 0;
    prot |= (ur || uw) ? ARM_PROT_USER : 0;
    return prot;
}

/* MMU disabled (SCTLR_EL1.M = 0 or HCR_EL2.DC = 1): flat mapping, with the PA-size check of
 * AArch64.S1DisabledOutput (address size fault, level 0). */
static int translate_off(const struct arm_s1_regs *regs, const struct arm_s1_access *acc,
                         struct arm_s1_result *res, struct arm_s1_fault *f)
{
    uint64_t va = acc->va;
    if (acc->type != ARM_ACC_EXEC)
        va = arm_s1_strip_tag(regs->tcr, va);
    unsigned pab = pa_bits_tab[regs->pa_range > 6 ? 6 : regs->pa_range];
    if ((va >> pab) != 0)
        return fault(f, ARM_FAULT_ADDRESS_SIZE, 0);
    res->pa = va & ((1ULL << pab) - 1);
    res->page_size = 1ULL << 12;
    res->prot = ARM_PROT_R1 | ARM_PROT_W1 | ARM_PROT_X1 | ARM_PROT_R0 | ARM_PROT_W0 | ARM_PROT_X0;
    res->attrindx = 0;
    /* Default memory types: HCR_EL2.DC gives Normal WB; otherwise data is Device-nGnRnE and
     * instruction fetches are Normal (cacheable if SCTLR.I). */
    if (regs->hcr_dc)
        res->attr = 0xff;
    else if (acc->type == ARM_ACC_EXEC)
        res->attr = (regs->sctlr & SCTLR_I) ? 0xaa : 0x44;
    else
        res->attr = 0x00;
    res->level = 0;
    res->ng = false;
    res->asid = arm_s1_asid(regs);
    res->mmu_off = true;
    res->sh = 0;
    res->contiguous = false;
    return 0;
}

int arm_s1_translate(const struct arm_s1_regs *regs, const struct arm_s1_access *acc,
                     arm_desc_read_fn read_desc, void *opaque,
                     struct arm_s1_result *res, struct arm_s1_fault *f)
{
    if (!(regs->sctlr & SCTLR_M) || regs->hcr_dc)
        return translate_off(regs, acc, res, f);

    uint64_t tcr = regs->tcr;
    uint64_t va = acc->va;
    bool data = acc->type != ARM_ACC_EXEC;
    bool upper = (va >> 55) & 1;   /* VA[55] selects TTBR1 (Arm ARM D8.2.x "VA ranges") */
    bool tbi = data && (tcr & (upper ? TCR_TBI1 : TCR_TBI0));
    unsigned tsz = upper ? TCR_T1SZ(tcr) : TCR_T0SZ(tcr);
    unsigned gshift = granule_shift(upper, upper ? TCR_TG1(tcr) : TCR_TG0(tcr));

    /* TnSZ outside 16..39 (no LVA, no TTST) is treated as the nearest supported value, one of the
     * permitted CONSTRAINED UNPREDICTABLE behaviours (Arm ARM K1 "TnSZ out of range"). */
    if (tsz < 16)
        tsz = 16;
    if (tsz > 39)
        tsz = 39;
    unsigned inputsize = 64 - tsz;

    /* VA range check: bits [63 or 55 : inputsize] must all equal VA[55]. */
    unsigned topbit = tbi ? 55 : 63;
    uint64_t hi = va >> inputsize;
    unsigned nhi = topbit + 1 - inputsize;
    hi &= (nhi >= 64) ? ~0ULL : ((1ULL << nhi) - 1);
    uint64_t want = upper ? ((nhi >= 64) ? ~0ULL : ((1ULL << nhi) - 1)) : 0;
    if (hi != want)
        return fault(f, ARM_FAULT_TRANSLATION, 0);
    if (tcr & (upper ? TCR_EPD1 : TCR_EPD0))
        return fault(f, ARM_FAULT_TRANSLATION, 0);

    struct granule g = { gshift, gshift - 3, gshift == 12 ? 1 : 2 };
    unsigned oab = oa_bits(regs, gshift);
    bool lpa = oab == 52; /* 64K granule with FEAT_LPA */
    if (gshift == 16 && lpa)
        g.block_min = 1;   /* 64K level-1 blocks (4 TiB) exist only with FEAT_LPA */

    /* Start level: enough levels to resolve inputsize - gshift bits, stride bits per level. */
    unsigned levels = (inputsize - g.shift + g.stride - 1) / g.stride;
    int level = 4 - (int)levels;
    unsigned start_bits = inputsize - (g.shift + g.stride * (unsigned)(3 - level));

    uint64_t ttbr = upper ? regs->ttbr1 : regs->ttbr0;
    uint64_t base = ttbr & 0x0000fffffffffffeULL;   /* BADDR[47:1] */
    if (lpa)
        base |= ((ttbr >> 2) & 0xf) << 48;           /* BADDR[51:48] in TTBR[5:2] */
    unsigned align = start_bits + 3 < 6 ? 6 : start_bits + 3;
    base &= ~((1ULL << align) - 1);
    if (oab < 52 && (base >> oab) != 0)
        return fault(f, ARM_FAULT_ADDRESS_SIZE, 0);

    bool ap0 = false, ap1 = false, pxnt = false, uxnt = false;
    unsigned bits = start_bits;
    for (;; level++) {
        unsigned lshift = g.shift + g.stride * (unsigned)(3 - level);
        uint64_t idx = (va >> lshift) & ((1ULL << bits) - 1);
        uint64_t daddr = base + idx * 8;
        uint64_t desc;
        if (read_desc(opaque, daddr, level, &desc) != 0) {
            fault(f, ARM_FAULT_WALK_ABORT, level);
            f->s1ptw = true;
            f->desc_ipa = daddr;
            return -1;
        }
        bits = g.stride;
        if (!(desc & D_VALID))
            return fault(f, ARM_FAULT_TRANSLATION, level);
        bool leaf;
        if (level == 3) {
            if (!(desc & D_TABLE))   /* 0b01 at level 3 is reserved: translation fault */
                return fault(f, ARM_FAULT_TRANSLATION, level);
            leaf = true;
        } else if (desc & D_TABLE) {
            leaf = false;
        } else {
            if (level < (int)g.block_min)  /* no block at this level for this granule */
                return fault(f, ARM_FAULT_TRANSLATION, level);
            leaf = true;
        }

        /* Output address of the descriptor: bits [47:lshift or gshift], plus [51:48] from
         * descriptor bits [15:12] with the 64K granule and FEAT_LPA. */
        unsigned oshift = leaf ? lshift : g.shift;
        uint64_t oa = desc & OA_48_MASK & ~((1ULL << oshift) - 1);
        if (lpa)
            oa |= ((desc >> 12) & 0xf) << 48;
        if (oab < 52 && (oa >> oab) != 0)
            return fault(f, ARM_FAULT_ADDRESS_SIZE, level);

        if (!leaf) {
            /* Hierarchical controls accumulate (Arm ARM D8.4.2 "Hierarchical permissions"). */
            ap0 |= (desc & D_APTABLE0) != 0;
            ap1 |= (desc & D_APTABLE1) != 0;
            pxnt |= (desc & D_PXNTABLE) != 0;
            uxnt |= (desc & D_UXNTABLE) != 0;
            base = oa;
            continue;
        }

        /* HAFDBS is not offered: AF = 0 is an Access flag fault, at the leaf's level. It is
         * prioritized above a Permission fault (v8.0 pseudocode AArch64.TranslationTableWalk). */
        if (!(desc & D_AF))
            return fault(f, ARM_FAULT_ACCESS_FLAG, level);

        unsigned prot = leaf_prot(desc, ap0, ap1, pxnt, uxnt, regs->sctlr);
        if (!arm_s1_permitted(prot, acc, regs->sctlr))
            return fault(f, ARM_FAULT_PERMISSION, level);

        uint64_t size = 1ULL << lshift;
        res->pa = oa | (va & (size - 1));
        res->page_size = size;
        res->prot = prot;
        res->attrindx = (uint8_t)D_ATTRINDX(desc);
        res->attr = (uint8_t)(regs->mair >> (8 * res->attrindx));
        res->level = (uint8_t)level;
        res->ng = (desc & D_NG) != 0;
        res->asid = arm_s1_asid(regs);
        res->mmu_off = false;
        res->sh = (uint8_t)D_SH(desc);
        res->contiguous = (desc & D_CONT) != 0;
        return 0;
    }
}

uint64_t arm_s1_par_ok(const struct arm_s1_result *res)
{
    /* PAR_EL1, F = 0: ATTR[63:56], PA[51:12], NS[9] = 1 (Non-secure only), SH[8:7]. Device memory
     * reports SH = 0b10 (Arm ARM D19 PAR_EL1). */
    uint64_t sh = res->sh;
    if ((res->attr & 0xf0) == 0)
        sh = 2;
    return ((uint64_t)res->attr << 56) | (res->pa & 0x000ffffffffff000ULL) | (1ULL << 11) |
           (1ULL << 9) | (sh << 7);
}

uint64_t arm_s1_par_fault(const struct arm_s1_fault *f, bool stage2)
{
    /* PAR_EL1, F = 1: FST[6:1], PTW[8], S[9], bit 11 RES1. */
    return 1ULL | ((uint64_t)arm_s1_fsc(f) << 1) | (f->s1ptw && stage2 ? 1ULL << 8 : 0) |
           (stage2 ? 1ULL << 9 : 0) | (1ULL << 11);
}
