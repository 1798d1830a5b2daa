/* Guest counter <-> TOD conversions for the idle wait (§7.6, MD-36): the guest counter runs at 1 GHz
 * (1 tick = 1 ns) and the TOD clock has bit 51 = 1 us, i.e. 4096 units per us, so
 * TOD units = ns * 4096 / 1000 = ns * 512 / 125. Pure C (unit-tested on the host). */
#ifndef FW_TIMER_H
#define FW_TIMER_H

#include <stdint.h>

#define CNT_CTL_ENABLE  1u
#define CNT_CTL_IMASK   2u
#define CNT_CTL_ISTATUS 4u

/* TOD units for `ns` nanoseconds, rounded up, saturating at UINT64_MAX. */
static inline uint64_t ns_to_tod(uint64_t ns)
{
    uint64_t q = ns / 125, r = ns % 125;
    if (q > UINT64_MAX / 512)
        return UINT64_MAX;
    uint64_t t = q * 512, add = (r * 512 + 124) / 125;
    return t > UINT64_MAX - add ? UINT64_MAX : t + add;
}

/* The TOD deadline for a timer with compare value cval when the guest counter reads `now_cnt` and
 * the TOD clock `now_tod`: 1 if the timer condition already holds ("now"), else the TOD value
 * (saturated) at which G reaches cval. */
static inline uint64_t timer_deadline_tod(uint64_t cval, uint64_t now_cnt, uint64_t now_tod)
{
    if (cval <= now_cnt)
        return 1;
    uint64_t d = ns_to_tod(cval - now_cnt);
    return now_tod > UINT64_MAX - d ? UINT64_MAX : now_tod + d;
}

#endif
