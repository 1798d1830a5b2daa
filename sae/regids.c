/* The register-identifier table (sae-architecture §5.2/§5.3) and the model-private slot assignment
 * (MD-23; documented in docs/sae-model.md). Everything that names a register is this data. */
#include "sae/regids.h"

#include "sae/sa.h"
#include "sae/sd.h"

#define SLOT(s, i2, nm, k) { (i2), (nm), (k), (s), 0, 8 }
#define SDREG(i2, nm, off, sz) { (i2), (nm), SAE_RK_SD, 0, (off), (sz) }

/* §5.2 slots 0-52 (slots 0-37 in Linux save-area order, 38-39 ELR/SPSR, 40-52 the EL2 controls),
 * then the 12 SD-held identifiers of §5.3. */
const struct sae_regid sae_regids[] = {
    SLOT(0, 0xC081, "ACTLR_EL1", SAE_RK_EL1),
    SLOT(1, 0xC288, "AFSR0_EL1", SAE_RK_EL1),
    SLOT(2, 0xC289, "AFSR1_EL1", SAE_RK_EL1),
    SLOT(3, 0xDF00, "CNTFRQ_EL0", SAE_RK_EL1),
    SLOT(4, 0xDF12, "CNTP_CVAL_EL0", SAE_RK_EL1),
    SLOT(5, 0xDF1A, "CNTV_CVAL_EL0", SAE_RK_EL1),
    SLOT(6, 0xC609, "DISR_EL1", SAE_RK_EL1),
    SLOT(7, 0xC000, "MIDR_EL1", SAE_RK_GUESTVIEW),   /* plays the role of VPIDR_EL2 */
    SLOT(8, 0x808C, "OSLSR_EL1", SAE_RK_EL1),
    SLOT(9, 0xC3A0, "PAR_EL1", SAE_RK_EL1),
    SLOT(10, 0x8084, "OSLAR_EL1", SAE_RK_OSLAR),
    SLOT(11, 0xC080, "SCTLR_EL1", SAE_RK_EL1),
    SLOT(12, 0xC082, "CPACR_EL1", SAE_RK_EL1),
    SLOT(13, 0xC600, "VBAR_EL1", SAE_RK_EL1),
    SLOT(14, 0xC290, "ESR_EL1", SAE_RK_EL1),
    SLOT(15, 0xC102, "TCR_EL1", SAE_RK_EL1),
    SLOT(16, 0xC510, "MAIR_EL1", SAE_RK_EL1),
    SLOT(17, 0xC100, "TTBR0_EL1", SAE_RK_EL1),
    SLOT(18, 0xC101, "TTBR1_EL1", SAE_RK_EL1),
    SLOT(19, 0xC300, "FAR_EL1", SAE_RK_EL1),
    SLOT(20, 0xDE82, "TPIDR_EL0", SAE_RK_EL1),
    SLOT(21, 0xC684, "TPIDR_EL1", SAE_RK_EL1),
    SLOT(22, 0xDE83, "TPIDRRO_EL0", SAE_RK_EL1),
    SLOT(23, 0xC708, "CNTKCTL_EL1", SAE_RK_EL1),
    SLOT(24, 0xC090, "ZCR_EL1", SAE_RK_EL1),
    SLOT(25, 0xDE87, "SCXTNUM_EL0", SAE_RK_EL1),
    SLOT(26, 0xC687, "SCXTNUM_EL1", SAE_RK_EL1),
    SLOT(27, 0xC10A, "APIBKEYLO_EL1", SAE_RK_EL1),
    SLOT(28, 0xC10B, "APIBKEYHI_EL1", SAE_RK_EL1),
    SLOT(29, 0xC108, "APIAKEYLO_EL1", SAE_RK_EL1),
    SLOT(30, 0xC109, "APIAKEYHI_EL1", SAE_RK_EL1),
    SLOT(31, 0xC118, "APGAKEYLO_EL1", SAE_RK_EL1),
    SLOT(32, 0xC119, "APGAKEYHI_EL1", SAE_RK_EL1),
    SLOT(33, 0xC112, "APDBKEYLO_EL1", SAE_RK_EL1),
    SLOT(34, 0xC113, "APDBKEYHI_EL1", SAE_RK_EL1),
    SLOT(35, 0xC110, "APDAKEYLO_EL1", SAE_RK_EL1),
    SLOT(36, 0xC111, "APDAKEYHI_EL1", SAE_RK_EL1),
    SLOT(37, 0x8012, "MDSCR_EL1", SAE_RK_EL1),
    SLOT(38, 0xC201, "ELR_EL1", SAE_RK_EL1),
    SLOT(39, 0xC200, "SPSR_EL1", SAE_RK_EL1),
    SLOT(40, 0xE088, "SAE_HCR_EL2", SAE_RK_EL2CTL),
    SLOT(41, 0xE092, "SAE_HCRX_EL2", SAE_RK_EL2CTL),
    SLOT(42, 0xE08A, "SAE_CPTR_EL2", SAE_RK_EL2CTL),
    SLOT(43, 0xE089, "SAE_MDCR_EL2", SAE_RK_EL2CTL),
    SLOT(44, 0xE708, "SAE_CNTHCTL_EL2", SAE_RK_EL2CTL),
    SLOT(45, 0xE08C, "HFGRTR_EL2", SAE_RK_EL2CTL),
    SLOT(46, 0xE08D, "HFGWTR_EL2", SAE_RK_EL2CTL),
    SLOT(47, 0xE08E, "HFGITR_EL2", SAE_RK_EL2CTL),
    SLOT(48, 0xE18C, "HDFGRTR_EL2", SAE_RK_EL2CTL),
    SLOT(49, 0xE18D, "HDFGWTR_EL2", SAE_RK_EL2CTL),
    SLOT(50, 0xE293, "VSESR_EL2", SAE_RK_EL2CTL),
    SLOT(51, 0xE64D, "ICC_SRE_EL2", SAE_RK_EL2CTL),
    SLOT(52, 0xE005, "VMPIDR_EL2", SAE_RK_GUESTVIEW), /* the value the guest reads as MPIDR_EL1 */
    SDREG(0xDF11, "CNTP_CTL_EL0", SD_CNTP_CTL, 4),
    SDREG(0xDF19, "CNTV_CTL_EL0", SD_CNTV_CTL, 4),
    SDREG(0xC681, "CONTEXTIDR_EL1", SD_CONTEXTIDR_EL1, 8),
    SDREG(0xE208, "SP_EL1", SD_SP_EL1, 8),
    SDREG(0xE658, "ICH_HCR_EL2", SD_ICH_HCR, 8),
    SDREG(0xE65F, "ICH_VMCR_EL2", SD_ICH_VMCR, 8),
    SDREG(0xE640, "ICH_AP0R0_EL2", SD_ICH_AP0R0, 8),
    SDREG(0xE648, "ICH_AP1R0_EL2", SD_ICH_AP1R0, 8),
    SDREG(0xE660, "ICH_LR0_EL2", SD_ICH_LR(0), 8),
    SDREG(0xE661, "ICH_LR1_EL2", SD_ICH_LR(1), 8),
    SDREG(0xE662, "ICH_LR2_EL2", SD_ICH_LR(2), 8),
    SDREG(0xE663, "ICH_LR3_EL2", SD_ICH_LR(3), 8),
};
const size_t sae_regids_count = sizeof(sae_regids) / sizeof(sae_regids[0]);

/* Slot descriptions. Interface slots 0-52 carry the MD-25 template values; the guest-view slots are
 * keyed by the register the guest reads (MIDR_EL1, MPIDR_EL1). Private slots 64.. hold EL0/EL1 state
 * the Arm core implements but the interface does not name (§5.2); the Arm reset value of each is
 * 0 or UNKNOWN (Arm ARM D13 / H9 register descriptions), and UNKNOWN resets are 0 in the template. */
const struct sae_slot_desc sae_slots[] = {
    { 0, 0xC081, SAE_RK_EL1, "ACTLR_EL1", 0 },
    { 1, 0xC288, SAE_RK_EL1, "AFSR0_EL1", 0 },
    { 2, 0xC289, SAE_RK_EL1, "AFSR1_EL1", 0 },
    { 3, 0xDF00, SAE_RK_EL1, "CNTFRQ_EL0", 0x3B9ACA00 },
    { 4, 0xDF12, SAE_RK_EL1, "CNTP_CVAL_EL0", 0 },
    { 5, 0xDF1A, SAE_RK_EL1, "CNTV_CVAL_EL0", 0 },
    { 6, 0xC609, SAE_RK_EL1, "DISR_EL1", 0 },
    { 7, SAE_I2_MIDR_EL1, SAE_RK_GUESTVIEW, "MIDR_EL1", 0 /* QAAF MIDR value */ },
    { 8, 0x808C, SAE_RK_EL1, "OSLSR_EL1", 0x8 },
    { 9, 0xC3A0, SAE_RK_EL1, "PAR_EL1", 0 },
    { 10, 0x8084, SAE_RK_OSLAR, "OSLAR_EL1", 0 },
    { 11, 0xC080, SAE_RK_EL1, "SCTLR_EL1", 0x00C50078 },
    { 12, 0xC082, SAE_RK_EL1, "CPACR_EL1", 0 },
    { 13, 0xC600, SAE_RK_EL1, "VBAR_EL1", 0 },
    { 14, 0xC290, SAE_RK_EL1, "ESR_EL1", 0 },
    { 15, 0xC102, SAE_RK_EL1, "TCR_EL1", 0 },
    { 16, 0xC510, SAE_RK_EL1, "MAIR_EL1", 0 },
    { 17, 0xC100, SAE_RK_EL1, "TTBR0_EL1", 0 },
    { 18, 0xC101, SAE_RK_EL1, "TTBR1_EL1", 0 },
    { 19, 0xC300, SAE_RK_EL1, "FAR_EL1", 0 },
    { 20, 0xDE82, SAE_RK_EL1, "TPIDR_EL0", 0 },
    { 21, 0xC684, SAE_RK_EL1, "TPIDR_EL1", 0 },
    { 22, 0xDE83, SAE_RK_EL1, "TPIDRRO_EL0", 0 },
    { 23, 0xC708, SAE_RK_EL1, "CNTKCTL_EL1", 0 },
    { 24, 0xC090, SAE_RK_EL1, "ZCR_EL1", 0 },
    { 25, 0xDE87, SAE_RK_EL1, "SCXTNUM_EL0", 0 },
    { 26, 0xC687, SAE_RK_EL1, "SCXTNUM_EL1", 0 },
    { 27, 0xC10A, SAE_RK_EL1, "APIBKEYLO_EL1", 0 },
    { 28, 0xC10B, SAE_RK_EL1, "APIBKEYHI_EL1", 0 },
    { 29, 0xC108, SAE_RK_EL1, "APIAKEYLO_EL1", 0 },
    { 30, 0xC109, SAE_RK_EL1, "APIAKEYHI_EL1", 0 },
    { 31, 0xC118, SAE_RK_EL1, "APGAKEYLO_EL1", 0 },
    { 32, 0xC119, SAE_RK_EL1, "APGAKEYHI_EL1", 0 },
    { 33, 0xC112, SAE_RK_EL1, "APDBKEYLO_EL1", 0 },
    { 34, 0xC113, SAE_RK_EL1, "APDBKEYHI_EL1", 0 },
    { 35, 0xC110, SAE_RK_EL1, "APDAKEYLO_EL1", 0 },
    { 36, 0xC111, SAE_RK_EL1, "APDAKEYHI_EL1", 0 },
    { 37, 0x8012, SAE_RK_EL1, "MDSCR_EL1", 0 },
    { 38, 0xC201, SAE_RK_EL1, "ELR_EL1", 0 },
    { 39, 0xC200, SAE_RK_EL1, "SPSR_EL1", 0 },
    { 40, 0xE088, SAE_RK_EL2CTL, "SAE_HCR_EL2", 0x0000000480000000ull },   /* RW | E2H */
    { 41, 0xE092, SAE_RK_EL2CTL, "SAE_HCRX_EL2", 0 },
    { 42, 0xE08A, SAE_RK_EL2CTL, "SAE_CPTR_EL2", 0x0000000000300000ull },  /* FPEN = 0b11 */
    { 43, 0xE089, SAE_RK_EL2CTL, "SAE_MDCR_EL2", 0 },
    { 44, 0xE708, SAE_RK_EL2CTL, "SAE_CNTHCTL_EL2", 0x0000000000000C00ull }, /* EL1PCTEN | EL1PCEN */
    { 45, 0xE08C, SAE_RK_EL2CTL, "HFGRTR_EL2", 0 },
    { 46, 0xE08D, SAE_RK_EL2CTL, "HFGWTR_EL2", 0 },
    { 47, 0xE08E, SAE_RK_EL2CTL, "HFGITR_EL2", 0 },
    { 48, 0xE18C, SAE_RK_EL2CTL, "HDFGRTR_EL2", 0 },
    { 49, 0xE18D, SAE_RK_EL2CTL, "HDFGWTR_EL2", 0 },
    { 50, 0xE293, SAE_RK_EL2CTL, "VSESR_EL2", 0 },
    { 51, 0xE64D, SAE_RK_EL2CTL, "ICC_SRE_EL2", 0xF },  /* SRE | DFB | DIB | Enable */
    { 52, SAE_I2_MPIDR_EL1, SAE_RK_GUESTVIEW, "VMPIDR_EL2", 0x80000000 },
    /* ---- model-private (MD-23): not reachable through SASR/EASR ---- */
    { 64, SAE_SYSREG(3, 0, 10, 3, 0), SAE_RK_EL1, "AMAIR_EL1", 0 },
    { 65, SAE_SYSREG(3, 2, 0, 0, 0), SAE_RK_EL1, "CSSELR_EL1", 0 },
    { 66, SAE_SYSREG(2, 0, 0, 2, 0), SAE_RK_EL1, "MDCCINT_EL1", 0 },
    { 67, SAE_SYSREG(2, 0, 1, 3, 4), SAE_RK_EL1, "OSDLR_EL1", 0 },
    { 68, SAE_SYSREG(2, 0, 0, 6, 2), SAE_RK_EL1, "OSECCR_EL1", 0 },
    { 69, SAE_SYSREG(2, 0, 0, 0, 2), SAE_RK_EL1, "OSDTRRX_EL1", 0 },
    { 70, SAE_SYSREG(2, 0, 0, 3, 2), SAE_RK_EL1, "OSDTRTX_EL1", 0 },
    { 71, SAE_SYSREG(2, 0, 7, 8, 6), SAE_RK_EL1, "DBGCLAIMSET_EL1", 0 }, /* claim tags (SET/CLR view) */
    { 72, SAE_SYSREG(2, 0, 1, 4, 4), SAE_RK_EL1, "DBGPRCR_EL1", 0 },
    { 73, SAE_SYSREG(2, 0, 0, 0, 4), SAE_RK_EL1, "DBGBVR0_EL1", 0 },
    { 74, SAE_SYSREG(2, 0, 0, 0, 5), SAE_RK_EL1, "DBGBCR0_EL1", 0 },
    { 75, SAE_SYSREG(2, 0, 0, 1, 4), SAE_RK_EL1, "DBGBVR1_EL1", 0 },
    { 76, SAE_SYSREG(2, 0, 0, 1, 5), SAE_RK_EL1, "DBGBCR1_EL1", 0 },
    { 77, SAE_SYSREG(2, 0, 0, 0, 6), SAE_RK_EL1, "DBGWVR0_EL1", 0 },
    { 78, SAE_SYSREG(2, 0, 0, 0, 7), SAE_RK_EL1, "DBGWCR0_EL1", 0 },
    { 79, SAE_SYSREG(2, 0, 0, 1, 6), SAE_RK_EL1, "DBGWVR1_EL1", 0 },
    { 80, SAE_SYSREG(2, 0, 0, 1, 7), SAE_RK_EL1, "DBGWCR1_EL1", 0 },
};
const size_t sae_slots_count = sizeof(sae_slots) / sizeof(sae_slots[0]);

const struct sae_regid *sae_regid_lookup(uint16_t i2)
{
    for (size_t i = 0; i < sae_regids_count; i++)
        if (sae_regids[i].i2 == i2)
            return &sae_regids[i];
    return NULL;
}

const struct sae_regid *sae_regid_for_slot(unsigned slot)
{
    for (size_t i = 0; i < sae_regids_count; i++)
        if (sae_regids[i].kind != SAE_RK_SD && sae_regids[i].slot == slot)
            return &sae_regids[i];
    return NULL;
}

const struct sae_slot_desc *sae_slot_desc(unsigned slot)
{
    for (size_t i = 0; i < sae_slots_count; i++)
        if (sae_slots[i].slot == slot)
            return &sae_slots[i];
    return NULL;
}

int sae_slot_for_sysreg(uint16_t enc)
{
    for (size_t i = 0; i < sae_slots_count; i++)
        if (sae_slots[i].key == enc)
            return sae_slots[i].slot;
    return -1;
}

const char *sae_regid_name(uint16_t i2)
{
    const struct sae_regid *r = sae_regid_lookup(i2);
    if (r)
        return r->name;
    for (size_t i = 0; i < sae_slots_count; i++)
        if (sae_slots[i].slot >= SA_SLOT_PRIV_FIRST && sae_slots[i].key == i2)
            return sae_slots[i].name;
    return NULL;
}
