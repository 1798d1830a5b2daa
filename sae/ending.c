/* SD interception-data writers (sae-architecture §6.2). */
#include "sae/ending.h"

#include <string.h>

#include "core/endian.h"
#include "mmu/sae_hai.h"
#include "sae/sd.h"

void sae_sd_icptd_clear(uint8_t *sd)
{
    memset(sd + SD_ICPTD, 0, SD_ICPTD_SIZE);
}

void sae_sd_put_validity(uint8_t *sd, uint16_t vir)
{
    sae_sd_icptd_clear(sd);
    st_be16(sd + SD_VIR, vir);
}

void sae_sd_put_hai(uint8_t *sd, const struct sae_hai *h)
{
    sae_hai_store(h, sd + SD_ICPTD);
}

void sae_sd_put_trap(uint8_t *sd, uint64_t esr, uint64_t far)
{
    sae_sd_icptd_clear(sd);
    st_be64(sd + SD_TRAP_ESR_ELZ, esr);
    st_be64(sd + SD_TRAP_FAR_ELZ, far);
}

void sae_sd_put_timer(uint8_t *sd, uint8_t tir)
{
    sae_sd_icptd_clear(sd);
    sd[SD_TIR] = tir;
}

void sae_sd_put_maintenance(uint8_t *sd, uint64_t misr, uint64_t eisr, uint64_t elrsr)
{
    sae_sd_icptd_clear(sd);
    st_be64(sd + SD_MNT_MISR, misr);
    st_be64(sd + SD_MNT_EISR, eisr);
    st_be64(sd + SD_MNT_ELRSR, elrsr);
}

void sae_sd_finish(uint8_t *sd, uint8_t icptr, uint32_t wip, uint16_t lrcpua)
{
    st_be32(sd + SD_WIP, wip);
    st_be16(sd + SD_LRCPUA, lrcpua);
    sd[SD_ICPTR] = icptr;
}

void sae_sd_end_validity(uint8_t *sd, uint16_t vir, uint16_t lrcpua)
{
    sae_sd_put_validity(sd, vir);
    sae_sd_finish(sd, SAE_ICPT_VALIDITY, 0, lrcpua);
}
