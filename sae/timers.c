/* Timer condition, link and interception (sae-architecture §7.6). */
#include "sae/timers.h"

#include <stddef.h>

bool sae_timer_linked(const struct sae_timers *ts, enum sae_timer_id id, const struct sae_vgic *g)
{
    (void)ts;
    return sae_vgic_hw_linked(g, sae_timer_ppi(id));
}

bool sae_timer_intercepting(const struct sae_timers *ts, enum sae_timer_id id, const struct sae_vgic *g,
                            uint64_t cnt)
{
    return sae_timer_asserted(&ts->t[id], cnt) && !sae_timer_linked(ts, id, g);
}

uint8_t sae_timers_tir(const struct sae_timers *ts, const struct sae_vgic *g, uint64_t cnt)
{
    uint8_t tir = 0;
    for (int id = SAE_TIMER_PHYS; id <= SAE_TIMER_VIRT; id++)
        if (sae_timer_intercepting(ts, (enum sae_timer_id)id, g, cnt))
            tir |= sae_timer_tir_bit((enum sae_timer_id)id);
    return tir;
}

static bool deadline(const struct sae_timers *ts, const struct sae_vgic *g, uint64_t cnt, uint64_t *out)
{
    bool any = false;
    uint64_t best = UINT64_MAX;
    for (int id = SAE_TIMER_PHYS; id <= SAE_TIMER_VIRT; id++) {
        const struct sae_timer *t = &ts->t[id];
        if (!(t->ctl & CNT_CTL_ENABLE) || (t->ctl & CNT_CTL_IMASK))
            continue;
        if (g && sae_timer_linked(ts, (enum sae_timer_id)id, g))
            continue;
        uint64_t d = cnt >= t->cval ? cnt : t->cval;
        if (!any || d < best)
            best = d;
        any = true;
    }
    if (any)
        *out = best;
    return any;
}

bool sae_timers_next_deadline(const struct sae_timers *ts, const struct sae_vgic *g, uint64_t cnt,
                              uint64_t *cnt_deadline)
{
    return deadline(ts, g, cnt, cnt_deadline);
}

bool sae_timers_next_wakeup(const struct sae_timers *ts, uint64_t cnt, uint64_t *cnt_deadline)
{
    return deadline(ts, NULL, cnt, cnt_deadline);
}
