/* The A64 decode table: one declared entry per instruction (or small family), matched by mask/match,
 * first match wins in table order. Each entry carries the metadata the executor, the tracer, the debug
 * shell and a later translation cache need. Encodings follow Arm ARM C4.1 "A64 instruction set
 * encoding"; the patterns are written as 32-character bit strings (bit 31 first; '0'/'1' fixed, any
 * other character a don't-care) so they can be checked line by line against the Arm ARM tables. */
#ifndef ARM64_DECODE_H
#define ARM64_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arm64_cpu;

typedef void (*arm64_exec_fn)(struct arm64_cpu *cpu, uint32_t insn);

enum arm64_class {
    ARM64_C_UNALLOC = 0,   /* unallocated / not implemented: UNDEFINED */
    ARM64_C_DP_IMM,        /* data processing, immediate */
    ARM64_C_DP_REG,        /* data processing, register */
    ARM64_C_BRANCH,
    ARM64_C_EXCEPTION,     /* SVC HVC SMC BRK HLT, ERET */
    ARM64_C_SYSTEM,        /* MRS MSR SYS hints barriers */
    ARM64_C_LDST,          /* single and pair loads/stores */
    ARM64_C_LDST_EXCL,     /* exclusives, acquire/release, CAS/CASP */
    ARM64_C_ATOMIC,        /* LSE LD<op>/SWP */
    ARM64_C_FPSIMD,        /* FP/AdvSIMD (trap-checked; data processing UNDEFINED for now) */
};

/* Operand-field metadata: which fields name registers read / written. */
enum {
    ARM64_RD_W = 1u << 0,    /* Rd [4:0] written */
    ARM64_RD_R = 1u << 1,    /* Rd read (MOVK) */
    ARM64_RN_R = 1u << 2,    /* Rn [9:5] read */
    ARM64_RN_W = 1u << 3,    /* Rn written back (pre/post index) */
    ARM64_RM_R = 1u << 4,    /* Rm [20:16] read */
    ARM64_RT_R = 1u << 5,    /* Rt [4:0] read (stores, CBZ, TBZ, MSR) */
    ARM64_RT_W = 1u << 6,    /* Rt written (loads, MRS) */
    ARM64_RT2_R = 1u << 7,   /* Rt2 [14:10] read */
    ARM64_RT2_W = 1u << 8,   /* Rt2 written */
    ARM64_RA_R = 1u << 9,    /* Ra [14:10] read */
    ARM64_RS_R = 1u << 10,   /* Rs [20:16] read (CAS compare value, LD<op> operand) */
    ARM64_RS_W = 1u << 11,   /* Rs written (STXR status, CAS result) */
    ARM64_RD_SP = 1u << 12,  /* Rd = 31 means SP (else XZR) */
    ARM64_RN_SP = 1u << 13,  /* Rn = 31 means SP (else XZR) */
    ARM64_X30_W = 1u << 14,  /* writes X30 (BL, BLR) */
    ARM64_NZCV_R = 1u << 15, /* reads the flags */
};

/* Flags. */
enum {
    ARM64_F_EL1 = 1u << 0,       /* privileged: UNDEFINED at EL0 */
    ARM64_F_ENDS_BB = 1u << 1,   /* may change the PC other than to PC+4 (branch, exception, ERET,
                                    and system instructions that change translation or PSTATE) */
    ARM64_F_LOAD = 1u << 2,
    ARM64_F_STORE = 1u << 3,
    ARM64_F_NZCV_W = 1u << 4,    /* sets the flags */
    ARM64_F_SIZE_FIELD = 1u << 5,/* access size is 1 << insn[31:30] (overrides `size`) */
};

struct arm64_insn {
    const char *pattern;   /* 32 chars, bit 31 first */
    const char *name;      /* mnemonic (family) */
    arm64_exec_fn exec;
    uint8_t cls;           /* enum arm64_class */
    uint8_t size;          /* memory access size in bytes (per register), 0 = none */
    uint16_t flags;        /* ARM64_F_* */
    uint32_t regs;         /* ARM64_R*_* */
    uint32_t mask, match;  /* derived from `pattern` at start-up */
};

/* Decode one instruction word. Never NULL: unallocated encodings return the "unallocated" entry
 * (class ARM64_C_UNALLOC), whose exec raises UNDEFINED. */
const struct arm64_insn *arm64_decode(uint32_t insn);
static inline bool arm64_insn_unallocated(const struct arm64_insn *e) { return e->cls == ARM64_C_UNALLOC; }

/* Metadata accessors. */
static inline const char *arm64_insn_name(const struct arm64_insn *e) { return e->name; }
static inline enum arm64_class arm64_insn_class(const struct arm64_insn *e) { return (enum arm64_class)e->cls; }
static inline bool arm64_insn_privileged(const struct arm64_insn *e) { return e->flags & ARM64_F_EL1; }
static inline bool arm64_insn_ends_bb(const struct arm64_insn *e) { return e->flags & ARM64_F_ENDS_BB; }
/* Memory access size in bytes of one register transfer (0 if the instruction does not access
 * memory). */
unsigned arm64_insn_access_size(const struct arm64_insn *e, uint32_t insn);

/* Register numbers read and written by `insn` (0-30 = Xn, 31 = SP or XZR as the entry says, 32 = SP
 * explicitly, 33 = NZCV). Returns counts via *nr / *nw; arrays need 8 slots each. */
enum { ARM64_REG_SP = 32, ARM64_REG_NZCV = 33 };
void arm64_insn_regs(const struct arm64_insn *e, uint32_t insn, uint8_t *rd, unsigned *nr,
                     uint8_t *wr, unsigned *nw);

/* The whole table (for tests and tools): *count entries. */
const struct arm64_insn *arm64_decode_table(unsigned *count);

/* Disassembly hook for core/disas.h: names what Capstone 4 cannot (returns 0 otherwise). */
unsigned arm64_disas_hook(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen);

#endif
