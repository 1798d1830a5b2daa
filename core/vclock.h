/* The machine's virtual clock and event queue.
 * Default (icount) mode: time advances only with executed instructions, 2^shift ns per instruction,
 * plus explicit skips while every CPU idles (WFI, enabled wait). Runs therefore reproduce bit for bit.
 * Host mode ties virtual time to the host's monotonic clock (for interactive use).
 * All device timers, the s390 TOD clock and (through the TOD) the Arm generic counter derive from it. */
#ifndef CORE_VCLOCK_H
#define CORE_VCLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum vclock_mode { VCLOCK_ICOUNT, VCLOCK_HOST };

struct vevent;
typedef void (*vevent_fn)(void *opaque);

struct vevent {
    uint64_t deadline;   /* virtual ns */
    vevent_fn fn;
    void *opaque;
    const char *name;
    size_t slot;         /* heap index + 1 while armed, 0 when not armed */
};

struct vclock {
    enum vclock_mode mode;
    unsigned shift;          /* icount: ns per instruction = 1 << shift */
    uint64_t insns;          /* instructions executed by all CPUs */
    uint64_t skipped_ns;     /* idle time skipped over */
    uint64_t host_start_ns;  /* host mode: host monotonic time at start */
    struct vevent **heap;    /* min-heap on deadline */
    size_t count, cap;
};

void vclock_init(struct vclock *c, enum vclock_mode mode, unsigned shift);
void vclock_destroy(struct vclock *c);

/* Current virtual time in ns. */
uint64_t vclock_now(const struct vclock *c);

/* Account n executed instructions. */
static inline void vclock_advance(struct vclock *c, uint64_t n) { c->insns += n; }

/* Idle: move time forward to `ns` (no-op if it is not in the future). In host mode, sleeps. */
void vclock_skip_to(struct vclock *c, uint64_t ns);

void vevent_init(struct vevent *e, const char *name, vevent_fn fn, void *opaque);
/* (Re)arm an event for an absolute virtual time. */
void vevent_arm(struct vclock *c, struct vevent *e, uint64_t deadline);
void vevent_cancel(struct vclock *c, struct vevent *e);
static inline bool vevent_armed(const struct vevent *e) { return e->slot != 0; }

/* Earliest armed deadline, or UINT64_MAX. */
uint64_t vclock_next_deadline(const struct vclock *c);
/* Run (and disarm) every event whose deadline has passed, in deadline order. Returns how many ran. */
unsigned vclock_run_due(struct vclock *c);

/* Parse "icount[,shift=N]" or "host" (the --clock option). Returns 0 or -1. */
int vclock_parse_mode(const char *s, enum vclock_mode *mode, unsigned *shift);

#endif
