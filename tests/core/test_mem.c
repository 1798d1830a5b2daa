/* Guest memory: bounds, byte order, sparse 64 GiB reservation, -m size parsing. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "core/mem.h"

static char err[256];

START_TEST(bounds_last_byte_and_one_past)
{
    struct ram r;
    ck_assert_int_eq(ram_init(&r, 1 << 20, err, sizeof(err)), 0);
    ck_assert_uint_eq(r.size, 1 << 20);
    uint8_t b = 0xa5, out = 0;
    ck_assert_int_eq(ram_write(&r, r.size - 1, &b, 1), 0);
    ck_assert_int_eq(ram_read(&r, r.size - 1, &out, 1), 0);
    ck_assert_uint_eq(out, 0xa5);
    ck_assert_int_eq(ram_write(&r, r.size, &b, 1), -1);
    ck_assert_int_eq(ram_read(&r, r.size, &out, 1), -1);
    /* A 2-byte access at the last byte straddles the end: nothing may be written. */
    uint8_t two[2] = { 1, 2 };
    ck_assert_int_eq(ram_write(&r, r.size - 1, two, 2), -1);
    ck_assert_int_eq(ram_read(&r, r.size - 1, &out, 1), 0);
    ck_assert_uint_eq(out, 0xa5);
    ck_assert_ptr_nonnull(ram_ptr(&r, r.size - 8, 8));
    ck_assert_ptr_null(ram_ptr(&r, r.size - 7, 8));
    uint64_t v;
    ck_assert_int_eq(ram_ld_be(&r, r.size - 8, 8, &v), 0);
    ck_assert_int_eq(ram_ld_le(&r, r.size - 4, 8, &v), -1);
    ck_assert_int_eq(ram_st_be(&r, r.size - 2, 4, 0), -1);
    ck_assert_int_eq(ram_st_le(&r, r.size - 4, 4, 0), 0);
    ram_destroy(&r);
    ck_assert_ptr_null(r.host);
}
END_TEST

START_TEST(bounds_wraparound_lengths)
{
    struct ram r;
    ck_assert_int_eq(ram_init(&r, 1 << 20, err, sizeof(err)), 0);
    /* addr + len wraps to a small number: must be rejected, not treated as in range. */
    ck_assert(!ram_contains(&r, 16, UINT64_MAX));
    ck_assert(!ram_contains(&r, 16, UINT64_MAX - 15));
    ck_assert(!ram_contains(&r, UINT64_MAX, 2));
    ck_assert(!ram_contains(&r, UINT64_MAX - 4, 8));
    ck_assert_ptr_null(ram_ptr(&r, 0x1000, UINT64_MAX - 0xfff));
    uint64_t v;
    ck_assert_int_eq(ram_ld_le(&r, UINT64_MAX - 3, 8, &v), -1);
    ck_assert(ram_contains(&r, 0, r.size));
    ck_assert(!ram_contains(&r, 0, r.size + 1));
    ck_assert(ram_contains(&r, 5, 0));
    ram_destroy(&r);
}
END_TEST

START_TEST(rounding_and_empty)
{
    struct ram r;
    ck_assert_int_eq(ram_init(&r, 1, err, sizeof(err)), 0);
    ck_assert_uint_eq(r.size, 64 << 10);
    ram_destroy(&r);
    ck_assert_int_eq(ram_init(&r, 0, err, sizeof(err)), 0);
    ck_assert_ptr_null(r.host);
    ck_assert(!ram_contains(&r, 0, 1));
    ram_destroy(&r);
    ck_assert_int_eq(ram_init(&r, RAM_MAX_SIZE + 1, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "maximum"));
}
END_TEST

START_TEST(byte_orders)
{
    struct ram r;
    ck_assert_int_eq(ram_init(&r, 1 << 16, err, sizeof(err)), 0);
    ck_assert_int_eq(ram_st_be(&r, 0x100, 8, 0x0102030405060708ULL), 0);
    ck_assert_uint_eq(r.host[0x100], 0x01);
    ck_assert_uint_eq(r.host[0x107], 0x08);
    uint64_t v;
    ck_assert_int_eq(ram_ld_le(&r, 0x100, 8, &v), 0);
    ck_assert_uint_eq(v, 0x0807060504030201ULL);
    ck_assert_int_eq(ram_ld_be(&r, 0x100, 4, &v), 0);
    ck_assert_uint_eq(v, 0x01020304);
    ck_assert_int_eq(ram_ld_le(&r, 0x100, 2, &v), 0);
    ck_assert_uint_eq(v, 0x0201);
    ck_assert_int_eq(ram_ld_be(&r, 0x101, 1, &v), 0);
    ck_assert_uint_eq(v, 0x02);
    ck_assert_int_eq(ram_st_le(&r, 0x201, 4, 0xdeadbeef), 0); /* unaligned */
    ck_assert_uint_eq(r.host[0x201], 0xef);
    ck_assert_uint_eq(r.host[0x204], 0xde);
    ck_assert_int_eq(ram_ld_be(&r, 0x201, 4, &v), 0);
    ck_assert_uint_eq(v, 0xefbeadde);
    ck_assert_int_eq(ram_st_le(&r, 0x300, 2, 0x12345678), 0); /* truncated to size */
    ck_assert_uint_eq(r.host[0x302], 0);
    ck_assert_int_eq(ram_ld_le(&r, 0, 3, &v), -1); /* invalid size */
    ram_destroy(&r);
}
END_TEST

START_TEST(sparse_64g)
{
    struct ram r;
    uint64_t before = host_rss_bytes();
    ck_assert_uint_gt(before, 0);
    ck_assert_int_eq(ram_init(&r, 64ULL << 30, err, sizeof(err)), 0);
    uint64_t reserved = host_rss_bytes();
    /* Touch one byte every 16 MiB across the whole 64 GiB: 4096 pages. */
    const uint64_t stride = 16ULL << 20;
    unsigned touched = 0;
    for (uint64_t a = 0; a < r.size; a += stride) {
        ck_assert_int_eq(ram_st_le(&r, a + (a >> 24) % 4093, 1, 0x5a), 0);
        touched++;
    }
    ck_assert_int_eq(ram_st_le(&r, r.size - 1, 1, 0x77), 0);
    uint64_t after = host_rss_bytes();
    uint64_t v;
    ck_assert_int_eq(ram_ld_le(&r, r.size - 1, 1, &v), 0);
    ck_assert_uint_eq(v, 0x77);
    ck_assert_int_eq(ram_ld_le(&r, (32ULL << 30) + (32ULL << 30 >> 24) % 4093, 1, &v), 0);
    ck_assert_uint_eq(v, 0x5a);
    long page = sysconf(_SC_PAGESIZE);
    printf("sparse_64g: reserved %llu GiB, touched %u pages (%ld B each); RSS before %.1f MiB, "
           "after reserve %.1f MiB, after touching %.1f MiB (growth %.1f MiB)\n",
           (unsigned long long)(r.size >> 30), touched + 1, page, before / 1048576.0, reserved / 1048576.0,
           after / 1048576.0, (after - before) / 1048576.0);
    ck_assert_uint_lt(reserved - before, 1 << 20);
    ck_assert_uint_lt(after - before, 50ULL << 20);
    /* And the pages really are committed: growth at least the touched pages. */
    ck_assert_uint_ge(after - before, (uint64_t)touched * (uint64_t)page / 2);
    ram_destroy(&r);
}
END_TEST

static void expect_size(const char *s, uint64_t want)
{
    uint64_t v = 0;
    int rc = parse_mem_size(s, &v, err, sizeof(err));
    ck_assert_msg(rc == 0, "'%s' rejected: %s", s, err);
    ck_assert_uint_eq(v, want);
}

static void expect_bad(const char *s, const char *word)
{
    uint64_t v = 12345;
    err[0] = 0;
    ck_assert_int_eq(parse_mem_size(s, &v, err, sizeof(err)), -1);
    ck_assert_uint_eq(v, 12345);
    ck_assert_msg(strstr(err, word) != NULL, "'%s': message '%s' lacks '%s'", s, err, word);
}

START_TEST(mem_size_parsing)
{
    expect_size("1G", 1ULL << 30);
    expect_size("64G", 64ULL << 30);
    expect_size("512", 512ULL << 20);
    expect_size("512M", 512ULL << 20);
    expect_size("4k", 4096);
    expect_size("2T", 2ULL << 40);
    expect_size("64T", RAM_MAX_SIZE);
    expect_size("1GiB", 1ULL << 30);
    expect_bad("0", "zero");
    expect_bad("0G", "zero");
    expect_bad("99999T", "maximum");
    expect_bad("65T", "maximum");
    expect_bad("99999999999999999999", "large");
    expect_bad("18446744073709551615T", "overflow");
    expect_bad("12Q", "suffix");
    expect_bad("", "empty");
    expect_bad("-1", "not a number");
    expect_bad("G", "not a number");
    expect_bad("1GX", "junk");
    expect_bad(" 1G", "not a number");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mem");
    TCase *tc = tcase_create("mem");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, bounds_last_byte_and_one_past);
    tcase_add_test(tc, bounds_wraparound_lengths);
    tcase_add_test(tc, rounding_and_empty);
    tcase_add_test(tc, byte_orders);
    tcase_add_test(tc, sparse_64g);
    tcase_add_test(tc, mem_size_parsing);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
