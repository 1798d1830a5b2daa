/* Execution-control commands: step/stepi, continue, break, watch, delete, info, context, trace.
 * A step prints the instruction it executes (read before executing it), then what the target
 * reported, then the next instruction: nothing is shown that the target did not report. */
#include <inttypes.h>
#include <signal.h>
#include <string.h>

#include "core/log.h"
#include "tools/debug/shell_int.h"

const char *dbg_stop_kind_name(enum dbg_stop_kind k)
{
    static const char *const names[] = {
        [DBG_STOP_NONE] = "none", [DBG_STOP_STEP] = "step", [DBG_STOP_EXCEPTION] = "exception",
        [DBG_STOP_BREAKPOINT] = "breakpoint", [DBG_STOP_WATCHPOINT] = "watchpoint",
        [DBG_STOP_SAE_EXIT] = "sae-exit", [DBG_STOP_INTERRUPT] = "interrupt",
        [DBG_STOP_LIMIT] = "limit", [DBG_STOP_GUEST_END] = "guest-end", [DBG_STOP_ERROR] = "error",
    };
    return (unsigned)k < sizeof(names) / sizeof(names[0]) && names[k] ? names[k] : "?";
}

static struct dbg_point *find_point(struct dbg_shell *s, enum dbg_point_type type, unsigned ctx,
                                    uint64_t addr, unsigned icptr)
{
    for (unsigned i = 0; i < s->npoints; i++) {
        struct dbg_point *p = &s->points[i];
        if (p->type != type || p->ctx != ctx)
            continue;
        if (type == POINT_SAE ? p->icptr == icptr
                              : (type == POINT_BREAK ? p->addr == addr
                                                     : addr >= p->addr && addr < p->addr + p->len))
            return p;
    }
    return NULL;
}

void dbg_print_stop(struct dbg_shell *s, const struct dbg_stop *st)
{
    const char *cn = s->t->ctx[st->ctx].name;
    char sym[96];
    struct dbg_point *p;
    switch (st->kind) {
    case DBG_STOP_NONE:
    case DBG_STOP_STEP:
        break;
    case DBG_STOP_EXCEPTION:
        fprintf(s->out, "[%s] exception: %s\n", cn, st->text[0] ? st->text : "taken");
        break;
    case DBG_STOP_BREAKPOINT:
        p = find_point(s, POINT_BREAK, st->ctx, st->addr, 0);
        if (p)
            p->hits++;
        dbg_format_sym(s->t, st->ctx, st->addr, sym, sizeof(sym));
        fprintf(s->out, "Breakpoint %u, %s 0x%016" PRIx64 " %s\n", p ? p->id : 0, cn, st->addr, sym);
        break;
    case DBG_STOP_WATCHPOINT:
        p = find_point(s, POINT_WATCH, st->ctx, st->addr, 0);
        if (p)
            p->hits++;
        fprintf(s->out, "Watchpoint %u: %s %s 0x%016" PRIx64 "%s%s\n", p ? p->id : 0, cn,
                st->write ? "write to" : "read from", st->addr, st->text[0] ? " " : "", st->text);
        break;
    case DBG_STOP_SAE_EXIT:
        p = find_point(s, POINT_SAE, st->ctx, 0, st->icptr);
        if (p)
            p->hits++;
        fprintf(s->out, "SAE exit: icptr 0x%02x%s%s\n", st->icptr, st->text[0] ? " " : "", st->text);
        break;
    case DBG_STOP_INTERRUPT:
        fprintf(s->out, "Interrupted.\n");
        break;
    case DBG_STOP_LIMIT:
        fprintf(s->out, "Stopped: instruction limit reached.\n");
        break;
    case DBG_STOP_GUEST_END:
        fprintf(s->out, "Guest ended, exit status %d%s%s\n", st->exit_status, st->text[0] ? ": " : "",
                st->text);
        break;
    case DBG_STOP_ERROR:
        fprintf(s->out, "[%s] emulator error: %s\n", cn, st->text[0] ? st->text : "(no detail)");
        break;
    }
}

static void record_stop(struct dbg_shell *s, const struct dbg_stop *st)
{
    s->last = *st;
    s->have_last = true;
    if (st->kind == DBG_STOP_GUEST_END) {
        s->ended = true;
        s->exit_status = st->exit_status;
    }
}

static void print_next(struct dbg_shell *s, unsigned ctx)
{
    char line[256];
    if (dbg_disas_line(s, ctx, dbg_target_pc(s->t, ctx), line, sizeof(line)))
        fprintf(s->out, "=> %s\n", line);
    else
        fprintf(s->out, "=> %s 0x%016" PRIx64 ": (cannot read memory)\n", s->t->ctx[ctx].name,
                dbg_target_pc(s->t, ctx));
}

static int do_step(struct dbg_shell *s, enum disas_arch arch, int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 1 && (!dbg_parse_count(argv[1], &n) || n == 0))
        return dbg_error(s, "bad count '%s'", argv[1]);
    if (s->ended)
        return dbg_error(s, "the guest has ended (exit status %d)", s->exit_status);
    /* step = the Arm guest, stepi = the s390 host; a machine with one context steps that one. */
    unsigned ctx = s->cur;
    for (unsigned i = 0; i < s->t->nctx; i++)
        if (s->t->ctx[i].arch == arch) {
            ctx = i;
            break;
        }
    struct dbg_stop st = { .kind = DBG_STOP_NONE, .ctx = ctx };
    for (uint64_t i = 0; i < n; i++) {
        char line[256];
        if (dbg_disas_line(s, ctx, dbg_target_pc(s->t, ctx), line, sizeof(line)))
            fprintf(s->out, "   %s\n", line);
        memset(&st, 0, sizeof(st));
        st.ctx = ctx;
        s->t->ops->step(s->t->opaque, ctx, &st);
        record_stop(s, &st);
        if (st.kind != DBG_STOP_STEP) {
            dbg_print_stop(s, &st);
            if (st.kind != DBG_STOP_EXCEPTION)  /* an exception entry is a completed step */
                break;
        }
    }
    if (st.kind != DBG_STOP_GUEST_END)
        print_next(s, st.ctx);
    return 0;
}

int cmd_step(struct dbg_shell *s, int argc, char **argv)
{
    return do_step(s, DISAS_AARCH64, argc, argv);
}

int cmd_stepi(struct dbg_shell *s, int argc, char **argv)
{
    return do_step(s, DISAS_S390X, argc, argv);
}

static void on_sigint(int sig)
{
    (void)sig;
    dbg_interrupt_flag = 1;
}

int cmd_continue(struct dbg_shell *s, int argc, char **argv)
{
    (void)argc, (void)argv;
    if (s->ended)
        return dbg_error(s, "the guest has ended (exit status %d)", s->exit_status);
    struct dbg_breakpoint bp[DBG_MAX_POINTS];
    struct dbg_watchpoint wp[DBG_MAX_POINTS];
    unsigned icptr[DBG_MAX_POINTS];
    struct dbg_stopset set = { .bp = bp, .wp = wp, .icptr = icptr, .interrupt = &dbg_interrupt_flag };
    for (unsigned i = 0; i < s->npoints; i++) {
        const struct dbg_point *p = &s->points[i];
        if (p->type == POINT_BREAK)
            bp[set.nbp++] = (struct dbg_breakpoint){ p->id, p->ctx, p->addr };
        else if (p->type == POINT_WATCH)
            wp[set.nwp++] = (struct dbg_watchpoint){ p->id, p->ctx, p->addr, p->len, p->access };
        else
            icptr[set.nicptr++] = p->icptr;
    }
    struct sigaction sa = { .sa_handler = on_sigint }, old;
    sigemptyset(&sa.sa_mask);
    dbg_interrupt_flag = 0;
    sigaction(SIGINT, &sa, &old);
    struct dbg_stop st = { .kind = DBG_STOP_NONE, .ctx = s->cur };
    s->t->ops->run(s->t->opaque, &set, &st);
    sigaction(SIGINT, &old, NULL);
    dbg_interrupt_flag = 0;
    record_stop(s, &st);
    dbg_print_stop(s, &st);
    if (st.kind != DBG_STOP_GUEST_END)
        print_next(s, st.ctx);
    return 0;
}

static int add_point(struct dbg_shell *s, struct dbg_point p)
{
    if (s->npoints == DBG_MAX_POINTS)
        return dbg_error(s, "too many breakpoints/watchpoints (%d)", DBG_MAX_POINTS);
    p.id = s->next_id++;
    s->points[s->npoints++] = p;
    return (int)p.id;
}

int cmd_break(struct dbg_shell *s, int argc, char **argv)
{
    char err[128];
    if (argc == 3 && strcmp(argv[1], "sae") == 0) {
        uint64_t icptr;
        if (!dbg_parse_count(argv[2], &icptr) || icptr > 0xff)
            return dbg_error(s, "bad icptr '%s' (0..0xff)", argv[2]);
        int id = add_point(s, (struct dbg_point){ .type = POINT_SAE, .ctx = s->cur, .icptr = (unsigned)icptr });
        if (id < 0)
            return -1;
        fprintf(s->out, "Breakpoint %d at SAE exit icptr 0x%02x\n", id, (unsigned)icptr);
        return 0;
    }
    if (argc != 2)
        return dbg_error(s, "usage: break <addr|symbol> | break sae <icptr>");
    uint64_t addr;
    if (dbg_parse_addr(s->t, s->cur, argv[1], &addr, err, sizeof(err)) != 0)
        return dbg_error(s, "%s", err);
    int id = add_point(s, (struct dbg_point){ .type = POINT_BREAK, .ctx = s->cur, .addr = addr });
    if (id < 0)
        return -1;
    char sym[96];
    dbg_format_sym(s->t, s->cur, addr, sym, sizeof(sym));
    fprintf(s->out, "Breakpoint %d at %s 0x%016" PRIx64 " %s\n", id, s->t->ctx[s->cur].name, addr, sym);
    return 0;
}

int cmd_watch(struct dbg_shell *s, int argc, char **argv)
{
    if (argc < 2 || argc > 4)
        return dbg_error(s, "usage: watch <addr> [len] [r|w|rw]");
    char err[128];
    uint64_t addr, len = 8;
    enum dbg_watch_access acc = DBG_WATCH_W;
    if (dbg_parse_addr(s->t, s->cur, argv[1], &addr, err, sizeof(err)) != 0)
        return dbg_error(s, "%s", err);
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "r") == 0)
            acc = DBG_WATCH_R;
        else if (strcmp(argv[i], "w") == 0)
            acc = DBG_WATCH_W;
        else if (strcmp(argv[i], "rw") == 0)
            acc = DBG_WATCH_RW;
        else if (!dbg_parse_count(argv[i], &len) || len == 0)
            return dbg_error(s, "bad watch length or access '%s'", argv[i]);
    }
    int id = add_point(s, (struct dbg_point){ .type = POINT_WATCH, .ctx = s->cur, .addr = addr,
                                              .len = len, .access = acc });
    if (id < 0)
        return -1;
    static const char *const an[] = { "", "r", "w", "rw" };
    fprintf(s->out, "Watchpoint %d: %s 0x%016" PRIx64 " len %" PRIu64 " %s\n", id, s->t->ctx[s->cur].name,
            addr, len, an[acc]);
    return 0;
}

int cmd_delete(struct dbg_shell *s, int argc, char **argv)
{
    if (argc == 1) {
        fprintf(s->out, "Deleted %u breakpoint(s)/watchpoint(s).\n", s->npoints);
        s->npoints = 0;
        return 0;
    }
    uint64_t id;
    if (!dbg_parse_count(argv[1], &id))
        return dbg_error(s, "bad number '%s'", argv[1]);
    for (unsigned i = 0; i < s->npoints; i++) {
        if (s->points[i].id == id) {
            memmove(&s->points[i], &s->points[i + 1], (s->npoints - i - 1) * sizeof(s->points[0]));
            s->npoints--;
            fprintf(s->out, "Deleted %" PRIu64 ".\n", id);
            return 0;
        }
    }
    return dbg_error(s, "no breakpoint or watchpoint %" PRIu64, id);
}

int cmd_info(struct dbg_shell *s, int argc, char **argv)
{
    (void)argc, (void)argv;
    const struct dbg_target *t = s->t;
    fprintf(s->out, "Context: %s\n", t->ctx[s->cur].name);
    if (s->npoints == 0)
        fprintf(s->out, "No breakpoints or watchpoints.\n");
    static const char *const an[] = { "", "r", "w", "rw" };
    for (unsigned i = 0; i < s->npoints; i++) {
        const struct dbg_point *p = &s->points[i];
        const char *cn = t->ctx[p->ctx].name;
        char sym[96];
        switch (p->type) {
        case POINT_BREAK:
            dbg_format_sym(t, p->ctx, p->addr, sym, sizeof(sym));
            fprintf(s->out, "%-3u break  %s 0x%016" PRIx64 " %s hits %" PRIu64 "\n", p->id, cn, p->addr,
                    sym, p->hits);
            break;
        case POINT_WATCH:
            fprintf(s->out, "%-3u watch  %s 0x%016" PRIx64 " len %" PRIu64 " %s hits %" PRIu64 "\n", p->id,
                    cn, p->addr, p->len, an[p->access], p->hits);
            break;
        case POINT_SAE:
            fprintf(s->out, "%-3u sae    icptr 0x%02x hits %" PRIu64 "\n", p->id, p->icptr, p->hits);
            break;
        }
    }
    if (s->have_last) {
        fprintf(s->out, "Last stop: %s (%s)", dbg_stop_kind_name(s->last.kind), t->ctx[s->last.ctx].name);
        if (s->last.text[0])
            fprintf(s->out, ": %s", s->last.text);
        fputc('\n', s->out);
    } else {
        fprintf(s->out, "Last stop: none (not started)\n");
    }
    for (unsigned i = 0; i < t->nctx && t->ops->insn_count; i++)
        fprintf(s->out, "Instructions %s: %" PRIu64 "\n", t->ctx[i].name, t->ops->insn_count(t->opaque, i));
    return 0;
}

int cmd_context(struct dbg_shell *s, int argc, char **argv)
{
    if (argc > 1) {
        int c = dbg_target_find_ctx(s->t, argv[1]);
        if (c < 0)
            return dbg_error(s, "no context '%s'", argv[1]);
        s->cur = (unsigned)c;
    }
    fprintf(s->out, "Context: %s (", s->t->ctx[s->cur].name);
    for (unsigned i = 0; i < s->t->nctx; i++)
        fprintf(s->out, "%s%s", i ? ", " : "", s->t->ctx[i].name);
    fprintf(s->out, ")\n");
    return 0;
}

int cmd_trace(struct dbg_shell *s, int argc, char **argv)
{
    if (argc == 1) {
        fprintf(s->out, "Trace flags available: %s\nEnabled mask: 0x%x\n", log_flag_names(), log_mask);
        return 0;
    }
    if (argc != 3 || (strcmp(argv[1], "on") != 0 && strcmp(argv[1], "off") != 0))
        return dbg_error(s, "usage: trace on|off <flags> (flags: %s)", log_flag_names());
    unsigned mask;
    char err[128];
    if (log_parse_flags(argv[2], &mask, err, sizeof(err)) != 0)
        return dbg_error(s, "%s", err);
    if (strcmp(argv[1], "on") == 0)
        log_mask |= mask;
    else
        log_mask &= ~mask;
    fprintf(s->out, "Trace mask: 0x%x\n", log_mask);
    return 0;
}
