/* The register-identifier table against sae-architecture §5.2 / §5.3, entry by entry. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sae/regids.h"
#include "sae/sa.h"
#include "sae/sd.h"

struct spec_id {
    const char *name;
    uint16_t i2;                     /* as the spec prints it */
    unsigned op0, op1, crn, crm, op2;
    int slot;                        /* -1 for SD-held */
    unsigned sd_off, size;
};

static const struct spec_id spec[] = {
    { "ACTLR_EL1", 0xC081, 3, 0, 1, 0, 1, 0, 0, 8 },
    { "AFSR0_EL1", 0xC288, 3, 0, 5, 1, 0, 1, 0, 8 },
    { "AFSR1_EL1", 0xC289, 3, 0, 5, 1, 1, 2, 0, 8 },
    { "CNTFRQ_EL0", 0xDF00, 3, 3, 14, 0, 0, 3, 0, 8 },
    { "CNTP_CVAL_EL0", 0xDF12, 3, 3, 14, 2, 2, 4, 0, 8 },
    { "CNTV_CVAL_EL0", 0xDF1A, 3, 3, 14, 3, 2, 5, 0, 8 },
    { "DISR_EL1", 0xC609, 3, 0, 12, 1, 1, 6, 0, 8 },
    { "MIDR_EL1", 0xC000, 3, 0, 0, 0, 0, 7, 0, 8 },
    { "OSLSR_EL1", 0x808C, 2, 0, 1, 1, 4, 8, 0, 8 },
    { "PAR_EL1", 0xC3A0, 3, 0, 7, 4, 0, 9, 0, 8 },
    { "OSLAR_EL1", 0x8084, 2, 0, 1, 0, 4, 10, 0, 8 },
    { "SCTLR_EL1", 0xC080, 3, 0, 1, 0, 0, 11, 0, 8 },
    { "CPACR_EL1", 0xC082, 3, 0, 1, 0, 2, 12, 0, 8 },
    { "VBAR_EL1", 0xC600, 3, 0, 12, 0, 0, 13, 0, 8 },
    { "ESR_EL1", 0xC290, 3, 0, 5, 2, 0, 14, 0, 8 },
    { "TCR_EL1", 0xC102, 3, 0, 2, 0, 2, 15, 0, 8 },
    { "MAIR_EL1", 0xC510, 3, 0, 10, 2, 0, 16, 0, 8 },
    { "TTBR0_EL1", 0xC100, 3, 0, 2, 0, 0, 17, 0, 8 },
    { "TTBR1_EL1", 0xC101, 3, 0, 2, 0, 1, 18, 0, 8 },
    { "FAR_EL1", 0xC300, 3, 0, 6, 0, 0, 19, 0, 8 },
    { "TPIDR_EL0", 0xDE82, 3, 3, 13, 0, 2, 20, 0, 8 },
    { "TPIDR_EL1", 0xC684, 3, 0, 13, 0, 4, 21, 0, 8 },
    { "TPIDRRO_EL0", 0xDE83, 3, 3, 13, 0, 3, 22, 0, 8 },
    { "CNTKCTL_EL1", 0xC708, 3, 0, 14, 1, 0, 23, 0, 8 },
    { "ZCR_EL1", 0xC090, 3, 0, 1, 2, 0, 24, 0, 8 },
    { "SCXTNUM_EL0", 0xDE87, 3, 3, 13, 0, 7, 25, 0, 8 },
    { "SCXTNUM_EL1", 0xC687, 3, 0, 13, 0, 7, 26, 0, 8 },
    { "APIBKEYLO_EL1", 0xC10A, 3, 0, 2, 1, 2, 27, 0, 8 },
    { "APIBKEYHI_EL1", 0xC10B, 3, 0, 2, 1, 3, 28, 0, 8 },
    { "APIAKEYLO_EL1", 0xC108, 3, 0, 2, 1, 0, 29, 0, 8 },
    { "APIAKEYHI_EL1", 0xC109, 3, 0, 2, 1, 1, 30, 0, 8 },
    { "APGAKEYLO_EL1", 0xC118, 3, 0, 2, 3, 0, 31, 0, 8 },
    { "APGAKEYHI_EL1", 0xC119, 3, 0, 2, 3, 1, 32, 0, 8 },
    { "APDBKEYLO_EL1", 0xC112, 3, 0, 2, 2, 2, 33, 0, 8 },
    { "APDBKEYHI_EL1", 0xC113, 3, 0, 2, 2, 3, 34, 0, 8 },
    { "APDAKEYLO_EL1", 0xC110, 3, 0, 2, 2, 0, 35, 0, 8 },
    { "APDAKEYHI_EL1", 0xC111, 3, 0, 2, 2, 1, 36, 0, 8 },
    { "MDSCR_EL1", 0x8012, 2, 0, 0, 2, 2, 37, 0, 8 },
    { "ELR_EL1", 0xC201, 3, 0, 4, 0, 1, 38, 0, 8 },
    { "SPSR_EL1", 0xC200, 3, 0, 4, 0, 0, 39, 0, 8 },
    { "SAE_HCR_EL2", 0xE088, 3, 4, 1, 1, 0, 40, 0, 8 },
    { "SAE_HCRX_EL2", 0xE092, 3, 4, 1, 2, 2, 41, 0, 8 },
    { "SAE_CPTR_EL2", 0xE08A, 3, 4, 1, 1, 2, 42, 0, 8 },
    { "SAE_MDCR_EL2", 0xE089, 3, 4, 1, 1, 1, 43, 0, 8 },
    { "SAE_CNTHCTL_EL2", 0xE708, 3, 4, 14, 1, 0, 44, 0, 8 },
    { "HFGRTR_EL2", 0xE08C, 3, 4, 1, 1, 4, 45, 0, 8 },
    { "HFGWTR_EL2", 0xE08D, 3, 4, 1, 1, 5, 46, 0, 8 },
    { "HFGITR_EL2", 0xE08E, 3, 4, 1, 1, 6, 47, 0, 8 },
    { "HDFGRTR_EL2", 0xE18C, 3, 4, 3, 1, 4, 48, 0, 8 },
    { "HDFGWTR_EL2", 0xE18D, 3, 4, 3, 1, 5, 49, 0, 8 },
    { "VSESR_EL2", 0xE293, 3, 4, 5, 2, 3, 50, 0, 8 },
    { "ICC_SRE_EL2", 0xE64D, 3, 4, 12, 9, 5, 51, 0, 8 },
    { "VMPIDR_EL2", 0xE005, 3, 4, 0, 0, 5, 52, 0, 8 },
    { "CNTP_CTL_EL0", 0xDF11, 3, 3, 14, 2, 1, -1, 0x110, 4 },
    { "CNTV_CTL_EL0", 0xDF19, 3, 3, 14, 3, 1, -1, 0x114, 4 },
    { "CONTEXTIDR_EL1", 0xC681, 3, 0, 13, 0, 1, -1, 0x1F0, 8 },
    { "SP_EL1", 0xE208, 3, 4, 4, 1, 0, -1, 0x2A0, 8 },
    { "ICH_HCR_EL2", 0xE658, 3, 4, 12, 11, 0, -1, 0x120, 8 },
    { "ICH_VMCR_EL2", 0xE65F, 3, 4, 12, 11, 7, -1, 0x128, 8 },
    { "ICH_AP0R0_EL2", 0xE640, 3, 4, 12, 8, 0, -1, 0x130, 8 },
    { "ICH_AP1R0_EL2", 0xE648, 3, 4, 12, 9, 0, -1, 0x138, 8 },
    { "ICH_LR0_EL2", 0xE660, 3, 4, 12, 12, 0, -1, 0x150, 8 },
    { "ICH_LR1_EL2", 0xE661, 3, 4, 12, 12, 1, -1, 0x158, 8 },
    { "ICH_LR2_EL2", 0xE662, 3, 4, 12, 12, 2, -1, 0x160, 8 },
    { "ICH_LR3_EL2", 0xE663, 3, 4, 12, 12, 3, -1, 0x168, 8 },
};
#define NSPEC (sizeof(spec) / sizeof(spec[0]))

START_TEST(test_table_matches_spec)
{
    ck_assert_uint_eq(NSPEC, 65);
    ck_assert_uint_eq(sae_regids_count, NSPEC);
    for (size_t i = 0; i < NSPEC; i++) {
        const struct spec_id *s = &spec[i];
        /* the printed I2 is the op0..op2 packing */
        ck_assert_uint_eq(SAE_SYSREG(s->op0, s->op1, s->crn, s->crm, s->op2), s->i2);
        const struct sae_regid *r = sae_regid_lookup(s->i2);
        ck_assert_msg(r != NULL, "%s missing", s->name);
        ck_assert_str_eq(r->name, s->name);
        ck_assert_uint_eq(r->i2, s->i2);
        if (s->slot >= 0) {
            ck_assert_int_ne(r->kind, SAE_RK_SD);
            ck_assert_uint_eq(r->slot, (unsigned)s->slot);
            ck_assert_uint_eq(r->size, 8);
            ck_assert_ptr_eq(sae_regid_for_slot((unsigned)s->slot), r);
        } else {
            ck_assert_int_eq(r->kind, SAE_RK_SD);
            ck_assert_uint_eq(r->sd_off, s->sd_off);
            ck_assert_uint_eq(r->size, s->size);
        }
        ck_assert_str_eq(sae_regid_name(s->i2), s->name);
    }
}
END_TEST

START_TEST(test_sd_constants)
{
    /* §4 and §6.2 offsets */
    static const struct { unsigned got, want; } off[] = {
        { SD_ICPTR, 0x080 }, { SD_SCAD, 0x088 }, { SD_CNTP_CTL, 0x110 }, { SD_CNTV_CTL, 0x114 },
        { SD_IRQ_CTL, 0x118 }, { SD_ICH_HCR, 0x120 }, { SD_ICH_VMCR, 0x128 }, { SD_ICH_AP0R0, 0x130 },
        { SD_ICH_AP1R0, 0x138 }, { SD_ICH_LR(0), 0x150 }, { SD_CONTEXTIDR_EL1, 0x1F0 }, { SD_WIP, 0x1F8 },
        { SD_SDF, 0x200 }, { SD_MSO, 0x208 }, { SD_MSL, 0x210 }, { SD_HBASCE, 0x218 }, { SD_GPTO, 0x228 },
        { SD_IC, 0x230 }, { SD_EC, 0x238 }, { SD_SAVE_AREA, 0x240 }, { SD_LRCPUA, 0x286 },
        { SD_PSTATE, 0x288 }, { SD_PC, 0x290 }, { SD_SP_EL0, 0x298 }, { SD_SP_EL1, 0x2A0 },
        { SD_FPCR, 0x2B0 }, { SD_FPSR, 0x2B8 }, { SD_SVE_PREG0, 0x2C0 }, { SD_SVE_FFR, 0x2E0 },
        { SD_GPR0, 0x300 }, { SD_ICPTD, 0x400 }, { SD_HAI_PIC, 0x40E }, { SD_HAI_TEID, 0x410 },
        { SD_HAI_FAR_ELZ, 0x418 }, { SD_HAI_VADDR, 0x420 }, { SD_HAI_SUPPL, 0x428 }, { SD_HAI_GLTL, 0x430 },
        { SD_TIR, 0x400 }, { SD_MNT_MISR, 0x400 }, { SD_MNT_EISR, 0x408 }, { SD_MNT_ELRSR, 0x410 },
        { SA_SAF, 0x00 }, { SA_SAS, 0x06 }, { SA_SDO, 0x08 }, { SA_REGS, 0x20 },
    };
    for (size_t i = 0; i < sizeof(off) / sizeof(off[0]); i++)
        ck_assert_msg(off[i].got == off[i].want, "entry %zu: 0x%x", i, off[i].got);
    static const unsigned icpt[] = { SAE_ICPT_SPURIOUS, SAE_ICPT_VALIDITY, SAE_ICPT_HOST_ACCESS_EXCEPTION,
        SAE_ICPT_SYNCHRONOUS_EXCEPTION, SAE_ICPT_TIMER, SAE_ICPT_PE_INTERCOMM, SAE_ICPT_GUEST_ADDRESS_SIZE,
        SAE_ICPT_STOP, SAE_ICPT_MIO_ADDRESS, SAE_ICPT_PMU, SAE_ICPT_MAINTENANCE };
    for (unsigned i = 0; i < 11; i++)
        ck_assert_uint_eq(icpt[i], i);
    ck_assert_uint_eq(SD_CNTP_CTL, 0x110);
    ck_assert_uint_eq(SD_ICH_LR(3), 0x168);
    ck_assert_uint_eq(SD_GPR(30), 0x3F0);
    ck_assert_uint_eq(SD_SVE_PREG(15), 0x2DE);
    ck_assert_uint_eq(SA_SLOT_OFF(507), 0xFF8);
    ck_assert_uint_eq(SAE_ICPT_MAINTENANCE, 0x0A);
    ck_assert_uint_eq(SAE_VIR_IRPTC, 0x0A);
    ck_assert_uint_eq(SAE_VIR_HLC, 0x09);
}
END_TEST

START_TEST(test_rejected_ids)
{
    /* Registers Linux keeps in software and everything else: specification exception (MD-15). */
    static const uint16_t bad[] = {
        0x0000, 0xFFFF,
        0xC005,                           /* MPIDR_EL1 (the guest value is VMPIDR_EL2) */
        0xD000,                           /* CSSELR_EL1 */
        0xC801,                           /* CLIDR_EL1 */
        0xC800,                           /* CCSIDR_EL1 */
        0xC020,                           /* ID_AA64PFR0_EL1 */
        0xC518,                           /* AMAIR_EL1: model-private slot */
        0x8004,                           /* DBGBVR0_EL1: model-private slot */
        0xE664,                           /* ICH_LR4_EL2: only 4 LRs */
        0xE641,                           /* ICH_AP0R1_EL2 */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_msg(sae_regid_lookup(bad[i]) == NULL, "0x%04x accepted", bad[i]);
}
END_TEST

START_TEST(test_slot_descriptions)
{
    /* Interface slots 0-52 are all described, consistent with the id table; 53-63 are reserved. */
    for (unsigned s = 0; s <= SA_SLOT_IFACE_LAST; s++) {
        const struct sae_slot_desc *d = sae_slot_desc(s);
        ck_assert_msg(d != NULL, "slot %u", s);
        const struct sae_regid *r = sae_regid_for_slot(s);
        ck_assert_ptr_nonnull(r);
        ck_assert_str_eq(d->name, r->name);
        ck_assert_int_eq(d->kind, r->kind);
    }
    for (unsigned s = SA_SLOT_RSVD_FIRST; s < SA_SLOT_PRIV_FIRST; s++)
        ck_assert_ptr_null(sae_slot_desc(s));
    /* slots ascend and are unique; private slots are in range and have no interface id */
    for (size_t i = 1; i < sae_slots_count; i++)
        ck_assert_uint_gt(sae_slots[i].slot, sae_slots[i - 1].slot);
    for (size_t i = 0; i < sae_slots_count; i++) {
        ck_assert_uint_lt(sae_slots[i].slot, SA_NSLOTS);
        if (sae_slots[i].slot >= SA_SLOT_PRIV_FIRST)
            ck_assert_ptr_null(sae_regid_lookup(sae_slots[i].key));
    }
    /* The keys are unique, so the sysreg -> slot map is a function. */
    for (size_t i = 0; i < sae_slots_count; i++)
        for (size_t j = i + 1; j < sae_slots_count; j++)
            ck_assert_uint_ne(sae_slots[i].key, sae_slots[j].key);
}
END_TEST

START_TEST(test_sysreg_mapping)
{
    ck_assert_int_eq(sae_slot_for_sysreg(0xC080), 11);      /* SCTLR_EL1 */
    ck_assert_int_eq(sae_slot_for_sysreg(0xC201), 38);      /* ELR_EL1 */
    ck_assert_int_eq(sae_slot_for_sysreg(SAE_I2_MIDR_EL1), 7);
    ck_assert_int_eq(sae_slot_for_sysreg(SAE_I2_MPIDR_EL1), 52);  /* guest MPIDR reads VMPIDR */
    ck_assert_int_eq(sae_slot_for_sysreg(0xE088), 40);      /* SAE_HCR_EL2 */
    ck_assert_int_eq(sae_slot_for_sysreg(SAE_SYSREG(3, 0, 10, 3, 0)), 64);  /* AMAIR_EL1 */
    ck_assert_int_eq(sae_slot_for_sysreg(SAE_SYSREG(3, 2, 0, 0, 0)), 65);   /* CSSELR_EL1 */
    ck_assert_int_eq(sae_slot_for_sysreg(SAE_SYSREG(2, 0, 0, 1, 7)), 80);   /* DBGWCR1_EL1 */
    ck_assert_int_eq(sae_slot_for_sysreg(0xDF11), -1);      /* CNTP_CTL lives in the SD */
    ck_assert_int_eq(sae_slot_for_sysreg(0x1234), -1);
    ck_assert_str_eq(sae_regid_name(SAE_SYSREG(2, 0, 1, 3, 4)), "OSDLR_EL1");
    ck_assert_ptr_null(sae_regid_name(0x1234));
    /* two breakpoints and two watchpoints, as ID_AA64DFR0_EL1 (BRPs = WRPs = 1) reports */
    for (unsigned n = 0; n < 2; n++)
        for (unsigned op2 = 4; op2 <= 7; op2++)
            ck_assert_int_ge(sae_slot_for_sysreg(SAE_SYSREG(2, 0, 0, n, op2)), 64);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-regids");
    TCase *tc = tcase_create("regids");
    tcase_add_test(tc, test_table_matches_spec);
    tcase_add_test(tc, test_sd_constants);
    tcase_add_test(tc, test_rejected_ids);
    tcase_add_test(tc, test_slot_descriptions);
    tcase_add_test(tc, test_sysreg_mapping);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
