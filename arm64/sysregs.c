/* System registers: MRS/MSR (register) (Arm ARM C5.2 and D19 "AArch64 System Register Descriptions").
 * One declared table: encoding, name, who may access it, the EL2 trap group and fine-grained-trap bit,
 * the storage field, the writable mask, RES1 bits and the reset value. Registers whose reads or
 * writes have side effects (PSTATE fields, timers, translation controls) are handled by name in
 * sr_read_special / sr_write_special. */
#include <stddef.h>

#include "arm64/cpu_model.h"
#include "arm64/internal.h"

#define ENC ARM64_SYSREG_ENC

enum {
    SR_R = 1u << 0,       /* readable (EL1) */
    SR_W = 1u << 1,       /* writable (EL1) */
    SR_EL0R = 1u << 2,    /* readable at EL0 (subject to the EL0 gate) */
    SR_EL0W = 1u << 3,    /* writable at EL0 */
    SR_SPECIAL = 1u << 4, /* side effects: sr_read_special / sr_write_special */
    SR_FP = 1u << 5,      /* FPCR/FPSR: FP access check (CPACR.FPEN, CPTR_EL2.FPEN) */
    SR_RW = SR_R | SR_W,
};

/* EL0 gates (trap to EL1 with EC 0x18 when closed) */
enum { G_NONE, G_UCT, G_UMA, G_CNTFRQ, G_CNTPCT, G_CNTVCT, G_CNTP, G_CNTV, G_TDCC };

/* EL2 trap groups (sae-architecture 7.2; Arm ARM D19.2 HCR_EL2, MDCR_EL2, CPTR_EL2, CNTHCTL_EL2) */
enum { T_NONE, T_TID1, T_TID2, T_TID3, T_TACR, T_TVM, T_TDA, T_TDOSA, T_TDRA, T_TCPAC, T_PCT, T_PTIMER };

struct sysreg {
    uint32_t enc;
    const char *name;
    uint8_t acc, gate, trap;
    int8_t fgt;        /* HFGRTR_EL2 / HFGWTR_EL2 bit, -1 none */
    int8_t dfgt;       /* HDFGRTR_EL2 / HDFGWTR_EL2 bit, -1 none */
    int32_t off;       /* offset of the uint64_t field in struct arm64_cpu, -1 none */
    uint64_t wmask, res1, reset;
};

#define SRF(f) ((int32_t)offsetof(struct arm64_cpu, sr.f))
#define NOF (-1)

/* SCTLR_EL1 (Arm ARM D19.2.118) for v8.0 + PAN, AArch64-only, little-endian (EE/E0E RES0, MD-57):
 * writable M A C SA SA0 UMA I DZE UCT nTWI nTWE WXN SPAN UCI; RES1 bits 11, 20, 22, 28, 29. */
#define SCTLR_WMASK 0x0480D61FULL
#define SCTLR_RES1 0x30500800ULL
#define SCTLR_RESET 0x30D00800ULL
/* TCR_EL1 (D19.2.139) v8.0: T0SZ..TBI1 without bit 6 and 35; HA/HD (HAFDBS) not implemented */
#define TCR_WMASK 0x00000077FFFFFFBFULL
/* SPSR_EL1: N Z C V, PAN, SS, IL, D A I F, M[4:0] (UAO/SSBS not implemented) */
#define SPSR_WMASK 0xF07003DFULL

static const struct sysreg sysregs[] = {
    /* identification: values from the CPU model (cpu_model.c) */
    { ENC(3, 0, 0, 0, 0), "MIDR_EL1", SR_R | SR_SPECIAL, G_NONE, T_NONE, 25, -1, NOF, 0, 0, 0 },
    { ENC(3, 0, 0, 0, 5), "MPIDR_EL1", SR_R | SR_SPECIAL, G_NONE, T_NONE, 26, -1, NOF, 0, 0, 0 },
    { ENC(3, 0, 0, 0, 6), "REVIDR_EL1", SR_R | SR_SPECIAL, G_NONE, T_TID1, 28, -1, NOF, 0, 0, 0 },
    { ENC(3, 1, 0, 0, 7), "AIDR_EL1", SR_R | SR_SPECIAL, G_NONE, T_TID1, 2, -1, NOF, 0, 0, 0 },
    { ENC(3, 1, 0, 0, 0), "CCSIDR_EL1", SR_R | SR_SPECIAL, G_NONE, T_TID2, 9, -1, NOF, 0, 0, 0 },
    { ENC(3, 1, 0, 0, 1), "CLIDR_EL1", SR_R | SR_SPECIAL, G_NONE, T_TID2, 10, -1, NOF, 0, 0, 0 },
    { ENC(3, 2, 0, 0, 0), "CSSELR_EL1", SR_RW, G_NONE, T_TID2, 13, -1, SRF(csselr), 0xF, 0, 0 },
    { ENC(3, 3, 0, 0, 1), "CTR_EL0", SR_R | SR_EL0R | SR_SPECIAL, G_UCT, T_TID2, 14, -1, NOF, 0, 0, 0 },
    { ENC(3, 3, 0, 0, 7), "DCZID_EL0", SR_R | SR_EL0R | SR_SPECIAL, G_NONE, T_NONE, 15, -1, NOF, 0, 0, 0 },
    /* system control */
    { ENC(3, 0, 1, 0, 0), "SCTLR_EL1", SR_RW | SR_SPECIAL, G_NONE, T_TVM, 29, -1, SRF(sctlr), SCTLR_WMASK,
      SCTLR_RES1, SCTLR_RESET },
    { ENC(3, 0, 1, 0, 1), "ACTLR_EL1", SR_RW, G_NONE, T_TACR, -1, -1, SRF(actlr), 0, 0, 0 },
    { ENC(3, 0, 1, 0, 2), "CPACR_EL1", SR_RW, G_NONE, T_TCPAC, 12, -1, SRF(cpacr), 0x10300000ULL, 0, 0 },
    { ENC(3, 0, 2, 0, 0), "TTBR0_EL1", SR_RW | SR_SPECIAL, G_NONE, T_TVM, 36, -1, SRF(ttbr0), ~1ULL, 0, 0 },
    { ENC(3, 0, 2, 0, 1), "TTBR1_EL1", SR_RW | SR_SPECIAL, G_NONE, T_TVM, 37, -1, SRF(ttbr1), ~1ULL, 0, 0 },
    { ENC(3, 0, 2, 0, 2), "TCR_EL1", SR_RW | SR_SPECIAL, G_NONE, T_TVM, 32, -1, SRF(tcr), TCR_WMASK, 0, 0 },
    { ENC(3, 0, 4, 0, 0), "SPSR_EL1", SR_RW, G_NONE, T_NONE, -1, -1, SRF(spsr), SPSR_WMASK, 0, 0 },
    { ENC(3, 0, 4, 0, 1), "ELR_EL1", SR_RW, G_NONE, T_NONE, -1, -1, SRF(elr), ~0ULL, 0, 0 },
    { ENC(3, 0, 4, 1, 0), "SP_EL0", SR_RW | SR_SPECIAL, G_NONE, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 0, 4, 2, 0), "SPSel", SR_RW | SR_SPECIAL, G_NONE, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 0, 4, 2, 2), "CurrentEL", SR_R | SR_SPECIAL, G_NONE, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 0, 4, 2, 3), "PAN", SR_RW | SR_SPECIAL, G_NONE, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 3, 4, 2, 0), "NZCV", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL, G_NONE, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 3, 4, 2, 1), "DAIF", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL, G_UMA, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 3, 4, 4, 0), "FPCR", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL | SR_FP, G_NONE, T_NONE, -1, -1, NOF,
      0x07C00000ULL, 0, 0 },
    { ENC(3, 3, 4, 4, 1), "FPSR", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL | SR_FP, G_NONE, T_NONE, -1, -1, NOF,
      0x0800009FULL, 0, 0 },
    { ENC(3, 0, 5, 1, 0), "AFSR0_EL1", SR_RW, G_NONE, T_TVM, 0, -1, SRF(afsr0), 0, 0, 0 },
    { ENC(3, 0, 5, 1, 1), "AFSR1_EL1", SR_RW, G_NONE, T_TVM, 1, -1, SRF(afsr1), 0, 0, 0 },
    { ENC(3, 0, 5, 2, 0), "ESR_EL1", SR_RW, G_NONE, T_TVM, 16, -1, SRF(esr), 0xFFFFFFFFULL, 0, 0 },
    { ENC(3, 0, 6, 0, 0), "FAR_EL1", SR_RW, G_NONE, T_TVM, 17, -1, SRF(far), ~0ULL, 0, 0 },
    { ENC(3, 0, 7, 4, 0), "PAR_EL1", SR_RW, G_NONE, T_NONE, 27, -1, SRF(par), 0xFF0000FFFFFFFFFFULL, 0, 0 },
    { ENC(3, 0, 10, 2, 0), "MAIR_EL1", SR_RW, G_NONE, T_TVM, 24, -1, SRF(mair), ~0ULL, 0, 0 },
    { ENC(3, 0, 10, 3, 0), "AMAIR_EL1", SR_RW, G_NONE, T_TVM, 3, -1, SRF(amair), 0, 0, 0 },
    { ENC(3, 0, 12, 0, 0), "VBAR_EL1", SR_RW, G_NONE, T_NONE, 38, -1, SRF(vbar), ~0x7FFULL, 0, 0 },
    { ENC(3, 0, 12, 1, 0), "ISR_EL1", SR_R | SR_SPECIAL, G_NONE, T_NONE, 18, -1, NOF, 0, 0, 0 },
    { ENC(3, 0, 13, 0, 1), "CONTEXTIDR_EL1", SR_RW, G_NONE, T_TVM, 11, -1, SRF(contextidr), 0xFFFFFFFFULL, 0, 0 },
    { ENC(3, 0, 13, 0, 4), "TPIDR_EL1", SR_RW, G_NONE, T_NONE, 33, -1, SRF(tpidr_el1), ~0ULL, 0, 0 },
    { ENC(3, 3, 13, 0, 2), "TPIDR_EL0", SR_RW | SR_EL0R | SR_EL0W, G_NONE, T_NONE, 35, -1, SRF(tpidr_el0), ~0ULL,
      0, 0 },
    { ENC(3, 3, 13, 0, 3), "TPIDRRO_EL0", SR_RW | SR_EL0R, G_NONE, T_NONE, 34, -1, SRF(tpidrro_el0), ~0ULL, 0, 0 },
    /* generic timer (Arm ARM D11, D19.10) */
    { ENC(3, 0, 14, 1, 0), "CNTKCTL_EL1", SR_RW, G_NONE, T_NONE, -1, -1, SRF(cntkctl), 0x3FFULL, 0, 0 },
    { ENC(3, 3, 14, 0, 0), "CNTFRQ_EL0", SR_R | SR_EL0R, G_CNTFRQ, T_NONE, -1, -1, SRF(cntfrq), 0, 0,
      ARM64_MODEL_CNTFRQ },
    { ENC(3, 3, 14, 0, 1), "CNTPCT_EL0", SR_R | SR_EL0R | SR_SPECIAL, G_CNTPCT, T_PCT, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 3, 14, 0, 2), "CNTVCT_EL0", SR_R | SR_EL0R | SR_SPECIAL, G_CNTVCT, T_NONE, -1, -1, NOF, 0, 0, 0 },
    { ENC(3, 3, 14, 2, 0), "CNTP_TVAL_EL0", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL, G_CNTP, T_PTIMER, -1, -1, NOF,
      0, 0, 0 },
    { ENC(3, 3, 14, 2, 1), "CNTP_CTL_EL0", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL, G_CNTP, T_PTIMER, -1, -1,
      SRF(cntp_ctl), 3, 0, 0 },
    { ENC(3, 3, 14, 2, 2), "CNTP_CVAL_EL0", SR_RW | SR_EL0R | SR_EL0W, G_CNTP, T_PTIMER, -1, -1, SRF(cntp_cval),
      ~0ULL, 0, 0 },
    { ENC(3, 3, 14, 3, 0), "CNTV_TVAL_EL0", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL, G_CNTV, T_NONE, -1, -1, NOF,
      0, 0, 0 },
    { ENC(3, 3, 14, 3, 1), "CNTV_CTL_EL0", SR_RW | SR_EL0R | SR_EL0W | SR_SPECIAL, G_CNTV, T_NONE, -1, -1,
      SRF(cntv_ctl), 3, 0, 0 },
    { ENC(3, 3, 14, 3, 2), "CNTV_CVAL_EL0", SR_RW | SR_EL0R | SR_EL0W, G_CNTV, T_NONE, -1, -1, SRF(cntv_cval),
      ~0ULL, 0, 0 },
    /* debug (Arm ARM D19.3); breakpoints and watchpoints: debug.c */
    { ENC(2, 0, 0, 2, 2), "MDSCR_EL1", SR_RW, G_NONE, T_TDA, -1, 4, SRF(mdscr), 0xF001ULL, 0, 0 },
    { ENC(2, 0, 0, 2, 0), "MDCCINT_EL1", SR_RW, G_NONE, T_TDA, -1, -1, SRF(mdccint), 0x60000000ULL, 0, 0 },
    { ENC(2, 3, 0, 1, 0), "MDCCSR_EL0", SR_R | SR_EL0R, G_TDCC, T_TDA, -1, -1, NOF, 0, 0, 0 },
    { ENC(2, 0, 0, 0, 2), "OSDTRRX_EL1", SR_RW, G_NONE, T_TDA, -1, -1, SRF(osdtrrx), 0xFFFFFFFFULL, 0, 0 },
    { ENC(2, 0, 0, 3, 2), "OSDTRTX_EL1", SR_RW, G_NONE, T_TDA, -1, -1, SRF(osdtrtx), 0xFFFFFFFFULL, 0, 0 },
    { ENC(2, 0, 0, 6, 2), "OSECCR_EL1", SR_RW, G_NONE, T_TDOSA, -1, 10, SRF(oseccr), 0xFFFFFFFFULL, 0, 0 },
    { ENC(2, 0, 1, 0, 0), "MDRAR_EL1", SR_R, G_NONE, T_TDRA, -1, -1, NOF, 0, 0, 0 },
    { ENC(2, 0, 1, 0, 4), "OSLAR_EL1", SR_W | SR_SPECIAL, G_NONE, T_TDOSA, -1, 8, NOF, 0, 0, 0 },
    { ENC(2, 0, 1, 1, 4), "OSLSR_EL1", SR_R, G_NONE, T_TDOSA, -1, 9, SRF(oslsr), 0, 0, 0xA },
    { ENC(2, 0, 1, 3, 4), "OSDLR_EL1", SR_RW, G_NONE, T_TDOSA, -1, 11, SRF(osdlr), 1, 0, 0 },
    { ENC(2, 0, 1, 4, 4), "DBGPRCR_EL1", SR_RW, G_NONE, T_TDOSA, -1, 7, NOF, 0, 0, 0 },
    { ENC(2, 0, 7, 8, 6), "DBGCLAIMSET_EL1", SR_RW | SR_SPECIAL, G_NONE, T_TDA, -1, 5, NOF, 0, 0, 0 },
    { ENC(2, 0, 7, 9, 6), "DBGCLAIMCLR_EL1", SR_RW | SR_SPECIAL, G_NONE, T_TDA, -1, 5, NOF, 0, 0, 0 },
    { ENC(2, 0, 7, 14, 6), "DBGAUTHSTATUS_EL1", SR_R | SR_SPECIAL, G_NONE, T_TDA, -1, 6, NOF, 0, 0, 0 },
    { ENC(2, 0, 0, 0, 4), "DBGBVR0_EL1", SR_RW, G_NONE, T_TDA, -1, 1, SRF(dbgbvr[0]), ~3ULL, 0, 0 },
    { ENC(2, 0, 0, 0, 5), "DBGBCR0_EL1", SR_RW, G_NONE, T_TDA, -1, 0, SRF(dbgbcr[0]), 0x00FFE1E7ULL, 0, 0 },
    { ENC(2, 0, 0, 0, 6), "DBGWVR0_EL1", SR_RW, G_NONE, T_TDA, -1, 3, SRF(dbgwvr[0]), ~3ULL, 0, 0 },
    { ENC(2, 0, 0, 0, 7), "DBGWCR0_EL1", SR_RW, G_NONE, T_TDA, -1, 2, SRF(dbgwcr[0]), 0x1F1FFFFFULL, 0, 0 },
    { ENC(2, 0, 0, 1, 4), "DBGBVR1_EL1", SR_RW, G_NONE, T_TDA, -1, 1, SRF(dbgbvr[1]), ~3ULL, 0, 0 },
    { ENC(2, 0, 0, 1, 5), "DBGBCR1_EL1", SR_RW, G_NONE, T_TDA, -1, 0, SRF(dbgbcr[1]), 0x00FFE1E7ULL, 0, 0 },
    { ENC(2, 0, 0, 1, 6), "DBGWVR1_EL1", SR_RW, G_NONE, T_TDA, -1, 3, SRF(dbgwvr[1]), ~3ULL, 0, 0 },
    { ENC(2, 0, 0, 1, 7), "DBGWCR1_EL1", SR_RW, G_NONE, T_TDA, -1, 2, SRF(dbgwcr[1]), 0x1F1FFFFFULL, 0, 0 },
};

#define NSYSREGS (sizeof(sysregs) / sizeof(sysregs[0]))

static const struct sysreg *sr_find(uint32_t enc)
{
    for (unsigned i = 0; i < NSYSREGS; i++)
        if (sysregs[i].enc == enc)
            return &sysregs[i];
    return NULL;
}

static uint64_t *sr_field(struct arm64_cpu *c, const struct sysreg *r)
{
    return (uint64_t *)(void *)((char *)c + r->off);
}

const char *arm64_sysreg_name(uint32_t enc)
{
    const struct sysreg *r = sr_find(enc);
    if (r)
        return r->name;
    unsigned n;
    const struct arm64_model_reg *m = arm64_model_table(&n);
    for (unsigned i = 0; i < n; i++)
        if (m[i].enc == enc)
            return m[i].name;
    return NULL;
}

void arm64_sysregs_reset(struct arm64_cpu *c)
{
    for (unsigned i = 0; i < NSYSREGS; i++)
        if (sysregs[i].off >= 0)
            *sr_field(c, &sysregs[i]) = sysregs[i].reset;
    c->el2.vpidr = ARM64_MODEL_MIDR;
    c->el2.vmpidr = ARM64_MODEL_MPIDR;
    c->fpcr = 0;
    c->fpsr = 0;
}

uint64_t arm64_cntvct(struct arm64_cpu *c)
{
    return arm64_counter(c) - (c->el2_present ? c->el2.cntvoff : 0);
}

static uint64_t timer_ctl(struct arm64_cpu *c, unsigned which)
{
    uint64_t ctl = which ? c->sr.cntv_ctl : c->sr.cntp_ctl;
    uint64_t cval = which ? c->sr.cntv_cval : c->sr.cntp_cval;
    uint64_t now = which ? arm64_cntvct(c) : arm64_counter(c);
    ctl &= 3;
    if ((ctl & 1) && now >= cval)
        ctl |= 4; /* ISTATUS */
    return ctl;
}

bool arm64_timer_irq_level(struct arm64_cpu *c, unsigned which)
{
    return (timer_ctl(c, which) & 7) == 5; /* ENABLE, !IMASK, ISTATUS */
}

uint64_t arm64_timer_deadline(struct arm64_cpu *c, unsigned which)
{
    uint64_t ctl = which ? c->sr.cntv_ctl : c->sr.cntp_ctl;
    if ((ctl & 3) != 1)
        return UINT64_MAX;
    uint64_t cval = which ? c->sr.cntv_cval : c->sr.cntp_cval;
    if (which && c->el2_present)
        cval += c->el2.cntvoff; /* in physical count */
    return cval;
}

/* CCSIDR_EL1 for CSSELR_EL1 (no FEAT_CCIDX): L1D/L1I 32 KiB 4-way, L2 1 MiB 16-way, 64-byte lines. */
static uint64_t ccsidr(uint64_t csselr)
{
    switch (csselr & 0xF) {
    case 0: /* L1 data */
    case 1: /* L1 instruction */
        return (127ULL << 13) | (3ULL << 3) | 2;
    case 2: /* L2 unified */
        return (1023ULL << 13) | (15ULL << 3) | 2;
    default:
        return 0; /* UNKNOWN for unimplemented caches */
    }
}

static uint64_t sr_read_special(struct arm64_cpu *c, const struct sysreg *r)
{
    switch (r->enc) {
    case ENC(3, 0, 0, 0, 0): return c->el2.vpidr;
    case ENC(3, 0, 0, 0, 5): return c->el2.vmpidr;
    case ENC(3, 0, 0, 0, 6): return 0;
    case ENC(3, 1, 0, 0, 7): return arm64_model_qaaf_value(0x44);
    case ENC(3, 1, 0, 0, 0): return ccsidr(c->sr.csselr);
    case ENC(3, 1, 0, 0, 1): {
        uint64_t v = 0;
        arm64_model_lookup(r->enc, &v);
        return v;
    }
    case ENC(3, 3, 0, 0, 1): return arm64_model_qaaf_value(0x43);
    case ENC(3, 3, 0, 0, 7): {
        /* DZP [4]: DC ZVA prohibited (EL0 without SCTLR_EL1.DZE, or HCR_EL2.TDZ) */
        bool dzp = (c->el == 0 && !(c->sr.sctlr & (1u << 14))) || (c->el2_present && (c->el2.hcr & HCR_TDZ));
        return ARM64_MODEL_DCZID | (uint64_t)dzp << 4;
    }
    case ENC(3, 0, 1, 0, 0): return c->sr.sctlr;
    case ENC(3, 0, 2, 0, 0): return c->sr.ttbr0;
    case ENC(3, 0, 2, 0, 1): return c->sr.ttbr1;
    case ENC(3, 0, 2, 0, 2): return c->sr.tcr;
    case ENC(3, 0, 4, 1, 0): return c->sp_el0;
    case ENC(3, 0, 4, 2, 0): return c->spsel;
    case ENC(3, 0, 4, 2, 2): return (uint64_t)c->el << 2;
    case ENC(3, 0, 4, 2, 3): return (uint64_t)c->pan << 22;
    case ENC(3, 3, 4, 2, 0): return c->nzcv;
    case ENC(3, 3, 4, 2, 1): return c->daif;
    case ENC(3, 3, 4, 4, 0): return c->fpcr;
    case ENC(3, 3, 4, 4, 1): return c->fpsr;
    case ENC(3, 0, 12, 1, 0): {
        /* ISR_EL1: pending A [8], I [7], F [6] (before masking) */
        bool v = c->el2_present;
        uint64_t h = c->el2.hcr;
        bool a = c->irq_line[ARM64_SERROR] || (v && (h & HCR_AMO) && (h & HCR_VSE));
        bool i = c->irq_line[ARM64_IRQ] || (v && (h & HCR_IMO) && (h & HCR_VI));
        bool f = c->irq_line[ARM64_FIQ] || (v && (h & HCR_FMO) && (h & HCR_VF));
        return (uint64_t)a << 8 | (uint64_t)i << 7 | (uint64_t)f << 6;
    }
    case ENC(3, 3, 14, 0, 1): return arm64_counter(c);
    case ENC(3, 3, 14, 0, 2): return arm64_cntvct(c);
    case ENC(3, 3, 14, 2, 0): return (uint32_t)(c->sr.cntp_cval - arm64_counter(c));
    case ENC(3, 3, 14, 3, 0): return (uint32_t)(c->sr.cntv_cval - arm64_cntvct(c));
    case ENC(3, 3, 14, 2, 1): return timer_ctl(c, 0);
    case ENC(3, 3, 14, 3, 1): return timer_ctl(c, 1);
    case ENC(2, 0, 7, 8, 6):
    case ENC(2, 0, 7, 9, 6): return c->sr.dbgclaim;
    case ENC(2, 0, 7, 14, 6): return 0x0F; /* NSID = NSNID = 0b11: non-secure debug implemented and enabled */
    default: return 0;
    }
}

static void sr_write_special(struct arm64_cpu *c, const struct sysreg *r, uint64_t v)
{
    switch (r->enc) {
    case ENC(3, 0, 1, 0, 0):
        /* translation controls: cached translations depend on them */
        c->sr.sctlr = (v & r->wmask) | r->res1;
        arm64_tlbi_all(c);
        return;
    case ENC(3, 0, 2, 0, 2):
        c->sr.tcr = v & r->wmask;
        arm64_tlbi_all(c);
        return;
    case ENC(3, 0, 2, 0, 0):
        c->sr.ttbr0 = v & r->wmask;
        arm64_tlb_select(c); /* an ASID change selects another TLB bank */
        return;
    case ENC(3, 0, 2, 0, 1):
        c->sr.ttbr1 = v & r->wmask;
        arm64_tlb_select(c);
        return;
    case ENC(3, 0, 4, 1, 0): c->sp_el0 = v; return;
    case ENC(3, 0, 4, 2, 0): c->spsel = v & 1; return;
    case ENC(3, 0, 4, 2, 3): c->pan = v >> 22 & 1; return;
    case ENC(3, 3, 4, 2, 0): c->nzcv = (uint32_t)v & 0xF0000000u; return;
    case ENC(3, 3, 4, 2, 1):
        c->daif = (uint32_t)v & ARM64_PSTATE_DAIF;
        arm64_update_irq(c);
        return;
    case ENC(3, 3, 4, 4, 0): c->fpcr = (uint32_t)(v & r->wmask); return;
    case ENC(3, 3, 4, 4, 1): c->fpsr = (uint32_t)(v & r->wmask); return;
    case ENC(3, 3, 14, 2, 0): c->sr.cntp_cval = arm64_counter(c) + (uint64_t)(int64_t)(int32_t)v; return;
    case ENC(3, 3, 14, 3, 0): c->sr.cntv_cval = arm64_cntvct(c) + (uint64_t)(int64_t)(int32_t)v; return;
    case ENC(3, 3, 14, 2, 1): c->sr.cntp_ctl = v & 3; return;
    case ENC(3, 3, 14, 3, 1): c->sr.cntv_ctl = v & 3; return;
    case ENC(2, 0, 1, 0, 4):
        /* OSLAR_EL1.OSLK -> OSLSR_EL1.OSLK [1] */
        c->sr.oslsr = (c->sr.oslsr & ~2ULL) | (v & 1) << 1;
        return;
    case ENC(2, 0, 7, 8, 6): c->sr.dbgclaim |= v & 0xFF; return;
    case ENC(2, 0, 7, 9, 6): c->sr.dbgclaim &= ~(v & 0xFF); return;
    default: return;
    }
}

static bool sr_read(struct arm64_cpu *c, const struct sysreg *r, uint64_t *val)
{
    if (r->acc & SR_SPECIAL)
        *val = sr_read_special(c, r);
    else if (r->off >= 0)
        *val = *sr_field(c, r);
    else
        *val = 0;
    return true;
}

static void sr_write(struct arm64_cpu *c, const struct sysreg *r, uint64_t v)
{
    if (r->acc & SR_SPECIAL)
        sr_write_special(c, r, v);
    else if (r->off >= 0)
        *sr_field(c, r) = (v & r->wmask) | r->res1;
    if ((r->enc >> 14) == 2) /* debug registers: breakpoints/watchpoints may have been armed */
        arm64_debug_update(c);
    /* timer outputs depend on these: let the platform re-evaluate the interrupt lines at once */
    if ((r->enc >> 7 & 15) == 14 && c->env->timer_changed)
        c->env->timer_changed(c->env_opaque, c);
}

bool arm64_sysreg_read(struct arm64_cpu *c, uint32_t enc, uint64_t *val)
{
    const struct sysreg *r = sr_find(enc);
    if (r)
        return sr_read(c, r, val);
    if (arm64_model_lookup(enc, val))
        return true;
    if (arm64_model_id_space(enc)) {
        *val = 0;
        return true;
    }
    return false;
}

bool arm64_sysreg_write(struct arm64_cpu *c, uint32_t enc, uint64_t val)
{
    const struct sysreg *r = sr_find(enc);
    if (!r)
        return false;
    sr_write(c, r, val);
    return true;
}

/* EL0 access gates controlled by EL1 (SCTLR_EL1, CNTKCTL_EL1, MDSCR_EL1): true if open. */
static bool el0_gate_open(struct arm64_cpu *c, unsigned gate)
{
    uint64_t k = c->sr.cntkctl;
    switch (gate) {
    case G_UCT: return c->sr.sctlr & (1u << 15);
    case G_UMA: return c->sr.sctlr & (1u << 9);
    case G_CNTFRQ: return k & 3;
    case G_CNTPCT: return k & 1;
    case G_CNTVCT: return k & 2;
    case G_CNTP: return k & (1u << 9);
    case G_CNTV: return k & (1u << 8);
    case G_TDCC: return !(c->sr.mdscr & (1u << 12));
    default: return true;
    }
}

/* EL2 trap check for a register (sae-architecture 7.2). */
static bool el2_traps(struct arm64_cpu *c, const struct sysreg *r, bool is_read)
{
    const struct arm64_el2 *e = &c->el2;
    uint64_t mdcr_tde = e->mdcr & (1u << 8);
    switch (r->trap) {
    case T_TID1: if (e->hcr & HCR_TID1) return true; break;
    case T_TID2: if (e->hcr & HCR_TID2) return true; break;
    case T_TID3: if (e->hcr & HCR_TID3) return true; break;
    case T_TACR: if (e->hcr & HCR_TACR) return true; break;
    case T_TVM: if (e->hcr & (is_read ? HCR_TRVM : HCR_TVM)) return true; break;
    case T_TDA: if ((e->mdcr & (1u << 9)) || mdcr_tde) return true; break;
    case T_TDOSA: if ((e->mdcr & (1u << 10)) || mdcr_tde) return true; break;
    case T_TDRA: if ((e->mdcr & (1u << 11)) || mdcr_tde) return true; break;
    case T_TCPAC: if (c->el == 1 && (e->cptr & (1u << 31))) return true; break;
    case T_PCT: if (!(e->cnthctl & (1u << 10))) return true; break;
    case T_PTIMER: if (!(e->cnthctl & (1u << 11))) return true; break;
    default: break;
    }
    /* fine-grained traps (FEAT_FGT) apply to EL1 and EL0 accesses */
    if (r->fgt >= 0 && ((is_read ? e->hfgrtr : e->hfgwtr) >> r->fgt & 1))
        return true;
    if (r->dfgt >= 0 && ((is_read ? e->hdfgrtr : e->hdfgwtr) >> r->dfgt & 1))
        return true;
    return false;
}

static bool is_icc(uint32_t enc)
{
    unsigned op0 = enc >> 14, op1 = enc >> 11 & 7, crn = enc >> 7 & 15, crm = enc >> 3 & 15;
    if (enc == ENC(3, 0, 4, 6, 0)) /* ICC_PMR_EL1 */
        return true;
    return op0 == 3 && op1 == 0 && crn == 12 && crm >= 8 && crm <= 12 && crm != 10;
}

/* MRS / MSR (register): Arm ARM C6.2.230/233 and D19.1 access rules. */
void arm64_mrs_msr(struct arm64_cpu *c, uint32_t insn)
{
    bool is_read = BIT(insn, 21);
    unsigned op0 = 2 + BIT(insn, 19), op1 = BITS(insn, 18, 16), crn = BITS(insn, 15, 12);
    unsigned crm = BITS(insn, 11, 8), op2 = BITS(insn, 7, 5), rt = RT(insn);
    uint32_t enc = ENC(op0, op1, crn, crm, op2);
    uint32_t iss = op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | (uint32_t)is_read;

    if (is_icc(enc)) {
        if (c->el == 0) {
            arm64_undef(c);
            return;
        }
        /* ICC_SRE_EL1 accesses trap when ICC_SRE_EL2.Enable = 0 (sae-architecture 7.5) */
        if (enc == ENC(3, 0, 12, 12, 5) && c->el2_present && !(c->el2.icc_sre & 8)) {
            arm64_trap_el2(c, EC_SYS, iss);
            return;
        }
        if (!c->env->icc) {
            arm64_unimp(c, insn, "GIC CPU interface register (no GIC)");
            return;
        }
        uint64_t v = is_read ? 0 : xr(c, rt);
        enum arm64_icc_result res = c->env->icc(c->env_opaque, c, enc, is_read, &v);
        if (res == ARM64_ICC_TRAP_EL2 && c->el2_present)
            arm64_trap_el2(c, EC_SYS, iss);
        else if (res != ARM64_ICC_HANDLED)
            arm64_undef(c);
        else if (is_read)
            set_xr(c, rt, v);
        return;
    }

    const struct sysreg *r = sr_find(enc);
    uint64_t model_val = 0;
    if (!r) {
        /* ID registers from the CPU model; reserved ID-space encodings are RAZ */
        bool model = arm64_model_lookup(enc, &model_val);
        if (!model && arm64_model_id_space(enc))
            model = true;
        if (model && is_read && op1 == 0 && crn == 0) {
            if (c->el == 0) {
                arm64_undef(c);
                return;
            }
            if (c->el2_present && (c->el2.hcr & HCR_TID3)) { /* the ID group, CRm = 1..7 */
                arm64_trap_el2(c, EC_SYS, iss);
                return;
            }
            set_xr(c, rt, model_val);
            return;
        }
        if (op0 == 3 && (crn == 11 || crn == 15) && c->el == 1 && c->el2_present && (c->el2.hcr & HCR_TIDCP)) {
            arm64_trap_el2(c, EC_SYS, iss);
            return;
        }
        qlog(LOG_UNIMP, "arm64: %s of unimplemented system register S%u_%u_C%u_C%u_%u at pc 0x%016llx\n",
             is_read ? "MRS" : "MSR", op0, op1, crn, crm, op2, (unsigned long long)c->pc);
        arm64_undef(c);
        return;
    }
    if (!(r->acc & (is_read ? SR_R : SR_W))) {
        arm64_undef(c);
        return;
    }
    if (c->el == 0) {
        if (!(r->acc & (is_read ? SR_EL0R : SR_EL0W))) {
            arm64_undef(c);
            return;
        }
        if (!el0_gate_open(c, r->gate)) {
            arm64_exc(c, EC_SYS, iss);
            return;
        }
    }
    /* SP_EL0 is not accessible through MSR/MRS while it is the current stack pointer */
    if (enc == ENC(3, 0, 4, 1, 0) && !c->spsel) {
        arm64_undef(c);
        return;
    }
    if ((r->acc & SR_FP) && !arm64_fp_access_ok(c))
        return;
    if (c->el2_present && el2_traps(c, r, is_read)) {
        arm64_trap_el2(c, EC_SYS, iss);
        return;
    }
    if (is_read) {
        uint64_t v;
        sr_read(c, r, &v);
        set_xr(c, rt, v);
    } else {
        sr_write(c, r, xr(c, rt));
    }
}
