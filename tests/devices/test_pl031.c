/* PL031 RTC tests (ARM DDI 0224): counting in virtual time, load, match interrupt. */
#include <check.h>
#include <stdlib.h>

#include "devices/pl031.h"

#define EPOCH 1700000000u
#define SEC 1000000000ULL

static struct vclock clk;

static uint32_t rd(struct pl031 *r, uint64_t off)
{
    uint64_t v = 0xdeadbeef;
    ck_assert(pl031_mmio_ops.read(r, off, 4, &v));
    return (uint32_t)v;
}

static void wr(struct pl031 *r, uint64_t off, uint32_t v)
{
    ck_assert(pl031_mmio_ops.write(r, off, 4, v));
}

/* icount, 1 ns per instruction: advance virtual time and run due events like a machine loop. */
static void run_ns(uint64_t ns)
{
    vclock_advance(&clk, ns);
    vclock_run_due(&clk);
}

START_TEST(ids_and_reset)
{
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    struct pl031 *r = pl031_create(&clk, EPOCH);
    ck_assert_ptr_nonnull(r);
    static const uint32_t ids[8] = { 0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
    for (unsigned i = 0; i < 8; i++)
        ck_assert_uint_eq(rd(r, 0xfe0 + 4 * i), ids[i]);
    ck_assert_uint_eq(rd(r, 0x000), EPOCH);
    ck_assert_uint_eq(rd(r, 0x00c), 1);
    ck_assert_uint_eq(rd(r, 0x014), 0);
    ck_assert_uint_eq(rd(r, 0x010), 0);
    ck_assert_uint_eq(rd(r, 0x800), 0);     /* unknown: reads 0, no fault */
    ck_assert(!pl031_irq_level(r));
    pl031_destroy(r);
    vclock_destroy(&clk);
}
END_TEST

START_TEST(counts_virtual_seconds)
{
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    struct pl031 *r = pl031_create(&clk, EPOCH);
    run_ns(SEC - 1);
    ck_assert_uint_eq(rd(r, 0x000), EPOCH);
    run_ns(1);
    ck_assert_uint_eq(rd(r, 0x000), EPOCH + 1);
    run_ns(5 * SEC + SEC / 2);
    ck_assert_uint_eq(rd(r, 0x000), EPOCH + 6);
    /* Idle skips count too. */
    vclock_skip_to(&clk, vclock_now(&clk) + 10 * SEC);
    ck_assert_uint_eq(rd(r, 0x000), EPOCH + 16);
    /* Load: the counter continues from the loaded value. */
    wr(r, 0x008, 100);
    ck_assert_uint_eq(rd(r, 0x000), 100);
    run_ns(SEC);
    ck_assert_uint_eq(rd(r, 0x000), 101);
    /* RTCDR is read-only. */
    wr(r, 0x000, 5);
    ck_assert_uint_eq(rd(r, 0x000), 101);
    pl031_destroy(r);
    vclock_destroy(&clk);
}
END_TEST

static unsigned sink_calls;
static bool sink_level;
static void sink(void *opaque, unsigned line, bool level)
{
    (void)opaque;
    ck_assert_uint_eq(line, 34);
    sink_calls++;
    sink_level = level;
}

START_TEST(match_interrupt)
{
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    struct pl031 *r = pl031_create(&clk, EPOCH);
    sink_calls = 0;
    pl031_connect_irq(r, sink, NULL, 34);
    wr(r, 0x004, EPOCH + 3);
    ck_assert_uint_eq(rd(r, 0x004), EPOCH + 3);
    wr(r, 0x010, 1);                    /* unmask */
    run_ns(2 * SEC);
    ck_assert_uint_eq(rd(r, 0x014), 0);
    ck_assert(!pl031_irq_level(r));
    ck_assert_uint_eq(vclock_next_deadline(&clk), 3 * SEC);
    run_ns(SEC);
    ck_assert_uint_eq(rd(r, 0x014), 1);
    ck_assert_uint_eq(rd(r, 0x018), 1);
    ck_assert(pl031_irq_level(r));
    ck_assert(sink_level);
    /* Mask hides it from MIS and the output, not from RIS. */
    wr(r, 0x010, 0);
    ck_assert_uint_eq(rd(r, 0x018), 0);
    ck_assert(!sink_level);
    wr(r, 0x010, 1);
    ck_assert(sink_level);
    wr(r, 0x01c, 1);                    /* ICR */
    ck_assert_uint_eq(rd(r, 0x014), 0);
    ck_assert(!pl031_irq_level(r));
    ck_assert(!sink_level);
    /* A match equal to the current count raises it at once. */
    wr(r, 0x004, rd(r, 0x000));
    ck_assert(pl031_irq_level(r));
    wr(r, 0x01c, 1);
    /* Loading the counter re-arms against the new value. */
    wr(r, 0x004, 50);
    wr(r, 0x008, 48);
    run_ns(SEC);
    ck_assert(!pl031_irq_level(r));
    run_ns(SEC);
    ck_assert(pl031_irq_level(r));
    pl031_destroy(r);
    ck_assert_uint_eq(vclock_next_deadline(&clk), UINT64_MAX);
    vclock_destroy(&clk);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pl031");
    TCase *tc = tcase_create("regs");
    tcase_add_test(tc, ids_and_reset);
    tcase_add_test(tc, counts_virtual_seconds);
    tcase_add_test(tc, match_interrupt);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
