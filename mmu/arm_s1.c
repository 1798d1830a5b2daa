/* Arm VMSAv8-64 stage 1 (stub: replaced shortly). */
#include "mmu/arm_s1.h"

unsigned arm_s1_fsc(const struct arm_s1_fault *f)
{
    return 0x04u | (unsigned)(f->level & 3);
}

int arm_s1_translate(const struct arm_s1_regs *regs, const struct arm_s1_access *acc,
                     arm_desc_read_fn read_desc, void *opaque,
                     struct arm_s1_result *res, struct arm_s1_fault *fault)
{
    (void)regs; (void)acc; (void)read_desc; (void)opaque; (void)res;
    fault->type = ARM_FAULT_TRANSLATION;
    fault->level = 0;
    fault->s1ptw = false;
    fault->desc_ipa = 0;
    return -1;
}

bool arm_s1_permitted(unsigned prot, const struct arm_s1_access *acc, uint64_t sctlr)
{
    (void)prot; (void)acc; (void)sctlr;
    return false;
}
