/* Decoding of the ESR_EL2-format syndromes SAE reports (§6.3): data/instruction aborts of
 * host-access interceptions and trapped system-register accesses. Pure C (unit-tested on the host). */
#ifndef FW_ESR_H
#define FW_ESR_H

#include <stdbool.h>
#include <stdint.h>

#define ESR_EC(esr)      ((unsigned)((esr) >> 26) & 0x3f)
#define ESR_IL           (1ull << 25)
#define EC_UNKNOWN       0x00
#define EC_WFX           0x01
#define EC_HVC64         0x16
#define EC_SMC64         0x17
#define EC_SYS64         0x18
#define EC_IABT_LOW      0x20
#define EC_IABT_CUR      0x21
#define EC_DABT_LOW      0x24
#define EC_DABT_CUR      0x25

/* Data-abort ISS bits (Arm ARM D17.2.37 ESR_EL2, "ISS encoding for an exception from a Data Abort") */
#define DABT_ISV   (1u << 24)
#define DABT_SSE   (1u << 21)
#define DABT_SF    (1u << 15)
#define DABT_CM    (1u << 8)
#define DABT_S1PTW (1u << 7)
#define DABT_WNR   (1u << 6)
#define FSC_SEA    0x10u           /* synchronous external abort, not on a table walk */

/* What to do with a guest abort on an IPA that is not guest RAM (KVM's kvm_handle_guest_abort). */
enum abort_action {
    ABORT_MMIO,          /* emulate through the device models */
    ABORT_SEA_INSN,      /* instruction fetch: inject an instruction abort */
    ABORT_SEA_DATA,      /* S1PTW, or no ISV: inject a data abort */
    ABORT_SKIP,          /* cache maintenance on a device: skip the instruction */
};

struct mmio_access {
    uint64_t ipa;        /* teid page | far[11:0] */
    unsigned size;       /* 1, 2, 4, 8 */
    bool write;
    bool sign_extend;    /* SSE */
    bool sf;             /* 64-bit destination register */
    unsigned rt;         /* 31 = XZR */
};

/* The IPA of the faulting page: TEID IBM bits 0-51 hold IPA >> 12 (§6.2). */
static inline uint64_t teid_ipa_page(uint64_t teid) { return teid & ~0xfffull; }

/* Classify the abort and, for ABORT_MMIO, decode the access. */
enum abort_action abort_classify(uint64_t esr, uint64_t teid, uint64_t far, struct mmio_access *a);

/* The value a load writes into Rt: sign-extension per SSE/SF (Arm ARM: "SSE ... the data item
 * must be sign-extended"); a 32-bit destination clears bits 63:32. */
uint64_t mmio_load_result(const struct mmio_access *a, uint64_t raw);

/* The value a store writes: the low `size` bytes of Xt (XZR = 0). */
uint64_t mmio_store_value(const struct mmio_access *a, uint64_t xt);

/* Trapped MSR/MRS/SYS (EC 0x18) ISS: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5],
 * CRm [4:1], Direction [0] (1 = read). */
struct sys64 {
    unsigned op0, op1, crn, crm, op2, rt;
    bool read;
};
void esr_decode_sys64(uint64_t esr, struct sys64 *s);

#endif
