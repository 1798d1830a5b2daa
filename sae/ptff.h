/* The Arm-domain counter of SAE and PTFF function codes 0x10 (QAGTO) / 0x11 (QAGPT)
 * (sae-architecture §3.7, §7.6; MD-2, MD-36, MD-37).
 *   H(now) = floor(ETOD * 125 / 512) mod 2^64, ETOD = epoch index << 64 | TOD (128-bit arithmetic);
 *   the TOD unit is 2^-12 us, so nanoseconds = TOD * 1000 / 4096 = TOD * 125 / 512.
 *   Guest counter G = (H - gpto) mod 2^64 (CNTVCT = CNTPCT = G, 1 GHz). */
#ifndef SAE_PTFF_H
#define SAE_PTFF_H

#include <stdbool.h>
#include <stdint.h>

typedef unsigned __int128 sae_u128;

#define SAE_PTFF_QAF     0x00u
#define SAE_PTFF_QAGTO   0x10u
#define SAE_PTFF_QAGPT   0x11u

static inline sae_u128 sae_etod(uint8_t epoch_index, uint64_t tod)
{
    return ((sae_u128)epoch_index << 64) | tod;
}

/* H for an extended TOD value. */
static inline uint64_t sae_h_from_etod(sae_u128 etod)
{
    return (uint64_t)((etod * 125u) >> 9);
}

/* QAGTO(in): the offset that makes the guest counter read `in` now; QAGPT(in): the guest counter
 * for offset `in`. Both are out = (H(now) - in) mod 2^64 (MD-37). */
static inline uint64_t sae_qagto(uint64_t h_now, uint64_t in) { return h_now - in; }
static inline uint64_t sae_qagpt(uint64_t h_now, uint64_t in) { return h_now - in; }

static inline uint64_t sae_guest_counter(uint64_t h_now, uint64_t gpto) { return h_now - gpto; }

/* MD-2: with AEF installed the query-available-functions mask (PTFF fc 0, 16 bytes, bit n = fc n,
 * IBM numbering) gains bits 0x10 and 0x11: byte 2 |= 0xC0. */
void sae_ptff_qaf_mask(uint8_t mask[16], bool aef_installed);
/* True when fc is one of the two SAE functions and AEF is installed. */
bool sae_ptff_fc_is_sae(unsigned fc);

/* Perform fc 0x10/0x11 on a 16-byte parameter block (doubleword 0 `in`, doubleword 1 `out`,
 * big-endian). Returns the condition code: 0 performed, 3 not installed (or not an SAE fc). */
int sae_ptff_exec(unsigned fc, uint8_t blk[16], sae_u128 etod_now, bool aef_installed);

/* The earliest ETOD >= etod_now at which the guest counter for `gpto` satisfies G >= cval (the
 * timer condition of §7.6). Returns etod_now if the condition already holds. Needed to arm a host
 * event (clock comparator / vclock deadline) for a guest timer deadline. */
sae_u128 sae_etod_for_counter(sae_u128 etod_now, uint64_t gpto, uint64_t cval);
/* The same as a 64-bit TOD of the current epoch; UINT64_MAX if the deadline lies in a later epoch. */
uint64_t sae_tod_for_counter(uint8_t epoch_index, uint64_t tod_now, uint64_t gpto, uint64_t cval);

#endif
