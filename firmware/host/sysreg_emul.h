/* Emulation of the system-register accesses that the firmware's HCR_EL2 traps (§7.2, §10 "Exit
 * dispatch" EC 0x18): the ID registers (TID3) from the QAAF fc 1 values, CTR_EL0 / CCSIDR_EL1 /
 * CLIDR_EL1 / CSSELR_EL1 (TID2) with a fixed cache geometry, REVIDR_EL1 / AIDR_EL1 (TID1), and the
 * SGI-generation registers (always trapped, MD-49). Pure C (unit-tested on the host). */
#ifndef FW_SYSREG_EMUL_H
#define FW_SYSREG_EMUL_H

#include <stdint.h>

#include "esr.h"

enum sysreg_result {
    SYSREG_DONE,        /* emulated: for a read, *value is the result for Rt */
    SYSREG_UNDEF,       /* inject UNDEFINED */
};

/* What the emulation may consult and change. */
struct sysreg_ctx {
    const uint8_t *qmc;    /* QAAF fc 1 block, big-endian (regs[idx] at 0x10 + 8 idx) */
    uint64_t *csselr;      /* CSSELR_EL1, held in software */
    uint64_t sgi_writes;   /* count of ignored ICC_SGI*R_EL1 writes */
};

/* The fixed cache hierarchy reported to the guest: split 32 KiB 4-way L1, unified 1 MiB 16-way L2,
 * 64-byte lines (consistent with the QAAF CTR_EL0 value's 64-byte IminLine/DminLine). */
#define EMUL_CLIDR        0x0A200023ull  /* LoUU 1, LoC 2, LoUIS 1, Ctype2 unified, Ctype1 split */
#define EMUL_CCSIDR_L1    ((127ull << 13) | (3ull << 3) | 2ull)
#define EMUL_CCSIDR_L2    ((1023ull << 13) | (15ull << 3) | 2ull)

/* QAAF index of an ID register (op0 3, op1 0, CRn 0, CRm 0-7), or -1. */
int sysreg_qaaf_index(const struct sys64 *s);

/* The emulated register's name ("ID register" for the ID space), or NULL if it is not emulated. */
const char *sysreg_name(const struct sys64 *s);

/* Emulate the access; `wval` is the value of Rt for a write. */
enum sysreg_result sysreg_emulate(struct sysreg_ctx *c, const struct sys64 *s, uint64_t wval, uint64_t *value);

#endif
