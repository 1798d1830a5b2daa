/* The processing element: creation, reset, PSTATE, and the run loop (fetch, decode, execute, with
 * interrupts sampled at every instruction boundary). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "arm64/internal.h"
#include "core/disas.h"
#include "core/endian.h"
#include "core/trace_bin.h"

struct arm64_cpu *arm64_cpu_create(const struct arm64_env *env, void *env_opaque)
{
    struct arm64_cpu *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->env = env;
    c->env_opaque = env_opaque;
    c->el2_present = env && env->el2_exception != NULL;
    for (unsigned i = 0; i < ARM64_TLB_VIEWS; i++)
        tlb_set_init(&c->tlb[i]);
    arm64_cpu_reset(c);
    return c;
}

void arm64_cpu_destroy(struct arm64_cpu *c)
{
    free(c);
}

/* Reset into AArch64 EL1 with SP_EL1, all of DAIF masked (D1.9 "Reset"); registers with UNKNOWN reset
 * values are zeroed for determinism. */
void arm64_cpu_reset(struct arm64_cpu *c)
{
    memset(c->x, 0, sizeof(c->x));
    memset(c->v, 0, sizeof(c->v));
    c->sp_el0 = c->sp_el1 = 0;
    c->pc = 0;
    c->nzcv = 0;
    c->daif = ARM64_PSTATE_DAIF;
    c->el = 1;
    c->spsel = true;
    c->pan = c->uao = c->ss = c->il = c->ssbs = false;
    memset(&c->sr, 0, sizeof(c->sr));
    arm64_sysregs_reset(c);
    c->event_reg = false;
    c->excl_valid = false;
    c->stop_request = false;
    c->nullified = false;
    arm64_tlb_flush_all(c);
    arm64_update_irq(c);
    arm64_debug_update(c);
}

uint64_t arm64_get_pstate(const struct arm64_cpu *c)
{
    return (uint64_t)c->nzcv | (uint64_t)c->uao << 23 | (uint64_t)c->pan << 22 | (uint64_t)c->ss << 21 |
           (uint64_t)c->il << 20 | (uint64_t)c->ssbs << 12 | c->daif | (uint64_t)c->el << 2 | c->spsel;
}

void arm64_set_pstate(struct arm64_cpu *c, uint64_t v)
{
    c->nzcv = (uint32_t)v & 0xF0000000u;
    c->pan = v >> 22 & 1;
    c->ss = v >> 21 & 1;
    c->il = v >> 20 & 1;
    c->uao = false;   /* FEAT_UAO not implemented */
    c->ssbs = false;  /* FEAT_SSBS not implemented */
    c->daif = (uint32_t)v & ARM64_PSTATE_DAIF;
    unsigned el = v >> 2 & 3;
    if (el > 1) {
        qlog(LOG_GUEST_ERRORS, "arm64: PSTATE.EL %u not implemented, using EL1\n", el);
        el = 1;
    }
    c->el = (uint8_t)el;
    c->spsel = v & 1;
    arm64_update_irq(c);
}

void arm64_request_stop(struct arm64_cpu *c, int reason)
{
    c->stop_reason = reason;
    __atomic_store_n(&c->stop_request, true, __ATOMIC_SEQ_CST);
}

uint64_t arm64_counter(struct arm64_cpu *c)
{
    if (c->env && c->env->counter)
        return c->env->counter(c->env_opaque);
    return c->insn_count;
}

/* ---- tracing (out of line: the untraced loop carries no per-instruction trace test) ---- */

/* Whether any per-instruction tracing is on. Read once per arm64_run() call: -d and --trace-bin
 * change only between runs (the debug shell's `trace` works while the machine is stopped). */
static inline bool trace_active(void)
{
    return log_enabled(LOG_EXEC | LOG_IN_ASM | LOG_CPU) || trace_bin_on();
}

static __attribute__((noinline, cold)) void trace_insn(struct arm64_cpu *c, uint32_t insn,
                                                       const struct arm64_insn *e)
{
    if (log_enabled(LOG_IN_ASM)) {
        char text[128];
        uint8_t b[4] = { (uint8_t)insn, (uint8_t)(insn >> 8), (uint8_t)(insn >> 16), (uint8_t)(insn >> 24) };
        disas_one(DISAS_AARCH64, c->pc, b, 4, text, sizeof(text));
        log_printf("EL%u 0x%016" PRIx64 ": %08x  %-10s %s\n", c->el, c->pc, insn, e->name, text);
    } else if (log_enabled(LOG_EXEC)) {
        log_printf("EL%u 0x%016" PRIx64 ": %08x  %s\n", c->el, c->pc, insn, e->name);
    }
}

static __attribute__((noinline, cold)) void trace_state(const struct arm64_cpu *c)
{
    arm64_dump_state(c, log_file ? log_file : stderr);
}

/* The vector offset of the exception entry the last instruction (or boundary) took, or -1:
 * arm64_exception_entry() records it, so the trace reports exactly the exceptions taken. */
static int exception_vector(struct arm64_cpu *c)
{
    int off = c->last_exc_vector;
    c->last_exc_vector = -1;
    return off;
}

/* TRACE_EV_EXCEPTION: a = the syndrome (ESR_EL1 for synchronous exceptions and SErrors, 0 for IRQ
 * and FIQ, which have none), b = target EL 1 | vector offset << 8. */
static void trace_exception(const struct arm64_cpu *c, int off)
{
    unsigned kind = ((unsigned)off >> 7) & 3;   /* 0 sync, 1 IRQ, 2 FIQ, 3 SError */
    trace_bin_event(TRACE_EV_EXCEPTION, kind == 0 || kind == 3 ? c->sr.esr : 0, 1u | (unsigned)off << 8);
}

/* --trace-bin for an instruction that retired: its record, then the exception it took, if any. */
static __attribute__((noinline, cold)) void trace_retired(struct arm64_cpu *c, uint64_t pc, uint32_t insn)
{
    if (!trace_bin_on())
        return;
    trace_bin_insn(TRACE_ARCH_AARCH64, pc, insn, 4);
    int off = exception_vector(c);
    if (off >= 0)
        trace_exception(c, off);
}

/* An interrupt, a fetch abort or an Illegal Execution state exception taken at this boundary counts
 * as an instruction: recorded with the word at its PC (read without side effects) when there is
 * one, counted (trace_bin_skip) otherwise, then the exception event. */
static __attribute__((noinline, cold)) void trace_taken(struct arm64_cpu *c, uint64_t pc)
{
    if (!trace_bin_on())
        return;
    uint8_t w[4];
    if (arm64_read_va(c, pc, w, 4) == 0)
        trace_bin_insn(TRACE_ARCH_AARCH64, pc, ld_le32(w), 4);
    else
        trace_bin_skip(TRACE_ARCH_AARCH64, 1);
    int off = exception_vector(c);
    if (off >= 0)
        trace_exception(c, off);
}

/* The fetch-decode-execute loop. `traced` is a compile-time constant at both call sites: the
 * untraced instance has no trace code at all. */
static inline __attribute__((always_inline)) int run_loop(struct arm64_cpu *c, uint64_t max_insns,
                                                          const bool traced)
{
    uint64_t n = 0;
    for (;;) {
        if (__builtin_expect(c->stop_request, 0)) {
            __atomic_store_n(&c->stop_request, false, __ATOMIC_SEQ_CST);
            return ARM64_STOP_REQUEST;
        }
        if (max_insns && n >= max_insns)
            return ARM64_STOP_MAX_INSNS;
        n++;
        c->insn_count++;
        if (__builtin_expect(c->irq_any, 0)) {
            const uint64_t ipc = c->pc;
            if (arm64_check_interrupts(c)) {
                if (traced)
                    trace_taken(c, ipc);
                c->pc = c->npc;
                continue;
            }
        }
        c->npc = c->pc + 4;
        bool stepping = false;
        if (__builtin_expect(c->sr.mdscr & 1, 0) && arm64_step_active(c)) {
            if (!c->ss) { /* active-pending: the step is complete, take the exception */
                arm64_step_exception(c);
                if (c->nullified)
                    c->nullified = false;
                else if (traced)
                    trace_taken(c, c->pc);
                c->pc = c->npc;
                continue;
            }
            stepping = true; /* active-not-pending: execute one instruction */
        }
        bool retired = false, taken = false;
        uint32_t insn = 0;
        const uint64_t pc = c->pc;   /* (an EL2 hook may move c->pc: HVC reports HVC + 4) */
        if (__builtin_expect(c->il, 0)) {
            /* Illegal Execution state (D1.4.x): taken before the next instruction executes */
            arm64_exc(c, EC_ILLEGAL, 0);
            taken = true;
        } else {
            if (arm64_fetch(c, &insn) && !(__builtin_expect(c->bp_armed, 0) && arm64_breakpoint_hit(c))) {
                const struct arm64_insn *e = arm64_decode(insn);
                if (traced && log_enabled(LOG_EXEC | LOG_IN_ASM))
                    trace_insn(c, insn, e);
                e->exec(c, insn);
                retired = true;
                if (stepping)
                    c->step_ex = (e->exec == exec_excl || e->exec == exec_excl_pair) && BIT(insn, 22);
            } else {
                taken = true;
            }
        }
        if (stepping && !c->nullified && !c->ss_from_eret)
            c->ss = false; /* -> active-pending (an exception entry has cleared it already; a stepped
                              ERET takes PSTATE.SS from SPSR_EL1.SS) */
        c->ss_from_eret = false;
        if (__builtin_expect(c->nullified, 0)) {
            c->nullified = false;
            c->insn_count--;
            return ARM64_STOP_NULLIFIED;
        }
        if (traced) {
            if (retired)
                trace_retired(c, pc, insn);
            else if (taken)
                trace_taken(c, pc);
        }
        c->pc = c->npc;
        if (traced && log_enabled(LOG_CPU))
            trace_state(c);
    }
}

static __attribute__((noinline, cold)) int run_traced(struct arm64_cpu *c, uint64_t max_insns)
{
    c->last_exc_vector = -1;   /* only exceptions taken while tracing are reported */
    return run_loop(c, max_insns, true);
}

int arm64_run(struct arm64_cpu *c, uint64_t max_insns)
{
    if (__builtin_expect(trace_active(), 0))
        return run_traced(c, max_insns);
    return run_loop(c, max_insns, false);
}

void arm64_dump_state(const struct arm64_cpu *c, FILE *out)
{
    for (unsigned i = 0; i < 31; i++)
        fprintf(out, "x%-2u %016" PRIx64 "%s", i, c->x[i], (i % 4 == 3) ? "\n" : "  ");
    fprintf(out, "sp_el0 %016" PRIx64 "  sp_el1 %016" PRIx64 "\n", c->sp_el0, c->sp_el1);
    uint32_t f = c->nzcv;
    fprintf(out, "pc %016" PRIx64 "  pstate %08" PRIx64 " %c%c%c%c EL%u%c daif %x\n", c->pc, arm64_get_pstate(c),
            f & ARM64_PSTATE_N ? 'N' : '-', f & ARM64_PSTATE_Z ? 'Z' : '-', f & ARM64_PSTATE_C ? 'C' : '-',
            f & ARM64_PSTATE_V ? 'V' : '-', c->el, c->spsel ? 'h' : 't', c->daif >> 6);
}
