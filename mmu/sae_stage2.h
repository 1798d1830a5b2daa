/* SAE stage 2: an Arm IPA becomes a host absolute address (sae-architecture.md §7.3):
 * LIPA check against msl (icptr 0x06), host-base = IPA + mso, then standard z/Architecture DAT
 * through hbasce (icptr 0x02 on any DAT exception), then prefixing. */
#ifndef MMU_SAE_STAGE2_H
#define MMU_SAE_STAGE2_H

#include <stdbool.h>
#include <stdint.h>

#include "mmu/s390_dat.h"

struct sae_stage2 {
    uint64_t hbasce, mso, msl;
    struct s390_dat_opts dat;
    s390_entry_read_fn read_entry;  /* host storage, absolute */
    void *opaque;
    uint64_t storage_size;          /* absolute addresses >= this give PIC_ADDRESSING */
};

enum sae_s2_status { S2_OK = 0, S2_HOST_ACCESS = 0x02, S2_ADDRESS_SIZE = 0x06 };

struct sae_s2_fault {
    uint16_t pic;       /* 0 for S2_ADDRESS_SIZE */
    uint64_t hostbase;  /* IPA + mso */
};

/* Last valid IPA by MD-26: (msl - 1) | 0xFFFFF. */
static inline uint64_t sae_lipa(uint64_t msl) { return (msl - 1) | 0xFFFFFULL; }

/* Translate ipa. `write` selects DAT protection. Returns S2_OK with *abs set, or the icptr class. */
enum sae_s2_status sae_stage2_translate(const struct sae_stage2 *s2, uint64_t ipa, bool write,
                                        uint64_t *abs, struct sae_s2_fault *fault);

#endif
