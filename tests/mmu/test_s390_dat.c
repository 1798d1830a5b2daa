/* z/Architecture DAT tests with hand-built tables (PoP ch. 3 "Dynamic Address Translation").
 * Storage is a big-endian test buffer of absolute addresses from 0. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "mmu/s390_dat.h"

#define MEMSZ (8u << 20)
static uint8_t *mem;
static uint64_t bump;
static int reads;
static uint64_t last_abs[8];

static int rd_entry(void *opaque, uint64_t abs, uint64_t *e)
{
    (void)opaque;
    if (reads < 8)
        last_abs[reads] = abs;
    reads++;
    if (abs > MEMSZ - 8)
        return -1;
    *e = ld_be64(mem + abs);
    return 0;
}

static void setup(void)
{
    if (!mem)
        mem = calloc(1, MEMSZ);
    memset(mem, 0, MEMSZ);
    bump = 0x100000;
    reads = 0;
}

/* Entry bits (LSB-0 values). */
#define I_BIT 0x20ULL
#define P_BIT 0x200ULL
#define FC_BIT 0x400ULL
#define TT(t) ((uint64_t)(t) << 2)
#define PTE_I 0x400ULL
#define ASCE_R 0x20ULL
#define DT(t) ((uint64_t)(t) << 2)

/* A region or segment table of 4 x 4K blocks (2048 entries) with every entry invalid, with
 * type `tt` set in the invalid entries too. */
static uint64_t new_table(unsigned tt)
{
    bump = (bump + 0x3fff) & ~0x3fffULL;
    uint64_t a = bump;
    bump += 0x4000;
    for (unsigned i = 0; i < 2048; i++)
        st_be64(mem + a + i * 8, I_BIT | TT(tt));
    return a;
}

static uint64_t new_pt(void)
{
    bump = (bump + 0x7ff) & ~0x7ffULL;
    uint64_t a = bump;
    bump += 0x800;
    for (unsigned i = 0; i < 256; i++)
        st_be64(mem + a + i * 8, PTE_I);
    return a;
}

static const unsigned shift[4] = { 20, 31, 42, 53 };
static unsigned ix(uint64_t va, unsigned tt) { return (unsigned)(va >> shift[tt]) & 0x7ff; }

/* Tables for one va: returns the ASCE (type dt, TL = 3) and fills in entries down to a page
 * table; the region entries get TF = 0, TL = 3. Returns the PTE address in *pte_addr. */
struct chain {
    uint64_t asce;
    uint64_t ent[4];   /* absolute address of the entry used at each table type */
    uint64_t pte;
};

static struct chain build(unsigned dt, uint64_t va, uint64_t frame, uint64_t pte_bits)
{
    struct chain c = { 0 };
    uint64_t t = new_table(dt);
    c.asce = t | DT(dt) | 3;
    for (int tt = (int)dt; tt >= 0; tt--) {
        uint64_t ea = t + ix(va, (unsigned)tt) * 8;
        c.ent[tt] = ea;
        if (tt > 0) {
            uint64_t nt = new_table((unsigned)tt - 1);
            st_be64(mem + ea, nt | TT(tt) | 3);
            t = nt;
        } else {
            uint64_t pt = new_pt();
            st_be64(mem + ea, pt | TT(0));
            c.pte = pt + ((va >> 12) & 0xff) * 8;
            st_be64(mem + c.pte, frame | pte_bits);
        }
    }
    return c;
}

static const struct s390_dat_opts opts0 = { false, false, 0, 0 };
static const struct s390_dat_opts opts_edat = { true, true, 0, 0 };

static int xl(uint64_t asce, uint64_t va, bool w, const struct s390_dat_opts *o,
              struct s390_dat_result *r, struct s390_dat_fault *f)
{
    reads = 0;
    memset(f, 0x5a, sizeof(*f));
    return s390_dat_translate(asce, va, w, o, rd_entry, NULL, r, f);
}

static void expect_pic(uint64_t asce, uint64_t va, bool w, const struct s390_dat_opts *o,
                       uint16_t pic)
{
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(asce, va, w, o, &r, &f), -1);
    ck_assert_uint_eq(f.pic, pic);
}

/* ---- successful walks for every designation type ---- */

START_TEST(walk_each_dt)
{
    unsigned dt = (unsigned)_i;
    static const uint64_t vas[4] = { 0x7fe12345ULL, 0x3ff12345678ULL, 0x1ff0012345678ULL,
                                     0xfff0000012345678ULL };
    uint64_t va = vas[dt];
    struct chain c = build(dt, va, 0x345000, 0);
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(c.asce, va, true, &opts0, &r, &f), 0);
    ck_assert_uint_eq(r.real, 0x345000 | (va & 0xfff));
    ck_assert_uint_eq(r.frame_size, 4096);
    ck_assert_int_eq(r.level, 0);
    ck_assert(!r.protected_);
    ck_assert(!r.absolute);
    ck_assert_int_eq(reads, (int)dt + 2);
}
END_TEST

START_TEST(asce_type_exception)
{
    struct chain c = build(0, 0x1000, 0x5000, 0);
    expect_pic(c.asce, 0x80000000ULL, false, &opts0, PIC_ASCE_TYPE);     /* needs region-third */
    setup();
    c = build(1, 0x1000, 0x5000, 0);
    expect_pic(c.asce, 1ULL << 42, false, &opts0, PIC_ASCE_TYPE);
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(c.asce, 0x1000, false, &opts0, &r, &f), 0);
    setup();
    c = build(2, 0x1000, 0x5000, 0);
    ck_assert_int_eq(xl(c.asce, 1ULL << 53, false, &opts0, &r, &f), -1);
    ck_assert_uint_eq(f.pic, PIC_ASCE_TYPE);
    /* TEID: bits 0-51 of the address, fetch indication, AS 0; no table was read. */
    ck_assert_uint_eq(f.teid, (1ULL << 53) | S390_TEID_FSI_FETCH);
    ck_assert_int_eq(reads, 0);
}
END_TEST

/* Table-length violations in the ASCE: the exception names the table being indexed. */
START_TEST(asce_table_length)
{
    static const uint16_t pic[4] = { PIC_SEGMENT_TRANSLATION, PIC_REGION_THIRD, PIC_REGION_SECOND,
                                     PIC_REGION_FIRST };
    unsigned dt = (unsigned)_i;
    uint64_t va = 1ULL << (shift[dt] + 9);   /* leftmost index bits = 01 */
    struct chain c = build(dt, va, 0x5000, 0);
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(c.asce, va, false, &opts0, &r, &f), 0);
    uint64_t asce = c.asce & ~3ULL;           /* TL = 0: one 4K block */
    ck_assert_int_eq(xl(asce, va, true, &opts0, &r, &f), -1);
    ck_assert_uint_eq(f.pic, pic[dt]);
    ck_assert_uint_eq(f.teid, va | S390_TEID_FSI_STORE);
    ck_assert_int_eq(reads, 0);
}
END_TEST

/* Table-length and table-offset of region entries, checked against the next index. */
START_TEST(entry_length_offset)
{
    /* Region-third entry -> segment table: SX leftmost bits must lie in [TF, TL]. */
    uint64_t va = 3ULL << (20 + 9);  /* SX leftmost bits = 11 */
    struct chain c = build(1, va, 0x5000, 0);
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(c.asce, va, false, &opts0, &r, &f), 0);
    uint64_t e = ld_be64(mem + c.ent[1]);
    st_be64(mem + c.ent[1], (e & ~3ULL) | 2);            /* TL = 2 */
    expect_pic(c.asce, va, false, &opts0, PIC_SEGMENT_TRANSLATION);
    st_be64(mem + c.ent[1], (e & ~0xc3ULL) | 3);         /* TF = 0, TL = 3 */
    ck_assert_int_eq(xl(c.asce, va, false, &opts0, &r, &f), 0);
    /* TF = 1 and an index with leftmost bits 00. */
    setup();
    c = build(1, 0x1000, 0x5000, 0);
    e = ld_be64(mem + c.ent[1]);
    st_be64(mem + c.ent[1], e | (1ULL << 6));
    expect_pic(c.asce, 0x1000, false, &opts0, PIC_SEGMENT_TRANSLATION);
    /* Region-first entry -> region-second table: PIC 0x3A; region-second -> third: 0x3B. */
    setup();
    va = (2ULL << (42 + 9)) | (2ULL << (31 + 9));
    c = build(3, va, 0x5000, 0);
    ck_assert_int_eq(xl(c.asce, va, false, &opts0, &r, &f), 0);
    e = ld_be64(mem + c.ent[3]);
    st_be64(mem + c.ent[3], (e & ~3ULL) | 1);
    expect_pic(c.asce, va, false, &opts0, PIC_REGION_SECOND);
    st_be64(mem + c.ent[3], e);
    e = ld_be64(mem + c.ent[2]);
    st_be64(mem + c.ent[2], e | (3ULL << 6));
    expect_pic(c.asce, va, false, &opts0, PIC_REGION_THIRD);
}
END_TEST

/* Invalid bit at each level. */
START_TEST(invalid_each_level)
{
    static const uint16_t pic[4] = { PIC_SEGMENT_TRANSLATION, PIC_REGION_THIRD, PIC_REGION_SECOND,
                                     PIC_REGION_FIRST };
    uint64_t va = 0x0123456789abc000ULL;
    for (unsigned lvl = 0; lvl < 4; lvl++) {
        setup();
        struct chain c = build(3, va, 0x5000, 0);
        st_be64(mem + c.ent[lvl], ld_be64(mem + c.ent[lvl]) | I_BIT);
        struct s390_dat_result r;
        struct s390_dat_fault f;
        ck_assert_int_eq(xl(c.asce, va | 0x123, true, &opts0, &r, &f), -1);
        ck_assert_uint_eq(f.pic, pic[lvl]);
        ck_assert_uint_eq(f.teid, va | S390_TEID_FSI_STORE);
    }
    setup();
    struct chain c = build(3, va, 0x5000, PTE_I);
    struct s390_dat_result r;
    struct s390_dat_fault f;
    struct s390_dat_opts o = { false, false, 0, 2 };
    ck_assert_int_eq(xl(c.asce, va | 0x77, false, &o, &r, &f), -1);
    ck_assert_uint_eq(f.pic, PIC_PAGE_TRANSLATION);
    ck_assert_uint_eq(f.teid, va | S390_TEID_FSI_FETCH | 2);   /* AS = 0b10 (secondary) */
}
END_TEST

START_TEST(translation_specification)
{
    uint64_t va = 0x0123456789abc000ULL;
    for (unsigned lvl = 0; lvl < 4; lvl++) {
        setup();
        struct chain c = build(3, va, 0x5000, 0);
        uint64_t e = ld_be64(mem + c.ent[lvl]);
        st_be64(mem + c.ent[lvl], (e & ~0xcULL) | TT((lvl + 1) & 3));  /* wrong table type */
        expect_pic(c.asce, va, false, &opts0, PIC_TRANSLATION_SPEC);
    }
    /* PTE bit 52 must be zero. */
    setup();
    struct chain c = build(0, 0x3000, 0x5000, 0x800);
    expect_pic(c.asce, 0x3000, false, &opts0, PIC_TRANSLATION_SPEC);
    /* Common-segment bit and the IEP bit in a PTE are not format errors. */
    setup();
    c = build(0, 0x3000, 0x5000, 0x100);
    st_be64(mem + c.ent[0], ld_be64(mem + c.ent[0]) | 0x10);
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(c.asce, 0x3000, false, &opts0, &r, &f), 0);
    ck_assert(r.iep);
}
END_TEST

START_TEST(dat_protection)
{
    uint64_t va = 0x0000012345678000ULL;
    struct s390_dat_result r;
    struct s390_dat_fault f;
    /* Page P. */
    struct chain c = build(2, va, 0x5000, P_BIT);
    ck_assert_int_eq(xl(c.asce, va, false, &opts0, &r, &f), 0);
    ck_assert(r.protected_);
    ck_assert_int_eq(xl(c.asce, va | 8, true, &opts0, &r, &f), -1);
    ck_assert_uint_eq(f.pic, PIC_PROTECTION);
    ck_assert_uint_eq(f.teid, va | S390_TEID_FSI_STORE | S390_TEID_DAT_PROT);
    /* Segment P (always honoured). */
    setup();
    c = build(2, va, 0x5000, 0);
    st_be64(mem + c.ent[0], ld_be64(mem + c.ent[0]) | P_BIT);
    expect_pic(c.asce, va, true, &opts0, PIC_PROTECTION);
    /* Region P: honoured with EDAT-1 only. */
    for (unsigned lvl = 1; lvl <= 2; lvl++) {
        setup();
        c = build(2, va, 0x5000, 0);
        st_be64(mem + c.ent[lvl], ld_be64(mem + c.ent[lvl]) | P_BIT);
        ck_assert_int_eq(xl(c.asce, va, true, &opts0, &r, &f), 0);
        ck_assert(!r.protected_);
        expect_pic(c.asce, va, true, &opts_edat, PIC_PROTECTION);
        ck_assert_int_eq(xl(c.asce, va, false, &opts_edat, &r, &f), 0);
        ck_assert(r.protected_);
    }
}
END_TEST

START_TEST(edat1_segment_frame)
{
    uint64_t va = 0x7ab12345ULL;
    struct chain c = build(0, va, 0x5000, 0);
    st_be64(mem + c.ent[0], 0x00300000ULL | FC_BIT | TT(0));
    struct s390_dat_result r;
    struct s390_dat_fault f;
    struct s390_dat_opts o = { true, false, 0, 0 };
    ck_assert_int_eq(xl(c.asce, va, true, &o, &r, &f), 0);
    ck_assert_uint_eq(r.real, 0x300000 | (va & 0xfffff));
    ck_assert_uint_eq(r.frame_size, 1u << 20);
    ck_assert_int_eq(r.level, 1);
    ck_assert(r.absolute);
    ck_assert_int_eq(reads, 1);
    /* Protected frame. */
    st_be64(mem + c.ent[0], 0x00300000ULL | FC_BIT | P_BIT | TT(0));
    expect_pic(c.asce, va, true, &o, PIC_PROTECTION);
    /* Without EDAT-1, FC is not a frame: the entry designates a page table at 0x300000 + FC... */
    st_be64(mem + c.ent[0], 0x00300000ULL | FC_BIT | TT(0));
    for (unsigned i = 0; i < 256; i++)
        st_be64(mem + 0x300000 + i * 8, PTE_I);
    expect_pic(c.asce, va, false, &opts0, PIC_PAGE_TRANSLATION);
}
END_TEST

START_TEST(edat2_region_frame)
{
    uint64_t va = 0x3ffd2345678ULL;
    struct chain c = build(1, va, 0x5000, 0);
    st_be64(mem + c.ent[1], 0x80000000ULL | FC_BIT | TT(1));
    struct s390_dat_result r;
    struct s390_dat_fault f;
    ck_assert_int_eq(xl(c.asce, va, true, &opts_edat, &r, &f), 0);
    ck_assert_uint_eq(r.real, 0x80000000ULL | (va & 0x7fffffffULL));
    ck_assert_uint_eq(r.frame_size, 1ULL << 31);
    ck_assert_int_eq(r.level, 2);
    ck_assert(r.absolute);
    st_be64(mem + c.ent[1], 0x80000000ULL | FC_BIT | P_BIT | TT(1));
    expect_pic(c.asce, va, true, &opts_edat, PIC_PROTECTION);
    ck_assert_int_eq(xl(c.asce, va, false, &opts_edat, &r, &f), 0);
    ck_assert(r.protected_);
}
END_TEST

START_TEST(real_space)
{
    struct s390_dat_result r;
    struct s390_dat_fault f;
    uint64_t asce = 0x7fff000ULL | ASCE_R | DT(3);   /* origin and type ignored */
    ck_assert_int_eq(xl(asce, 0xfedcba9876543210ULL, true, &opts0, &r, &f), 0);
    ck_assert_uint_eq(r.real, 0xfedcba9876543210ULL);
    ck_assert_int_eq(reads, 0);
    ck_assert(!r.protected_);
}
END_TEST

/* Table origins are real: the entry address is prefixed before the fetch. */
START_TEST(prefixing_table_origins)
{
    struct s390_dat_opts o = { false, false, 0x20000, 0 };
    /* Segment table at real 0 = absolute 0x20000. */
    uint64_t st = 0x20000;
    for (unsigned i = 0; i < 2048; i++)
        st_be64(mem + st + i * 8, I_BIT);
    uint64_t pt = new_pt();
    st_be64(mem + st + 1 * 8, pt);                 /* SX = 1 */
    st_be64(mem + pt + 2 * 8, 0x777000);           /* PX = 2 */
    struct s390_dat_result r;
    struct s390_dat_fault f;
    uint64_t va = (1ULL << 20) | (2ULL << 12) | 0x45;
    ck_assert_int_eq(xl(0 | DT(0) | 3, va, false, &o, &r, &f), 0);
    ck_assert_uint_eq(last_abs[0], 0x20000 + 8);
    ck_assert_uint_eq(r.real, 0x777045);           /* the result stays real */
    /* A table at real 0x20000 lives at absolute 0. */
    for (unsigned i = 0; i < 2048; i++)
        st_be64(mem + i * 8, I_BIT);
    st_be64(mem + 8, pt);
    ck_assert_int_eq(xl(0x20000 | DT(0) | 3, va, false, &o, &r, &f), 0);
    ck_assert_uint_eq(last_abs[0], 8);
    /* A page table in the prefix area too. */
    st_be64(mem + 8, 0x1000);                      /* PTO real 0x1000 -> absolute 0x21000 */
    st_be64(mem + 0x21000 + 2 * 8, 0x999000);
    ck_assert_int_eq(xl(0x20000 | DT(0) | 3, va, false, &o, &r, &f), 0);
    ck_assert_uint_eq(last_abs[1], 0x21000 + 16);
    ck_assert_uint_eq(r.real, 0x999045);
}
END_TEST

START_TEST(addressing_exception)
{
    struct chain c = build(0, 0x1000, 0x5000, 0);
    st_be64(mem + c.ent[0], 0x7fff0000000ULL | TT(0));  /* page table outside storage */
    expect_pic(c.asce, 0x1000, false, &opts0, PIC_ADDRESSING);
    expect_pic(0x7fff0000000ULL | DT(0) | 3, 0x1000, false, &opts0, PIC_ADDRESSING);
}
END_TEST

START_TEST(helpers)
{
    uint64_t cr0 = 1ULL << 28;   /* CR0 bit 35 */
    ck_assert(s390_low_address_protected(0, cr0, false, 0));
    ck_assert(s390_low_address_protected(511, cr0, false, 0));
    ck_assert(!s390_low_address_protected(512, cr0, false, 0));
    ck_assert(s390_low_address_protected(4096, cr0, false, 0));
    ck_assert(s390_low_address_protected(4607, cr0, false, 0));
    ck_assert(!s390_low_address_protected(4608, cr0, false, 0));
    ck_assert(!s390_low_address_protected(8192, cr0, false, 0));
    ck_assert(!s390_low_address_protected(0, 0, false, 0));
    ck_assert(s390_low_address_protected(0, cr0, true, 0));
    ck_assert(!s390_low_address_protected(0, cr0, true, S390_ASCE_P));
    ck_assert(s390_low_address_protected(0, cr0, false, S390_ASCE_P));
    ck_assert(!s390_key_protected(0x30, 0, true));
    ck_assert(!s390_key_protected(0x30, 3, true));
    ck_assert(s390_key_protected(0x30, 4, true));
    ck_assert(!s390_key_protected(0x30, 4, false));
    ck_assert(s390_key_protected(0x38, 4, false));
    ck_assert_uint_eq(s390_prefix(0x1234, 0x20000), 0x21234);
    ck_assert_uint_eq(s390_prefix(0x21234, 0x20000), 0x1234);
    ck_assert_uint_eq(s390_prefix(0x31234, 0x20000), 0x31234);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("s390_dat");
    TCase *tc = tcase_create("dat");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, walk_each_dt, 0, 4);
    tcase_add_test(tc, asce_type_exception);
    tcase_add_loop_test(tc, asce_table_length, 0, 4);
    tcase_add_test(tc, entry_length_offset);
    tcase_add_test(tc, invalid_each_level);
    tcase_add_test(tc, translation_specification);
    tcase_add_test(tc, dat_protection);
    tcase_add_test(tc, edat1_segment_frame);
    tcase_add_test(tc, edat2_region_frame);
    tcase_add_test(tc, real_space);
    tcase_add_test(tc, prefixing_table_origins);
    tcase_add_test(tc, addressing_exception);
    tcase_add_test(tc, helpers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
