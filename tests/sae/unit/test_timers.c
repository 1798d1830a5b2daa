/* Guest timers under SAE: condition, ISTATUS, link suppression, tir, deadlines (§7.6, MD-35, MD-51). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sae/sd.h"
#include "sae/timers.h"

static struct sae_timers ts;
static struct sae_vgic g;

static void setup(void)
{
    memset(&ts, 0, sizeof(ts));
    memset(&g, 0, sizeof(g));
}

static uint64_t hwlr(unsigned state, unsigned pintid)
{
    return ((uint64_t)state << 62) | ICH_LR_HW | ((uint64_t)pintid << 32) | (1ull << 60) | (0x80ull << 48) | pintid;
}

START_TEST(test_condition_istatus)
{
    struct sae_timer t = { 0, 100 };
    ck_assert(!sae_timer_condition(&t, 200));                 /* disabled */
    ck_assert_uint_eq(sae_timer_ctl_readback(&t, 200), 0);    /* ISTATUS 0 when ENABLE = 0 */
    t.ctl = CNT_CTL_ENABLE;
    ck_assert(!sae_timer_condition(&t, 99));
    ck_assert(sae_timer_condition(&t, 100));                  /* G >= CVAL */
    ck_assert_uint_eq(sae_timer_ctl_readback(&t, 100), CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
    ck_assert(sae_timer_asserted(&t, 100));
    t.ctl |= CNT_CTL_IMASK;
    ck_assert(sae_timer_condition(&t, 100));
    ck_assert(!sae_timer_asserted(&t, 100));                  /* masked: condition but not asserted */
    ck_assert_uint_eq(sae_timer_ctl_readback(&t, 100), 7);
    t.ctl = CNT_CTL_ENABLE | CNT_CTL_ISTATUS;                 /* a stale ISTATUS is recomputed */
    ck_assert_uint_eq(sae_timer_ctl_readback(&t, 50), CNT_CTL_ENABLE);
    /* unsigned comparison */
    t.cval = UINT64_MAX;
    ck_assert(!sae_timer_condition(&t, UINT64_MAX - 1));
    ck_assert(sae_timer_condition(&t, UINT64_MAX));
    /* TVAL: signed 32-bit view */
    t.cval = 1000;
    ck_assert_uint_eq(sae_timer_tval_read(&t, 400), 600);
    ck_assert_uint_eq(sae_timer_tval_read(&t, 1400), (uint32_t)-400);
    sae_timer_tval_write(&t, 5000, (uint32_t)-100);
    ck_assert_uint_eq(t.cval, 4900);
    sae_timer_tval_write(&t, 5000, 0x7FFFFFFF);
    ck_assert_uint_eq(t.cval, 5000 + 0x7FFFFFFFull);
}
END_TEST

START_TEST(test_intercept_and_link)
{
    ts.t[SAE_TIMER_VIRT] = (struct sae_timer){ CNT_CTL_ENABLE, 10 };
    ts.t[SAE_TIMER_PHYS] = (struct sae_timer){ CNT_CTL_ENABLE, 20 };
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 5), 0);
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 10), SAE_TIR_VIRT);
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), SAE_TIR_VIRT | SAE_TIR_PHYS);
    /* HW-linked through an LR with pINTID 27: the virtual timer does not intercept */
    g.lr[2] = hwlr(SAE_LR_PENDING, 27);
    ck_assert(sae_timer_linked(&ts, SAE_TIMER_VIRT, &g));
    ck_assert(!sae_timer_linked(&ts, SAE_TIMER_PHYS, &g));
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), SAE_TIR_PHYS);
    g.lr[2] = hwlr(SAE_LR_ACTIVE, 27);
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), SAE_TIR_PHYS);
    g.lr[1] = hwlr(SAE_LR_PENDING_ACTIVE, 30);                    /* physical timer PPI 30 */
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), 0);
    /* link ends when the LR is invalid again */
    g.lr[2] = hwlr(SAE_LR_INVALID, 27);
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), SAE_TIR_VIRT);
    /* an HW = 0 LR with the same vINTID does not link; wrong pINTID does not link */
    g.lr[2] = (1ull << 62) | 27;
    g.lr[3] = hwlr(SAE_LR_PENDING, 26);
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), SAE_TIR_VIRT);
    /* masking stops the interception; the host's other way out is CVAL / ENABLE */
    ts.t[SAE_TIMER_VIRT].ctl |= CNT_CTL_IMASK;
    ck_assert_uint_eq(sae_timers_tir(&ts, &g, 20), 0);
    ck_assert_uint_eq(sae_timer_ppi(SAE_TIMER_VIRT), 27);
    ck_assert_uint_eq(sae_timer_ppi(SAE_TIMER_PHYS), 30);
}
END_TEST

START_TEST(test_deadlines)
{
    uint64_t d;
    ck_assert(!sae_timers_next_deadline(&ts, &g, 0, &d));            /* none enabled */
    ts.t[SAE_TIMER_VIRT] = (struct sae_timer){ CNT_CTL_ENABLE, 500 };
    ts.t[SAE_TIMER_PHYS] = (struct sae_timer){ CNT_CTL_ENABLE, 300 };
    ck_assert(sae_timers_next_deadline(&ts, &g, 100, &d));
    ck_assert_uint_eq(d, 300);
    ck_assert(sae_timers_next_deadline(&ts, &g, 400, &d));
    ck_assert_uint_eq(d, 400);                                        /* already asserted: now */
    ts.t[SAE_TIMER_PHYS].ctl |= CNT_CTL_IMASK;
    ck_assert(sae_timers_next_deadline(&ts, &g, 100, &d));
    ck_assert_uint_eq(d, 500);
    g.lr[0] = hwlr(SAE_LR_PENDING, 27);                                   /* linked: cannot intercept */
    ck_assert(!sae_timers_next_deadline(&ts, &g, 100, &d));
    ck_assert(sae_timers_next_wakeup(&ts, 100, &d));                  /* but it still wakes a WFI */
    ck_assert_uint_eq(d, 500);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-timers");
    TCase *tc = tcase_create("timers");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_condition_istatus);
    tcase_add_test(tc, test_intercept_and_link);
    tcase_add_test(tc, test_deadlines);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
