/* SAE validity checks (sae-architecture §8, MD-26..MD-29, MD-59): the ten checks in their order. */
#ifndef SAE_VALIDITY_H
#define SAE_VALIDITY_H

#include <stdint.h>

#include "sae/context.h"

/* Returns the vir code of the first failing check, or 0 when the SD is usable (SAE_VIR_UNKNOWN is
 * never produced by these checks, so 0 is unambiguous). sd: the 4 KiB SD image; ctx: this CPU's
 * loaded context; sd_real: SAE's operand; prefix: this CPU's prefix; pa_bits: PARange size of the
 * QAAF ID_AA64MMFR0 value (sae_parange_bits). */
unsigned sae_validity_check(const uint8_t *sd, const struct sae_context *ctx, uint64_t sd_real,
                            uint32_t prefix, unsigned pa_bits);

#endif
