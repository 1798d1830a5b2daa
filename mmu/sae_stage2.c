/* SAE stage 2 (sae-architecture §7.3): IPA -> host-base address -> host real (DAT through hbasce)
 * -> host absolute (prefixing of the executing CPU). The LIPA check comes first and needs no
 * table access (§7.3.1); any DAT exception, or an absolute address outside configured storage, is a
 * host-access exception (§7.3.3). */
#include "mmu/sae_stage2.h"

enum sae_s2_status sae_stage2_translate(const struct sae_stage2 *s2, uint64_t ipa, bool write,
                                        uint64_t *abs, struct sae_s2_fault *fault)
{
    uint64_t hb = ipa + s2->mso;
    fault->hostbase = hb;
    fault->pic = 0;
    if (ipa > sae_lipa(s2->msl))
        return S2_ADDRESS_SIZE;

    struct s390_dat_result r;
    struct s390_dat_fault f;
    if (s390_dat_translate(s2->hbasce, hb, write, &s2->dat, s2->read_entry, s2->opaque, &r,
                           &f) != 0) {
        fault->pic = f.pic;
        return S2_HOST_ACCESS;
    }
    /* EDAT frames are absolute already; page frames and real-space results are real. */
    uint64_t a = r.absolute ? r.real : s390_prefix(r.real, s2->dat.prefix);
    if (a >= s2->storage_size) {
        fault->pic = PIC_ADDRESSING;
        return S2_HOST_ACCESS;
    }
    *abs = a;
    return S2_OK;
}
