/* PrimeCell RTC (PL031) register model. Sections refer to ARM DDI 0224 (PL031 TRM). */
#include "devices/pl031.h"

#include <stdlib.h>

#include "core/log.h"

/* Register offsets (§3.2). */
enum {
    RTCDR = 0x000, RTCMR = 0x004, RTCLR = 0x008, RTCCR = 0x00c,
    RTCIMSC = 0x010, RTCRIS = 0x014, RTCMIS = 0x018, RTCICR = 0x01c,
    RTCPERIPHID0 = 0xfe0, RTCPCELLID3 = 0xffc,
};

#define NS_PER_S 1000000000ULL

/* PeriphID0-3 (part 0x031, designer 0x41, revision 0) and PCellID0-3 (0xB105F00D), §3.3.9-3.3.10. */
static const uint8_t pl031_id[8] = { 0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

struct pl031 {
    struct vclock *clk;
    struct vevent match_ev;
    uint32_t offset;   /* counter = offset + whole seconds of virtual time */
    uint32_t mr, imsc, ris;
    struct irq_out irq;
};

static uint64_t now_s(const struct pl031 *rtc)
{
    return vclock_now(rtc->clk) / NS_PER_S;
}

static uint32_t pl031_count(const struct pl031 *rtc)
{
    return rtc->offset + (uint32_t)now_s(rtc);
}

static void pl031_update(struct pl031 *rtc)
{
    irq_out_set(&rtc->irq, (rtc->ris & rtc->imsc & 1) != 0);
}

/* The counter equals RTCMR: raise the (sticky) raw interrupt (§2.2). */
static void pl031_match(void *opaque)
{
    struct pl031 *rtc = opaque;
    rtc->ris |= 1;
    pl031_update(rtc);
}

/* Arm the match event for the second at which the counter next equals RTCMR. If it already does,
 * the interrupt is raised now. The counter wraps, so a match "behind" it is 2^32 s away. */
static void pl031_arm(struct pl031 *rtc)
{
    uint32_t ticks = rtc->mr - pl031_count(rtc);
    if (ticks == 0) {
        vevent_cancel(rtc->clk, &rtc->match_ev);
        pl031_match(rtc);
        return;
    }
    vevent_arm(rtc->clk, &rtc->match_ev, (now_s(rtc) + ticks) * NS_PER_S);
}

struct pl031 *pl031_create(struct vclock *clk, uint64_t epoch_s)
{
    struct pl031 *rtc = calloc(1, sizeof(*rtc));
    if (!rtc)
        return NULL;
    rtc->clk = clk;
    vevent_init(&rtc->match_ev, "pl031-match", pl031_match, rtc);
    rtc->offset = (uint32_t)epoch_s;
    /* RTCMR resets to 0; a match at counter 0 is ~136 years away for any sane epoch, but keep the
     * event consistent with the register anyway. */
    pl031_arm(rtc);
    rtc->ris = 0;
    return rtc;
}

void pl031_destroy(struct pl031 *rtc)
{
    if (!rtc)
        return;
    vevent_cancel(rtc->clk, &rtc->match_ev);
    free(rtc);
}

bool pl031_irq_level(const struct pl031 *rtc)
{
    return (rtc->ris & rtc->imsc & 1) != 0;
}

void pl031_connect_irq(struct pl031 *rtc, irq_sink_fn sink, void *opaque, unsigned line)
{
    irq_out_connect(&rtc->irq, sink, opaque, line);
}

static uint32_t pl031_reg_read(struct pl031 *rtc, uint32_t off)
{
    switch (off) {
    case RTCDR: return pl031_count(rtc);
    case RTCMR: return rtc->mr;
    case RTCLR: return pl031_count(rtc); /* reads back the current value (§3.3.3) */
    case RTCCR: return 1;
    case RTCIMSC: return rtc->imsc;
    case RTCRIS: return rtc->ris;
    case RTCMIS: return rtc->ris & rtc->imsc;
    default:
        if (off >= RTCPERIPHID0 && off <= RTCPCELLID3)
            return pl031_id[(off - RTCPERIPHID0) >> 2];
        qlog(LOG_GUEST_ERRORS, "pl031: read of %s offset 0x%03x\n",
             off == RTCICR ? "write-only" : "unknown", off);
        return 0;
    }
}

static void pl031_reg_write(struct pl031 *rtc, uint32_t off, uint32_t v)
{
    switch (off) {
    case RTCMR:
        rtc->mr = v;
        pl031_arm(rtc);
        break;
    case RTCLR:
        rtc->offset = v - (uint32_t)now_s(rtc);
        pl031_arm(rtc);
        break;
    case RTCCR:
        break;          /* already started; a 0 cannot stop it */
    case RTCIMSC: rtc->imsc = v & 1; break;
    case RTCICR: rtc->ris &= ~(v & 1); break;
    case RTCDR: case RTCRIS: case RTCMIS:
        qlog(LOG_GUEST_ERRORS, "pl031: write to read-only offset 0x%03x\n", off);
        break;
    default:
        qlog(LOG_GUEST_ERRORS, "pl031: write 0x%x to unknown offset 0x%03x\n", v, off);
        break;
    }
    pl031_update(rtc);
}

static bool pl031_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    if (offset >= PL031_MMIO_SIZE || size > 4) {
        qlog(LOG_GUEST_ERRORS, "pl031: %u-byte read at 0x%llx\n", size, (unsigned long long)offset);
        *value = 0;
        return true;
    }
    uint32_t v = pl031_reg_read(opaque, (uint32_t)offset & ~3u) >> ((offset & 3) * 8);
    *value = size == 4 ? v : v & ((1u << (size * 8)) - 1);
    return true;
}

static bool pl031_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    if (offset >= PL031_MMIO_SIZE || (offset & 3) || size > 4) {
        qlog(LOG_GUEST_ERRORS, "pl031: %u-byte write at 0x%llx ignored\n", size,
             (unsigned long long)offset);
        return true;
    }
    pl031_reg_write(opaque, (uint32_t)offset, (uint32_t)value);
    return true;
}

const struct mmio_ops pl031_mmio_ops = {
    .read = pl031_read,
    .write = pl031_write,
};
