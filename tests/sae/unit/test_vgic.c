/* The GICv3 virtual CPU interface over SD-held state (sae-architecture §7.5). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "sae/el2.h"
#include "sae/regids.h"
#include "sae/sd.h"
#include "sae/vgic.h"

#define IAR0  SAE_SYSREG(3, 0, 12, 8, 0)
#define EOIR0 SAE_SYSREG(3, 0, 12, 8, 1)
#define HPPIR0 SAE_SYSREG(3, 0, 12, 8, 2)
#define BPR0  SAE_SYSREG(3, 0, 12, 8, 3)
#define AP0R0 SAE_SYSREG(3, 0, 12, 8, 4)
#define AP1R0 SAE_SYSREG(3, 0, 12, 9, 0)
#define DIR   SAE_SYSREG(3, 0, 12, 11, 1)
#define RPR   SAE_SYSREG(3, 0, 12, 11, 3)
#define SGI1R SAE_SYSREG(3, 0, 12, 11, 5)
#define ASGI1R SAE_SYSREG(3, 0, 12, 11, 6)
#define SGI0R SAE_SYSREG(3, 0, 12, 11, 7)
#define IAR1  SAE_SYSREG(3, 0, 12, 12, 0)
#define EOIR1 SAE_SYSREG(3, 0, 12, 12, 1)
#define HPPIR1 SAE_SYSREG(3, 0, 12, 12, 2)
#define BPR1  SAE_SYSREG(3, 0, 12, 12, 3)
#define CTLR  SAE_SYSREG(3, 0, 12, 12, 4)
#define SRE   SAE_SYSREG(3, 0, 12, 12, 5)
#define IGRPEN0 SAE_SYSREG(3, 0, 12, 12, 6)
#define IGRPEN1 SAE_SYSREG(3, 0, 12, 12, 7)
#define PMR   SAE_SYSREG(3, 0, 4, 6, 0)

#define HCR (SAE_HCR_IMO | SAE_HCR_FMO | SAE_HCR_AMO | SAE_HCR_RW | SAE_HCR_E2H)

static struct sae_vgic g;

static uint64_t lr(unsigned state, unsigned grp, unsigned prio, uint32_t vintid)
{
    return ((uint64_t)state << 62) | ((uint64_t)grp << 60) | ((uint64_t)prio << 48) | vintid;
}
static uint64_t hwlr(unsigned state, unsigned grp, unsigned prio, uint32_t vintid, unsigned pintid)
{
    return lr(state, grp, prio, vintid) | ICH_LR_HW | ((uint64_t)pintid << 32);
}

static void setup(void)
{
    memset(&g, 0, sizeof(g));
    g.hcr = ICH_HCR_EN;
    g.vmcr = ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | (0xFFull << ICH_VMCR_VPMR_SHIFT);
}

static uint64_t rd(uint16_t enc)
{
    uint64_t v = 0xDEAD;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, enc, true, &v, NULL), SAE_VGIC_HANDLED);
    return v;
}
static void wr(uint16_t enc, uint64_t v)
{
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, enc, false, &v, NULL), SAE_VGIC_HANDLED);
}

START_TEST(test_load_store)
{
    uint8_t sd[4096], sd2[4096];
    for (unsigned i = 0; i < 4096; i++)
        sd[i] = (uint8_t)(i * 13);
    memcpy(sd2, sd, sizeof(sd));
    sae_vgic_load(&g, sd);
    ck_assert_uint_eq(g.hcr, ld_be64(sd + 0x120));
    ck_assert_uint_eq(g.vmcr, ld_be64(sd + 0x128));
    ck_assert_uint_eq(g.ap0r0, ld_be64(sd + 0x130));
    ck_assert_uint_eq(g.ap1r0, ld_be64(sd + 0x138));
    for (unsigned i = 0; i < 4; i++)
        ck_assert_uint_eq(g.lr[i], ld_be64(sd + 0x150 + 8 * i));
    memset(sd2 + 0x120, 0, 0x20);
    memset(sd2 + 0x150, 0, 0x20);
    sae_vgic_store(&g, sd2);
    ck_assert_int_eq(memcmp(sd, sd2, sizeof(sd)), 0);   /* the reserved 0x140-0x14F untouched */
}
END_TEST

START_TEST(test_hppi_and_ties)
{
    g.lr[0] = lr(SAE_LR_PENDING, 1, 0x80, 40);
    g.lr[1] = lr(SAE_LR_PENDING, 1, 0x40, 41);
    g.lr[2] = lr(SAE_LR_PENDING, 1, 0x40, 42);
    g.lr[3] = lr(SAE_LR_PENDING_ACTIVE, 1, 0x10, 43);   /* pending+active is not a candidate */
    ck_assert_int_eq(sae_vgic_hppi(&g), 1);           /* lowest LR on equal priority (MD-52) */
    g.lr[1] = lr(SAE_LR_PENDING, 1, 0x47, 41);            /* low 3 priority bits not implemented */
    ck_assert_int_eq(sae_vgic_hppi(&g), 1);
    g.lr[1] = lr(SAE_LR_PENDING, 1, 0x48, 41);
    ck_assert_int_eq(sae_vgic_hppi(&g), 2);
    g.vmcr &= ~ICH_VMCR_VENG1;                         /* group disabled */
    ck_assert_int_eq(sae_vgic_hppi(&g), -1);
    g.lr[0] = lr(SAE_LR_PENDING, 0, 0xF0, 30);
    ck_assert_int_eq(sae_vgic_hppi(&g), 0);
}
END_TEST

START_TEST(test_signal_and_lines)
{
    g.lr[2] = lr(SAE_LR_PENDING, 1, 0x80, 50);
    struct sae_vlines l = sae_vgic_lines(&g, HCR);
    ck_assert(l.irq && !l.fiq && !l.serror);
    ck_assert(!sae_vgic_lines(&g, HCR & ~SAE_HCR_IMO).irq);        /* IMO = 0: no virtual IRQ */
    g.hcr = 0;                                                 /* En = 0: nothing signalled */
    ck_assert(!sae_vgic_lines(&g, HCR).irq);
    ck_assert(sae_vgic_lines(&g, HCR | SAE_HCR_VI).irq);           /* SAE_HCR_EL2.VI ORed in */
    ck_assert(!sae_vgic_lines(&g, (HCR | SAE_HCR_VI) & ~SAE_HCR_IMO).irq);
    ck_assert(sae_vgic_lines(&g, HCR | SAE_HCR_VF).fiq);
    ck_assert(sae_vgic_lines(&g, HCR | SAE_HCR_VSE).serror);
    ck_assert(!sae_vgic_lines(&g, (HCR | SAE_HCR_VSE) & ~SAE_HCR_AMO).serror);
    g.hcr = ICH_HCR_EN;
    /* priority mask: signalled only when priority < VPMR */
    g.vmcr = (g.vmcr & ~(0xFFull << 24)) | (0x80ull << 24);
    ck_assert(!sae_vgic_lines(&g, HCR).irq);
    g.vmcr = (g.vmcr & ~(0xFFull << 24)) | (0x88ull << 24);
    ck_assert(sae_vgic_lines(&g, HCR).irq);
    /* group 0 -> FIQ */
    g.lr[2] = lr(SAE_LR_PENDING, 0, 0x80, 50);
    l = sae_vgic_lines(&g, HCR);
    ck_assert(!l.irq && l.fiq);
    ck_assert(!sae_vgic_lines(&g, HCR & ~SAE_HCR_FMO).fiq);
}
END_TEST

START_TEST(test_running_priority_and_bpr)
{
    g.ap1r0 = 1u << 8;                                 /* active at priority 0x40 */
    ck_assert_uint_eq(sae_vgic_running_prio(&g), 0x40);
    ck_assert_uint_eq(rd(RPR), 0x40);
    g.lr[0] = lr(SAE_LR_PENDING, 1, 0x40, 60);             /* equal group priority: no preemption */
    ck_assert(!sae_vgic_can_signal(&g, 0));
    g.lr[0] = lr(SAE_LR_PENDING, 1, 0x38, 60);             /* higher priority preempts (BPR1 min 3) */
    ck_assert(sae_vgic_can_signal(&g, 0));
    /* BPR1 = 5: group priority [7:5]; 0x38 -> 0x20 vs 0x40 -> preempts; 0x48 -> 0x40: does not */
    wr(BPR1, 5);
    ck_assert(sae_vgic_can_signal(&g, 0));
    g.lr[0] = lr(SAE_LR_PENDING, 1, 0x50, 60);
    ck_assert(!sae_vgic_can_signal(&g, 0));
    /* group 0 with BPR0 = 4: group priority [7:5] as well */
    wr(BPR0, 4);
    g.lr[0] = lr(SAE_LR_PENDING, 0, 0x28, 60);
    ck_assert(sae_vgic_can_signal(&g, 0));
    g.lr[0] = lr(SAE_LR_PENDING, 0, 0x48, 60);
    ck_assert(!sae_vgic_can_signal(&g, 0));
    g.ap1r0 = 0;
    ck_assert_uint_eq(rd(RPR), 0xFF);                  /* idle */
    /* clamping to the minimum binary points: BPR0 >= 2, BPR1 >= 3 */
    wr(BPR0, 0);
    ck_assert_uint_eq(rd(BPR0), 2);
    wr(BPR1, 1);
    ck_assert_uint_eq(rd(BPR1), 3);
    /* VCBPR: BPR1 reads BPR0 + 1 (saturated), writes ignored */
    wr(CTLR, 1);
    wr(BPR0, 4);
    ck_assert_uint_eq(rd(BPR1), 5);
    wr(BPR1, 7);
    ck_assert_uint_eq((g.vmcr >> ICH_VMCR_VBPR1_SHIFT) & 7, 3);
    wr(BPR0, 7);
    ck_assert_uint_eq(rd(BPR1), 7);
}
END_TEST

START_TEST(test_ack_eoi_deactivate)
{
    g.lr[1] = lr(SAE_LR_PENDING, 1, 0x40, 77) | ICH_LR_EOI;
    g.lr[3] = lr(SAE_LR_PENDING, 1, 0x60, 78);
    ck_assert_uint_eq(rd(HPPIR1), 77);
    ck_assert_uint_eq(rd(HPPIR0), 1023);
    ck_assert_uint_eq(rd(IAR0), 1023);                 /* the candidate is Group 1 */
    ck_assert_uint_eq(sae_lr_state(g.lr[1]), SAE_LR_PENDING);
    ck_assert_uint_eq(rd(IAR1), 77);
    ck_assert_uint_eq(sae_lr_state(g.lr[1]), SAE_LR_ACTIVE);
    ck_assert_uint_eq(g.ap1r0, 1u << (0x40 >> 3));     /* active priority bit */
    ck_assert_uint_eq(rd(RPR), 0x40);
    /* LR3 (0x60) cannot preempt the running 0x40 */
    ck_assert_uint_eq(rd(IAR1), 1023);
    ck_assert(!sae_vgic_lines(&g, HCR).irq);
    /* EOI with VEOIM = 0: priority drop and deactivation; HW = 0, EOI = 1 -> EISR */
    ck_assert_uint_eq(sae_vgic_eisr(&g), 0);
    wr(EOIR1, 77);
    ck_assert_uint_eq(g.ap1r0, 0);
    ck_assert_uint_eq(sae_lr_state(g.lr[1]), SAE_LR_INVALID);
    ck_assert_uint_eq(sae_vgic_eisr(&g), 1u << 1);
    ck_assert_uint_eq(sae_vgic_misr(&g) & ICH_MISR_EOI, ICH_MISR_EOI);
    ck_assert_uint_eq(sae_vgic_elrsr(&g), (1u << 0) | (1u << 2));   /* LR0, LR2 empty; LR1 has EOI */
    ck_assert_uint_eq((g.hcr & ICH_HCR_EOICOUNT_MASK), 0);
    /* now LR3 is signalled */
    ck_assert(sae_vgic_lines(&g, HCR).irq);
    ck_assert_uint_eq(rd(IAR1), 78);
}
END_TEST

START_TEST(test_split_eoi_and_dir)
{
    g.vmcr |= ICH_VMCR_VEOIM;
    g.lr[0] = lr(SAE_LR_PENDING, 0, 0x20, 33);
    ck_assert_uint_eq(rd(IAR0), 33);
    ck_assert_uint_eq(g.ap0r0, 1u << 4);
    wr(EOIR0, 33);                                     /* drop only */
    ck_assert_uint_eq(g.ap0r0, 0);
    ck_assert_uint_eq(sae_lr_state(g.lr[0]), SAE_LR_ACTIVE);
    wr(DIR, 33);
    ck_assert_uint_eq(sae_lr_state(g.lr[0]), SAE_LR_INVALID);
    ck_assert_uint_eq(g.hcr & ICH_HCR_EOICOUNT_MASK, 0);
    /* pending+active -> pending on deactivation */
    g.lr[2] = lr(SAE_LR_PENDING_ACTIVE, 1, 0x20, 34);
    wr(DIR, 34);
    ck_assert_uint_eq(sae_lr_state(g.lr[2]), SAE_LR_PENDING);
}
END_TEST

static unsigned eoicount(void) { return (unsigned)((g.hcr & ICH_HCR_EOICOUNT_MASK) >> ICH_HCR_EOICOUNT_SHIFT); }

START_TEST(test_eoicount)
{
    /* EOIR without any active priority: nothing happens (LRs not checked) */
    wr(EOIR1, 99);
    ck_assert_uint_eq(eoicount(), 0);
    /* EOIR of an ID no LR holds, VEOIM = 0: would deactivate -> EOIcount + 1 */
    g.ap1r0 = 1u << 3;
    wr(EOIR1, 99);
    ck_assert_uint_eq(g.ap1r0, 0);
    ck_assert_uint_eq(eoicount(), 1);
    /* special IDs >= 1020 are ignored entirely */
    g.ap1r0 = 1u << 3;
    wr(EOIR1, 1023);
    ck_assert_uint_eq(g.ap1r0, 1u << 3);
    ck_assert_uint_eq(eoicount(), 1);
    /* VEOIM = 1: EOIR does not deactivate, so no count; DIR of an unknown ID counts */
    g.vmcr |= ICH_VMCR_VEOIM;
    wr(EOIR1, 99);
    ck_assert_uint_eq(eoicount(), 1);
    wr(DIR, 99);
    ck_assert_uint_eq(eoicount(), 2);
    /* DIR with VEOIM = 0 is ignored */
    g.vmcr &= ~ICH_VMCR_VEOIM;
    wr(DIR, 99);
    ck_assert_uint_eq(eoicount(), 2);
    /* LRENP maintenance follows EOIcount != 0; the 5-bit field wraps */
    g.hcr |= ICH_HCR_LRENPIE;
    ck_assert_uint_eq(sae_vgic_misr(&g) & ICH_MISR_LRENP, ICH_MISR_LRENP);
    g.hcr = (g.hcr & ~ICH_HCR_EOICOUNT_MASK) | (31ull << ICH_HCR_EOICOUNT_SHIFT);
    g.ap1r0 = 1;
    wr(EOIR1, 5);
    ck_assert_uint_eq(eoicount(), 0);
    ck_assert_uint_eq(sae_vgic_misr(&g) & ICH_MISR_LRENP, 0);
    ck_assert_uint_eq(g.hcr & 0x7FFFFFF, ICH_HCR_EN | ICH_HCR_LRENPIE);  /* other bits kept */
}
END_TEST

START_TEST(test_hw_deactivation)
{
    g.lr[0] = hwlr(SAE_LR_PENDING, 1, 0x80, 27, 27);
    ck_assert(sae_vgic_hw_linked(&g, 27));
    ck_assert(!sae_vgic_hw_linked(&g, 30));
    ck_assert_uint_eq(rd(IAR1), 27);
    ck_assert(sae_vgic_hw_linked(&g, 27));             /* active: still linked */
    uint64_t v = 27;
    int pintid = 0;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, EOIR1, false, &v, &pintid), SAE_VGIC_HANDLED);
    ck_assert_int_eq(pintid, 27);                      /* the physical side is deactivated */
    ck_assert_uint_eq(sae_lr_state(g.lr[0]), SAE_LR_INVALID);
    ck_assert(!sae_vgic_hw_linked(&g, 27));            /* the link ends */
    ck_assert_uint_eq(sae_vgic_eisr(&g), 0);           /* HW = 1: no EOI maintenance */
    ck_assert_uint_eq(sae_vgic_elrsr(&g), 0xF);
    /* HW = 0 LR with vINTID 27 does not link */
    g.lr[1] = lr(SAE_LR_PENDING, 1, 0x80, 27);
    ck_assert(!sae_vgic_hw_linked(&g, 27));
}
END_TEST

START_TEST(test_misr_bits)
{
    g.hcr = ICH_HCR_EN;
    g.lr[0] = lr(SAE_LR_PENDING, 1, 0x80, 40);
    g.lr[1] = lr(SAE_LR_ACTIVE, 1, 0x80, 41);
    ck_assert_uint_eq(sae_vgic_misr(&g), 0);
    g.hcr |= ICH_HCR_UIE;                              /* two valid LRs: no underflow */
    ck_assert_uint_eq(sae_vgic_misr(&g), 0);
    g.lr[1] = 0;
    ck_assert_uint_eq(sae_vgic_misr(&g), ICH_MISR_U);
    g.hcr = ICH_HCR_EN | ICH_HCR_NPIE;
    ck_assert_uint_eq(sae_vgic_misr(&g), 0);           /* LR0 pending */
    g.lr[0] = lr(SAE_LR_ACTIVE, 1, 0x80, 40);
    ck_assert_uint_eq(sae_vgic_misr(&g), ICH_MISR_NP);
    g.hcr = ICH_HCR_EN | ICH_HCR_VGRP0EIE | ICH_HCR_VGRP1DIE;
    g.vmcr = ICH_VMCR_VENG0;
    ck_assert_uint_eq(sae_vgic_misr(&g), ICH_MISR_VGRP0E | ICH_MISR_VGRP1D);
    g.hcr = ICH_HCR_EN | ICH_HCR_VGRP0DIE | ICH_HCR_VGRP1EIE;
    ck_assert_uint_eq(sae_vgic_misr(&g), 0);           /* group 0 enabled, group 1 disabled */
    g.vmcr = ICH_VMCR_VENG1;
    ck_assert_uint_eq(sae_vgic_misr(&g), ICH_MISR_VGRP0D | ICH_MISR_VGRP1E);
    g.hcr &= ~ICH_HCR_EN;                              /* En = 0: no maintenance at all */
    ck_assert_uint_eq(sae_vgic_misr(&g), 0);
}
END_TEST

START_TEST(test_access_rules)
{
    uint64_t v = 0;
    /* SGI generation always traps; reading a write-only register is UNDEFINED */
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SGI1R, false, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SGI0R, false, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, ASGI1R, false, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SGI1R, true, &v, NULL), SAE_VGIC_UNDEF);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, IAR1, false, &v, NULL), SAE_VGIC_UNDEF);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, EOIR1, true, &v, NULL), SAE_VGIC_UNDEF);
    /* AP0R1-3 / AP1R1-3 UNDEFINED, also with every trap bit set */
    g.hcr |= ICH_HCR_TALL0 | ICH_HCR_TALL1 | ICH_HCR_TC;
    for (unsigned n = 1; n < 4; n++) {
        ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SAE_SYSREG(3, 0, 12, 8, 4 + n), true, &v, NULL),
                         SAE_VGIC_UNDEF);
        ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SAE_SYSREG(3, 0, 12, 9, n), false, &v, NULL),
                         SAE_VGIC_UNDEF);
    }
    g.hcr = ICH_HCR_EN;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SAE_SYSREG(3, 0, 12, 9, 5), true, &v, NULL),
                     SAE_VGIC_UNDEF);                  /* ICC_NMIAR1_EL1: no NMI */
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SAE_SYSREG(3, 0, 12, 1, 0), true, &v, NULL),
                     SAE_VGIC_NOT_GIC);                /* ISR_EL1 */
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, 0xC080, true, &v, NULL), SAE_VGIC_NOT_GIC);
    /* physical interface (IMO / FMO = 0) traps */
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR & ~SAE_HCR_IMO, 0xF, IAR1, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR & ~SAE_HCR_IMO, 0xF, IAR0, true, &v, NULL), SAE_VGIC_HANDLED);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR & ~SAE_HCR_FMO, 0xF, IGRPEN0, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR & ~SAE_HCR_FMO, 0xF, PMR, true, &v, NULL), SAE_VGIC_HANDLED);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR & ~(SAE_HCR_FMO | SAE_HCR_IMO), 0xF, PMR, true, &v, NULL),
                     SAE_VGIC_TRAP);
    /* ICC_SRE_EL1 */
    v = 0;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SRE, true, &v, NULL), SAE_VGIC_HANDLED);
    ck_assert_uint_eq(v, 7);
    v = 0;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, SRE, false, &v, NULL), SAE_VGIC_HANDLED);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0x7, SRE, true, &v, NULL), SAE_VGIC_TRAP);
    /* ICH_HCR trap controls */
    g.hcr = ICH_HCR_EN | ICH_HCR_TALL0;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, IAR0, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, BPR0, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, IAR1, true, &v, NULL), SAE_VGIC_HANDLED);
    g.hcr = ICH_HCR_EN | ICH_HCR_TALL1;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, EOIR1, false, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, AP1R0, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, PMR, true, &v, NULL), SAE_VGIC_HANDLED);
    g.hcr = ICH_HCR_EN | ICH_HCR_TC;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, PMR, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, CTLR, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, RPR, true, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, IAR1, true, &v, NULL), SAE_VGIC_HANDLED);
    g.hcr = ICH_HCR_EN | ICH_HCR_TDIR;
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, DIR, false, &v, NULL), SAE_VGIC_TRAP);
    ck_assert_int_eq(sae_vgic_sysreg(&g, HCR, 0xF, EOIR1, false, &v, NULL), SAE_VGIC_HANDLED);
    ck_assert_str_eq(sae_vgic_reg_name(IAR1), "ICC_IAR1_EL1");
}
END_TEST

START_TEST(test_plain_registers)
{
    wr(PMR, 0xFF);
    ck_assert_uint_eq(rd(PMR), 0xF8);                  /* 5 implemented bits */
    ck_assert_uint_eq((g.vmcr >> 24) & 0xFF, 0xF8);
    wr(IGRPEN1, 0);
    ck_assert_uint_eq(rd(IGRPEN1), 0);
    ck_assert_uint_eq(g.vmcr & ICH_VMCR_VENG1, 0);
    ck_assert_uint_eq(rd(IGRPEN0), 1);
    wr(IGRPEN0, 0);
    ck_assert_uint_eq(g.vmcr & ICH_VMCR_VENG0, 0);
    ck_assert_uint_eq(rd(CTLR), 0x400);                /* PRIbits = 4 (5 bits), EOImode 0, CBPR 0 */
    wr(CTLR, 3);
    ck_assert_uint_eq(rd(CTLR), 0x403);
    ck_assert(g.vmcr & ICH_VMCR_VEOIM);
    ck_assert(g.vmcr & ICH_VMCR_VCBPR);
    wr(AP0R0, 0xFFFFFFFF00000011ull);
    ck_assert_uint_eq(rd(AP0R0), 0x11);
    ck_assert_uint_eq(g.ap0r0, 0x11);
    wr(AP1R0, 0x80000000);
    ck_assert_uint_eq(rd(AP1R0), 0x80000000);
    ck_assert_uint_eq(rd(RPR), 0);                     /* AP0R0 bit 0: priority 0 */
}
END_TEST

START_TEST(test_special_intid_ack)
{
    g.lr[0] = lr(SAE_LR_PENDING, 1, 0x10, 1022);
    ck_assert_uint_eq(rd(IAR1), 1022);
    ck_assert_uint_eq(sae_lr_state(g.lr[0]), SAE_LR_INVALID);
    ck_assert_uint_eq(g.ap1r0, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-vgic");
    TCase *tc = tcase_create("vgic");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_load_store);
    tcase_add_test(tc, test_hppi_and_ties);
    tcase_add_test(tc, test_signal_and_lines);
    tcase_add_test(tc, test_running_priority_and_bpr);
    tcase_add_test(tc, test_ack_eoi_deactivate);
    tcase_add_test(tc, test_split_eoi_and_dir);
    tcase_add_test(tc, test_eoicount);
    tcase_add_test(tc, test_hw_deactivation);
    tcase_add_test(tc, test_misr_bits);
    tcase_add_test(tc, test_access_rules);
    tcase_add_test(tc, test_plain_registers);
    tcase_add_test(tc, test_special_intid_ack);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
