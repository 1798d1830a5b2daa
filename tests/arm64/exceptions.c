/* Synchronous exceptions at EL1: SVC, HVC (PSCI on arm64-bare), BRK, UNDEFINED (UDF, unallocated
 * encodings, SMC without EL3, MSR to a read-only register), alignment (SCTLR_EL1.A, exclusives,
 * atomics, acquire/release), external aborts (unmapped PA), PC alignment, FP trap (CPACR_EL1.FPEN),
 * illegal exception return. ESR values: EC << 26 | IL (1 << 25) | ISS. */
#include "lib/t.h"

static volatile uint64_t buf[4] __attribute__((aligned(16)));

static int hook_ret_x30(struct t_frame *f, unsigned vector, uint64_t esr)
{
    (void)vector;
    (void)esr;
    f->elr = f->x[30];
    return 1;
}

static int hook_clear_il(struct t_frame *f, unsigned vector, uint64_t esr)
{
    (void)vector;
    (void)esr;
    f->spsr &= ~(1ULL << 20);
    f->elr += 4;
    return 1;
}

#define EXPECT(esr_, vec_)                  \
    do {                                    \
        CHECK_EQ(t_last.count, 1);          \
        CHECK_EQ(t_last.esr, esr_);         \
        CHECK_EQ(t_last.vector, vec_);      \
    } while (0)

int main(void)
{
    uint64_t pc, r;
    /* SVC: ESR 0x15, ELR = next instruction, SPSR = the EL1h state */
    t_reset_exc();
    __asm__ volatile("adr %0, 1f\n svc #0x42\n1:" : "=r"(pc) : : "memory");
    EXPECT(0x56000042, 4);
    CHECK_EQ(t_last.elr, pc);
    CHECK_EQ(t_last.spsr & 0x3cf, 0x3c5);
    /* HVC is PSCI on arm64-bare (no exception at EL1) */
    t_reset_exc();
    {
        register uint64_t x0 __asm__("x0") = 0x84000000; /* PSCI_VERSION */
        __asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
        CHECK_EQ(x0, 0x10001);
        x0 = 0x8400000a; /* PSCI_FEATURES(SYSTEM_OFF) */
        register uint64_t x1 __asm__("x1") = 0x84000008;
        __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1) : : "x2", "x3", "memory");
        CHECK_EQ(x0, 0);
        x0 = 0x8400000a;
        x1 = 0x84000042; /* not a PSCI function */
        __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1) : : "x2", "x3", "memory");
        CHECK_EQ(x0, (uint64_t)-1);
        x0 = 0x84000042; /* unknown function */
        __asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
        CHECK_EQ(x0, (uint64_t)-1);
    }
    CHECK_EQ(t_last.count, 0);
    /* BRK: EC 0x3c, ELR = the BRK */
    t_reset_exc();
    __asm__ volatile("adr %0, 1f\n1: brk #0x123" : "=r"(pc) : : "memory");
    EXPECT(0xf2000123, 4);
    CHECK_EQ(t_last.elr, pc);
    /* UNDEFINED */
    t_reset_exc();
    __asm__ volatile("adr %0, 1f\n1: .inst 0x00000000" : "=r"(pc) : : "memory"); /* UDF #0 */
    EXPECT(0x02000000, 4);
    CHECK_EQ(t_last.elr, pc);
    t_reset_exc();
    __asm__ volatile(".inst 0x8b201400" ::: "memory");
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile(".inst 0x12c00000" ::: "memory");
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile("smc #0" ::: "memory");
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile(".inst 0x13400000" ::: "memory"); /* SBFM W with N = 1 */
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile("msr s3_0_c0_c0_0, xzr" ::: "memory"); /* MIDR_EL1 is read-only */
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile("mrs %0, s3_0_c15_c0_0" : "=r"(r) : : "memory"); /* IMPLEMENTATION DEFINED: none */
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile(".inst 0xd53bffff" ::: "memory");
    EXPECT(0x02000000, 4);
    t_reset_exc();
    __asm__ volatile(".inst 0xd503233f\n .inst 0xd50320ff" ::: "memory"); /* unallocated hints: NOP */
    CHECK_EQ(t_last.count, 0);
    /* alignment: SCTLR_EL1.A = 1 */
    volatile uint8_t *b = (volatile uint8_t *)buf;
    WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | 2);
    __asm__ volatile("isb");
    t_reset_exc();
    __asm__ volatile("ldr %0, [%1, #1]" : "=r"(r) : "r"(b) : "memory");
    EXPECT(0x96000021, 4);
    CHECK_EQ(t_last.far, (uint64_t)b + 1);
    t_reset_exc();
    __asm__ volatile("strh wzr, [%0, #3]" : : "r"(b) : "memory");
    EXPECT(0x96000061, 4);
    CHECK_EQ(t_last.far, (uint64_t)b + 3);
    t_reset_exc();
    __asm__ volatile("ldr %w0, [%1, #4]\n ldrb %w0, [%1, #3]" : "=&r"(r) : "r"(b) : "memory"); /* aligned: fine */
    CHECK_EQ(t_last.count, 0);
    WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) & ~2ULL);
    __asm__ volatile("isb");
    /* exclusives, atomics and acquire/release are always alignment checked */
    t_reset_exc();
    __asm__ volatile("ldxr %0, [%1]" : "=r"(r) : "r"(b + 4) : "memory");
    EXPECT(0x96000021, 4);
    t_reset_exc();
    __asm__ volatile("stxr w9, xzr, [%0]" : : "r"(b + 2) : "x9", "memory");
    EXPECT(0x96000061, 4);
    t_reset_exc();
    __asm__ volatile("ldadd %0, %0, [%1]" : "+r"(r) : "r"(b + 2) : "memory");
    EXPECT(0x96000061, 4);
    t_reset_exc();
    __asm__ volatile("cas %w0, %w0, [%1]" : "+r"(r) : "r"(b + 1) : "memory");
    EXPECT(0x96000061, 4);
    t_reset_exc();
    __asm__ volatile("ldarh %w0, [%1]" : "=r"(r) : "r"(b + 1) : "memory");
    EXPECT(0x96000021, 4);
    t_reset_exc();
    __asm__ volatile("ldxp %0, x9, [%1]" : "=r"(r) : "r"(b + 8) : "x9", "memory"); /* pair: 16-byte aligned */
    EXPECT(0x96000021, 4);
    /* unmapped physical address (MMU off): synchronous external abort */
    t_reset_exc();
    __asm__ volatile("ldr %0, [%1]" : "=r"(r) : "r"((uint64_t)0x1000) : "memory");
    EXPECT(0x96000010, 4);
    CHECK_EQ(t_last.far, 0x1000);
    t_reset_exc();
    __asm__ volatile("str xzr, [%0]" : : "r"((uint64_t)0x20000000) : "memory");
    EXPECT(0x96000050, 4);
    t_reset_exc();
    __asm__ volatile("ldr %0, [%1]" : "=r"(r) : "r"((uint64_t)0x0001000000000000) : "memory"); /* > 48 bits */
    EXPECT(0x96000000, 4);
    /* instruction fetch from an unmapped address and a misaligned PC */
    t_exc_hook = hook_ret_x30;
    t_reset_exc();
    __asm__ volatile("blr %0" : : "r"((uint64_t)0x2000) : "x30", "memory");
    EXPECT(0x86000010, 4);
    CHECK_EQ(t_last.far, 0x2000);
    CHECK_EQ(t_last.elr, 0x2000);
    t_reset_exc();
    __asm__ volatile("adr x9, 1f\n add x9, x9, #2\n blr x9\n1:" : : : "x9", "x30", "memory");
    EXPECT(0x8a000000, 4);
    CHECK_EQ(t_last.far & 3, 2);
    t_reset_exc();
    __asm__ volatile("blr %0" : : "r"((uint64_t)0x09000000) : "x30", "memory"); /* fetch from the UART */
    EXPECT(0x86000010, 4);
    t_exc_hook = 0;
    /* FP/AdvSIMD trap: CPACR_EL1.FPEN = 0 traps EL1 (EC 0x07, CV = 1, COND = 0xe) */
    WRITE_SYSREG(cpacr_el1, 0);
    __asm__ volatile("isb");
    t_reset_exc();
    __asm__ volatile(".inst 0x9e6703e0" ::: "memory"); /* fmov d0, xzr */
    EXPECT(0x1fe00000, 4);
    t_reset_exc();
    __asm__ volatile("ldr q16, [%0]" : : "r"(b) : "memory");
    EXPECT(0x1fe00000, 4);
    t_reset_exc();
    __asm__ volatile("mrs %0, fpcr" : "=r"(r) : : "memory");
    EXPECT(0x1fe00000, 4);
    WRITE_SYSREG(cpacr_el1, 1ULL << 20); /* FPEN = 0b01: EL1 not trapped */
    __asm__ volatile("isb");
    t_reset_exc();
    __asm__ volatile("mrs %0, fpcr\n ldr q16, [%1]" : "=&r"(r) : "r"(b) : "memory");
    CHECK_EQ(t_last.count, 0);
    WRITE_SYSREG(cpacr_el1, 0);
    /* illegal exception return: SPSR.M = EL2h -> PSTATE.IL, then EC 0x0e at the ERET target */
    t_exc_hook = hook_clear_il;
    t_reset_exc();
    __asm__ volatile("adr x9, 1f\n mov %0, x9\n msr elr_el1, x9\n mov x10, #0x3c9\n msr spsr_el1, x10\n eret\n1: nop"
                     : "=&r"(pc) : : "x9", "x10", "memory");
    CHECK_EQ(t_last.count, 1);
    CHECK_EQ(t_last.esr, 0x3a000000);
    CHECK_EQ(t_last.elr, pc);
    CHECK_EQ(t_last.spsr & (1ULL << 20), 1ULL << 20);
    t_exc_hook = 0;
    return t_failures;
}
