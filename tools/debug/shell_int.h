/* Internals shared by the debug shell's source files (not for machines: they use shell.h). */
#ifndef TOOLS_DEBUG_SHELL_INT_H
#define TOOLS_DEBUG_SHELL_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "tools/debug/shell.h"

#define DBG_MAX_ARGS 8
#define DBG_MAX_POINTS 64

enum dbg_point_type { POINT_BREAK, POINT_WATCH, POINT_SAE };

struct dbg_point {
    unsigned id;
    enum dbg_point_type type;
    unsigned ctx;
    uint64_t addr, len;
    enum dbg_watch_access access;
    unsigned icptr;
    uint64_t hits;
};

struct dbg_shell {
    struct dbg_target *t;
    FILE *in, *out;
    unsigned cur;                      /* current context */
    struct dbg_point points[DBG_MAX_POINTS];
    unsigned npoints, next_id;
    struct dbg_stop last;              /* the last stop reported */
    bool have_last;
    bool ended;                        /* the guest ended */
    int exit_status;
    void *el, *hist;                   /* libedit EditLine / History when on a terminal */
    char last_cmd[256];
};

struct dbg_cmd {
    const char *name;
    const char *alias;                 /* NULL or a short form ("c", "q") */
    int (*fn)(struct dbg_shell *s, int argc, char **argv);
    const char *usage;
    const char *help;
};

extern const struct dbg_cmd dbg_cmds[];
extern const unsigned dbg_ncmds;

/* Command handlers: return 0, -1 (error printed), 1 (quit). */
int cmd_step(struct dbg_shell *s, int argc, char **argv);
int cmd_stepi(struct dbg_shell *s, int argc, char **argv);
int cmd_continue(struct dbg_shell *s, int argc, char **argv);
int cmd_break(struct dbg_shell *s, int argc, char **argv);
int cmd_watch(struct dbg_shell *s, int argc, char **argv);
int cmd_delete(struct dbg_shell *s, int argc, char **argv);
int cmd_info(struct dbg_shell *s, int argc, char **argv);
int cmd_context(struct dbg_shell *s, int argc, char **argv);
int cmd_trace(struct dbg_shell *s, int argc, char **argv);
int cmd_regs(struct dbg_shell *s, int argc, char **argv);
int cmd_sysregs(struct dbg_shell *s, int argc, char **argv);
int cmd_vregs(struct dbg_shell *s, int argc, char **argv);
int cmd_mem(struct dbg_shell *s, int argc, char **argv);
int cmd_disas(struct dbg_shell *s, int argc, char **argv);
int cmd_sae(struct dbg_shell *s, int argc, char **argv);
int cmd_tlb(struct dbg_shell *s, int argc, char **argv);
int cmd_xlate(struct dbg_shell *s, int argc, char **argv);
int cmd_dt(struct dbg_shell *s, int argc, char **argv);

/* "<sym+0x10>" for addr in context ctx (empty string when no symbol covers it). */
void dbg_format_sym(const struct dbg_target *t, unsigned ctx, uint64_t addr, char *out, size_t outlen);
/* Disassemble the instruction at addr of ctx into one line "0x... <sym>: enc  text". Returns the
 * instruction length (0 if memory could not be read). */
unsigned dbg_disas_line(struct dbg_shell *s, unsigned ctx, uint64_t addr, char *out, size_t outlen);
/* Print the stop reason (nothing for a plain step). */
void dbg_print_stop(struct dbg_shell *s, const struct dbg_stop *st);
int dbg_error(struct dbg_shell *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parse a decimal/hex count; false if junk. */
bool dbg_parse_count(const char *str, uint64_t *v);

#endif
