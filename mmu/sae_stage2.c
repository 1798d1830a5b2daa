/* SAE stage 2 (stub: replaced shortly). */
#include "mmu/sae_stage2.h"

enum sae_s2_status sae_stage2_translate(const struct sae_stage2 *s2, uint64_t ipa, bool write,
                                        uint64_t *abs, struct sae_s2_fault *fault)
{
    (void)write; (void)abs;
    fault->pic = PIC_SEGMENT_TRANSLATION;
    fault->hostbase = ipa + s2->mso;
    return S2_HOST_ACCESS;
}
