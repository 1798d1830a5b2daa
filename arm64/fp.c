/* FP/AdvSIMD: the access check (CPACR_EL1.FPEN, CPTR_EL2.FPEN; EC 0x07) applies now; data processing
 * and structure loads/stores are not implemented yet (a later issue) and are UNDEFINED with LOG_UNIMP.
 * Scalar and pair loads/stores of S/D/Q registers are implemented in ldst.c. */
#include "arm64/internal.h"

void exec_fp_unimp(struct arm64_cpu *c, uint32_t insn)
{
    if (!arm64_fp_access_ok(c))
        return;
    arm64_unimp(c, insn, "FP/AdvSIMD instruction");
}
