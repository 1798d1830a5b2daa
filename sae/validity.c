/* The validity checks of SAE, in the order of sae-architecture §8. */
#include "sae/validity.h"

#include "core/endian.h"
#include "mmu/s390_dat.h"
#include "mmu/sae_stage2.h"
#include "sae/el2.h"
#include "sae/regids.h"
#include "sae/sd.h"


/* PSTATE.M in SPSR layout: M[4] selects AArch32; M[3:0] EL0t 0b0000, EL1t 0b0100, EL1h 0b0101. */
static int pstate_mode_ok(uint64_t pstate)
{
    unsigned m = pstate & 0x1F;
    return m == 0x0 || m == 0x4 || m == 0x5;
}

unsigned sae_validity_check(const uint8_t *sd, const struct sae_context *ctx, uint64_t sd_real,
                            uint32_t prefix, unsigned pa_bits)
{
    if (sd[SD_SDF] != 0)
        return SAE_VIR_UNSUPP_FORMAT;
    if (ld_be64(sd + SD_SCAD) != 0)
        return SAE_VIR_SCA;

    /* HLC: the SD must designate (through save_area, a real address) the SA whose context is loaded
     * on this CPU, and that context must not name another SD. */
    uint64_t save_area = ld_be64(sd + SD_SAVE_AREA);
    if ((save_area & 0xFFF) || !ctx->valid || ctx->sa_abs != s390_prefix(save_area, prefix) ||
        (ctx->sdo != 0 && ctx->sdo != sd_real))
        return SAE_VIR_HLC;

    if (sd[SD_IRQ_CTL] != 0)
        return SAE_VIR_IRPTC;

    uint64_t msl = ld_be64(sd + SD_MSL), mso = ld_be64(sd + SD_MSO);
    if (msl == 0)
        return SAE_VIR_MSLA;
    if (mso & 0xFFFFF)
        return SAE_VIR_MSO_ALIGN;
    uint64_t lipa = sae_lipa(msl);
    if (lipa > UINT64_MAX - mso)
        return SAE_VIR_MSO_BOUNDS;
    if (pa_bits < 64 && lipa >= (1ull << pa_bits))
        return SAE_VIR_MGPAS;

    uint64_t hcr = ctx->regs[SAE_SLOT_HCR_EL2];
    if (!(hcr & SAE_HCR_RW) || !(hcr & SAE_HCR_E2H) || (hcr & SAE_HCR_TGE))
        return SAE_VIR_HOST_CONTROL;

    if (!pstate_mode_ok(ld_be64(sd + SD_PSTATE)))
        return SAE_VIR_INVAL_SYSREG;
    return 0;
}
