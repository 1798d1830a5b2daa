/* The debug shell driven through a pipe (the non-terminal input path) against the fake target, with
 * assertions on what it prints; plus address parsing and tab completion called directly. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/disas.h"
#include "core/log.h"
#include "tests/tools/check_main.h"
#include "tests/tools/fake_target.h"
#include "tools/debug/shell.h"

static struct fake_target *fake;

static void setup(void)
{
    fake = fake_target_new();
    ck_assert_ptr_nonnull(fake);
}

static void teardown(void)
{
    fake_target_free(fake);
    fake = NULL;
}

/* Run script through a pipe into a fresh shell; returns everything it printed (caller frees). */
static char *run_script(const char *script, int *status)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    size_t len = strlen(script);
    ck_assert_uint_lt(len, 60000);  /* fits in the pipe buffer: no writer thread needed */
    ck_assert_int_eq(write(fds[1], script, len), (ssize_t)len);
    close(fds[1]);
    FILE *in = fdopen(fds[0], "r");
    char *out_buf = NULL;
    size_t out_len = 0;
    FILE *out = open_memstream(&out_buf, &out_len);
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    struct dbg_shell *s = dbg_shell_new(fake_target_dbg(fake), in, out);
    int rc = dbg_shell_run(s);
    if (status)
        *status = rc;
    dbg_shell_free(s);
    fclose(in);
    fclose(out);
    return out_buf;
}

/* The n-th (0-based) prompt's output: the text between prompt n and prompt n+1. */
static char *reply(const char *out, unsigned n)
{
    const char *p = out;
    for (unsigned i = 0; i <= n; i++) {
        p = strstr(p, DBG_PROMPT);
        ck_assert_msg(p != NULL, "fewer than %u prompts in:\n%s", n + 1, out);
        p += strlen(DBG_PROMPT);
    }
    const char *e = strstr(p, DBG_PROMPT);
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char *r = malloc(len + 1);
    memcpy(r, p, len);
    r[len] = '\0';
    return r;
}

#define ASSERT_HAS(hay, needle) ck_assert_msg(strstr((hay), (needle)) != NULL, \
                                              "expected '%s' in:\n%s", (needle), (hay))
#define ASSERT_NOT(hay, needle) ck_assert_msg(strstr((hay), (needle)) == NULL, \
                                              "unexpected '%s' in:\n%s", (needle), (hay))

static uint64_t arm_reg(unsigned idx)
{
    struct dbg_target *t = fake_target_dbg(fake);
    uint64_t v[2];
    ck_assert_int_eq(t->ops->reg_read(t->opaque, 0, idx, v), 0);
    return v[0];
}

START_TEST(step_moves_pc_by_one_instruction)
{
    char *out = run_script("step\nregs\nstep 2\ninfo\n", NULL);
    char *r0 = reply(out, 0), *r1 = reply(out, 1), *r2 = reply(out, 2), *r3 = reply(out, 3);
    /* The executed instruction, then the next one; exactly one instruction ran. */
    ASSERT_HAS(r0, "   arm 0x0000000040000000 <_start>");
    ASSERT_HAS(r0, "movz x0, #0x5");
    ASSERT_HAS(r0, "=> arm 0x0000000040000004 <_start+0x4>");
    ASSERT_HAS(r1, "pc     0x0000000040000004");
    ASSERT_HAS(r1, "x0     0x0000000000000005");
    ASSERT_HAS(r1, "x1     0x0000000000000000");  /* the second movz has not run */
    ASSERT_HAS(r1, "cpsr: EL1h NZCV=0000 DAIF=1111");
    ASSERT_HAS(r2, "=> arm 0x000000004000000c <_start+0xc>");
    ASSERT_HAS(r3, "Instructions arm: 3");
    ASSERT_HAS(r3, "Instructions s390: 0");
    ck_assert_uint_eq(arm_reg(FA_PC), 0x4000000c);
    ck_assert_uint_eq(arm_reg(1), 0x40000800);
    free(r0), free(r1), free(r2), free(r3), free(out);
}
END_TEST

START_TEST(stepi_steps_the_host)
{
    char *out = run_script("stepi 2\nregs s390\n", NULL);
    char *r0 = reply(out, 0), *r1 = reply(out, 1);
    ASSERT_HAS(r0, "s390 0x0000000000008000 <host_start>");
    ASSERT_HAS(r0, "lghi %r1, 5");
    ASSERT_HAS(r0, "aghi %r1, 1");
    ASSERT_HAS(r0, "=> s390 0x0000000000008008");
    ASSERT_HAS(r1, "r1     0x0000000000000006");
    ASSERT_HAS(r1, "pswa   0x0000000000008008");
    ck_assert_uint_eq(arm_reg(FA_PC), FAKE_ARM_VA);  /* the guest did not move */
    free(r0), free(r1), free(out);
}
END_TEST

START_TEST(break_stops_at_the_address)
{
    char *out = run_script("break loop+8\ncontinue\nregs\ncontinue\nmem data 8\ninfo\n", NULL);
    char *r0 = reply(out, 0), *r1 = reply(out, 1), *r2 = reply(out, 2), *r4 = reply(out, 4),
         *r5 = reply(out, 5);
    ASSERT_HAS(r0, "Breakpoint 1 at arm 0x0000000040000018 <loop+0x8>");
    ASSERT_HAS(r1, "Breakpoint 1, arm 0x0000000040000018 <loop+0x8>");
    ASSERT_HAS(r1, "=> arm 0x0000000040000018 <loop+0x8>");
    ASSERT_HAS(r1, "ldr x2, [x1, #8]");
    ASSERT_HAS(r2, "x0     0x0000000000000006");   /* one loop iteration: 5 + 1 */
    /* The second continue makes progress past the breakpoint and stops there on the next iteration. */
    ASSERT_HAS(r4, "0x0000000040000800: 07 00 00 00 00 00 00 00");
    ASSERT_HAS(r5, "break  arm 0x0000000040000018 <loop+0x8> hits 2");
    ASSERT_HAS(r5, "Instructions arm: 12");  /* 4 + 2 to the break, then 6 per iteration */
    free(r0), free(r1), free(r2), free(r4), free(r5), free(out);
}
END_TEST

START_TEST(watch_triggers_on_write_not_read)
{
    /* data+8 is only read (ldr x2, [x1, #8]); data is written (str x0, [x1]). */
    char *out = run_script("watch data+8 8 w\nwatch data 8 w\ncontinue\nregs\n", NULL);
    char *r2 = reply(out, 2), *r3 = reply(out, 3);
    ASSERT_HAS(r2, "Watchpoint 2: arm write to 0x0000000040000800");
    ASSERT_HAS(r2, "=> arm 0x0000000040000018 <loop+0x8>");  /* stopped after the store */
    ASSERT_HAS(r3, "pc     0x0000000040000018");
    ck_assert_uint_eq(fake_target_mem(fake)[0x800], 6);
    free(r2), free(r3), free(out);

    teardown();
    setup();
    out = run_script("watch data+8 8 r\ncontinue\n", NULL);
    char *r1 = reply(out, 1);
    ASSERT_HAS(r1, "Watchpoint 1: arm read from 0x0000000040000808");
    ASSERT_HAS(r1, "=> arm 0x000000004000001c <loop+0xc>");
    free(r1), free(out);
}
END_TEST

START_TEST(sae_break_and_guest_end)
{
    int status = 99;
    char *out = run_script("break sae 4\ncontinue\nsae\ndelete\ncontinue\nstep\n", &status);
    char *r1 = reply(out, 1), *r2 = reply(out, 2), *r4 = reply(out, 4), *r5 = reply(out, 5);
    ASSERT_HAS(r1, "SAE exit: icptr 0x04");
    ASSERT_HAS(r1, "=> arm 0x0000000040000020 <loop+0x10>");
    ASSERT_HAS(r2, "icptr  0x04");
    ASSERT_HAS(r4, "Guest ended, exit status 0");
    ASSERT_HAS(r5, "error: the guest has ended");
    ck_assert_int_eq(status, 0);
    free(r1), free(r2), free(r4), free(r5), free(out);
}
END_TEST

START_TEST(mem_spaces_and_errors)
{
    uint8_t *m = fake_target_mem(fake);
    for (unsigned i = 0; i < 16; i++)
        m[0x900 + i] = (uint8_t)(0xa0 + i);
    m[0x904] = 'S';
    char *out = run_script("mem 0x40000900 16\nmem 0x900 4 abs\nmem 0x80000900 2 ipa\n"
                           "mem 0x900 4 real\nmem 0x4000fffe 4\nmem nosuchsym\n", NULL);
    char *r0 = reply(out, 0), *r1 = reply(out, 1), *r2 = reply(out, 2), *r3 = reply(out, 3),
         *r4 = reply(out, 4), *r5 = reply(out, 5);
    ASSERT_HAS(r0, "0x0000000040000900: a0 a1 a2 a3 53 a5 a6 a7 a8 a9 aa ab ac ad ae af  |....S...........|");
    ASSERT_HAS(r1, "0x0000000000000900: a0 a1 a2 a3  ");
    ASSERT_NOT(r1, "a4");
    ASSERT_HAS(r2, "0x0000000080000900: a0 a1  ");
    ASSERT_HAS(r3, "error: no address space 'real' in context arm (va, ipa, abs)");
    ASSERT_HAS(r4, "0x000000004000fffe: 00 00");
    ASSERT_HAS(r4, "error: cannot access va memory at 0x0000000040010000");
    ASSERT_HAS(r5, "error: no symbol 'nosuchsym' in context arm");
    free(r0), free(r1), free(r2), free(r3), free(r4), free(r5), free(out);
}
END_TEST

START_TEST(disas_prints_capstone_text)
{
    char *out = run_script("disas _start 12\ncontext s390\ndisas host_start 4\n", NULL);
    char *r0 = reply(out, 0), *r2 = reply(out, 2);
    const char *expect[] = {
        "=> arm 0x0000000040000000 <_start>       d28000a0     movz x0, #0x5",
        "   arm 0x0000000040000004 <_start+0x4>   d2a80001     movz x1, #0x4000, lsl #16",
        "   arm 0x0000000040000008 <_start+0x8>   91200021     add x1, x1, #0x800",
        "   arm 0x0000000040000014 <loop+0x4>     f9000020     str x0, [x1]",
        "   arm 0x000000004000001c <loop+0xc>     d4000082     hvc #0x4",
        "   arm 0x0000000040000024 <loop+0x14>    b5ffff63     cbnz x3, #0x40000010",
        "   arm 0x000000004000002c <loop+0x1c>    d4400000     hlt #0",
    };
    for (unsigned i = 0; i < sizeof(expect) / sizeof(expect[0]); i++)
        ASSERT_HAS(r0, expect[i]);
    ASSERT_HAS(r2, "=> s390 0x0000000000008000 <host_start>   a7190005     lghi %r1, 5");
    ASSERT_HAS(r2, "0707         bcr 0, %r7");
    ASSERT_HAS(r2, "a7f4fffd     j 0x8004");
    free(r0), free(r2), free(out);
}
END_TEST

START_TEST(registers_sysregs_vregs)
{
    char *out = run_script("sysregs vbar_el1\nsysregs\nvregs\nsysregs nosuch\nregs bogus\n", NULL);
    char *r0 = reply(out, 0), *r1 = reply(out, 1), *r2 = reply(out, 2), *r3 = reply(out, 3),
         *r4 = reply(out, 4);
    ck_assert_str_eq(r0, "vbar_el1 0x0000000040004000\n");
    ASSERT_HAS(r1, "sctlr_el1 0x0000000000000000");
    ASSERT_HAS(r1, "elr_el1 0x0000000000000000");
    ASSERT_NOT(r1, "x0 ");
    ASSERT_HAS(r2, "v1     0x99aabbccddeeff001122334455667788");
    ASSERT_HAS(r2, "fpcr   0x00000000");
    ASSERT_HAS(r3, "error: no register 'nosuch'");
    ASSERT_HAS(r4, "error: no context 'bogus'");
    free(r0), free(r1), free(r2), free(r3), free(r4), free(out);
}
END_TEST

START_TEST(texts_dt_trace_help)
{
    unsigned saved = log_mask;
    log_mask = 0;
    char *out = run_script("xlate loop\ntlb\ndt\ntrace on int,mmu\ntrace off int\ntrace on bogus\n"
                           "help break\nfrobnicate\ncontext s390\nxlate 0\nquit\nstep\n", NULL);
    char *r0 = reply(out, 0), *r1 = reply(out, 1), *r2 = reply(out, 2), *r3 = reply(out, 3),
         *r4 = reply(out, 4), *r5 = reply(out, 5), *r6 = reply(out, 6), *r7 = reply(out, 7),
         *r9 = reply(out, 9);
    ASSERT_HAS(r0, "va 0x0000000040000010 -> ipa 0x0000000080000010 -> abs 0x0000000000000010");
    ASSERT_HAS(r1, "fake TLB: 0 entries");
    ASSERT_HAS(r2, "/ {\n    compatible = \"saesim,fake\";\n    #address-cells = <0x00000002>;\n");
    ASSERT_HAS(r2, "    memory@40000000 {\n        device_type = \"memory\";\n"
                   "        reg = <0x00000000 0x40000000 0x00000000 0x00010000>;\n    };\n");
    ASSERT_HAS(r2, "    chosen {\n        bootargs = \"console=ttyAMA0\";\n    };\n};\n");
    ASSERT_NOT(r2, "?");
    ck_assert_uint_eq(log_mask, LOG_MMU);
    ASSERT_HAS(r3, "Trace mask: 0xc");
    ASSERT_HAS(r4, "Trace mask: 0x8");
    ASSERT_HAS(r5, "error:");
    ASSERT_HAS(r6, "break <addr|symbol> | break sae <icptr>");
    ASSERT_HAS(r7, "error: unknown command 'frobnicate'");
    ASSERT_HAS(r9, "error: xlate is not available in context s390");
    /* quit ends the session: the step after it never ran. */
    ck_assert_uint_eq(arm_reg(FA_PC), FAKE_ARM_VA);
    log_mask = saved;
    free(r0), free(r1), free(r2), free(r3), free(r4), free(r5), free(r6), free(r7), free(r9), free(out);
}
END_TEST

START_TEST(address_expressions)
{
    struct dbg_target *t = fake_target_dbg(fake);
    char err[128];
    uint64_t v;
    ck_assert_int_eq(dbg_parse_addr(t, 0, "0x40000010", &v, err, sizeof(err)), 0);
    ck_assert_uint_eq(v, 0x40000010);
    ck_assert_int_eq(dbg_parse_addr(t, 0, "4096", &v, err, sizeof(err)), 0);
    ck_assert_uint_eq(v, 4096);
    ck_assert_int_eq(dbg_parse_addr(t, 0, "loop+0x10", &v, err, sizeof(err)), 0);
    ck_assert_uint_eq(v, 0x40000020);
    ck_assert_int_eq(dbg_parse_addr(t, 0, "data-16", &v, err, sizeof(err)), 0);
    ck_assert_uint_eq(v, FAKE_ARM_DATA - 16);
    ck_assert_int_eq(dbg_parse_addr(t, 0, "$pc+4", &v, err, sizeof(err)), 0);
    ck_assert_uint_eq(v, FAKE_ARM_VA + 4);
    ck_assert_int_eq(dbg_parse_addr(t, 1, "host_start", &v, err, sizeof(err)), 0);
    ck_assert_uint_eq(v, FAKE_S390_START);
    ck_assert_int_eq(dbg_parse_addr(t, 1, "loop", &v, err, sizeof(err)), -1);  /* arm's symbol */
    ck_assert_int_eq(dbg_parse_addr(t, 0, "0xzz", &v, err, sizeof(err)), -1);
    ck_assert_int_eq(dbg_parse_addr(t, 0, "loop+", &v, err, sizeof(err)), -1);
}
END_TEST

static void free_cands(char **c, size_t n)
{
    for (size_t i = 0; i < n && i < 16; i++)
        free(c[i]);
}

START_TEST(completion_candidates)
{
    struct dbg_shell *s = dbg_shell_new(fake_target_dbg(fake), stdin, stdout);
    char *c[16];
    size_t n = dbg_shell_complete(s, "st", 2, c, 16);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(c[0], "step");
    ck_assert_str_eq(c[1], "stepi");
    free_cands(c, n);

    n = dbg_shell_complete(s, "disa", 4, c, 16);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(c[0], "disas");
    free_cands(c, n);

    n = dbg_shell_complete(s, "break lo", 8, c, 16);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(c[0], "loop");
    free_cands(c, n);

    n = dbg_shell_complete(s, "sysregs e", 9, c, 16);  /* system registers only */
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(c[0], "elr_el1");
    ck_assert_str_eq(c[1], "esr_el1");
    free_cands(c, n);

    n = dbg_shell_complete(s, "mem $x1", 7, c, 16);  /* $x1, $x10..$x19 */
    ck_assert_uint_eq(n, 11);
    ck_assert_str_eq(c[0], "$x1");
    ck_assert_str_eq(c[1], "$x10");
    free_cands(c, n);

    n = dbg_shell_complete(s, "mem data 16 i", 13, c, 16);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(c[0], "ipa");
    free_cands(c, n);

    n = dbg_shell_complete(s, "context s", 9, c, 16);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(c[0], "s390");
    free_cands(c, n);

    n = dbg_shell_complete(s, "trace on in", 11, c, 16);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(c[0], "in_asm");
    ck_assert_str_eq(c[1], "int");
    free_cands(c, n);

    n = dbg_shell_complete(s, "break sa", 8, c, 16);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(c[0], "sae");
    free_cands(c, n);

    n = dbg_shell_complete(s, "zzz", 3, c, 16);
    ck_assert_uint_eq(n, 0);
    dbg_shell_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tools-shell");
    TCase *tc = tcase_create("shell");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, step_moves_pc_by_one_instruction);
    tcase_add_test(tc, stepi_steps_the_host);
    tcase_add_test(tc, break_stops_at_the_address);
    tcase_add_test(tc, watch_triggers_on_write_not_read);
    tcase_add_test(tc, sae_break_and_guest_end);
    tcase_add_test(tc, mem_spaces_and_errors);
    tcase_add_test(tc, disas_prints_capstone_text);
    tcase_add_test(tc, registers_sysregs_vregs);
    tcase_add_test(tc, texts_dt_trace_help);
    tcase_add_test(tc, address_expressions);
    tcase_add_test(tc, completion_candidates);
    suite_add_tcase(s, tc);
    int rc = run_suite(s);
    disas_shutdown();
    return rc;
}
