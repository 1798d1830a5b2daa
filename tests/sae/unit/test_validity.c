/* The ten validity checks of sae-architecture §8: each alone, every pair (ordering), boundary values,
 * and the SD image after a validity ending. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "mmu/sae_hai.h"
#include "sae/ending.h"
#include "sae/regids.h"
#include "sae/sd.h"
#include "sae/validity.h"

#define SD_REAL  0x20000ull
#define SA_REAL  0x21000ull

static uint8_t sd[4096];
static struct sae_context ctx;
static uint32_t prefix;
static unsigned pa_bits;

static void good(void)
{
    memset(sd, 0, sizeof(sd));
    memset(&ctx, 0, sizeof(ctx));
    st_be64(sd + SD_SAVE_AREA, SA_REAL);
    st_be64(sd + SD_MSL, 1ull << 40);
    st_be64(sd + SD_PSTATE, 0x3C5);                  /* Linux reset PSTATE: EL1h, DAIF */
    ctx.valid = true;
    ctx.sa_abs = SA_REAL;
    ctx.sdo = SD_REAL;
    ctx.regs[SAE_SLOT_HCR_EL2] = 0x0402000C801F003Cull;  /* the Linux SAE_HCR_EL2 value */
    prefix = 0;
    pa_bits = 48;
}

static unsigned check(void) { return sae_validity_check(sd, &ctx, SD_REAL, prefix, pa_bits); }

/* The checks in their order, each as a mutation that fails exactly that check. */
static const unsigned order[10] = {
    SAE_VIR_UNSUPP_FORMAT, SAE_VIR_SCA, SAE_VIR_HLC, SAE_VIR_IRPTC, SAE_VIR_MSLA,
    SAE_VIR_MSO_ALIGN, SAE_VIR_MSO_BOUNDS, SAE_VIR_MGPAS, SAE_VIR_HOST_CONTROL, SAE_VIR_INVAL_SYSREG,
};

static void spoil(int k)
{
    switch (k) {
    case 0: sd[SD_SDF] = 1; break;
    case 1: st_be64(sd + SD_SCAD, 0x1000); break;
    case 2: ctx.valid = false; break;
    case 3: sd[SD_IRQ_CTL] = 1; break;
    case 4: st_be64(sd + SD_MSL, 0); break;
    case 5: st_be64(sd + SD_MSO, ld_be64(sd + SD_MSO) | 0x80000); break;
    case 6: st_be64(sd + SD_MSO, 0xFFFFFF0000100000ull); break;  /* + (2^40 - 1) overflows */
    case 7: pa_bits = 36; break;                                   /* LIPA 2^40 - 1 >= 2^36 */
    case 8: ctx.regs[SAE_SLOT_HCR_EL2] |= 1ull << 27; break;      /* TGE */
    case 9: st_be64(sd + SD_PSTATE, 0x10); break;                  /* AArch32 */
    }
}

START_TEST(test_good_passes)
{
    good();
    ck_assert_uint_eq(check(), 0);
    st_be64(sd + SD_IC, ~0ull);                 /* ic, ec and reserved fields are ignored (MD-30) */
    st_be64(sd + SD_EC, ~0ull);
    memset(sd, 0xFF, 0x80);
    sd[0x119] = 0xFF;
    ck_assert_uint_eq(check(), 0);
}
END_TEST

START_TEST(test_each_alone)
{
    for (int k = 0; k < 10; k++) {
        good();
        spoil(k);
        ck_assert_msg(check() == order[k], "check %d gave 0x%x", k, check());
    }
}
END_TEST

START_TEST(test_every_pair_ordering)
{
    for (int i = 0; i < 10; i++)
        for (int j = i + 1; j < 10; j++) {
            good();
            spoil(j);
            spoil(i);
            ck_assert_msg(check() == order[i], "pair %d,%d gave 0x%x", i, j, check());
        }
}
END_TEST

START_TEST(test_hlc_variants)
{
    good();
    st_be64(sd + SD_SAVE_AREA, SA_REAL + 0x800);        /* not 4 KiB aligned */
    ctx.sa_abs = SA_REAL + 0x800;
    ck_assert_uint_eq(check(), SAE_VIR_HLC);
    good();
    ctx.sa_abs = SA_REAL + 0x1000;                      /* context of another SA */
    ck_assert_uint_eq(check(), SAE_VIR_HLC);
    good();
    ctx.sdo = SD_REAL + 0x1000;                         /* context names another SD */
    ck_assert_uint_eq(check(), SAE_VIR_HLC);
    good();
    ctx.sdo = 0;                                        /* sdo 0 accepted (MD-59) */
    ck_assert_uint_eq(check(), 0);
    /* save_area is real: prefixing applies. Real 0x1000 with prefix 0x40000 is absolute 0x41000. */
    good();
    prefix = 0x40000;
    st_be64(sd + SD_SAVE_AREA, 0x1000);
    ctx.sa_abs = 0x41000;
    ck_assert_uint_eq(check(), 0);
    ctx.sa_abs = 0x1000;
    ck_assert_uint_eq(check(), SAE_VIR_HLC);
    /* and the prefix area itself maps to real 0 */
    st_be64(sd + SD_SAVE_AREA, 0x41000);
    ctx.sa_abs = 0x1000;
    ck_assert_uint_eq(check(), 0);
}
END_TEST

START_TEST(test_msl_mso_boundaries)
{
    good();
    st_be64(sd + SD_MSL, 1);                            /* LIPA 0xFFFFF */
    ck_assert_uint_eq(check(), 0);
    st_be64(sd + SD_MSL, 1ull << 48);                   /* LIPA 2^48 - 1 < 2^48 */
    ck_assert_uint_eq(check(), 0);
    st_be64(sd + SD_MSL, (1ull << 48) - 1);             /* inclusive form, same LIPA */
    ck_assert_uint_eq(check(), 0);
    st_be64(sd + SD_MSL, (1ull << 48) + 1);             /* rounds up to 2^48 + 0xFFFFF */
    ck_assert_uint_eq(check(), SAE_VIR_MGPAS);
    st_be64(sd + SD_MSL, 1ull << 40);
    st_be64(sd + SD_MSO, 0xFFFFFF0000000000ull);        /* mso + LIPA = 2^64 - 1: fits */
    pa_bits = 64;
    ck_assert_uint_eq(check(), 0);
    st_be64(sd + SD_MSO, 0xFFFFFF0000100000ull);
    ck_assert_uint_eq(check(), SAE_VIR_MSO_BOUNDS);
    st_be64(sd + SD_MSO, 0x100000);
    pa_bits = 48;
    ck_assert_uint_eq(check(), 0);
    st_be64(sd + SD_MSO, 0x1000);
    ck_assert_uint_eq(check(), SAE_VIR_MSO_ALIGN);
}
END_TEST

START_TEST(test_host_control_and_pstate)
{
    good();
    ctx.regs[SAE_SLOT_HCR_EL2] = 0x0000000480000000ull;    /* template RW | E2H */
    ck_assert_uint_eq(check(), 0);
    ctx.regs[SAE_SLOT_HCR_EL2] = 1ull << 34;               /* RW = 0 */
    ck_assert_uint_eq(check(), SAE_VIR_HOST_CONTROL);
    ctx.regs[SAE_SLOT_HCR_EL2] = 1ull << 31;               /* E2H = 0 */
    ck_assert_uint_eq(check(), SAE_VIR_HOST_CONTROL);
    ctx.regs[SAE_SLOT_HCR_EL2] = (1ull << 31) | (1ull << 34) | (1ull << 27);
    ck_assert_uint_eq(check(), SAE_VIR_HOST_CONTROL);
    good();
    for (unsigned m = 0; m < 32; m++) {
        st_be64(sd + SD_PSTATE, 0xF00003C0ull | m);
        unsigned want = (m == 0 || m == 4 || m == 5) ? 0 : SAE_VIR_INVAL_SYSREG;
        ck_assert_msg(check() == want, "M=0x%x", m);
    }
}
END_TEST

START_TEST(test_validity_ending_image)
{
    good();
    uint8_t before[4096];
    for (unsigned i = 0; i < 4096; i++)
        sd[i] = (uint8_t)(i * 7 + 1);
    memcpy(before, sd, sizeof(sd));
    sae_sd_end_validity(sd, SAE_VIR_HLC, 0x0003);
    ck_assert_uint_eq(sd[SD_ICPTR], SAE_ICPT_VALIDITY);
    ck_assert_uint_eq(ld_be16(sd + SD_VIR), SAE_VIR_HLC);
    for (unsigned i = 0x402; i < 0x440; i++)
        ck_assert_uint_eq(sd[i], 0);
    ck_assert_uint_eq(ld_be32(sd + SD_WIP), 0);
    ck_assert_uint_eq(ld_be16(sd + SD_LRCPUA), 3);
    for (unsigned i = 0; i < 4096; i++) {
        bool written = i == SD_ICPTR || (i >= 0x400 && i < 0x440) || (i >= SD_WIP && i < SD_WIP + 4) ||
                       (i >= SD_LRCPUA && i < SD_LRCPUA + 2);
        if (!written)
            ck_assert_msg(sd[i] == before[i], "byte 0x%x changed", i);
    }
}
END_TEST

START_TEST(test_ending_layouts)
{
    memset(sd, 0xAB, sizeof(sd));
    struct sae_hai h = { 0x02, 0x0000000092000047ull, 0x0011, sae_teid(0x12345678ABCull, SAE_TEID_FSI_FETCH),
                         0xFFFF000012345000ull, 0x12345678ABCull, 0, 2 };
    sae_sd_put_hai(sd, &h);
    ck_assert_uint_eq(ld_be64(sd + 0x400), 0x0000000092000047ull);
    ck_assert_uint_eq(ld_be16(sd + 0x408), 0);
    ck_assert_uint_eq(ld_be32(sd + 0x40A), 0);
    ck_assert_uint_eq(ld_be16(sd + 0x40E), 0x0011);
    ck_assert_uint_eq(ld_be64(sd + 0x410), 0x12345678000ull | (2u << 10));  /* IPA>>12 in 0-51, FSI */
    ck_assert_uint_eq(ld_be64(sd + 0x418), 0xFFFF000012345000ull);
    ck_assert_uint_eq(ld_be64(sd + 0x420), 0x12345678ABCull);
    ck_assert_uint_eq(ld_be64(sd + 0x428), 0);
    ck_assert_uint_eq(sd[0x430], 2);
    for (unsigned i = 0x431; i < 0x440; i++)
        ck_assert_uint_eq(sd[i], 0);
    ck_assert_uint_eq(sd[0x440], 0xAB);
    ck_assert_uint_eq(sd[0x3FF], 0xAB);
    sae_sd_put_timer(sd, SAE_TIR_PHYS | SAE_TIR_VIRT);
    ck_assert_uint_eq(sd[0x400], 0xC0);
    for (unsigned i = 0x401; i < 0x440; i++)
        ck_assert_uint_eq(sd[i], 0);
    sae_sd_put_maintenance(sd, 1, 2, 0xC);
    ck_assert_uint_eq(ld_be64(sd + 0x400), 1);
    ck_assert_uint_eq(ld_be64(sd + 0x408), 2);
    ck_assert_uint_eq(ld_be64(sd + 0x410), 0xC);
    sae_sd_put_trap(sd, 0x5A000000ull, 0);
    ck_assert_uint_eq(ld_be64(sd + 0x400), 0x5A000000ull);
    ck_assert_uint_eq(ld_be64(sd + 0x410), 0);
    sae_sd_finish(sd, SAE_ICPT_SPURIOUS, SAE_WIP_WFI, 7);
    ck_assert_uint_eq(sd[0x80], 0);
    ck_assert_uint_eq(ld_be32(sd + 0x1F8), 1);
    ck_assert_uint_eq(ld_be16(sd + 0x286), 7);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-validity");
    TCase *tc = tcase_create("validity");
    tcase_add_test(tc, test_good_passes);
    tcase_add_test(tc, test_each_alone);
    tcase_add_test(tc, test_every_pair_ordering);
    tcase_add_test(tc, test_hlc_variants);
    tcase_add_test(tc, test_msl_mso_boundaries);
    tcase_add_test(tc, test_host_control_and_pstate);
    tcase_add_test(tc, test_validity_ending_image);
    tcase_add_test(tc, test_ending_layouts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
