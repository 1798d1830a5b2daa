/* Arm VMSAv8-64 stage-1 translation for the EL1&0 regime (Arm ARM D8 "The AArch64 Virtual Memory
 * System Architecture"). Pure functions over register values: the walker reads descriptors through a
 * callback, so the same code serves the Arm-bare machine (descriptor IPA = PA on the bus) and SAE
 * (every descriptor read is itself a stage-2 translation through the host's DAT tables). */
#ifndef MMU_ARM_S1_H
#define MMU_ARM_S1_H

#include <stdbool.h>
#include <stdint.h>

enum arm_access { ARM_ACC_READ = 0, ARM_ACC_WRITE = 1, ARM_ACC_EXEC = 2 };

/* Register state that defines the regime. */
struct arm_s1_regs {
    uint64_t sctlr;     /* SCTLR_EL1: M (bit 0), WXN (19), SPAN (23), ... */
    uint64_t tcr;       /* TCR_EL1 */
    uint64_t ttbr0;     /* TTBR0_EL1 */
    uint64_t ttbr1;     /* TTBR1_EL1 */
    uint64_t mair;      /* MAIR_EL1 */
    unsigned pa_range;  /* ID_AA64MMFR0_EL1.PARange (0..6) */
    bool hcr_dc;        /* HCR_EL2.DC: behave as if SCTLR_EL1.M = 0 */
};

/* One access to translate. */
struct arm_s1_access {
    uint64_t va;
    enum arm_access type;
    bool unpriv;        /* EL0, or LDTR/STTR at EL1 (checked with EL0 permissions) */
    bool pan;           /* PSTATE.PAN applies to this EL1 access */
};

/* Permission bits computed once per mapping, so a TLB can cache them. */
enum {
    ARM_PROT_R1 = 1u << 0, ARM_PROT_W1 = 1u << 1, ARM_PROT_X1 = 1u << 2,  /* EL1 */
    ARM_PROT_R0 = 1u << 3, ARM_PROT_W0 = 1u << 4, ARM_PROT_X0 = 1u << 5,  /* EL0 */
    ARM_PROT_USER = 1u << 6,   /* AP[1] = 1: EL0 may access (matters for PAN) */
};

struct arm_s1_result {
    uint64_t pa;          /* output address of va */
    uint64_t page_size;   /* bytes mapped by the descriptor (page or block) */
    unsigned prot;        /* ARM_PROT_* */
    uint8_t attrindx;     /* descriptor AttrIndx */
    uint8_t attr;         /* MAIR byte for AttrIndx */
    uint8_t level;        /* level of the final descriptor */
    bool ng;              /* not global: tagged with asid */
    uint16_t asid;        /* ASID of the regime (TCR.A1 selects TTBR0/1, TCR.AS selects 8/16 bits) */
    bool mmu_off;         /* identity mapping because the MMU is disabled */
    uint8_t sh;           /* descriptor SH[1:0] (for PAR_EL1); 0 when the MMU is off */
    bool contiguous;      /* descriptor Contiguous hint (recorded, never required) */
};

enum arm_fault_type {
    ARM_FAULT_NONE = 0,
    ARM_FAULT_ADDRESS_SIZE,   /* FSC 0b0000LL */
    ARM_FAULT_TRANSLATION,    /* FSC 0b0001LL */
    ARM_FAULT_ACCESS_FLAG,    /* FSC 0b0010LL */
    ARM_FAULT_PERMISSION,     /* FSC 0b0011LL */
    ARM_FAULT_WALK_ABORT,     /* the descriptor read callback failed (stage 2 / external abort) */
};

struct arm_s1_fault {
    enum arm_fault_type type;
    int level;              /* -1..3 */
    bool s1ptw;             /* fault on a descriptor read (WALK_ABORT, or stage-2 details) */
    uint64_t desc_ipa;      /* WALK_ABORT: IPA of the descriptor being read */
};

/* Fault status code (ESR ISS DFSC/IFSC) for a stage-1 fault, e.g. translation level 2 = 0b000110.
 * WALK_ABORT maps to synchronous external abort on a walk, 0b0101LL. */
unsigned arm_s1_fsc(const struct arm_s1_fault *f);

/* Reads the 64-bit little-endian descriptor at `ipa` for table `level`. Returns 0, or -1 if the read
 * failed; the callback keeps whatever details it needs (stage-2 fault data). */
typedef int (*arm_desc_read_fn)(void *opaque, uint64_t ipa, int level, uint64_t *desc);

/* Translate acc.va. On success returns 0 and fills res (with res->prot for both ELs); the permission
 * of this access has been checked. On a fault returns -1 and fills fault. */
int arm_s1_translate(const struct arm_s1_regs *regs, const struct arm_s1_access *acc,
                     arm_desc_read_fn read_desc, void *opaque,
                     struct arm_s1_result *res, struct arm_s1_fault *fault);

/* Check an access against cached permissions (TLB hit path uses the same rules as the walk). */
bool arm_s1_permitted(unsigned prot, const struct arm_s1_access *acc, uint64_t sctlr);

/* ---- Helpers added for the CPU model (compatible extensions) ---- */

/* Strip the address tag as TCR_EL1.TBI0/TBI1 require (Arm ARM D8.8 "Address tagging"): when the
 * TBI bit for the half selected by va[55] is set, bits [63:56] become a copy of bit 55. The walker
 * applies this itself to data accesses; the CPU must apply it to branch targets (the PC never holds
 * a tag), and may use it to form FAR values. */
uint64_t arm_s1_strip_tag(uint64_t tcr, uint64_t va);

/* The regime's current ASID (TCR.A1 selects TTBR1/TTBR0, TCR.AS selects 16/8 bits): the natural
 * TLB bank context for the Arm CPU. */
uint16_t arm_s1_asid(const struct arm_s1_regs *regs);

/* PAR_EL1 value for AT S1E1R/W, S1E0R/W (Arm ARM D19 PAR_EL1): success, or a stage-1 fault (F = 1,
 * FST = arm_s1_fsc, PTW = s1ptw, S = 0). `stage2` marks a fault taken at stage 2 during the
 * translation (S = 1; PTW = fault->s1ptw). */
uint64_t arm_s1_par_ok(const struct arm_s1_result *res);
uint64_t arm_s1_par_fault(const struct arm_s1_fault *f, bool stage2);

#endif
