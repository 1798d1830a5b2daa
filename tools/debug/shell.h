/* The interactive debug shell (saesim -S / --debug): gdb/Spike vocabulary over a struct dbg_target.
 * On a terminal it uses libedit (history, tab completion); otherwise it reads plain lines, so scripts
 * and tests can drive it through a pipe. Every command's output goes to the shell's `out` stream. */
#ifndef TOOLS_DEBUG_SHELL_H
#define TOOLS_DEBUG_SHELL_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#include "tools/debug/target.h"

#define DBG_PROMPT "(saesim) "

struct dbg_shell;

/* A shell over target t, reading commands from in and printing to out. NULL on allocation failure. */
struct dbg_shell *dbg_shell_new(struct dbg_target *t, FILE *in, FILE *out);
void dbg_shell_free(struct dbg_shell *s);

/* Read and execute commands until `quit` or end of input. Returns the guest's exit status if the
 * guest ended during the session, or -1 if the user left with the guest still runnable. */
int dbg_shell_run(struct dbg_shell *s);

/* Execute one command line. Returns 0 on success, -1 if the command failed (message printed), 1 for
 * quit. Machines can start a --debug run (without -S) with dbg_shell_exec(s, "continue"). */
int dbg_shell_exec(struct dbg_shell *s, const char *line);

/* Completion candidates for the word that ends at `cursor` in line: command names for the first
 * word, otherwise register, symbol, context, address-space and command-specific names. Stores up to
 * max malloc'd strings in cands (sorted, no duplicates) and returns how many matched in total. */
size_t dbg_shell_complete(struct dbg_shell *s, const char *line, size_t cursor, char **cands,
                          size_t max);

/* Parse an address expression in context ctx: hex (0x...), decimal, a symbol, $register, and sums /
 * differences of those ("loop+0x10"). 0 or -1 with a message in err. */
int dbg_parse_addr(const struct dbg_target *t, unsigned ctx, const char *expr, uint64_t *val,
                   char *err, size_t errlen);

/* Set by SIGINT while the target runs (continue); polled through dbg_stopset.interrupt. */
extern volatile sig_atomic_t dbg_interrupt_flag;

/* "breakpoint", "sae-exit" ... */
const char *dbg_stop_kind_name(enum dbg_stop_kind k);

/* Print the guest device tree blob as dts-like text. 0, or -1 if the blob is not a valid DTB. */
int dbg_print_dtb(FILE *out, const void *blob, size_t size);

#endif
