/* PTFF QAGTO/QAGPT and the counter conversions (sae-architecture §3.7, §7.6). */
#include "sae/ptff.h"

#include "core/endian.h"

void sae_ptff_qaf_mask(uint8_t mask[16], bool aef_installed)
{
    if (aef_installed)
        mask[SAE_PTFF_QAGTO / 8] |= (uint8_t)(0x80u >> (SAE_PTFF_QAGTO % 8) | 0x80u >> (SAE_PTFF_QAGPT % 8));
}

bool sae_ptff_fc_is_sae(unsigned fc)
{
    return fc == SAE_PTFF_QAGTO || fc == SAE_PTFF_QAGPT;
}

int sae_ptff_exec(unsigned fc, uint8_t blk[16], sae_u128 etod_now, bool aef_installed)
{
    if (!aef_installed || !sae_ptff_fc_is_sae(fc))
        return 3;
    uint64_t h = sae_h_from_etod(etod_now);
    uint64_t in = ld_be64(blk);
    st_be64(blk + 8, fc == SAE_PTFF_QAGTO ? sae_qagto(h, in) : sae_qagpt(h, in));
    return 0;
}

sae_u128 sae_etod_for_counter(sae_u128 etod_now, uint64_t gpto, uint64_t cval)
{
    uint64_t g = sae_guest_counter(sae_h_from_etod(etod_now), gpto);
    if (g >= cval)
        return etod_now;
    /* Unreduced H at the deadline: floor(now*125/512) + (cval - g). The smallest ETOD with
     * floor(E*125/512) >= target is ceil(target*512/125). */
    sae_u128 target = ((etod_now * 125u) >> 9) + (cval - g);
    sae_u128 e = (target * 512u + 124u) / 125u;
    return e < etod_now ? etod_now : e;
}

uint64_t sae_tod_for_counter(uint8_t epoch_index, uint64_t tod_now, uint64_t gpto, uint64_t cval)
{
    sae_u128 e = sae_etod_for_counter(sae_etod(epoch_index, tod_now), gpto, cval);
    if ((uint64_t)(e >> 64) != epoch_index)
        return UINT64_MAX;
    return (uint64_t)e;
}
