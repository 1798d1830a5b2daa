/* A FAKE debug target for the tools tests: a tiny two-context machine over 64 KiB of memory.
 * Context 0 "arm" executes a handful of real A64 encodings (MOVZ, ADD/SUB imm, LDR/STR X unsigned
 * offset, B, CBNZ, NOP, SVC, HVC = "SAE exit with icptr imm16", HLT = guest end with status imm16);
 * context 1 "s390" executes LGHI, AGHI, BRC and BCR 0 (nopr). Anything else takes an UNDEFINED
 * exception (arm: to VBAR_EL1 + 0x200) or is reported as an operation exception (s390).
 * Arm address spaces: va 0x40000000.. and ipa 0x80000000.. map to abs 0..; s390: real = abs = va. */
#ifndef TESTS_TOOLS_FAKE_TARGET_H
#define TESTS_TOOLS_FAKE_TARGET_H

#include "tools/debug/target.h"

#define FAKE_MEM_SIZE 0x10000
#define FAKE_ARM_VA UINT64_C(0x40000000)
#define FAKE_ARM_IPA UINT64_C(0x80000000)
#define FAKE_ARM_DATA (FAKE_ARM_VA + 0x800)  /* symbol "data": the loop stores x0 here */
#define FAKE_S390_START UINT64_C(0x8000)

/* Register indices of the arm context. */
enum { FA_X0 = 0, FA_SP = 31, FA_PC = 32, FA_CPSR = 33, FA_V0 = 34, FA_FPSR = 66, FA_FPCR = 67,
       FA_SCTLR = 68, FA_VBAR = 69, FA_ESR = 70, FA_ELR = 71, FA_NREGS = 72 };
/* Register indices of the s390 context. */
enum { FS_PSWM = 0, FS_PSWA = 1, FS_R0 = 2, FS_ACR0 = 18, FS_FPC = 34, FS_F0 = 35, FS_CR0 = 51,
       FS_NREGS = 52 };

struct fake_target;

/* A fresh machine with the default programs loaded (see fake_target.c for the listing). */
struct fake_target *fake_target_new(void);
void fake_target_free(struct fake_target *f);
struct dbg_target *fake_target_dbg(struct fake_target *f);
/* Which context run() executes (default 0, arm). */
void fake_target_set_active(struct fake_target *f, unsigned ctx);
uint8_t *fake_target_mem(struct fake_target *f);

/* The default Arm program, for tests that compute expected text. */
extern const uint32_t fake_arm_prog[];
extern const unsigned fake_arm_prog_len;

#endif
