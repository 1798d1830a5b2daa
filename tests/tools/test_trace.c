/* Binary trace round trip: the writer's records come back from the reader field by field, the
 * formatter (library and the saesim-trace-fmt executable, argv[1]) prints the expected lines, and
 * truncated or foreign files are rejected. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/disas.h"
#include "tests/tools/check_main.h"
#include "core/trace_bin.h"

static const char *fmt_exe;
static char path[64];

static void write_sample(void)
{
    char err[128];
    snprintf(path, sizeof(path), "/tmp/saesim-trace-test-%d.bin", (int)getpid());
    ck_assert_msg(trace_bin_open(path, 3, err, sizeof(err)) == 0, "%s", err);
    ck_assert(trace_bin_enabled);
#if SAESIM_TRACE
    ck_assert(trace_bin_on());
#endif
    trace_bin_insn(TRACE_ARCH_AARCH64, 0x40080000, 0xd28000a0, 4);  /* movz x0, #5 */
    trace_bin_insn(TRACE_ARCH_AARCH64, 0x40080004, 0x91000400, 4);  /* add x0, x0, #1 (sequential) */
    trace_bin_reg(TRACE_ARCH_AARCH64, 0, 6);
    trace_bin_insn(TRACE_ARCH_AARCH64, 0x40080000, 0x17ffffff, 4);  /* backwards: explicit pc */
    trace_bin_event(TRACE_EV_SAE_EXIT, 0x04, 0x40080004);
    trace_bin_insn(TRACE_ARCH_S390X, 0x10000, 0xa7190005, 4);       /* lghi %r1, 5 */
    trace_bin_insn(TRACE_ARCH_S390X, 0x10004, 0x0707, 2);           /* nopr */
    trace_bin_skip(TRACE_ARCH_S390X, 9);
    trace_bin_insn(TRACE_ARCH_S390X, 0x10006, 0xe31020000004ULL, 6); /* lg %r1, 0(%r2) */
    trace_bin_reg(TRACE_ARCH_S390X, TRACE_REG_S390_PSWA, 0x1000c);
    trace_bin_event(TRACE_EV_EXCEPTION, 0x56000000, 1);
    trace_bin_insn(TRACE_ARCH_AARCH64, 0xffff000000000800ULL, 0xd503201f, 4); /* far jump */
    trace_bin_insn(TRACE_ARCH_S390X, 0x10000, 0x1234, 4);           /* wrong length: refused */
    ck_assert_int_eq(trace_bin_close(), -1);                         /* ...and reported */
    ck_assert(!trace_bin_enabled);
}

static const char *const expected[] = {
    "arm           1 0000000040080000: d28000a0     movz x0, #0x5",
    "arm           2 0000000040080004: 91000400     add x0, x0, #1",
    "arm             x0 = 0x0000000000000006",
    "arm           3 0000000040080000: 17ffffff     b #0x4007fffc",
    "---- sae-exit icptr=0x4 pc=0x40080004",
    "s390          1 0000000000010000: a7190005     lghi %r1, 5",
    "s390          2 0000000000010004: 0707         bcr 0, %r7",
    "s390         12 0000000000010006: e31020000004 lg %r1, 0(%r2)",
    "s390            pswa = 0x000000000001000c",
    "---- exception esr=0x56000000 el=1",
    "arm           4 ffff000000000800: d503201f     nop",
};
#define NEXPECTED (sizeof(expected) / sizeof(expected[0]))

START_TEST(reader_round_trip)
{
    write_sample();
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    struct trace_reader r;
    struct trace_rec rec;
    char err[128];
    ck_assert_int_eq(trace_reader_open(&r, f, err, sizeof(err)), 0);
    ck_assert_uint_eq(r.arch_mask, 3);
    ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_int_eq(rec.kind, TRACE_REC_INSN);
    ck_assert_int_eq(rec.arch, TRACE_ARCH_AARCH64);
    ck_assert_uint_eq(rec.pc, 0x40080000);
    ck_assert_uint_eq(rec.len, 4);
    ck_assert_mem_eq(rec.code, "\xa0\x00\x80\xd2", 4);  /* memory order: little-endian */
    ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_uint_eq(rec.pc, 0x40080004);
    ck_assert_uint_eq(rec.icount, 2);
    ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_int_eq(rec.kind, TRACE_REC_REG);
    ck_assert_uint_eq(rec.reg, 0);
    ck_assert_uint_eq(rec.value, 6);
    ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_uint_eq(rec.pc, 0x40080000);
    ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_int_eq(rec.kind, TRACE_REC_EVENT);
    ck_assert_int_eq(rec.event, TRACE_EV_SAE_EXIT);
    ck_assert_uint_eq(rec.a, 4);
    ck_assert_uint_eq(rec.b, 0x40080004);
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_int_eq(trace_reader_next(&r, &rec, err, sizeof(err)), 1);
    ck_assert_int_eq(rec.arch, TRACE_ARCH_S390X);
    ck_assert_uint_eq(rec.len, 6);
    ck_assert_mem_eq(rec.code, "\xe3\x10\x20\x00\x00\x04", 6);  /* big-endian */
    ck_assert_uint_eq(rec.icount, 12);  /* 2 + 9 skipped + this one */
    unsigned n = 8;
    int rc;
    while ((rc = trace_reader_next(&r, &rec, err, sizeof(err))) == 1)
        n++;
    ck_assert_msg(rc == 0, "%s", err);
    ck_assert_uint_eq(n, NEXPECTED);
    fclose(f);
    unlink(path);
}
END_TEST

START_TEST(compact_encoding)
{
    char err[128];
    snprintf(path, sizeof(path), "/tmp/saesim-trace-size-%d.bin", (int)getpid());
    ck_assert_int_eq(trace_bin_open(path, 1, err, sizeof(err)), 0);
    for (unsigned i = 0; i < 100000; i++)  /* spans the 64 KiB buffer several times */
        trace_bin_insn(TRACE_ARCH_AARCH64, 0x1000 + 4 * i, 0xd503201f, 4);
    ck_assert_int_eq(trace_bin_close(), 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    /* header 16 + first record (tag, 2-byte pc delta, 4 code) + 99999 x 5 bytes + END */
    ck_assert_int_eq(st.st_size, 16 + 7 + 99999 * 5 + 1);
    FILE *f = fopen(path, "rb");
    struct trace_reader r;
    struct trace_rec rec;
    ck_assert_int_eq(trace_reader_open(&r, f, err, sizeof(err)), 0);
    unsigned n = 0;
    uint64_t last = 0;
    while (trace_reader_next(&r, &rec, err, sizeof(err)) == 1) {
        n++;
        last = rec.pc;
    }
    ck_assert_uint_eq(n, 100000);
    ck_assert_uint_eq(last, 0x1000 + 4 * 99999);
    fclose(f);
    unlink(path);
}
END_TEST

static void check_lines(const char *text)
{
    const char *p = text;
    for (unsigned i = 0; i < NEXPECTED; i++) {
        const char *nl = strchr(p, '\n');
        ck_assert_msg(nl != NULL, "missing line %u in:\n%s", i, text);
        ck_assert_msg((size_t)(nl - p) == strlen(expected[i]) && strncmp(p, expected[i], strlen(expected[i])) == 0,
                      "line %u: got '%.*s', want '%s'", i, (int)(nl - p), p, expected[i]);
        p = nl + 1;
    }
    ck_assert_str_eq(p, "");
}

START_TEST(formatter_library_and_executable)
{
    write_sample();
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_int_eq(trace_format_file(f, out, stderr), 0);
    fclose(out);
    fclose(f);
    check_lines(buf);
    free(buf);

    char cmd[512];
    snprintf(cmd, sizeof(cmd), "'%s' '%s'", fmt_exe, path);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char text[4096];
    size_t n = fread(text, 1, sizeof(text) - 1, p);
    text[n] = '\0';
    ck_assert_int_eq(pclose(p), 0);
    check_lines(text);
    unlink(path);
}
END_TEST

START_TEST(truncated_and_foreign_files)
{
    write_sample();
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(truncate(path, st.st_size - 3), 0);  /* cuts the END and part of a record */
    char cmd[512];
    snprintf(cmd, sizeof(cmd), "'%s' '%s' >/dev/null 2>&1", fmt_exe, path);
    ck_assert_int_ne(system(cmd), 0);
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    FILE *errf = tmpfile();
    ck_assert_int_eq(trace_format_file(f, out, errf), 1);
    fclose(out);
    fclose(f);
    free(buf);
    rewind(errf);
    char msg[256] = "";
    ck_assert_ptr_nonnull(fgets(msg, sizeof(msg), errf));
    ck_assert_msg(strstr(msg, "truncated") != NULL, "%s", msg);
    fclose(errf);

    f = fopen(path, "wb");
    fputs("not a trace at all", f);
    fclose(f);
    ck_assert_int_ne(system(cmd), 0);
    snprintf(cmd, sizeof(cmd), "'%s' /nonexistent/file >/dev/null 2>&1", fmt_exe);
    ck_assert_int_ne(system(cmd), 0);
    unlink(path);
}
END_TEST

int main(int argc, char **argv)
{
    fmt_exe = argc > 1 ? argv[1] : "saesim-trace-fmt";
    Suite *s = suite_create("tools-trace");
    TCase *tc = tcase_create("trace");
    tcase_add_test(tc, reader_round_trip);
    tcase_add_test(tc, compact_encoding);
    tcase_add_test(tc, formatter_library_and_executable);
    tcase_add_test(tc, truncated_and_foreign_files);
    suite_add_tcase(s, tc);
    int rc = run_suite(s);
    disas_shutdown();
    return rc;
}
