/* The CPU: resets, PSW loading, the fetch-decode-execute loop, waits and interruption points
 * (PoP ch. 4 "Control", ch. 5 "Program Execution", ch. 6 "Interruptions"). */
#include "s390/cpu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/disas.h"
#include "core/endian.h"
#include "core/log.h"
#include "core/trace_bin.h"
#include "s390/cpu_model.h"
#include "s390/exec.h"
#include "s390/interrupt.h"

/* TOD clock at virtual time 0: 2026-01-01 00:00:00 UTC (TOD epoch 1900; the Unix epoch is TOD
 * 0x7D91048BCA000000). A fixed value keeps runs reproducible. */
#define TOD_AT_START (0x7D91048BCA000000ULL + 1767225600ULL * 4096000000ULL)

static bool dcache_ready;
static void dcache_init(void);

void s390_cpu_init(struct s390_cpu *c, struct ram *ram, struct vclock *clock, const struct s390_env *env)
{
    memset(c, 0, sizeof(*c));
    s390_decode_init();
    if (!dcache_ready)
        dcache_init();
    c->ram = ram;
    c->clock = clock;
    c->env = env;
    c->skeys = calloc((size_t)(ram->size >> 12) + 1, 1);
    if (!c->skeys) {
        error_report("s390: out of memory for storage keys");
        abort();
    }
    tlb_set_init(&c->tlb);
    s390_timers_init(c);
    s390_cpu_model_init(c);
    c->aef_installed = true;
    c->tod_offset = TOD_AT_START;
    s390_cpu_reset(c, true);
}

void s390_cpu_destroy(struct s390_cpu *c)
{
    vevent_cancel(c->clock, &c->ckc_event);
    vevent_cancel(c->clock, &c->timer_event);
    free(c->skeys);
    c->skeys = NULL;
}

void s390_cpu_reset(struct s390_cpu *c, bool initial)
{
    c->service_pending = false;
    memset(c->emergency_from, 0, sizeof(c->emergency_from));
    c->ext_call_pending = false;
    c->restart_pending = false;
    c->stop_requested = false;
    c->io_pending_isc = 0;
    c->in_execute = false;
    if (c->reset_hook)
        c->reset_hook(c);   /* extensions' per-CPU state (SAE: discard the loaded context, MD-60) */
    if (initial) {
        /* Initial CPU reset (PoP "Initial CPU Reset"): PSW, prefix, CPU timer, clock comparator,
         * TOD programmable register, FPC, BEAR to zero; CR0 = 0xE0, CR14 = 0xC2000000. */
        memset(c->cr, 0, sizeof(c->cr));
        c->cr[0] = 0xE0;
        c->cr[14] = 0xC2000000;
        c->prefix = 0;
        c->fpc = 0;
        c->todpr = 0;
        c->bear = 0;
        c->psw.mask = 0;
        c->psw.addr = 0;
        c->cc = 0;
        c->ckc = 0;
        c->cpu_timer_deadline = (int64_t)s390_tod_now(c);
        s390_rearm_timers(c);
    }
    s390_tlb_flush(c);
    s390_tlb_update_context(c);
    c->check_irq = true;
}

uint64_t s390_psw_mask(const struct s390_cpu *c)
{
    return (c->psw.mask & ~PSW_MASK_CC) | ((uint64_t)c->cc << 44);
}

/* PSW validity (PoP "Exceptions Associated with the PSW"): bits 0, 2-4, 12 and 24-30 zero, no
 * EA without BA, bits 33-63 of the mask zero, and the address within the addressing mode. */
static bool psw_valid(uint64_t mask, uint64_t addr)
{
    const uint64_t must_be_zero = (1ULL << 63) | (7ULL << 59) | PSW_MASK_BIT12 | (0x7FULL << 33) |
                                  0x7fffffffULL;
    if (mask & must_be_zero)
        return false;
    bool ea = mask & PSW_MASK_EA, ba = mask & PSW_MASK_BA;
    if (ea && !ba)
        return false;
    if (!ea && ba && (addr >> 31))
        return false;
    if (!ea && !ba && (addr >> 24))
        return false;
    return true;
}

void s390_load_psw(struct s390_cpu *c, uint64_t mask, uint64_t addr)
{
    uint64_t old = c->psw.mask;
    c->psw.mask = mask & ~PSW_MASK_CC;
    c->cc = (unsigned)((mask >> 44) & 3);
    c->psw.addr = addr;
    c->psw_invalid = !psw_valid(mask, addr);
    if ((old ^ mask) & (PSW_MASK_DAT | PSW_MASK_ASC | PSW_MASK_KEY))
        s390_tlb_update_context(c);
    c->check_irq = true;
}

void s390_stop_run(struct s390_cpu *c, enum s390_stop why, int status)
{
    c->stop = why;
    c->exit_status = status;
    c->check_irq = true;
}

void s390_unimplemented(struct s390_cpu *c, const char *what)
{
    qlog(LOG_UNIMP, "s390: unimplemented %s at 0x%016llx: operation exception\n", what,
         (unsigned long long)c->int_ia);
    s390_program_exception(c, PGM_OPERATION);
}

static __attribute__((noinline, cold)) void trace_insn(struct s390_cpu *c, const uint8_t *code, unsigned ilen)
{
    char text[128] = "";
    if (log_enabled(LOG_IN_ASM))
        disas_one(DISAS_S390X, c->ia, code, ilen, text, sizeof(text));
    char hex[16];
    int n = 0;
    for (unsigned i = 0; i < ilen; i++)
        n += snprintf(hex + n, sizeof(hex) - (size_t)n, "%02x", code[i]);
    log_printf("s390: %016llx: %-12s %s\n", (unsigned long long)c->ia, hex, text);
    if (log_enabled(LOG_CPU)) {
        for (unsigned r = 0; r < 16; r += 4)
            log_printf("  r%-2u %016llx %016llx %016llx %016llx\n", r, (unsigned long long)c->gr[r],
                       (unsigned long long)c->gr[r + 1], (unsigned long long)c->gr[r + 2],
                       (unsigned long long)c->gr[r + 3]);
        log_printf("  psw %016llx %016llx\n", (unsigned long long)s390_psw_mask(c),
                   (unsigned long long)c->psw.addr);
    }
}

/* ---- tracing (out of line; the untraced run loop carries no per-instruction trace test) ---- */

/* Any per-instruction tracing on: read once per s390_run()/s390_step() call (-d and --trace-bin
 * change only between runs). */
static inline bool trace_active(void)
{
    return log_enabled(LOG_EXEC | LOG_IN_ASM) || trace_bin_on();
}

/* The instruction at c->ia (raw: left-justified in 48 bits) has been fetched and counted. */
static __attribute__((noinline, cold)) void trace_fetched(struct s390_cpu *c, uint64_t raw, unsigned ilen)
{
    if (trace_bin_on())
        trace_bin_insn(TRACE_ARCH_S390X, c->ia, raw >> (48 - 8 * ilen), ilen);
    if (log_enabled(LOG_EXEC | LOG_IN_ASM)) {
        uint8_t code[6];
        for (unsigned i = 0; i < 6; i++)
            code[i] = (uint8_t)(raw >> (40 - 8 * i));
        trace_insn(c, code, ilen);
    }
}

/* TRACE_EV_INTERRUPT: a = the interruption class as its new-PSW location, b = the code. */
static __attribute__((noinline, cold)) void trace_interruption(struct s390_cpu *c, uint64_t new_psw)
{
    if (!trace_bin_on())
        return;
    uint64_t code = 0;
    if (new_psw == LC_PGM_NEW)
        code = s390_real_ld(c, LC_PGM_CODE, 2);
    else if (new_psw == LC_SVC_NEW)
        code = s390_real_ld(c, LC_SVC_CODE, 2);
    else if (new_psw == LC_EXT_NEW)
        code = s390_real_ld(c, LC_EXT_CODE, 2);
    else if (new_psw == LC_IO_NEW)
        code = s390_real_ld(c, LC_IO_INT_WORD, 4);
    trace_bin_event(TRACE_EV_INTERRUPT, new_psw, code);
}

/* Which interruption s390_deliver_pending() just took: the new PSW now loaded is one of the
 * assigned new-PSW locations (PoP "Assigned Storage Locations"). */
static __attribute__((noinline, cold)) void trace_async(struct s390_cpu *c)
{
    static const uint64_t news[] = { LC_RESTART_NEW, LC_EXT_NEW, LC_IO_NEW, LC_MCK_NEW };
    if (!trace_bin_on())
        return;
    for (unsigned i = 0; i < 4; i++)
        if (s390_real_ld(c, news[i] + 8, 8) == c->psw.addr &&
            (s390_real_ld(c, news[i], 8) & ~PSW_MASK_CC) == c->psw.mask) {
            trace_interruption(c, news[i]);
            return;
        }
}

static void exec_row(struct s390_cpu *c, const struct s390_insn *row, const struct s390_args *a, const uint8_t *code)
{
    if (!row) {
        char what[48];
        snprintf(what, sizeof(what), "opcode %02x%02x%s", code[0], code[1],
                 s390_ilen(code[0]) == 6 ? "..." : "");
        if (s390_ilen(code[0]) == 6)
            snprintf(what, sizeof(what), "opcode %02x..%02x", code[0], code[5]);
        s390_unimplemented(c, what);
    }
    if ((row->flags & IF_PRIV) && s390_problem_state(c))
        s390_program_exception(c, PGM_PRIVILEGED);
    /* Vector instructions need the vector-enablement control (CR0 bit 46): data exception,
     * DXC 0xFE, otherwise (PoP ch. 21 "Vector-Enablement Control"). */
    if ((row->flags & IF_VR) && !(c->cr[0] & CR0_VX))
        s390_data_exception(c, 0xFE);
    row->exec(c, a);
}

/* Decoded-instruction cache, keyed by the instruction bytes themselves (so self-modifying code and
 * new registrations need no invalidation beyond the decode generation). */
#define DCACHE_SIZE 4096
struct dcache_entry {
    uint64_t raw;                  /* instruction left-justified in 48 bits, ~0 when empty */
    unsigned gen;
    const struct s390_insn *row;
    struct s390_args args;
};
static struct dcache_entry dcache[DCACHE_SIZE];
static void dcache_init(void)
{
    for (unsigned i = 0; i < DCACHE_SIZE; i++)
        dcache[i].raw = ~0ULL;
    dcache_ready = true;
}

static inline __attribute__((always_inline)) void exec_one(struct s390_cpu *c, const bool traced)
{
    uint64_t addr = c->psw.addr;
    c->ia = c->int_ia = addr;
    c->int_ilen = 2;
    if (addr & 1)
        s390_early_spec(c);
    uint8_t code[6];
    uint64_t raw;
    const uint8_t *p = tlb_fast(&c->tlb, addr, 6, 2);
    if (__builtin_expect(p != NULL, 1)) {
        raw = (uint64_t)ld_be32(p) << 16 | ld_be16(p + 4);
    } else {
        s390_fetch_insn(c, addr, code);
        raw = (uint64_t)ld_be32(code) << 16 | ld_be16(code + 4);
    }
    unsigned ilen = s390_ilen((uint8_t)(raw >> 40));
    raw &= ~0ULL << (48 - 8 * ilen) & 0xffffffffffffULL;
    struct dcache_entry *e = &dcache[(raw ^ (raw >> 13) ^ (raw >> 29)) & (DCACHE_SIZE - 1)];
    unsigned gen = s390_decode_generation();
    if (__builtin_expect(e->raw != raw || e->gen != gen, 0)) {
        for (unsigned i = 0; i < 6; i++)
            code[i] = (uint8_t)(raw >> (40 - 8 * i));
        e->row = s390_decode(code, &e->args);
        e->raw = raw;
        e->gen = gen;
    }
    c->insns++;
    vclock_advance(c->clock, 1);
    c->int_ilen = ilen;
    c->psw.addr = (addr + ilen) & s390_amask(c);
    if (traced)
        trace_fetched(c, raw, ilen);
    const struct s390_insn *row = e->row;
    if (__builtin_expect(row != NULL && !(row->flags & (IF_PRIV | IF_VR)), 1)) {
        row->exec(c, &e->args);
    } else {
        for (unsigned i = 0; i < 6; i++)
            code[i] = (uint8_t)(raw >> (40 - 8 * i));
        exec_row(c, row, &e->args, code);
    }
    if (traced && (raw >> 40) == 0x0A)
        trace_interruption(c, LC_SVC_NEW);   /* SUPERVISOR CALL: the SVC interruption */
}

void s390_execute_target(struct s390_cpu *c, const uint8_t *code)
{
    struct s390_args a;
    const struct s390_insn *row = s390_decode(code, &a);
    if (log_enabled(LOG_EXEC | LOG_IN_ASM))
        trace_insn(c, code, a.ilen);
    exec_row(c, row, &a, code);
}

/* Interruption point: PSW-format errors, stop/restart, pending interruptions, wait states.
 * Returns false when the run must end. */
static bool interruption_point(struct s390_cpu *c, const bool traced)
{
    c->check_irq = false;
    if (c->psw_invalid) {
        c->psw_invalid = false;
        s390_early_spec(c);
    }
    if (c->stop_requested) {
        c->stop_requested = false;
        c->stopped = true;
    }
    if (c->stopped && !c->restart_pending) {
        s390_stop_run(c, S390_STOP_STOPPED, 0);
        return false;
    }
    if (s390_deliver_pending(c)) {
        if (traced)
            trace_async(c);
        /* Taking an interruption takes time, as an instruction does. A new PSW that is enabled for a
         * condition that stays pending (e.g. the clock comparator below the TOD with the external
         * new PSW enabled) would be taken again and again with no instruction in between: real
         * hardware spins there; the emulator ends the run instead of hanging. */
        vclock_advance(c->clock, 1);
        if (++c->int_loop >= 100000) {
            qlog(LOG_INT, "s390: interruption loop at PSW %016llx %016llx\n",
                 (unsigned long long)s390_psw_mask(c), (unsigned long long)c->psw.addr);
            s390_stop_run(c, S390_STOP_INT_LOOP, 0);
            return false;
        }
        c->check_irq = true;   /* the new PSW may allow another one */
        return c->stop == S390_RUNNING;
    }
    if (c->psw.mask & PSW_MASK_WAIT) {
        if (!(c->psw.mask & (PSW_MASK_IO | PSW_MASK_EXT | PSW_MASK_MCHK))) {
            qlog(LOG_INT, "s390: disabled wait, PSW %016llx %016llx\n",
                 (unsigned long long)s390_psw_mask(c), (unsigned long long)c->psw.addr);
            s390_stop_run(c, S390_STOP_DISABLED_WAIT, 0);
            return false;
        }
        /* Enabled wait: skip idle time to the next clock event. */
        uint64_t next = vclock_next_deadline(c->clock);
        if (next == UINT64_MAX) {
            s390_stop_run(c, S390_STOP_STUCK, 0);
            return false;
        }
        vclock_skip_to(c->clock, next);
        vclock_run_due(c->clock);
        c->int_loop = 0;       /* time passed in the wait: not a loop */
        c->check_irq = true;
        return c->stop == S390_RUNNING;
    }
    return true;
}

static uint64_t batch_size(struct s390_cpu *c)
{
    uint64_t next = vclock_next_deadline(c->clock);
    if (next == UINT64_MAX)
        return 1u << 16;
    uint64_t now = vclock_now(c->clock);
    if (next <= now)
        return 1;
    if (c->clock->mode != VCLOCK_ICOUNT)
        return 1024;
    uint64_t n = ((next - now) + (1ULL << c->clock->shift) - 1) >> c->clock->shift;
    return n > (1u << 16) ? (1u << 16) : n;
}

/* The loop between interruption points; `traced` is a compile-time constant at both call sites (the
 * untraced instance has no trace code). The callers own the setjmp (it cannot be inlined). */
static inline __attribute__((always_inline)) void run_loop(struct s390_cpu *c, uint64_t start, uint64_t max_insns,
                                                           const bool traced)
{
    while (c->stop == S390_RUNNING) {
        if (vclock_now(c->clock) >= vclock_next_deadline(c->clock))
            vclock_run_due(c->clock);
        if (c->check_irq && !interruption_point(c, traced))
            break;
        if (c->check_irq)
            continue;
        uint64_t n = batch_size(c);
        if (max_insns) {
            uint64_t done = c->insns - start;
            if (done >= max_insns) {
                c->stop = S390_STOP_MAX_INSNS;
                break;
            }
            if (n > max_insns - done)
                n = max_insns - done;
        }
        c->int_loop = 0;       /* at least one instruction executes */
        while (n-- && !c->check_irq)
            exec_one(c, traced);
    }
}

static __attribute__((noinline, cold)) enum s390_stop run_traced(struct s390_cpu *c, uint64_t max_insns)
{
    const uint64_t start = c->insns;
    c->stop = S390_RUNNING;
    c->jmp_valid = true;
    c->check_irq = true;
    if (setjmp(c->jmp))
        trace_interruption(c, LC_PGM_NEW);   /* an instruction ended in a program interruption */
    run_loop(c, start, max_insns, true);
    c->jmp_valid = false;
    return c->stop;
}

enum s390_stop s390_run(struct s390_cpu *c, uint64_t max_insns)
{
    if (__builtin_expect(trace_active(), 0))
        return run_traced(c, max_insns);
    const uint64_t start = c->insns;
    c->stop = S390_RUNNING;
    c->jmp_valid = true;
    c->check_irq = true;
    setjmp(c->jmp);
    run_loop(c, start, max_insns, false);
    c->jmp_valid = false;
    return c->stop;
}

enum s390_stop s390_step(struct s390_cpu *c)
{
    c->stop = S390_RUNNING;
    c->jmp_valid = true;
    if (setjmp(c->jmp) == 0) {
        if (vclock_now(c->clock) >= vclock_next_deadline(c->clock))
            vclock_run_due(c->clock);
        bool go = true;
        if (c->check_irq) {
            uint64_t before = c->psw.addr;
            uint64_t mask = c->psw.mask;
            go = trace_active() ? interruption_point(c, true) : interruption_point(c, false);
            /* An interruption taken counts as the step. */
            if (before != c->psw.addr || mask != c->psw.mask)
                go = false;
        }
        if (go && c->stop == S390_RUNNING) {
            c->int_loop = 0;
            if (trace_active())
                exec_one(c, true);
            else
                exec_one(c, false);
        }
    } else if (trace_active()) {
        trace_interruption(c, LC_PGM_NEW);
    }
    c->jmp_valid = false;
    enum s390_stop s = c->stop;
    if (s == S390_RUNNING)
        s = S390_STOP_MAX_INSNS;
    return s;
}

void s390_store_status(struct s390_cpu *c, uint64_t abs)
{
    /* PoP "Store Status": FPRs, GPRs, PSW, prefix, FPC, TOD programmable register, CPU timer,
     * clock comparator (bits 0-55), ARs, CRs at fixed offsets from the save area. */
    uint8_t buf[0x200];
    memset(buf, 0, sizeof(buf));
    for (unsigned i = 0; i < 16; i++) {
        st_be64(buf + 0x00 + 8 * i, c->vr[i].d[0]);
        st_be64(buf + 0x80 + 8 * i, c->gr[i]);
        st_be32(buf + 0x140 + 4 * i, c->ar[i]);
        st_be64(buf + 0x180 + 8 * i, c->cr[i]);
    }
    st_be64(buf + 0x100, s390_psw_mask(c));
    st_be64(buf + 0x108, c->psw.addr);
    st_be32(buf + 0x118, c->prefix);
    st_be32(buf + 0x11C, c->fpc);
    st_be32(buf + 0x124, c->todpr);
    st_be64(buf + 0x128, (uint64_t)s390_cpu_timer(c));
    st_be64(buf + 0x130, c->ckc >> 8);
    ram_write(c->ram, abs, buf, sizeof(buf));
}
