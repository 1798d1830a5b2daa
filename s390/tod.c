/* TOD clock, clock comparator and CPU timer (PoP ch. 4 "Timing"), derived from the machine's
 * virtual clock: bit 51 of the TOD clock is one microsecond, so TOD = ns * 4096 / 1000 + an offset
 * that SET CLOCK changes. The comparator and timer arm virtual-clock events at the instant their
 * condition becomes true; the run loop then re-evaluates pending interruptions. */
#include "s390/exec.h"
#include "s390/interrupt.h"

static uint64_t tod_from_ns(uint64_t ns)
{
    return (ns / 1000) * 4096 + ((ns % 1000) * 4096) / 1000;
}

uint64_t s390_tod_now(const struct s390_cpu *c)
{
    return tod_from_ns(vclock_now(c->clock)) + c->tod_offset;
}

/* The earliest virtual time (ns) at which the TOD clock is >= tod, or UINT64_MAX if never. */
uint64_t s390_tod_to_ns(const struct s390_cpu *c, uint64_t tod)
{
    uint64_t base = tod - c->tod_offset;
    if (tod < c->tod_offset)
        return 0;
    unsigned __int128 ns = ((unsigned __int128)base * 1000 + 4095) / 4096;
    if (ns > (UINT64_MAX >> 2))
        return UINT64_MAX;
    return (uint64_t)ns;
}

int64_t s390_cpu_timer(const struct s390_cpu *c)
{
    return (int64_t)((uint64_t)c->cpu_timer_deadline - s390_tod_now(c));
}

static void timer_fired(void *opaque)
{
    struct s390_cpu *c = opaque;
    c->check_irq = true;
}

void s390_timers_init(struct s390_cpu *c)
{
    vevent_init(&c->ckc_event, "s390-ckc", timer_fired, c);
    vevent_init(&c->timer_event, "s390-cpu-timer", timer_fired, c);
}

static void arm_at_tod(struct s390_cpu *c, struct vevent *e, uint64_t tod)
{
    uint64_t ns = s390_tod_to_ns(c, tod);
    if (ns == UINT64_MAX) {
        vevent_cancel(c->clock, e);
        return;
    }
    if (ns < vclock_now(c->clock))
        ns = vclock_now(c->clock);
    vevent_arm(c->clock, e, ns);
}

void s390_rearm_timers(struct s390_cpu *c)
{
    /* Clock-comparator condition: TOD > CKC, i.e. from TOD = CKC + 1 on. */
    if (c->ckc == UINT64_MAX)
        vevent_cancel(c->clock, &c->ckc_event);
    else
        arm_at_tod(c, &c->ckc_event, c->ckc + 1);
    /* CPU-timer condition: value negative, i.e. TOD > deadline. */
    arm_at_tod(c, &c->timer_event, (uint64_t)c->cpu_timer_deadline + 1);
    c->check_irq = true;
}

void s390_set_ckc(struct s390_cpu *c, uint64_t value)
{
    c->ckc = value;
    s390_rearm_timers(c);
}

void s390_set_cpu_timer(struct s390_cpu *c, int64_t value)
{
    c->cpu_timer_deadline = (int64_t)(s390_tod_now(c) + (uint64_t)value);
    s390_rearm_timers(c);
}
