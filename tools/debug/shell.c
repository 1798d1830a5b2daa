/* The debug shell's frame: command table, line input (libedit on a terminal, plain lines from a
 * pipe), tokenising, dispatch, help and tab completion. The commands live in cmd_run.c (execution
 * control) and cmd_show.c (inspection). */
#include <histedit.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/log.h"
#include "tools/debug/shell_int.h"

static int cmd_help(struct dbg_shell *s, int argc, char **argv);
static int cmd_quit(struct dbg_shell *s, int argc, char **argv)
{
    (void)s, (void)argc, (void)argv;
    return 1;
}

const struct dbg_cmd dbg_cmds[] = {
    { "step", "s", cmd_step, "step [n]", "execute n (default 1) Arm guest instructions" },
    { "stepi", "si", cmd_stepi, "stepi [n]", "execute n (default 1) s390 host instructions" },
    { "continue", "c", cmd_continue,
      "continue", "run until a breakpoint, watchpoint, SAE exit, guest end or Ctrl-C" },
    { "break", "b", cmd_break,
      "break <addr|symbol> | break sae <icptr>", "stop before the insn at addr / when SAE ends with icptr" },
    { "watch", NULL, cmd_watch,
      "watch <addr> [len] [r|w|rw]", "stop after an access to [addr, addr+len) (default 8 bytes, w)" },
    { "delete", "d", cmd_delete, "delete [n]", "delete breakpoint/watchpoint n, or all" },
    { "info", "i", cmd_info, "info", "breakpoints, watchpoints, last stop, instruction counts" },
    { "context", "ctx", cmd_context, "context [arm|s390]", "show or select the current context" },
    { "regs", "r", cmd_regs, "regs [arm|s390]", "general registers, pc, sp and decoded flags" },
    { "sysregs", NULL, cmd_sysregs, "sysregs [name]", "system/control registers (all, or one by name)" },
    { "vregs", NULL, cmd_vregs, "vregs", "vector/floating-point registers" },
    { "mem", "x", cmd_mem,
      "mem <addr> [len] [space]", "hex dump (default 64 bytes) in an address space (va, ipa, abs, real)" },
    { "disas", NULL, cmd_disas,
      "disas [addr] [n]", "disassemble n (default 8) instructions at addr (default pc)" },
    { "sae", NULL, cmd_sae, "sae", "the SAE control block field by field and the last intercept" },
    { "tlb", NULL, cmd_tlb, "tlb", "TLB contents" },
    { "xlate", NULL, cmd_xlate, "xlate <va>", "the full translation walk of va" },
    { "dt", NULL, cmd_dt, "dt", "the guest device tree" },
    { "trace", NULL, cmd_trace, "trace on|off <flags>", "enable/disable -d trace flags" },
    { "help", "h", cmd_help, "help [cmd]", "list commands, or explain one" },
    { "quit", "q", cmd_quit, "quit", "leave the debugger" },
};
const unsigned dbg_ncmds = sizeof(dbg_cmds) / sizeof(dbg_cmds[0]);

volatile sig_atomic_t dbg_interrupt_flag;

int dbg_error(struct dbg_shell *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("error: ", s->out);
    vfprintf(s->out, fmt, ap);
    fputc('\n', s->out);
    va_end(ap);
    return -1;
}

static const struct dbg_cmd *find_cmd(const char *name)
{
    for (unsigned i = 0; i < dbg_ncmds; i++)
        if (strcmp(dbg_cmds[i].name, name) == 0 || (dbg_cmds[i].alias && strcmp(dbg_cmds[i].alias, name) == 0))
            return &dbg_cmds[i];
    /* A unique prefix also works ("cont", "disa"). */
    const struct dbg_cmd *found = NULL;
    size_t n = strlen(name);
    for (unsigned i = 0; i < dbg_ncmds; i++) {
        if (strncmp(dbg_cmds[i].name, name, n) == 0) {
            if (found)
                return NULL;
            found = &dbg_cmds[i];
        }
    }
    return found;
}

static int cmd_help(struct dbg_shell *s, int argc, char **argv)
{
    if (argc > 1) {
        const struct dbg_cmd *c = find_cmd(argv[1]);
        if (!c)
            return dbg_error(s, "no command '%s' (try help)", argv[1]);
        fprintf(s->out, "%s\n    %s%s%s%s\n", c->usage, c->help, c->alias ? " (alias " : "",
                c->alias ? c->alias : "", c->alias ? ")" : "");
        return 0;
    }
    for (unsigned i = 0; i < dbg_ncmds; i++)
        fprintf(s->out, "  %-40s %s\n", dbg_cmds[i].usage, dbg_cmds[i].help);
    fprintf(s->out, "Addresses: 0x hex, decimal, symbols, $reg, and sums (loop+0x10).\n");
    return 0;
}

struct dbg_shell *dbg_shell_new(struct dbg_target *t, FILE *in, FILE *out)
{
    struct dbg_shell *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->t = t;
    s->in = in;
    s->out = out;
    s->next_id = 1;
    return s;
}

void dbg_shell_free(struct dbg_shell *s)
{
    if (!s)
        return;
    if (s->el)
        el_end(s->el);
    if (s->hist)
        history_end(s->hist);
    free(s);
}

int dbg_shell_exec(struct dbg_shell *s, const char *line)
{
    char buf[512];
    snprintf(buf, sizeof(buf), "%s", line);
    char *argv[DBG_MAX_ARGS + 1];
    int argc = 0;
    for (char *tok = strtok(buf, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
        if (tok[0] == '#')
            break;
        if (argc == DBG_MAX_ARGS)
            return dbg_error(s, "too many arguments");
        argv[argc++] = tok;
    }
    argv[argc] = NULL;
    if (argc == 0)
        return 0;
    const struct dbg_cmd *c = find_cmd(argv[0]);
    if (!c)
        return dbg_error(s, "unknown command '%s' (try help)", argv[0]);
    int rc = c->fn(s, argc, argv);
    fflush(s->out);
    return rc;
}

/* --- completion ------------------------------------------------------------------------------ */

struct cands {
    char **v;
    size_t n, max, total;
    const char *prefix;
    size_t plen;
};

static void cand_add(struct cands *c, const char *name)
{
    if (strncmp(name, c->prefix, c->plen) != 0)
        return;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i], name) == 0)
            return;
    c->total++;
    if (c->n < c->max) {
        char *d = strdup(name);
        if (d)
            c->v[c->n++] = d;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t dbg_shell_complete(struct dbg_shell *s, const char *line, size_t cursor, char **cands, size_t max)
{
    size_t len = strlen(line);
    if (cursor > len)
        cursor = len;
    size_t start = cursor;
    while (start > 0 && line[start - 1] != ' ' && line[start - 1] != '\t' && line[start - 1] != '+'
           && line[start - 1] != '-')
        start--;
    char prefix[128];
    size_t plen = cursor - start < sizeof(prefix) - 1 ? cursor - start : sizeof(prefix) - 1;
    memcpy(prefix, line + start, plen);
    prefix[plen] = '\0';
    /* The command word: the first token of the line. */
    size_t w = 0;
    while (w < start && (line[w] == ' ' || line[w] == '\t'))
        w++;
    bool first = w == start;
    char cmdname[32] = "";
    if (!first) {
        size_t e = w;
        while (e < len && line[e] != ' ' && e - w < sizeof(cmdname) - 1)
            e++;
        memcpy(cmdname, line + w, e - w);
        cmdname[e - w] = '\0';
    }
    struct cands c = { cands, 0, max, 0, prefix, plen };
    const struct dbg_cmd *cmd = first ? NULL : find_cmd(cmdname);
    const struct dbg_target *t = s->t;
    if (first || (cmd && strcmp(cmd->name, "help") == 0)) {
        for (unsigned i = 0; i < dbg_ncmds; i++)
            cand_add(&c, dbg_cmds[i].name);
    } else if (cmd && strcmp(cmd->name, "trace") == 0) {
        cand_add(&c, "on");
        cand_add(&c, "off");
        char names[256];
        snprintf(names, sizeof(names), "%s", log_flag_names());
        for (char *tok = strtok(names, ","); tok; tok = strtok(NULL, ","))
            cand_add(&c, tok);
    } else if (cmd && (strcmp(cmd->name, "context") == 0 || strcmp(cmd->name, "regs") == 0)) {
        for (unsigned i = 0; i < t->nctx; i++)
            cand_add(&c, t->ctx[i].name);
    } else {
        const struct dbg_context *ctx = &t->ctx[s->cur];
        bool sys_only = cmd && strcmp(cmd->name, "sysregs") == 0;
        for (unsigned i = 0; i < ctx->nregs; i++) {
            if (sys_only && ctx->regs[i].group != DBG_REG_SYSREG)
                continue;
            char name[64];
            snprintf(name, sizeof(name), "%s%s", sys_only || prefix[0] != '$' ? "" : "$", ctx->regs[i].name);
            cand_add(&c, name);
        }
        if (!sys_only) {
            if (ctx->syms)
                for (size_t i = 0; i < ctx->syms->count; i++)
                    cand_add(&c, ctx->syms->syms[i].name);
            for (unsigned i = 0; i < ctx->nspaces; i++)
                cand_add(&c, ctx->spaces[i]);
            if (cmd && strcmp(cmd->name, "break") == 0)
                cand_add(&c, "sae");
        }
    }
    qsort(cands, c.n, sizeof(char *), cmp_str);
    return c.total;
}

/* libedit's completion key: insert the unique completion, or the common prefix and list them. */
static unsigned char el_complete(EditLine *el, int ch)
{
    (void)ch;
    struct dbg_shell *s = NULL;
    el_get(el, EL_CLIENTDATA, &s);
    const LineInfo *li = el_line(el);
    char line[512];
    size_t cursor = (size_t)(li->cursor - li->buffer);
    size_t len = (size_t)(li->lastchar - li->buffer);
    if (len >= sizeof(line))
        return CC_ERROR;
    memcpy(line, li->buffer, len);
    line[len] = '\0';
    char *cands[64];
    size_t total = dbg_shell_complete(s, line, cursor, cands, 64);
    size_t n = total < 64 ? total : 64;
    size_t start = cursor;
    while (start > 0 && line[start - 1] != ' ' && line[start - 1] != '+' && line[start - 1] != '-')
        start--;
    size_t plen = cursor - start;
    unsigned char rc = CC_REFRESH;
    if (n == 0) {
        rc = CC_ERROR;
    } else {
        size_t common = strlen(cands[0]);
        for (size_t i = 1; i < n; i++) {
            size_t k = 0;
            while (k < common && cands[i][k] == cands[0][k])
                k++;
            common = k;
        }
        if (common > plen) {
            char ins[128];
            size_t m = common - plen < sizeof(ins) - 1 ? common - plen : sizeof(ins) - 1;
            memcpy(ins, cands[0] + plen, m);
            ins[m] = '\0';
            el_insertstr(el, ins);
        }
        if (n == 1) {
            el_insertstr(el, " ");
        } else if (common <= plen) {
            fputc('\n', s->out);
            for (size_t i = 0; i < n; i++)
                fprintf(s->out, "%s%s", cands[i], i + 1 < n ? "  " : "\n");
            if (total > n)
                fprintf(s->out, "... (%zu more)\n", total - n);
            rc = CC_REDISPLAY;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(cands[i]);
    return rc;
}

static char *el_prompt(EditLine *el)
{
    (void)el;
    return (char *)DBG_PROMPT;
}

static void setup_editline(struct dbg_shell *s)
{
    EditLine *el = el_init("saesim", s->in, s->out, stderr);
    if (!el)
        return;
    History *h = history_init();
    HistEvent ev;
    if (h) {
        history(h, &ev, H_SETSIZE, 1000);
        history(h, &ev, H_SETUNIQUE, 1);
        el_set(el, EL_HIST, history, h);
    }
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT, el_prompt);
    el_set(el, EL_CLIENTDATA, s);
    /* el_wset: libedit's narrow el_set(EL_ADDFN) wcsdup()s name and help and never frees them. */
    el_wset(el, EL_ADDFN, L"saesim-complete", L"complete a command, register or symbol", el_complete);
    el_set(el, EL_BIND, "^I", "saesim-complete", NULL);
    el_source(el, NULL);  /* the user's ~/.editrc, if any */
    s->el = el;
    s->hist = h;
}

/* One input line into buf; false at end of input. */
static bool read_line(struct dbg_shell *s, char *buf, size_t len)
{
    if (s->el) {
        int n;
        const char *l = el_gets(s->el, &n);
        if (!l || n <= 0)
            return false;
        snprintf(buf, len, "%s", l);
        if (s->hist && strspn(buf, " \t\r\n") != strlen(buf)) {
            HistEvent ev;
            history(s->hist, &ev, H_ENTER, buf);
        }
        return true;
    }
    fputs(DBG_PROMPT, s->out);
    fflush(s->out);
    if (!fgets(buf, (int)len, s->in))
        return false;
    return true;
}

int dbg_shell_run(struct dbg_shell *s)
{
    bool tty = isatty(fileno(s->in)) && isatty(fileno(s->out));
    if (tty && !s->el)
        setup_editline(s);
    /* On a terminal Ctrl-C at the prompt must not kill the machine (gdb ignores it too); during
     * `continue` cmd_continue installs its own handler that breaks in. */
    struct sigaction ign = { .sa_handler = SIG_IGN }, old_int;
    sigemptyset(&ign.sa_mask);
    if (tty)
        sigaction(SIGINT, &ign, &old_int);
    char line[512];
    while (read_line(s, line, sizeof(line))) {
        line[strcspn(line, "\r\n")] = '\0';
        /* On a terminal an empty line repeats a step, as in gdb. */
        if (tty && strspn(line, " \t") == strlen(line) && s->last_cmd[0])
            snprintf(line, sizeof(line), "%s", s->last_cmd);
        else if (tty) {
            const char *p = line + strspn(line, " \t");
            if (strncmp(p, "step", 4) == 0 || strncmp(p, "s ", 2) == 0 || strcmp(p, "s") == 0
                || strncmp(p, "si", 2) == 0)
                snprintf(s->last_cmd, sizeof(s->last_cmd), "%.255s", line);
            else
                s->last_cmd[0] = '\0';
        }
        if (dbg_shell_exec(s, line) == 1)
            break;
    }
    if (tty)
        sigaction(SIGINT, &old_int, NULL);
    else
        fputc('\n', s->out);
    fflush(s->out);
    return s->ended ? s->exit_status : -1;
}
