/* The exception model (Arm ARM D1.10 "Exception entry", D1.11 "Exception return", pseudocode
 * AArch64.TakeException / AArch64.ExceptionReturn) and the exception-generating instructions
 * (C6.2 SVC, HVC, SMC, BRK, HLT). */
#include "arm64/internal.h"

void arm64_exception_entry(struct arm64_cpu *c, unsigned type, uint64_t esr, uint64_t elr,
                           bool far_valid, uint64_t far)
{
    /* Vector offset: current EL with SP_EL0 0x000, current EL with SP_ELx 0x200, lower EL using
     * AArch64 0x400 (D1.10.2 "Exception vectors"). */
    unsigned off = c->el == 0 ? 0x400 : c->spsel ? 0x200 : 0x000;
    c->sr.spsr = arm64_get_pstate(c);
    c->sr.elr = elr;
    if (type == EXC_SYNC || type == EXC_SERROR)
        c->sr.esr = esr;
    if (far_valid)
        c->sr.far = far;
    qlog(LOG_INT, "arm64: exception %s EC 0x%02x ESR 0x%08llx ELR 0x%016llx FAR 0x%016llx from EL%u -> "
         "0x%016llx\n", type == EXC_SYNC ? "sync" : type == EXC_IRQ ? "irq" : type == EXC_FIQ ? "fiq" : "serror",
         (unsigned)(esr >> 26) & 0x3F, (unsigned long long)esr, (unsigned long long)elr,
         far_valid ? (unsigned long long)far : 0ULL, c->el,
         (unsigned long long)((c->sr.vbar & ~0x7FFULL) + off + type));
    c->el = 1;
    c->spsel = true;
    c->daif = ARM64_PSTATE_DAIF;
    c->ss = false;
    c->il = false;
    /* PSTATE.PAN is set on exception entry to EL1 when SCTLR_EL1.SPAN == 0 (FEAT_PAN) */
    if (!(c->sr.sctlr & (1u << 23)))
        c->pan = true;
    c->uao = false;
    c->ssbs = false;
    c->npc = (c->sr.vbar & ~0x7FFULL) + off + type;
    c->last_exc_vector = (int)(off + type);
    arm64_update_irq(c);
}

void arm64_take_exception_el1(struct arm64_cpu *c, unsigned ec, uint32_t iss, uint64_t elr,
                              bool far_valid, uint64_t far)
{
    arm64_exception_entry(c, EXC_SYNC, (uint64_t)ec << 26 | ESR_IL | (iss & 0x1FFFFFF), elr, far_valid, far);
    c->pc = c->npc;
}

void arm64_exc(struct arm64_cpu *c, unsigned ec, uint32_t iss)
{
    arm64_exception_entry(c, EXC_SYNC, (uint64_t)ec << 26 | ESR_IL | (iss & 0x1FFFFFF), c->pc, false, 0);
}

void arm64_exc_far(struct arm64_cpu *c, unsigned ec, uint32_t iss, uint64_t far)
{
    arm64_exception_entry(c, EXC_SYNC, (uint64_t)ec << 26 | ESR_IL | (iss & 0x1FFFFFF), c->pc, true, far);
}

void arm64_undef(struct arm64_cpu *c)
{
    arm64_exc(c, EC_UNKNOWN, 0);
}

void arm64_unimp(struct arm64_cpu *c, uint32_t insn, const char *what)
{
    qlog(LOG_UNIMP, "arm64: unimplemented %s: 0x%08x at pc 0x%016llx\n", what, insn, (unsigned long long)c->pc);
    arm64_undef(c);
}

void exec_unalloc(struct arm64_cpu *c, uint32_t insn)
{
    (void)insn;
    arm64_undef(c);
}

void arm64_trap_el2(struct arm64_cpu *c, unsigned ec, uint32_t iss)
{
    struct arm64_el2_event ev = { (uint64_t)ec << 26 | ESR_IL | (iss & 0x1FFFFFF), 0, false };
    qlog(LOG_INT, "arm64: trap to EL2 EC 0x%02x ISS 0x%07x at pc 0x%016llx\n", ec, iss & 0x1FFFFFF,
         (unsigned long long)c->pc);
    if (!c->env->el2_exception) {
        arm64_undef(c);
        return;
    }
    c->env->el2_exception(c->env_opaque, c, &ev);
    c->npc = c->pc;
}

/* AArch64.CheckFPAdvSIMDEnabled(): CPACR_EL1.FPEN, then CPTR_EL2.FPEN (E2H = 1 layout, TGE = 0).
 * The syndrome for an AArch64 trap is CV = 1, COND = 0b1110 (ESR 0x1FE00000). */
bool arm64_fp_access_ok(struct arm64_cpu *c)
{
    unsigned fpen = c->sr.cpacr >> 20 & 3;
    if (fpen == 0 || fpen == 2 || (fpen == 1 && c->el == 0)) {
        arm64_exc(c, EC_FP, 0x1E00000);
        return false;
    }
    if (c->el2_present) {
        unsigned f2 = c->el2.cptr >> 20 & 3;
        if (f2 == 0 || f2 == 2) {
            arm64_trap_el2(c, EC_FP, 0x1E00000);
            return false;
        }
    }
    return true;
}

/* ---- interrupts ---- */

void arm64_update_irq(struct arm64_cpu *c)
{
    uint64_t h = c->el2_present ? c->el2.hcr : 0;
    bool any = c->irq_line[0] || c->irq_line[1] || c->irq_line[2] ||
               ((h & HCR_IMO) && (h & HCR_VI)) || ((h & HCR_FMO) && (h & HCR_VF)) ||
               ((h & HCR_AMO) && (h & HCR_VSE));
    c->irq_any = any;
}

void arm64_set_irq_line(struct arm64_cpu *c, enum arm64_irq_line line, bool level)
{
    c->irq_line[line] = level;
    arm64_update_irq(c);
}

/* Physical and virtual interrupts both target EL1 (with an absent EL2 or SAE's virtual EL2, HCR_EL2.TGE
 * = 0), masked by PSTATE.{A,I,F} at EL1 and EL0 (D1.12 "Asynchronous exception types, routing,
 * masking and priorities"). */
bool arm64_check_interrupts(struct arm64_cpu *c)
{
    uint64_t h = c->el2_present ? c->el2.hcr : 0;
    bool vse = (h & HCR_AMO) && (h & HCR_VSE);
    if ((c->irq_line[ARM64_SERROR] || vse) && !(c->daif & ARM64_PSTATE_A)) {
        uint64_t esr = (uint64_t)EC_SERROR << 26 | ESR_IL;
        if (!c->irq_line[ARM64_SERROR]) {
            esr |= c->el2.vsesr & 0x1FFFFFF;  /* VSESR_EL2 gives the virtual SError syndrome */
            c->el2.hcr &= ~HCR_VSE;           /* taking the virtual SError clears HCR_EL2.VSE */
        }
        arm64_exception_entry(c, EXC_SERROR, esr, c->pc, false, 0);
        return true;
    }
    if ((c->irq_line[ARM64_FIQ] || ((h & HCR_FMO) && (h & HCR_VF))) && !(c->daif & ARM64_PSTATE_F)) {
        arm64_exception_entry(c, EXC_FIQ, 0, c->pc, false, 0);
        return true;
    }
    if ((c->irq_line[ARM64_IRQ] || ((h & HCR_IMO) && (h & HCR_VI))) && !(c->daif & ARM64_PSTATE_I)) {
        arm64_exception_entry(c, EXC_IRQ, 0, c->pc, false, 0);
        return true;
    }
    return false;
}

/* ---- exception return ---- */

/* AArch64.ExceptionReturn(): an illegal return (AArch32, a higher EL, EL0 with SP_ELx) sets PSTATE.IL
 * and keeps EL and SP; the next instruction then takes an Illegal Execution state exception. */
void arm64_exception_return(struct arm64_cpu *c, uint64_t spsr, uint64_t elr)
{
    unsigned m = spsr & 0x1F;
    bool illegal = (m & 0x10) || (m >> 2) > 1 || m == 1 || (m >> 2) > c->el;
    uint8_t el = c->el;
    bool sp = c->spsel;
    arm64_set_pstate(c, spsr);
    if (illegal) {
        c->el = el;
        c->spsel = sp;
        c->il = true;
    }
    /* PSTATE.SS is restored from SPSR.SS only when software step is active in the target state
     * (Arm ARM D2.12.x "Entering the active-not-pending state") */
    c->ss = arm64_step_active(c) ? (spsr >> 21 & 1) : false;
    c->ss_from_eret = true;
    c->event_reg = true;        /* exception return is a WFE wake-up event */
    c->excl_valid = false;      /* and clears the local exclusive monitor */
    c->npc = elr;
    arm64_update_irq(c);
}

void exec_eret(struct arm64_cpu *c, uint32_t insn)
{
    (void)insn;
    if (c->el == 0) {
        arm64_undef(c);
        return;
    }
    /* HFGITR_EL2.ERET [51] traps ERET with EC 0x1A (ISS 0 for plain ERET) */
    if (c->el2_present && (c->el2.hfgitr >> 51 & 1)) {
        arm64_trap_el2(c, EC_ERET, 0);
        return;
    }
    arm64_exception_return(c, c->sr.spsr, c->sr.elr);
}

/* ---- exception-generating instructions (C6.2.272 SVC, C6.2.108 HVC, C6.2.251 SMC, C6.2.40 BRK,
 * C6.2.107 HLT) ---- */

void exec_svc(struct arm64_cpu *c, uint32_t insn)
{
    uint32_t imm = BITS(insn, 20, 5);
    /* HFGITR_EL2.SVC_EL0 [52] / SVC_EL1 [53] */
    if (c->el2_present && (c->el2.hfgitr >> (c->el ? 53 : 52) & 1)) {
        c->pc += 4;
        arm64_trap_el2(c, EC_SVC, imm);
        return;
    }
    arm64_exception_entry(c, EXC_SYNC, (uint64_t)EC_SVC << 26 | ESR_IL | imm, c->pc + 4, false, 0);
    c->sr.spsr &= ~(uint64_t)ARM64_PSTATE_SS; /* the SVC itself completed: a step ends on return */
}

/* AArch64.GenerateDebugExceptions(): no debug exceptions while the OS lock or the OS double lock is
 * set; at EL0 they are enabled (targeting EL1); at EL1 they need MDSCR_EL1.KDE = 1 and PSTATE.D = 0. */
bool arm64_debug_enabled(const struct arm64_cpu *c)
{
    if ((c->sr.oslsr & 2) || (c->sr.osdlr & 1))
        return false;
    if (c->el == 0)
        return true;
    return (c->sr.mdscr & (1u << 13)) && !(c->daif & ARM64_PSTATE_D);
}

/* Software Step exception (EC 0x32 from EL0, 0x33 from EL1): ISV = 1, EX, IFSC = 0x22; ELR = the
 * instruction that would be stepped next. MDCR_EL2.TDE routes it to EL2. */
void arm64_step_exception(struct arm64_cpu *c)
{
    uint32_t iss = 1u << 24 | (uint32_t)c->step_ex << 6 | 0x22;
    c->step_ex = false;
    if (c->el2_present && (c->el2.mdcr & (1u << 8))) {
        arm64_trap_el2(c, EC_SSTEP_LOW, iss);
        return;
    }
    arm64_exc(c, c->el ? EC_SSTEP_CUR : EC_SSTEP_LOW, iss);
}

void exec_hvc(struct arm64_cpu *c, uint32_t insn)
{
    uint32_t imm = BITS(insn, 20, 5);
    /* UNDEFINED at EL0, with no EL2, or with HCR_EL2.HCD = 1 */
    if (c->el == 0 || !c->el2_present || (c->el2.hcr & HCR_HCD)) {
        arm64_undef(c);
        return;
    }
    c->pc += 4; /* the preferred return address of HVC is the next instruction */
    arm64_trap_el2(c, EC_HVC, imm);
}

void exec_smc(struct arm64_cpu *c, uint32_t insn)
{
    /* No EL3: SMC is UNDEFINED unless HCR_EL2.TSC traps it to EL2 (at the SMC) */
    if (c->el == 1 && c->el2_present && (c->el2.hcr & HCR_TSC)) {
        arm64_trap_el2(c, EC_SMC, BITS(insn, 20, 5));
        return;
    }
    arm64_undef(c);
}

void exec_brk(struct arm64_cpu *c, uint32_t insn)
{
    uint32_t imm = BITS(insn, 20, 5);
    if (c->el2_present && (c->el2.mdcr & (1u << 8))) { /* MDCR_EL2.TDE routes debug exceptions to EL2 */
        arm64_trap_el2(c, EC_BRK, imm);
        return;
    }
    arm64_exc(c, EC_BRK, imm);
}

void exec_hlt(struct arm64_cpu *c, uint32_t insn)
{
    uint16_t imm = (uint16_t)BITS(insn, 20, 5);
    /* Without halting debug HLT is UNDEFINED; the platform may serve it (Arm semihosting, HLT #0xF000) */
    if (c->env->hlt && c->env->hlt(c->env_opaque, c, imm))
        return;
    arm64_undef(c);
}
