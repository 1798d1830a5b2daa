/* Stage-1 translation through the core's MMU path and TLB: 4 KiB granule, 39-bit VA (start level 1),
 * a 2 MiB identity block for the program, a level-3 table with an alias page, read-only, AF = 0,
 * invalid, EL0-accessible (PAN) and PXN pages. Checks the abort syndromes (DFSC/IFSC with level,
 * WnR), FAR, AT S1E1R/W -> PAR_EL1, TLBI VAE1/VMALLE1, DC ZVA through a mapping. */
#include "lib/t.h"

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2[512] __attribute__((aligned(4096)));
static uint64_t l3[512] __attribute__((aligned(4096)));
static volatile uint64_t pg[2][512] __attribute__((aligned(4096)));

#define AF (1ULL << 10)
#define SH_IS (3ULL << 8)
#define AP_RO (1ULL << 7)
#define AP_EL0 (1ULL << 6)
#define PXN (1ULL << 53)
#define ATTR_NORMAL (1ULL << 2)
#define PAGE(pa, extra) ((uint64_t)(pa) | AF | SH_IS | ATTR_NORMAL | 3 | (extra))
#define VA_L3 0x40200000ULL

static int hook_ret_x30(struct t_frame *f, unsigned vector, uint64_t esr)
{
    (void)vector;
    (void)esr;
    f->elr = f->x[30];
    return 1;
}

#define EXPECT_ABORT(esr_, far_)               \
    do {                                       \
        CHECK_EQ(t_last.count, 1);             \
        CHECK_EQ(t_last.esr, esr_);            \
        CHECK_EQ(t_last.far, far_);            \
    } while (0)

static uint64_t ld(uint64_t va) { uint64_t v; __asm__ volatile("ldr %0, [%1]" : "=&r"(v) : "r"(va) : "memory"); return v; }
static void st(uint64_t va, uint64_t v) { __asm__ volatile("str %1, [%0]" : : "r"(va), "r"(v) : "memory"); }

int main(void)
{
    uint64_t pa0 = (uint64_t)pg[0], pa1 = (uint64_t)pg[1];
    l1[1] = (uint64_t)l2 | 3;                                   /* VA 1 GiB..2 GiB -> L2 */
    l2[0] = 0x40000000ULL | AF | SH_IS | ATTR_NORMAL | 1;        /* 2 MiB identity block, EL1 RW */
    l2[1] = (uint64_t)l3 | 3;
    l3[0] = PAGE(pa0, 0);                                       /* alias of pg[0] */
    l3[1] = PAGE(pa0, AP_RO);                                   /* read-only */
    l3[2] = PAGE(pa0, 0) & ~AF;                                 /* access flag 0 */
    l3[3] = 0;                                                  /* invalid */
    l3[4] = PAGE(pa1, AP_EL0);                                  /* EL0 RW: PAN applies */
    l3[5] = PAGE(pa0, PXN);                                     /* privileged execute-never */
    WRITE_SYSREG(mair_el1, 0xff00);                             /* attr0 Device-nGnRnE, attr1 Normal WB */
    WRITE_SYSREG(tcr_el1, 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (1ULL << 23) | (5ULL << 32));
    WRITE_SYSREG(ttbr0_el1, (uint64_t)l1);
    __asm__ volatile("dsb sy\n isb");
    WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | 1 | (1ULL << 2) | (1ULL << 12));
    __asm__ volatile("isb");
    CHECK_EQ(READ_SYSREG(sctlr_el1) & 1, 1);

    /* the alias sees pg[0] */
    pg[0][3] = 0x1122334455667788ULL;
    CHECK_EQ(ld(VA_L3 + 24), 0x1122334455667788);
    st(VA_L3 + 32, 0xabcdef);
    CHECK_EQ(pg[0][4], 0xabcdef);
    CHECK_EQ(ld(VA_L3 + 0x1000 + 24), 0x1122334455667788); /* read-only page: reads fine */
    /* faults: ESR = 0x96000000 | WnR << 6 | DFSC (EC 0x25: same EL) */
    t_reset_exc();
    st(VA_L3 + 0x1000 + 8, 1);
    EXPECT_ABORT(0x9600004f, VA_L3 + 0x1008);                 /* permission, level 3, write */
    t_reset_exc();
    ld(VA_L3 + 0x2000);
    EXPECT_ABORT(0x9600000b, VA_L3 + 0x2000);                 /* access flag, level 3 */
    t_reset_exc();
    ld(VA_L3 + 0x3010);
    EXPECT_ABORT(0x96000007, VA_L3 + 0x3010);                 /* translation, level 3 */
    t_reset_exc();
    ld(0x40600000);
    EXPECT_ABORT(0x96000006, 0x40600000);                     /* translation, level 2 (l2[3] = 0) */
    t_reset_exc();
    ld(0x1000);
    EXPECT_ABORT(0x96000005, 0x1000);                         /* translation, level 1 */
    t_reset_exc();
    ld(0x0000010000000000ULL);
    EXPECT_ABORT(0x96000004, 0x0000010000000000);             /* outside the 39-bit range: level 0 */
    /* PAN: EL1 data access to an EL0-accessible page */
    pg[1][0] = 77;
    CHECK_EQ(ld(VA_L3 + 0x4000), 77);
    __asm__ volatile("msr pan, #1");
    t_reset_exc();
    ld(VA_L3 + 0x4000);
    EXPECT_ABORT(0x9600000f, VA_L3 + 0x4000);
    uint64_t v;
    __asm__ volatile("ldtr %0, [%1]" : "=&r"(v) : "r"(VA_L3 + 0x4000) : "memory"); /* unprivileged: no PAN */
    CHECK_EQ(v, 77);
    t_reset_exc();
    __asm__ volatile("ldtr %0, [%1]" : "=&r"(v) : "r"(VA_L3 + 0x0000) : "memory"); /* EL0 has no access */
    EXPECT_ABORT(0x9600000f, VA_L3);
    __asm__ volatile("msr pan, #0");
    /* execute-never: instruction abort, EC 0x21, IFSC permission level 3 */
    pg[0][0] = 0xd65f03c0; /* ret */
    t_exc_hook = hook_ret_x30;
    t_reset_exc();
    __asm__ volatile("blr %0" : : "r"(VA_L3 + 0x5000) : "x30", "memory");
    EXPECT_ABORT(0x8600000f, VA_L3 + 0x5000);
    t_reset_exc();
    __asm__ volatile("blr %0" : : "r"(VA_L3) : "x30", "memory"); /* executable alias: runs the RET */
    CHECK_EQ(t_last.count, 0);
    t_exc_hook = 0;
    /* AT -> PAR_EL1 */
    __asm__ volatile("at s1e1r, %0\n isb" : : "r"(VA_L3 + 0x123));
    v = READ_SYSREG(par_el1);
    CHECK_EQ(v & 1, 0);
    CHECK_EQ(v & 0x0000fffffffff000ULL, pa0);
    CHECK_EQ(v >> 56, 0xff);
    __asm__ volatile("at s1e1w, %0\n isb" : : "r"(VA_L3 + 0x1000));
    v = READ_SYSREG(par_el1);
    CHECK_EQ(v & 0x7f, 1 | (0x0f << 1));                     /* F, FST = permission level 3 */
    __asm__ volatile("at s1e0r, %0\n isb" : : "r"(VA_L3));
    CHECK_EQ(READ_SYSREG(par_el1) & 0x7f, 1 | (0x0f << 1));  /* no EL0 access */
    __asm__ volatile("at s1e0r, %0\n isb" : : "r"(VA_L3 + 0x4000));
    CHECK_EQ(READ_SYSREG(par_el1) & 1, 0);
    __asm__ volatile("at s1e1r, %0\n isb" : : "r"((uint64_t)0x1000));
    CHECK_EQ(READ_SYSREG(par_el1) & 0x7f, 1 | (0x05 << 1));
    /* remap the alias to pg[1]; after TLBI VAE1 the new mapping is used */
    pg[1][3] = 0x5555;
    l3[0] = PAGE(pa1, 0);
    __asm__ volatile("dsb ishst\n tlbi vae1is, %0\n dsb ish\n isb" : : "r"(VA_L3 >> 12));
    CHECK_EQ(ld(VA_L3 + 24), 0x5555);
    l3[0] = PAGE(pa0, 0);
    __asm__ volatile("dsb ishst\n tlbi vmalle1\n dsb ish\n isb");
    CHECK_EQ(ld(VA_L3 + 24), 0x1122334455667788);
    /* DC ZVA through the mapping zeroes a 64-byte block of pg[0] */
    for (int i = 8; i < 24; i++)
        pg[0][i] = ~0ULL;
    __asm__ volatile("dc zva, %0" : : "r"(VA_L3 + 64 + 5) : "memory");
    CHECK_EQ(pg[0][8] | pg[0][15], 0);
    CHECK_EQ(pg[0][16], ~0ULL);
    t_reset_exc();
    __asm__ volatile("dc zva, %0" : : "r"(VA_L3 + 0x1000) : "memory"); /* read-only: faults as a write */
    EXPECT_ABORT(0x9600004f, VA_L3 + 0x1000);
    /* MMU off again */
    WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) & ~1ULL);
    __asm__ volatile("isb");
    t_reset_exc();
    CHECK_EQ(ld(VA_L3 + 0x3010), 0); /* flat again: PA 0x40203010 is plain RAM */
    CHECK_EQ(t_last.count, 0);
    return t_failures;
}
