/* Host-access interception data (`hai`, SD 0x400-0x43F) for icptr 0x02 and 0x06, built from a
 * stage-2 fault and a description of the guest access (sae-architecture §6.2, §6.3; MD-45/46/47).
 * Pure functions: no machine state, so the SAE facility and the tests share one definition. */
#ifndef MMU_SAE_HAI_H
#define MMU_SAE_HAI_H

#include <stdbool.h>
#include <stdint.h>

#include "mmu/sae_stage2.h"

/* What the faulting IPA access was. */
enum sae_acc_kind {
    SAE_ACC_IFETCH = 0,   /* instruction fetch */
    SAE_ACC_READ,         /* data read (loads, including pairs, SIMD&FP, LDAR, LDAPR) */
    SAE_ACC_WRITE,        /* data write (stores, including STLR) */
    SAE_ACC_ATOMIC,       /* LD<op>, SWP, CAS */
    SAE_ACC_LDEX,         /* load-exclusive (LDXR family) */
    SAE_ACC_STEX,         /* store-exclusive (STXR family) */
    SAE_ACC_DCZVA,        /* DC ZVA */
    SAE_ACC_CMAINT,       /* data-cache maintenance by VA, IC IVAU */
    SAE_ACC_S1WALK,       /* guest stage-1 descriptor read on behalf of `walk_for` */
};

/* Register information of a load/store, for the ISV syndrome. `single_gpr` is true for the
 * LDR/STR single general-purpose-register forms (any size, signed, unscaled, unprivileged,
 * acquire/release, Rt = 31); false for pairs, SIMD&FP, exclusives and atomics. */
struct sae_ldst_info {
    bool single_gpr;
    bool writeback;       /* pre/post-index: no ISV */
    uint8_t size_log2;    /* 0 byte .. 3 doubleword: SAS */
    bool sign_extend;     /* SSE (loads only) */
    uint8_t rt;           /* SRT */
    bool sf;              /* 64-bit register (Xt) */
    bool acq_rel;         /* AR: LDAR/LDAPR/STLR */
};

struct sae_hai_in {
    enum sae_acc_kind kind;
    enum sae_acc_kind walk_for;  /* for SAE_ACC_S1WALK: the access being translated */
    int walk_level;              /* for SAE_ACC_S1WALK: table level -1..3 */
    struct sae_ldst_info ls;     /* for SAE_ACC_READ / SAE_ACC_WRITE */
    uint64_t ipa;                /* IPA whose stage-2 translation failed */
    uint64_t va;                 /* guest VA of the access (the PC for fetches; the VA being
                                    translated for walks; first byte in the faulting page) */
    enum sae_s2_status status;   /* S2_HOST_ACCESS or S2_ADDRESS_SIZE */
    struct sae_s2_fault s2;      /* pic and hostbase from sae_stage2_translate */
};

struct sae_hai {
    uint8_t icptr;        /* 0x02 or 0x06 */
    uint64_t esr_elz;     /* ESR_EL2-format syndrome */
    uint16_t pic;         /* 0 for icptr 0x06 */
    uint64_t teid;        /* IPA >> 12 in IBM bits 0-51, FSI in bits 52-53 */
    uint64_t far_elz;
    uint64_t vaddr;       /* host-base address (IPA + mso) */
    uint64_t suppl;       /* 0 */
    uint8_t gltl;         /* S1PTW: walk level (0xFF for -1); 0 otherwise */
};

/* ESR fields (Arm ARM D19 ESR_EL2, data/instruction abort ISS). */
#define SAE_EC_IABT_LOW 0x20u
#define SAE_EC_DABT_LOW 0x24u
#define SAE_ESR_IL      (1ULL << 25)
#define SAE_ESR_ISV     (1ULL << 24)
#define SAE_ESR_SSE     (1ULL << 21)
#define SAE_ESR_SF      (1ULL << 15)
#define SAE_ESR_AR      (1ULL << 14)
#define SAE_ESR_CM      (1ULL << 8)
#define SAE_ESR_S1PTW   (1ULL << 7)
#define SAE_ESR_WNR     (1ULL << 6)

/* FSC for a stage-2 result (§6.3 table). */
unsigned sae_hai_fsc(enum sae_s2_status status, uint16_t pic);

/* Build the interception data. */
void sae_hai_build(const struct sae_hai_in *in, struct sae_hai *out);

/* Store `h` into the 64-byte area at SD 0x400 (big-endian, zeroed first: MD-31). */
void sae_hai_store(const struct sae_hai *h, uint8_t area[64]);

#endif
