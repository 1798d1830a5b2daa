/* Software TLB (mmu/tlb.h) and translated-code page map (mmu/code_pages.h). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "mmu/arm_tlbi.h"
#include "mmu/code_pages.h"
#include "mmu/tlb.h"

static struct tlb_set *ts;
static uint8_t ram[16 * 4096];

static void setup(void)
{
    ts = malloc(sizeof(*ts));
    tlb_set_init(ts);
}

static void teardown(void)
{
    free(ts);
}

START_TEST(fill_and_hit)
{
    uint64_t va = 0x7000123000ULL;
    ck_assert_ptr_null(tlb_fast(ts, va, 8, 0));
    tlb_fill(ts, va + 0x10, 0x5000, ram + 4096, 1 | 2, false, 0x44);
    ck_assert_ptr_eq(tlb_fast(ts, va + 0x18, 8, 0), ram + 4096 + 0x18);
    ck_assert_ptr_eq(tlb_fast(ts, va, 4, 1), ram + 4096);
    ck_assert_ptr_null(tlb_fast(ts, va, 4, 2));                 /* no execute permission */
    ck_assert_ptr_null(tlb_fast(ts, va + 0xffc, 8, 0));         /* crosses the page */
    ck_assert_ptr_eq(tlb_fast(ts, va + 0xff8, 8, 0), ram + 4096 + 0xff8);
    /* Same index, other page: miss. */
    ck_assert_ptr_null(tlb_fast(ts, va + TLB_ENTRIES * TLB_PAGE_SIZE, 1, 0));
    struct tlb_entry *e = tlb_lookup(ts, va + 5, 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->phys_page, 0x5000);
    ck_assert_uint_eq(e->attrs, 0x44);
    ck_assert_uint_eq(ts->hits_slow, 1);
    ck_assert_uint_eq(ts->misses, 1);
    ck_assert_ptr_null(tlb_lookup(ts, va, 2));
}
END_TEST

START_TEST(permission_tags)
{
    for (unsigned perm = 0; perm < 8; perm++) {
        uint64_t va = 0x1000ULL * (perm + 1);
        tlb_fill(ts, va, va, ram + 4096 * perm, perm, false, 0);
        for (int w = 0; w < 3; w++) {
            uint8_t *p = tlb_fast(ts, va, 1, w);
            if (perm & (1u << w))
                ck_assert_ptr_eq(p, ram + 4096 * perm);
            else
                ck_assert_ptr_null(p);
        }
    }
}
END_TEST

START_TEST(slow_path_flag)
{
    tlb_fill(ts, 0x9000, 0x9000, NULL, 7, false, 0);          /* MMIO: no host page */
    ck_assert_ptr_null(tlb_fast(ts, 0x9000, 4, 0));
    ck_assert_ptr_nonnull(tlb_lookup(ts, 0x9000, 1));          /* slow path still hits */
    tlb_fill(ts, 0xa000, 0xa000, ram, 7, true, 0);            /* watched RAM */
    ck_assert_ptr_null(tlb_fast(ts, 0xa000, 4, 2));
    ck_assert_ptr_nonnull(tlb_lookup(ts, 0xa000, 2));
    /* A page that becomes code: writes take the slow path, reads and fetches stay fast. */
    tlb_fill(ts, 0xb000, 0x3000, ram + 4096, 7, false, 0);
    tlb_set_select(ts, 2);
    tlb_fill(ts, 0xc000, 0x3000, ram + 4096, 3, false, 0);    /* alias in another bank */
    tlb_set_slow_writes_phys(ts, 0x3123);
    ck_assert_ptr_null(tlb_fast(ts, 0xc000, 4, 1));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0xc000, 4, 0));
    tlb_set_select(ts, 0);
    ck_assert_ptr_null(tlb_fast(ts, 0xb000, 4, 1));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0xb000, 4, 0));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0xb000, 4, 2));
    ck_assert_ptr_nonnull(tlb_lookup(ts, 0xb000, 1));
}
END_TEST

START_TEST(banks_by_context)
{
    tlb_set_select(ts, 1);
    tlb_fill(ts, 0x1000, 0x1000, ram, 1, false, 0);
    tlb_set_select(ts, 2);
    ck_assert_ptr_null(tlb_fast(ts, 0x1000, 1, 0));           /* other context: miss */
    tlb_fill(ts, 0x1000, 0x2000, ram + 4096, 1, false, 0);
    ck_assert_ptr_eq(tlb_fast(ts, 0x1000, 1, 0), ram + 4096);
    tlb_set_select(ts, 1);                                    /* back: no flush happened */
    ck_assert_ptr_eq(tlb_fast(ts, 0x1000, 1, 0), ram);
    ck_assert_uint_eq(ts->flushes, 0);
    /* Fill TLB_BANKS + 1 contexts: the least recently used (not the one just left) goes. */
    tlb_set_select(ts, 3);
    tlb_set_select(ts, 4);       /* banks now hold 1,2,3,4 (initial bank 0 recycled) */
    tlb_set_select(ts, 1);       /* 1 becomes most recent */
    tlb_set_select(ts, 5);       /* evicts 2, the LRU */
    tlb_set_select(ts, 1);
    ck_assert_ptr_eq(tlb_fast(ts, 0x1000, 1, 0), ram);
    tlb_set_select(ts, 2);
    ck_assert_ptr_null(tlb_fast(ts, 0x1000, 1, 0));
    ck_assert_uint_ge(ts->switches, 7);
}
END_TEST

START_TEST(flushes)
{
    tlb_set_select(ts, 1);
    tlb_fill(ts, 0x1000, 0x1000, ram, 1, false, 0);
    tlb_fill(ts, 0x2000, 0x2000, ram, 1, false, 0);
    tlb_set_select(ts, 2);
    tlb_fill(ts, 0x1000, 0x1000, ram, 1, false, 0);
    tlb_fill(ts, 0x2000, 0x2000, ram, 1, false, 0);
    /* flush_page: that page in every bank. */
    tlb_set_flush_page(ts, 0x1fff);
    ck_assert_ptr_null(tlb_fast(ts, 0x1000, 1, 0));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x2000, 1, 0));
    tlb_set_select(ts, 1);
    ck_assert_ptr_null(tlb_fast(ts, 0x1000, 1, 0));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x2000, 1, 0));
    /* flush_context: only that bank. */
    tlb_set_flush_context(ts, 2);
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x2000, 1, 0));
    tlb_set_select(ts, 2);
    ck_assert_ptr_null(tlb_fast(ts, 0x2000, 1, 0));
    tlb_fill(ts, 0x2000, 0x2000, ram, 1, false, 0);
    /* flush: everything, and the current bank stays usable. */
    tlb_set_flush(ts);
    ck_assert_ptr_null(tlb_fast(ts, 0x2000, 1, 0));
    tlb_set_select(ts, 1);
    ck_assert_ptr_null(tlb_fast(ts, 0x2000, 1, 0));
    tlb_fill(ts, 0x2000, 0x2000, ram, 1, false, 0);
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x2000, 1, 0));
    ck_assert_uint_eq(ts->flushes, 1);
    /* flush_phys: by frame. */
    tlb_fill(ts, 0x5000, 0x8000, ram, 1, false, 0);
    tlb_set_flush_phys(ts, 0x8abc);
    ck_assert_ptr_null(tlb_fast(ts, 0x5000, 1, 0));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x2000, 1, 0));
}
END_TEST

/* Entries filled from a block must all go when a by-VA flush hits any address of the block. */
START_TEST(large_pages)
{
    uint64_t blk = 0x40200000ULL;   /* a 2 MiB block */
    for (unsigned i = 0; i < 4; i++)
        tlb_fill_sized(ts, blk + i * 0x1000, 0x80000000ULL + i * 0x1000, ram + i * 4096, 3, false,
                       0, 2u << 20);
    tlb_fill(ts, 0x1000, 0x1000, ram, 1, false, 0);
    tlb_set_flush_page(ts, 0x1000);                      /* outside the block: no effect on it */
    ck_assert_ptr_nonnull(tlb_fast(ts, blk + 0x3000, 1, 0));
    tlb_set_flush_page(ts, blk + 0x1ff000);              /* last page of the block */
    for (unsigned i = 0; i < 4; i++)
        ck_assert_ptr_null(tlb_fast(ts, blk + i * 0x1000, 1, 0));
    ck_assert_uint_eq(ts->large_flushes, 1);
    /* Two blocks far apart widen the region; a flush between them drops both. */
    tlb_fill_sized(ts, 0x200000, 0x200000, ram, 1, false, 0, 2u << 20);
    tlb_fill_sized(ts, 0xffff000000000000ULL, 0x0, ram, 1, false, 0, 1u << 30);
    ck_assert(ts->cur->has_large);
    tlb_set_flush_page(ts, 0x7000000000ULL);
    ck_assert_ptr_null(tlb_fast(ts, 0x200000, 1, 0));
    ck_assert_ptr_null(tlb_fast(ts, 0xffff000000000000ULL, 1, 0));
    ck_assert(!ts->cur->has_large);
    /* Page-sized fills do not create a region. */
    tlb_fill_sized(ts, 0x3000, 0x3000, ram, 1, false, 0, 4096);
    ck_assert(!ts->cur->has_large);
}
END_TEST

START_TEST(code_pages)
{
    struct code_pages cp;
    ck_assert_int_eq(code_pages_init(&cp, 1ULL << 30), 0);
    ck_assert(!code_page_test(&cp, 0x12345));
    ck_assert(code_page_mark(&cp, 0x12345));
    ck_assert(!code_page_mark(&cp, 0x12000));      /* already marked */
    ck_assert(code_page_test(&cp, 0x12fff));
    ck_assert(!code_page_test(&cp, 0x13000));
    ck_assert_uint_eq(cp.marked, 1);
    ck_assert(code_page_hit(&cp, 0x11ffc, 8));     /* straddles into the code page */
    ck_assert(!code_page_hit(&cp, 0x11000, 0x1000));
    ck_assert_uint_eq(cp.hits, 1);
    ck_assert(!code_page_mark(&cp, 1ULL << 30));   /* outside storage */
    ck_assert(!code_page_test(&cp, ~0ULL));
    ck_assert(!code_page_hit(&cp, ~0ULL - 3, 8));
    ck_assert(code_page_clear(&cp, 0x12000));
    ck_assert(!code_page_clear(&cp, 0x12000));
    ck_assert(!code_page_test(&cp, 0x12000));
    code_page_mark(&cp, 0x3fffffff);
    code_pages_clear_all(&cp);
    ck_assert(!code_page_test(&cp, 0x3fffffff));
    ck_assert_uint_eq(cp.marked, 0);
    code_pages_destroy(&cp);
}
END_TEST

START_TEST(flush_range)
{
    for (unsigned i = 0; i < 8; i++)
        tlb_fill(ts, 0x10000 + i * 0x1000, 0, ram, 1, false, 0);
    tlb_set_flush_range(ts, 0x12800, 0x1000);          /* touches pages 2 and 3 */
    for (unsigned i = 0; i < 8; i++) {
        uint8_t *p = tlb_fast(ts, 0x10000 + i * 0x1000, 1, 0);
        if (i == 2 || i == 3)
            ck_assert_ptr_null(p);
        else
            ck_assert_ptr_nonnull(p);
    }
    ck_assert_uint_eq(ts->flushes, 0);
    tlb_set_flush_range(ts, 0, 1ULL << 30);            /* large: everything */
    ck_assert_uint_eq(ts->flushes, 1);
    ck_assert_ptr_null(tlb_fast(ts, 0x10000, 1, 0));
    tlb_set_flush_range(ts, 0x5000, 0);                /* empty range: nothing */
    ck_assert_uint_eq(ts->flushes, 1);
}
END_TEST

START_TEST(tlbi_decode)
{
    static const struct { unsigned crm, op2; enum arm_tlbi_scope sc; bool last, bc; const char *n; } t[] = {
        { 7, 0, ARM_TLBI_ALL, false, false, "VMALLE1" },   { 3, 0, ARM_TLBI_ALL, false, true, "VMALLE1IS" },
        { 7, 1, ARM_TLBI_VA, false, false, "VAE1" },       { 3, 1, ARM_TLBI_VA, false, true, "VAE1IS" },
        { 7, 5, ARM_TLBI_VA, true, false, "VALE1" },       { 3, 5, ARM_TLBI_VA, true, true, "VALE1IS" },
        { 7, 2, ARM_TLBI_ASID, false, false, "ASIDE1" },   { 3, 2, ARM_TLBI_ASID, false, true, "ASIDE1IS" },
        { 7, 3, ARM_TLBI_VA_ALL_ASID, false, false, "VAAE1" },
        { 3, 7, ARM_TLBI_VA_ALL_ASID, true, true, "VAALE1IS" },
        { 1, 0, ARM_TLBI_ALL, false, true, "VMALLE1OS" },
        { 2, 1, ARM_TLBI_RANGE, false, true, "RVAE1IS" },  { 6, 7, ARM_TLBI_RANGE_ALL_ASID, true, false, "RVAALE1" },
    };
    for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct arm_tlbi_op op;
        ck_assert(arm_tlbi_decode(0, 8, t[i].crm, t[i].op2, &op));
        ck_assert_int_eq(op.scope, t[i].sc);
        ck_assert_int_eq(op.last_level, t[i].last);
        ck_assert_int_eq(op.broadcast, t[i].bc);
        ck_assert_str_eq(op.name, t[i].n);
    }
    struct arm_tlbi_op op;
    ck_assert(!arm_tlbi_decode(4, 8, 7, 0, &op));      /* EL2 forms are not EL1&0 */
    ck_assert(!arm_tlbi_decode(0, 8, 7, 4, &op));
    ck_assert(!arm_tlbi_decode(0, 7, 7, 0, &op));
    ck_assert_uint_eq(arm_tlbi_va(0x12ULL << 48 | 0x123456789ULL), 0x123456789000ULL);
    ck_assert_uint_eq(arm_tlbi_va(0xfffffffff0001ULL), 0xfffffffff0001000ULL);
    uint64_t base, len;
    /* TG 4K, SCALE 1, NUM 2, BaseADDR 0x100: 3 * 2^6 pages at 0x100000. */
    ck_assert(arm_tlbi_range((1ULL << 46) | (1ULL << 44) | (2ULL << 39) | 0x100, &base, &len));
    ck_assert_uint_eq(base, 0x100000);
    ck_assert_uint_eq(len, 3ULL * 64 * 4096);
    /* TG 64K, SCALE 0, NUM 0: 2 pages. */
    ck_assert(arm_tlbi_range((3ULL << 46) | 0x10, &base, &len));
    ck_assert_uint_eq(base, 0x100000);
    ck_assert_uint_eq(len, 2ULL << 16);
    ck_assert(!arm_tlbi_range(0x10, &base, &len));
}
END_TEST

START_TEST(tlbi_apply)
{
    struct tlb_set *other = malloc(sizeof(*other));
    tlb_set_init(other);
    struct tlb_set *sets[2] = { ts, other };
    /* ASID 5 and ASID 6 banks in `ts`, one page each at the same VA. */
    tlb_set_select(ts, 5);
    tlb_fill(ts, 0x4000, 0, ram, 1, false, 0);
    tlb_fill(ts, 0x8000, 0, ram, 1, false, 0);
    tlb_set_select(ts, 6);
    tlb_fill(ts, 0x4000, 0, ram, 1, false, 0);
    tlb_fill(other, 0x4000, 0, ram, 1, false, 0);
    struct arm_tlbi_op op;
    /* ASIDE1 6 (8-bit ASIDs: Xt[63:56] ignored). */
    ck_assert(arm_tlbi_decode(0, 8, 7, 2, &op));
    arm_tlbi_apply(sets, 1, &op, (0x3406ULL << 48), false, 0);
    ck_assert_ptr_null(tlb_fast(ts, 0x4000, 1, 0));
    tlb_set_select(ts, 5);
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x4000, 1, 0));
    /* VAE1IS on both sets. */
    ck_assert(arm_tlbi_decode(0, 8, 3, 1, &op));
    arm_tlbi_apply(sets, 2, &op, (5ULL << 48) | 4, false, 0);
    ck_assert_ptr_null(tlb_fast(ts, 0x4000, 1, 0));
    ck_assert_ptr_nonnull(tlb_fast(ts, 0x8000, 1, 0));
    ck_assert_ptr_null(tlb_fast(other, 0x4000, 1, 0));
    /* RVAE1 over 0x8000.. (4K, NUM 0, SCALE 0: 2 pages). */
    ck_assert(arm_tlbi_decode(0, 8, 6, 1, &op));
    arm_tlbi_apply(sets, 1, &op, (1ULL << 46) | 8, false, 0);
    ck_assert_ptr_null(tlb_fast(ts, 0x8000, 1, 0));
    /* VMALLE1. */
    tlb_fill(ts, 0x9000, 0, ram, 1, false, 0);
    ck_assert(arm_tlbi_decode(0, 8, 7, 0, &op));
    arm_tlbi_apply(sets, 1, &op, 0, false, 0);
    ck_assert_ptr_null(tlb_fast(ts, 0x9000, 1, 0));
    free(other);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("tlb");
    TCase *tc = tcase_create("tlb");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, fill_and_hit);
    tcase_add_test(tc, permission_tags);
    tcase_add_test(tc, slow_path_flag);
    tcase_add_test(tc, banks_by_context);
    tcase_add_test(tc, flushes);
    tcase_add_test(tc, large_pages);
    tcase_add_test(tc, code_pages);
    tcase_add_test(tc, flush_range);
    tcase_add_test(tc, tlbi_decode);
    tcase_add_test(tc, tlbi_apply);
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
