/* Bare-metal s390 MMU test (issue 5 acceptance), for saesim -M s390-bare. With a segment-table
 * ASCE in CR1 and DAT on in primary-space mode it checks:
 *   - 4 KiB pages (identity map of the program's first MiB, plus remapped pages);
 *   - EDAT-1 1 MiB segment frames (CR0 bit 40), including a DAT-protected frame;
 *   - page-translation (0x11) and segment-translation (0x10) exceptions, repaired by the handler
 *     and the nullified instruction retried; a segment-table-length violation (0x10);
 *   - DAT protection (0x04) in a page-table entry and in a segment frame: the store is suppressed;
 *   - IPTE before changing a valid page-table entry.
 * Pass: "PASS", then a disabled wait with address 0xFFF. Fail: DIAG 0x5A01 with status 1. */
#include <stddef.h>
#include <stdint.h>

void plat_write(const char *buf, size_t len);
void plat_exit(int code) __attribute__((noreturn));
void plat_pass(void) __attribute__((noreturn));
void set_cr0(uint64_t v);
uint64_t get_cr0(void);
void set_cr1(uint64_t v);
void dat_on(void);
void dat_off(void);
void do_ipte(uint64_t pto, uint64_t va);
void do_ptlb(void);

/* Lowcore fields (PoP "Assigned Storage Locations"). */
struct lowcore {
    uint8_t pad0[0x8c];
    uint16_t pgm_ilc;        /* 0x8c: instruction length in bytes (ILC << 1) */
    uint16_t pgm_code;       /* 0x8e */
    uint8_t pad1[0xa8 - 0x90];
    uint64_t teid;           /* 0xa8 */
    uint8_t pad2[0x150 - 0xb0];
    uint64_t pgm_old_mask;   /* 0x150 */
    uint64_t pgm_old_addr;
};
extern volatile struct lowcore lowcore;

static size_t slen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void puts_(const char *s) { plat_write(s, slen(s)); }

static void puthex(uint64_t v)
{
    char b[18];
    b[0] = '0';
    b[1] = 'x';
    for (int i = 0; i < 16; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
    plat_write(b, 18);
}

static int failures;

static void check(int ok, const char *what, uint64_t got, uint64_t want)
{
    if (ok)
        return;
    failures++;
    puts_("FAIL ");
    puts_(what);
    puts_(" got ");
    puthex(got);
    puts_(" want ");
    puthex(want);
    puts_("\n");
}
#define CHECK_EQ(what, got, want) check((uint64_t)(got) == (uint64_t)(want), what, got, want)

/* ---- tables (real = absolute: prefix 0, and nothing here is in the first 8 KiB) ---- */
#define I_BIT 0x20ULL
#define P_BIT 0x200ULL
#define FC_BIT 0x400ULL
#define PTE_I 0x400ULL

#define FRAME_1M   0x00400000ULL   /* EDAT-1 frame for VA 1 MiB */
#define FRAME_1M_P 0x00500000ULL   /* protected EDAT-1 frame for VA 4 MiB */
#define FRAME_SEG3 0x00600000ULL   /* frame installed by the segment-translation handler */
#define PAGES      0x00700000ULL   /* 4 KiB frames for the VA 2 MiB segment */

static uint64_t seg_table[512] __attribute__((aligned(4096)));   /* TL = 0: 512 entries */
static uint64_t pt_ident[256] __attribute__((aligned(2048)));
static uint64_t pt_two[256] __attribute__((aligned(2048)));

static uint64_t addr_of(const void *p) { return (uint64_t)(uintptr_t)p; }

static uint64_t rd(uint64_t a) { return *(volatile uint64_t *)(uintptr_t)a; }
static void wr(uint64_t a, uint64_t v) { *(volatile uint64_t *)(uintptr_t)a = v; }

/* ---- program-check handling ---- */
enum action { A_NONE, A_MAP_PAGE, A_MAP_SEG, A_SKIP, A_RESUME };
static volatile enum action action;
static volatile uint64_t got_code, got_teid, nchecks;

void pgm_check(void)
{
    uint16_t code = lowcore.pgm_code;
    got_code = code;
    got_teid = lowcore.teid;
    nchecks++;
    switch (action) {
    case A_MAP_PAGE:   /* page-translation: make the page valid and retry (nullified) */
        pt_two[(got_teid >> 12) & 0xff] = PAGES + (((got_teid >> 12) & 0xff) << 12);
        break;
    case A_MAP_SEG:    /* segment-translation: install a 1 MiB frame and retry */
        seg_table[(got_teid >> 20) & 0x1ff] = FRAME_SEG3 | FC_BIT;
        break;
    case A_SKIP:       /* nullified: step over the instruction */
        lowcore.pgm_old_addr += lowcore.pgm_ilc;
        break;
    case A_RESUME:     /* suppressed: the old PSW already points past the instruction */
        break;
    case A_NONE:
        puts_("FAIL unexpected program check ");
        puthex(code);
        puts_(" at ");
        puthex(lowcore.pgm_old_addr);
        puts_(" teid ");
        puthex(got_teid);
        puts_("\n");
        plat_exit(1);
    }
    action = A_NONE;
}

static void expect(enum action a) { action = a; nchecks = 0; got_code = 0; got_teid = 0; }

static void check_pc(const char *what, uint16_t code, uint64_t va)
{
    CHECK_EQ(what, nchecks, 1);
    CHECK_EQ(what, got_code, code);
    if (va != ~0ULL)
        CHECK_EQ(what, got_teid & ~0xfffULL, va & ~0xfffULL);
}

int main(void)
{
    /* Frame contents, written with DAT off. */
    for (uint64_t i = 0; i < 64; i++) {
        wr(FRAME_1M + i * 8, 0x1000 + i);
        wr(FRAME_1M_P + i * 8, 0x5000 + i);
        wr(FRAME_SEG3 + i * 8, 0x3000 + i);
        for (uint64_t p = 0; p < 8; p++)
            wr(PAGES + (p << 12) + i * 8, 0x20000 + (p << 8) + i);
    }
    /* Segment table: SX 0 -> identity page table (first MiB), SX 1 -> EDAT-1 frame, SX 2 ->
     * page table for VA 2 MiB.., SX 3 invalid, SX 4 -> protected 1 MiB frame. */
    for (unsigned i = 0; i < 512; i++)
        seg_table[i] = I_BIT;
    for (unsigned i = 0; i < 256; i++) {
        pt_ident[i] = (uint64_t)i << 12;
        pt_two[i] = PTE_I;
    }
    pt_two[0] = PAGES + 0x0000;
    pt_two[2] = PAGES + 0x2000 + P_BIT;
    pt_two[3] = PAGES + 0x3000;
    seg_table[0] = addr_of(pt_ident);
    seg_table[1] = FRAME_1M | FC_BIT;
    seg_table[2] = addr_of(pt_two);
    seg_table[4] = FRAME_1M_P | FC_BIT | P_BIT;

    set_cr0(get_cr0() | (1ULL << (63 - 40)));   /* CR0 bit 40: EDAT-1 enablement */
    set_cr1(addr_of(seg_table) | 0);            /* DT = segment table, TL = 0 (512 entries) */
    do_ptlb();
    dat_on();

    /* 4 KiB identity pages: this code and its data keep working. */
    static volatile uint64_t kvar = 0xfeed;
    CHECK_EQ("identity", rd(addr_of((const void *)&kvar)), 0xfeed);

    /* EDAT-1 frame. */
    CHECK_EQ("1M frame", rd(0x100000 + 5 * 8), 0x1005);
    wr(0x100000 + 6 * 8, 0x77);
    CHECK_EQ("1M frame write", rd(0x100000 + 6 * 8), 0x77);
    /* 4 KiB page. */
    CHECK_EQ("4K page", rd(0x200000 + 3 * 8), 0x20003);

    /* Page-translation exception, repaired; the load is nullified and retried. */
    expect(A_MAP_PAGE);
    uint64_t v = rd(0x201000 + 7 * 8);
    check_pc("page translation", 0x11, 0x201000);
    CHECK_EQ("after page map", v, 0x20107);

    /* Segment-translation exception (invalid entry), repaired with a 1 MiB frame. */
    expect(A_MAP_SEG);
    v = rd(0x300000 + 9 * 8);
    check_pc("segment translation", 0x10, 0x300000);
    CHECK_EQ("after segment map", v, 0x3009);

    /* Segment-table length: SX 512 is beyond TL = 0. Nullified: skip the load. */
    expect(A_SKIP);
    v = 0x42;
    __asm__ volatile("lg %0,0(%1)" : "+r"(v) : "a"(0x20000000ULL) : "memory");
    check_pc("segment table length", 0x10, 0x20000000);
    CHECK_EQ("length fault load skipped", v, 0x42);

    /* DAT protection in a page-table entry: reads work, the store is suppressed. */
    CHECK_EQ("protected page read", rd(0x202000 + 1 * 8), 0x20201);
    expect(A_RESUME);
    wr(0x202000 + 1 * 8, 0xdead);
    check_pc("page protection", 0x04, ~0ULL);
    CHECK_EQ("protected page unchanged", rd(0x202000 + 1 * 8), 0x20201);

    /* DAT protection of a 1 MiB frame. */
    CHECK_EQ("protected frame read", rd(0x400000 + 2 * 8), 0x5002);
    expect(A_RESUME);
    wr(0x400000 + 2 * 8, 0xdead);
    check_pc("frame protection", 0x04, ~0ULL);
    CHECK_EQ("protected frame unchanged", rd(0x400000 + 2 * 8), 0x5002);

    /* IPTE, then a new frame for VA 2 MiB + 12 KiB: the old translation must be gone. */
    CHECK_EQ("before ipte", rd(0x203000), 0x20300);
    do_ipte(addr_of(pt_two), 0x203000);
    CHECK_EQ("ipte sets I", pt_two[3] & PTE_I, PTE_I);
    expect(A_NONE);
    pt_two[3] = PAGES + 0x5000;
    CHECK_EQ("after ipte", rd(0x203000), 0x20500);

    dat_off();
    if (failures) {
        puts_("FAIL\n");
        plat_exit(1);
    }
    puts_("PASS\n");
    plat_pass();
}
