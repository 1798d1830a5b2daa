/* The debug target (tools/debug/target.h) of -M arm64-bare: one context, "arm", the AArch64 core
 * itself (struct arm64_cpu holds the architectural state directly: there is no host). The machine
 * (tools/machines/arm64_bare.c) supplies its run slice, so timers, devices, PSCI and semihosting
 * keep working under the debugger and the end conditions stay in one place. See docs/debugging.md
 * "The bare machines". */
#ifndef TOOLS_MACHINES_DEBUG_ARM64_BARE_H
#define TOOLS_MACHINES_DEBUG_ARM64_BARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm64/cpu.h"
#include "core/symtab.h"
#include "tools/debug/target.h"
#include "tools/machines/debug_bare.h"

struct arm_bare_dbg_machine {
    struct arm64_cpu *cpu;
    const struct symtab *syms;       /* -kernel ELF symbols, or NULL */
    const void *dtb;                 /* the DTB given to the guest, or NULL */
    size_t dtb_len;
    /* Host pointer to len bytes of guest RAM at physical address pa, or NULL. */
    uint8_t *(*pa_ptr)(void *opaque, uint64_t pa, size_t len);
    /* Run the CPU for up to n (>= 1) instructions, then the devices. True once the machine ended,
     * with *status the process exit status. */
    bool (*run)(void *opaque, uint64_t n, int *status);
    void *opaque;
};

/* The target (dbg_bare_cpu.t, of one context), for dbg_front_run with dbg_bare_ended; free() it. */
struct dbg_bare_cpu *arm_bare_dbg_new(const struct arm_bare_dbg_machine *m);

#endif
