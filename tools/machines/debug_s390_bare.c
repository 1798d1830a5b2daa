/* The debug target of -M s390-bare (see debug_s390_bare.h, docs/debugging.md "The bare machines").
 *
 * The CPU is stopped between instructions whenever the debugger runs, so struct s390_cpu is the
 * architectural state. A step is the machine's run slice with a budget of one: one instruction, or
 * one interruption taken (Principles of Operation, "Interruptions": the old PSW is stored and the
 * new PSW loaded, which the step reports). Running uses slices of RUN_SLICE instructions, or one at
 * a time while a breakpoint is set; watchpoints are the CPU's (s390_set_watchpoints: logical
 * accesses on the TLB slow path, reported after the instruction). */
#include "tools/machines/debug_s390_bare.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/endian.h"
#include "core/mem.h"
#include "tools/machines/debug_bare.h"
#include "tools/machines/debug_s390.h"
#include "tools/machines/debug_text.h"


/* z/Architecture lowcore (real addresses): the new PSWs, and the program-interruption code. */
#define LC_PGM_INT_CODE 0x8E
static const struct { uint64_t new_psw; const char *name; } new_psws[] = {
    { 0x1A0, "restart" }, { 0x1B0, "external" }, { 0x1C0, "supervisor-call" },
    { 0x1D0, "program" }, { 0x1E0, "machine-check" }, { 0x1F0, "I/O" },
};

struct s390_bare_dbg {
    struct dbg_bare_cpu run;        /* first: the handle the machine gets */
    struct s390_bare_dbg_machine m;
    struct dbg_reg regs[S_NREGS];
    char names[64][24];
    struct s390_watch watch[DBG_BARE_MAX_WATCH];
};

static int op_reg_read(void *opaque, unsigned ctx, unsigned idx, uint64_t val[2])
{
    struct s390_bare_dbg *d = opaque;
    (void)ctx;
    return dbg_s390_reg(d->m.cpu, idx, val, NULL);
}

static int op_reg_write(void *opaque, unsigned ctx, unsigned idx, const uint64_t val[2])
{
    struct s390_bare_dbg *d = opaque;
    uint64_t tmp[2];
    (void)ctx;
    return dbg_s390_reg(d->m.cpu, idx, tmp, val);
}

static size_t op_mem_read(void *opaque, unsigned ctx, unsigned space, uint64_t addr, void *buf, size_t len)
{
    struct s390_bare_dbg *d = opaque;
    (void)ctx;
    return dbg_s390_mem(d->m.cpu, space, addr, buf, len, false);
}

static size_t op_mem_write(void *opaque, unsigned ctx, unsigned space, uint64_t addr, const void *buf,
                           size_t len)
{
    struct s390_bare_dbg *d = opaque;
    (void)ctx;
    return dbg_s390_mem(d->m.cpu, space, addr, (uint8_t *)(uintptr_t)buf, len, true);
}

/* The step loaded a new PSW from the lowcore (an interruption) rather than executing on. */
static void describe_step(struct s390_bare_dbg *d, struct dbg_stop *st)
{
    struct s390_cpu *c = d->m.cpu;
    uint8_t psw[16], code[2];
    for (unsigned i = 0; i < sizeof(new_psws) / sizeof(new_psws[0]); i++) {
        if (s390_real_read(c, new_psws[i].new_psw, psw, 16) != 0 || ld_be64(psw + 8) != c->psw.addr ||
            ld_be64(psw) != s390_psw_mask(c))
            continue;
        st->kind = DBG_STOP_EXCEPTION;
        if (new_psws[i].new_psw == 0x1D0 && s390_real_read(c, LC_PGM_INT_CODE, code, 2) == 0)
            snprintf(st->text, sizeof(st->text), "program interruption, code 0x%04x", ld_be16(code));
        else
            snprintf(st->text, sizeof(st->text), "%s interruption", new_psws[i].name);
        return;
    }
}

static void op_step(void *opaque, unsigned ctx, struct dbg_stop *st)
{
    struct s390_bare_dbg *d = opaque;
    if (dbg_bare_step(&d->run, ctx, st))
        describe_step(d, st);
}

/* The CPU's hooks for dbg_bare_run. */
static uint64_t cpu_pc(void *opaque)
{
    struct s390_bare_dbg *d = opaque;
    return d->m.cpu->psw.addr;
}

static uint64_t cpu_count(void *opaque)
{
    struct s390_bare_dbg *d = opaque;
    return d->m.cpu->insns;
}

static void cpu_set_watch(void *opaque, const struct dbg_watchpoint *w, unsigned n)
{
    struct s390_bare_dbg *d = opaque;
    for (unsigned i = 0; i < n; i++) {
        unsigned acc = ((w[i].access & DBG_WATCH_R) ? S390_WATCH_R : 0u) | ((w[i].access & DBG_WATCH_W) ? S390_WATCH_W : 0u);
        d->watch[i] = (struct s390_watch){ w[i].addr, w[i].len, acc };
    }
    s390_set_watchpoints(d->m.cpu, n ? d->watch : NULL, n);
}

static bool cpu_watch_hit(void *opaque, struct dbg_stop *st)
{
    struct s390_bare_dbg *d = opaque;
    if (!d->m.cpu->watch_hit_valid)
        return false;
    dbg_s390_watch_stop(d->m.cpu, d->watch, DBG_BARE_MAX_WATCH, st);
    return true;
}

static void op_run(void *opaque, const struct dbg_stopset *set, struct dbg_stop *st)
{
    struct s390_bare_dbg *d = opaque;
    dbg_bare_run(&d->run, set, st);
}

static uint64_t op_insn_count(void *opaque, unsigned ctx)
{
    struct s390_bare_dbg *d = opaque;
    (void)ctx;
    return d->m.cpu->insns;
}

static int op_text(void *opaque, unsigned ctx, enum dbg_text what, uint64_t arg, char *buf, size_t len)
{
    struct s390_bare_dbg *d = opaque;
    struct dbg_tb b = { buf, len, 0 };
    (void)ctx;
    if (!len)
        return -1;
    buf[0] = 0;
    return dbg_s390_text(&b, d->m.cpu, what, arg, "cpu");
}

static const struct dbg_target_ops ops = { op_reg_read, op_reg_write, op_mem_read, op_mem_write, op_step,
                                            op_run, op_insn_count, op_text, NULL };

struct dbg_bare_cpu *s390_bare_dbg_new(const struct s390_bare_dbg_machine *m)
{
    struct s390_bare_dbg *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->m = *m;
    dbg_s390_reg_table(d->regs, d->names);
    d->run = (struct dbg_bare_cpu){ m->run, m->opaque, cpu_pc, cpu_count, cpu_set_watch, cpu_watch_hit, d,
                                    .ctx = { "s390", DISAS_S390X, d->regs, S_NREGS, S_PSWA, dbg_s390_spaces, 3,
                                             m->syms } };
    d->run.t = (struct dbg_target){ &ops, d, &d->run.ctx, 1 };
    return &d->run;
}
