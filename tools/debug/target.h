/* The debug-target interface: what a machine exposes to the debug shell and the gdbstub.
 *
 * A target has one or more contexts (on the sae machine: "arm", the AArch64 guest vCPU, and "s390",
 * the host CPU). Each context lists its registers, names its address spaces, and has its own symbols
 * and disassembler. The machine implements the operations in struct dbg_target_ops; everything the
 * user sees (command parsing, formatting, RSP packets) lives in tools/debug and tools/gdbstub.
 *
 * Stepping never lies: step() must execute exactly one architectural instruction of the context,
 * whatever happens on the way (exception entry, SAE ending, interrupt), and report what happened.
 * All operations are called from the thread that runs the machine, with the machine stopped. */
#ifndef TOOLS_DEBUG_TARGET_H
#define TOOLS_DEBUG_TARGET_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/disas.h"
#include "core/symtab.h"

enum dbg_reg_group {
    DBG_REG_GPR,     /* X0-X30 / R0-R15 */
    DBG_REG_PC,      /* PC / PSW address */
    DBG_REG_SP,      /* SP (the current EL's stack pointer) */
    DBG_REG_FLAGS,   /* CPSR (PSTATE as a 32-bit SPSR-format value) / PSW mask */
    DBG_REG_SYSREG,  /* system / control registers, looked up by name (`sysregs NAME`) */
    DBG_REG_VECTOR,  /* V0-V31, FPSR, FPCR / F0-F15, FPC, access registers */
};

struct dbg_reg {
    const char *name;  /* lower case, as gdb spells it: "x0", "sp", "pc", "cpsr", "pswm", "r0" ... */
    unsigned bits;     /* 32, 64 or 128 */
    enum dbg_reg_group group;
};

struct dbg_context {
    const char *name;               /* "arm", "s390" */
    enum disas_arch arch;
    const struct dbg_reg *regs;
    unsigned nregs;
    unsigned pc_reg;                /* index in regs of the program counter */
    const char *const *spaces;      /* address-space names; spaces[0] is the default ("va", "real") */
    unsigned nspaces;
    const struct symtab *syms;      /* may be NULL */
};

enum dbg_stop_kind {
    DBG_STOP_NONE,        /* nothing happened (e.g. run() with no work) */
    DBG_STOP_STEP,        /* step() completed one instruction normally */
    DBG_STOP_EXCEPTION,   /* the instruction took an exception / interruption (text says which) */
    DBG_STOP_BREAKPOINT,  /* about to execute a breakpointed instruction (addr = pc) */
    DBG_STOP_WATCHPOINT,  /* an instruction accessed a watched range (addr = data address) */
    DBG_STOP_SAE_EXIT,    /* SAE ended with a watched icptr (icptr set) */
    DBG_STOP_INTERRUPT,   /* *stopset->interrupt became non-zero (Ctrl-C, gdb 0x03) */
    DBG_STOP_LIMIT,       /* stopset->max_insns instructions executed */
    DBG_STOP_GUEST_END,   /* the guest ended; exit_status is the process exit status */
    DBG_STOP_ERROR,       /* emulator error (validity, unimplemented...) - the machine stays stopped */
};

struct dbg_stop {
    enum dbg_stop_kind kind;
    unsigned ctx;         /* the context the stop belongs to */
    uint64_t addr;        /* pc (breakpoint), data address (watchpoint) */
    unsigned icptr;       /* DBG_STOP_SAE_EXIT */
    bool write;           /* DBG_STOP_WATCHPOINT: the access was a store */
    int exit_status;      /* DBG_STOP_GUEST_END */
    char text[160];       /* optional detail from the target, e.g. "SVC #0 taken to EL1" */
};

enum dbg_watch_access { DBG_WATCH_R = 1, DBG_WATCH_W = 2, DBG_WATCH_RW = 3 };

struct dbg_breakpoint {
    unsigned id;
    unsigned ctx;
    uint64_t addr;        /* in the context's default address space (virtual) */
};

struct dbg_watchpoint {
    unsigned id;
    unsigned ctx;
    uint64_t addr, len;   /* default address space */
    enum dbg_watch_access access;
};

/* What stops run(). The target checks it with the inline helpers below. */
struct dbg_stopset {
    const struct dbg_breakpoint *bp;
    unsigned nbp;
    const struct dbg_watchpoint *wp;
    unsigned nwp;
    const unsigned *icptr;                /* SAE endings that stop, by interception code */
    unsigned nicptr;
    bool any_sae_exit;                    /* stop at every SAE ending */
    volatile sig_atomic_t *interrupt;     /* poll at least every few thousand instructions */
    uint64_t max_insns;                   /* 0 = no limit */
};

/* Texts the target formats itself (the debugger prints them verbatim). */
enum dbg_text {
    DBG_TEXT_FLAGS,   /* the flags register decoded: "EL1h NZCV=0100 DAIF=1111 ..." / PSW fields */
    DBG_TEXT_SAE,     /* the SAE control block field by field, then the last intercept */
    DBG_TEXT_TLB,     /* the TLB contents */
    DBG_TEXT_XLATE,   /* the full walk of address arg (stage 1 + stage 2 / DAT) */
};

/* Required: reg_read, reg_write, mem_read, mem_write, step, run. Optional (NULL): insn_count, text,
 * dtb - the commands that need them say "not available". */
struct dbg_target_ops {
    /* Register idx of context ctx: val[0] = bits 63:0, val[1] = bits 127:64. 0 or -1. */
    int (*reg_read)(void *opaque, unsigned ctx, unsigned idx, uint64_t val[2]);
    int (*reg_write)(void *opaque, unsigned ctx, unsigned idx, const uint64_t val[2]);
    /* Memory in address space `space` (index into the context's spaces). Return the number of bytes
     * transferred: fewer than len means the byte at addr+return could not be accessed. No side
     * effects on the machine (no TLB fills visible to the guest, no access flags set). */
    size_t (*mem_read)(void *opaque, unsigned ctx, unsigned space, uint64_t addr, void *buf, size_t len);
    size_t (*mem_write)(void *opaque, unsigned ctx, unsigned space, uint64_t addr, const void *buf,
                        size_t len);
    /* Execute exactly one instruction of context ctx; fill *stop (DBG_STOP_STEP normally). */
    void (*step)(void *opaque, unsigned ctx, struct dbg_stop *stop);
    /* Run all contexts until something in *set happens or the guest ends. The instruction at the
     * current pc executes even if it carries a breakpoint (so continuing from a breakpoint makes
     * progress); a breakpoint stops *before* its instruction, a watchpoint *after* the access.
     * Exceptions, interrupts and unwatched SAE endings do not stop run(); errors and the guest's
     * end do. Watchpoint addresses are in the context's default space (virtual). */
    void (*run)(void *opaque, const struct dbg_stopset *set, struct dbg_stop *stop);
    /* Instructions executed by context ctx since reset. */
    uint64_t (*insn_count)(void *opaque, unsigned ctx);
    /* Write a text block into buf (NUL-terminated). 0, or -1 if not available for this context. */
    int (*text)(void *opaque, unsigned ctx, enum dbg_text what, uint64_t arg, char *buf, size_t len);
    /* The guest device tree blob, or NULL. */
    const void *(*dtb)(void *opaque, size_t *size);
};

struct dbg_target {
    const struct dbg_target_ops *ops;
    void *opaque;
    const struct dbg_context *ctx;
    unsigned nctx;
};

/* --- helpers for target implementations -------------------------------------------------------- */

static inline bool dbg_stopset_bp(const struct dbg_stopset *s, unsigned ctx, uint64_t pc)
{
    for (unsigned i = 0; i < s->nbp; i++)
        if (s->bp[i].ctx == ctx && s->bp[i].addr == pc)
            return true;
    return false;
}

/* The watchpoint an access of [addr, addr+len) hits, or NULL. */
static inline const struct dbg_watchpoint *dbg_stopset_wp(const struct dbg_stopset *s, unsigned ctx,
                                                          uint64_t addr, uint64_t len, bool write)
{
    for (unsigned i = 0; i < s->nwp; i++) {
        const struct dbg_watchpoint *w = &s->wp[i];
        if (w->ctx != ctx || !(w->access & (write ? DBG_WATCH_W : DBG_WATCH_R)))
            continue;
        if (addr < w->addr + w->len && w->addr < addr + len)
            return w;
    }
    return NULL;
}

static inline bool dbg_stopset_sae(const struct dbg_stopset *s, unsigned icptr)
{
    if (s->any_sae_exit)
        return true;
    for (unsigned i = 0; i < s->nicptr; i++)
        if (s->icptr[i] == icptr)
            return true;
    return false;
}

static inline bool dbg_stopset_interrupted(const struct dbg_stopset *s)
{
    return s->interrupt && *s->interrupt;
}

static inline int dbg_target_find_ctx(const struct dbg_target *t, const char *name)
{
    for (unsigned i = 0; i < t->nctx; i++)
        if (strcmp(t->ctx[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* Register index by name (case-insensitive) in context ctx, or -1. */
static inline int dbg_target_find_reg(const struct dbg_target *t, unsigned ctx, const char *name)
{
    const struct dbg_context *c = &t->ctx[ctx];
    for (unsigned i = 0; i < c->nregs; i++)
        if (strcasecmp(c->regs[i].name, name) == 0)
            return (int)i;
    return -1;
}

static inline uint64_t dbg_target_pc(const struct dbg_target *t, unsigned ctx)
{
    uint64_t v[2] = { 0, 0 };
    if (t->ops->reg_read(t->opaque, ctx, t->ctx[ctx].pc_reg, v) != 0)
        return 0;
    return v[0];
}

#endif
