/* LASRM / STIASRM / SASR / EASR over a fake storage environment (sae-architecture §3.1, §3.3-§3.5):
 * round trips of every register id in both M4 modes and every program-exception condition. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "sae/regids.h"
#include "sae/sa.h"
#include "sae/sd.h"
#include "fake_env.h"

#define SA_ADDR  0x10000ull
#define SA2_ADDR 0x11000ull
#define SD_ADDR  0x20000ull

static struct sae_context ctx;

static uint8_t *sa_img(void) { return fmem.mem + SA_ADDR; }
static uint8_t *sd_img(void) { return fmem.mem + SD_ADDR; }

static void setup(void)
{
    fake_env_init();
    memset(&ctx, 0, sizeof(ctx));
    st_be64(sa_img() + SA_SDO, SD_ADDR);
    st_be64(fmem.mem + SA2_ADDR + SA_SDO, SD_ADDR);
}

static uint64_t val_for(size_t i) { return 0x0123456789ABCDEFull ^ (0x1111111111111111ull * (i + 1)); }

static uint64_t expect_read(const struct sae_regid *r, uint64_t v)
{
    return r->size == 4 ? (uint32_t)v : v;
}

/* ---- round trips ---- */

static void roundtrip(unsigned m4)
{
    for (size_t i = 0; i < sae_regids_count; i++) {
        const struct sae_regid *r = &sae_regids[i];
        uint64_t v = val_for(i), out = 0;
        ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, v, 3, SA_ADDR, r->i2, m4), 0);
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, r->i2, m4), 0);
        ck_assert_msg(out == expect_read(r, v), "%s m4=%u: %llx", r->name, m4, (unsigned long long)out);
        if (r->kind == SAE_RK_SD) /* the value lives in the SD at sdo in both modes (MD-16) */
            ck_assert_uint_eq(ld_be(sd_img() + r->sd_off, r->size), expect_read(r, v));
    }
}

/* The image after writing val_for(i) to every id in table order: OSLAR (slot 10, after OSLSR
 * slot 8) has set OSLSR.OSLK from its bit 0. */
static void check_image(const uint8_t *sa)
{
    for (size_t i = 0; i < sae_regids_count; i++) {
        const struct sae_regid *r = &sae_regids[i];
        if (r->kind == SAE_RK_SD)
            continue;
        uint64_t want = val_for(i);
        if (r->slot == SAE_SLOT_OSLSR_EL1) {
            uint64_t oslar = val_for(10);
            want = (want & ~2ull) | ((oslar & 1) << 1);
        }
        ck_assert_msg(ld_be64(sa + SA_SLOT_OFF(r->slot)) == want, "%s", r->name);
    }
}

START_TEST(test_roundtrip_loaded)
{
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    uint8_t before[SAE_SA_SIZE];
    memcpy(before, sa_img(), SAE_SA_SIZE);
    roundtrip(0);
    /* M4 = 0 does not touch the SA in storage */
    ck_assert_int_eq(memcmp(before, sa_img(), SAE_SA_SIZE), 0);
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    check_image(sa_img());
    ck_assert_uint_eq(ld_be16(sa_img() + SA_SAS), SAE_SAS_VALID);
    ck_assert(!ctx.valid);
    /* and back in: LASRM of the stored image gives the same values */
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 5, SA_ADDR), 0);
    for (size_t i = 0; i < sae_regids_count; i++) {
        const struct sae_regid *r = &sae_regids[i];
        uint64_t out;
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, r->i2, 0), 0);
        uint64_t want = r->slot == SAE_SLOT_OSLSR_EL1 && r->kind != SAE_RK_SD
                        ? ld_be64(sa_img() + SA_SLOT_OFF(8)) : expect_read(r, val_for(i));
        ck_assert_uint_eq(out, want);
    }
}
END_TEST

START_TEST(test_roundtrip_memory)
{
    roundtrip(8);
    check_image(sa_img());
    ck_assert(!ctx.valid);
    /* memory mode while the same SA is loaded: the context is not affected (no coherence, MD-14) */
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    uint64_t loaded = ctx.regs[SAE_SLOT_SCTLR_EL1];
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 0xDEAD, 3, SA_ADDR, 0xC080, 8), 0);
    ck_assert_uint_eq(ctx.regs[SAE_SLOT_SCTLR_EL1], loaded);
    ck_assert_uint_eq(ld_be64(sa_img() + SA_SLOT_OFF(11)), 0xDEAD);
    /* a later STIASRM overwrites the image */
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    ck_assert_uint_eq(ld_be64(sa_img() + SA_SLOT_OFF(11)), loaded);
}
END_TEST

START_TEST(test_sd_held_4byte)
{
    const struct sae_regid *r = sae_regid_lookup(0xDF11);   /* CNTP_CTL_EL0 */
    memset(sd_img() + 0x10C, 0xAA, 12);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 0xFFFFFFFF00000005ull, 7, SA_ADDR, r->i2, 8), 0);
    ck_assert_uint_eq(ld_be32(sd_img() + 0x110), 5);              /* bits 32-63 of GR R1 */
    ck_assert_uint_eq(ld_be32(sd_img() + 0x10C), 0xAAAAAAAA);     /* neighbours untouched */
    ck_assert_uint_eq(ld_be32(sd_img() + 0x114), 0xAAAAAAAA);
    uint64_t out = ~0ull;
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 7, SA_ADDR, 0xDF19, 8), 0);
    ck_assert_uint_eq(out, 0xAAAAAAAA);                           /* zero-extended */
}
END_TEST

START_TEST(test_sd_held_prefix)
{
    /* sdo is a real address: prefixing applies (MD-9). sdo 0x1000 with prefix 0x40000 -> 0x41000. */
    fenv.mode.prefix = 0x40000;
    st_be64(sa_img() + SA_SDO, 0x1000);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 0x5555, 1, SA_ADDR, 0xE208, 8), 0);   /* SP_EL1 */
    ck_assert_uint_eq(ld_be64(fmem.mem + 0x41000 + SD_SP_EL1), 0x5555);
    ck_assert_uint_eq(ld_be64(fmem.mem + 0x1000 + SD_SP_EL1), 0);
}
END_TEST

START_TEST(test_oslar)
{
    uint64_t out;
    for (unsigned m4 = 0; m4 <= 8; m4 += 8) {
        setup();
        if (m4 == 0)
            ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0);
        ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 0x8, 3, SA_ADDR, SAE_I2_OSLSR_EL1, m4), 0);
        ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 0x1, 3, SA_ADDR, SAE_I2_OSLAR_EL1, m4), 0);
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, SAE_I2_OSLSR_EL1, m4), 0);
        ck_assert_uint_eq(out, 0xA);                                  /* OSLK set */
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, SAE_I2_OSLAR_EL1, m4), 0);
        ck_assert_uint_eq(out, 0x1);                                  /* last value written */
        ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 0xFFFE, 3, SA_ADDR, SAE_I2_OSLAR_EL1, m4), 0);
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, SAE_I2_OSLSR_EL1, m4), 0);
        ck_assert_uint_eq(out, 0x8);                                  /* OSLK cleared */
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, SAE_I2_OSLAR_EL1, m4), 0);
        ck_assert_uint_eq(out, 0xFFFE);
    }
}
END_TEST

START_TEST(test_lasrm_semantics)
{
    /* zero-filled SA accepted; sas ignored; SA not modified; context replaced silently */
    uint8_t before[SAE_SA_SIZE];
    for (unsigned s = 0; s < SA_NSLOTS; s++)
        st_be64(sa_img() + SA_SLOT_OFF(s), 0x1000 + s);
    st_be16(sa_img() + SA_SAS, 0x7777);
    memcpy(before, sa_img(), SAE_SA_SIZE);
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    ck_assert_int_eq(memcmp(before, sa_img(), SAE_SA_SIZE), 0);
    ck_assert(ctx.valid);
    ck_assert_uint_eq(ctx.sa_abs, SA_ADDR);
    ck_assert_uint_eq(ctx.sdo, SD_ADDR);
    for (unsigned s = 0; s < SA_NSLOTS; s++)
        ck_assert_uint_eq(ctx.regs[s], 0x1000 + s);    /* all 508 slots, private ones included */
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA2_ADDR), 0);   /* zero SA, replaces */
    ck_assert_uint_eq(ctx.sa_abs, SA2_ADDR);
    ck_assert_uint_eq(ctx.regs[5], 0);
    /* logical != absolute: the context records the absolute address */
    fmem.dat_off = 0x3000;
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR + 0x3000), 0);
    ck_assert_uint_eq(ctx.sa_abs, SA_ADDR);
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR + 0x3000), 0);
}
END_TEST

START_TEST(test_stiasrm_semantics)
{
    memset(sa_img(), 0x5A, 0x20);
    sa_img()[SA_SAF] = 0;
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    for (unsigned s = 0; s < SA_NSLOTS; s++)
        ctx.regs[s] = ~(uint64_t)s;
    uint8_t hdr[0x20];
    memcpy(hdr, sa_img(), 0x20);
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), 0);
    for (unsigned s = 0; s < SA_NSLOTS; s++)
        ck_assert_uint_eq(ld_be64(sa_img() + SA_SLOT_OFF(s)), ~(uint64_t)s);
    ck_assert_uint_eq(ld_be16(sa_img() + SA_SAS), SAE_SAS_VALID);
    /* saf, bytes 1-5, sdo and 0x10-0x1F unchanged (MD-13) */
    ck_assert_int_eq(memcmp(hdr, sa_img(), 6), 0);
    ck_assert_int_eq(memcmp(hdr + 8, sa_img() + 8, 0x18), 0);
    ck_assert(!ctx.valid);
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), SAE_PX_SPECIFICATION);
}
END_TEST

/* ---- program exceptions ---- */

struct op_case { const char *name; int op; };
enum { OP_LASRM, OP_STIASRM, OP_SASR, OP_EASR, OP_N };

static uint16_t run_op(int op, unsigned rfield, uint64_t addr, uint16_t i2, unsigned m4)
{
    uint64_t out = 0x77;
    uint16_t px;
    switch (op) {
    case OP_LASRM: return sae_exec_lasrm(&ctx, &fenv, rfield, addr);
    case OP_STIASRM: return sae_exec_stiasrm(&ctx, &fenv, rfield, addr);
    case OP_SASR: return sae_exec_sasr(&ctx, &fenv, 1, rfield, addr, i2, m4);
    default:
        px = sae_exec_easr(&ctx, &fenv, &out, rfield, addr, i2, m4);
        if (px)
            ck_assert_uint_eq(out, 0x77);   /* GR R1 untouched on an exception */
        return px;
    }
}

static void load_ctx(void)
{
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0);
}

START_TEST(test_px_common)
{
    for (int op = 0; op < OP_N; op++) {
        setup();
        load_ctx();
        fenv.mode.aef_installed = false;
        fenv.mode.problem_state = true;
        fenv.mode.amode64 = false;
        ck_assert_uint_eq(run_op(op, 0, 0x123, 0x1234, 7), SAE_PX_OPERATION);    /* MD-2 first */
        fenv.mode.aef_installed = true;
        ck_assert_uint_eq(run_op(op, 0, 0x123, 0x1234, 7), SAE_PX_PRIVILEGED);   /* then MD-1 */
        fenv.mode.problem_state = false;
        ck_assert_uint_eq(run_op(op, 2, SA_ADDR, 0xC080, 0), SAE_PX_SPECIFICATION); /* MD-7 */
        fenv.mode.amode64 = true;
        ck_assert_uint_eq(run_op(op, 0, SA_ADDR, 0xC080, 0), SAE_PX_SPECIFICATION); /* MD-5 */
        ck_assert_uint_eq(run_op(op, 2, SA_ADDR + 8, 0xC080, 0), SAE_PX_SPECIFICATION); /* MD-8 */
        ck_assert_uint_eq(run_op(op, 2, SA_ADDR | 0x800, 0xC080, 0), SAE_PX_SPECIFICATION);
        ck_assert_uint_eq(fmem.translations, 1);   /* only the LASRM of load_ctx translated */
        ck_assert_uint_eq(run_op(op, 2, SA_ADDR, 0xC080, 0), SAE_PX_NONE);
    }
    /* the pure check for SAE itself */
    struct sae_cpu_mode m = { true, false, true, 0 };
    ck_assert_uint_eq(sae_check_rre(&m, 2, 0x20000), 0);
    ck_assert_uint_eq(sae_check_rre(&m, 0, 0x20000), SAE_PX_SPECIFICATION);
    ck_assert_uint_eq(sae_check_rre(&m, 2, 0x20010), SAE_PX_SPECIFICATION);
    m.problem_state = true;
    ck_assert_uint_eq(sae_check_rre(&m, 2, 0x20000), SAE_PX_PRIVILEGED);
    m.aef_installed = false;
    ck_assert_uint_eq(sae_check_rre(&m, 2, 0x20000), SAE_PX_OPERATION);
}
END_TEST

START_TEST(test_px_asr_fields)
{
    load_ctx();
    /* R1 = 0 is allowed for SASR/EASR (MD-5 names R3 only) */
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, 0), 0);
    uint64_t out;
    for (unsigned m4 = 0; m4 < 16; m4++) {
        uint16_t want = (m4 == 0 || m4 == 8) ? 0 : SAE_PX_SPECIFICATION;   /* MD-14 */
        ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, m4), want);
        ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xC080, m4), want);
    }
    static const uint16_t bad[] = { 0, 0xC005, 0xD000, 0xC518, 0x8004, 0xE664, 0xFFFF };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        for (unsigned m4 = 0; m4 <= 8; m4 += 8) {
            ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, bad[i], m4), SAE_PX_SPECIFICATION);
            ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, bad[i], m4), SAE_PX_SPECIFICATION);
        }
}
END_TEST

START_TEST(test_px_loaded_mode)
{
    uint64_t out;
    /* no context: STIASRM and M4 = 0 accesses are specification, before any access (MD-11) */
    fmem.fault_page = SA_ADDR;
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), SAE_PX_SPECIFICATION);
    fmem.fault_page = ~0ull;
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, 0), SAE_PX_SPECIFICATION);
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xE660, 0), SAE_PX_SPECIFICATION);
    /* a context of another SA */
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA2_ADDR), 0);
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), SAE_PX_SPECIFICATION);
    ck_assert(ctx.valid);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, 0), SAE_PX_SPECIFICATION);
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xC681, 0), SAE_PX_SPECIFICATION);
    /* mismatch wins over a protection exception of the store */
    fmem.prot_page = SA_ADDR;
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), SAE_PX_SPECIFICATION);
    /* the matching SA on a protected page: protection */
    fmem.prot_page = SA2_ADDR;
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA2_ADDR), 0x0004);
    ck_assert(ctx.valid);                 /* suppressed: still loaded */
    /* the same SA through another logical address with the same absolute address is a match */
    fmem.prot_page = ~0ull;
    fmem.dat_off = 0x5000;
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA2_ADDR + 0x5000, 0xC080, 0), 0);
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA2_ADDR, 0xC080, 0), SAE_PX_SPECIFICATION);
}
END_TEST

START_TEST(test_px_saf_sdo)
{
    uint64_t out;
    sa_img()[SA_SAF] = 1;
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), SAE_PX_SPECIFICATION);  /* MD-12 */
    ck_assert(!ctx.valid);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, 8), SAE_PX_SPECIFICATION);
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xC080, 8), SAE_PX_SPECIFICATION);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xE208, 8), SAE_PX_SPECIFICATION);
    sa_img()[SA_SAF] = 0;
    /* sdo = 0: SD-held ids fail in both modes, slot ids still work (MD-16, MD-59) */
    st_be64(sa_img() + SA_SDO, 0);
    load_ctx();
    for (size_t i = 0; i < sae_regids_count; i++) {
        const struct sae_regid *r = &sae_regids[i];
        uint16_t want = r->kind == SAE_RK_SD ? SAE_PX_SPECIFICATION : 0;
        for (unsigned m4 = 0; m4 <= 8; m4 += 8) {
            ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, r->i2, m4), want);
            ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, r->i2, m4), want);
        }
    }
    /* sdo outside configured storage: addressing (the only exception of a real access) */
    st_be64(sa_img() + SA_SDO, FAKE_MEM_SIZE);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xE660, 8), SAE_PX_ADDRESSING);
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xE660, 0), SAE_PX_ADDRESSING);
}
END_TEST

START_TEST(test_px_access)
{
    uint64_t out;
    /* DAT exceptions of the operand propagate with their PIC */
    fmem.fault_page = SA_ADDR;
    fmem.fault_pic = 0x0011;
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, SA_ADDR), 0x0011);
    ck_assert(!ctx.valid);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, 8), 0x0011);
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xC080, 8), 0x0011);
    fmem.fault_page = ~0ull;
    /* store protection: memory-mode SASR fails, EASR (fetch) works */
    fmem.prot_page = SA_ADDR;
    st_be64(sa_img() + SA_SLOT_OFF(11), 0x99);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xC080, 8), 0x0004);
    ck_assert_uint_eq(ld_be64(sa_img() + SA_SLOT_OFF(11)), 0x99);    /* suppressed */
    ck_assert_uint_eq(sae_exec_easr(&ctx, &fenv, &out, 3, SA_ADDR, 0xC080, 8), 0);
    ck_assert_uint_eq(out, 0x99);
    /* an SD-held SASR in memory mode only fetches from the SA: not affected by its protection */
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, SA_ADDR, 0xE208, 8), 0);
    fmem.prot_page = ~0ull;
    /* SA outside storage */
    ck_assert_uint_eq(sae_exec_lasrm(&ctx, &fenv, 2, FAKE_MEM_SIZE), SAE_PX_ADDRESSING);
    ck_assert_uint_eq(sae_exec_sasr(&ctx, &fenv, 1, 3, FAKE_MEM_SIZE, 0xC080, 8), SAE_PX_ADDRESSING);
}
END_TEST

START_TEST(test_reset_discards)
{
    load_ctx();
    sae_ctx_discard(&ctx);
    ck_assert_uint_eq(sae_exec_stiasrm(&ctx, &fenv, 2, SA_ADDR), SAE_PX_SPECIFICATION);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-context");
    TCase *tc = tcase_create("context");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_roundtrip_loaded);
    tcase_add_test(tc, test_roundtrip_memory);
    tcase_add_test(tc, test_sd_held_4byte);
    tcase_add_test(tc, test_sd_held_prefix);
    tcase_add_test(tc, test_oslar);
    tcase_add_test(tc, test_lasrm_semantics);
    tcase_add_test(tc, test_stiasrm_semantics);
    tcase_add_test(tc, test_px_common);
    tcase_add_test(tc, test_px_asr_fields);
    tcase_add_test(tc, test_px_loaded_mode);
    tcase_add_test(tc, test_px_saf_sdo);
    tcase_add_test(tc, test_px_access);
    tcase_add_test(tc, test_reset_discards);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
