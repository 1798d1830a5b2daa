/* GDB remote serial protocol stub (-s, -gdb tcp::PORT) over a struct dbg_target.
 *
 * One stub serves one context as one inferior with one thread: the Arm guest vCPU (default) or, with
 * --gdb-target s390, the s390 host CPU. GDB cannot switch architecture between threads of one
 * inferior, so each gdb session debugs one world; the debug shell sees both.
 * The register layout follows the target descriptions gdb expects (org.gnu.gdb.aarch64.core/.fpu,
 * org.gnu.gdb.s390.core/.acr/.fpr) plus org.saesim.aarch64.sysregs for the Arm system registers;
 * gdb registers are found in the target's register list by name. */
#ifndef TOOLS_GDBSTUB_GDBSTUB_H
#define TOOLS_GDBSTUB_GDBSTUB_H

#include <stdbool.h>
#include <stddef.h>

#include "tools/debug/target.h"

struct gdbstub;

enum gdbstub_result {
    GDBSTUB_DETACHED,     /* gdb sent D (or closed the connection): the machine may run on */
    GDBSTUB_KILLED,       /* gdb sent k: end the run */
    GDBSTUB_GUEST_ENDED,  /* the guest ended under gdb's control (exit status in *exit_status) */
    GDBSTUB_ERROR,        /* socket error */
};

/* Listen on spec "tcp::PORT", "tcp:HOST:PORT", ":PORT" or "PORT" (port 0 = any free port) and
 * serve context ctx of t. NULL with a message on failure. */
struct gdbstub *gdbstub_open(struct dbg_target *t, unsigned ctx, const char *spec, char *err,
                             size_t errlen);
/* The TCP port actually bound (useful with port 0). */
int gdbstub_port(const struct gdbstub *g);
/* True if a gdb is waiting to connect (never blocks). For -s without -S the machine runs freely and
 * polls this every so often (e.g. every 64K instructions), then calls gdbstub_serve(). */
bool gdbstub_pending(const struct gdbstub *g);
/* Wait for one gdb connection and serve it until it detaches, kills, or the guest ends. */
enum gdbstub_result gdbstub_serve(struct gdbstub *g, int *exit_status);
void gdbstub_close(struct gdbstub *g);

/* The target description XML served as target.xml for context ctx (static buffer of the stub). */
const char *gdbstub_target_xml(struct gdbstub *g);

#endif
