/* GICv3 virtual CPU interface over the SD-held ICH_* state (sae-architecture §7.5).
 * References: Arm IHI 0069 (GICv3/v4 architecture) ch. "Virtual interrupt handling and
 * prioritization" and the pseudocode functions HighestPriorityVirtualInterrupt,
 * CanSignalVirtualInterrupt, VPriorityGroup/VGroupBits, VirtualReadIAR, VirtualWriteEOIR,
 * VirtualWriteDIR; ICH_HCR_EL2.EOIcount is "incremented whenever a successful write to a virtual
 * EOIR or DIR register would have resulted in a virtual interrupt deactivation". */
#include "sae/vgic.h"

#include <stddef.h>

#include "core/endian.h"
#include "sae/el2.h"
#include "sae/regids.h"
#include "sae/sd.h"

#define PREBITS 5u                    /* ICH_VTR_EL2.PREbits + 1 */
#define MIN_VBPR0 (7u - PREBITS)      /* 2: the smallest binary point that still has 5 group bits */
#define MIN_VBPR1 (MIN_VBPR0 + 1u)
#define PRIO_MASK 0xF8u               /* 5 implemented priority bits */

void sae_vgic_load(struct sae_vgic *g, const uint8_t *sd)
{
    g->hcr = ld_be64(sd + SD_ICH_HCR);
    g->vmcr = ld_be64(sd + SD_ICH_VMCR);
    g->ap0r0 = ld_be64(sd + SD_ICH_AP0R0);
    g->ap1r0 = ld_be64(sd + SD_ICH_AP1R0);
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++)
        g->lr[i] = ld_be64(sd + SD_ICH_LR(i));
}

void sae_vgic_store(const struct sae_vgic *g, uint8_t *sd)
{
    st_be64(sd + SD_ICH_HCR, g->hcr);
    st_be64(sd + SD_ICH_VMCR, g->vmcr);
    st_be64(sd + SD_ICH_AP0R0, g->ap0r0);
    st_be64(sd + SD_ICH_AP1R0, g->ap1r0);
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++)
        st_be64(sd + SD_ICH_LR(i), g->lr[i]);
}

static unsigned vbpr0(const struct sae_vgic *g)
{
    unsigned b = (g->vmcr >> ICH_VMCR_VBPR0_SHIFT) & 7;
    return b < MIN_VBPR0 ? MIN_VBPR0 : b;
}

static unsigned vbpr1_field(const struct sae_vgic *g)
{
    unsigned b = (g->vmcr >> ICH_VMCR_VBPR1_SHIFT) & 7;
    return b < MIN_VBPR1 ? MIN_VBPR1 : b;
}

/* The value ICV_BPR1 reads: with VCBPR it is VBPR0 + 1, saturated at 7. */
static unsigned vbpr1_read(const struct sae_vgic *g)
{
    if (g->vmcr & ICH_VMCR_VCBPR) {
        unsigned b = vbpr0(g) + 1;
        return b > 7 ? 7 : b;
    }
    return vbpr1_field(g);
}

/* VGroupBits: the mask that keeps the group-priority bits of a priority of group `grp`. For BPR0
 * the group priority is [7:bpr+1]; for BPR1 it is [7:bpr] (VCBPR makes group 1 use BPR0). */
static unsigned gprio_mask(const struct sae_vgic *g, unsigned grp)
{
    unsigned bpr;
    if (grp == 0 || (g->vmcr & ICH_VMCR_VCBPR))
        bpr = vbpr0(g);
    else
        bpr = vbpr1_field(g) - 1;
    return (0xFFu << (bpr + 1)) & 0xFFu;
}

static unsigned vpmr(const struct sae_vgic *g)
{
    return (unsigned)(g->vmcr >> ICH_VMCR_VPMR_SHIFT) & PRIO_MASK;
}

int sae_vgic_hppi(const struct sae_vgic *g)
{
    int idx = -1;
    unsigned best = 0x100;
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++) {
        uint64_t lr = g->lr[i];
        if (sae_lr_state(lr) != SAE_LR_PENDING)
            continue;
        if (!(g->vmcr & (sae_lr_group(lr) ? ICH_VMCR_VENG1 : ICH_VMCR_VENG0)))
            continue;
        unsigned p = sae_lr_prio(lr);
        if (p < best) {           /* strict: the lowest index wins a tie (MD-52) */
            best = p;
            idx = (int)i;
        }
    }
    return idx;
}

unsigned sae_vgic_running_prio(const struct sae_vgic *g)
{
    uint32_t apr = (uint32_t)g->ap0r0 | (uint32_t)g->ap1r0;
    if (!apr)
        return 0xFF;
    return (unsigned)__builtin_ctz(apr) << (8 - PREBITS);
}

bool sae_vgic_can_signal(const struct sae_vgic *g, unsigned idx)
{
    if (!(g->hcr & ICH_HCR_EN))
        return false;
    uint64_t lr = g->lr[idx];
    unsigned p = sae_lr_prio(lr);
    if (p >= vpmr(g))
        return false;
    unsigned rp = sae_vgic_running_prio(g);
    if (rp == 0xFF)
        return true;
    unsigned m = gprio_mask(g, sae_lr_group(lr));
    return (p & m) < (rp & m);
}

struct sae_vlines sae_vgic_lines(const struct sae_vgic *g, uint64_t hcr_el2)
{
    struct sae_vlines l = { false, false, false };
    int idx = sae_vgic_hppi(g);
    if (idx >= 0 && sae_vgic_can_signal(g, (unsigned)idx)) {
        if (sae_lr_group(g->lr[idx]))
            l.irq = true;
        else
            l.fiq = true;
    }
    l.irq = (l.irq || (hcr_el2 & SAE_HCR_VI)) && (hcr_el2 & SAE_HCR_IMO);
    l.fiq = (l.fiq || (hcr_el2 & SAE_HCR_VF)) && (hcr_el2 & SAE_HCR_FMO);
    l.serror = (hcr_el2 & SAE_HCR_VSE) && (hcr_el2 & SAE_HCR_AMO);
    return l;
}

static bool lr_eoi_mnt(uint64_t lr)
{
    return !(lr & ICH_LR_HW) && (lr & ICH_LR_EOI);
}

uint64_t sae_vgic_eisr(const struct sae_vgic *g)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++)
        if (sae_lr_state(g->lr[i]) == SAE_LR_INVALID && lr_eoi_mnt(g->lr[i]))
            r |= 1ull << i;
    return r;
}

uint64_t sae_vgic_elrsr(const struct sae_vgic *g)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++)
        if (sae_lr_state(g->lr[i]) == SAE_LR_INVALID && !lr_eoi_mnt(g->lr[i]))
            r |= 1ull << i;
    return r;
}

uint64_t sae_vgic_misr(const struct sae_vgic *g)
{
    if (!(g->hcr & ICH_HCR_EN))
        return 0;
    unsigned valid = 0;
    bool pending = false;
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++) {
        unsigned st = sae_lr_state(g->lr[i]);
        valid += st != SAE_LR_INVALID;
        pending |= st == SAE_LR_PENDING;
    }
    uint64_t h = g->hcr, m = 0;
    bool eng0 = g->vmcr & ICH_VMCR_VENG0, eng1 = g->vmcr & ICH_VMCR_VENG1;
    if (sae_vgic_eisr(g))
        m |= ICH_MISR_EOI;
    if ((h & ICH_HCR_UIE) && valid <= 1)
        m |= ICH_MISR_U;
    if ((h & ICH_HCR_LRENPIE) && (h & ICH_HCR_EOICOUNT_MASK))
        m |= ICH_MISR_LRENP;
    if ((h & ICH_HCR_NPIE) && !pending)
        m |= ICH_MISR_NP;
    if ((h & ICH_HCR_VGRP0EIE) && eng0)
        m |= ICH_MISR_VGRP0E;
    if ((h & ICH_HCR_VGRP0DIE) && !eng0)
        m |= ICH_MISR_VGRP0D;
    if ((h & ICH_HCR_VGRP1EIE) && eng1)
        m |= ICH_MISR_VGRP1E;
    if ((h & ICH_HCR_VGRP1DIE) && !eng1)
        m |= ICH_MISR_VGRP1D;
    return m;
}

bool sae_vgic_hw_linked(const struct sae_vgic *g, unsigned pintid)
{
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++) {
        uint64_t lr = g->lr[i];
        if ((lr & ICH_LR_HW) && sae_lr_pintid(lr) == pintid && sae_lr_state(lr) != SAE_LR_INVALID)
            return true;
    }
    return false;
}

/* ---- acknowledge / EOI / deactivate ---- */

static uint64_t *apr(struct sae_vgic *g, unsigned grp)
{
    return grp ? &g->ap1r0 : &g->ap0r0;
}

static uint32_t ack(struct sae_vgic *g, unsigned grp)
{
    int idx = sae_vgic_hppi(g);
    if (idx < 0)
        return SAE_INTID_SPURIOUS;
    uint64_t *lr = &g->lr[idx];
    if (sae_lr_group(*lr) != grp || !sae_vgic_can_signal(g, (unsigned)idx))
        return SAE_INTID_SPURIOUS;
    uint32_t id = sae_lr_vintid(*lr);
    *lr &= ~ICH_LR_PENDING;
    if (id >= 1020 && id <= 1023)
        return id;           /* a special INTID in an LR: pending -> invalid, the ID is returned */
    *lr |= ICH_LR_ACTIVE;
    unsigned gp = sae_lr_prio(*lr) & gprio_mask(g, grp);
    *apr(g, grp) |= 1ull << (gp >> (8 - PREBITS));
    return id;
}

/* Priority drop: clear the lowest set active-priority bit (Group 0 first on equal priority).
 * Returns the dropped priority, or 0xFF if no bit was set. */
static unsigned drop_prio(struct sae_vgic *g)
{
    uint32_t a0 = (uint32_t)g->ap0r0, a1 = (uint32_t)g->ap1r0;
    if (!a0 && !a1)
        return 0xFF;
    unsigned c0 = a0 ? (unsigned)__builtin_ctz(a0) : 32, c1 = a1 ? (unsigned)__builtin_ctz(a1) : 32;
    if (c0 <= c1) {
        g->ap0r0 &= ~(1ull << c0);
        return c0 << (8 - PREBITS);
    }
    g->ap1r0 &= ~(1ull << c1);
    return c1 << (8 - PREBITS);
}

static int find_active(const struct sae_vgic *g, uint32_t id)
{
    for (unsigned i = 0; i < SAE_VGIC_NUM_LR; i++)
        if (sae_lr_vintid(g->lr[i]) == id && (g->lr[i] & ICH_LR_ACTIVE))
            return (int)i;
    return -1;
}

static void inc_eoicount(struct sae_vgic *g)
{
    uint64_t c = ((g->hcr >> ICH_HCR_EOICOUNT_SHIFT) + 1) & 0x1F;
    g->hcr = (g->hcr & ~ICH_HCR_EOICOUNT_MASK) | (c << ICH_HCR_EOICOUNT_SHIFT);
}

/* Active -> invalid, pending+active -> pending; for HW = 1 the physical side is deactivated too,
 * which ends the timer link of §7.6 because the link is defined by the LR state. */
static void deactivate(struct sae_vgic *g, unsigned idx, int *deact_pintid)
{
    if ((g->lr[idx] & ICH_LR_HW) && deact_pintid)
        *deact_pintid = (int)sae_lr_pintid(g->lr[idx]);
    g->lr[idx] &= ~ICH_LR_ACTIVE;
}

static void eoi(struct sae_vgic *g, unsigned grp, uint64_t value, int *deact_pintid)
{
    uint32_t id = value & 0xFFFFFF;
    if (id >= 1020)
        return;                           /* special INTIDs and LPIs: no effect */
    unsigned dropped = drop_prio(g);
    if (dropped == 0xFF)
        return;                           /* nothing active: the LRs are not checked */
    bool split = g->vmcr & ICH_VMCR_VEOIM;
    int idx = find_active(g, id);
    if (idx < 0) {
        if (!split)
            inc_eoicount(g);              /* the write would have deactivated */
        return;
    }
    uint64_t lr = g->lr[idx];
    if (!split && sae_lr_group(lr) == grp && (sae_lr_prio(lr) & gprio_mask(g, grp)) == dropped)
        deactivate(g, (unsigned)idx, deact_pintid);
}

static void dir(struct sae_vgic *g, uint64_t value, int *deact_pintid)
{
    uint32_t id = value & 0xFFFFFF;
    if (id >= 1020 || !(g->vmcr & ICH_VMCR_VEOIM))
        return;                           /* DIR with VEOIM = 0 is UNPREDICTABLE: ignored */
    int idx = find_active(g, id);
    if (idx < 0)
        inc_eoicount(g);
    else
        deactivate(g, (unsigned)idx, deact_pintid);
}

static uint32_t hppir(const struct sae_vgic *g, unsigned grp)
{
    int idx = sae_vgic_hppi(g);
    if (idx < 0 || sae_lr_group(g->lr[idx]) != grp)
        return SAE_INTID_SPURIOUS;
    return sae_lr_vintid(g->lr[idx]);
}

static void set_vmcr_field(struct sae_vgic *g, unsigned shift, unsigned width, uint64_t v)
{
    uint64_t m = ((1ull << width) - 1) << shift;
    g->vmcr = (g->vmcr & ~m) | ((v << shift) & m);
}

/* ---- the register table ---- */

enum icc_class { C_G0, C_G1, C_COMMON, C_SGI, C_SRE, C_UNDEF };
enum icc_op {
    OP_IAR, OP_EOIR, OP_HPPIR, OP_BPR, OP_AP, OP_DIR, OP_RPR, OP_SGI, OP_CTLR, OP_SRE, OP_IGRPEN,
    OP_PMR, OP_NONE,
};
#define RO 1u
#define WO 2u
#define RW 3u

struct icc_reg {
    uint16_t enc;
    const char *name;
    uint8_t cls, op, access;
};

static const struct icc_reg icc_regs[] = {
    { SAE_SYSREG(3, 0, 4, 6, 0), "ICC_PMR_EL1", C_COMMON, OP_PMR, RW },
    { SAE_SYSREG(3, 0, 12, 8, 0), "ICC_IAR0_EL1", C_G0, OP_IAR, RO },
    { SAE_SYSREG(3, 0, 12, 8, 1), "ICC_EOIR0_EL1", C_G0, OP_EOIR, WO },
    { SAE_SYSREG(3, 0, 12, 8, 2), "ICC_HPPIR0_EL1", C_G0, OP_HPPIR, RO },
    { SAE_SYSREG(3, 0, 12, 8, 3), "ICC_BPR0_EL1", C_G0, OP_BPR, RW },
    { SAE_SYSREG(3, 0, 12, 8, 4), "ICC_AP0R0_EL1", C_G0, OP_AP, RW },
    { SAE_SYSREG(3, 0, 12, 8, 5), "ICC_AP0R1_EL1", C_UNDEF, OP_NONE, RW },
    { SAE_SYSREG(3, 0, 12, 8, 6), "ICC_AP0R2_EL1", C_UNDEF, OP_NONE, RW },
    { SAE_SYSREG(3, 0, 12, 8, 7), "ICC_AP0R3_EL1", C_UNDEF, OP_NONE, RW },
    { SAE_SYSREG(3, 0, 12, 9, 0), "ICC_AP1R0_EL1", C_G1, OP_AP, RW },
    { SAE_SYSREG(3, 0, 12, 9, 1), "ICC_AP1R1_EL1", C_UNDEF, OP_NONE, RW },
    { SAE_SYSREG(3, 0, 12, 9, 2), "ICC_AP1R2_EL1", C_UNDEF, OP_NONE, RW },
    { SAE_SYSREG(3, 0, 12, 9, 3), "ICC_AP1R3_EL1", C_UNDEF, OP_NONE, RW },
    { SAE_SYSREG(3, 0, 12, 11, 1), "ICC_DIR_EL1", C_COMMON, OP_DIR, WO },
    { SAE_SYSREG(3, 0, 12, 11, 3), "ICC_RPR_EL1", C_COMMON, OP_RPR, RO },
    { SAE_SYSREG(3, 0, 12, 11, 5), "ICC_SGI1R_EL1", C_SGI, OP_SGI, WO },
    { SAE_SYSREG(3, 0, 12, 11, 6), "ICC_ASGI1R_EL1", C_SGI, OP_SGI, WO },
    { SAE_SYSREG(3, 0, 12, 11, 7), "ICC_SGI0R_EL1", C_SGI, OP_SGI, WO },
    { SAE_SYSREG(3, 0, 12, 12, 0), "ICC_IAR1_EL1", C_G1, OP_IAR, RO },
    { SAE_SYSREG(3, 0, 12, 12, 1), "ICC_EOIR1_EL1", C_G1, OP_EOIR, WO },
    { SAE_SYSREG(3, 0, 12, 12, 2), "ICC_HPPIR1_EL1", C_G1, OP_HPPIR, RO },
    { SAE_SYSREG(3, 0, 12, 12, 3), "ICC_BPR1_EL1", C_G1, OP_BPR, RW },
    { SAE_SYSREG(3, 0, 12, 12, 4), "ICC_CTLR_EL1", C_COMMON, OP_CTLR, RW },
    { SAE_SYSREG(3, 0, 12, 12, 5), "ICC_SRE_EL1", C_SRE, OP_SRE, RW },
    { SAE_SYSREG(3, 0, 12, 12, 6), "ICC_IGRPEN0_EL1", C_G0, OP_IGRPEN, RW },
    { SAE_SYSREG(3, 0, 12, 12, 7), "ICC_IGRPEN1_EL1", C_G1, OP_IGRPEN, RW },
};

static const struct icc_reg *icc_find(uint16_t enc)
{
    for (size_t i = 0; i < sizeof(icc_regs) / sizeof(icc_regs[0]); i++)
        if (icc_regs[i].enc == enc)
            return &icc_regs[i];
    return NULL;
}

/* Encodings of the GIC CPU-interface block (op0 3, op1 0, CRn 12, CRm 8/9/11/12) that the table
 * does not name (e.g. ICC_NMIAR1_EL1 without FEAT_GICv3_NMI) are UNDEFINED. */
static bool icc_space(uint16_t enc)
{
    unsigned crm = SAE_SYSREG_CRM(enc);
    return SAE_SYSREG_OP0(enc) == 3 && SAE_SYSREG_OP1(enc) == 0 && SAE_SYSREG_CRN(enc) == 12 &&
           (crm == 8 || crm == 9 || crm == 11 || crm == 12);
}

const char *sae_vgic_reg_name(uint16_t enc)
{
    const struct icc_reg *r = icc_find(enc);
    return r ? r->name : NULL;
}

enum sae_vgic_result sae_vgic_sysreg(struct sae_vgic *g, uint64_t hcr_el2, uint64_t icc_sre_el2,
                                     uint16_t enc, bool is_read, uint64_t *val, int *deact_pintid)
{
    if (deact_pintid)
        *deact_pintid = -1;
    const struct icc_reg *r = icc_find(enc);
    if (!r)
        return icc_space(enc) ? SAE_VGIC_UNDEF : SAE_VGIC_NOT_GIC;
    /* UNDEFINED at EL1 takes precedence over any trap to EL2. */
    if (r->cls == C_UNDEF || !(r->access & (is_read ? RO : WO)))
        return SAE_VGIC_UNDEF;
    if (r->cls == C_SGI)
        return SAE_VGIC_TRAP;                         /* MD-49 */
    if (r->cls == C_SRE) {
        if (!(icc_sre_el2 & SAE_ICC_SRE_EL2_ENABLE))
            return SAE_VGIC_TRAP;
        if (is_read)
            *val = 0x7;                               /* SRE, DFB, DIB; writes ignored */
        return SAE_VGIC_HANDLED;
    }
    /* Which interface the access addresses (IHI 0069 "Virtual CPU interface"): Group 0 registers
     * are virtual with FMO, Group 1 with IMO, the common ones with either. A physical access has
     * no interface behind it in SAE and traps (MD-49). */
    bool virt = r->cls == C_G0 ? (hcr_el2 & SAE_HCR_FMO) != 0
              : r->cls == C_G1 ? (hcr_el2 & SAE_HCR_IMO) != 0
              : (hcr_el2 & (SAE_HCR_IMO | SAE_HCR_FMO)) != 0;
    if (!virt)
        return SAE_VGIC_TRAP;
    if ((r->cls == C_G0 && (g->hcr & ICH_HCR_TALL0)) || (r->cls == C_G1 && (g->hcr & ICH_HCR_TALL1)) ||
        (r->cls == C_COMMON && (g->hcr & ICH_HCR_TC)) || (r->op == OP_DIR && (g->hcr & ICH_HCR_TDIR)))
        return SAE_VGIC_TRAP;

    unsigned grp = r->cls == C_G1 ? 1 : 0;
    uint64_t v = is_read ? 0 : *val;
    switch (r->op) {
    case OP_IAR: v = ack(g, grp); break;
    case OP_EOIR: eoi(g, grp, v, deact_pintid); break;
    case OP_HPPIR: v = hppir(g, grp); break;
    case OP_DIR: dir(g, v, deact_pintid); break;
    case OP_RPR: v = sae_vgic_running_prio(g); break;
    case OP_PMR:
        if (is_read)
            v = vpmr(g);
        else
            set_vmcr_field(g, ICH_VMCR_VPMR_SHIFT, 8, v & PRIO_MASK);
        break;
    case OP_BPR:
        if (is_read) {
            v = grp ? vbpr1_read(g) : vbpr0(g);
        } else if (!(grp && (g->vmcr & ICH_VMCR_VCBPR))) {   /* VCBPR: BPR1 writes ignored */
            unsigned b = v & 7, min = grp ? MIN_VBPR1 : MIN_VBPR0;
            set_vmcr_field(g, grp ? ICH_VMCR_VBPR1_SHIFT : ICH_VMCR_VBPR0_SHIFT, 3, b < min ? min : b);
        }
        break;
    case OP_AP:
        if (is_read)
            v = (uint32_t)*apr(g, grp);
        else
            *apr(g, grp) = (uint32_t)v;
        break;
    case OP_IGRPEN:
        if (is_read)
            v = (g->vmcr >> grp) & 1;
        else
            set_vmcr_field(g, grp, 1, v & 1);
        break;
    case OP_CTLR:
        if (is_read) {
            /* CBPR 0, EOImode 1, PRIbits [10:8] = 4, IDbits 0 (16 bits), SEIS 0, A3V 0. */
            v = ((g->vmcr & ICH_VMCR_VCBPR) ? 1 : 0) | ((g->vmcr & ICH_VMCR_VEOIM) ? 2 : 0) |
                ((uint64_t)(PREBITS - 1) << 8);
        } else {
            set_vmcr_field(g, 4, 1, v & 1);          /* VCBPR */
            set_vmcr_field(g, 9, 1, (v >> 1) & 1);   /* VEOIM */
        }
        break;
    default:
        return SAE_VGIC_UNDEF;
    }
    if (is_read)
        *val = v;
    return SAE_VGIC_HANDLED;
}
