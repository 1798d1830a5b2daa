/* The CPU model: ONE table of ID-register values (the MD-22 baseline of sae-architecture §3.6, raised
 * only for features this core implements), keyed both by system-register encoding (served to MRS) and
 * by QAAF index (reported to the s390 host by the SAE model's QAAF fc 1). */
#ifndef ARM64_CPU_MODEL_H
#define ARM64_CPU_MODEL_H

#include <stdbool.h>
#include <stdint.h>

struct arm64_model_reg {
    const char *name;
    uint32_t enc;        /* ARM64_SYSREG_ENC(...), 0 = not a system register (QAAF-only value) */
    int qaaf_idx;        /* QAAF fc 1 index, -1 = none */
    uint64_t value;
};

/* The table (for tools/tests). */
const struct arm64_model_reg *arm64_model_table(unsigned *count);
/* Value of QAAF index idx (0 for reserved indexes, as QAAF reports them). */
uint64_t arm64_model_qaaf_value(unsigned qaaf_idx);
/* Value for an ID-space encoding: true and *val if the encoding is in the table. */
bool arm64_model_lookup(uint32_t enc, uint64_t *val);
/* True for encodings in the ID space op0=3 op1=0 CRn=0 CRm=1..7 (reserved ones read as zero). */
bool arm64_model_id_space(uint32_t enc);

/* A few values the core uses directly. */
#define ARM64_MODEL_MIDR 0x000F0000ULL
#define ARM64_MODEL_MPIDR 0x80000000ULL
#define ARM64_MODEL_CNTFRQ 1000000000ULL
#define ARM64_MODEL_DCZID 4ULL            /* BS = 4: 2^4 words = 64-byte DC ZVA blocks */
#define ARM64_MODEL_DCZ_BYTES 64u
#define ARM64_MODEL_PARANGE 5u            /* ID_AA64MMFR0_EL1.PARange: 48 bits */

#endif
