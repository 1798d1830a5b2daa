/* The debug target of -M arm64-bare (see debug_arm64_bare.h, docs/debugging.md "The bare machines").
 *
 * The core is stopped between instructions whenever the debugger runs, so struct arm64_cpu is the
 * architectural state. Stepping is the machine's own run slice with a budget of one instruction:
 * arm64_run(cpu, 1) executes exactly one instruction, and an exception entry counts as the
 * instruction that caused it (the stepped instruction, or the interrupt taken before it). Running
 * uses slices of RUN_SLICE instructions at full speed, or one instruction at a time while a
 * breakpoint is set; watchpoints are the core's (arm64_set_watchpoints: memory slow path only). */
#include "tools/machines/debug_arm64_bare.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/machines/debug_bare.h"
#include "tools/machines/debug_text.h"


/* Register indices (gdb's order for the core and FP registers, then the system registers). */
enum { R_X0 = 0, R_SP = 31, R_PC = 32, R_CPSR = 33, R_V0 = 34, R_FPSR = 66, R_FPCR = 67, R_SP_EL0 = 68,
       R_SP_EL1 = 69, R_SYS0 = 70, R_MAX = R_SYS0 + 1024 };

struct arm_bare_dbg {
    struct dbg_bare_cpu run;        /* first: the handle the machine gets */
    struct arm_bare_dbg_machine m;
    struct dbg_reg regs[R_MAX];
    uint32_t enc[R_MAX];            /* R_SYS0..: the system register encoding */
    char names[R_MAX][24];
    struct arm64_watch watch[DBG_BARE_MAX_WATCH];
};

static const char *const spaces[] = { "va", "pa" };

static const char *lower_name(struct arm_bare_dbg *d, unsigned idx, const char *prefix, const char *name)
{
    char *b = d->names[idx];
    snprintf(b, sizeof(d->names[0]), "%s%s", prefix, name);
    for (char *p = b; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return b;
}

static void reg_at(struct arm_bare_dbg *d, unsigned idx, const char *name, unsigned bits, enum dbg_reg_group g)
{
    d->regs[idx] = (struct dbg_reg){ name, bits, g };
}

/* X/SP/PC/CPSR/V/FPSR/FPCR, SP_EL0/1, then every system register the core names (op0 2 and 3, by
 * encoding). ICC_IAR0/1_EL1 are left out: reading them acknowledges an interrupt (GICv3 §12.2). */
static unsigned build_regs(struct arm_bare_dbg *d)
{
    char num[8];
    for (unsigned i = 0; i < 32; i++) {
        snprintf(num, sizeof(num), "%u", i);
        if (i < 31)
            reg_at(d, R_X0 + i, lower_name(d, R_X0 + i, "x", num), 64, DBG_REG_GPR);
        reg_at(d, R_V0 + i, lower_name(d, R_V0 + i, "v", num), 128, DBG_REG_VECTOR);
    }
    reg_at(d, R_SP, "sp", 64, DBG_REG_SP);
    reg_at(d, R_PC, "pc", 64, DBG_REG_PC);
    reg_at(d, R_CPSR, "cpsr", 32, DBG_REG_FLAGS);
    reg_at(d, R_FPSR, "fpsr", 32, DBG_REG_VECTOR);
    reg_at(d, R_FPCR, "fpcr", 32, DBG_REG_VECTOR);
    reg_at(d, R_SP_EL0, "sp_el0", 64, DBG_REG_SYSREG);
    reg_at(d, R_SP_EL1, "sp_el1", 64, DBG_REG_SYSREG);
    unsigned n = R_SYS0;
    for (uint32_t enc = 2u << 14; enc < 4u << 14 && n < R_MAX; enc++) {
        const char *name = arm64_sysreg_name(enc);
        if (!name || strstr(name, "IAR"))
            continue;
        d->enc[n] = enc;
        reg_at(d, n, lower_name(d, n, "", name), 64, DBG_REG_SYSREG);
        n++;
    }
    return n;
}

static int arm_reg(struct arm_bare_dbg *d, unsigned idx, uint64_t val[2], const uint64_t *wr)
{
    struct arm64_cpu *c = d->m.cpu;
    uint64_t *p = NULL;
    val[1] = 0;
    if (idx < 31)
        p = &c->x[idx];
    else if (idx == R_SP)
        p = arm64_cur_sp(c);
    else if (idx == R_PC)
        p = &c->pc;
    else if (idx == R_SP_EL0)
        p = &c->sp_el0;
    else if (idx == R_SP_EL1)
        p = &c->sp_el1;
    if (p) {
        if (wr)
            *p = wr[0];
        val[0] = *p;
        return 0;
    }
    if (idx == R_CPSR) {
        if (wr)
            arm64_set_pstate(c, (uint32_t)wr[0]);
        val[0] = (uint32_t)arm64_get_pstate(c);
    } else if (idx >= R_V0 && idx < R_V0 + 32) {
        if (wr)
            memcpy(c->v[idx - R_V0], wr, 16);
        val[0] = c->v[idx - R_V0][0];
        val[1] = c->v[idx - R_V0][1];
    } else if (idx == R_FPSR || idx == R_FPCR) {
        uint32_t *f = idx == R_FPSR ? &c->fpsr : &c->fpcr;
        if (wr)
            *f = (uint32_t)wr[0];
        val[0] = *f;
    } else if (idx >= R_SYS0 && idx < d->run.ctx.nregs) {
        if (wr && !arm64_sysreg_write(c, d->enc[idx], wr[0]))
            return -1;
        return arm64_sysreg_read(c, d->enc[idx], &val[0]) ? 0 : -1;
    } else {
        return -1;
    }
    return 0;
}

static int op_reg_read(void *opaque, unsigned ctx, unsigned idx, uint64_t val[2])
{
    (void)ctx;
    return arm_reg(opaque, idx, val, NULL);
}

static int op_reg_write(void *opaque, unsigned ctx, unsigned idx, const uint64_t val[2])
{
    uint64_t tmp[2];
    (void)ctx;
    return arm_reg(opaque, idx, tmp, val);
}

/* "va" through the core's EL1&0 translation (arm64_debug_translate: no faults, no TLB fills; what
 * arm64_read_va/write_va use), "pa" straight into guest RAM. */
static uint8_t *map_va(void *opaque, uint64_t va, size_t n)
{
    struct arm_bare_dbg *d = opaque;
    uint64_t pa;
    return arm64_debug_translate(d->m.cpu, va, &pa) == 0 ? d->m.pa_ptr(d->m.opaque, pa, n) : NULL;
}

static uint8_t *map_pa(void *opaque, uint64_t pa, size_t n)
{
    struct arm_bare_dbg *d = opaque;
    return d->m.pa_ptr(d->m.opaque, pa, n);
}

static size_t mem_xfer(struct arm_bare_dbg *d, unsigned space, uint64_t addr, uint8_t *buf, size_t len,
                       bool write)
{
    return dbg_mem_copy(space == 0 ? map_va : map_pa, d, addr, buf, len, write);
}

static size_t op_mem_read(void *opaque, unsigned ctx, unsigned space, uint64_t addr, void *buf, size_t len)
{
    (void)ctx;
    return mem_xfer(opaque, space, addr, buf, len, false);
}

static size_t op_mem_write(void *opaque, unsigned ctx, unsigned space, uint64_t addr, const void *buf,
                           size_t len)
{
    (void)ctx;
    return mem_xfer(opaque, space, addr, (uint8_t *)(uintptr_t)buf, len, true);
}

/* The step entered an exception vector (Arm ARM D1.10.2: VBAR_EL1 + 0x000..0x780 in 0x80 steps)
 * other than by falling through to it. */
static void describe_step(struct arm_bare_dbg *d, uint64_t old_pc, uint64_t old_count, struct dbg_stop *st)
{
    struct arm64_cpu *c = d->m.cpu;
    uint64_t off = c->pc - c->sr.vbar;
    if (c->pc == old_pc + 4 || off >= 0x800 || (off & 0x7F) || c->insn_count == old_count)
        return;
    uint64_t esr = 0, elr = 0;
    arm64_sysreg_read(c, ARM64_SYSREG_ENC(3, 0, 5, 2, 0), &esr);
    arm64_sysreg_read(c, ARM64_SYSREG_ENC(3, 0, 4, 0, 1), &elr);
    static const char *const kinds[] = { "synchronous", "IRQ", "FIQ", "SError" };
    st->kind = DBG_STOP_EXCEPTION;
    snprintf(st->text, sizeof(st->text), "%s exception taken to EL1 (vector +0x%03" PRIx64 "), ESR_EL1 0x%08" PRIx64
             " (EC 0x%02x), ELR_EL1 0x%016" PRIx64, kinds[(off >> 7) & 3], off, esr, (unsigned)(esr >> 26) & 0x3F,
             elr);
}

static void op_step(void *opaque, unsigned ctx, struct dbg_stop *st)
{
    struct arm_bare_dbg *d = opaque;
    uint64_t pc = d->m.cpu->pc, count = d->m.cpu->insn_count;
    if (dbg_bare_step(&d->run, ctx, st))
        describe_step(d, pc, count, st);
}

/* The core's hooks for dbg_bare_run. */
static uint64_t cpu_pc(void *opaque)
{
    struct arm_bare_dbg *d = opaque;
    return d->m.cpu->pc;
}

static uint64_t cpu_count(void *opaque)
{
    struct arm_bare_dbg *d = opaque;
    return d->m.cpu->insn_count;
}

static void cpu_set_watch(void *opaque, const struct dbg_watchpoint *w, unsigned n)
{
    struct arm_bare_dbg *d = opaque;
    for (unsigned i = 0; i < n; i++)
        d->watch[i] = (struct arm64_watch){ w[i].addr, w[i].len, ((w[i].access & DBG_WATCH_R) ? ARM64_WATCH_R : 0u) |
                                                                ((w[i].access & DBG_WATCH_W) ? ARM64_WATCH_W : 0u) };
    arm64_set_watchpoints(d->m.cpu, n ? d->watch : NULL, n, NULL, NULL);
}

/* The reported address is inside both the access and the watched range (what gdb matches). */
static bool cpu_watch_hit(void *opaque, struct dbg_stop *st)
{
    struct arm_bare_dbg *d = opaque;
    struct arm64_cpu *c = d->m.cpu;
    const struct arm64_watch_hit *h = &c->watch_hit;
    if (!c->watch_hit_valid)
        return false;
    const struct arm64_watch *w = &d->watch[h->index < DBG_BARE_MAX_WATCH ? h->index : 0];
    st->kind = DBG_STOP_WATCHPOINT;
    st->addr = h->va > w->va ? h->va : w->va;
    st->write = h->write;
    snprintf(st->text, sizeof(st->text), "(%u-byte %s at 0x%016" PRIx64 " by the instruction at 0x%016" PRIx64 ")",
             h->size, h->write ? "store" : "load", h->va, h->pc);
    c->watch_hit_valid = false;
    return true;
}

static void op_run(void *opaque, const struct dbg_stopset *set, struct dbg_stop *st)
{
    struct arm_bare_dbg *d = opaque;
    dbg_bare_run(&d->run, set, st);
}

static uint64_t op_insn_count(void *opaque, unsigned ctx)
{
    struct arm_bare_dbg *d = opaque;
    (void)ctx;
    return d->m.cpu->insn_count;
}

static int op_text(void *opaque, unsigned ctx, enum dbg_text what, uint64_t arg, char *buf, size_t len)
{
    struct arm_bare_dbg *d = opaque;
    struct arm64_cpu *c = d->m.cpu;
    struct dbg_tb b = { buf, len, 0 };
    static const char *const views[] = { "EL0", "EL1", "EL1-PAN" };
    uint64_t pa;
    (void)ctx;
    if (!len)
        return -1;
    buf[0] = 0;
    switch (what) {
    case DBG_TEXT_FLAGS:
        dbg_arm_flags_text(&b, arm64_get_pstate(c));
        return 0;
    case DBG_TEXT_TLB:
        dbg_tb_out(&b, "Arm TLB (software TLB views of the EL1&0 regime)\n");
        for (unsigned i = 0; i < ARM64_TLB_VIEWS; i++)
            dbg_tlb_text(&b, &c->tlb[i], views[i]);
        return 0;
    case DBG_TEXT_XLATE:
        /* the EL1&0 stage-1 regime (Arm ARM D8.2): no stage 2 on this machine */
        dbg_tb_out(&b, "Arm VA 0x%016" PRIx64 ": stage 1 (EL1&0), MMU %s\n  SCTLR_EL1 0x%016" PRIx64 " TCR_EL1 0x%016"
                   PRIx64 "\n  TTBR0_EL1 0x%016" PRIx64 " TTBR1_EL1 0x%016" PRIx64 "\n", arg,
                   (c->sr.sctlr & 1) ? "on" : "off", c->sr.sctlr, c->sr.tcr, c->sr.ttbr0, c->sr.ttbr1);
        if (arm64_debug_translate(c, arg, &pa) == 0)
            dbg_tb_out(&b, "  -> PA 0x%016" PRIx64 "\n", pa);
        else
            dbg_tb_out(&b, "  no translation (a translation, access flag or permission fault)\n");
        return 0;
    case DBG_TEXT_SAE:
        return -1;
    }
    return -1;
}

static const void *op_dtb(void *opaque, size_t *size)
{
    struct arm_bare_dbg *d = opaque;
    *size = d->m.dtb_len;
    return d->m.dtb;
}

static const struct dbg_target_ops ops = { op_reg_read, op_reg_write, op_mem_read, op_mem_write, op_step,
                                            op_run, op_insn_count, op_text, op_dtb };

struct dbg_bare_cpu *arm_bare_dbg_new(const struct arm_bare_dbg_machine *m)
{
    struct arm_bare_dbg *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->m = *m;
    d->run = (struct dbg_bare_cpu){ m->run, m->opaque, cpu_pc, cpu_count, cpu_set_watch, cpu_watch_hit, d,
                                    .ctx = { "arm", DISAS_AARCH64, d->regs, build_regs(d), R_PC, spaces, 2, m->syms } };
    d->run.t = (struct dbg_target){ &ops, d, &d->run.ctx, 1 };
    return &d->run;
}
