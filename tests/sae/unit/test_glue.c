/* End to end through the glue: a real s390 CPU executes the SAE-family opcodes and SAE runs a tiny
 * AArch64 guest on the arm64 core (docs/sae-model.md §4). Stage 2 uses a real-space hbasce, so
 * host-base address = real address. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arm64/cpu_model.h"
#include "core/endian.h"
#include "core/mem.h"
#include "core/vclock.h"
#include "mmu/s390_dat.h"
#include "s390/cpu.h"
#include "sae/qaaf.h"
#include "sae/regids.h"
#include "sae/sa.h"
#include "sae/sae_cpu.h"
#include "sae/sd.h"

#define CODE  0x10000ull
#define SD    0x20000ull
#define SA    0x21000ull
#define QBLK  0x22000ull
#define PGMH  0x30000ull      /* program-new PSW address */
#define MSO   0x100000ull     /* guest IPA 0 = host real 1 MiB */
#define GCODE 0x1000ull       /* guest code IPA */

static struct ram ram;
static struct vclock clk;
static struct s390_cpu cpu;
static uint8_t *m;
static uint64_t at;           /* next s390 instruction address */

static void setup(void)
{
    char err[128];
    ck_assert_int_eq(ram_init(&ram, 4u << 20, err, sizeof(err)), 0);
    m = ram.host;
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    s390_cpu_init(&cpu, &ram, &clk, NULL);
    ck_assert_ptr_nonnull(sae_cpu_attach(&cpu, NULL));
    /* program-new PSW: 64-bit supervisor at PGMH */
    st_be64(m + 0x1D0, PSW_MASK_EA | PSW_MASK_BA);
    st_be64(m + 0x1D8, PGMH);
    at = CODE;
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA, at);
    /* SA from the QAAF template, SD linked to it, guest memory 1 MiB at MSO */
    sae_qaaf_gisrsa(m + SA, arm64_model_qaaf_value);
    st_be64(m + SA + SA_SDO, SD);
    st_be64(m + SD + SD_SAVE_AREA, SA);
    st_be64(m + SD + SD_MSO, MSO);
    st_be64(m + SD + SD_MSL, 0x100000);
    st_be64(m + SD + SD_HBASCE, S390_ASCE_R);
    st_be64(m + SD + SD_PSTATE, 0x3C5);
    st_be64(m + SD + SD_PC, GCODE);
}

static void teardown(void)
{
    sae_cpu_detach(&cpu);
    s390_cpu_destroy(&cpu);
    vclock_destroy(&clk);
    ram_destroy(&ram);
}

/* Execute one instruction placed at the current address. */
static void step_bytes(const uint8_t *b, unsigned len)
{
    memcpy(m + at, b, len);
    s390_load_psw(&cpu, cpu.psw.mask, at);
    s390_step(&cpu);
    at += len;
}
static void rre(uint16_t op, unsigned r1)
{
    uint8_t b[4] = { (uint8_t)(op >> 8), (uint8_t)op, 0, (uint8_t)(r1 << 4) };
    step_bytes(b, 4);
}
static void rie_h(uint8_t op, unsigned r1, unsigned r3, uint16_t i2, unsigned m4)
{
    uint8_t b[6] = { 0xED, (uint8_t)(r1 << 4), (uint8_t)(r3 << 4 | i2 >> 12), (uint8_t)(i2 >> 4),
                     (uint8_t)((i2 & 0xF) << 4 | m4), op };
    step_bytes(b, 6);
}
static void guest(uint64_t ipa, const uint32_t *insns, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        st_le32(m + MSO + ipa + 4 * i, insns[i]);
}
static uint16_t last_pic(void) { return ld_be16(m + 0x8E); }

static void lasrm(void) { cpu.gr[2] = SA; rre(0xB9A6, 2); }
static void sae(void) { cpu.gr[3] = SD; rre(0xB9A5, 3); }

START_TEST(test_qaaf_and_ptff)
{
    cpu.gr[0] = 1;
    cpu.gr[4] = QBLK;
    rre(0xB9AD, 4);
    ck_assert_uint_eq(cpu.psw.addr, at);                         /* completed */
    ck_assert_uint_eq(m[QBLK + 0x08], 0x80);
    ck_assert_uint_eq(ld_be64(m + QBLK + 0x20), arm64_model_qaaf_value(2));  /* MIDR at 0x20 */
    ck_assert_uint_eq(ld_be64(m + QBLK + 0x10 + 8 * 0x3A), arm64_model_qaaf_value(0x3A));
    cpu.gr[0] = 3;
    rre(0xB9AD, 4);
    ck_assert_uint_eq(cpu.psw.addr, PGMH);
    ck_assert_uint_eq(last_pic(), PGM_SPECIFICATION);
    /* PTFF hook and QAF bits */
    ck_assert_uint_eq(cpu.ptff_qaf_extra[2], 0xC0);
    uint64_t out;
    ck_assert_int_eq(cpu.ptff_hook(cpu.ptff_opaque, &cpu, 0x10, 0, &out), 0);
    uint64_t back;
    ck_assert_int_eq(cpu.ptff_hook(cpu.ptff_opaque, &cpu, 0x11, out, &back), 0);
    ck_assert_uint_lt(back, 1000);                               /* QAGPT(QAGTO(0)) ~ 0 */
    ck_assert_int_eq(cpu.ptff_hook(cpu.ptff_opaque, &cpu, 0x12, 0, &out), -1);
}
END_TEST

START_TEST(test_not_installed)
{
    cpu.aef_installed = false;
    cpu.gr[2] = SA;
    rre(0xB9A6, 2);
    ck_assert_uint_eq(last_pic(), PGM_OPERATION);
    at = CODE;
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_PSTATE, at);
    cpu.aef_installed = true;
    rre(0xB9A6, 2);
    ck_assert_uint_eq(last_pic(), PGM_PRIVILEGED);
}
END_TEST

START_TEST(test_validity_without_lasrm)
{
    sae();
    ck_assert_msg(cpu.psw.addr == at, "pic 0x%x", last_pic());
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_VALIDITY);
    ck_assert_uint_eq(ld_be16(m + SD + SD_VIR), SAE_VIR_HLC);
}
END_TEST

START_TEST(test_hvc_roundtrip)
{
    static const uint32_t g[] = { 0xD28000A0 /* movz x0,#5 */, 0xD4000002 /* hvc #0 */ };
    guest(GCODE, g, 2);
    lasrm();
    cpu.gr[5] = 0x123;                                            /* SASR TPIDR_EL1 <- 0x123 */
    rie_h(0x99, 5, 2, 0xC684, 0);
    sae();
    ck_assert_uint_eq(cpu.psw.addr, at);
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    uint64_t esr = ld_be64(m + SD + SD_HAI_ESR_ELZ);
    ck_assert_uint_eq(esr >> 26, 0x16);                           /* HVC64 */
    ck_assert_uint_eq(esr & (1u << 25), 1u << 25);                /* IL */
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);        /* after the HVC */
    ck_assert_uint_eq(ld_be64(m + SD + SD_GPR(0)), 5);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), 0);
    ck_assert_uint_eq(cpu.gr[3], SD);                             /* R1 unchanged */
    /* EASR reads the context back; STIASRM writes it */
    rie_h(0x9B, 6, 2, 0xC684, 0);
    ck_assert_uint_eq(cpu.gr[6], 0x123);
    rre(0xB9A7, 2);
    ck_assert_uint_eq(ld_be64(m + SA + SA_SLOT_OFF(21)), 0x123);
    ck_assert_uint_eq(ld_be16(m + SA + SA_SAS), 1);
}
END_TEST

START_TEST(test_limit_and_wfi_and_timer)
{
    /* ldr x1,[x2] with x2 = 2 MiB: above LIPA 0xFFFFF -> icptr 0x06 at the instruction */
    static const uint32_t g[] = { 0xF9400041, 0xD503207F /* wfi */, 0x14000000 /* b . */ };
    guest(GCODE, g, 3);
    st_be64(m + SD + SD_GPR(2), 0x200000);
    lasrm();
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_GUEST_ADDRESS_SIZE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE);
    ck_assert_uint_eq(ld_be16(m + SD + SD_HAI_PIC), 0);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_TEID) & ~0xFFFull, 0x200000);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_FAR_ELZ), 0x200000);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_ESR_ELZ) >> 26, 0x24);
    /* skip it (as a host would after emulation) and run into the WFI */
    st_be64(m + SD + SD_PC, GCODE + 4);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SPURIOUS);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), SAE_WIP_WFI);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);
    /* an enabled virtual timer with CVAL 0 intercepts at entry, before any instruction */
    st_be32(m + SD + SD_CNTV_CTL, CNT_CTL_ENABLE);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_TIMER);
    ck_assert_uint_eq(m[SD + SD_TIR], SAE_TIR_VIRT);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);
    ck_assert_uint_eq(ld_be32(m + SD + SD_CNTV_CTL), CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}
END_TEST

START_TEST(test_vregs_mapping)
{
    /* guest: mov x0, v1.d[0] (umov x0, v1.d[0] = 0x4E083C20) ; hvc #0 */
    static const uint32_t g[] = { 0x4E083C20, 0xD4000002 };
    guest(GCODE, g, 2);
    cpu.vr[1].d[0] = 0x1111111111111111ull;   /* leftmost: Arm V1 bits 127:64 */
    cpu.vr[1].d[1] = 0x2222222222222222ull;   /* Arm V1.D[0] (MD-41) */
    lasrm();
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    ck_assert_uint_eq(ld_be64(m + SD + SD_GPR(0)), 0x2222222222222222ull);
    ck_assert_uint_eq(cpu.vr[1].d[0], 0x1111111111111111ull);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-glue");
    TCase *tc = tcase_create("glue");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_qaaf_and_ptff);
    tcase_add_test(tc, test_not_installed);
    tcase_add_test(tc, test_validity_without_lasrm);
    tcase_add_test(tc, test_hvc_roundtrip);
    tcase_add_test(tc, test_limit_and_wfi_and_timer);
    tcase_add_test(tc, test_vregs_mapping);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
