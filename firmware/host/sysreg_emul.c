/* Trapped system-register emulation (see sysreg_emul.h). The registers the firmware emulates are a
 * table: encoding, the register's name (for logs), and how it is emulated. */
#include "sysreg_emul.h"

#include <stddef.h>

enum emul_kind {
    EMUL_QAAF_RO,     /* read-only, value = QAAF fc 1 regs[idx] */
    EMUL_CONST_RO,    /* read-only constant */
    EMUL_CSSELR,      /* read/write software copy */
    EMUL_CCSIDR,      /* read-only, from the CSSELR selection */
    EMUL_SGI_WO,      /* write-only, ignored (one vCPU) */
};

struct emul_reg {
    uint8_t op0, op1, crn, crm, op2;
    enum emul_kind kind;
    uint64_t arg;     /* QAAF index or constant */
    const char *name;
};

/* Arm ARM D18 encodings. The ID space (op0 3, op1 0, CRn 0) is handled by sysreg_qaaf_index(). */
static const struct emul_reg emul_regs[] = {
    { 3, 3, 0, 0, 1, EMUL_QAAF_RO, 0x43, "CTR_EL0" },          /* TID2 */
    { 3, 1, 0, 0, 7, EMUL_QAAF_RO, 0x44, "AIDR_EL1" },         /* TID1 */
    { 3, 1, 0, 0, 1, EMUL_CONST_RO, EMUL_CLIDR, "CLIDR_EL1" }, /* TID2 */
    { 3, 2, 0, 0, 0, EMUL_CSSELR, 0, "CSSELR_EL1" },           /* TID2 */
    { 3, 1, 0, 0, 0, EMUL_CCSIDR, 0, "CCSIDR_EL1" },           /* TID2 */
    { 3, 0, 12, 11, 5, EMUL_SGI_WO, 0, "ICC_SGI1R_EL1" },      /* always trapped (MD-49) */
    { 3, 0, 12, 11, 6, EMUL_SGI_WO, 0, "ICC_ASGI1R_EL1" },
    { 3, 0, 12, 11, 7, EMUL_SGI_WO, 0, "ICC_SGI0R_EL1" },
};

static uint64_t qmc_reg(const uint8_t *qmc, unsigned idx)
{
    const uint8_t *p = qmc + 0x10 + 8 * idx;   /* MD-19 indexing */
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

int sysreg_qaaf_index(const struct sys64 *s)
{
    /* MIDR_EL1 is QAAF index 2 and the ID space continues linearly: idx = CRm*8 + op2 + 2
     * (ID_PFR0_EL1 = CRm 1 op2 0 = 0x0A ... ID_AA64MMFR0_EL1 = CRm 7 op2 0 = 0x3A, §3.6). */
    if (s->op0 != 3 || s->op1 != 0 || s->crn != 0)
        return -1;
    return (int)(s->crm * 8 + s->op2 + 2);
}

const char *sysreg_name(const struct sys64 *s)
{
    for (size_t i = 0; i < sizeof(emul_regs) / sizeof(emul_regs[0]); i++) {
        const struct emul_reg *r = &emul_regs[i];
        if (r->op0 == s->op0 && r->op1 == s->op1 && r->crn == s->crn && r->crm == s->crm && r->op2 == s->op2)
            return r->name;
    }
    return sysreg_qaaf_index(s) >= 0 ? "ID register" : NULL;
}

/* CCSIDR_EL1 for CSSELR Level [3:1], InD [0]. */
static uint64_t ccsidr(uint64_t csselr)
{
    unsigned level = (unsigned)(csselr >> 1) & 7, ind = (unsigned)(csselr & 1);
    if (level == 0)
        return EMUL_CCSIDR_L1;                  /* L1 I and D have the same geometry */
    if (level == 1 && !ind)
        return EMUL_CCSIDR_L2;
    return 0;                                   /* no such cache: UNKNOWN, we return 0 */
}

enum sysreg_result sysreg_emulate(struct sysreg_ctx *c, const struct sys64 *s, uint64_t wval, uint64_t *value)
{
    /* ID space (TID3; MIDR/MPIDR/REVIDR in CRm 0). Read-only: writes are UNDEFINED. */
    int idx = sysreg_qaaf_index(s);
    if (idx >= 0) {
        if (!s->read)
            return SYSREG_UNDEF;
        if (s->crm == 0 && s->op2 != 0 && s->op2 != 5 && s->op2 != 6)
            return SYSREG_UNDEF;                /* CRm 0 holds only MIDR, MPIDR, REVIDR */
        /* Unallocated encodings of the ID space (CRm 1-7) read as zero (Arm ARM D18.2 "RAZ"). */
        *value = qmc_reg(c->qmc, (unsigned)idx);
        return SYSREG_DONE;
    }
    for (size_t i = 0; i < sizeof(emul_regs) / sizeof(emul_regs[0]); i++) {
        const struct emul_reg *r = &emul_regs[i];
        if (r->op0 != s->op0 || r->op1 != s->op1 || r->crn != s->crn || r->crm != s->crm || r->op2 != s->op2)
            continue;
        switch (r->kind) {
        case EMUL_QAAF_RO:
            if (!s->read)
                return SYSREG_UNDEF;
            *value = qmc_reg(c->qmc, (unsigned)r->arg);
            return SYSREG_DONE;
        case EMUL_CONST_RO:
            if (!s->read)
                return SYSREG_UNDEF;
            *value = r->arg;
            return SYSREG_DONE;
        case EMUL_CSSELR:
            if (s->read)
                *value = *c->csselr;
            else
                *c->csselr = wval & 0xf;
            return SYSREG_DONE;
        case EMUL_CCSIDR:
            if (!s->read)
                return SYSREG_UNDEF;
            *value = ccsidr(*c->csselr);
            return SYSREG_DONE;
        case EMUL_SGI_WO:
            if (s->read)
                return SYSREG_UNDEF;            /* write-only registers */
            c->sgi_writes++;
            return SYSREG_DONE;
        }
    }
    return SYSREG_UNDEF;                        /* IMP DEF (TIDCP), LOR (TLOR), anything else */
}
