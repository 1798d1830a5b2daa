/* The debug target (tools/debug/target.h) of -M s390-bare: one context, "s390", the z/Architecture
 * CPU (debug_s390.h: PSW, GPRs, CRs, ARs, FPRs, FPC, prefix; storage real / abs / va). The machine
 * (tools/machines/s390_bare.c) supplies its run slice, so the end conditions (disabled wait, DIAGNOSE
 * exit, stopped CPU, timeout) stay in one place. See docs/debugging.md "The bare machines". */
#ifndef TOOLS_MACHINES_DEBUG_S390_BARE_H
#define TOOLS_MACHINES_DEBUG_S390_BARE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/symtab.h"
#include "s390/cpu.h"
#include "tools/debug/target.h"
#include "tools/machines/debug_bare.h"

struct s390_bare_dbg_machine {
    struct s390_cpu *cpu;
    const struct symtab *syms;       /* -kernel ELF symbols, or NULL */
    /* Run the CPU for up to n (>= 1) instructions. True once the machine ended, with *status the
     * process exit status; a watchpoint hit or an exhausted budget is not an end. */
    bool (*run)(void *opaque, uint64_t n, int *status);
    void *opaque;
};

/* The target (dbg_bare_cpu.t, of one context), for dbg_front_run with dbg_bare_ended; free() it. */
struct dbg_bare_cpu *s390_bare_dbg_new(const struct s390_bare_dbg_machine *m);

#endif
