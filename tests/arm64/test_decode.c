/* Unit tests of the decode table: every pattern is well formed, known encodings decode to the right
 * entry with the right metadata, unallocated encodings decode to the unallocated entry. */
#include <check.h>
#include <stdlib.h>

#include "arm64/decode.h"
#include "arm64/cpu_model.h"
#include "arm64/cpu.h"

START_TEST(table_well_formed)
{
    unsigned n;
    const struct arm64_insn *t = arm64_decode_table(&n);
    ck_assert_uint_gt(n, 100);
    for (unsigned i = 0; i < n; i++) {
        ck_assert_ptr_nonnull(t[i].exec);
        ck_assert_uint_eq(t[i].match & ~t[i].mask, 0);
        /* each entry is reachable: its own match word decodes to it or to an earlier, more specific one */
        const struct arm64_insn *e = arm64_decode(t[i].match);
        ck_assert(e <= &t[i] || arm64_insn_unallocated(e));
    }
}
END_TEST

static const char *name_of(uint32_t insn) { return arm64_insn_name(arm64_decode(insn)); }

START_TEST(known_encodings)
{
    ck_assert_str_eq(name_of(0x8b020020), "add");        /* add x0, x1, x2 */
    ck_assert_str_eq(name_of(0x91000420), "add");        /* add x0, x1, #1 */
    ck_assert_str_eq(name_of(0xf1000421), "subs");       /* subs x1, x1, #1 */
    ck_assert_str_eq(name_of(0xd2800000), "movz");
    ck_assert_str_eq(name_of(0xf2a00000), "movk");
    ck_assert_str_eq(name_of(0xd65f03c0), "ret");
    ck_assert_str_eq(name_of(0x94000000), "bl");
    ck_assert_str_eq(name_of(0x54000000), "b.cond");
    ck_assert_str_eq(name_of(0xd4000001), "svc");
    ck_assert_str_eq(name_of(0xd503207f), "wfi");
    ck_assert_str_eq(name_of(0xd5033fdf), "isb");
    ck_assert_str_eq(name_of(0xd5381000), "mrs");        /* mrs x0, sctlr_el1 */
    ck_assert_str_eq(name_of(0xd5181000), "msr");
    ck_assert_str_eq(name_of(0xd508871f), "sys");        /* tlbi vmalle1 */
    ck_assert_str_eq(name_of(0xf9400020), "ldr");        /* ldr x0, [x1] */
    ck_assert_str_eq(name_of(0x38401420), "ldrb");       /* ldrb w0, [x1], #1 */
    ck_assert_str_eq(name_of(0xb8a16820), "ldrsw");      /* ldrsw x0, [x1, x1] */
    ck_assert_str_eq(name_of(0xa9bf7bfd), "stp (pre)");  /* stp x29, x30, [sp, #-16]! */
    ck_assert_str_eq(name_of(0xc85f7c20), "ldxr");
    ck_assert_str_eq(name_of(0xc89ffc20), "stlr");
    ck_assert_str_eq(name_of(0xf8200020), "ldadd");
    ck_assert_str_eq(name_of(0xf8a08020), "swp");
    ck_assert_str_eq(name_of(0xc8a07c20), "cas");
    ck_assert_str_eq(name_of(0x48207c20), "casp");
    ck_assert_str_eq(name_of(0x9ac14c20), "crc32x");
    ck_assert_str_eq(name_of(0x3dc00020), "ldr/str (simd&fp)"); /* ldr q0, [x1] */
    ck_assert_str_eq(name_of(0x1e202800), "simd&fp");    /* fadd s0, s0, s0 */
}
END_TEST

START_TEST(unallocated)
{
    ck_assert(arm64_insn_unallocated(arm64_decode(0x00000000)));   /* UDF */
    ck_assert(arm64_insn_unallocated(arm64_decode(0x1ac14c20)));   /* CRC32X with sf = 0 */
    ck_assert(arm64_insn_unallocated(arm64_decode(0xd5280000)) == false); /* SYSL: decoded, UNDEFINED in exec */
    ck_assert(arm64_insn_unallocated(arm64_decode(0x78a0c020)));   /* LDAPRH (v8.3): not offered */
    ck_assert(arm64_insn_unallocated(arm64_decode(0x08800000)));   /* STLLRB (LOR): not offered */
    ck_assert(arm64_insn_unallocated(arm64_decode(0x68800000)));   /* STGP (MTE): opc 01, L = 0 */
    ck_assert(arm64_insn_unallocated(arm64_decode(0xd65f0bff)));   /* RETAA (PAuth) */
    ck_assert(arm64_insn_unallocated(arm64_decode(0x3a000000)) == false); /* ADCS */
}
END_TEST

START_TEST(metadata)
{
    const struct arm64_insn *e = arm64_decode(0xa9bf7bfd); /* stp x29, x30, [sp, #-16]! */
    ck_assert(e->flags & ARM64_F_STORE);
    ck_assert_uint_eq(arm64_insn_access_size(e, 0xa9bf7bfd), 8);
    uint8_t r[8], w[8];
    unsigned nr, nw;
    arm64_insn_regs(e, 0xa9bf7bfd, r, &nr, w, &nw);
    ck_assert_uint_eq(nr, 3);
    ck_assert_uint_eq(r[0], ARM64_REG_SP);
    ck_assert_uint_eq(r[1], 29);
    ck_assert_uint_eq(r[2], 30);
    ck_assert_uint_eq(nw, 1);
    ck_assert_uint_eq(w[0], ARM64_REG_SP);
    e = arm64_decode(0xd69f03e0); /* eret */
    ck_assert(arm64_insn_privileged(e));
    ck_assert(arm64_insn_ends_bb(e));
    e = arm64_decode(0x38401420); /* ldrb w0, [x1], #1 */
    ck_assert_uint_eq(arm64_insn_access_size(e, 0x38401420), 1);
    e = arm64_decode(0x78200020); /* ldaddh w0, w0, [x1] */
    ck_assert_uint_eq(arm64_insn_access_size(e, 0x78200020), 2);
    e = arm64_decode(0xeb01001f); /* cmp x0, x1 */
    ck_assert(e->flags & ARM64_F_NZCV_W);
    ck_assert_uint_eq(arm64_insn_class(e), ARM64_C_DP_REG);
}
END_TEST

START_TEST(model_values)
{
    ck_assert_uint_eq(arm64_model_qaaf_value(0x02), 0x000F0000);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x07), 0x80000000);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x22), 0x1100000001000011ULL);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x2A), 0x101006);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x32), 0x210000);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x3A), 0x100025);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x42), 1000000000);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x43), 0x9444C004);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x4A), 0x8000000000000000ULL);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x4C), 0x90100003);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x01), 0);
    ck_assert_uint_eq(arm64_model_qaaf_value(0x1FD), 0);
    uint64_t v = 1;
    ck_assert(arm64_model_lookup(ARM64_SYSREG_ENC(3, 0, 0, 6, 0), &v));
    ck_assert_uint_eq(v, 0x210000);
    ck_assert(arm64_model_id_space(ARM64_SYSREG_ENC(3, 0, 0, 3, 3)));
    ck_assert(!arm64_model_id_space(ARM64_SYSREG_ENC(3, 0, 1, 0, 0)));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("arm64_decode");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, table_well_formed);
    tcase_add_test(tc, known_encodings);
    tcase_add_test(tc, unallocated);
    tcase_add_test(tc, metadata);
    tcase_add_test(tc, model_values);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
