/* Bare-metal AArch64 MMU test (issue 5 acceptance), for saesim -M arm64-bare. Runs twice, with the
 * 4K and with the 64K granule:
 *   - identity map of RAM with blocks (EL1 only), user pages at 0x1000_0000 (EL0 code, EL0 data,
 *     an EL1-only page, test pages), and with 4K a TTBR1 alias of RAM (1 GiB block);
 *   - takes and repairs a translation fault, an access-flag fault and a permission fault;
 *   - PAN: an EL1 load from an EL0-accessible page faults, LDTR does not;
 *   - EL1 executing from an EL0-writable page is an instruction abort (privileged XN by rule);
 *   - EL0 runs its own code, is stopped from kernel pages, from writing its code, and from
 *     executing its data;
 *   - TLBI: break-before-make remap with TLBI VAE1, ASID switch without TLBI (two ASIDs map the
 *     same VA to different frames), TLBI ASIDE1 and VMALLE1.
 * Prints "PASS" and exits 0; on any mismatch prints what failed and exits 1. */
#include <stdint.h>

void plat_puts(const char *s);
void plat_exit(int code) __attribute__((noreturn));
uint64_t run_user(uint64_t entry, uint64_t sp_el0, uint64_t a0, uint64_t a1, uint64_t a2);
extern char __user_start[], user_entry[];

#define SYSREG_R(name) ({ uint64_t v_; __asm__ volatile("mrs %0, " #name : "=r"(v_)); v_; })
#define SYSREG_W(name, v) __asm__ volatile("msr " #name ", %0" : : "r"((uint64_t)(v)) : "memory")
#define ISB() __asm__ volatile("isb" : : : "memory")
#define DSB() __asm__ volatile("dsb ish" : : : "memory")

/* ---- output ---- */
static void puthex(uint64_t v)
{
    char b[19];
    b[0] = '0';
    b[1] = 'x';
    for (int i = 0; i < 16; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
    b[18] = 0;
    plat_puts(b);
}

static int failures;
static const char *phase = "";

static void check(int ok, const char *what, uint64_t got, uint64_t want)
{
    if (ok)
        return;
    failures++;
    plat_puts("FAIL ");
    plat_puts(phase);
    plat_puts(": ");
    plat_puts(what);
    plat_puts(" got ");
    puthex(got);
    plat_puts(" want ");
    puthex(want);
    plat_puts("\n");
}
#define CHECK_EQ(what, got, want) check((uint64_t)(got) == (uint64_t)(want), what, got, want)

/* ---- tables ---- */
#define RAM_BASE 0x40000000ULL
#define UVA 0x10000000ULL            /* user region */
#define U_CODE (UVA + 0x00000)
#define U_DATA (UVA + 0x10000)
#define K_ONLY (UVA + 0x20000)
#define T_XLAT (UVA + 0x30000)       /* unmapped until the translation fault */
#define T_AF (UVA + 0x40000)         /* AF = 0 */
#define T_RO (UVA + 0x50000)         /* EL1 read-only */
#define T_REMAP (UVA + 0x60000)      /* remapped with break-before-make */
#define U_STACK (UVA + 0x70000)
#define HIGH_ALIAS 0xffffff8000000000ULL  /* TTBR1 (4K): 1 GiB block -> RAM_BASE */

#define D_AF (1ULL << 10)
#define D_SH_IS (3ULL << 8)
#define D_AP_EL0 (1ULL << 6)
#define D_AP_RO (1ULL << 7)
#define D_NG (1ULL << 11)
#define D_PXN (1ULL << 53)
#define D_UXN (1ULL << 54)
#define D_NORMAL (0ULL << 2)         /* MAIR attr 0 */

static uint64_t tbl[8][8192] __attribute__((aligned(65536)));  /* 8 tables of up to 64 KiB */
static uint8_t frames[8][65536] __attribute__((aligned(65536)));  /* physical pages for mappings */

static unsigned gshift;   /* 12 or 16 */
static uint64_t *l3a, *l3b;   /* user-region leaf tables for ASID 1 and ASID 2 */

static uint64_t pa_of(const void *p) { return (uint64_t)(uintptr_t)p; }
static uint64_t pgsz(void) { return 1ULL << gshift; }
static unsigned l3_index(uint64_t va) { return (unsigned)((va >> gshift) & ((1u << (gshift - 3)) - 1)); }

static void zero_tables(void)
{
    for (unsigned t = 0; t < 8; t++)
        for (unsigned i = 0; i < 8192; i++)
            tbl[t][i] = 0;
}

static uint64_t page_desc(uint64_t pa, uint64_t attrs)
{
    return pa | attrs | D_SH_IS | D_NORMAL | D_NG | 3;
}

/* Build both translation regimes for the current granule. ASID 1 uses root tbl[0], ASID 2 root
 * tbl[4]; they share the identity map and differ in the user region's leaf table. */
static void build_tables(void)
{
    zero_tables();
    uint64_t kblock = D_AF | D_SH_IS | D_NORMAL | D_UXN | 1;    /* EL1 RWX, EL0 none */
    if (gshift == 12) {
        /* T0SZ = 25: start level 1. L1[0] -> L2 (user region), L1[1] -> L2 with 2 MiB blocks. */
        uint64_t *l1 = tbl[0], *l2u = tbl[1], *l2k = tbl[2];
        l3a = tbl[3];
        for (unsigned i = 0; i < 64; i++)     /* 128 MiB of RAM */
            l2k[i] = (RAM_BASE + ((uint64_t)i << 21)) | kblock;
        l1[0] = pa_of(l2u) | 3;
        l1[1] = pa_of(l2k) | 3;
        l2u[(UVA >> 21) & 511] = pa_of(l3a) | 3;
        /* ASID 2 tree. */
        uint64_t *l1b = tbl[4], *l2ub = tbl[5];
        l3b = tbl[6];
        l1b[0] = pa_of(l2ub) | 3;
        l1b[1] = pa_of(l2k) | 3;
        l2ub[(UVA >> 21) & 511] = pa_of(l3b) | 3;
        /* TTBR1: T1SZ = 25, start level 1, one 1 GiB block. */
        tbl[7][0] = RAM_BASE | kblock;
    } else {
        /* 64K, T0SZ = 25: start level 2 (8192-entry... only 64 entries used: 39 - 29 = 10 bits).
         * L2[0] -> L3 (user region), L2[2] = 512 MiB block of RAM. */
        uint64_t *l2 = tbl[0];
        l3a = tbl[3];
        l2[0] = pa_of(l3a) | 3;
        l2[RAM_BASE >> 29] = RAM_BASE | kblock;
        uint64_t *l2b = tbl[4];
        l3b = tbl[6];
        l2b[0] = pa_of(l3b) | 3;
        l2b[RAM_BASE >> 29] = RAM_BASE | kblock;
    }
    uint64_t ucode = D_AF | D_AP_EL0 | D_AP_RO | D_PXN;       /* EL0 R-X, EL1 R */
    uint64_t udata = D_AF | D_AP_EL0 | D_PXN | D_UXN;         /* EL0 RW */
    uint64_t konly = D_AF | D_UXN;                            /* EL1 RW */
    for (int t = 0; t < 2; t++) {
        uint64_t *l3 = t ? l3b : l3a;
        l3[l3_index(U_CODE)] = page_desc(pa_of(__user_start), ucode);
        l3[l3_index(U_DATA)] = page_desc(pa_of(frames[0]), udata);
        l3[l3_index(U_STACK)] = page_desc(pa_of(frames[1]), udata);
        l3[l3_index(K_ONLY)] = page_desc(pa_of(frames[2]), konly);
        l3[l3_index(T_AF)] = page_desc(pa_of(frames[3]), konly & ~D_AF);
        l3[l3_index(T_RO)] = page_desc(pa_of(frames[4]), konly | D_AP_RO);
        l3[l3_index(T_REMAP)] = page_desc(pa_of(frames[t ? 6 : 5]), konly);
    }
    DSB();
}

static void tlbi_all(void)
{
    __asm__ volatile("dsb ishst; tlbi vmalle1is; dsb ish; isb" : : : "memory");
}

static void tlbi_va(uint64_t va, uint64_t asid)
{
    uint64_t op = ((va >> 12) & 0xfffffffffffULL) | (asid << 48);
    __asm__ volatile("dsb ishst; tlbi vae1is, %0; dsb ish; isb" : : "r"(op) : "memory");
}

static void mmu_off(void)
{
    SYSREG_W(sctlr_el1, SYSREG_R(sctlr_el1) & ~1ULL);
    ISB();
}

static void mmu_on(void)
{
    uint64_t tcr;
    if (gshift == 12)
        tcr = 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (0ULL << 14) |      /* TTBR0 4K */
              (25ULL << 16) | (1ULL << 24) | (1ULL << 26) | (3ULL << 28) | (2ULL << 30); /* TTBR1 4K */
    else
        tcr = 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (1ULL << 14) |      /* TTBR0 64K */
              (1ULL << 23);                                                          /* EPD1 */
    tcr |= 2ULL << 32;   /* IPS: 40 bits */
    SYSREG_W(mair_el1, 0x00ffULL);        /* attr0 Normal WB, attr1 Device-nGnRnE */
    SYSREG_W(tcr_el1, tcr);
    SYSREG_W(ttbr0_el1, pa_of(tbl[0]) | (1ULL << 48));
    SYSREG_W(ttbr1_el1, pa_of(tbl[7]));
    ISB();
    tlbi_all();
    uint64_t sctlr = SYSREG_R(sctlr_el1);
    sctlr |= 1ULL | (1ULL << 2) | (1ULL << 12) | (1ULL << 23);   /* M, C, I, SPAN */
    sctlr &= ~((1ULL << 19) | (1ULL << 1));                      /* WXN off, alignment off */
    SYSREG_W(sctlr_el1, sctlr);
    ISB();
}

/* ---- exception handling ---- */
struct frame { uint64_t x[31]; uint64_t elr, spsr, pad; };

enum action { A_NONE, A_MAP, A_SET_AF, A_MAKE_RW, A_SKIP, A_RET_LR, A_EXIT_USER, A_SKIP_ALL };
static volatile enum action action;
static volatile uint64_t last_esr, last_far, nfaults;
uint64_t user_result;
static uint64_t rec_far[4], rec_esr[4];
static volatile unsigned rec_n;

static uint64_t *leaf_for(uint64_t va) { return &l3a[l3_index(va)]; }

uint64_t exc_handler(struct frame *f, uint64_t kind)
{
    uint64_t esr = SYSREG_R(esr_el1), far = SYSREG_R(far_el1);
    unsigned ec = (unsigned)(esr >> 26);
    if (kind == 8 && ec == 0x15) {         /* SVC from EL0: leave user mode */
        user_result = f->x[0];
        return 1;
    }
    if (kind != 4 && kind != 8) {
        plat_puts("FAIL unexpected exception kind ");
        puthex(kind);
        plat_puts(" esr ");
        puthex(esr);
        plat_puts("\n");
        plat_exit(1);
    }
    last_esr = esr;
    last_far = far;
    nfaults++;
    switch (action) {
    case A_MAP:        /* translation fault: install the page (invalid -> valid: no TLBI) */
        *leaf_for(far) = page_desc(pa_of(frames[7]), D_AF | D_UXN);
        DSB();
        ISB();
        break;
    case A_SET_AF:     /* access flag fault: AF = 0 entries are never cached, no TLBI */
        *leaf_for(far) |= D_AF;
        DSB();
        ISB();
        break;
    case A_MAKE_RW:    /* permission change of a valid entry: TLBI by VA */
        *leaf_for(far) &= ~D_AP_RO;
        tlbi_va(far, 1);
        break;
    case A_SKIP:
        f->elr += 4;
        break;
    case A_RET_LR:
        f->elr = f->x[30];
        break;
    case A_EXIT_USER:
        user_result = ~0ULL;
        action = A_NONE;
        return 1;
    case A_SKIP_ALL:   /* record and skip every data abort; the expectation stays armed */
        if (rec_n < 4) {
            rec_far[rec_n] = far;
            rec_esr[rec_n] = esr;
        }
        rec_n++;
        if (rec_n > 8) {           /* runaway: leave user mode */
            user_result = ~1ULL;
            return 1;
        }
        f->elr += 4;
        return 0;
    case A_NONE:
        plat_puts("FAIL unexpected fault esr ");
        puthex(esr);
        plat_puts(" far ");
        puthex(far);
        plat_puts(" elr ");
        puthex(f->elr);
        plat_puts("\n");
        plat_exit(1);
    }
    action = A_NONE;
    return 0;
}

static void expect_fault(enum action a) { action = a; nfaults = 0; last_esr = 0; last_far = 0; }

static void check_fault(const char *what, unsigned ec, unsigned fsc, int wnr, uint64_t far)
{
    CHECK_EQ(what, nfaults, 1);
    CHECK_EQ(what, last_esr >> 26, ec);
    CHECK_EQ(what, last_esr & 0x3f, fsc);
    if (wnr >= 0)
        CHECK_EQ(what, (last_esr >> 6) & 1, wnr);
    CHECK_EQ(what, last_far, far);
    CHECK_EQ(what, action, A_NONE);   /* the handler consumed the expectation */
}

static uint64_t rd(uint64_t va) { return *(volatile uint64_t *)(uintptr_t)va; }
static void wr(uint64_t va, uint64_t v) { *(volatile uint64_t *)(uintptr_t)va = v; }

static uint64_t ldtr(uint64_t va)
{
    uint64_t v;
    __asm__ volatile("ldtr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static void set_pan(int on)
{
    if (on)
        __asm__ volatile(".arch armv8.1-a\n msr pan, #1" : : : "memory");
    else
        __asm__ volatile(".arch armv8.1-a\n msr pan, #0" : : : "memory");
    ISB();
}

/* ---- the test, once per granule ---- */
static void run_suite(unsigned shift)
{
    gshift = shift;
    phase = shift == 12 ? "4K" : "64K";
    for (unsigned i = 0; i < 8; i++)
        for (unsigned j = 0; j < 65536 / 8; j++)
            ((volatile uint64_t *)frames[i])[j] = 0x1111111111111111ULL * i + j;
    build_tables();
    mmu_on();
    uint64_t off = 0x28;

    /* Identity map works (we are running), and kernel data is reachable through it. */
    static volatile uint64_t kvar = 0x1234;
    CHECK_EQ("identity", rd(pa_of((const void *)&kvar)), 0x1234);
    if (shift == 12)
        CHECK_EQ("ttbr1 alias", rd(HIGH_ALIAS + (pa_of((const void *)&kvar) - RAM_BASE)), 0x1234);

    /* User pages at EL1 (PAN off). */
    CHECK_EQ("user data at EL1", rd(U_DATA + off), 0x0 + off / 8);
    CHECK_EQ("k-only page", rd(K_ONLY + off), 0x2222222222222222ULL + off / 8);

    /* Translation fault, repaired by mapping the page. */
    expect_fault(A_MAP);
    uint64_t v = rd(T_XLAT + off);
    check_fault("translation", 0x25, 0x07, 0, T_XLAT + off);
    CHECK_EQ("after map", v, 0x7777777777777777ULL + off / 8);

    /* Access flag fault at level 3. */
    expect_fault(A_SET_AF);
    v = rd(T_AF + off);
    check_fault("access flag", 0x25, 0x0b, 0, T_AF + off);
    CHECK_EQ("after AF", v, 0x3333333333333333ULL + off / 8);

    /* Permission fault on a write to an EL1 read-only page; made writable with TLBI VAE1. */
    CHECK_EQ("ro read", rd(T_RO + off), 0x4444444444444444ULL + off / 8);
    expect_fault(A_MAKE_RW);
    wr(T_RO + off, 0xabcdef);
    check_fault("permission", 0x25, 0x0f, 1, T_RO + off);
    CHECK_EQ("after rw", ((volatile uint64_t *)frames[4])[off / 8], 0xabcdef);

    /* Break-before-make remap with TLBI: the old frame must not be seen afterwards. */
    CHECK_EQ("remap before", rd(T_REMAP + off), 0x5555555555555555ULL + off / 8);
    *leaf_for(T_REMAP) = 0;
    tlbi_va(T_REMAP, 1);
    *leaf_for(T_REMAP) = page_desc(pa_of(frames[2]), D_AF | D_UXN);
    DSB();
    ISB();
    CHECK_EQ("remap after", rd(T_REMAP + off), 0x2222222222222222ULL + off / 8);

    /* ASIDs: ASID 2 maps T_REMAP to frames[6]; switching TTBR0.ASID needs no TLBI. */
    SYSREG_W(ttbr0_el1, pa_of(tbl[4]) | (2ULL << 48));
    ISB();
    CHECK_EQ("asid 2", rd(T_REMAP + off), 0x6666666666666666ULL + off / 8);
    SYSREG_W(ttbr0_el1, pa_of(tbl[0]) | (1ULL << 48));
    ISB();
    CHECK_EQ("asid 1 again", rd(T_REMAP + off), 0x2222222222222222ULL + off / 8);
    /* Change ASID 2's mapping; TLBI ASIDE1 for ASID 2 only, then check both. */
    l3b[l3_index(T_REMAP)] = page_desc(pa_of(frames[5]), D_AF | D_UXN);
    __asm__ volatile("dsb ishst; tlbi aside1is, %0; dsb ish; isb" : : "r"(2ULL << 48) : "memory");
    SYSREG_W(ttbr0_el1, pa_of(tbl[4]) | (2ULL << 48));
    ISB();
    CHECK_EQ("asid 2 after aside1", rd(T_REMAP + off), 0x5555555555555555ULL + off / 8);
    SYSREG_W(ttbr0_el1, pa_of(tbl[0]) | (1ULL << 48));
    ISB();
    CHECK_EQ("asid 1 kept", rd(T_REMAP + off), 0x2222222222222222ULL + off / 8);

    /* PAN: EL1 load from an EL0-accessible page faults (permission, level 3); LDTR does not. */
    set_pan(1);
    expect_fault(A_SKIP);
    v = 0x99;
    __asm__ volatile("mov %0, #0x99\n ldr %0, [%1]" : "+r"(v) : "r"(U_DATA + off) : "memory");
    check_fault("pan", 0x25, 0x0f, 0, U_DATA + off);
    CHECK_EQ("pan load skipped", v, 0x99);
    CHECK_EQ("ldtr with pan", ldtr(U_DATA + off), 0x0 + off / 8);
    CHECK_EQ("pan k-only ok", rd(K_ONLY + off), 0x2222222222222222ULL + off / 8);
    set_pan(0);
    CHECK_EQ("pan off", rd(U_DATA + off), 0x0 + off / 8);

    /* EL1 may not execute EL0-writable memory, even with PXN = 0. */
    ((volatile uint32_t *)frames[0])[0] = 0xd65f03c0;        /* ret */
    l3a[l3_index(U_DATA)] &= ~D_PXN;
    tlbi_va(U_DATA, 1);
    __asm__ volatile("ic iallu; dsb ish; isb" : : : "memory");
    expect_fault(A_RET_LR);
    ((void (*)(void))(uintptr_t)U_DATA)();
    check_fault("el1 exec of el0-writable", 0x21, 0x0f, -1, U_DATA);

    /* EL0: its own code and data work; kernel pages, and writes to its code page, do not. */
    wr(U_DATA, 41);
    uint64_t blockva = pa_of((const void *)&kvar);
    static const struct { uint64_t far; unsigned fsc; int wnr; } want[3] = {
        { K_ONLY, 0x0f, 0 }, { 0, 0x0e, 0 }, { U_CODE, 0x0f, 1 },
    };
    action = A_SKIP_ALL;
    rec_n = 0;
    uint64_t r = run_user(U_CODE + (uint64_t)(user_entry - __user_start), U_STACK + pgsz(),
                          U_DATA, K_ONLY, blockva);
    action = A_NONE;
    CHECK_EQ("el0 result", r, 42);
    CHECK_EQ("el0 data written", rd(U_DATA), 42);
    CHECK_EQ("el0 faults", rec_n, 3);
    for (unsigned i = 0; i < 3; i++) {
        uint64_t wf = want[i].far ? want[i].far : blockva;
        CHECK_EQ("el0 fault ec", rec_esr[i] >> 26, 0x24);
        CHECK_EQ("el0 fault fsc", rec_esr[i] & 0x3f, want[i].fsc);
        CHECK_EQ("el0 fault wnr", (rec_esr[i] >> 6) & 1, (uint64_t)want[i].wnr);
        CHECK_EQ("el0 fault far", rec_far[i], wf);
    }

    /* EL0 may not execute its data page (UXN): instruction abort from EL0. */
    expect_fault(A_EXIT_USER);
    r = run_user(U_DATA, U_STACK + pgsz(), 0, 0, 0);
    CHECK_EQ("el0 exec xn", r, ~0ULL);
    CHECK_EQ("el0 exec xn ec", last_esr >> 26, 0x20);
    CHECK_EQ("el0 exec xn fsc", last_esr & 0x3f, 0x0f);
    CHECK_EQ("el0 exec xn far", last_far, U_DATA);

    mmu_off();
    tlbi_all();
}

int main(void)
{
    run_suite(12);
    run_suite(16);
    if (failures) {
        plat_puts("FAIL\n");
        plat_exit(1);
    }
    plat_puts("PASS\n");
    plat_exit(0);
}
