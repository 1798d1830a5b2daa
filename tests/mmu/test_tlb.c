/* Software TLB (mmu/tlb.h) and translated-code page map (mmu/code_pages.h). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

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
