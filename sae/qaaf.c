/* QAAF output generation (sae-architecture §3.6, §5.4). */
#include "sae/qaaf.h"

#include <string.h>

#include "core/endian.h"
#include "sae/regids.h"
#include "sae/sa.h"

const struct sae_qaaf_name sae_qaaf_names[] = {
    { QAAF_MIDR_EL1, "MIDR_EL1" }, { QAAF_MPIDR_EL1, "MPIDR_EL1" }, { QAAF_REVIDR_EL1, "REVIDR_EL1" },
    { QAAF_ID_PFR0_EL1, "ID_PFR0_EL1" }, { QAAF_ID_PFR1_EL1, "ID_PFR1_EL1" },
    { QAAF_ID_DFR0_EL1, "ID_DFR0_EL1" }, { QAAF_ID_AFR0_EL1, "ID_AFR0_EL1" },
    { QAAF_ID_MMFR0_EL1, "ID_MMFR0_EL1" }, { QAAF_ID_MMFR1_EL1, "ID_MMFR1_EL1" },
    { QAAF_ID_MMFR2_EL1, "ID_MMFR2_EL1" }, { QAAF_ID_MMFR3_EL1, "ID_MMFR3_EL1" },
    { QAAF_ID_ISAR0_EL1, "ID_ISAR0_EL1" }, { QAAF_ID_ISAR1_EL1, "ID_ISAR1_EL1" },
    { QAAF_ID_ISAR2_EL1, "ID_ISAR2_EL1" }, { QAAF_ID_ISAR3_EL1, "ID_ISAR3_EL1" },
    { QAAF_ID_ISAR4_EL1, "ID_ISAR4_EL1" }, { QAAF_ID_ISAR5_EL1, "ID_ISAR5_EL1" },
    { QAAF_ID_MMFR4_EL1, "ID_MMFR4_EL1" }, { QAAF_ID_ISAR6_EL1, "ID_ISAR6_EL1" },
    { QAAF_MVFR0_EL1, "MVFR0_EL1" }, { QAAF_MVFR1_EL1, "MVFR1_EL1" }, { QAAF_MVFR2_EL1, "MVFR2_EL1" },
    { QAAF_ID_PFR2_EL1, "ID_PFR2_EL1" }, { QAAF_ID_DFR1_EL1, "ID_DFR1_EL1" },
    { QAAF_ID_MMFR5_EL1, "ID_MMFR5_EL1" },
    { QAAF_ID_AA64PFR0_EL1, "ID_AA64PFR0_EL1" }, { QAAF_ID_AA64PFR1_EL1, "ID_AA64PFR1_EL1" },
    { QAAF_ID_AA64PFR2_EL1, "ID_AA64PFR2_EL1" }, { QAAF_ID_AA64ZFR0_EL1, "ID_AA64ZFR0_EL1" },
    { QAAF_ID_AA64SMFR0_EL1, "ID_AA64SMFR0_EL1" }, { QAAF_ID_AA64FPFR0_EL1, "ID_AA64FPFR0_EL1" },
    { QAAF_ID_AA64DFR0_EL1, "ID_AA64DFR0_EL1" }, { QAAF_ID_AA64DFR1_EL1, "ID_AA64DFR1_EL1" },
    { QAAF_ID_AA64DFR2_EL1, "ID_AA64DFR2_EL1" }, { QAAF_ID_AA64AFR0_EL1, "ID_AA64AFR0_EL1" },
    { QAAF_ID_AA64AFR1_EL1, "ID_AA64AFR1_EL1" },
    { QAAF_ID_AA64ISAR0_EL1, "ID_AA64ISAR0_EL1" }, { QAAF_ID_AA64ISAR1_EL1, "ID_AA64ISAR1_EL1" },
    { QAAF_ID_AA64ISAR2_EL1, "ID_AA64ISAR2_EL1" }, { QAAF_ID_AA64ISAR3_EL1, "ID_AA64ISAR3_EL1" },
    { QAAF_ID_AA64MMFR0_EL1, "ID_AA64MMFR0_EL1" }, { QAAF_ID_AA64MMFR1_EL1, "ID_AA64MMFR1_EL1" },
    { QAAF_ID_AA64MMFR2_EL1, "ID_AA64MMFR2_EL1" }, { QAAF_ID_AA64MMFR3_EL1, "ID_AA64MMFR3_EL1" },
    { QAAF_ID_AA64MMFR4_EL1, "ID_AA64MMFR4_EL1" },
    { QAAF_CNTFRQ_EL0, "CNTFRQ_EL0" }, { QAAF_CTR_EL0, "CTR_EL0" }, { QAAF_AIDR_EL1, "AIDR_EL1" },
    { QAAF_IRPTC, "IRPTC" }, { QAAF_ICH_VTR_EL2, "ICH_VTR_EL2" }, { QAAF_GIC_ATTR, "GIC_ATTR" },
    { QAAF_PMMIR_EL1, "PMMIR_EL1" }, { QAAF_PMCR_EL0, "PMCR_EL0" },
    { QAAF_PMCEID0_EL0, "PMCEID0_EL0" }, { QAAF_PMCEID1_EL0, "PMCEID1_EL0" },
};
const unsigned sae_qaaf_names_count = sizeof(sae_qaaf_names) / sizeof(sae_qaaf_names[0]);

const char *sae_qaaf_idx_name(unsigned idx)
{
    for (unsigned i = 0; i < sae_qaaf_names_count; i++)
        if (sae_qaaf_names[i].idx == idx)
            return sae_qaaf_names[i].name;
    return NULL;
}

uint64_t sae_qaaf_baseline_value(unsigned idx)
{
    switch (idx) {
    case QAAF_MIDR_EL1: return 0x000F0000;              /* implementer 0, architecture 0xF */
    case QAAF_MPIDR_EL1: return 0x80000000;             /* bit 31 RES1, affinity 0 */
    case QAAF_ID_AA64PFR0_EL1: return 0x1100000001000011ull; /* EL0/EL1 AArch64, FP, AdvSIMD, GIC, CSV2/3 */
    case QAAF_ID_AA64DFR0_EL1: return 0x0000000000101006ull; /* DebugVer 6, 2 BRPs, 2 WRPs, no PMU */
    case QAAF_ID_AA64MMFR0_EL1: return 0x0000000000100025ull; /* PARange 48 bits, ASID 16 */
    case QAAF_CNTFRQ_EL0: return SAE_QAAF_CNTFRQ;
    case QAAF_CTR_EL0: return 0x9444C004;
    case QAAF_IRPTC: return SAE_QAAF_IRPTC;
    case QAAF_ICH_VTR_EL2: return SAE_QAAF_ICH_VTR;
    default: return 0;
    }
}

unsigned sae_parange_bits(uint64_t mmfr0)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52 };
    unsigned f = mmfr0 & 0xF;
    return f < sizeof(bits) / sizeof(bits[0]) ? bits[f] : 52;
}

uint16_t sae_qaaf_check_gr0(uint64_t gr0, unsigned *fc)
{
    unsigned f = gr0 & 0x3F;               /* IBM bits 58-63 */
    uint64_t rest = gr0 & ~0x3Full;
    if (f == SAE_QAAF_FC_QMC && rest == 0) {
        *fc = f;
        return SAE_PX_NONE;
    }
    /* fc 2: byte 6 = saf, only format 0 is supported, so GR0 must be exactly 2 (MD-18). */
    if (f == SAE_QAAF_FC_GISRSA && rest == 0) {
        *fc = f;
        return SAE_PX_NONE;
    }
    return SAE_PX_SPECIFICATION;
}

/* Values owned by SAE (the counter and the virtual interrupt controller), the rest from the model. */
static uint64_t qmc_value(unsigned idx, sae_qaaf_value_fn values)
{
    switch (idx) {
    case QAAF_CNTFRQ_EL0: return SAE_QAAF_CNTFRQ;
    case QAAF_IRPTC: return SAE_QAAF_IRPTC;
    case QAAF_ICH_VTR_EL2: return SAE_QAAF_ICH_VTR;
    case QAAF_GIC_ATTR: return SAE_QAAF_GIC_ATTR;
    default: return values(idx);
    }
}

void sae_qaaf_qmc(uint8_t *out, sae_qaaf_value_fn values)
{
    memset(out, 0, SAE_QAAF_BLOCK_SIZE);
    out[QMC_SSDF] = 0x80;                 /* format 0 <-> IBM bit 0 of the byte (MD-20) */
    out[QMC_SSAF] = 0x80;
    st_be16(out + QMC_MAXNCPU, 0);        /* highest vCPU id: one vCPU */
    for (unsigned i = 0; i < sae_qaaf_names_count; i++)
        st_be64(out + QMC_REG_OFF(sae_qaaf_names[i].idx), qmc_value(sae_qaaf_names[i].idx, values));
}

void sae_qaaf_gisrsa(uint8_t *out, sae_qaaf_value_fn values)
{
    memset(out, 0, SAE_QAAF_BLOCK_SIZE);
    out[SA_SAF] = SAE_SAF_FORMAT0;
    st_be16(out + SA_SAS, SAE_SAS_VALID);
    for (size_t i = 0; i < sae_slots_count; i++) {
        const struct sae_slot_desc *d = &sae_slots[i];
        uint64_t v = d->slot == SAE_SLOT_MIDR_EL1 ? values(QAAF_MIDR_EL1) : d->reset;
        st_be64(out + SA_SLOT_OFF(d->slot), v);
    }
}

uint16_t sae_exec_qaaf(const struct sae_insn_env *env, uint64_t gr0, unsigned r1, uint64_t gr_r1,
                       sae_qaaf_value_fn values)
{
    unsigned fc = 0;
    uint16_t px = sae_check_rre(&env->mode, r1, gr_r1);
    if (!px)
        px = sae_qaaf_check_gr0(gr0, &fc);
    if (px)
        return px;
    uint64_t abs;
    px = env->ops->translate(env->ops->opaque, gr_r1, SAE_QAAF_BLOCK_SIZE, true, &abs);
    if (px)
        return px;
    uint8_t *out = env->ops->abs_ptr(env->ops->opaque, abs, SAE_QAAF_BLOCK_SIZE, true);
    if (!out)
        return SAE_PX_ADDRESSING;
    if (fc == SAE_QAAF_FC_QMC)
        sae_qaaf_qmc(out, values);
    else
        sae_qaaf_gisrsa(out, values);
    return SAE_PX_NONE;
}
