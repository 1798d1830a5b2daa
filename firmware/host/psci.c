/* PSCI / SMCCC handling (see psci.h). */
#include "psci.h"

#include <stdbool.h>

/* MPIDR affinity fields Aff3 [39:32], Aff2 [23:16], Aff1 [15:8], Aff0 [7:0]. */
#define MPIDR_AFF_MASK 0xff00ffffffull

static bool is_our_cpu(uint64_t target, uint64_t vmpidr, bool smc64, unsigned level)
{
    uint64_t mask = MPIDR_AFF_MASK;
    if (!smc64)
        target &= 0xffffffffull;
    /* AFFINITY_INFO's lowest_affinity_level: ignore the affinity fields below it. */
    static const uint64_t level_mask[4] = { 0, 0xff, 0xffff, 0xffffff };
    if (level < 4)
        mask &= ~level_mask[level];
    return (target & mask) == (vmpidr & mask);
}

static bool psci_supported(uint32_t fid)
{
    switch (fid) {
    case PSCI_FN_VERSION:
    case PSCI_FN_CPU_SUSPEND:
    case PSCI_FN64_CPU_SUSPEND:
    case PSCI_FN_CPU_OFF:
    case PSCI_FN_CPU_ON:
    case PSCI_FN64_CPU_ON:
    case PSCI_FN_AFFINITY_INFO:
    case PSCI_FN64_AFFINITY_INFO:
    case PSCI_FN_MIGRATE_INFO_TYPE:
    case PSCI_FN_SYSTEM_OFF:
    case PSCI_FN_SYSTEM_RESET:
    case PSCI_FN_FEATURES:
    case SMCCC_FN_VERSION:
        return true;
    default:
        return false;
    }
}

void psci_call(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t vmpidr, struct psci_result *r)
{
    uint32_t fid = (uint32_t)x0;          /* SMCCC: the function ID is W0 */
    bool smc64 = (fid & 0x40000000u) != 0;
    (void)x3;
    r->x0 = PSCI_RET_NOT_SUPPORTED;
    r->action = PSCI_ACT_NONE;
    switch (fid) {
    case PSCI_FN_VERSION:
        r->x0 = PSCI_VERSION_1_1;
        break;
    case PSCI_FN_CPU_SUSPEND:
    case PSCI_FN64_CPU_SUSPEND:
        /* Every power state is treated as standby: wait for a wake-up event, return SUCCESS. */
        r->x0 = PSCI_RET_SUCCESS;
        r->action = PSCI_ACT_WAIT;
        break;
    case PSCI_FN_CPU_OFF:
        r->x0 = PSCI_RET_DENIED;          /* only reached if the stop is refused */
        r->action = PSCI_ACT_CPU_OFF;
        break;
    case PSCI_FN_CPU_ON:
    case PSCI_FN64_CPU_ON:
        r->x0 = is_our_cpu(x1, vmpidr, smc64, 0) ? PSCI_RET_ALREADY_ON : PSCI_RET_INVALID_PARAMS;
        break;
    case PSCI_FN_AFFINITY_INFO:
    case PSCI_FN64_AFFINITY_INFO: {
        unsigned level = (unsigned)(smc64 ? x2 : (uint32_t)x2);
        if (level > 3)
            r->x0 = PSCI_RET_INVALID_PARAMS;
        else
            r->x0 = is_our_cpu(x1, vmpidr, smc64, level) ? 0 /* ON */ : PSCI_RET_INVALID_PARAMS;
        break;
    }
    case PSCI_FN_MIGRATE_INFO_TYPE:
        r->x0 = 2;                        /* no Trusted OS: migration not required */
        break;
    case PSCI_FN_SYSTEM_OFF:
        r->x0 = PSCI_RET_INTERNAL_FAILURE; /* if the power-off were to return (as KVM) */
        r->action = PSCI_ACT_SYSTEM_OFF;
        break;
    case PSCI_FN_SYSTEM_RESET:
        r->x0 = PSCI_RET_INTERNAL_FAILURE;
        r->action = PSCI_ACT_SYSTEM_RESET;
        break;
    case PSCI_FN_FEATURES:
        /* CPU_SUSPEND's feature flags are 0: original power_state format, no OS-initiated mode. */
        r->x0 = psci_supported((uint32_t)x1) ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
        break;
    case SMCCC_FN_VERSION:
        r->x0 = SMCCC_VERSION_1_1;
        break;
    case SMCCC_FN_ARCH_FEATURES:
        switch ((uint32_t)x1) {
        case SMCCC_FN_ARCH_FEATURES:
            r->x0 = PSCI_RET_SUCCESS;
            break;
        case SMCCC_FN_WORKAROUND_1:
        case SMCCC_FN_WORKAROUND_2:
        case SMCCC_FN_WORKAROUND_3:
            /* The guest core reports CSV2 = CSV3 = 1 (QAAF ID_AA64PFR0): not affected. */
            r->x0 = SMCCC_RET_NOT_REQUIRED;
            break;
        default:
            r->x0 = PSCI_RET_NOT_SUPPORTED;
            break;
        }
        break;
    default:
        break;
    }
}
