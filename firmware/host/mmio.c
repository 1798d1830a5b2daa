/* Host-access interceptions (icptr 0x02, 0x06; §6.2, §7.3), handled like KVM's
 * kvm_handle_guest_abort (§10):
 *   - translation fault on guest RAM: fault the 1 MiB segment into the stage-2 tables, re-enter
 *     with the PC unchanged (the instruction was nullified and re-executes);
 *   - anything else is not RAM: an instruction fetch or a stage-1 walk there, or an access without
 *     a syndrome (ISV = 0), becomes a synchronous external abort in the guest; a data access with
 *     ISV = 1 is MMIO, forwarded to saesim's device models with the MMIO DIAGs; a device that is
 *     not there also becomes an external abort;
 *   - an IPA above the msl limit (0x06) is an external abort too (KVM: beyond guest_phys_size). */
#include "diag.h"
#include "esr.h"
#include "fw.h"

static bool ipa_is_ram(const struct fw *fw, uint64_t ipa)
{
    return ipa >= fw->bp.ram_ipa && ipa - fw->bp.ram_ipa < fw->bp.ram_size;
}

static void do_mmio(struct fw *fw, const struct mmio_access *a)
{
    struct sae_sd *sd = fw->sd;
    uint64_t status, value = 0;
    if (a->write) {
        uint64_t v = mmio_store_value(a, a->rt == 31 ? 0 : sd->gpr[a->rt]);
        STAT_INC(fw, mmio_writes);
        status = hostif_call(SAESIM_DIAG_MMIO_WRITE, a->ipa, a->size, v, 0, 0);
    } else {
        STAT_INC(fw, mmio_reads);
        status = hostif_call(SAESIM_DIAG_MMIO_READ, a->ipa, a->size, 0, 0, &value);
    }
    if (fw->verbose)
        fw_printf("saesim-fw: mmio %s 0x%lx size %u -> status %lu value 0x%lx\n", a->write ? "write" : "read",
                  (unsigned long)a->ipa, a->size, (unsigned long)status, (unsigned long)value);
    if (status != SAESIM_MMIO_OK) {
        vcpu_inject_sea(fw, false, sd->icptd.hai.far, a->write);
        return;
    }
    if (!a->write && a->rt != 31)
        sd->gpr[a->rt] = mmio_load_result(a, value);
    if (a->write)
        timer_mmio_written(fw);
    vcpu_skip_insn(fw);
}

void handle_host_access(struct fw *fw, unsigned icptr)
{
    struct sae_sd *sd = fw->sd;
    const struct sae_hai *hai = &sd->icptd.hai;
    uint64_t esr = hai->esr, ipa = teid_ipa_page(hai->teid);
    unsigned pic = hai->pic & 0x7f;
    bool write = (esr & DABT_WNR) != 0;

    if (icptr == ICPT_ADDR_SIZE) {
        vcpu_inject_sea(fw, ESR_EC(esr) == EC_IABT_LOW, hai->far, write);
        return;
    }
    switch (pic) {
    case 0x10: case 0x11: case 0x38: case 0x39: case 0x3a: case 0x3b:
        break;                                   /* translation fault */
    default:
        fw_fatal("host access interception with PIC 0x%04x (IPA 0x%lx, ESR 0x%lx): stage-2 tables corrupt?",
                 hai->pic, (unsigned long)ipa, (unsigned long)esr);
    }
    if (ipa_is_ram(fw, ipa)) {
        uint64_t real = fw->bp.ram_host + (ipa - fw->bp.ram_ipa);
        int rc = s2_map_segment(&fw->s2, ipa, real);
        if (rc)
            fw_fatal("cannot map guest RAM at IPA 0x%lx (%s)", (unsigned long)ipa,
                     rc == -1 ? "firmware heap exhausted" : "outside the stage-2 range");
        STAT_INC(fw, stage2_maps);
        if (fw->verbose)
            fw_printf("saesim-fw: stage-2 map IPA 0x%lx -> 0x%lx\n", (unsigned long)(ipa & ~0xfffffull),
                      (unsigned long)(real & ~0xfffffull));
        return;
    }
    struct mmio_access a;
    switch (abort_classify(esr, hai->teid, hai->far, &a)) {
    case ABORT_MMIO:
        do_mmio(fw, &a);
        break;
    case ABORT_SKIP:
        vcpu_skip_insn(fw);
        break;
    case ABORT_SEA_INSN:
        vcpu_inject_sea(fw, true, hai->far, false);
        break;
    case ABORT_SEA_DATA:
        if (fw->verbose)
            fw_printf("saesim-fw: abort without syndrome at IPA 0x%lx (ESR 0x%lx): external abort\n",
                      (unsigned long)ipa, (unsigned long)esr);
        vcpu_inject_sea(fw, false, hai->far, write);
        break;
    }
}
