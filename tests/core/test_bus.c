/* Bus: region insertion rules, lookup and its cache, RAM/MMIO access, straddling accesses. */
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/bus.h"

static char err[256];
static uint8_t ram_a[0x1000], ram_b[0x1000];

struct fake_dev {
    uint64_t last_off, last_val;
    unsigned last_size, reads, writes;
    bool reject;
};

static bool dev_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    struct fake_dev *d = opaque;
    d->reads++;
    d->last_off = off;
    d->last_size = size;
    *value = 0xffffffff00000000ULL | (0xab00 + off); /* high junk: bus must truncate to size */
    return !d->reject;
}

static bool dev_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    struct fake_dev *d = opaque;
    d->writes++;
    d->last_off = off;
    d->last_size = size;
    d->last_val = value;
    return !d->reject;
}

static const struct mmio_ops dev_ops = { dev_read, dev_write };

START_TEST(overlap_adjacent_empty_wrap)
{
    struct bus b;
    bus_init(&b);
    ck_assert_int_eq(bus_add_ram(&b, "a", 0x1000, 0x1000, ram_a, err, sizeof(err)), 0);
    /* Adjacent on both sides is fine. */
    ck_assert_int_eq(bus_add_ram(&b, "b", 0x2000, 0x1000, ram_b, err, sizeof(err)), 0);
    struct fake_dev d = { 0 };
    ck_assert_int_eq(bus_add_mmio(&b, "dev", 0x0, 0x1000, &dev_ops, &d, err, sizeof(err)), 0);
    /* Overlaps: last byte of a, first byte of b, spanning both, contained. */
    ck_assert_int_eq(bus_add_mmio(&b, "x", 0x1fff, 1, &dev_ops, &d, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "overlaps 'a'"));
    ck_assert_int_eq(bus_add_mmio(&b, "x", 0x2fff, 0x10, &dev_ops, &d, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "overlaps 'b'"));
    ck_assert_int_eq(bus_add_mmio(&b, "x", 0x800, 0x10000, &dev_ops, &d, err, sizeof(err)), -1);
    ck_assert_int_eq(bus_add_mmio(&b, "x", 0x1100, 0x10, &dev_ops, &d, err, sizeof(err)), -1);
    ck_assert_int_eq(bus_add_mmio(&b, "x", 0x4000, 0, &dev_ops, &d, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "empty"));
    ck_assert_int_eq(bus_add_mmio(&b, "x", UINT64_MAX - 0xff, 0x200, &dev_ops, &d, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "wraps"));
    /* Ending exactly at the top of the address space is not a wrap. */
    ck_assert_int_eq(bus_add_mmio(&b, "top", UINT64_MAX - 0xff, 0x100, &dev_ops, &d, err, sizeof(err)), 0);
    ck_assert_uint_eq(b.count, 4);
    for (size_t i = 1; i < b.count; i++)
        ck_assert_uint_lt(b.regions[i - 1].base, b.regions[i].base);
    ck_assert_ptr_eq(bus_find(&b, UINT64_MAX)->name, "top");
    bus_destroy(&b);
}
END_TEST

START_TEST(find_and_cache)
{
    struct bus b;
    bus_init(&b);
    static uint8_t rams[16][64];
    char names[16][8];
    /* Insert out of order to exercise sorting. */
    for (int k = 0; k < 16; k++) {
        int i = (k * 7) % 16;
        snprintf(names[i], sizeof(names[i]), "r%d", i);
        ck_assert_int_eq(bus_add_ram(&b, names[i], 0x10000ULL * i, 64, rams[i], err, sizeof(err)), 0);
    }
    for (int i = 0; i < 16; i++) {
        const struct bus_region *r = bus_find(&b, 0x10000ULL * i + 63);
        ck_assert_ptr_nonnull(r);
        ck_assert_str_eq(r->name, names[i]);
        ck_assert_ptr_eq(b.last, r);
        ck_assert_ptr_eq(bus_find(&b, 0x10000ULL * i), r); /* cached hit */
        ck_assert_ptr_null(bus_find(&b, 0x10000ULL * i + 64)); /* hole just past it */
        ck_assert_ptr_eq(b.last, r); /* a miss does not poison the cache */
    }
    /* The cache must not answer for an address outside the cached region. */
    ck_assert_str_eq(bus_find(&b, 0x30000)->name, "r3");
    ck_assert_str_eq(bus_find(&b, 0x50010)->name, "r5");
    ck_assert_ptr_null(bus_find(&b, 0x2fff));
    ck_assert_ptr_eq(bus_ram_ptr(&b, 0x50000, 64), rams[5]);
    ck_assert_ptr_null(bus_ram_ptr(&b, 0x50001, 64));
    bus_destroy(&b);
}
END_TEST

START_TEST(ram_access_both_orders)
{
    struct bus b;
    bus_init(&b);
    memset(ram_a, 0, sizeof(ram_a));
    ck_assert_int_eq(bus_add_ram(&b, "a", 0x80000000, sizeof(ram_a), ram_a, err, sizeof(err)), 0);
    ck_assert_int_eq(bus_write(&b, 0x80000010, 4, true, 0x11223344), BUS_OK);
    ck_assert_uint_eq(ram_a[0x10], 0x11);
    uint64_t v;
    ck_assert_int_eq(bus_read(&b, 0x80000010, 4, false, &v), BUS_OK);
    ck_assert_uint_eq(v, 0x44332211);
    ck_assert_int_eq(bus_write(&b, 0x80000020, 8, false, 0x0102030405060708ULL), BUS_OK);
    ck_assert_uint_eq(ram_a[0x20], 0x08);
    ck_assert_int_eq(bus_read(&b, 0x80000020, 2, true, &v), BUS_OK);
    ck_assert_uint_eq(v, 0x0807);
    ck_assert_int_eq(bus_read(&b, 0x7fffffff, 1, false, &v), BUS_UNMAPPED);
    bus_destroy(&b);
}
END_TEST

START_TEST(straddle_is_unmapped)
{
    struct bus b;
    bus_init(&b);
    ck_assert_int_eq(bus_add_ram(&b, "a", 0x1000, 0x1000, ram_a, err, sizeof(err)), 0);
    ck_assert_int_eq(bus_add_ram(&b, "b", 0x2000, 0x1000, ram_b, err, sizeof(err)), 0);
    uint64_t v = 0x55;
    ram_a[0xfff] = 0x99;
    ck_assert_int_eq(bus_read(&b, 0x1fff, 1, false, &v), BUS_OK);
    ck_assert_uint_eq(v, 0x99);
    /* Adjacent regions do not merge: an access across the boundary is unmapped. */
    ck_assert_int_eq(bus_read(&b, 0x1ffe, 4, false, &v), BUS_UNMAPPED);
    ck_assert_int_eq(bus_write(&b, 0x1ffc, 8, false, 0), BUS_UNMAPPED);
    ck_assert_uint_eq(ram_a[0xfff], 0x99); /* nothing written */
    ck_assert_int_eq(bus_read(&b, 0x2ffc, 8, false, &v), BUS_UNMAPPED); /* into a hole */
    ck_assert_int_eq(bus_read(&b, 0x2ff8, 8, false, &v), BUS_OK);
    ck_assert_ptr_null(bus_ram_ptr(&b, 0x1ff0, 0x20));
    ck_assert_int_eq(bus_read(&b, UINT64_MAX - 2, 8, false, &v), BUS_UNMAPPED);
    bus_destroy(&b);
}
END_TEST

START_TEST(mmio_dispatch)
{
    struct bus b;
    bus_init(&b);
    struct fake_dev d1 = { 0 }, d2 = { 0 };
    ck_assert_int_eq(bus_add_mmio(&b, "uart", 0x9000000, 0x1000, &dev_ops, &d1, err, sizeof(err)), 0);
    ck_assert_int_eq(bus_add_mmio(&b, "rtc", 0x9010000, 0x1000, &dev_ops, &d2, err, sizeof(err)), 0);
    uint64_t v;
    ck_assert_int_eq(bus_read(&b, 0x9000018, 4, false, &v), BUS_OK);
    ck_assert_uint_eq(d1.reads, 1);
    ck_assert_uint_eq(d1.last_off, 0x18);
    ck_assert_uint_eq(d1.last_size, 4);
    ck_assert_uint_eq(v, 0xab18); /* high junk dropped */
    ck_assert_int_eq(bus_write(&b, 0x9010004, 2, true, 0x12345), BUS_OK);
    ck_assert_uint_eq(d2.writes, 1);
    ck_assert_uint_eq(d2.last_off, 4);
    ck_assert_uint_eq(d2.last_val, 0x2345);
    ck_assert_uint_eq(d1.writes, 0);
    ck_assert_int_eq(bus_read(&b, 0x9000ffc, 8, false, &v), BUS_UNMAPPED); /* straddles end */
    ck_assert_uint_eq(d1.reads, 1);
    ck_assert_ptr_null(bus_ram_ptr(&b, 0x9000000, 4)); /* MMIO has no host pointer */
    d2.reject = true;
    ck_assert_int_eq(bus_read(&b, 0x9010000, 4, false, &v), BUS_DEVICE_ERROR);
    ck_assert_int_eq(bus_write(&b, 0x9010000, 4, false, 1), BUS_DEVICE_ERROR);
    ck_assert_int_eq(bus_add_mmio(&b, "noops", 0x100000, 0x10, NULL, NULL, err, sizeof(err)), -1);
    bus_destroy(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bus");
    TCase *tc = tcase_create("bus");
    tcase_add_test(tc, overlap_adjacent_empty_wrap);
    tcase_add_test(tc, find_and_cache);
    tcase_add_test(tc, ram_access_both_orders);
    tcase_add_test(tc, straddle_is_unmapped);
    tcase_add_test(tc, mmio_dispatch);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
