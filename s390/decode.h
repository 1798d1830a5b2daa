/* z/Architecture instruction decoding as data (PoP ch. 5 "Instruction Formats", appendix B).
 *
 * Every instruction is one `struct s390_insn` row: opcode, mnemonic, format, execution function and
 * metadata (registers read/written, storage operand, privilege, CC, block end). The rows live next to
 * their semantics, one array per instruction class (s390/exec_*.c); s390_decode_init() merges them with
 * the rows registered at run time (s390_register_insn: the SAE facility adds its six opcodes this way)
 * into one 64 Ki-entry lookup indexed by (first opcode byte, extended opcode). Execution, tracing,
 * the disassembler hook and the debugger all read the same rows. */
#ifndef S390_DECODE_H
#define S390_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct s390_cpu;

enum s390_fmt {
    FMT_E, FMT_I, FMT_RR, FMT_RRE, FMT_RRFa, FMT_RRFb, FMT_RRFc, FMT_RRFd, FMT_RRFe,
    FMT_RXa, FMT_RXb, FMT_RXE, FMT_RXF, FMT_RXYa, FMT_RXYb, FMT_RSa, FMT_RSb, FMT_RSYa, FMT_RSYb,
    FMT_RSI, FMT_RIa, FMT_RIb, FMT_RIc,
    FMT_RIEa, FMT_RIEb, FMT_RIEc, FMT_RIEd, FMT_RIEe, FMT_RIEf, FMT_RIEg, FMT_RIEh,
    FMT_RILa, FMT_RILb, FMT_RILc, FMT_RIS, FMT_RRS, FMT_S, FMT_SI, FMT_SIY, FMT_SIL,
    FMT_SSa, FMT_SSb, FMT_SSc, FMT_SSd, FMT_SSe, FMT_SSf, FMT_SSE, FMT_SSF,
    FMT_VRIa, FMT_VRIb, FMT_VRIc, FMT_VRId, FMT_VRIe,
    FMT_VRRa, FMT_VRRb, FMT_VRRc, FMT_VRRd, FMT_VRRe, FMT_VRRf,
    FMT_VRSa, FMT_VRSb, FMT_VRSc, FMT_VRV, FMT_VRX,
    FMT_COUNT
};

/* Decoded operand fields. Register, mask and length fields are as in the instruction (vector
 * register fields include their RXB bit); displacements are sign-extended for long-displacement
 * formats; immediates are raw (unsigned, field width): handlers sign-extend where PoP says so. */
struct s390_args {
    uint8_t r1, r2, r3;       /* also M1 in RX-b/RI-c/RIL-c (r1) */
    uint8_t m3, m4, m5, m6;
    uint8_t x2, b1, b2, b4;
    uint8_t v1, v2, v3, v4;
    uint8_t l1, l2;           /* SS lengths (SS-a: l1 = L) */
    int32_t d1, d2, d4;
    uint64_t i2, i3, i4, i5;
    unsigned ilen;            /* 2, 4 or 6 */
    uint64_t raw;             /* instruction, left-justified in 48 bits */
};

typedef void (*s390_exec_fn)(struct s390_cpu *c, const struct s390_args *a);

/* Metadata flags (struct s390_insn.flags). */
#define IF_R1_R     (1u << 0)   /* reads GR R1 */
#define IF_R1_W     (1u << 1)   /* writes GR R1 */
#define IF_R1_PAIR  (1u << 2)   /* R1 designates an even-odd pair */
#define IF_R2_R     (1u << 3)
#define IF_R2_W     (1u << 4)
#define IF_R2_PAIR  (1u << 5)
#define IF_R3_R     (1u << 6)
#define IF_R3_W     (1u << 7)
#define IF_R3_PAIR  (1u << 8)
#define IF_RANGE    (1u << 9)   /* R1 through R3 (LM/STM family) */
#define IF_FPR      (1u << 10)  /* register fields name FPRs, not GPRs */
#define IF_VR       (1u << 11)  /* register fields name vector registers */
#define IF_PRIV     (1u << 12)  /* privileged (supervisor state only) */
#define IF_SETS_CC  (1u << 13)
#define IF_USES_CC  (1u << 14)
#define IF_BRANCH   (1u << 15)  /* may change the PSW address other than sequentially: ends a block */
#define IF_ENDS_BLOCK (1u << 16) /* changes PSW/translation state (LPSW, SSM, SPX, SVC...) */
#define IF_MEM_R    (1u << 17)  /* fetches a storage operand */
#define IF_MEM_W    (1u << 18)  /* stores a storage operand */
#define IF_MEM2     (1u << 19)  /* second storage operand (SS formats) */
#define IF_R0_R     (1u << 20)  /* implicit use of GR0 (e.g. SRST, STFLE, PTFF) */
#define IF_R1I_R    (1u << 21)  /* implicit use of GR1 */
#define IF_MODE     (1u << 22)  /* AFP/vector enablement applies (FP: AFP registers; VR: CR0.46) */
#define IF_CREG     (1u << 23)  /* R1/R3 name control registers (LCTL, STCTG...) */
#define IF_AREG     (1u << 24)  /* R1/R3 name access registers (LAM, STAM) */

#define MEMSZ_VAR 0xff          /* operand length given by the instruction or registers */

struct s390_insn {
    uint16_t opcode;          /* first byte << 8 | extended opcode (0 for one-byte opcodes) */
    const char *mnemonic;
    enum s390_fmt fmt;
    s390_exec_fn exec;
    uint32_t flags;
    uint8_t memsz;            /* storage operand size in bytes, MEMSZ_VAR, or 0 */
};

/* Format names ("RRE", "RIE-h"...). */
const char *s390_fmt_name(enum s390_fmt f);
/* Instruction length from the two leftmost opcode bits (PoP "Instruction Format"). */
static inline unsigned s390_ilen(uint8_t op0) { return op0 < 0x40 ? 2 : op0 < 0xC0 ? 4 : 6; }
/* The opcode key (first byte << 8 | extension) of the instruction at code (ilen bytes). */
uint16_t s390_opcode_key(const uint8_t *code);

/* Build the lookup (idempotent; s390_cpu_init calls it). */
void s390_decode_init(void);
/* Add or replace rows (e.g. the SAE family). The array must stay valid. Returns 0, or -1 if a row's
 * format does not match the opcode's extension position. Re-running s390_decode_init keeps them. */
int s390_register_insn(const struct s390_insn *rows, size_t n);
/* Decode the instruction in code[0..ilen) (code holds at least s390_ilen(code[0]) bytes). Returns
 * the row (args filled) or NULL if the opcode is unassigned in this model. */
const struct s390_insn *s390_decode(const uint8_t *code, struct s390_args *args);
/* Changes whenever rows are registered (decode caches compare it). */
unsigned s390_decode_generation(void);
/* Row for an opcode key, or NULL. */
const struct s390_insn *s390_lookup(uint16_t key);
/* "mnemonic operands" in assembler syntax. Returns the length, or 0 for an unknown opcode. */
unsigned s390_disas(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen);
/* Install s390_disas as the core/disas.h hook for DISAS_S390X. */
void s390_disas_register(void);
/* Iterate over every known row (for docs/tests): calls fn for each. */
void s390_for_each_insn(void (*fn)(const struct s390_insn *row, void *opaque), void *opaque);

/* The per-class tables (s390/exec_*.c). */
extern const struct s390_insn s390_insns_general[];
extern const size_t s390_insns_general_count;
extern const struct s390_insn s390_insns_branch[];
extern const size_t s390_insns_branch_count;
extern const struct s390_insn s390_insns_string[];
extern const size_t s390_insns_string_count;
extern const struct s390_insn s390_insns_fp[];
extern const size_t s390_insns_fp_count;
extern const struct s390_insn s390_insns_vector[];
extern const size_t s390_insns_vector_count;
extern const struct s390_insn s390_insns_vfp[];
extern const size_t s390_insns_vfp_count;
extern const struct s390_insn s390_insns_cond[];
extern const size_t s390_insns_cond_count;
extern const struct s390_insn s390_insns_control[];
extern const size_t s390_insns_control_count;

#endif
