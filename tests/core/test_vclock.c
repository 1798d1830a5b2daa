/* Virtual clock: icount time, event ordering, cancel, re-arm, idle skip, mode parsing. */
#include <string.h>

#include "check_main.h"
#include "core/vclock.h"

static char order[64];
static size_t norder;
static struct vclock *rearm_clock;

static void record(void *opaque)
{
    order[norder++] = *(const char *)opaque;
    order[norder] = 0;
}

START_TEST(icount_time)
{
    struct vclock c;
    vclock_init(&c, VCLOCK_ICOUNT, 0);
    ck_assert_uint_eq(vclock_now(&c), 0);
    vclock_advance(&c, 1000);
    ck_assert_uint_eq(vclock_now(&c), 1000);
    vclock_destroy(&c);
    vclock_init(&c, VCLOCK_ICOUNT, 3);
    vclock_advance(&c, 10);
    ck_assert_uint_eq(vclock_now(&c), 80);
    vclock_skip_to(&c, 50); /* in the past: no-op */
    ck_assert_uint_eq(vclock_now(&c), 80);
    vclock_skip_to(&c, 1000000);
    ck_assert_uint_eq(vclock_now(&c), 1000000);
    vclock_advance(&c, 1);
    ck_assert_uint_eq(vclock_now(&c), 1000008);
    vclock_destroy(&c);
}
END_TEST

START_TEST(ordering)
{
    struct vclock c;
    vclock_init(&c, VCLOCK_ICOUNT, 0);
    static const char ids[] = "abcdefghij";
    static const uint64_t when[] = { 50, 10, 90, 30, 70, 20, 80, 40, 60, 100 };
    struct vevent ev[10];
    norder = 0;
    for (int i = 0; i < 10; i++) {
        vevent_init(&ev[i], "t", record, (void *)&ids[i]);
        ck_assert(!vevent_armed(&ev[i]));
        vevent_arm(&c, &ev[i], when[i]);
        ck_assert(vevent_armed(&ev[i]));
    }
    ck_assert_uint_eq(vclock_next_deadline(&c), 10);
    ck_assert_uint_eq(vclock_run_due(&c), 0); /* time 0: nothing due */
    vclock_advance(&c, 45);
    ck_assert_uint_eq(vclock_run_due(&c), 4);
    ck_assert_str_eq(order, "bfdh");
    ck_assert(!vevent_armed(&ev[1]));
    ck_assert_uint_eq(vclock_next_deadline(&c), 50);
    vclock_skip_to(&c, vclock_next_deadline(&c));
    ck_assert_uint_eq(vclock_run_due(&c), 1);
    vclock_advance(&c, 1000);
    ck_assert_uint_eq(vclock_run_due(&c), 5);
    ck_assert_str_eq(order, "bfdhaiegcj");
    ck_assert_uint_eq(vclock_next_deadline(&c), UINT64_MAX);
    vclock_destroy(&c);
}
END_TEST

START_TEST(cancel_and_rearm)
{
    struct vclock c;
    vclock_init(&c, VCLOCK_ICOUNT, 0);
    static const char ids[] = "abcde";
    struct vevent ev[5];
    norder = 0;
    order[0] = 0;
    for (int i = 0; i < 5; i++) {
        vevent_init(&ev[i], "t", record, (void *)&ids[i]);
        vevent_arm(&c, &ev[i], 100 + 10 * (uint64_t)i);
    }
    vevent_cancel(&c, &ev[0]);  /* the root */
    vevent_cancel(&c, &ev[3]);  /* an inner node */
    vevent_cancel(&c, &ev[3]);  /* cancelling twice is harmless */
    ck_assert(!vevent_armed(&ev[0]));
    ck_assert_uint_eq(c.count, 3);
    ck_assert_uint_eq(vclock_next_deadline(&c), 110);
    vevent_arm(&c, &ev[4], 5);    /* re-arm earlier while armed */
    vevent_arm(&c, &ev[1], 500);  /* re-arm later while armed */
    ck_assert_uint_eq(c.count, 3);
    ck_assert_uint_eq(vclock_next_deadline(&c), 5);
    vevent_arm(&c, &ev[0], 300);  /* re-arm after cancel */
    vclock_advance(&c, 1000);
    ck_assert_uint_eq(vclock_run_due(&c), 4);
    ck_assert_str_eq(order, "ecab");
    vclock_destroy(&c);
}
END_TEST

static struct vevent periodic;
static unsigned ticks;

static void tick(void *opaque)
{
    (void)opaque;
    ticks++;
    if (ticks < 3)
        vevent_arm(rearm_clock, &periodic, periodic.deadline + 100);
}

START_TEST(callback_rearms_itself)
{
    struct vclock c;
    vclock_init(&c, VCLOCK_ICOUNT, 0);
    rearm_clock = &c;
    ticks = 0;
    vevent_init(&periodic, "periodic", tick, NULL);
    vevent_arm(&c, &periodic, 100);
    vclock_advance(&c, 150);
    ck_assert_uint_eq(vclock_run_due(&c), 1);
    ck_assert(vevent_armed(&periodic));
    ck_assert_uint_eq(vclock_next_deadline(&c), 200);
    vclock_advance(&c, 1000); /* both remaining ticks are due: run in one call */
    ck_assert_uint_eq(vclock_run_due(&c), 2);
    ck_assert_uint_eq(ticks, 3);
    ck_assert(!vevent_armed(&periodic));
    vclock_destroy(&c);
}
END_TEST

START_TEST(many_events_heap)
{
    struct vclock c;
    vclock_init(&c, VCLOCK_ICOUNT, 0);
    enum { N = 500 };
    static struct vevent ev[N];
    static char dummy;
    for (unsigned i = 0; i < N; i++) {
        vevent_init(&ev[i], "n", record, &dummy);
        vevent_arm(&c, &ev[i], (i * 7919u) % 1000u + 1);
    }
    for (unsigned i = 0; i < N; i += 3)
        vevent_cancel(&c, &ev[i]);
    uint64_t prev = 0;
    unsigned seen = 0;
    while (c.count) {
        uint64_t d = vclock_next_deadline(&c);
        ck_assert_uint_ge(d, prev);
        prev = d;
        vclock_skip_to(&c, d);
        norder = 0;
        seen += vclock_run_due(&c);
    }
    ck_assert_uint_eq(seen, N - (N + 2) / 3);
    vclock_destroy(&c);
}
END_TEST

START_TEST(host_mode)
{
    struct vclock c;
    vclock_init(&c, VCLOCK_HOST, 0);
    uint64_t t0 = vclock_now(&c);
    vclock_advance(&c, 1000000000); /* instructions do not move host time */
    vclock_skip_to(&c, t0 + 2000000); /* sleeps about 2 ms */
    uint64_t t1 = vclock_now(&c);
    ck_assert_uint_ge(t1, t0 + 2000000);
    ck_assert_uint_lt(t1, t0 + 500000000ULL);
    vclock_destroy(&c);
}
END_TEST

START_TEST(parse_mode)
{
    enum vclock_mode m = VCLOCK_HOST;
    unsigned shift = 99;
    ck_assert_int_eq(vclock_parse_mode("icount", &m, &shift), 0);
    ck_assert_int_eq(m, VCLOCK_ICOUNT);
    ck_assert_uint_eq(shift, 0);
    ck_assert_int_eq(vclock_parse_mode("host", &m, &shift), 0);
    ck_assert_int_eq(m, VCLOCK_HOST);
    ck_assert_int_eq(vclock_parse_mode("icount,shift=10", &m, &shift), 0);
    ck_assert_int_eq(m, VCLOCK_ICOUNT);
    ck_assert_uint_eq(shift, 10);
    ck_assert_int_eq(vclock_parse_mode("icount,shift=0", &m, &shift), 0);
    ck_assert_uint_eq(shift, 0);
    static const char *bad[] = { "", "icount,shift=11", "icount,shift=", "icount,shift=-1",
                                 "icount,shift=3x", "icount,", "hosts", "ICOUNT", "icount,shift=99999999999" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_msg(vclock_parse_mode(bad[i], &m, &shift) == -1, "'%s' accepted", bad[i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("vclock");
    TCase *tc = tcase_create("vclock");
    tcase_add_test(tc, icount_time);
    tcase_add_test(tc, ordering);
    tcase_add_test(tc, cancel_and_rearm);
    tcase_add_test(tc, callback_rearms_itself);
    tcase_add_test(tc, many_events_heap);
    tcase_add_test(tc, host_mode);
    tcase_add_test(tc, parse_mode);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
