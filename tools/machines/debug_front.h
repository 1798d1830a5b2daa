/* The debuggers' front end for a machine whose debug target drives the CPU itself (the bare
 * machines): -s / -gdb (the gdbstub on one context, --gdb-target checked), else the debug shell
 * (-S: stopped at the first instruction; --debug: running, Ctrl-C breaks in). See docs/debugging.md
 * "The bare machines". */
#ifndef TOOLS_MACHINES_DEBUG_FRONT_H
#define TOOLS_MACHINES_DEBUG_FRONT_H

#include <stdbool.h>

#include "core/cli.h"
#include "tools/debug/target.h"

struct dbg_front {
    struct dbg_target *t;
    /* True once the machine has ended (the target saw it); *status = the process exit status. */
    bool (*ended)(void *opaque, int *status);
    void *opaque;
};

/* The debuggers the config asks for (cfg->gdb, cfg->freeze, cfg->debug_shell). Returns 0 with
 * *status the machine's exit status (the guest's, or EXIT_GUEST_OK after `quit` / gdb's kill), or
 * a non-zero exit status for a usage or setup error (already reported). */
int dbg_front_run(const struct saesim_config *cfg, const struct dbg_front *f, int *status);

#endif
