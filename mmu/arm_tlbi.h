/* Arm TLB maintenance for the EL1&0 regime (Arm ARM D8.13 "TLB maintenance instructions"; C5.5
 * "A64 system instructions for TLB maintenance"): decoding of TLBI <op>{IS,OS} and the ARMv8.4
 * range forms, and their effect on a CPU's software TLB banks. The architecture allows
 * over-invalidation, so by-VA operations drop the page in every bank (that also covers global
 * entries, which are refilled per bank) and ASID operations drop that ASID's bank.
 *
 * Bank contexts follow the convention context = (ctx_hi << 16) | ASID, where ctx_hi is whatever
 * else the CPU folds into a context (0 on arm64-bare; an SAE-specific tag under SAE). */
#ifndef MMU_ARM_TLBI_H
#define MMU_ARM_TLBI_H

#include <stdbool.h>
#include <stdint.h>

#include "mmu/tlb.h"

enum arm_tlbi_scope {
    ARM_TLBI_ALL,             /* VMALLE1 */
    ARM_TLBI_ASID,            /* ASIDE1 */
    ARM_TLBI_VA,              /* VAE1, VALE1: VA + ASID */
    ARM_TLBI_VA_ALL_ASID,     /* VAAE1, VAALE1 */
    ARM_TLBI_RANGE,           /* RVAE1, RVALE1 (FEAT_TLBIRANGE) */
    ARM_TLBI_RANGE_ALL_ASID,  /* RVAAE1, RVAALE1 */
};

struct arm_tlbi_op {
    enum arm_tlbi_scope scope;
    bool last_level;          /* the L forms: only leaf entries need to go (we drop more) */
    bool broadcast;           /* IS/OS: every PE in the shareability domain */
    bool range;               /* needs FEAT_TLBIRANGE (ARMv8.4) */
    bool outer;               /* OS forms: FEAT_TLBIOS (ARMv8.4) */
    const char *name;
};

/* Decode a SYS instruction with op0 = 1, CRn = 8 (the EL1 TLBI space: op1 = 0). Returns false for
 * encodings that are not an EL1&0 TLBI (the CPU makes them UNDEFINED or handles EL2 forms). */
bool arm_tlbi_decode(unsigned op1, unsigned crn, unsigned crm, unsigned op2, struct arm_tlbi_op *op);

/* VA named by a by-VA TLBI operand: Xt[43:0] = VA[55:12], sign-extended from bit 55. */
uint64_t arm_tlbi_va(uint64_t xt);

/* Range operand (Arm ARM D8.13.x "Range-based TLBI"): ASID[63:48], TG[47:46] (1 4K, 2 16K, 3 64K),
 * SCALE[45:44], NUM[43:39], TTL[38:37], BaseADDR[36:0] in granules. Returns false for TG = 0
 * (reserved: the caller then invalidates everything). */
bool arm_tlbi_range(uint64_t xt, uint64_t *base, uint64_t *len);

/* Apply to `nsets` TLB sets (all the sets of this PE, plus those of the other PEs for broadcast
 * forms). `asid16` is TCR_EL1.AS (8-bit ASIDs otherwise: Xt[63:56] ignored). */
void arm_tlbi_apply(struct tlb_set *const *sets, unsigned nsets, const struct arm_tlbi_op *op,
                    uint64_t xt, bool asid16, uint64_t ctx_hi);

#endif
