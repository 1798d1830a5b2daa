/* The vCPU: SD and SA allocation (§10 vCPU creation), the reset KVM performs at KVM_ARM_VCPU_INIT
 * (§9), instruction skipping and software exception injection (§7.1: SAE has no injection field,
 * the host writes ELR/SPSR/ESR/FAR and redirects the PC, like KVM's inject_fault.c). */
#include "esr.h"
#include "fw.h"
#include "sae_insn.h"

void vcpu_create(struct fw *fw)
{
    /* SD first, SA directly after it, both 4 KiB aligned (§5.1, §10). */
    uint8_t *p = fw_alloc(8192, 4096);
    fw->sd = (struct sae_sd *)p;
    fw->sa = p + 4096;
    fw->vmpidr = RESET_VMPIDR_EL2;     /* vCPU id 0: Aff0 = Aff1 = Aff2 = 0 */
}

/* §9: template copy, sdo, SASR (M4 = 8, SA not loaded) of Linux's reset table, the EL2 controls,
 * then the SD core registers. The caller loads the SA (LASRM) afterwards. */
void vcpu_reset(struct fw *fw)
{
    struct sae_sd *sd = fw->sd;
    uint8_t *sa = fw->sa;
    for (unsigned i = 0; i < 4096; i++)
        sa[i] = fw->sa_template[i];
    *(uint64_t *)(sa + SA_OFF_SDO) = (uint64_t)(uintptr_t)sd;
    uint64_t midr = *(const uint64_t *)(fw->qmc + QMC_REG_OFF(QAAF_MIDR));

    SASR(ID_SCTLR_EL1, RESET_SCTLR_EL1, sa, SASR_M4_MEMORY);
    SASR(ID_CPACR_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_TTBR0_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_TTBR1_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_TCR_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_VBAR_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_MAIR_EL1, RESET_UNKNOWN, sa, SASR_M4_MEMORY);
    SASR(ID_TPIDR_EL1, RESET_UNKNOWN, sa, SASR_M4_MEMORY);
    SASR(ID_CNTFRQ_EL0, RESET_CNTFRQ, sa, SASR_M4_MEMORY);
    SASR(ID_CNTP_CVAL, 0, sa, SASR_M4_MEMORY);
    SASR(ID_CNTV_CVAL, 0, sa, SASR_M4_MEMORY);
    SASR(ID_MIDR_EL1, midr, sa, SASR_M4_MEMORY);
    SASR(ID_OSLAR_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_ELR_EL1, 0, sa, SASR_M4_MEMORY);
    SASR(ID_SPSR_EL1, 0, sa, SASR_M4_MEMORY);
    fw->csselr = RESET_UNKNOWN & 0xf;
    /* Virtual-EL2 controls. HCR_EL2 is Linux's value; its IMO/FMO/AMO bits also route the guest's
     * ICC_* accesses to the virtual CPU interface that this firmware drives (§7.5). */
    fw->hcr = RESET_HCR_EL2;
    SASR(ID_HCR_EL2, fw->hcr, sa, SASR_M4_MEMORY);
    SASR(ID_HCRX_EL2, 0, sa, SASR_M4_MEMORY);
    SASR(ID_CPTR_EL2, RESET_CPTR_EL2, sa, SASR_M4_MEMORY);
    SASR(ID_CNTHCTL_EL2, RESET_CNTHCTL_EL2, sa, SASR_M4_MEMORY);
    SASR(ID_ICC_SRE_EL2, RESET_ICC_SRE_EL2, sa, SASR_M4_MEMORY);
    SASR(ID_VMPIDR_EL2, fw->vmpidr, sa, SASR_M4_MEMORY);

    /* SD: core registers (arm64 boot protocol: x0 = DTB, x1-x3 = 0, EL1h with DAIF masked). */
    for (unsigned i = 0; i < 31; i++)
        sd->gpr[i] = 0;
    sd->gpr[0] = fw->bp.dtb_size ? fw->bp.dtb_ipa : 0;
    sd->pc = fw->bp.kernel_entry;
    sd->pstate = RESET_PSTATE;
    sd->sp_el0 = sd->sp_el1 = 0;
    sd->fpcr = sd->fpsr = 0;
    sd->cntp_ctl = sd->cntv_ctl = 0;
    sd->contextidr = 0;
    /* vGIC: interface enabled (Linux leaves ICH_* 0, but then no interrupt could be delivered). */
    sd->ich_hcr = ICH_HCR_EN;
    sd->ich_vmcr = 0;
    sd->ich_ap0r0 = sd->ich_ap1r0 = 0;
    for (unsigned i = 0; i < 4; i++)
        sd->ich_lr[i] = 0;
    /* Guest memory description: DAT tables place guest RAM, mso = 0 (as Linux). */
    sd->sdf = 0;
    sd->scad = 0;
    sd->irq_ctl = 0;
    sd->mso = 0;
    sd->msl = fw->bp.ipa_limit;
    sd->hbasce = fw->s2.asce;
    sd->gpto = fw->gpto;
    sd->ic = sd->ec = 0;
    sd->save_area = (uint64_t)(uintptr_t)sa;
    fw->timer_fw_masked[0] = fw->timer_fw_masked[1] = false;
    vgic_fw_init(fw);
}

/* Skip the trapped instruction (KVM kvm_incr_pc): PC += 4, clear PSTATE.BTYPE and PSTATE.SS. */
void vcpu_skip_insn(struct fw *fw)
{
    fw->sd->pc += 4;
    fw->sd->pstate &= ~(PSTATE_BTYPE | PSTATE_SS);
}

/* Take a synchronous exception to EL1 (Arm ARM D1.10.2 "Exception entry"): ELR_EL1 = the faulting
 * instruction, SPSR_EL1 = PSTATE, PC = VBAR_EL1 + 0x000 (from EL1t), 0x200 (EL1h) or 0x400 (EL0),
 * PSTATE = EL1h with D, A, I, F masked. */
static void inject_sync(struct fw *fw, uint64_t esr, bool set_far, uint64_t far)
{
    struct sae_sd *sd = fw->sd;
    uint64_t mode = sd->pstate & 0xf, offset = mode == 0 ? 0x400 : mode == 4 ? 0x000 : 0x200;
    SASR(ID_ELR_EL1, sd->pc, fw->sa, SASR_M4_LOADED);
    SASR(ID_SPSR_EL1, sd->pstate, fw->sa, SASR_M4_LOADED);
    SASR(ID_ESR_EL1, esr, fw->sa, SASR_M4_LOADED);
    if (set_far)
        SASR(ID_FAR_EL1, far, fw->sa, SASR_M4_LOADED);
    uint64_t vbar = EASR(ID_VBAR_EL1, fw->sa, SASR_M4_LOADED);
    sd->pc = vbar + offset;
    sd->pstate = RESET_PSTATE;
}

static bool from_el0(struct fw *fw) { return (fw->sd->pstate & 0xf) == 0; }

void vcpu_inject_undef(struct fw *fw)
{
    STAT_INC(fw, injected_undefs);
    inject_sync(fw, (uint64_t)EC_UNKNOWN << 26 | ESR_IL, false, 0);
}

/* Synchronous external abort (KVM inject_abt64): EC IABT/DABT of the current or lower EL,
 * FSC 0b010000; the data abort also reports WnR. */
void vcpu_inject_sea(struct fw *fw, bool iabt, uint64_t far, bool wnr)
{
    STAT_INC(fw, injected_aborts);
    unsigned ec = iabt ? (from_el0(fw) ? EC_IABT_LOW : EC_IABT_CUR) : (from_el0(fw) ? EC_DABT_LOW : EC_DABT_CUR);
    uint64_t esr = (uint64_t)ec << 26 | ESR_IL | FSC_SEA;
    if (!iabt && wnr)
        esr |= DABT_WNR;
    inject_sync(fw, esr, true, far);
}

/* The guest counter now: QAGPT(gpto) (§3.7, MD-37). */
uint64_t vcpu_guest_counter(struct fw *fw)
{
    uint64_t pb[2] __attribute__((aligned(8))) = { fw->gpto, 0 };
    ptff(PTFF_QAGPT, pb);
    return pb[1];
}
