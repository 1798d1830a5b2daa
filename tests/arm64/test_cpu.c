/* Unit tests of the core through its env hooks (the interface the SAE model uses): single-stepping,
 * EL2 trap routing and reported PCs, HVC, nullified accesses, interrupts, WFI, PSTATE layout. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arm64/cpu.h"
#include "arm64/decode.h"

#define RAM_BASE 0x10000u
#define RAM_SIZE 0x10000u
static uint8_t ram[RAM_SIZE];
static uint64_t nullify_addr = ~0ULL;
static unsigned el2_calls, wfx_calls;
static struct arm64_el2_event last_ev;
static uint64_t last_ev_pc;

static enum arm64_phys_result phys(void *o, struct arm64_cpu *c, uint64_t ipa, unsigned flags,
                                   const struct arm64_access_info *info, struct arm64_phys *out)
{
    (void)o; (void)c; (void)flags; (void)info;
    if (ipa == nullify_addr)
        return ARM64_PHYS_NULLIFY;
    if (ipa < RAM_BASE || ipa >= RAM_BASE + RAM_SIZE)
        return ARM64_PHYS_ABORT;
    out->host = ram + (ipa - RAM_BASE);
    return ARM64_PHYS_OK;
}

static void el2(void *o, struct arm64_cpu *c, const struct arm64_el2_event *ev)
{
    (void)o;
    el2_calls++;
    last_ev = *ev;
    last_ev_pc = c->pc;
    arm64_request_stop(c, ARM64_STOP_REQUEST);
}

static bool wfx(void *o, struct arm64_cpu *c, bool is_wfe)
{
    (void)o; (void)is_wfe;
    wfx_calls++;
    arm64_request_stop(c, ARM64_STOP_REQUEST);
    return false;
}

static const struct arm64_env env = { .phys = phys, .el2_exception = el2, .wfx = wfx };

static struct arm64_cpu *setup(const uint32_t *code, unsigned n)
{
    memset(ram, 0, sizeof(ram));
    for (unsigned i = 0; i < n; i++)
        memcpy(ram + 4 * i, &code[i], 4);
    nullify_addr = ~0ULL;
    el2_calls = wfx_calls = 0;
    struct arm64_cpu *c = arm64_cpu_create(&env, NULL);
    c->pc = RAM_BASE;
    c->el2.cptr = 3u << 20;
    c->sr.vbar = RAM_BASE + 0x800;
    return c;
}

START_TEST(single_step)
{
    const uint32_t code[] = { 0x91000400, 0x91000400, 0x14000000 }; /* add x0,x0,#1 x2; b . */
    struct arm64_cpu *c = setup(code, 3);
    ck_assert_int_eq(arm64_run(c, 1), ARM64_STOP_MAX_INSNS);
    ck_assert_uint_eq(c->x[0], 1);
    ck_assert_uint_eq(c->pc, RAM_BASE + 4);
    ck_assert_uint_eq(c->insn_count, 1);
    arm64_run(c, 1);
    ck_assert_uint_eq(c->x[0], 2);
    arm64_run(c, 100);
    ck_assert_uint_eq(c->pc, RAM_BASE + 8);
    ck_assert_uint_eq(c->insn_count, 102);
    arm64_cpu_destroy(c);
}
END_TEST

START_TEST(trap_tid3)
{
    const uint32_t code[] = { 0xd5380400 }; /* mrs x0, id_aa64pfr0_el1 */
    struct arm64_cpu *c = setup(code, 1);
    c->el2.hcr = 1ULL << 18;
    ck_assert_int_eq(arm64_run(c, 10), ARM64_STOP_REQUEST);
    ck_assert_uint_eq(el2_calls, 1);
    ck_assert_uint_eq(last_ev.esr, 0x62000000u | 3u << 20 | 0u << 17 | 0u << 14 | 0u << 10 | 0u << 5 | 4u << 1 | 1u);
    ck_assert_uint_eq(last_ev_pc, RAM_BASE);
    ck_assert_uint_eq(c->pc, RAM_BASE); /* the trapped instruction */
    c->el2.hcr = 0;
    arm64_run(c, 1);
    ck_assert_uint_eq(c->x[0], 0x1100000001000011ULL);
    arm64_cpu_destroy(c);
}
END_TEST

/* One instruction under a set of EL2 controls: expect a trap with this ESR, PC left at the insn. */
static void expect_el2_trap(uint32_t insn, uint64_t hcr, uint64_t cptr, uint64_t cnthctl, unsigned el,
                            uint64_t esr)
{
    struct arm64_cpu *c = setup(&insn, 1);
    c->el2.hcr = hcr;
    c->el2.cptr = cptr;
    c->el2.cnthctl = cnthctl;
    c->sr.cpacr = 3u << 20;
    c->sr.sctlr |= (1u << 16) | (1u << 18) | (1u << 15) | (1u << 14) | (1u << 26); /* no EL1 traps of EL0 */
    c->sr.cntkctl = 0x303;
    if (el == 0)
        arm64_set_pstate(c, 0);
    arm64_run(c, 1);
    ck_assert_msg(el2_calls == 1, "insn 0x%08x: no EL2 trap", insn);
    ck_assert_msg(last_ev.esr == esr, "insn 0x%08x: ESR 0x%llx, expected 0x%llx", insn,
                  (unsigned long long)last_ev.esr, (unsigned long long)esr);
    ck_assert_uint_eq(c->pc, RAM_BASE);
    arm64_cpu_destroy(c);
}

START_TEST(el2_traps)
{
    const uint64_t fp_on = 3u << 20, cnt_on = 3u << 10;
    /* WFI/WFE that would wait: HCR_EL2.TWI/TWE, EC 0x01 (CV = 1, COND = 0xe, TI) */
    expect_el2_trap(0xd503207f, 1ULL << 13, fp_on, cnt_on, 1, 0x07e00000);
    expect_el2_trap(0xd503205f, 1ULL << 14, fp_on, cnt_on, 0, 0x07e00001);
    /* SMC with HCR_EL2.TSC: EC 0x17, imm16 */
    expect_el2_trap(0xd4000263, 1ULL << 19, fp_on, cnt_on, 1, 0x5e000013);
    /* MSR SCTLR_EL1 with TVM: EC 0x18, Op0 3, Op1 0, CRn 1, CRm 0, Op2 0, Rt 0, write */
    expect_el2_trap(0xd5181000, 1ULL << 26, fp_on, cnt_on, 1, 0x62300400);
    /* MRS TTBR0_EL1 with TRVM */
    expect_el2_trap(0xd5382003, 1ULL << 30, fp_on, cnt_on, 1, 0x62300861);
    /* MRS CTR_EL0 at EL0 with TID2 */
    expect_el2_trap(0xd53b0021, 1ULL << 17, fp_on, cnt_on, 0, 0x6232c021);
    /* TLBI VMALLE1 with TTLB: Op0 1, Op1 0, CRn 8, CRm 7, Op2 0, Rt 31 */
    expect_el2_trap(0xd508871f, 1ULL << 25, fp_on, cnt_on, 1, 0x621023ee);
    /* DC ZVA with TDZ: Op0 1, Op1 3, CRn 7, CRm 4, Op2 1, Rt 0 */
    expect_el2_trap(0xd50b7420, 1ULL << 28, fp_on, cnt_on, 1, 0x6212dc08);
    /* ACTLR_EL1 read with TACR */
    expect_el2_trap(0xd5381020, 1ULL << 21, fp_on, cnt_on, 1, 0x62320401);
    /* FP with CPTR_EL2.FPEN = 0b00: EC 0x07 */
    expect_el2_trap(0x9e6703e0, 0, 0, cnt_on, 1, 0x1fe00000);
    expect_el2_trap(0x9e6703e0, 0, 2u << 20, cnt_on, 0, 0x1fe00000);
    /* CNTPCT_EL0 with CNTHCTL_EL2.EL1PCTEN = 0; CNTP_CTL_EL0 with EL1PCEN = 0 */
    expect_el2_trap(0xd53be020, 0, fp_on, 2u << 10, 1, 0x6232f801);
    expect_el2_trap(0xd53be220, 0, fp_on, 1u << 10, 0, 0x6232f805);
    /* CPACR_EL1 access with CPTR_EL2.TCPAC */
    expect_el2_trap(0xd5181040, 0, fp_on | (1u << 31), cnt_on, 1, 0x62340400);
}
END_TEST

START_TEST(el1_before_el2)
{
    /* An EL1 trap of EL0 (SCTLR_EL1.nTWI = 0) takes precedence over HCR_EL2.TWI */
    const uint32_t code[] = { 0xd503207f };
    struct arm64_cpu *c = setup(code, 1);
    c->el2.hcr = 1ULL << 13;
    c->sr.sctlr &= ~(1ULL << 16);
    arm64_set_pstate(c, 0);
    arm64_run(c, 1);
    ck_assert_uint_eq(el2_calls, 0);
    ck_assert_uint_eq(c->sr.esr, 0x07e00000);
    ck_assert_uint_eq(c->pc, RAM_BASE + 0x800 + 0x400);
    arm64_cpu_destroy(c);
}
END_TEST

START_TEST(hvc_pc)
{
    const uint32_t code[] = { 0xd4000a42 }; /* hvc #0x52 */
    struct arm64_cpu *c = setup(code, 1);
    arm64_run(c, 10);
    ck_assert_uint_eq(el2_calls, 1);
    ck_assert_uint_eq(last_ev.esr, 0x5a000052u);
    ck_assert_uint_eq(last_ev_pc, RAM_BASE + 4);
    ck_assert_uint_eq(c->pc, RAM_BASE + 4);
    c->el2.hcr = 1ULL << 29; /* HCD: HVC is UNDEFINED */
    c->pc = RAM_BASE;
    arm64_run(c, 1);
    ck_assert_uint_eq(el2_calls, 1);
    ck_assert_uint_eq(c->pc, RAM_BASE + 0x800 + 0x200);
    ck_assert_uint_eq(c->sr.esr, 0x02000000);
    arm64_cpu_destroy(c);
}
END_TEST

START_TEST(nullify)
{
    const uint32_t code[] = { 0xf9400020 }; /* ldr x0, [x1] */
    struct arm64_cpu *c = setup(code, 1);
    c->x[1] = RAM_BASE + 0x2100; /* another page than the code (the env answers per 4 KiB page) */
    c->x[0] = 77;
    nullify_addr = RAM_BASE + 0x2100;
    ck_assert_int_eq(arm64_run(c, 10), ARM64_STOP_NULLIFIED);
    ck_assert_uint_eq(c->pc, RAM_BASE);
    ck_assert_uint_eq(c->x[0], 77);
    ck_assert_uint_eq(c->insn_count, 0);
    nullify_addr = ~0ULL;
    memcpy(ram + 0x2100, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
    arm64_tlb_flush_all(c);
    arm64_run(c, 1);
    ck_assert_uint_eq(c->x[0], 0x8877665544332211ULL);
    arm64_cpu_destroy(c);
}
END_TEST

START_TEST(interrupts_and_wfi)
{
    const uint32_t code[] = { 0xd503207f, 0xd503201f }; /* wfi; nop */
    struct arm64_cpu *c = setup(code, 2);
    ck_assert_int_eq(arm64_run(c, 10), ARM64_STOP_REQUEST);
    ck_assert_uint_eq(wfx_calls, 1);
    ck_assert_uint_eq(c->pc, RAM_BASE + 4); /* the WFI completed */
    /* a masked IRQ completes WFI without calling the env, and is not taken */
    c->pc = RAM_BASE;
    arm64_set_irq_line(c, ARM64_IRQ, true);
    arm64_run(c, 1);
    ck_assert_uint_eq(wfx_calls, 1);
    ck_assert_uint_eq(c->pc, RAM_BASE + 4);
    /* unmask: taken at the next boundary, EL1h IRQ vector, ELR = next instruction */
    arm64_set_pstate(c, 0x305); /* EL1h, D A F masked, I clear */
    arm64_run(c, 1);
    ck_assert_uint_eq(c->pc, RAM_BASE + 0x800 + 0x280);
    ck_assert_uint_eq(c->sr.elr, RAM_BASE + 4);
    ck_assert_uint_eq(c->sr.spsr, 0x305);
    ck_assert_uint_eq(arm64_get_pstate(c), 0x3c5);
    /* virtual IRQ through HCR_EL2.IMO/VI */
    arm64_set_irq_line(c, ARM64_IRQ, false);
    c->pc = RAM_BASE + 4;
    arm64_set_pstate(c, 0x4); /* EL1t, all unmasked */
    c->el2.hcr = (1ULL << 4) | (1ULL << 7);
    arm64_set_pstate(c, 0x4);
    arm64_run(c, 1);
    ck_assert_uint_eq(c->pc, RAM_BASE + 0x800 + 0x080);
    arm64_cpu_destroy(c);
}
END_TEST

START_TEST(pstate_layout)
{
    struct arm64_cpu *c = setup(NULL, 0);
    arm64_set_pstate(c, 0xF0400000u | 0x3c0 | 0x4);
    ck_assert_uint_eq(c->nzcv, 0xF0000000u);
    ck_assert(c->pan);
    ck_assert_uint_eq(c->el, 1);
    ck_assert(!c->spsel);
    ck_assert_uint_eq(arm64_get_pstate(c), 0xF04003C4u);
    arm64_set_pstate(c, 0x0);
    ck_assert_uint_eq(c->el, 0);
    ck_assert_uint_eq(arm64_get_pstate(c), 0);
    arm64_cpu_destroy(c);
}
END_TEST

/* Random 32-bit words, each executed once at EL0 or EL1 with random register values: the core must
 * never crash (run under ASan/UBSan in the sanitizer build) and must make progress (exactly one
 * instruction per step, the PC moving to PC+4, a branch target or a vector). */
START_TEST(random_words)
{
    struct arm64_cpu *c = setup(NULL, 0);
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    unsigned undef = 0;
    for (unsigned i = 0; i < 200000; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        uint32_t w = (uint32_t)(seed >> 32);
        memcpy(ram, &w, 4);
        arm64_cpu_reset(c);
        c->sr.vbar = RAM_BASE + 0x800;
        c->el2.cptr = 3u << 20;
        for (unsigned r = 0; r < 31; r++)
            c->x[r] = (r & 1) ? RAM_BASE + ((seed >> r) & 0x7FF8) : seed ^ (0x1234567ULL * r);
        c->sp_el0 = c->sp_el1 = RAM_BASE + 0x8000;
        c->nzcv = (uint32_t)(seed & 0xF0000000u);
        if (i & 1)
            arm64_set_pstate(c, 0); /* EL0t */
        c->pc = RAM_BASE;
        uint64_t n0 = c->insn_count;
        int rc = arm64_run(c, 1);
        ck_assert(rc == ARM64_STOP_MAX_INSNS || rc == ARM64_STOP_REQUEST || rc == ARM64_STOP_NULLIFIED);
        ck_assert(c->insn_count - n0 <= 1);
        if (c->pc == RAM_BASE + 0x800 + (i & 1 ? 0x400 : 0x200) && (c->sr.esr >> 26) == 0)
            undef++;
        ck_assert_ptr_nonnull(arm64_decode(w));
    }
    /* a good part of the 32-bit space is unallocated in this profile (SVE, SME, FP data processing) */
    ck_assert_uint_gt(undef, 20000);
    arm64_cpu_destroy(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("arm64_cpu");
    TCase *tc = tcase_create("cpu");
    tcase_add_test(tc, single_step);
    tcase_add_test(tc, trap_tid3);
    tcase_add_test(tc, hvc_pc);
    tcase_add_test(tc, el2_traps);
    tcase_add_test(tc, el1_before_el2);
    tcase_add_test(tc, nullify);
    tcase_add_test(tc, interrupts_and_wfi);
    tcase_add_test(tc, pstate_layout);
    tcase_add_test(tc, random_words);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
