/* The texts of the -M sae debug target (dbg_target_ops.text): PSTATE / PSW decoded, the SAE control
 * block field by field with the last intercept, the TLBs, and translation walks. Every value comes
 * from the architected place (the SD, the loaded context, the host CPU), see debug_sae.c. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/endian.h"
#include "sae/regids.h"
#include "sae/sd.h"
#include "tools/machines/debug_sae_int.h"
#include "tools/machines/debug_text.h"

static void sae_text(struct sae_dbg *d, struct dbg_tb *b)
{
    struct sae_cpu *s = sae(d);
    struct arm_view v;
    if (!sae_dbg_view(d, &v)) {
        dbg_tb_out(b, "No SAE control block yet (the host has not executed SAE).\n");
        return;
    }
    const uint8_t *sd = v.sd;
    dbg_tb_out(b, "SD at real 0x%016" PRIx64 " (%s)\n", v.sd_real,
        sae_dbg_at_sae(d, NULL) ? "the host is at its SAE instruction" : "of the last SAE ending");
    dbg_tb_out(b, "  icptr    0x%02x (%s)\n", sd[SD_ICPTR], sae_dbg_icptr_name(sd[SD_ICPTR]));
    dbg_tb_out(b, "  icptd   ");
    for (unsigned i = 0; i < SD_ICPTD_SIZE; i += 8)
        dbg_tb_out(b, " %016" PRIx64, ld_be64(sd + SD_ICPTD + i));
    dbg_tb_out(b, "\n  pc       0x%016" PRIx64 "\n  pstate   0x%016" PRIx64 "  ", ld_be64(sd + SD_PC),
        ld_be64(sd + SD_PSTATE));
    dbg_arm_flags_text(b, ld_be64(sd + SD_PSTATE));
    dbg_tb_out(b, "\n  sp_el0   0x%016" PRIx64 "  sp_el1 0x%016" PRIx64 "\n", ld_be64(sd + SD_SP_EL0),
        ld_be64(sd + SD_SP_EL1));
    for (unsigned n = 0; n < 31; n++)
        dbg_tb_out(b, "%s x%-2u 0x%016" PRIx64 "%s", n % 4 == 0 ? "  gprs   " : "", n, ld_be64(sd + SD_GPR(n)),
            n % 4 == 3 || n == 30 ? "\n" : "");
    dbg_tb_out(b, "  fpcr     0x%08" PRIx64 "  fpsr 0x%08" PRIx64 "\n", ld_be64(sd + SD_FPCR), ld_be64(sd + SD_FPSR));
    dbg_tb_out(b, "  hbasce   0x%016" PRIx64 "  mso 0x%016" PRIx64 "  msl 0x%016" PRIx64 "\n", ld_be64(sd + SD_HBASCE),
        ld_be64(sd + SD_MSO), ld_be64(sd + SD_MSL));
    dbg_tb_out(b, "  gpto     0x%016" PRIx64 "  sdf %u  scad 0x%" PRIx64 "  sa 0x%016" PRIx64 "\n", ld_be64(sd + SD_GPTO),
        sd[SD_SDF], ld_be64(sd + SD_SCAD), ld_be64(sd + SD_SAVE_AREA));
    dbg_tb_out(b, "  ICH_HCR  0x%016" PRIx64 "  ICH_VMCR 0x%016" PRIx64 "\n  ICH_AP0R0 0x%016" PRIx64 " ICH_AP1R0 0x%016"
        PRIx64 "\n", ld_be64(sd + SD_ICH_HCR), ld_be64(sd + SD_ICH_VMCR), ld_be64(sd + SD_ICH_AP0R0),
        ld_be64(sd + SD_ICH_AP1R0));
    for (unsigned n = 0; n < SD_ICH_NUM_LR; n++)
        dbg_tb_out(b, "  ICH_LR%u  0x%016" PRIx64 "\n", n, ld_be64(sd + SD_ICH_LR(n)));
    dbg_tb_out(b, "  timers   CNTP_CTL 0x%08x CNTP_CVAL 0x%016" PRIx64 "\n           CNTV_CTL 0x%08x CNTV_CVAL 0x%016" PRIx64
        "  CNTFRQ %" PRIu64 "\n", ld_be32(sd + SD_CNTP_CTL), sae_dbg_slot(&v, SAE_SLOT_CNTP_CVAL_EL0),
        ld_be32(sd + SD_CNTV_CTL), sae_dbg_slot(&v, SAE_SLOT_CNTV_CVAL_EL0), sae_dbg_slot(&v, SAE_SLOT_CNTFRQ_EL0));
    dbg_tb_out(b, "  wip      %u  lrcpua 0x%04x  contextidr 0x%" PRIx64 "\n", ld_be32(sd + SD_WIP), ld_be16(sd + SD_LRCPUA),
        ld_be64(sd + SD_CONTEXTIDR_EL1));
    dbg_tb_out(b, "  loaded context: %s\n", s->ctx.valid ? "valid" : "none (state in the save area)");
    if (!s->exits) {
        dbg_tb_out(b, "Last intercept: none yet\n");
        return;
    }
    dbg_tb_out(b, "Last intercept (#%" PRIu64 "): icptr 0x%02x (%s), wip %u, guest pc 0x%016" PRIx64 "\n", s->exits,
        s->last_icptr, sae_dbg_icptr_name(s->last_icptr), s->last_wip, s->last_pc);
    const uint8_t *id = s->last_icptd;
    switch (s->last_icptr) {
    case SAE_ICPT_VALIDITY:
        dbg_tb_out(b, "  vir 0x%04x\n", ld_be16(id));
        break;
    case SAE_ICPT_HOST_ACCESS_EXCEPTION:
    case SAE_ICPT_GUEST_ADDRESS_SIZE:
        dbg_tb_out(b, "  esr_elz 0x%016" PRIx64 " pic 0x%04x teid 0x%016" PRIx64 " far 0x%016" PRIx64 " vaddr 0x%016" PRIx64
            " gltl 0x%02x\n", ld_be64(id), ld_be16(id + 0x0E), ld_be64(id + 0x10), ld_be64(id + 0x18),
            ld_be64(id + 0x20), id[0x30]);
        break;
    case SAE_ICPT_SYNCHRONOUS_EXCEPTION:
        dbg_tb_out(b, "  esr_elz 0x%016" PRIx64 " (EC 0x%02x) far 0x%016" PRIx64 "\n", ld_be64(id),
            (unsigned)(ld_be64(id) >> 26) & 0x3F, ld_be64(id + 0x18));
        break;
    case SAE_ICPT_TIMER:
        dbg_tb_out(b, "  tir 0x%02x%s%s\n", id[0], id[0] & SAE_TIR_PHYS ? " CNTP" : "", id[0] & SAE_TIR_VIRT ? " CNTV" : "");
        break;
    case SAE_ICPT_MAINTENANCE:
        dbg_tb_out(b, "  misr 0x%016" PRIx64 " eisr 0x%016" PRIx64 " elrsr 0x%016" PRIx64 "\n", ld_be64(id), ld_be64(id + 8),
            ld_be64(id + 16));
        break;
    default:
        break;
    }
}

int sae_dbg_text(void *opaque, unsigned ctx, enum dbg_text what, uint64_t arg, char *buf, size_t len)
{
    struct sae_dbg *d = opaque;
    struct dbg_tb b = { buf, len, 0 };
    if (!len)
        return -1;
    buf[0] = 0;
    if (ctx == SAE_DBG_S390 && what != DBG_TEXT_SAE)
        return dbg_s390_text(&b, d->m.cpu, what, arg, "host");
    static const char *const views[] = { "EL0", "EL1", "EL1-PAN" };
    struct arm_view v;
    switch (what) {
    case DBG_TEXT_FLAGS:
        if (!sae_dbg_view(d, &v))
            return -1;
        dbg_arm_flags_text(&b, ld_be64(v.sd + SD_PSTATE));
        return 0;
    case DBG_TEXT_SAE:
        sae_text(d, &b);
        return 0;
    case DBG_TEXT_TLB:
        dbg_tb_out(&b, "Arm guest TLB (emptied at every SAE entry, MD-53: what the last SAE execution cached)\n");
        for (unsigned i = 0; i < ARM64_TLB_VIEWS; i++)
            dbg_tlb_text(&b, &sae(d)->arm->tlb[i], views[i]);
        return 0;
    case DBG_TEXT_XLATE: {
        struct walk_log w = { d, NULL, buf, len, 0 };
        uint64_t abs;
        sae_dbg_logf(&w, "Arm VA 0x%016" PRIx64 " (stage 1 from the guest's SCTLR/TCR/TTBRn_EL1, descriptor reads "
                     "through stage 2)\n", arg);
        if (!sae_dbg_arm_to_abs(d, 0, arg, &abs, &w))
            sae_dbg_logf(&w, "no translation\n");
        return 0;
    }
    }
    return -1;
}

