/* The run loop: KVM_RUN of the Linux port (§10) with the parts Linux leaves out (timers, vGIC,
 * WFI blocking) filled in. Each iteration: fill list registers from saesim's GIC model, write the
 * per-entry EL2 controls (SASR M4 = 0: HCR_EL2, HCRX_EL2, VMPIDR_EL2), zero icptr, SAE, then
 * dispatch on icptr (§6.1). */
#include "diag.h"
#include "esr.h"
#include "fw.h"
#include "psci.h"
#include "sae_insn.h"
#include "sysreg_emul.h"

static const char *const vir_names[] = {
    [0x00] = "UNKNOWN", [0x01] = "UNSUPP_FORMAT", [0x02] = "MSO_BOUNDS", [0x03] = "MSLA",
    [0x04] = "MGPAS", [0x05] = "INVAL_SYSREG", [0x06] = "HOST_CONTROL", [0x07] = "SCA",
    [0x08] = "MSO_ALIGN", [0x09] = "HLC", [0x0a] = "IRPTC",
};

void fw_print_summary(struct fw *fw)
{
    const struct saesim_fw_stats *s = fw->stats;
    fw->stats->diag_calls = fw_diag_count;
    if (fw_quiet)
        return;
    fw_printf("saesim-fw: %lu SAE entries; intercepts: spurious/wait %lu, host-access %lu, sync %lu, "
              "timer %lu, addr-size %lu, maintenance %lu, validity %lu\n",
              (unsigned long)s->sae_entries, (unsigned long)s->icpt[0], (unsigned long)s->icpt[2],
              (unsigned long)s->icpt[3], (unsigned long)s->icpt[4], (unsigned long)s->icpt[6],
              (unsigned long)s->icpt[0xa], (unsigned long)s->icpt[1]);
    fw_printf("saesim-fw: stage-2 maps %lu, mmio reads %lu writes %lu, hvc %lu, sysreg traps %lu, waits %lu, "
              "timer irqs %lu, device irqs %lu, injected aborts %lu undefs %lu, diag calls %lu\n",
              (unsigned long)s->stage2_maps, (unsigned long)s->mmio_reads, (unsigned long)s->mmio_writes,
              (unsigned long)s->hvc_calls, (unsigned long)s->sysreg_traps, (unsigned long)s->wfi_waits,
              (unsigned long)s->timer_irqs, (unsigned long)s->device_irqs, (unsigned long)s->injected_aborts,
              (unsigned long)s->injected_undefs, (unsigned long)fw_diag_count);
}

/* EC 0x18: trapped MSR/MRS (§6.3 ISS; PC = the instruction, +4 after emulation). */
void handle_sys64(struct fw *fw, uint64_t esr)
{
    struct sys64 s;
    esr_decode_sys64(esr, &s);
    struct sysreg_ctx c = { fw->qmc, &fw->csselr, 0 };
    uint64_t value = 0, wval = s.rt == 31 ? 0 : fw->sd->gpr[s.rt];
    STAT_INC(fw, sysreg_traps);
    if (sysreg_emulate(&c, &s, wval, &value) == SYSREG_UNDEF) {
        if (fw->verbose)
            fw_printf("saesim-fw: %s S%u_%u_C%u_C%u_%u: UNDEFINED\n", s.read ? "mrs" : "msr", s.op0, s.op1,
                      s.crn, s.crm, s.op2);
        vcpu_inject_undef(fw);
        return;
    }
    if (fw->verbose) {
        const char *name = sysreg_name(&s);
        fw_printf("saesim-fw: %s %s (S%u_%u_C%u_C%u_%u) emulated\n", s.read ? "mrs" : "msr", name ? name : "?",
                  s.op0, s.op1, s.crn, s.crm, s.op2);
    }
    if (s.read && s.rt != 31)
        fw->sd->gpr[s.rt] = value;
    vcpu_skip_insn(fw);
}

static void guest_restart(struct fw *fw);

/* HVC (PC already past it) and SMC (PC at it): PSCI and SMCCC. */
static void handle_smccc(struct fw *fw, bool smc)
{
    struct sae_sd *sd = fw->sd;
    struct psci_result r;
    STAT_INC(fw, hvc_calls);
    if (smc) {
        /* KVM handle_smc: step over the SMC; a nonzero immediate is reserved (SMCCC, DEN 0028
         * "SMC and HVC immediate value"): X0 = -1. */
        vcpu_skip_insn(fw);
        if (sd->icptd.hai.esr & 0xffff) {
            sd->gpr[0] = (uint64_t)(int64_t)PSCI_RET_NOT_SUPPORTED;
            return;
        }
    }
    psci_call(sd->gpr[0], sd->gpr[1], sd->gpr[2], sd->gpr[3], fw->vmpidr, &r);
    if (fw->verbose)
        fw_printf("saesim-fw: %s 0x%lx -> %ld\n", smc ? "smc" : "hvc", (unsigned long)sd->gpr[0], (long)r.x0);
    sd->gpr[0] = (uint64_t)r.x0;
    switch (r.action) {
    case PSCI_ACT_NONE:
        break;
    case PSCI_ACT_WAIT:
        timer_wait_idle(fw);
        break;
    case PSCI_ACT_CPU_OFF:
        fw_print_summary(fw);
        fw_exit(SAESIM_EXIT_HALTED, 0x84000002u, "guest turned off its only vCPU (PSCI CPU_OFF)");
    case PSCI_ACT_SYSTEM_OFF:
        fw_print_summary(fw);
        fw_exit(SAESIM_EXIT_SYSTEM_OFF, 0x84000008u, "guest powered off (PSCI SYSTEM_OFF)");
    case PSCI_ACT_SYSTEM_RESET:
        guest_restart(fw);
        break;
    }
}

/* PSCI SYSTEM_RESET: report it; if saesim puts the images back (A = 0), reset the vCPU the way
 * KVM_ARM_VCPU_INIT does (§10: STIASRM, reset, LASRM) and start the guest again. */
static void guest_restart(struct fw *fw)
{
    fw_print_summary(fw);
    fw_flush();
    static const char msg[] = "guest requested a reset (PSCI SYSTEM_RESET)";
    uint64_t rc = hostif_call(SAESIM_DIAG_EXIT, SAESIM_EXIT_RESET, (uint64_t)(uintptr_t)msg, sizeof(msg) - 1,
                              0x84000009u, 0);
    if (rc != 0)
        fw_exit(SAESIM_EXIT_RESET, 0x84000009u, "reset refused by saesim: stopping");
    for (unsigned i = 0; i < VGIC_NR_LR; i++)
        if (fw->vgic.used[i])
            hostif_call(SAESIM_DIAG_IRQ_DEACTIVATE, fw->vgic.intid[i], 0, 0, 0, 0);
    hostif_call(SAESIM_DIAG_IRQ_LINE, PPI_VTIMER, 0, 0, 0, 0);
    hostif_call(SAESIM_DIAG_IRQ_LINE, PPI_PTIMER, 0, 0, 0, 0);
    fw_place_images(fw);
    stiasrm(fw->sa);
    vcpu_reset(fw);
    lasrm(fw->sa);
    vr_zero_all();
    STAT_INC(fw, resets);
    if (!fw_quiet)
        fw_printf("saesim-fw: guest reset, restarting at 0x%lx\n", (unsigned long)fw->bp.kernel_entry);
}

static void handle_sync(struct fw *fw)
{
    uint64_t esr = fw->sd->icptd.hai.esr;
    switch (ESR_EC(esr)) {
    case EC_HVC64:
        handle_smccc(fw, false);
        break;
    case EC_SMC64:
        handle_smccc(fw, true);
        break;
    case EC_SYS64:
        handle_sys64(fw, esr);
        break;
    case EC_WFX:
        /* Only with HCR_EL2.TWI/TWE, which the firmware does not set: treat as the wait. */
        vcpu_skip_insn(fw);
        if ((esr & 3) == 0)
            timer_wait_idle(fw);
        break;
    default:
        if (fw->verbose)
            fw_printf("saesim-fw: unhandled trap EC 0x%x at PC 0x%lx: UNDEFINED\n", ESR_EC(esr),
                      (unsigned long)fw->sd->pc);
        vcpu_inject_undef(fw);
        break;
    }
}

void run_loop(struct fw *fw)
{
    struct sae_sd *sd = fw->sd;
    uint64_t sd_real = (uint64_t)(uintptr_t)sd;
    for (;;) {
        vgic_refill(fw);
        SASR(ID_HCR_EL2, fw->hcr, fw->sa, SASR_M4_LOADED);
        SASR(ID_HCRX_EL2, 0, fw->sa, SASR_M4_LOADED);
        SASR(ID_VMPIDR_EL2, fw->vmpidr, fw->sa, SASR_M4_LOADED);
        sd->icptr = 0;
        fw->stats->sae_entries++;
        sae_enter(sd_real);
        unsigned icptr = sd->icptr;
        fw->stats->icpt[icptr & (SAESIM_STATS_NICPT - 1)]++;
        if (fw->verbose)
            fw_printf("saesim-fw: icptr 0x%02x pc 0x%lx wip %u esr 0x%lx\n", icptr, (unsigned long)sd->pc,
                      sd->wip, (unsigned long)sd->icptd.hai.esr);
        vgic_sync(fw);
        timer_after_exit(fw, icptr);
        switch (icptr) {
        case ICPT_SPURIOUS:
            if (sd->wip == 1)
                timer_wait_idle(fw);     /* WFI: PC is already past it (§6.3) */
            break;                       /* wip 2 (WFE) or a host reason: re-enter */
        case ICPT_VALIDITY: {
            unsigned vir = sd->icptd.vir;
            fw_print_summary(fw);
            fw_exit(SAESIM_EXIT_FATAL, vir, "SAE validity intercept: vir 0x%04x (%s)", vir,
                    vir < sizeof(vir_names) / sizeof(vir_names[0]) && vir_names[vir] ? vir_names[vir] : "?");
        }
        case ICPT_HOST_ACCESS:
        case ICPT_ADDR_SIZE:
            handle_host_access(fw, icptr);
            break;
        case ICPT_SYNC:
            handle_sync(fw);
            break;
        case ICPT_TIMER:
            timer_intercept(fw, sd->icptd.tir);
            break;
        case ICPT_MAINTENANCE:
            vgic_maintenance(fw);
            break;
        default:
            fw_print_summary(fw);
            fw_exit(SAESIM_EXIT_FATAL, icptr, "unknown SAE interception reason 0x%02x at PC 0x%lx", icptr,
                    (unsigned long)sd->pc);
        }
    }
}
