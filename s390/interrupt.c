/* Interruptions (PoP ch. 6): the old PSW is stored and the new PSW fetched in the prefix area;
 * interruption codes and parameters go to their assigned lowcore locations. Program interruptions
 * nullify (translation exceptions), suppress (most) or complete (arithmetic overflows) the
 * instruction, which decides where the old PSW points. */
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "core/log.h"
#include "s390/exec.h"
#include "s390/interrupt.h"

static void store_old_psw(struct s390_cpu *c, uint64_t off, uint64_t addr)
{
    s390_real_st(c, off, 8, s390_psw_mask(c));
    s390_real_st(c, off + 8, 8, addr);
}

static void load_new_psw(struct s390_cpu *c, uint64_t off)
{
    uint64_t mask = s390_real_ld(c, off, 8), addr = s390_real_ld(c, off + 8, 8);
    s390_load_psw(c, mask, addr);
}

static bool nullifying(uint16_t code)
{
    switch (code & 0x7f) {
    case 0x10: case 0x11: case 0x38: case 0x39: case 0x3A: case 0x3B:
        return true;
    default:
        return false;
    }
}

static bool completing(uint16_t code)
{
    switch (code & 0x7f) {
    case PGM_FIXED_OVERFLOW: case PGM_DECIMAL_OVERFLOW: case PGM_HFP_EXP_UNDERFLOW: case PGM_HFP_SIGNIFICANCE:
        return true;
    default:
        return false;
    }
}

static void deliver_program(struct s390_cpu *c, uint16_t code, unsigned ilen, uint64_t old_addr)
{
    qlog(LOG_INT, "s390: program interruption 0x%04x ilc %u at 0x%016llx (old PSW addr 0x%016llx)\n",
         code, ilen / 2, (unsigned long long)c->int_ia, (unsigned long long)old_addr);
    s390_real_st(c, LC_PGM_ILC, 2, ilen);
    s390_real_st(c, LC_PGM_CODE, 2, code);
    s390_real_st(c, LC_BEAR, 8, c->bear);
    store_old_psw(c, LC_PGM_OLD, old_addr);
    load_new_psw(c, LC_PGM_NEW);
    /* A program-new PSW whose first instruction faults again, or the same exception at the same
     * instruction over and over, loops forever: detect it. */
    if (c->psw.addr == c->int_ia || (code == c->pgm_last_code && c->int_ia == c->pgm_last_ia)) {
        if (++c->pgm_loop >= 1000)
            s390_stop_run(c, S390_STOP_PGM_LOOP, 0);
    } else {
        c->pgm_loop = 0;
    }
    c->pgm_last_code = code;
    c->pgm_last_ia = c->int_ia;
    c->in_execute = false;
}

static _Noreturn void abort_insn(struct s390_cpu *c)
{
    c->check_irq = true;
    if (!c->jmp_valid) {
        /* Called outside s390_run/s390_step (e.g. a unit test calling a handler): cannot happen
         * through the public API; stop rather than return into the aborted instruction. */
        error_report("s390: program exception outside the run loop");
        abort();
    }
    longjmp(c->jmp, 1);
}

_Noreturn void s390_program_exception(struct s390_cpu *c, uint16_t code)
{
    uint64_t old;
    if (nullifying(code))
        old = c->int_ia;
    else if (completing(code))
        old = c->psw.addr;
    else
        old = (c->int_ia + c->int_ilen) & s390_amask(c);
    deliver_program(c, code, c->int_ilen, old);
    abort_insn(c);
}

_Noreturn void s390_program_teid(struct s390_cpu *c, uint16_t code, uint64_t teid)
{
    s390_real_st(c, LC_TEID, 8, teid);
    s390_real_st(c, LC_EXC_ACCESS_ID, 1, 0);
    s390_program_exception(c, code);
}

_Noreturn void s390_data_exception(struct s390_cpu *c, uint8_t dxc)
{
    s390_real_st(c, LC_DXC, 4, dxc);
    if (c->cr[0] & CR0_AFP)
        c->fpc = (c->fpc & ~0xff00u) | ((uint32_t)dxc << 8);
    s390_program_exception(c, PGM_DATA);
}

_Noreturn void s390_early_spec(struct s390_cpu *c)
{
    c->int_ia = c->psw.addr;
    deliver_program(c, PGM_SPECIFICATION, 0, c->psw.addr);
    abort_insn(c);
}

void s390_check_privileged(struct s390_cpu *c)
{
    if (s390_problem_state(c))
        s390_program_exception(c, PGM_PRIVILEGED);
}

void s390_svc_interrupt(struct s390_cpu *c, uint8_t code)
{
    qlog(LOG_INT, "s390: SVC %u at 0x%016llx\n", code, (unsigned long long)c->int_ia);
    s390_real_st(c, LC_SVC_ILC, 2, c->int_ilen);
    s390_real_st(c, LC_SVC_CODE, 2, code);
    store_old_psw(c, LC_SVC_OLD, c->psw.addr);
    load_new_psw(c, LC_SVC_NEW);
    c->in_execute = false;
}

static void deliver_external(struct s390_cpu *c, uint16_t code, uint32_t param, uint16_t cpu_addr)
{
    qlog(LOG_INT, "s390: external interruption 0x%04x param 0x%08x at 0x%016llx\n", code, param,
         (unsigned long long)c->psw.addr);
    s390_real_st(c, LC_EXT_CODE, 2, code);
    s390_real_st(c, LC_EXT_PARAMS, 4, param);
    s390_real_st(c, LC_EXT_CPU_ADDR, 2, cpu_addr);
    store_old_psw(c, LC_EXT_OLD, c->psw.addr);
    load_new_psw(c, LC_EXT_NEW);
}

static int first_emergency(const struct s390_cpu *c)
{
    for (int w = 0; w < 4; w++)
        if (c->emergency_from[w])
            return w * 64 + __builtin_ctzll(c->emergency_from[w]);
    return -1;
}

/* External subclasses in priority order (PoP "External Interruption"): emergency signal, external
 * call, clock comparator, CPU timer, service signal. Each needs PSW bit 7 and its CR0 submask. */
static int ext_pending(struct s390_cpu *c)
{
    if (!(c->psw.mask & PSW_MASK_EXT))
        return 0;
    uint64_t cr0 = c->cr[0];
    if ((cr0 & CR0_EMERGENCY) && first_emergency(c) >= 0)
        return EXT_EMERGENCY;
    if ((cr0 & CR0_EXT_CALL) && c->ext_call_pending)
        return EXT_EXT_CALL;
    if ((cr0 & CR0_CKC) && s390_tod_now(c) > c->ckc)
        return EXT_CKC;
    if ((cr0 & CR0_CPU_TIMER) && s390_cpu_timer(c) < 0)
        return EXT_CPU_TIMER;
    if ((cr0 & CR0_SERVICE) && c->service_pending)
        return EXT_SERVICE;
    return 0;
}

/* I/O interruptions: subclass masks in CR6 bits 32-39 (ISC 0-7). No channel subsystem is modelled
 * yet, so nothing posts io_pending_isc; the structure is here for the SAE "host interruption" rule. */
static bool io_pending(const struct s390_cpu *c)
{
    return (c->psw.mask & PSW_MASK_IO) && (c->io_pending_isc & (uint32_t)(c->cr[6] >> 24) & 0xff);
}

bool s390_async_pending(struct s390_cpu *c)
{
    return c->restart_pending || c->stop_requested || ext_pending(c) != 0 || io_pending(c);
}

bool s390_interrupt_pending_enabled(struct s390_cpu *c)
{
    if (vclock_now(c->clock) >= vclock_next_deadline(c->clock))
        vclock_run_due(c->clock);
    return s390_async_pending(c);
}

bool s390_deliver_pending(struct s390_cpu *c)
{
    if (c->restart_pending) {
        c->restart_pending = false;
        qlog(LOG_INT, "s390: restart interruption at 0x%016llx\n", (unsigned long long)c->psw.addr);
        store_old_psw(c, LC_RESTART_OLD, c->psw.addr);
        load_new_psw(c, LC_RESTART_NEW);
        c->stopped = false;
        return true;
    }
    int code = ext_pending(c);
    if (code) {
        uint32_t param = 0;
        uint16_t from = 0;
        switch (code) {
        case EXT_EMERGENCY: {
            int src = first_emergency(c);
            c->emergency_from[src / 64] &= ~(1ULL << (src % 64));
            from = (uint16_t)src;
            break;
        }
        case EXT_EXT_CALL:
            c->ext_call_pending = false;
            from = c->ext_call_from;
            break;
        case EXT_SERVICE:
            c->service_pending = false;
            param = c->service_param;
            break;
        default:
            break;
        }
        deliver_external(c, (uint16_t)code, param, from);
        return true;
    }
    if (io_pending(c)) {
        unsigned isc = (unsigned)__builtin_clz(c->io_pending_isc & (uint32_t)(c->cr[6] >> 24) & 0xff) - 24;
        c->io_pending_isc &= ~(0x80u >> isc);
        s390_real_st(c, LC_IO_SUBSYS_ID, 4, 0);
        s390_real_st(c, LC_IO_INT_PARM, 4, 0);
        s390_real_st(c, LC_IO_INT_WORD, 4, (uint32_t)isc << 27);
        store_old_psw(c, LC_IO_OLD, c->psw.addr);
        load_new_psw(c, LC_IO_NEW);
        return true;
    }
    return false;
}

void s390_post_service_signal(struct s390_cpu *c, uint32_t param)
{
    c->service_pending = true;
    c->service_param = param;
    c->check_irq = true;
}

void s390_post_emergency(struct s390_cpu *c, uint16_t from)
{
    c->emergency_from[(from & 0xff) / 64] |= 1ULL << (from % 64);
    c->check_irq = true;
}

void s390_post_ext_call(struct s390_cpu *c, uint16_t from)
{
    c->ext_call_pending = true;
    c->ext_call_from = from;
    c->check_irq = true;
}

void s390_post_restart(struct s390_cpu *c)
{
    c->restart_pending = true;
    c->check_irq = true;
}
