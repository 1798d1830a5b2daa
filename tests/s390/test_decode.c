/* Decoder tests: every table row decodes back to itself, format field extraction (long
 * displacement sign, RXB vector bits, RIE-h), registration of extension rows, disassembly. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "s390/decode.h"

/* Bytes of an instruction with all fields zero and the row's opcode in place. */
static void encode_opcode(const struct s390_insn *row, uint8_t *b)
{
    memset(b, 0, 6);
    uint8_t op = (uint8_t)(row->opcode >> 8), ext = (uint8_t)row->opcode;
    b[0] = op;
    switch (op) {
    case 0x01: case 0xB2: case 0xB3: case 0xB9: case 0xE5: b[1] = ext; break;
    case 0xA5: case 0xA7: case 0xC0: case 0xC2: case 0xC4: case 0xC6: case 0xC8: case 0xCC: b[1] = ext & 0xF; break;
    case 0xE3: case 0xE7: case 0xEB: case 0xEC: case 0xED: b[5] = ext; break;
    default: break;
    }
}

static unsigned nrows, nbad;
static void roundtrip(const struct s390_insn *row, void *opaque)
{
    (void)opaque;
    uint8_t b[6];
    struct s390_args a;
    encode_opcode(row, b);
    nrows++;
    if (s390_decode(b, &a) != row) {
        nbad++;
        fprintf(stderr, "row %s (%04x) does not decode back\n", row->mnemonic, row->opcode);
    }
    if (!row->exec || !row->mnemonic)
        nbad++;
}

START_TEST(every_row_round_trips)
{
    s390_decode_init();
    s390_for_each_insn(roundtrip, NULL);
    ck_assert_uint_gt(nrows, 500);
    ck_assert_uint_eq(nbad, 0);
}
END_TEST

START_TEST(rxy_long_displacement_is_signed)
{
    /* lg %r1,-0x7ba(%r2,%r3): DL = 0x846, DH = 0xff -> 0xff846 = -1978 */
    const uint8_t b[6] = { 0xE3, 0x12, 0x38, 0x46, 0xFF, 0x04 };
    struct s390_args a;
    const struct s390_insn *row = s390_decode(b, &a);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(row->mnemonic, "lg");
    ck_assert_uint_eq(a.r1, 1);
    ck_assert_uint_eq(a.x2, 2);
    ck_assert_uint_eq(a.b2, 3);
    ck_assert_int_eq(a.d2, -1978);
    ck_assert_uint_eq(a.ilen, 6);
    ck_assert_int_eq(row->fmt, FMT_RXYa);
}
END_TEST

START_TEST(vector_rxb_extends_registers)
{
    /* vl %v17,0(%r2): V1 field 1, RXB bit 0 set */
    const uint8_t b[6] = { 0xE7, 0x10, 0x20, 0x00, 0x08, 0x06 };
    struct s390_args a;
    const struct s390_insn *row = s390_decode(b, &a);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(row->mnemonic, "vl");
    ck_assert_uint_eq(a.v1, 17);
    ck_assert_uint_eq(a.b2, 2);
    ck_assert(row->flags & IF_VR);
}
END_TEST

static void fake_exec(struct s390_cpu *c, const struct s390_args *a) { (void)c; (void)a; }
static const struct s390_insn ext_rows[] = {
    { 0xED99, "sasr", FMT_RIEh, fake_exec, IF_PRIV | IF_R1_R | IF_R3_R, 0 },
    { 0xB9A5, "sae", FMT_RRE, fake_exec, IF_PRIV | IF_R1_R | IF_BRANCH, 0 },
};
static const struct s390_insn bad_row[] = {
    { 0xB9A6, "lasrm", FMT_RIEh, fake_exec, IF_PRIV, 0 }, /* RIE-h cannot live under B9 */
};

START_TEST(registered_rie_h_decodes_and_disassembles)
{
    ck_assert_int_eq(s390_register_insn(ext_rows, 2), 0);
    ck_assert_int_eq(s390_register_insn(bad_row, 1), -1);
    /* sae-architecture 3.5 example: SASR 2,3,0xE088,0 = ED 20 3E 08 80 99 */
    const uint8_t b[6] = { 0xED, 0x20, 0x3E, 0x08, 0x80, 0x99 };
    struct s390_args a;
    const struct s390_insn *row = s390_decode(b, &a);
    ck_assert_ptr_eq(row, &ext_rows[0]);
    ck_assert_uint_eq(a.r1, 2);
    ck_assert_uint_eq(a.r3, 3);
    ck_assert_uint_eq(a.i2, 0xE088);
    ck_assert_uint_eq(a.m4, 0);
    char text[64];
    ck_assert_uint_eq(s390_disas(0, b, 6, text, sizeof(text)), 6);
    ck_assert_str_eq(text, "sasr %r2,%r3,0xe088,0");
    const uint8_t sae[4] = { 0xB9, 0xA5, 0x00, 0x20 };
    row = s390_decode(sae, &a);
    ck_assert_ptr_eq(row, &ext_rows[1]);
    ck_assert_uint_eq(a.r1, 2);
}
END_TEST

START_TEST(disassembly_of_builtin_rows)
{
    char text[64];
    const uint8_t ar[2] = { 0x1A, 0x12 };
    ck_assert_uint_eq(s390_disas(0, ar, 2, text, sizeof(text)), 2);
    ck_assert_str_eq(text, "ar %r1,%r2");
    const uint8_t brasl[6] = { 0xC0, 0xE5, 0x00, 0x00, 0x00, 0x10 };
    ck_assert_uint_eq(s390_disas(0x1000, brasl, 6, text, sizeof(text)), 6);
    ck_assert_str_eq(text, "brasl %r14,0x1020");
    const uint8_t unknown[2] = { 0x00, 0x00 };
    ck_assert_uint_eq(s390_disas(0, unknown, 2, text, sizeof(text)), 0);
}
END_TEST

START_TEST(metadata_flags)
{
    ck_assert(s390_lookup(0xB2B2)->flags & IF_PRIV);       /* lpswe */
    ck_assert(s390_lookup(0xB2B2)->flags & IF_ENDS_BLOCK);
    ck_assert(s390_lookup(0xA704)->flags & IF_BRANCH);     /* brc */
    ck_assert(s390_lookup(0x1A00)->flags & IF_SETS_CC);    /* ar */
    ck_assert(!(s390_lookup(0x1800)->flags & IF_SETS_CC)); /* lr */
    ck_assert(s390_lookup(0xB986)->flags & IF_R1_PAIR);    /* mlgr */
    ck_assert_uint_eq(s390_lookup(0xE304)->memsz, 8);      /* lg */
    ck_assert(s390_lookup(0xE324)->flags & IF_MEM_W);      /* stg */
    ck_assert_str_eq(s390_fmt_name(FMT_RIEh), "RIE-h");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("s390-decode");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, every_row_round_trips);
    tcase_add_test(tc, rxy_long_displacement_is_signed);
    tcase_add_test(tc, vector_rxb_extends_registers);
    tcase_add_test(tc, registered_rie_h_decodes_and_disassembles);
    tcase_add_test(tc, disassembly_of_builtin_rows);
    tcase_add_test(tc, metadata_flags);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
