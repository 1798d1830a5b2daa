/* The debuggers' front end for the bare machines (see debug_front.h). */
#include "tools/machines/debug_front.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "tools/debug/shell.h"
#include "tools/gdbstub/gdbstub.h"

/* Instructions the machine runs between two polls for a connecting gdb (-s without -S). */
#define GDB_POLL_INSNS 65536u

static int run_gdb(const struct saesim_config *cfg, const struct dbg_front *f, int *status)
{
    struct dbg_target *t = f->t;
    /* one context per bare machine: --gdb-target must name it */
    if (cfg->gdb_target && strcmp(cfg->gdb_target, t->ctx[0].name) != 0) {
        error_report("--gdb-target %s: this machine serves %s", cfg->gdb_target, t->ctx[0].name);
        return EXIT_USAGE;
    }
    char err[256];
    struct gdbstub *g = gdbstub_open(t, 0, cfg->gdb, err, sizeof(err));
    if (!g) {
        error_report("-gdb %s: %s", cfg->gdb, err);
        return EXIT_USAGE;
    }
    fprintf(stderr, "saesim: gdbstub for the %s context listening on tcp port %d%s\n", t->ctx[0].name,
            gdbstub_port(g), cfg->freeze ? " (waiting for gdb)" : "");
    bool serve = cfg->freeze;
    struct dbg_stopset run_free = { .max_insns = GDB_POLL_INSNS };
    while (!f->ended(f->opaque, status)) {
        if (serve || gdbstub_pending(g)) {
            serve = false;
            enum gdbstub_result r = gdbstub_serve(g, status);
            if (r == GDBSTUB_KILLED) {
                *status = EXIT_GUEST_OK;
                break;
            }
            if (r == GDBSTUB_ERROR)
                error_report("gdbstub: connection error");
            continue;
        }
        struct dbg_stop st;
        t->ops->run(t->opaque, &run_free, &st);
        if (st.kind == DBG_STOP_ERROR) {
            error_report("%s", st.text);
            *status = EXIT_EMULATOR;
            break;
        }
    }
    gdbstub_close(g);
    return 0;
}

/* The shell owns the terminal's input: the guest's stdio serial keeps its output but reads no input
 * (descriptor 0 becomes /dev/null; the shell reads a duplicate of it). */
static FILE *shell_input(const struct saesim_config *cfg)
{
    if (cfg->serial && strcmp(cfg->serial, "stdio") != 0)
        return stdin;
    int fd = dup(STDIN_FILENO), nul = open("/dev/null", O_RDONLY | O_CLOEXEC);
    FILE *in = fd >= 0 && nul >= 0 ? fdopen(fd, "r") : NULL;
    if (!in && fd >= 0)
        close(fd);
    if (in && dup2(nul, STDIN_FILENO) < 0) {
        fclose(in);
        in = NULL;
    }
    if (nul >= 0)
        close(nul);
    return in ? in : stdin;
}

int dbg_front_run(const struct saesim_config *cfg, const struct dbg_front *f, int *status)
{
    *status = EXIT_GUEST_OK;
    if (cfg->gdb)
        return run_gdb(cfg, f, status);
    FILE *in = shell_input(cfg);
    struct dbg_shell *s = dbg_shell_new(f->t, in, stdout);
    if (!s) {
        if (in != stdin)
            fclose(in);
        error_report("debugger: out of memory");
        return EXIT_EMULATOR;
    }
    if (!cfg->freeze)
        dbg_shell_exec(s, "continue");
    int rc = dbg_shell_run(s);
    dbg_shell_free(s);
    if (in != stdin)
        fclose(in);
    if (!f->ended(f->opaque, status))
        *status = rc >= 0 ? rc : EXIT_GUEST_OK;   /* quit from the shell */
    return 0;
}
