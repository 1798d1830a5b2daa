/* Virtual clock and event queue.
 * icount mode derives time from the instruction count alone, so a run is a pure function of its
 * inputs (reproducible CI failures); idle periods are skipped rather than waited for. The event
 * queue is a binary min-heap on deadline; each event remembers its heap slot so cancel and re-arm
 * are O(log n). Events with equal deadlines fire in an order fixed by the sequence of arm/cancel
 * calls (the heap is deterministic, though not FIFO), so icount runs still reproduce exactly. */
#include "core/vclock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"

static uint64_t host_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

void vclock_init(struct vclock *c, enum vclock_mode mode, unsigned shift)
{
    memset(c, 0, sizeof(*c));
    c->mode = mode;
    c->shift = shift > 10 ? 10 : shift;
    if (mode == VCLOCK_HOST)
        c->host_start_ns = host_ns();
}

void vclock_destroy(struct vclock *c)
{
    for (size_t i = 0; i < c->count; i++)
        c->heap[i]->slot = 0;
    free(c->heap);
    c->heap = NULL;
    c->count = c->cap = 0;
}

uint64_t vclock_now(const struct vclock *c)
{
    if (c->mode == VCLOCK_HOST)
        return host_ns() - c->host_start_ns + c->skipped_ns;
    return (c->insns << c->shift) + c->skipped_ns;
}

void vclock_skip_to(struct vclock *c, uint64_t ns)
{
    uint64_t now = vclock_now(c);
    if (ns <= now)
        return;
    if (c->mode == VCLOCK_HOST) {
        /* Host time: really wait. One sleep of at most 100 ms, and a signal (Ctrl-C, SIGIO from
         * the console) cuts it short, so the caller's run loop stays responsive; it calls again
         * if the deadline has not been reached. */
        uint64_t d = ns - now;
        if (d > 100000000ULL)
            d = 100000000ULL;
        struct timespec ts = { .tv_sec = (time_t)(d / 1000000000ULL), .tv_nsec = (long)(d % 1000000000ULL) };
        nanosleep(&ts, NULL);
        return;
    }
    c->skipped_ns += ns - now;
}

void vevent_init(struct vevent *e, const char *name, vevent_fn fn, void *opaque)
{
    memset(e, 0, sizeof(*e));
    e->name = name;
    e->fn = fn;
    e->opaque = opaque;
}

/* Heap order: earlier deadline first; a sift never moves an element past an equal one. */
static inline bool before(const struct vevent *a, const struct vevent *b)
{
    return a->deadline < b->deadline;
}

static void heap_set(struct vclock *c, size_t i, struct vevent *e)
{
    c->heap[i] = e;
    e->slot = i + 1;
}

static void sift_up(struct vclock *c, size_t i)
{
    struct vevent *e = c->heap[i];
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(e, c->heap[parent]))
            break;
        heap_set(c, i, c->heap[parent]);
        i = parent;
    }
    heap_set(c, i, e);
}

static void sift_down(struct vclock *c, size_t i)
{
    struct vevent *e = c->heap[i];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const struct vevent *best = e;
        if (l < c->count && before(c->heap[l], best)) {
            m = l;
            best = c->heap[l];
        }
        if (r < c->count && before(c->heap[r], best))
            m = r;
        if (m == i)
            break;
        heap_set(c, i, c->heap[m]);
        i = m;
    }
    heap_set(c, i, e);
}

static void heap_remove(struct vclock *c, size_t i)
{
    struct vevent *e = c->heap[i];
    e->slot = 0;
    c->count--;
    if (i == c->count)
        return;
    /* Move the last element into the hole; it may belong above or below it. */
    struct vevent *m = c->heap[c->count];
    heap_set(c, i, m);
    sift_down(c, i);
    sift_up(c, m->slot - 1);
}

void vevent_arm(struct vclock *c, struct vevent *e, uint64_t deadline)
{
    if (e->slot) {
        size_t i = e->slot - 1;
        e->deadline = deadline;
        sift_down(c, i);
        sift_up(c, e->slot - 1);
        return;
    }
    if (c->count == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 16;
        struct vevent **n = realloc(c->heap, ncap * sizeof(*n));
        if (!n) {
            error_report("out of memory arming event '%s'", e->name ? e->name : "?");
            abort();
        }
        c->heap = n;
        c->cap = ncap;
    }
    e->deadline = deadline;
    heap_set(c, c->count++, e);
    sift_up(c, c->count - 1);
}

void vevent_cancel(struct vclock *c, struct vevent *e)
{
    if (e->slot)
        heap_remove(c, e->slot - 1);
}

uint64_t vclock_next_deadline(const struct vclock *c)
{
    return c->count ? c->heap[0]->deadline : UINT64_MAX;
}

unsigned vclock_run_due(struct vclock *c)
{
    unsigned n = 0;
    uint64_t now = vclock_now(c);
    /* A callback may re-arm itself or others; re-arming for a time <= now runs again in this call,
     * which is bounded by the guard below so a misbehaving device cannot hang the emulator. */
    while (c->count && c->heap[0]->deadline <= now) {
        struct vevent *e = c->heap[0];
        heap_remove(c, 0);
        e->fn(e->opaque);
        if (++n >= 1000000u) {
            error_report("event '%s' keeps re-arming in the past; giving up this round",
                         e->name ? e->name : "?");
            break;
        }
    }
    return n;
}

int vclock_parse_mode(const char *s, enum vclock_mode *mode, unsigned *shift)
{
    if (!s)
        return -1;
    if (strcmp(s, "host") == 0) {
        *mode = VCLOCK_HOST;
        *shift = 0;
        return 0;
    }
    if (strcmp(s, "icount") == 0) {
        *mode = VCLOCK_ICOUNT;
        *shift = 0;
        return 0;
    }
    static const char pfx[] = "icount,shift=";
    if (strncmp(s, pfx, sizeof(pfx) - 1) != 0)
        return -1;
    const char *p = s + sizeof(pfx) - 1;
    if (p[0] < '0' || p[0] > '9')
        return -1;
    unsigned v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (unsigned)(*p - '0');
        if (v > 10)
            return -1;
    }
    *mode = VCLOCK_ICOUNT;
    *shift = v;
    return 0;
}
