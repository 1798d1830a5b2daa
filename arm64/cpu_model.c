/* CPU model table. Baseline: sae-architecture §3.6 (MD-22): Armv8.0-A, AArch64-only EL0/EL1,
 * FP/AdvSIMD, GICv3 system-register interface, no PMU/PAuth/MTE/SVE. Raised fields (implemented by
 * this core): ID_AA64ISAR0_EL1.CRC32 [19:16] = 1 and Atomic [23:20] = 2 (LSE); ID_AA64MMFR1_EL1.PAN
 * [23:20] = 1 (PSTATE.PAN, SCTLR_EL1.SPAN). Field layouts: Arm ARM D19.2 (ID_AA64*_EL1). */
#include "arm64/cpu_model.h"

#include "arm64/cpu.h"

#define ID(crm, op2) ARM64_SYSREG_ENC(3, 0, 0, crm, op2)

static const struct arm64_model_reg model[] = {
    { "MIDR_EL1", ID(0, 0), 0x02, ARM64_MODEL_MIDR },
    { "MPIDR_EL1", ID(0, 5), 0x07, ARM64_MODEL_MPIDR },
    { "REVIDR_EL1", ID(0, 6), 0x08, 0 },
    /* AArch32 ID registers: AArch32 is not implemented, all zero */
    { "ID_PFR0_EL1", ID(1, 0), 0x0A, 0 },
    { "ID_PFR1_EL1", ID(1, 1), 0x0B, 0 },
    { "ID_DFR0_EL1", ID(1, 2), 0x0C, 0 },
    { "ID_AFR0_EL1", ID(1, 3), 0x0D, 0 },
    { "ID_MMFR0_EL1", ID(1, 4), 0x0E, 0 },
    { "ID_MMFR1_EL1", ID(1, 5), 0x0F, 0 },
    { "ID_MMFR2_EL1", ID(1, 6), 0x10, 0 },
    { "ID_MMFR3_EL1", ID(1, 7), 0x11, 0 },
    { "ID_ISAR0_EL1", ID(2, 0), 0x12, 0 },
    { "ID_ISAR1_EL1", ID(2, 1), 0x13, 0 },
    { "ID_ISAR2_EL1", ID(2, 2), 0x14, 0 },
    { "ID_ISAR3_EL1", ID(2, 3), 0x15, 0 },
    { "ID_ISAR4_EL1", ID(2, 4), 0x16, 0 },
    { "ID_ISAR5_EL1", ID(2, 5), 0x17, 0 },
    { "ID_MMFR4_EL1", ID(2, 6), 0x18, 0 },
    { "ID_ISAR6_EL1", ID(2, 7), 0x19, 0 },
    { "MVFR0_EL1", ID(3, 0), 0x1A, 0 },
    { "MVFR1_EL1", ID(3, 1), 0x1B, 0 },
    { "MVFR2_EL1", ID(3, 2), 0x1C, 0 },
    { "ID_PFR2_EL1", ID(3, 4), 0x1E, 0 },
    { "ID_DFR1_EL1", ID(3, 5), 0x1F, 0 },
    { "ID_MMFR5_EL1", ID(3, 6), 0x20, 0 },
    /* EL0 = EL1 = 1 (AArch64 only), EL2 = EL3 = 0, FP = AdvSIMD = 0 (implemented), GIC = 1, CSV2 = 1,
     * CSV3 = 1 */
    { "ID_AA64PFR0_EL1", ID(4, 0), 0x22, 0x1100000001000011ULL },
    { "ID_AA64PFR1_EL1", ID(4, 1), 0x23, 0 },
    { "ID_AA64PFR2_EL1", ID(4, 2), 0x24, 0 },
    { "ID_AA64ZFR0_EL1", ID(4, 4), 0x26, 0 },
    { "ID_AA64SMFR0_EL1", ID(4, 5), 0x27, 0 },
    { "ID_AA64FPFR0_EL1", ID(4, 7), 0x29, 0 },
    /* DebugVer = 6 (v8.0), BRPs = 1 (2), WRPs = 1 (2), CTX_CMPs = 0, PMUVer = 0 */
    { "ID_AA64DFR0_EL1", ID(5, 0), 0x2A, 0x0000000000101006ULL },
    { "ID_AA64DFR1_EL1", ID(5, 1), 0x2B, 0 },
    { "ID_AA64DFR2_EL1", ID(5, 2), 0x2C, 0 },
    { "ID_AA64AFR0_EL1", ID(5, 4), 0x2E, 0 },
    { "ID_AA64AFR1_EL1", ID(5, 5), 0x2F, 0 },
    /* CRC32 [19:16] = 1, Atomic [23:20] = 2 */
    { "ID_AA64ISAR0_EL1", ID(6, 0), 0x32, 0x0000000000210000ULL },
    { "ID_AA64ISAR1_EL1", ID(6, 1), 0x33, 0 },
    { "ID_AA64ISAR2_EL1", ID(6, 2), 0x34, 0 },
    { "ID_AA64ISAR3_EL1", ID(6, 3), 0x35, 0 },
    /* PARange = 5 (48 bits), ASIDBits = 2 (16), TGran16 = 1, TGran4 = TGran64 = 0 (supported) */
    { "ID_AA64MMFR0_EL1", ID(7, 0), 0x3A, 0x0000000000100025ULL },
    /* PAN [23:20] = 1 */
    { "ID_AA64MMFR1_EL1", ID(7, 1), 0x3B, 0x0000000000100000ULL },
    { "ID_AA64MMFR2_EL1", ID(7, 2), 0x3C, 0 },
    { "ID_AA64MMFR3_EL1", ID(7, 3), 0x3D, 0 },
    { "ID_AA64MMFR4_EL1", ID(7, 4), 0x3E, 0 },
    { "CNTFRQ_EL0", ARM64_SYSREG_ENC(3, 3, 14, 0, 0), 0x42, ARM64_MODEL_CNTFRQ },
    /* IminLine = DminLine = 4 (64 B), L1Ip = PIPT, ERG = CWG = 4, IDC = 1, DIC = 0, bit 31 RES1 */
    { "CTR_EL0", ARM64_SYSREG_ENC(3, 3, 0, 0, 1), 0x43, 0x9444C004ULL },
    { "AIDR_EL1", ARM64_SYSREG_ENC(3, 1, 0, 0, 7), 0x44, 0 },
    { "DCZID_EL0", ARM64_SYSREG_ENC(3, 3, 0, 0, 7), -1, ARM64_MODEL_DCZID },
    /* L1 separate I/D (Ctype1 = 0b011), L2 unified (Ctype2 = 0b100), LoC = 2, LoUU = LoUIS = 0
     * (consistent with CTR_EL0.IDC = 1) */
    { "CLIDR_EL1", ARM64_SYSREG_ENC(3, 1, 0, 0, 1), -1, 0x0000000002000023ULL },
    /* QAAF-only values */
    { "IRPTC", 0, 0x4A, 0x8000000000000000ULL },
    { "ICH_VTR_EL2", 0, 0x4C, 0x90100003ULL },
    { "GIC_ATTR", 0, 0x4D, 0 },
    { "PMMIR_EL1", 0, 0x52, 0 },
    { "PMCR_EL0", 0, 0x53, 0 },
    { "PMCEID0_EL0", 0, 0x54, 0 },
    { "PMCEID1_EL0", 0, 0x55, 0 },
};

#define NMODEL (sizeof(model) / sizeof(model[0]))

const struct arm64_model_reg *arm64_model_table(unsigned *count)
{
    *count = NMODEL;
    return model;
}

uint64_t arm64_model_qaaf_value(unsigned qaaf_idx)
{
    for (unsigned i = 0; i < NMODEL; i++)
        if (model[i].qaaf_idx >= 0 && (unsigned)model[i].qaaf_idx == qaaf_idx)
            return model[i].value;
    return 0;
}

bool arm64_model_lookup(uint32_t enc, uint64_t *val)
{
    if (enc == 0)
        return false;
    for (unsigned i = 0; i < NMODEL; i++)
        if (model[i].enc == enc) {
            *val = model[i].value;
            return true;
        }
    return false;
}

bool arm64_model_id_space(uint32_t enc)
{
    /* Arm ARM D19.2 / C5.3: op0 = 3, op1 = 0, CRn = 0, CRm = 1..7 is the ID register space; its
     * unassigned encodings are RAZ (read as zero). */
    unsigned crm = enc >> 3 & 15;
    return (enc & ~0x7Fu) == ARM64_SYSREG_ENC(3, 0, 0, 0, 0) && crm >= 1 && crm <= 7;
}
