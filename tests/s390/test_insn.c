/* Instruction and CPU-core tests on a bare s390_cpu: condition codes and results of arithmetic,
 * logical and bit-selection instructions, program-interruption delivery, EXRL with a relative
 * branch, waits, the SAE extension points (interrupt polling, PTFF hook, DIAG hook) and TOD rate. */
#include <check.h>
#include <string.h>

#include "core/endian.h"
#include "s390/cpu.h"
#include "s390/decode.h"

static struct ram ram;
static struct vclock clk;
static struct s390_cpu cpu;
static struct s390_env env;
static unsigned diag_code, diag_r1, diag_r3;

static int diag_hook(void *opaque, struct s390_cpu *c, unsigned r1, unsigned r3, uint32_t code)
{
    (void)opaque; (void)c;
    if (code != 0x5A00)
        return -1;
    diag_code = code; diag_r1 = r1; diag_r3 = r3;
    return 0;
}

/* Fresh CPU, code at 0x1000, 64-bit supervisor PSW; the program-new PSW is a disabled wait at 0xbad. */
static void setup(const uint8_t *code, size_t n)
{
    char err[128];
    if (ram.host)
        ram_destroy(&ram);
    ck_assert_int_eq(ram_init(&ram, 1 << 20, err, sizeof(err)), 0);
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    memset(&env, 0, sizeof(env));
    env.diag = diag_hook;
    s390_cpu_init(&cpu, &ram, &clk, &env);
    ram_write(&ram, 0x1000, code, n);
    ram_st_be(&ram, LC_PGM_NEW, 8, 0x0002000180000000ULL);
    ram_st_be(&ram, LC_PGM_NEW + 8, 8, 0xbad);
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA, 0x1000);
}

static uint64_t lc(unsigned off, unsigned size)
{
    uint64_t v;
    ram_ld_be(&ram, off, size, &v);
    return v;
}

START_TEST(add_overflow_sets_cc3)
{
    const uint8_t code[] = { 0xC0, 0x11, 0x7F, 0xFF, 0xFF, 0xFF, /* lgfi %r1,0x7fffffff */
                             0xA7, 0x1A, 0x00, 0x01 };           /* ahi %r1,1 */
    setup(code, sizeof(code));
    ck_assert_int_eq(s390_run(&cpu, 2), S390_STOP_MAX_INSNS);
    ck_assert_uint_eq(cpu.gr[1], 0x80000000ULL);
    ck_assert_uint_eq(cpu.cc, 3);
    ck_assert_uint_eq(cpu.psw.addr, 0x100A);
}
END_TEST

START_TEST(logical_carry_and_borrow)
{
    const uint8_t code[] = { 0x1E, 0x23,               /* alr %r2,%r3 */
                             0xB9, 0x98, 0x00, 0x45,   /* alcr %r4,%r5 */
                             0x1F, 0x67,               /* slr %r6,%r7 */
                             0x1F, 0x88 };             /* slr %r8,%r8 */
    setup(code, sizeof(code));
    cpu.gr[2] = 0xffffffff; cpu.gr[3] = 1; cpu.gr[4] = 0; cpu.gr[5] = 0;
    cpu.gr[6] = 1; cpu.gr[7] = 2; cpu.gr[8] = 5;
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.gr[2], 0);
    ck_assert_uint_eq(cpu.cc, 2);           /* zero, carry */
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.gr[4], 1);        /* carry in */
    ck_assert_uint_eq(cpu.cc, 1);
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.gr[6], 0xffffffff);
    ck_assert_uint_eq(cpu.cc, 1);           /* nonzero, borrow */
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.cc, 2);           /* zero, no borrow */
}
END_TEST

START_TEST(divide_and_bit_instructions)
{
    const uint8_t code[] = { 0xB9, 0x87, 0x00, 0x24,                 /* dlgr %r2,%r4 */
                             0xEC, 0x16, 0x30, 0xBF, 0x08, 0x55,     /* risbg %r1,%r6,48,63+0x80,8 */
                             0xB9, 0x83, 0x00, 0x87,                 /* flogr %r8,%r7 */
                             0xB9, 0xE1, 0x00, 0xAB };               /* popcnt %r10,%r11 */
    setup(code, sizeof(code));
    cpu.gr[2] = 0; cpu.gr[3] = 100; cpu.gr[4] = 7;
    cpu.gr[6] = 0x1122334455667788ULL;
    cpu.gr[7] = 0x0000100000000000ULL;
    cpu.gr[11] = 0xff0f000100000003ULL;
    s390_run(&cpu, 4);
    ck_assert_uint_eq(cpu.gr[3], 14);
    ck_assert_uint_eq(cpu.gr[2], 2);
    ck_assert_uint_eq(cpu.gr[1], 0x8811);
    ck_assert_uint_eq(cpu.gr[8], 19);
    ck_assert_uint_eq(cpu.gr[9], 0);   /* the operand with its leftmost one cleared */
    ck_assert_uint_eq(cpu.gr[10], 0x0804000100000002ULL);
    ck_assert_uint_eq(cpu.cc, 1);
}
END_TEST

START_TEST(operation_exception_delivery)
{
    const uint8_t code[] = { 0x00, 0x00 };
    setup(code, sizeof(code));
    ck_assert_int_eq(s390_run(&cpu, 100), S390_STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu.psw.addr, 0xbad);
    ck_assert_uint_eq(lc(LC_PGM_CODE, 2), PGM_OPERATION);
    ck_assert_uint_eq(lc(LC_PGM_ILC, 2), 2);
    ck_assert_uint_eq(lc(LC_PGM_OLD + 8, 8), 0x1002);
    ck_assert_uint_eq(lc(LC_PGM_OLD, 8), PSW_MASK_EA | PSW_MASK_BA);
}
END_TEST

START_TEST(privileged_in_problem_state)
{
    const uint8_t code[] = { 0xB2, 0x0D, 0x00, 0x00 }; /* ptlb */
    setup(code, sizeof(code));
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_PSTATE, 0x1000);
    ck_assert_int_eq(s390_run(&cpu, 100), S390_STOP_DISABLED_WAIT);
    ck_assert_uint_eq(lc(LC_PGM_CODE, 2), PGM_PRIVILEGED);
}
END_TEST

START_TEST(exrl_relative_branch_uses_target_address)
{
    uint8_t code[0x20];
    memset(code, 0, sizeof(code));
    const uint8_t exrl[] = { 0xC6, 0x00, 0x00, 0x00, 0x00, 0x08 };  /* exrl %r0,0x1010 */
    const uint8_t brc[] = { 0xA7, 0xF4, 0x00, 0x08 };                /* brc 15,+16 */
    memcpy(code, exrl, 6);
    memcpy(code + 0x10, brc, 4);
    setup(code, sizeof(code));
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.psw.addr, 0x1020);
}
END_TEST

START_TEST(waits)
{
    const uint8_t code[] = { 0x07, 0x00 };
    setup(code, sizeof(code));
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_WAIT, 0xfff);
    ck_assert_int_eq(s390_run(&cpu, 0), S390_STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu.psw.addr, 0xfff);
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_WAIT | PSW_MASK_EXT, 0x1000);
    ck_assert_int_eq(s390_run(&cpu, 0), S390_STOP_STUCK);
}
END_TEST

/* An external new PSW that is itself enabled, with a condition that stays pending (clock comparator
 * below the TOD): real hardware takes the interruption forever; saesim must end the run with
 * S390_STOP_INT_LOOP, letting virtual time pass, rather than hang (it used to). */
START_TEST(interruption_loop_ends_the_run)
{
    const uint8_t code[] = { 0x07, 0x00 };
    setup(code, sizeof(code));
    ram_st_be(&ram, LC_EXT_NEW, 8, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_EXT);
    ram_st_be(&ram, LC_EXT_NEW + 8, 8, 0x1000);
    s390_set_ckc(&cpu, 0);
    cpu.cr[0] |= CR0_CKC;
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_EXT, 0x1000);
    uint64_t t0 = vclock_now(&clk);
    ck_assert_int_eq(s390_run(&cpu, 1000), S390_STOP_INT_LOOP);
    ck_assert_uint_eq(lc(LC_EXT_CODE, 2), EXT_CKC);
    ck_assert_uint_gt(vclock_now(&clk), t0);       /* taking interruptions takes time */
    ck_assert_uint_eq(cpu.psw.addr, 0x1000);
}
END_TEST

START_TEST(interrupt_pending_enabled_for_sae)
{
    const uint8_t code[] = { 0x07, 0x00 };
    setup(code, sizeof(code));
    s390_set_ckc(&cpu, 0);               /* condition true at once */
    cpu.cr[0] |= CR0_CKC;
    ck_assert(!s390_interrupt_pending_enabled(&cpu));   /* PSW external mask off */
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_EXT, 0x1000);
    ck_assert(s390_interrupt_pending_enabled(&cpu));
    cpu.cr[0] &= ~CR0_CKC;
    ck_assert(!s390_interrupt_pending_enabled(&cpu));
    /* A comparator in the future becomes pending once the clock passes it. */
    cpu.cr[0] |= CR0_CKC;
    s390_set_ckc(&cpu, s390_tod_now(&cpu) + 4096 * 10);   /* 10 us */
    ck_assert(!s390_interrupt_pending_enabled(&cpu));
    vclock_advance(&clk, 20000);
    ck_assert(s390_interrupt_pending_enabled(&cpu));
}
END_TEST

static int ptff_hook(void *opaque, struct s390_cpu *c, unsigned fc, uint64_t in, uint64_t *out)
{
    (void)opaque; (void)c;
    if (fc != 0x10)
        return -1;
    *out = in + 5;
    return 0;
}

START_TEST(ptff_functions_and_hook)
{
    const uint8_t code[] = { 0x01, 0x04, 0x01, 0x04, 0x01, 0x04 };
    setup(code, sizeof(code));
    cpu.ptff_qaf_extra[2] = 0xC0;
    cpu.gr[0] = 0x00; cpu.gr[1] = 0x2000;
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.cc, 0);
    ck_assert_uint_eq(lc(0x2000, 1), 0xF0);
    ck_assert_uint_eq(lc(0x2002, 1), 0xC0);
    /* fc 0x10 through the hook */
    ram_st_be(&ram, 0x2000, 8, 100);
    cpu.gr[0] = 0x10;
    cpu.ptff_hook = ptff_hook;
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.cc, 0);
    ck_assert_uint_eq(lc(0x2008, 8), 105);
    /* fc 0x11: the hook declines -> CC 3 */
    cpu.gr[0] = 0x11;
    s390_run(&cpu, 1);
    ck_assert_uint_eq(cpu.cc, 3);
}
END_TEST

START_TEST(diag_hook_and_unknown_code)
{
    const uint8_t code[] = { 0x83, 0x23, 0x10, 0x00,    /* diag %r2,%r3,0(%r1) */
                             0x83, 0x23, 0x40, 0x00 };  /* diag %r2,%r3,0(%r4) */
    setup(code, sizeof(code));
    cpu.gr[1] = 0x5A00;
    cpu.gr[4] = 0x1234;
    s390_run(&cpu, 1);
    ck_assert_uint_eq(diag_code, 0x5A00);
    ck_assert_uint_eq(diag_r1, 2);
    ck_assert_uint_eq(diag_r3, 3);
    ck_assert_int_eq(s390_run(&cpu, 100), S390_STOP_DISABLED_WAIT);
    ck_assert_uint_eq(lc(LC_PGM_CODE, 2), PGM_SPECIFICATION);
}
END_TEST

START_TEST(tod_rate_is_4096_per_microsecond)
{
    const uint8_t code[] = { 0x07, 0x00 };
    setup(code, sizeof(code));
    uint64_t t0 = s390_tod_now(&cpu);
    vclock_advance(&clk, 1000);   /* 1000 ns at shift 0 */
    ck_assert_uint_eq(s390_tod_now(&cpu) - t0, 4096);
    s390_set_cpu_timer(&cpu, 4096);
    vclock_advance(&clk, 500);
    ck_assert_int_eq(s390_cpu_timer(&cpu), 2048);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("s390-insn");
    TCase *tc = tcase_create("insn");
    tcase_add_test(tc, add_overflow_sets_cc3);
    tcase_add_test(tc, logical_carry_and_borrow);
    tcase_add_test(tc, divide_and_bit_instructions);
    tcase_add_test(tc, operation_exception_delivery);
    tcase_add_test(tc, privileged_in_problem_state);
    tcase_add_test(tc, exrl_relative_branch_uses_target_address);
    tcase_add_test(tc, waits);
    tcase_add_test(tc, interruption_loop_ends_the_run);
    tcase_add_test(tc, interrupt_pending_enabled_for_sae);
    tcase_add_test(tc, ptff_functions_and_hook);
    tcase_add_test(tc, diag_hook_and_unknown_code);
    tcase_add_test(tc, tod_rate_is_4096_per_microsecond);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
