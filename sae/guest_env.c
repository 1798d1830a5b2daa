/* The arm64 environment of an SAE guest (docs/sae-model.md §4.2): IPA accesses through SAE stage 2
 * (icptr 0x02 / 0x06 with the `hai` data), exceptions routed to EL2 (icptr 0x03), WFI/WFE waits
 * (icptr 0x00 with wip), the guest counter, and the GICv3 virtual CPU interface; plus moving the
 * guest state between the SD, the loaded context, the host VRs and struct arm64_cpu. */
#include <stddef.h>
#include <string.h>

#include "core/endian.h"
#include "core/log.h"
#include "mmu/sae_hai.h"
#include "sae/el2.h"
#include "sae/ending.h"
#include "sae/ptff.h"
#include "sae/regids.h"
#include "sae/sae_cpu.h"
#include "sae/sd.h"

/* Storage-key bits (PoP ch. 3 "Storage Key": ACC(4) F R C): guest accesses record R and C in the key
 * of the host frame (§7.3.3). */
#define SKEY_R 0x04
#define SKEY_C 0x02

/* Save-area slots <-> fields of struct arm64_cpu. Slots without a field hold state the core does not
 * implement (DISR_EL1, OSLAR_EL1's last value, ZCR_EL1, SCXTNUM, the PAuth keys, DBGPRCR_EL1): they
 * stay in the loaded context unchanged. Values move bit-exactly, without MSR masking (MD-17). */
struct slot_field { uint16_t slot; size_t off; };
#define F(s, field) { (s), offsetof(struct arm64_cpu, field) }
static const struct slot_field slot_fields[] = {
    F(0, sr.actlr), F(1, sr.afsr0), F(2, sr.afsr1), F(3, sr.cntfrq), F(4, sr.cntp_cval),
    F(5, sr.cntv_cval), F(7, el2.vpidr), F(8, sr.oslsr), F(9, sr.par), F(11, sr.sctlr),
    F(12, sr.cpacr), F(13, sr.vbar), F(14, sr.esr), F(15, sr.tcr), F(16, sr.mair), F(17, sr.ttbr0),
    F(18, sr.ttbr1), F(19, sr.far), F(20, sr.tpidr_el0), F(21, sr.tpidr_el1), F(22, sr.tpidrro_el0),
    F(23, sr.cntkctl), F(37, sr.mdscr), F(38, sr.elr), F(39, sr.spsr),
    F(40, el2.hcr), F(41, el2.hcrx), F(42, el2.cptr), F(43, el2.mdcr), F(44, el2.cnthctl),
    F(45, el2.hfgrtr), F(46, el2.hfgwtr), F(47, el2.hfgitr), F(48, el2.hdfgrtr), F(49, el2.hdfgwtr),
    F(50, el2.vsesr), F(51, el2.icc_sre), F(52, el2.vmpidr),
    F(64, sr.amair), F(65, sr.csselr), F(66, sr.mdccint), F(67, sr.osdlr), F(68, sr.oseccr),
    F(69, sr.osdtrrx), F(70, sr.osdtrtx), F(71, sr.dbgclaim),
    F(73, sr.dbgbvr[0]), F(74, sr.dbgbcr[0]), F(75, sr.dbgbvr[1]), F(76, sr.dbgbcr[1]),
    F(77, sr.dbgwvr[0]), F(78, sr.dbgwcr[0]), F(79, sr.dbgwvr[1]), F(80, sr.dbgwcr[1]),
};
#undef F

static uint64_t *field(struct arm64_cpu *a, size_t off)
{
    return (uint64_t *)((char *)a + off);
}

void sae_guest_sync_clock(struct sae_cpu *s)
{
    uint64_t n = s->arm->insn_count - s->accounted;
    if (n) {
        vclock_advance(s->host->clock, n);
        s->accounted += n;
    }
}

uint64_t sae_guest_cnt_now(struct sae_cpu *s)
{
    sae_guest_sync_clock(s);
    return sae_guest_counter(sae_h_from_etod(sae_etod(0, s390_tod_now(s->host))), s->gpto);
}

void sae_guest_timers(struct sae_cpu *s, struct sae_timers *ts)
{
    ts->t[SAE_TIMER_PHYS] = (struct sae_timer){ (uint32_t)s->arm->sr.cntp_ctl, s->arm->sr.cntp_cval };
    ts->t[SAE_TIMER_VIRT] = (struct sae_timer){ (uint32_t)s->arm->sr.cntv_ctl, s->arm->sr.cntv_cval };
}

void sae_guest_update_lines(struct sae_cpu *s)
{
    struct sae_vlines l = sae_vgic_lines(&s->vgic, s->arm->el2.hcr & ~(SAE_HCR_VI | SAE_HCR_VF | SAE_HCR_VSE));
    arm64_set_irq_line(s->arm, ARM64_IRQ, l.irq);
    arm64_set_irq_line(s->arm, ARM64_FIQ, l.fiq);
    arm64_set_irq_line(s->arm, ARM64_SERROR, false);
}

void sae_guest_end_boundary(struct sae_cpu *s, const struct sae_boundary_out *o, uint32_t wip)
{
    if (o->icptr == SAE_ICPT_TIMER)
        sae_sd_put_timer(s->sd, o->tir);
    else if (o->icptr == SAE_ICPT_MAINTENANCE)
        sae_sd_put_maintenance(s->sd, o->misr, o->eisr, o->elrsr);
    else
        sae_sd_icptd_clear(s->sd);
    s->icptd_written = true;
    s->ended = true;
    s->icptr = o->icptr;
    s->wip = wip;
}

void sae_guest_load(struct sae_cpu *s)
{
    struct arm64_cpu *a = s->arm;
    const uint8_t *sd = s->sd;
    for (unsigned n = 0; n < 31; n++)
        a->x[n] = ld_be64(sd + SD_GPR(n));
    a->pc = ld_be64(sd + SD_PC);
    a->sp_el0 = ld_be64(sd + SD_SP_EL0);
    a->sp_el1 = ld_be64(sd + SD_SP_EL1);
    a->fpcr = (uint32_t)ld_be64(sd + SD_FPCR);
    a->fpsr = (uint32_t)ld_be64(sd + SD_FPSR);
    a->sr.cntp_ctl = ld_be32(sd + SD_CNTP_CTL) & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
    a->sr.cntv_ctl = ld_be32(sd + SD_CNTV_CTL) & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
    a->sr.contextidr = ld_be64(sd + SD_CONTEXTIDR_EL1);
    for (size_t i = 0; i < sizeof(slot_fields) / sizeof(slot_fields[0]); i++)
        *field(a, slot_fields[i].off) = s->ctx.regs[slot_fields[i].slot];
    a->el2.cntvoff = 0;                  /* CNTVCT = CNTPCT = G (MD-36) */
    /* MD-41: Arm Vn = VRn as a 128-bit integer; Vn bits 63:0 are VR doubleword element 1. */
    for (unsigned n = 0; n < 32; n++) {
        a->v[n][0] = s->host->vr[n].d[1];
        a->v[n][1] = s->host->vr[n].d[0];
    }
    arm64_set_pstate(a, ld_be64(sd + SD_PSTATE));   /* after el2.hcr: updates the interrupt state */
    a->event_reg = true;                 /* MD-34 */
    a->excl_valid = false;
    a->stop_request = false;
    a->nullified = false;
    arm64_tlb_flush_all(a);              /* nothing cached across SAE executions (MD-53) */
    sae_vgic_load(&s->vgic, sd);
}

static uint32_t ctl_back(uint32_t sd_ctl, uint64_t core_ctl, uint64_t cval, uint64_t g)
{
    struct sae_timer t = { (uint32_t)core_ctl & 3u, cval };
    /* RES0 bits the host wrote are kept; ENABLE/IMASK from the guest; ISTATUS from the condition */
    return (sd_ctl & ~7u) | sae_timer_ctl_readback(&t, g);
}

void sae_guest_store(struct sae_cpu *s)
{
    struct arm64_cpu *a = s->arm;
    uint8_t *sd = s->sd;
    uint64_t g = sae_guest_cnt_now(s);
    for (unsigned n = 0; n < 31; n++)
        st_be64(sd + SD_GPR(n), a->x[n]);
    st_be64(sd + SD_PC, a->pc);
    st_be64(sd + SD_PSTATE, arm64_get_pstate(a));
    st_be64(sd + SD_SP_EL0, a->sp_el0);
    st_be64(sd + SD_SP_EL1, a->sp_el1);
    st_be64(sd + SD_FPCR, a->fpcr);
    st_be64(sd + SD_FPSR, a->fpsr);
    st_be32(sd + SD_CNTP_CTL, ctl_back(ld_be32(sd + SD_CNTP_CTL), a->sr.cntp_ctl, a->sr.cntp_cval, g));
    st_be32(sd + SD_CNTV_CTL, ctl_back(ld_be32(sd + SD_CNTV_CTL), a->sr.cntv_ctl, a->sr.cntv_cval, g));
    st_be64(sd + SD_CONTEXTIDR_EL1, a->sr.contextidr);
    sae_vgic_store(&s->vgic, sd);
    for (size_t i = 0; i < sizeof(slot_fields) / sizeof(slot_fields[0]); i++)
        s->ctx.regs[slot_fields[i].slot] = *field(a, slot_fields[i].off);
    for (unsigned n = 0; n < 32; n++) {
        s->host->vr[n].d[1] = a->v[n][0];
        s->host->vr[n].d[0] = a->v[n][1];
    }
    a->excl_valid = false;               /* ending SAE clears the local exclusive monitor (MD-34) */
    arm64_set_irq_line(a, ARM64_IRQ, false);
    arm64_set_irq_line(a, ARM64_FIQ, false);
}

/* ---- env hooks ---- */

static enum arm64_phys_result g_phys(void *opaque, struct arm64_cpu *cpu, uint64_t ipa, unsigned flags,
                                     const struct arm64_access_info *info, struct arm64_phys *out)
{
    struct sae_cpu *s = opaque;
    unsigned type = flags & ARM64_PHYS_TYPE_MASK;
    bool write = type == ARM64_PHYS_WRITE;
    bool walk = flags & ARM64_PHYS_WALK;
    uint64_t abs;
    struct sae_s2_fault f;
    enum sae_s2_status st = sae_stage2_translate(&s->s2, ipa, write && !walk, &abs, &f);
    if (st == S2_OK) {
        memset(out, 0, sizeof(*out));
        out->host = s->host->ram->host + abs;
        if (!(flags & ARM64_PHYS_DEBUG))    /* debugger accesses record nothing */
            s->host->skeys[abs >> 12] |= SKEY_R | (write ? SKEY_C : 0);
        /* A successful read also proves fetch access (IEP is ignored, MD-44); only a write proves the
         * page is writable, so reads do not grant write permission. */
        out->perm = write ? 7u : 5u;
        return ARM64_PHYS_OK;
    }
    if (flags & ARM64_PHYS_DEBUG)
        return ARM64_PHYS_ABORT;
    (void)cpu;
    uint32_t iss = info ? info->iss : 0;
    unsigned ec = info ? info->ec : (type == ARM64_PHYS_EXEC ? SAE_EC_IABT_LOW : SAE_EC_DABT_LOW);
    /* MD-46: FSI write for writes, atomics, store-exclusives and DC ZVA; fetch for reads, fetches,
     * walks and cache maintenance (CM). */
    bool fsi_write = write && !walk && !(iss & SAE_ESR_CM);
    struct sae_hai h;
    memset(&h, 0, sizeof(h));
    h.icptr = (uint8_t)st;
    h.esr_elz = (uint64_t)ec << 26 | SAE_ESR_IL | iss | sae_hai_fsc(st, f.pic);
    h.pic = f.pic;
    h.teid = sae_teid(ipa, fsi_write ? SAE_TEID_FSI_WRITE : SAE_TEID_FSI_FETCH);
    h.far_elz = info ? info->va : 0;
    h.vaddr = f.hostbase;
    h.gltl = walk && info ? (info->level < 0 ? 0xFF : (uint8_t)info->level) : 0;
    sae_hai_store(&h, s->sd + SD_ICPTD);
    qlog(LOG_SAE, "sae: icptr 0x%02x ipa 0x%016llx pic 0x%04x\n", h.icptr, (unsigned long long)ipa, h.pic);
    s->icptd_written = true;
    s->ended = true;
    s->icptr = h.icptr;
    s->wip = 0;
    return ARM64_PHYS_NULLIFY;
}

static void g_el2(void *opaque, struct arm64_cpu *cpu, const struct arm64_el2_event *ev)
{
    struct sae_cpu *s = opaque;
    /* FAR is reported only for watchpoint-type events (MD-45) */
    sae_sd_put_trap(s->sd, ev->esr, ev->far_valid ? ev->far : 0);
    qlog(LOG_SAE, "sae: icptr 0x03 esr 0x%016llx pc 0x%016llx\n", (unsigned long long)ev->esr,
         (unsigned long long)cpu->pc);
    s->icptd_written = true;
    s->ended = true;
    s->icptr = SAE_ICPT_SYNCHRONOUS_EXCEPTION;
    s->wip = 0;
    arm64_request_stop(cpu, 0);
}

/* Called only for a WFx that would wait, after the core's trap checks (§7.7). */
static bool g_wfx(void *opaque, struct arm64_cpu *cpu, bool is_wfe)
{
    struct sae_cpu *s = opaque;
    struct sae_timers ts;
    sae_guest_timers(s, &ts);
    struct sae_boundary_in in = { s390_interrupt_pending_enabled(s->host), &s->vgic, &ts,
                                  sae_guest_cnt_now(s), cpu->el2.hcr, arm64_get_pstate(cpu) };
    struct sae_boundary_out o;
    if (sae_boundary_ending(&in, &o)) {
        sae_guest_end_boundary(s, &o, SAE_WIP_NONE);    /* a physical wake-up event */
    } else {
        o.icptr = SAE_ICPT_SPURIOUS;
        sae_guest_end_boundary(s, &o, is_wfe ? SAE_WIP_WFE : SAE_WIP_WFI);
    }
    arm64_request_stop(cpu, 0);
    return false;
}

static uint64_t g_counter(void *opaque)
{
    return sae_guest_cnt_now(opaque);
}

static enum arm64_icc_result g_icc(void *opaque, struct arm64_cpu *cpu, uint32_t enc, bool is_read,
                                   uint64_t *val)
{
    struct sae_cpu *s = opaque;
    int pintid;
    enum sae_vgic_result r = sae_vgic_sysreg(&s->vgic, cpu->el2.hcr, cpu->el2.icc_sre, (uint16_t)enc,
                                             is_read, val, &pintid);
    switch (r) {
    case SAE_VGIC_HANDLED:
        sae_guest_update_lines(s);
        /* The interface state may have changed (acknowledge, EOI, PMR...): re-check the boundary
         * conditions (maintenance, timer link) before the next instruction. */
        arm64_request_stop(cpu, 0);
        return ARM64_ICC_HANDLED;
    case SAE_VGIC_TRAP:
        return ARM64_ICC_TRAP_EL2;
    default:
        return ARM64_ICC_UNDEFINED;
    }
}

const struct arm64_env sae_guest_env = {
    .phys = g_phys,
    .el2_exception = g_el2,
    .wfx = g_wfx,
    .counter = g_counter,
    .icc = g_icc,
    .hlt = NULL,
};
