/* Disassembly for traces and the debugger: Capstone for AArch64 and SystemZ, with a per-architecture
 * hook consulted first so saesim's own decode tables can name what Capstone 4 does not know (the SAE
 * family: SAE, LASRM, STIASRM, SASR, EASR, QAAF). */
#ifndef CORE_DISAS_H
#define CORE_DISAS_H

#include <stddef.h>
#include <stdint.h>

enum disas_arch { DISAS_AARCH64, DISAS_S390X };

/* A hook returns the instruction length in bytes and writes "mnemonic operands" to out, or returns
 * 0 to let Capstone try. */
typedef unsigned (*disas_hook_fn)(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen);
void disas_set_hook(enum disas_arch arch, disas_hook_fn fn);

/* Disassemble one instruction at `code` (guest address addr). Returns its length (>= 1 for s390x,
 * 4 for AArch64); writes "mnemonic operands" or ".long 0x..." / ".byte ..." when unknown. */
unsigned disas_one(enum disas_arch arch, uint64_t addr, const uint8_t *code, size_t len,
                   char *out, size_t outlen);
void disas_shutdown(void);

#endif
