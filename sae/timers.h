/* The guest's EL1 physical and virtual timers under SAE (sae-architecture §7.6; MD-35, MD-36, MD-51).
 * CNTP_CTL / CNTV_CTL live in the SD, CNTP_CVAL / CNTV_CVAL in SA slots 4 / 5, the counter is
 * G = H(now) - gpto (sae/ptff.h). Generic Timer semantics: Arm ARM D11 "The Generic Timer". */
#ifndef SAE_TIMERS_H
#define SAE_TIMERS_H

#include <stdbool.h>
#include <stdint.h>

#include "sae/vgic.h"

#define CNT_CTL_ENABLE  1u
#define CNT_CTL_IMASK   2u
#define CNT_CTL_ISTATUS 4u

#define SAE_PPI_VTIMER  27u   /* MD-51 */
#define SAE_PPI_PTIMER  30u

enum sae_timer_id { SAE_TIMER_PHYS = 0, SAE_TIMER_VIRT = 1 };

struct sae_timer { uint32_t ctl; uint64_t cval; };
struct sae_timers { struct sae_timer t[2]; };   /* indexed by enum sae_timer_id */

static inline unsigned sae_timer_ppi(enum sae_timer_id id) { return id == SAE_TIMER_VIRT ? SAE_PPI_VTIMER : SAE_PPI_PTIMER; }
static inline uint8_t sae_timer_tir_bit(enum sae_timer_id id) { return id == SAE_TIMER_VIRT ? 0x40 : 0x80; }

/* condition = ENABLE and G >= CVAL (unsigned); ISTATUS = condition; asserted = condition and !IMASK. */
static inline bool sae_timer_condition(const struct sae_timer *t, uint64_t g)
{
    return (t->ctl & CNT_CTL_ENABLE) && g >= t->cval;
}
static inline bool sae_timer_asserted(const struct sae_timer *t, uint64_t g)
{
    return sae_timer_condition(t, g) && !(t->ctl & CNT_CTL_IMASK);
}
/* The CTL value with ISTATUS set from the condition (what the machine writes back to the SD). */
static inline uint32_t sae_timer_ctl_readback(const struct sae_timer *t, uint64_t g)
{
    return (t->ctl & ~CNT_CTL_ISTATUS) | (sae_timer_condition(t, g) ? CNT_CTL_ISTATUS : 0);
}
/* Linked: some LR has HW = 1, pINTID = the timer's PPI and State != invalid. */
bool sae_timer_linked(const struct sae_timers *ts, enum sae_timer_id id, const struct sae_vgic *g);
/* Intercepting: asserted and not linked (independent of IMO and PSTATE). */
bool sae_timer_intercepting(const struct sae_timers *ts, enum sae_timer_id id, const struct sae_vgic *g,
                            uint64_t cnt);
/* The tir byte of icptr 0x04: 0x80 physical, 0x40 virtual; 0 when no timer intercepts. */
uint8_t sae_timers_tir(const struct sae_timers *ts, const struct sae_vgic *g, uint64_t cnt);

/* TVAL (Arm: a signed 32-bit view of CVAL - counter). */
static inline uint32_t sae_timer_tval_read(const struct sae_timer *t, uint64_t g) { return (uint32_t)(t->cval - g); }
static inline void sae_timer_tval_write(struct sae_timer *t, uint64_t g, uint32_t tval)
{
    t->cval = g + (uint64_t)(int64_t)(int32_t)tval;
}

/* The earliest counter value at which a timer that could intercept (enabled, unmasked, not linked)
 * becomes asserted: returns true with *cnt_deadline (= cnt if one is already asserted), or false when
 * none can. Convert with sae_etod_for_counter() to arm a host event. */
bool sae_timers_next_deadline(const struct sae_timers *ts, const struct sae_vgic *g, uint64_t cnt,
                              uint64_t *cnt_deadline);
/* The same for wake-up from a WFI wait: any enabled, unmasked timer (linked or not) counts. */
bool sae_timers_next_wakeup(const struct sae_timers *ts, uint64_t cnt, uint64_t *cnt_deadline);

#endif
