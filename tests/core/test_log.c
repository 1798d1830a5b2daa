/* Logging: -d item parsing, -D output file, qlog gating, error_report format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "core/log.h"

static char err[256];

START_TEST(parse_items)
{
    unsigned m = 0xdead;
    ck_assert_ptr_eq(log_file, stderr); /* the default before any -D */
    ck_assert_uint_eq(log_mask, 0);
    ck_assert_int_eq(log_parse_flags("exec", &m, err, sizeof(err)), 0);
    ck_assert_uint_eq(m, LOG_EXEC);
    ck_assert_int_eq(log_parse_flags("int,mmu,unimp,guest_errors", &m, err, sizeof(err)), 0);
    ck_assert_uint_eq(m, LOG_INT | LOG_MMU | LOG_UNIMP | LOG_GUEST_ERRORS);
    ck_assert_int_eq(log_parse_flags("in_asm,sae,diag,cpu", &m, err, sizeof(err)), 0);
    ck_assert_uint_eq(m, LOG_IN_ASM | LOG_SAE | LOG_DIAG | LOG_CPU);
    ck_assert_int_eq(log_parse_flags("all", &m, err, sizeof(err)), 0);
    ck_assert_uint_eq(m, 0x1ff);
    ck_assert_int_eq(log_parse_flags("exec,exec", &m, err, sizeof(err)), 0);
    ck_assert_uint_eq(m, LOG_EXEC);
    ck_assert_int_eq(log_parse_flags("help", &m, err, sizeof(err)), 1);
    /* Every advertised name parses. */
    char names[256];
    snprintf(names, sizeof(names), "%s", log_flag_names());
    for (char *tok = strtok(names, ","); tok; tok = strtok(NULL, ","))
        ck_assert_msg(log_parse_flags(tok, &m, err, sizeof(err)) == 0, "'%s' advertised but rejected", tok);
}
END_TEST

START_TEST(parse_errors)
{
    unsigned m = 0x1234;
    ck_assert_int_eq(log_parse_flags("exec,bogus", &m, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "'bogus'"));
    ck_assert_uint_eq(m, 0x1234); /* untouched on error */
    ck_assert_int_eq(log_parse_flags("exec,,int", &m, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "empty"));
    ck_assert_int_eq(log_parse_flags("exec,", &m, err, sizeof(err)), -1);
    ck_assert_int_eq(log_parse_flags("", &m, err, sizeof(err)), -1);
    ck_assert_int_eq(log_parse_flags("EXEC", &m, err, sizeof(err)), -1);
    ck_assert_int_eq(log_parse_flags("execx", &m, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "'execx'"));
    ck_assert_int_eq(log_parse_flags("exe", &m, err, sizeof(err)), -1);
}
END_TEST

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

START_TEST(log_file_and_gating)
{
    char path[] = "/tmp/saesim-test-log-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(log_set_file(path, err, sizeof(err)), 0);
    log_mask = LOG_INT;
    qlog(LOG_INT, "interrupt %d\n", 42);
    qlog(LOG_EXEC, "must not appear\n");
    log_mask = 0;
    qlog(LOG_INT, "nor this\n");
    log_printf("direct %s\n", "line");
    log_close();
    ck_assert_ptr_eq(log_file, stderr);
    const char *s = slurp(path);
    ck_assert_str_eq(s, SAESIM_TRACE ? "interrupt 42\ndirect line\n" : "direct line\n");
    unlink(path);
    ck_assert_int_eq(log_set_file("/nonexistent-dir/x.log", err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent-dir/x.log: No such file or directory"));
}
END_TEST

START_TEST(error_report_format)
{
    char path[] = "/tmp/saesim-test-err-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    error_report("cannot open '%s'", "kernel.elf");
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    ck_assert_str_eq(slurp(path), "saesim: cannot open 'kernel.elf'\n");
    unlink(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("log");
    tcase_add_test(tc, parse_items);
    tcase_add_test(tc, parse_errors);
    tcase_add_test(tc, log_file_and_gating);
    tcase_add_test(tc, error_report_format);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
