/* One SAE guest access, VA -> host absolute (sae-architecture §7.3): the guest's stage 1 with every
 * descriptor read translated by stage 2 (FSI fetch, §7.3.2; descriptors are little-endian
 * doublewords in host storage), then stage 2 of the output IPA. The two kinds of failure differ:
 * a stage-1 fault is the guest's (an exception taken at EL1), a stage-2 fault ends SAE (icptr 0x02
 * or 0x06) with the `hai` inputs already filled. */
#ifndef MMU_SAE_XLATE_H
#define MMU_SAE_XLATE_H

#include "mmu/arm_s1.h"
#include "mmu/sae_hai.h"
#include "mmu/sae_stage2.h"

enum sae_xlate_status {
    SAE_X_OK = 0,
    SAE_X_STAGE1 = 1,   /* out.s1_fault: guest abort (never WALK_ABORT: those become STAGE2) */
    SAE_X_STAGE2 = 2,   /* out.hai: pass to sae_hai_build after filling hai.ls for ISV */
};

struct sae_xlate {
    struct arm_s1_result s1;      /* stage-1 result (also for the TLB: prot, attr, asid, nG) */
    uint64_t ipa;                 /* s1.pa */
    uint64_t abs;                 /* host absolute address of the byte */
    struct arm_s1_fault s1_fault;
    struct sae_hai_in hai;
};

/* `kind` describes the access for the syndrome; acc->type must be ARM_ACC_WRITE for accesses that
 * need write permission at stage 2 (writes, atomics, store-exclusives, DC ZVA). */
enum sae_xlate_status sae_translate(const struct arm_s1_regs *regs, const struct arm_s1_access *acc,
                                    enum sae_acc_kind kind, const struct sae_stage2 *s2,
                                    struct sae_xlate *out);

#endif
