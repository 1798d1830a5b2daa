/* PSCI 1.1 (Arm DEN 0022) and SMCCC 1.1 (Arm DEN 0028) over HVC for a guest with one vCPU, as the
 * firmware's hypervisor offers them (the calls KVM answers: kvm_psci_call / kvm_smccc_call_handler).
 * Pure C: the run loop applies the action. */
#ifndef FW_PSCI_H
#define FW_PSCI_H

#include <stdint.h>

#define PSCI_0_2_FN_BASE          0x84000000u
#define PSCI_0_2_FN64_BASE        0xC4000000u
#define PSCI_FN_VERSION           0x84000000u
#define PSCI_FN_CPU_SUSPEND       0x84000001u
#define PSCI_FN64_CPU_SUSPEND     0xC4000001u
#define PSCI_FN_CPU_OFF           0x84000002u
#define PSCI_FN_CPU_ON            0x84000003u
#define PSCI_FN64_CPU_ON          0xC4000003u
#define PSCI_FN_AFFINITY_INFO     0x84000004u
#define PSCI_FN64_AFFINITY_INFO   0xC4000004u
#define PSCI_FN_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_FN_SYSTEM_OFF        0x84000008u
#define PSCI_FN_SYSTEM_RESET      0x84000009u
#define PSCI_FN_FEATURES          0x8400000Au
#define SMCCC_FN_VERSION          0x80000000u
#define SMCCC_FN_ARCH_FEATURES    0x80000001u
#define SMCCC_FN_WORKAROUND_1     0x80008000u
#define SMCCC_FN_WORKAROUND_2     0x80007FFFu
#define SMCCC_FN_WORKAROUND_3     0x80003FFFu

#define PSCI_RET_SUCCESS          0
#define PSCI_RET_NOT_SUPPORTED    (-1)
#define PSCI_RET_INVALID_PARAMS   (-2)
#define PSCI_RET_DENIED           (-3)
#define PSCI_RET_ALREADY_ON       (-4)
#define PSCI_RET_INTERNAL_FAILURE (-6)
#define SMCCC_RET_NOT_REQUIRED    (-2)

#define PSCI_VERSION_1_1          0x00010001u
#define SMCCC_VERSION_1_1         0x00010001u

enum psci_action {
    PSCI_ACT_NONE,          /* write x0, continue */
    PSCI_ACT_WAIT,          /* CPU_SUSPEND: idle like WFI, then return x0 */
    PSCI_ACT_CPU_OFF,       /* the only vCPU stops: the guest is halted */
    PSCI_ACT_SYSTEM_OFF,
    PSCI_ACT_SYSTEM_RESET,
};

struct psci_result {
    int64_t x0;
    enum psci_action action;
};

/* Handle one call: x0-x3 as the guest passed them, vmpidr = the vCPU's MPIDR_EL1. */
void psci_call(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t vmpidr, struct psci_result *r);

#endif
