/* Running and stepping one CPU under the debugger, shared by the bare machines' debug targets
 * (debug_arm64_bare.c, debug_s390_bare.c): the machine's run slice, the end of the run, and
 * dbg_target_ops.run over the CPU's hooks (pc, instruction count, watch list). */
#ifndef TOOLS_MACHINES_DEBUG_BARE_H
#define TOOLS_MACHINES_DEBUG_BARE_H

#include <stdbool.h>
#include <stdint.h>

#include "tools/debug/target.h"

#define DBG_BARE_MAX_WATCH 64u

struct dbg_bare_cpu {
    /* The machine's run slice: up to n (>= 1) instructions; true once the machine ended. */
    bool (*run)(void *machine, uint64_t n, int *status);
    void *machine;
    /* The CPU, through the target (opaque): */
    uint64_t (*pc)(void *opaque);
    uint64_t (*count)(void *opaque);              /* instructions executed */
    void (*set_watch)(void *opaque, const struct dbg_watchpoint *w, unsigned n);  /* n = 0: remove */
    bool (*watch_hit)(void *opaque, struct dbg_stop *st);  /* a hit is pending: fill st, clear it */
    void *opaque;
    bool ended;
    int status;
    struct dbg_target t;        /* of the one context ctx */
    struct dbg_context ctx;
};

/* One run slice unless the machine has ended; true once it has. */
bool dbg_bare_slice(struct dbg_bare_cpu *b, uint64_t n);
/* st = the guest's end (DBG_STOP_GUEST_END with the exit status). */
void dbg_bare_end_stop(const struct dbg_bare_cpu *b, struct dbg_stop *st);
/* One instruction; st is DBG_STOP_STEP, or the end. True if the instruction ran (st to refine). */
bool dbg_bare_step(struct dbg_bare_cpu *b, unsigned ctx, struct dbg_stop *st);
/* dbg_target_ops.run for context 0. */
void dbg_bare_run(struct dbg_bare_cpu *b, const struct dbg_stopset *set, struct dbg_stop *st);
/* True once the machine has ended, with its exit status (the dbg_front ended callback; opaque is
 * the struct dbg_bare_cpu). */
bool dbg_bare_ended(void *opaque, int *status);

#endif
