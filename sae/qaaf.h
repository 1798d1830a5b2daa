/* QAAF - Query Available Arm Features (B9AD, RRE) (sae-architecture §3.6, §5.4; MD-18..MD-22, MD-25).
 * fc 1 (QMC): header (ssdf, ssaf, maxncpu) and the register values, regs[idx] at 0x10 + 8*idx (MD-19).
 * fc 2 (GISRSA): the initial format-0 save-area image. */
#ifndef SAE_QAAF_H
#define SAE_QAAF_H

#include <stdbool.h>
#include <stdint.h>

#include "sae/context.h"

#define SAE_QAAF_BLOCK_SIZE    0x1000u
#define SAE_QAAF_FC_QMC        1u
#define SAE_QAAF_FC_GISRSA     2u

/* QMC block layout. */
#define QMC_SSDF               0x08u
#define QMC_SSAF               0x0Au
#define QMC_MAXNCPU            0x0Eu
#define QMC_REGS               0x10u
#define QMC_REG_OFF(idx)       (QMC_REGS + 8u * (idx))
#define QMC_NIDX               0x1FEu   /* indexes 0x00-0x1FD */

/* QAAF indexes (K "QAAF_*"). */
enum sae_qaaf_idx {
    QAAF_MIDR_EL1 = 0x02, QAAF_MPIDR_EL1 = 0x07, QAAF_REVIDR_EL1 = 0x08,
    QAAF_ID_PFR0_EL1 = 0x0A, QAAF_ID_PFR1_EL1 = 0x0B, QAAF_ID_DFR0_EL1 = 0x0C, QAAF_ID_AFR0_EL1 = 0x0D,
    QAAF_ID_MMFR0_EL1 = 0x0E, QAAF_ID_MMFR1_EL1 = 0x0F, QAAF_ID_MMFR2_EL1 = 0x10, QAAF_ID_MMFR3_EL1 = 0x11,
    QAAF_ID_ISAR0_EL1 = 0x12, QAAF_ID_ISAR1_EL1 = 0x13, QAAF_ID_ISAR2_EL1 = 0x14, QAAF_ID_ISAR3_EL1 = 0x15,
    QAAF_ID_ISAR4_EL1 = 0x16, QAAF_ID_ISAR5_EL1 = 0x17, QAAF_ID_MMFR4_EL1 = 0x18, QAAF_ID_ISAR6_EL1 = 0x19,
    QAAF_MVFR0_EL1 = 0x1A, QAAF_MVFR1_EL1 = 0x1B, QAAF_MVFR2_EL1 = 0x1C,
    QAAF_ID_PFR2_EL1 = 0x1E, QAAF_ID_DFR1_EL1 = 0x1F, QAAF_ID_MMFR5_EL1 = 0x20,
    QAAF_ID_AA64PFR0_EL1 = 0x22, QAAF_ID_AA64PFR1_EL1 = 0x23, QAAF_ID_AA64PFR2_EL1 = 0x24,
    QAAF_ID_AA64ZFR0_EL1 = 0x26, QAAF_ID_AA64SMFR0_EL1 = 0x27, QAAF_ID_AA64FPFR0_EL1 = 0x29,
    QAAF_ID_AA64DFR0_EL1 = 0x2A, QAAF_ID_AA64DFR1_EL1 = 0x2B, QAAF_ID_AA64DFR2_EL1 = 0x2C,
    QAAF_ID_AA64AFR0_EL1 = 0x2E, QAAF_ID_AA64AFR1_EL1 = 0x2F,
    QAAF_ID_AA64ISAR0_EL1 = 0x32, QAAF_ID_AA64ISAR1_EL1 = 0x33, QAAF_ID_AA64ISAR2_EL1 = 0x34,
    QAAF_ID_AA64ISAR3_EL1 = 0x35,
    QAAF_ID_AA64MMFR0_EL1 = 0x3A, QAAF_ID_AA64MMFR1_EL1 = 0x3B, QAAF_ID_AA64MMFR2_EL1 = 0x3C,
    QAAF_ID_AA64MMFR3_EL1 = 0x3D, QAAF_ID_AA64MMFR4_EL1 = 0x3E,
    QAAF_CNTFRQ_EL0 = 0x42, QAAF_CTR_EL0 = 0x43, QAAF_AIDR_EL1 = 0x44,
    QAAF_IRPTC = 0x4A, QAAF_ICH_VTR_EL2 = 0x4C, QAAF_GIC_ATTR = 0x4D,
    QAAF_PMMIR_EL1 = 0x52, QAAF_PMCR_EL0 = 0x53, QAAF_PMCEID0_EL0 = 0x54, QAAF_PMCEID1_EL0 = 0x55,
};

/* Values that describe the SAE facility itself rather than the Arm core, so SAE supplies them. */
#define SAE_QAAF_CNTFRQ        0x3B9ACA00ull          /* 1 GHz counter (MD-36) */
#define SAE_QAAF_IRPTC         0x8000000000000000ull  /* type 0 = GICv3 virtual CPU if (MD-21) */
#define SAE_QAAF_ICH_VTR       0x90100003ull          /* 4 LRs, 5 pri/pre bits, nV4 (MD-22) */
#define SAE_QAAF_GIC_ATTR      0ull

/* Value source for the CPU-model ID values: arm64_model_qaaf_value() in the product, a fake in tests. */
typedef uint64_t (*sae_qaaf_value_fn)(unsigned qaaf_idx);

struct sae_qaaf_name { uint16_t idx; const char *name; };
/* The defined indexes, ascending; every other index reads 0. */
extern const struct sae_qaaf_name sae_qaaf_names[];
extern const unsigned sae_qaaf_names_count;
const char *sae_qaaf_idx_name(unsigned idx);     /* NULL for reserved indexes */

/* The MD-22 baseline profile (Armv8.0-A, no PMU/PAuth/SVE). A usable value source until the Arm
 * core publishes its own; a core that implements more raises the fields it implements. */
uint64_t sae_qaaf_baseline_value(unsigned qaaf_idx);

/* PARange field of ID_AA64MMFR0_EL1 [3:0] as a number of address bits (Arm ARM D19). */
unsigned sae_parange_bits(uint64_t mmfr0);

/* Check GR0 (MD-18): returns 0 with *fc, or specification. */
uint16_t sae_qaaf_check_gr0(uint64_t gr0, unsigned *fc);
/* Fill a 4 KiB block (every undefined byte 0). */
void sae_qaaf_qmc(uint8_t *out, sae_qaaf_value_fn values);
void sae_qaaf_gisrsa(uint8_t *out, sae_qaaf_value_fn values);
/* The complete instruction: checks (common, R1 operand, GR0) then a 4096-byte store. */
uint16_t sae_exec_qaaf(const struct sae_insn_env *env, uint64_t gr0, unsigned r1, uint64_t gr_r1,
                       sae_qaaf_value_fn values);

#endif
