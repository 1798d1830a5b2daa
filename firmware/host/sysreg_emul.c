/* Trapped system-register emulation (see sysreg_emul.h). */
#include "sysreg_emul.h"

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

#define IS(s, o0, o1, n, m, o2) ((s)->op0 == (o0) && (s)->op1 == (o1) && (s)->crn == (n) && (s)->crm == (m) && (s)->op2 == (o2))

enum sysreg_result sysreg_emulate(struct sysreg_ctx *c, const struct sys64 *s, uint64_t wval, uint64_t *value)
{
    /* ICC_SGI1R_EL1 (3,0,12,11,5), ICC_ASGI1R_EL1 (3,0,12,11,6), ICC_SGI0R_EL1 (3,0,12,11,7): the
     * only vCPU has no other CPU to interrupt, so the write is ignored (counted). */
    if (s->op0 == 3 && s->op1 == 0 && s->crn == 12 && s->crm == 11 && s->op2 >= 5) {
        if (s->read)
            return SYSREG_UNDEF;    /* write-only registers */
        c->sgi_writes++;
        return SYSREG_DONE;
    }
    /* TID3/TID1/ID space: op0 3, op1 0, CRn 0. Read-only; writes are UNDEFINED. */
    int idx = sysreg_qaaf_index(s);
    if (idx >= 0) {
        if (!s->read)
            return SYSREG_UNDEF;
        if (s->crm == 0 && s->op2 != 0 && s->op2 != 5 && s->op2 != 6)
            return SYSREG_UNDEF;    /* CRm 0 holds only MIDR, MPIDR, REVIDR */
        /* Unallocated encodings of the ID space (CRm 1-7) read as zero (Arm ARM D18.2 "RAZ"). */
        *value = qmc_reg(c->qmc, (unsigned)idx);
        return SYSREG_DONE;
    }
    if (IS(s, 3, 3, 0, 0, 1)) {                 /* CTR_EL0 (TID2) */
        if (!s->read)
            return SYSREG_UNDEF;
        *value = qmc_reg(c->qmc, 0x43);
        return SYSREG_DONE;
    }
    if (IS(s, 3, 1, 0, 0, 7)) {                 /* AIDR_EL1 (TID1) */
        if (!s->read)
            return SYSREG_UNDEF;
        *value = qmc_reg(c->qmc, 0x44);
        return SYSREG_DONE;
    }
    if (IS(s, 3, 1, 0, 0, 1)) {                 /* CLIDR_EL1 */
        if (!s->read)
            return SYSREG_UNDEF;
        *value = EMUL_CLIDR;
        return SYSREG_DONE;
    }
    if (IS(s, 3, 2, 0, 0, 0)) {                 /* CSSELR_EL1: Level [3:1], InD [0] */
        if (s->read)
            *value = *c->csselr;
        else
            *c->csselr = wval & 0xf;
        return SYSREG_DONE;
    }
    if (IS(s, 3, 1, 0, 0, 0)) {                 /* CCSIDR_EL1 of the CSSELR selection */
        if (!s->read)
            return SYSREG_UNDEF;
        unsigned level = (unsigned)(*c->csselr >> 1) & 7, ind = (unsigned)(*c->csselr & 1);
        if (level == 0)
            *value = EMUL_CCSIDR_L1;            /* L1 I and D have the same geometry */
        else if (level == 1 && !ind)
            *value = EMUL_CCSIDR_L2;
        else
            *value = 0;                         /* no such cache: UNKNOWN, we return 0 */
        return SYSREG_DONE;
    }
    return SYSREG_UNDEF;
}
