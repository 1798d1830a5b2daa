/* QAAF fc 1 / fc 2 blocks field by field against sae-architecture §3.6 and §5.4. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "sae/qaaf.h"
#include "sae/regids.h"
#include "sae/sa.h"
#include "fake_env.h"

/* A distinct value per index, so a misplaced doubleword is detected. */
static uint64_t fake_value(unsigned idx) { return 0xA500000000000000ull | ((uint64_t)idx << 16) | 0x5A; }

/* The index list of §3.6. */
static const unsigned defined_idx[] = {
    0x02, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
    0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1E, 0x1F, 0x20, 0x22, 0x23, 0x24, 0x26, 0x27, 0x29, 0x2A,
    0x2B, 0x2C, 0x2E, 0x2F, 0x32, 0x33, 0x34, 0x35, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x42, 0x43, 0x44,
    0x4A, 0x4C, 0x4D, 0x52, 0x53, 0x54, 0x55,
};
#define NDEF (sizeof(defined_idx) / sizeof(defined_idx[0]))

static bool is_defined(unsigned idx)
{
    for (size_t i = 0; i < NDEF; i++)
        if (defined_idx[i] == idx)
            return true;
    return false;
}

static uint8_t blk[4096];

START_TEST(test_qmc_header_and_values)
{
    memset(blk, 0xEE, sizeof(blk));
    sae_qaaf_qmc(blk, fake_value);
    for (unsigned i = 0; i < 8; i++)
        ck_assert_uint_eq(blk[i], 0);
    ck_assert_uint_eq(blk[0x08], 0x80);            /* ssdf */
    ck_assert_uint_eq(blk[0x09], 0);
    ck_assert_uint_eq(blk[0x0A], 0x80);            /* ssaf */
    ck_assert_uint_eq(blk[0x0B], 0);
    ck_assert_uint_eq(blk[0x0C], 0);
    ck_assert_uint_eq(blk[0x0D], 0);
    ck_assert_uint_eq(ld_be16(blk + 0x0E), 0);     /* maxncpu */
    ck_assert_uint_eq(sae_qaaf_names_count, NDEF);
    for (unsigned idx = 0; idx < 0x1FE; idx++) {
        uint64_t got = ld_be64(blk + 0x10 + 8 * idx);
        uint64_t want;
        if (!is_defined(idx))
            want = 0;
        else if (idx == 0x42)
            want = 0x3B9ACA00;                     /* CNTFRQ: the SAE counter */
        else if (idx == 0x4A)
            want = 0x8000000000000000ull;          /* IRPTC */
        else if (idx == 0x4C)
            want = 0x90100003;                     /* ICH_VTR_EL2 */
        else if (idx == 0x4D)
            want = 0;                              /* GIC_ATTR */
        else
            want = fake_value(idx);
        ck_assert_msg(got == want, "idx 0x%x: %llx", idx, (unsigned long long)got);
        ck_assert_msg((sae_qaaf_idx_name(idx) != NULL) == is_defined(idx), "name idx 0x%x", idx);
    }
    /* MD-19: MIDR (idx 2) is at byte 0x20, not 0x10 */
    ck_assert_uint_eq(ld_be64(blk + 0x20), fake_value(2));
    ck_assert_uint_eq(ld_be64(blk + 0x10), 0);
    ck_assert_str_eq(sae_qaaf_idx_name(0x3A), "ID_AA64MMFR0_EL1");
    ck_assert_uint_eq(blk[0xFF8], 0);
    ck_assert_uint_eq(blk[0xFFF], 0);
}
END_TEST

START_TEST(test_baseline_values)
{
    /* MD-22 table */
    static const struct { unsigned idx; uint64_t v; } t[] = {
        { 0x02, 0x000F0000 }, { 0x07, 0x80000000 }, { 0x08, 0 },
        { 0x22, 0x1100000001000011ull }, { 0x23, 0 }, { 0x24, 0 }, { 0x26, 0 }, { 0x27, 0 }, { 0x29, 0 },
        { 0x2A, 0x0000000000101006ull }, { 0x2B, 0 }, { 0x2C, 0 }, { 0x2E, 0 }, { 0x2F, 0 },
        { 0x32, 0 }, { 0x33, 0 }, { 0x34, 0 }, { 0x35, 0 },
        { 0x3A, 0x0000000000100025ull }, { 0x3B, 0 }, { 0x3C, 0 }, { 0x3D, 0 }, { 0x3E, 0 },
        { 0x42, 0x3B9ACA00 }, { 0x43, 0x9444C004 }, { 0x44, 0 },
        { 0x4A, 0x8000000000000000ull }, { 0x4C, 0x90100003 }, { 0x4D, 0 },
        { 0x52, 0 }, { 0x53, 0 }, { 0x54, 0 }, { 0x55, 0 },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        ck_assert_msg(sae_qaaf_baseline_value(t[i].idx) == t[i].v, "idx 0x%x", t[i].idx);
    for (unsigned idx = 0x0A; idx <= 0x20; idx++)       /* AArch32 ID registers: 0 */
        ck_assert_uint_eq(sae_qaaf_baseline_value(idx), 0);
    ck_assert_uint_eq(sae_parange_bits(sae_qaaf_baseline_value(0x3A)), 48);
    ck_assert_uint_eq(sae_parange_bits(0), 32);
    ck_assert_uint_eq(sae_parange_bits(2), 40);
    ck_assert_uint_eq(sae_parange_bits(6), 52);
}
END_TEST

START_TEST(test_gisrsa_template)
{
    memset(blk, 0xEE, sizeof(blk));
    sae_qaaf_gisrsa(blk, fake_value);
    ck_assert_uint_eq(blk[0], 0);                                /* saf */
    for (unsigned i = 1; i < 6; i++)
        ck_assert_uint_eq(blk[i], 0);
    ck_assert_uint_eq(ld_be16(blk + 6), 0x0001);                 /* sas VALID */
    ck_assert_uint_eq(ld_be64(blk + 8), 0);                      /* sdo */
    ck_assert_uint_eq(ld_be64(blk + 0x10), 0);
    ck_assert_uint_eq(ld_be64(blk + 0x18), 0);
    for (unsigned s = 0; s < SA_NSLOTS; s++) {
        uint64_t want = 0;
        switch (s) {
        case 3: want = 0x3B9ACA00; break;
        case 7: want = fake_value(2); break;                     /* the QAAF MIDR value */
        case 8: want = 0x8; break;
        case 11: want = 0x00C50078; break;
        case 40: want = 0x0000000480000000ull; break;
        case 42: want = 0x0000000000300000ull; break;
        case 44: want = 0x0000000000000C00ull; break;
        case 51: want = 0xF; break;
        case 52: want = 0x80000000; break;
        default: break;   /* every other slot, reserved 53-63 and model-private included, resets to 0 */
        }
        ck_assert_msg(ld_be64(blk + 0x20 + 8 * s) == want, "slot %u", s);
    }
}
END_TEST

START_TEST(test_gr0_rules)
{
    unsigned fc;
    ck_assert_uint_eq(sae_qaaf_check_gr0(1, &fc), 0);
    ck_assert_uint_eq(fc, 1);
    ck_assert_uint_eq(sae_qaaf_check_gr0(2, &fc), 0);
    ck_assert_uint_eq(fc, 2);
    static const uint64_t bad[] = {
        0, 3, 0x3F, 0x41 /* IBM bit 57 */, 0x81 /* IBM bit 56 */, 1 | (1ull << 8) /* fc 1, byte 6 */,
        2 | (1ull << 8) /* saf 1 */, 2 | (0xFFull << 8), 1ull << 63 | 1, 2 | (1ull << 16), 1 | (1ull << 40),
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_msg(sae_qaaf_check_gr0(bad[i], &fc) == SAE_PX_SPECIFICATION, "gr0 %llx",
                      (unsigned long long)bad[i]);
}
END_TEST

START_TEST(test_exec_qaaf)
{
    fake_env_init();
    memset(fmem.mem + 0x3000, 0xEE, 4096);
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, 0x3000, fake_value), 0);
    sae_qaaf_qmc(blk, fake_value);
    ck_assert_int_eq(memcmp(blk, fmem.mem + 0x3000, 4096), 0);   /* the full block, zeros included */
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 2, 4, 0x3000, fake_value), 0);
    sae_qaaf_gisrsa(blk, fake_value);
    ck_assert_int_eq(memcmp(blk, fmem.mem + 0x3000, 4096), 0);
    /* exceptions */
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 0, 0x3000, fake_value), SAE_PX_SPECIFICATION);  /* R1 = 0 */
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, 0x3008, fake_value), SAE_PX_SPECIFICATION);  /* align */
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 0, 4, 0x3000, fake_value), SAE_PX_SPECIFICATION);  /* fc 0 */
    fmem.prot_page = 0x3000;
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, 0x3000, fake_value), 0x0004);
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, FAKE_MEM_SIZE, fake_value), SAE_PX_ADDRESSING);
    fenv.mode.amode64 = false;
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, 0x3000, fake_value), SAE_PX_SPECIFICATION);
    fenv.mode.problem_state = true;
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, 0x3000, fake_value), SAE_PX_PRIVILEGED);
    fenv.mode.aef_installed = false;
    ck_assert_uint_eq(sae_exec_qaaf(&fenv, 1, 4, 0x3000, fake_value), SAE_PX_OPERATION);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-qaaf");
    TCase *tc = tcase_create("qaaf");
    tcase_add_test(tc, test_qmc_header_and_values);
    tcase_add_test(tc, test_baseline_values);
    tcase_add_test(tc, test_gisrsa_template);
    tcase_add_test(tc, test_gr0_rules);
    tcase_add_test(tc, test_exec_qaaf);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
