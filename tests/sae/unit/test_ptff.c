/* H(now), QAGTO / QAGPT and the deadline conversion (sae-architecture §3.7, §7.6; MD-36, MD-37). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "sae/ptff.h"

/* Reference H without 128-bit arithmetic: floor(ETOD * 1000 / 4096) with ETOD = e*2^64 + t.
 * e*2^64*125/512 = e*125*2^55 exactly; t = q*4096 + r gives q*1000 + floor(r*1000/4096). */
static uint64_t ref_h(uint8_t e, uint64_t t)
{
    uint64_t q = t >> 12, r = t & 0xFFF;
    return (uint64_t)e * 125 * (1ull << 55) + q * 1000 + (r * 1000) / 4096;
}

START_TEST(test_h_values)
{
    ck_assert_uint_eq(sae_h_from_etod(0), 0);
    ck_assert_uint_eq(sae_h_from_etod(1), 0);
    ck_assert_uint_eq(sae_h_from_etod(4), 0);            /* 4*125/512 < 1 */
    ck_assert_uint_eq(sae_h_from_etod(5), 1);            /* 625/512 */
    ck_assert_uint_eq(sae_h_from_etod(512), 125);
    ck_assert_uint_eq(sae_h_from_etod(4096), 1000);      /* bit 51 = 1 us = 1000 ns */
    ck_assert_uint_eq(sae_h_from_etod(4095), 999);
    /* 2^64 - 1 within epoch 0: floor((2^64-1)*125/512) = 125*2^55 - 1 */
    ck_assert_uint_eq(sae_h_from_etod(UINT64_MAX), 125 * (1ull << 55) - 1);
    /* epoch index 1, TOD 0: 125 * 2^55 mod 2^64 */
    ck_assert_uint_eq(sae_h_from_etod(sae_etod(1, 0)), (uint64_t)125 << 55);
    /* the H value wraps mod 2^64 for large epoch indexes (needs the 128-bit product) */
    ck_assert_uint_eq(sae_h_from_etod(sae_etod(0xFF, UINT64_MAX)), ref_h(0xFF, UINT64_MAX));
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 2000; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        uint8_t e = (uint8_t)(x >> 56);
        ck_assert_uint_eq(sae_h_from_etod(sae_etod(e, x)), ref_h(e, x));
        ck_assert_uint_eq(sae_h_from_etod(sae_etod(0, x)), ref_h(0, x));
    }
}
END_TEST

START_TEST(test_qagto_qagpt)
{
    uint64_t h = 1000;
    ck_assert_uint_eq(sae_qagto(h, 0), 1000);                    /* Linux epd = QAGTO(0) */
    ck_assert_uint_eq(sae_qagto(h, 1001), UINT64_MAX);           /* wraps */
    ck_assert_uint_eq(sae_qagpt(h, UINT64_MAX), 1001);
    /* QAGPT(QAGTO(t)) = t at the same instant; guest counter = H - gpto */
    uint64_t t = 0x123456789ull, gpto = sae_qagto(h, t);
    ck_assert_uint_eq(sae_qagpt(h, gpto), t);
    ck_assert_uint_eq(sae_guest_counter(h, gpto), t);
    ck_assert_uint_eq(sae_guest_counter(h + 77, gpto), t + 77);
}
END_TEST

START_TEST(test_ptff_exec_and_mask)
{
    uint8_t blk[16];
    st_be64(blk, 5);
    memset(blk + 8, 0xEE, 8);
    sae_u128 now = sae_etod(0, 4096 * 10);                       /* H = 10000 */
    ck_assert_int_eq(sae_ptff_exec(0x10, blk, now, true), 0);
    ck_assert_uint_eq(ld_be64(blk + 8), 9995);
    ck_assert_uint_eq(ld_be64(blk), 5);                          /* in unchanged */
    st_be64(blk, 20000);
    ck_assert_int_eq(sae_ptff_exec(0x11, blk, now, true), 0);
    ck_assert_uint_eq(ld_be64(blk + 8), (uint64_t)-10000);
    memset(blk + 8, 0xEE, 8);
    ck_assert_int_eq(sae_ptff_exec(0x10, blk, now, false), 3);   /* not installed */
    ck_assert_int_eq(sae_ptff_exec(0x12, blk, now, true), 3);
    ck_assert_uint_eq(blk[8], 0xEE);
    uint8_t mask[16] = { 0xF0, 0, 0x01, 0 };
    sae_ptff_qaf_mask(mask, false);
    ck_assert_uint_eq(mask[2], 0x01);
    sae_ptff_qaf_mask(mask, true);
    ck_assert_uint_eq(mask[2], 0xC1);                            /* byte 2 |= 0xC0 */
    ck_assert_uint_eq(mask[0], 0xF0);
    for (int i = 3; i < 16; i++)
        ck_assert_uint_eq(mask[i], 0);
}
END_TEST

static uint64_t g_at(sae_u128 e, uint64_t gpto) { return sae_guest_counter(sae_h_from_etod(e), gpto); }

START_TEST(test_deadline)
{
    uint64_t gpto = 12345;
    sae_u128 now = sae_etod(0, 0x100000);
    uint64_t g = g_at(now, gpto);
    /* already reached: now */
    ck_assert(sae_etod_for_counter(now, gpto, g) == now);
    ck_assert(sae_etod_for_counter(now, gpto, 0) == now);
    /* the smallest ETOD at which G >= cval, for deltas that do and do not land on TOD ticks */
    for (uint64_t d = 1; d < 3000; d += 7) {
        sae_u128 e = sae_etod_for_counter(now, gpto, g + d);
        ck_assert(g_at(e, gpto) >= g + d);
        ck_assert(g_at(e - 1, gpto) < g + d);
        ck_assert(e > now);
    }
    /* gpto making G wrap below: cval far ahead in the unsigned order */
    uint64_t gpto2 = sae_h_from_etod(now) + 10;     /* G = -10 */
    ck_assert_uint_eq(g_at(now, gpto2), (uint64_t)-10);
    /* G = 2^64 - 10 >= any small cval, so the condition already holds (unsigned compare) */
    ck_assert(sae_etod_for_counter(now, gpto2, 5) == now);
    /* TOD form: crossing into the next epoch gives UINT64_MAX */
    uint64_t tnow = UINT64_MAX - 4096;
    uint64_t g3 = g_at(sae_etod(0, tnow), 0);
    ck_assert_uint_eq(sae_tod_for_counter(0, tnow, 0, g3 + 100000), UINT64_MAX);
    uint64_t t = sae_tod_for_counter(0, tnow, 0, g3 + 500);
    ck_assert(t != UINT64_MAX && t > tnow);
    ck_assert_uint_ge(g_at(sae_etod(0, t), 0), g3 + 500);
    ck_assert_uint_lt(g_at(sae_etod(0, t - 1), 0), g3 + 500);
    /* within epoch 2 */
    uint64_t t2 = sae_tod_for_counter(2, 0x1000, 0, g_at(sae_etod(2, 0x1000), 0) + 1000);
    ck_assert_uint_eq(t2, 0x2000);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-ptff");
    TCase *tc = tcase_create("ptff");
    tcase_add_test(tc, test_h_values);
    tcase_add_test(tc, test_qagto_qagpt);
    tcase_add_test(tc, test_ptff_exec_and_mask);
    tcase_add_test(tc, test_deadline);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
