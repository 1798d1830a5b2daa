/* Disassembly of the SAE-family opcodes (sae-architecture §3.2-§3.6). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/disas.h"
#include "sae/insn_names.h"
#include "sae/regids.h"

static char buf[128];

static unsigned dis(const uint8_t *code, size_t len)
{
    memset(buf, 0, sizeof(buf));
    return sae_disas(0x1000, code, len, buf, sizeof(buf));
}

/* Assemble SASR/EASR by the byte layout of §3.5. */
static void rie_h(uint8_t *c, uint8_t op, unsigned r1, unsigned r3, uint16_t i2, unsigned m4)
{
    c[0] = 0xED;
    c[1] = (uint8_t)(r1 << 4);
    c[2] = (uint8_t)(r3 << 4 | i2 >> 12);
    c[3] = (uint8_t)((i2 >> 4) & 0xFF);
    c[4] = (uint8_t)((i2 & 0xF) << 4 | m4);
    c[5] = op;
}

START_TEST(test_rre)
{
    static const uint8_t sae[] = { 0xB9, 0xA5, 0x00, 0x20 };
    ck_assert_uint_eq(dis(sae, 4), 4);
    ck_assert_str_eq(buf, "sae %r2");
    static const uint8_t sae_r2[] = { 0xB9, 0xA5, 0xFF, 0x2F };   /* ignored bits 16-23 and R2 */
    ck_assert_uint_eq(dis(sae_r2, 4), 4);
    ck_assert_str_eq(buf, "sae %r2");
    static const uint8_t lasrm[] = { 0xB9, 0xA6, 0x00, 0x50 };
    ck_assert_uint_eq(dis(lasrm, 4), 4);
    ck_assert_str_eq(buf, "lasrm %r5");
    static const uint8_t stiasrm[] = { 0xB9, 0xA7, 0x00, 0xF0 };
    ck_assert_uint_eq(dis(stiasrm, 4), 4);
    ck_assert_str_eq(buf, "stiasrm %r15");
    static const uint8_t qaaf[] = { 0xB9, 0xAD, 0x00, 0x10 };
    ck_assert_uint_eq(dis(qaaf, 4), 4);
    ck_assert_str_eq(buf, "qaaf %r1");
    /* neighbours and short buffers are not ours */
    static const uint8_t other[] = { 0xB9, 0xA8, 0x00, 0x10 };
    ck_assert_uint_eq(dis(other, 4), 0);
    ck_assert_uint_eq(dis(sae, 3), 0);
    static const uint8_t lghi[] = { 0xA7, 0x29, 0x00, 0x01 };
    ck_assert_uint_eq(dis(lghi, 4), 0);
}
END_TEST

START_TEST(test_rie_h)
{
    /* the spec's example: SASR 2,3,0xE088,0 = ED 20 3E 08 80 99 */
    static const uint8_t ex[] = { 0xED, 0x20, 0x3E, 0x08, 0x80, 0x99 };
    ck_assert_uint_eq(dis(ex, 6), 6);
    ck_assert_str_eq(buf, "sasr %r2,%r3,SAE_HCR_EL2,0");
    uint8_t c[6];
    rie_h(c, 0x9B, 4, 9, 0xC201, 8);
    ck_assert_uint_eq(dis(c, 6), 6);
    ck_assert_str_eq(buf, "easr %r4,%r9,ELR_EL1,8");
    rie_h(c, 0x99, 0, 1, 0x1234, 0);                 /* unknown id: hex */
    dis(c, 6);
    ck_assert_str_eq(buf, "sasr %r0,%r1,0x1234,0");
    c[1] |= 0x0F;                                    /* bits 12-15 ignored */
    ck_assert_uint_eq(dis(c, 6), 6);
    ck_assert_str_eq(buf, "sasr %r0,%r1,0x1234,0");
    ck_assert_uint_eq(dis(c, 5), 0);                 /* needs 6 bytes */
    rie_h(c, 0x98, 1, 1, 0xE088, 0);                 /* ED..98 is not SASR */
    ck_assert_uint_eq(dis(c, 6), 0);
    /* every accepted id disassembles to its name and decodes back to the same fields */
    for (size_t i = 0; i < sae_regids_count; i++) {
        rie_h(c, 0x99, (unsigned)i % 16, 3, sae_regids[i].i2, 8);
        ck_assert_uint_eq(dis(c, 6), 6);
        char want[96];
        snprintf(want, sizeof(want), "sasr %%r%u,%%r3,%s,8", (unsigned)i % 16, sae_regids[i].name);
        ck_assert_str_eq(buf, want);
        struct sae_insn_fields f;
        sae_insn_fields(sae_insn_decode(c, 6), c, &f);
        ck_assert_uint_eq(f.i2, sae_regids[i].i2);
        ck_assert_uint_eq(f.r1, (unsigned)i % 16);
        ck_assert_uint_eq(f.r3, 3);
        ck_assert_uint_eq(f.m4, 8);
    }
}
END_TEST

START_TEST(test_metadata)
{
    for (unsigned i = 0; i < SAE_INSN_COUNT; i++)
        ck_assert(sae_insns[i].flags & SAE_IF_PRIV);              /* MD-1 */
    ck_assert(sae_insns[SAE_INSN_EASR].flags & SAE_IF_WR_R1);
    ck_assert(!(sae_insns[SAE_INSN_SASR].flags & SAE_IF_WR_R1));
    ck_assert(sae_insns[SAE_INSN_QAAF].flags & SAE_IF_RD_GR0);
    ck_assert(sae_insns[SAE_INSN_SAE].flags & SAE_IF_ENDS_BLOCK);
    ck_assert_uint_eq(sae_insns[SAE_INSN_SASR].len, 6);
    ck_assert_uint_eq(sae_insns[SAE_INSN_QAAF].opcode, 0xB9AD);
    /* the function has the core/disas.h hook type */
    disas_hook_fn fn = sae_disas;
    ck_assert_ptr_nonnull(fn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-insn-names");
    TCase *tc = tcase_create("insn_names");
    tcase_add_test(tc, test_rre);
    tcase_add_test(tc, test_rie_h);
    tcase_add_test(tc, test_metadata);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
