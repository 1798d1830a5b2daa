/* Disassembly: known AArch64 and s390x encodings through Capstone, unknown encodings, hooks. */
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/disas.h"
#include "core/endian.h"

static char out[128];

static unsigned a64(uint32_t insn)
{
    uint8_t b[4];
    st_le32(b, insn);
    return disas_one(DISAS_AARCH64, 0x40080000, b, 4, out, sizeof(out));
}

START_TEST(aarch64_known)
{
    ck_assert_uint_eq(a64(0xd503201f), 4);
    ck_assert_str_eq(out, "nop");
    ck_assert_uint_eq(a64(0x8b020020), 4);
    ck_assert_str_eq(out, "add x0, x1, x2");
    ck_assert_uint_eq(a64(0xd65f03c0), 4);
    ck_assert_str_eq(out, "ret");
    ck_assert_uint_eq(a64(0xd4000002), 4);
    ck_assert_str_eq(out, "hvc #0");
    /* PC-relative: the target depends on the address passed in. */
    ck_assert_uint_eq(a64(0x14000004), 4); /* b .+16 */
    ck_assert_str_eq(out, "b #0x40080010");
}
END_TEST

START_TEST(aarch64_unknown)
{
    ck_assert_uint_eq(a64(0x00000000), 4); /* udf #0 in newer decoders; unallocated for Capstone 4 */
    ck_assert_msg(strcmp(out, ".inst 0x00000000") == 0 || strncmp(out, "udf", 3) == 0, "%s", out);
    ck_assert_uint_eq(a64(0xffffffff), 4);
    ck_assert_str_eq(out, ".inst 0xffffffff");
    uint8_t two[2] = { 0x1f, 0x20 };
    ck_assert_uint_eq(disas_one(DISAS_AARCH64, 0, two, 2, out, sizeof(out)), 4);
    ck_assert_str_eq(out, ".byte 0x1f, 0x20");
}
END_TEST

static unsigned s390(const uint8_t *code, size_t len)
{
    return disas_one(DISAS_S390X, 0x10000, code, len, out, sizeof(out));
}

START_TEST(s390x_known)
{
    static const uint8_t lr[] = { 0x18, 0x12 };
    ck_assert_uint_eq(s390(lr, 2), 2);
    ck_assert_str_eq(out, "lr %r1, %r2");
    static const uint8_t lgr[] = { 0xb9, 0x04, 0x00, 0x12 };
    ck_assert_uint_eq(s390(lgr, 4), 4);
    ck_assert_str_eq(out, "lgr %r1, %r2");
    static const uint8_t lg[] = { 0xe3, 0x10, 0x20, 0x08, 0x00, 0x04 };
    ck_assert_uint_eq(s390(lg, 6), 6);
    ck_assert_str_eq(out, "lg %r1, 8(%r2)");
    static const uint8_t br[] = { 0x07, 0xfe, 0x00, 0x00 }; /* decode stops after one instruction */
    ck_assert_uint_eq(s390(br, 4), 2);
    ck_assert_str_eq(out, "br %r14");
}
END_TEST

START_TEST(s390x_unknown_lengths)
{
    /* Unassigned opcodes in each length class (leftmost two bits 00, 10, 11): the length still
     * follows the opcode, so a trace stays in step with the instruction stream. */
    static const uint8_t op00[] = { 0x00, 0x00, 0x11, 0x22, 0x33, 0x44 };
    ck_assert_uint_eq(s390(op00, 6), 2);
    ck_assert_str_eq(out, ".byte 0x00, 0x00");
    static const uint8_t sae[] = { 0xb2, 0x47, 0x00, 0x00 }; /* unknown to Capstone 4 */
    ck_assert_uint_eq(s390(sae, 4), 4);
    ck_assert_str_eq(out, ".byte 0xb2, 0x47, 0x00, 0x00");
    static const uint8_t op01[] = { 0x41, 0x10, 0x20, 0x08 }; /* 01: la, 4 bytes */
    ck_assert_uint_eq(s390(op01, 4), 4);
    ck_assert_str_eq(out, "la %r1, 8(%r2)");
    static const uint8_t opff[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    ck_assert_uint_eq(s390(opff, 6), 6);
    ck_assert_str_eq(out, ".byte 0xff, 0xff, 0xff, 0xff, 0xff, 0xff");
    /* Too few bytes for the length the opcode implies: shows what is there. */
    static const uint8_t cut[] = { 0xe3, 0x10 };
    ck_assert_uint_eq(s390(cut, 2), 6);
    ck_assert_str_eq(out, ".byte 0xe3, 0x10");
}
END_TEST

static unsigned hook_calls;

static unsigned s390_hook(uint64_t addr, const uint8_t *code, size_t len, char *o, size_t olen)
{
    (void)addr;
    hook_calls++;
    if (len >= 4 && code[0] == 0xb2 && code[1] == 0x47) {
        snprintf(o, olen, "sae %u", code[3] >> 4);
        return 4;
    }
    if (len >= 2 && code[0] == 0x18) { /* override something Capstone knows */
        snprintf(o, olen, "mine");
        return 2;
    }
    return 0;
}

START_TEST(hooks_first)
{
    static const uint8_t sae[] = { 0xb2, 0x47, 0x00, 0x30 };
    static const uint8_t lr[] = { 0x18, 0x12 };
    static const uint8_t lgr[] = { 0xb9, 0x04, 0x00, 0x12 };
    disas_set_hook(DISAS_S390X, s390_hook);
    hook_calls = 0;
    ck_assert_uint_eq(s390(sae, 4), 4);
    ck_assert_str_eq(out, "sae 3");
    ck_assert_uint_eq(s390(lr, 2), 2);
    ck_assert_str_eq(out, "mine");
    ck_assert_uint_eq(s390(lgr, 4), 4); /* hook declines: Capstone answers */
    ck_assert_str_eq(out, "lgr %r1, %r2");
    ck_assert_uint_eq(hook_calls, 3);
    /* The hook is per architecture. */
    ck_assert_uint_eq(a64(0xd503201f), 4);
    ck_assert_str_eq(out, "nop");
    ck_assert_uint_eq(hook_calls, 3);
    disas_set_hook(DISAS_S390X, NULL);
    ck_assert_uint_eq(s390(lr, 2), 2);
    ck_assert_str_eq(out, "lr %r1, %r2");
    disas_shutdown();
    ck_assert_uint_eq(a64(0x8b020020), 4); /* reopens after shutdown */
    ck_assert_str_eq(out, "add x0, x1, x2");
    disas_shutdown();
}
END_TEST

START_TEST(small_output_buffer)
{
    char small[6];
    uint8_t b[4];
    st_le32(b, 0x8b020020);
    ck_assert_uint_eq(disas_one(DISAS_AARCH64, 0, b, 4, small, sizeof(small)), 4);
    ck_assert_str_eq(small, "add x");
    static const uint8_t opff[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    ck_assert_uint_eq(disas_one(DISAS_S390X, 0, opff, 6, small, sizeof(small)), 6);
    ck_assert_uint_eq(strlen(small), 5);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("disas");
    TCase *tc = tcase_create("disas");
    tcase_add_test(tc, aarch64_known);
    tcase_add_test(tc, aarch64_unknown);
    tcase_add_test(tc, s390x_known);
    tcase_add_test(tc, s390x_unknown_lengths);
    tcase_add_test(tc, hooks_first);
    tcase_add_test(tc, small_output_buffer);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
