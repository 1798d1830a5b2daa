/* System instructions (Arm ARM C5 "The A64 System Instruction Class"; C6.2 HINT, WFI, WFE, SEV, SEVL,
 * CLREX, DMB/DSB/ISB, MSR (immediate), SYS (DC, IC, AT, TLBI), MRS/MSR (register)). */
#include "arm64/internal.h"

#define SCTLR_UMA (1u << 9)
#define SCTLR_DZE (1u << 14)
#define SCTLR_NTWI (1u << 16)
#define SCTLR_NTWE (1u << 18)
#define SCTLR_UCI (1u << 26)

/* ISS of a trapped WFx from AArch64: CV = 1, COND = 0b1110, TI (0 WFI, 1 WFE) */
#define ISS_WFX(ti) (0x1E00000u | (ti))

static void exec_wfx(struct arm64_cpu *c, bool wfe)
{
    if (wfe && c->event_reg) { /* WFE with the event register set: clear it and complete */
        c->event_reg = false;
        return;
    }
    if (!wfe && c->irq_any) /* a pending interrupt (masked or not) completes WFI at once */
        return;
    /* It would wait: trap checks, EL1 (SCTLR_EL1.nTWx, EL0 only) before EL2 (HCR_EL2.TWx) */
    if (c->el == 0 && !(c->sr.sctlr & (wfe ? SCTLR_NTWE : SCTLR_NTWI))) {
        arm64_exc(c, EC_WFX, ISS_WFX(wfe));
        return;
    }
    if (c->el2_present && (c->el2.hcr & (wfe ? HCR_TWE : HCR_TWI))) {
        arm64_trap_el2(c, EC_WFX, ISS_WFX(wfe));
        return;
    }
    if (c->env->wfx && !c->env->wfx(c->env_opaque, c, wfe))
        return; /* the env stopped the run; the WFx has completed */
    if (wfe)
        c->event_reg = false;
}

void exec_hint(struct arm64_cpu *c, uint32_t insn)
{
    switch (BITS(insn, 11, 5)) {
    case 2: exec_wfx(c, true); break;   /* WFE */
    case 3: exec_wfx(c, false); break;  /* WFI */
    case 4:                             /* SEV: the event reaches every PE, this one included */
    case 5: c->event_reg = true; break; /* SEVL */
    default: break;                     /* NOP, YIELD and unallocated hints */
    }
}

void exec_clrex(struct arm64_cpu *c, uint32_t insn)
{
    (void)insn;
    c->excl_valid = false;
}

void exec_barrier(struct arm64_cpu *c, uint32_t insn)
{
    /* One PE, in-order, no caches: DMB, DSB and ISB have no further effect. */
    (void)c;
    (void)insn;
}

void exec_msr_imm(struct arm64_cpu *c, uint32_t insn)
{
    unsigned op1 = BITS(insn, 18, 16), op2 = BITS(insn, 7, 5), crm = BITS(insn, 11, 8);
    switch (op1 << 3 | op2) {
    case 0 << 3 | 5: /* SPSel */
        if (c->el == 0)
            break;
        c->spsel = crm & 1;
        return;
    case 0 << 3 | 4: /* PAN (FEAT_PAN) */
        if (c->el == 0)
            break;
        c->pan = crm & 1;
        return;
    case 3 << 3 | 6: /* DAIFSet */
    case 3 << 3 | 7: /* DAIFClr */
        if (c->el == 0 && !(c->sr.sctlr & SCTLR_UMA)) {
            arm64_exc(c, EC_SYS, op2 << 17 | op1 << 14 | 4u << 10 | 31u << 5 | crm << 1);
            return;
        }
        if (op2 == 6)
            c->daif |= crm << 6;
        else
            c->daif &= ~(crm << 6);
        arm64_update_irq(c);
        return;
    default:
        break;
    }
    arm64_undef(c);
}

void exec_mrs_msr(struct arm64_cpu *c, uint32_t insn)
{
    arm64_mrs_msr(c, insn);
}

#define SYS_OP(op1, crn, crm, op2) ((op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))

/* EL2 trap of a SYS instruction: HCR_EL2 bit and HFGITR_EL2 bit (-1 none). */
static bool sys_el2_trap(struct arm64_cpu *c, uint64_t hcr_bit, int fgt_bit, uint32_t iss)
{
    if (!c->el2_present)
        return false;
    if ((c->el2.hcr & hcr_bit) || (fgt_bit >= 0 && (c->el2.hfgitr >> fgt_bit & 1))) {
        arm64_trap_el2(c, EC_SYS, iss);
        return true;
    }
    return false;
}

void exec_sys(struct arm64_cpu *c, uint32_t insn)
{
    unsigned op1 = BITS(insn, 18, 16), crn = BITS(insn, 15, 12), crm = BITS(insn, 11, 8), op2 = BITS(insn, 7, 5);
    unsigned rt = RT(insn);
    uint32_t iss = 1u << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1;
    if (BIT(insn, 21)) { /* SYSL: nothing allocated in this profile */
        arm64_undef(c);
        return;
    }
    uint64_t xt = xr(c, rt);
    unsigned op = SYS_OP(op1, crn, crm, op2);
    bool el0 = c->el == 0;

    switch (op) {
    /* instruction cache maintenance: no caches are modelled */
    case SYS_OP(0, 7, 1, 0): /* IC IALLUIS */
    case SYS_OP(0, 7, 5, 0): /* IC IALLU */
        if (el0)
            break;
        sys_el2_trap(c, HCR_TPU, op == SYS_OP(0, 7, 1, 0) ? 0 : 1, iss);
        return;
    case SYS_OP(3, 7, 5, 1): /* IC IVAU */
        if (el0 && !(c->sr.sctlr & SCTLR_UCI)) {
            arm64_exc(c, EC_SYS, iss);
            return;
        }
        sys_el2_trap(c, HCR_TPU, 2, iss);
        return;
    /* data cache maintenance by set/way: EL1 only */
    case SYS_OP(0, 7, 6, 2): /* DC ISW */
    case SYS_OP(0, 7, 10, 2): /* DC CSW */
    case SYS_OP(0, 7, 14, 2): /* DC CISW */
        if (el0)
            break;
        sys_el2_trap(c, HCR_TSW, op == SYS_OP(0, 7, 6, 2) ? 4 : op == SYS_OP(0, 7, 10, 2) ? 5 : 6, iss);
        return;
    case SYS_OP(0, 7, 6, 1): /* DC IVAC: EL1 only, needs write permission */
        if (el0)
            break;
        if (sys_el2_trap(c, HCR_TPCP, 3, iss))
            return;
        arm64_dc_va_check(c, xt);
        return;
    case SYS_OP(3, 7, 10, 1): /* DC CVAC */
    case SYS_OP(3, 7, 11, 1): /* DC CVAU */
    case SYS_OP(3, 7, 14, 1): /* DC CIVAC */
        if (el0 && !(c->sr.sctlr & SCTLR_UCI)) {
            arm64_exc(c, EC_SYS, iss);
            return;
        }
        if (sys_el2_trap(c, op == SYS_OP(3, 7, 11, 1) ? HCR_TPU : HCR_TPCP,
                         op == SYS_OP(3, 7, 10, 1) ? 54 : op == SYS_OP(3, 7, 11, 1) ? 7 : 10, iss))
            return;
        arm64_dc_va_check(c, xt);
        return;
    case SYS_OP(3, 7, 4, 1): /* DC ZVA */
        if (el0 && !(c->sr.sctlr & SCTLR_DZE)) {
            arm64_exc(c, EC_SYS, iss);
            return;
        }
        if (sys_el2_trap(c, HCR_TDZ, 11, iss))
            return;
        arm64_dc_zva(c, xt);
        return;
    /* address translation */
    case SYS_OP(0, 7, 8, 0): /* AT S1E1R */
    case SYS_OP(0, 7, 8, 1): /* AT S1E1W */
    case SYS_OP(0, 7, 8, 2): /* AT S1E0R */
    case SYS_OP(0, 7, 8, 3): /* AT S1E0W */
        if (el0)
            break;
        if (sys_el2_trap(c, 0, 12 + (int)op2, iss))
            return;
        c->sr.par = arm64_at(c, xt, op2 & 1, op2 >= 2);
        return;
    default:
        break;
    }

    /* TLB maintenance (C5.5 "A64 TLB maintenance instructions"): op1 = 0, CRn = 8, CRm = 3 (IS) or 7 */
    if (op1 == 0 && crn == 8 && (crm == 3 || crm == 7) && (op2 <= 3 || op2 == 5 || op2 == 7)) {
        if (el0) {
            arm64_undef(c);
            return;
        }
        static const int8_t fgt_is[8] = { 28, 29, 30, 31, -1, 32, -1, 33 };
        static const int8_t fgt_local[8] = { 42, 43, 44, 45, -1, 46, -1, 47 };
        if (sys_el2_trap(c, HCR_TTLB, crm == 3 ? fgt_is[op2] : fgt_local[op2], iss))
            return;
        uint64_t va = (uint64_t)sext64((xt & 0xFFFFFFFFFFFULL) << 12, 56);
        switch (op2) {
        case 0: arm64_tlbi_all(c); break;                          /* VMALLE1(IS) */
        case 2: arm64_tlbi_asid(c, (uint16_t)(xt >> 48)); break;   /* ASIDE1(IS) */
        default: arm64_tlbi_va(c, va); break;                      /* VAE1 VAAE1 VALE1 VAALE1 (IS) */
        }
        qlog(LOG_MMU, "arm64: TLBI op2 %u crm %u xt 0x%016llx\n", op2, crm, (unsigned long long)xt);
        return;
    }
    arm64_unimp(c, insn, "system instruction");
}
