/* Running and stepping one CPU under the debugger (see debug_bare.h). Free running uses slices of
 * RUN_SLICE instructions at full speed (the interrupt flag is polled between them); with a
 * breakpoint set, one instruction at a time, checking the pc before each. Watchpoints are the
 * CPU's own (checked on its memory slow path), reported after the accessing instruction. */
#include "tools/machines/debug_bare.h"

#include <stdio.h>

#define RUN_SLICE 65536u

bool dbg_bare_slice(struct dbg_bare_cpu *b, uint64_t n)
{
    if (!b->ended)
        b->ended = b->run(b->machine, n, &b->status);
    return b->ended;
}

void dbg_bare_end_stop(const struct dbg_bare_cpu *b, struct dbg_stop *st)
{
    st->kind = DBG_STOP_GUEST_END;
    st->exit_status = b->status;
}

bool dbg_bare_step(struct dbg_bare_cpu *b, unsigned ctx, struct dbg_stop *st)
{
    st->ctx = ctx;
    st->kind = DBG_STOP_STEP;
    if (dbg_bare_slice(b, 1)) {
        dbg_bare_end_stop(b, st);
        return false;
    }
    return true;
}

void dbg_bare_run(struct dbg_bare_cpu *b, const struct dbg_stopset *set, struct dbg_stop *st)
{
    st->ctx = 0;
    st->kind = DBG_STOP_NONE;
    if (b->ended) {
        dbg_bare_end_stop(b, st);
        return;
    }
    if (set->nwp > DBG_BARE_MAX_WATCH) {
        st->kind = DBG_STOP_ERROR;
        snprintf(st->text, sizeof(st->text), "at most %u watchpoints", DBG_BARE_MAX_WATCH);
        return;
    }
    if (set->nwp)
        b->set_watch(b->opaque, set->wp, set->nwp);
    uint64_t start = b->count(b->opaque);
    for (;;) {
        uint64_t done = b->count(b->opaque) - start, n = set->nbp ? 1 : RUN_SLICE;
        if (dbg_stopset_interrupted(set)) {
            st->kind = DBG_STOP_INTERRUPT;
            break;
        }
        if (set->max_insns && done >= set->max_insns) {
            st->kind = DBG_STOP_LIMIT;
            break;
        }
        /* the instruction at the starting pc runs even if it has a breakpoint */
        if (done && set->nbp && dbg_stopset_bp(set, 0, b->pc(b->opaque))) {
            st->kind = DBG_STOP_BREAKPOINT;
            st->addr = b->pc(b->opaque);
            break;
        }
        if (set->max_insns && set->max_insns - done < n)
            n = set->max_insns - done;
        bool ended = dbg_bare_slice(b, n);
        if (b->watch_hit(b->opaque, st))
            break;
        if (ended) {
            dbg_bare_end_stop(b, st);
            break;
        }
    }
    if (set->nwp)
        b->set_watch(b->opaque, NULL, 0);
}

bool dbg_bare_ended(void *opaque, int *status)
{
    const struct dbg_bare_cpu *b = opaque;
    if (b->ended && status)
        *status = b->status;
    return b->ended;
}
