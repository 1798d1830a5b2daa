/* Writing the end of an SAE execution into the SD (sae-architecture §3.2 step 4, §6.2, MD-31, MD-32,
 * MD-55): interception data at 0x400-0x43F (zeroed first), then wip, lrcpua and finally icptr. */
#ifndef SAE_ENDING_H
#define SAE_ENDING_H

#include <stdint.h>

/* The `hai` layout of icptr 0x02 / 0x06 is built and stored by mmu/sae_hai.h (sae_hai_build,
 * sae_hai_store); sae_sd_put_hai() stores it at 0x400. */
struct sae_hai;

/* TEID from an IPA and an FSI value (SAE_TEID_FSI_WRITE / _FETCH): IPA >> 12 in IBM bits 0-51. */
static inline uint64_t sae_teid(uint64_t ipa, unsigned fsi)
{
    return (ipa & ~0xFFFull) | ((uint64_t)(fsi & 3) << 10);
}

void sae_sd_icptd_clear(uint8_t *sd);
void sae_sd_put_validity(uint8_t *sd, uint16_t vir);
void sae_sd_put_hai(uint8_t *sd, const struct sae_hai *h);
void sae_sd_put_trap(uint8_t *sd, uint64_t esr, uint64_t far);
void sae_sd_put_timer(uint8_t *sd, uint8_t tir);
void sae_sd_put_maintenance(uint8_t *sd, uint64_t misr, uint64_t eisr, uint64_t elrsr);
/* Last step of every ending: wip, lrcpua, then icptr. */
void sae_sd_finish(uint8_t *sd, uint8_t icptr, uint32_t wip, uint16_t lrcpua);

/* A complete validity ending (§8): nothing but icptd, wip, lrcpua and icptr changes. */
void sae_sd_end_validity(uint8_t *sd, uint16_t vir, uint16_t lrcpua);

#endif
