/* Compact binary execution trace (--trace-bin FILE) and its reader.
 *
 * The CPUs call trace_bin_insn() for every executed instruction and trace_bin_event() for exceptions,
 * interruptions and SAE entries/exits, but only when trace_bin_on() is true: with no --trace-bin the
 * cost is one test of a global flag, and a -Dtrace=false build compiles the test away.
 * Records are buffered (64 KiB) and written with fwrite; the offline formatter saesim-trace-fmt turns a
 * file back into one text line per record, with disassembly.
 *
 * File layout (all multi-byte header fields little-endian):
 *   header   "SAESIMTR" (8 bytes), u16 version (1), u16 arch mask (bit 0 AArch64, bit 1 s390x),
 *            u32 reserved (0)
 *   records  one tag byte, then the payload. tag bits 3:0 = kind, bit 4 = arch (0 AArch64, 1 s390x),
 *            bit 5 = pc is sequential (omitted), bit 6 = explicit instruction-count delta follows.
 *     INSN   [sleb128 pc - predicted pc, if bit 5 clear] [uleb128 icount delta, if bit 6]
 *            then the encoding in memory order: AArch64 4 bytes little-endian, s390x 2/4/6 bytes
 *            (length from the first opcode byte).  The predicted pc is the previous pc + its length.
 *     REG    uleb128 register number (enum trace_reg_*), uleb128 value
 *     EVENT  one byte enum trace_event_kind, uleb128 a, uleb128 b
 *     END    (no payload) written by trace_bin_close; a file without it was truncated. */
#ifndef CORE_TRACE_BIN_H
#define CORE_TRACE_BIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "saesim-config.h"

#define TRACE_BIN_MAGIC "SAESIMTR"
#define TRACE_BIN_VERSION 1

enum trace_arch { TRACE_ARCH_AARCH64 = 0, TRACE_ARCH_S390X = 1 };

enum trace_rec_kind { TRACE_REC_INSN = 1, TRACE_REC_REG = 2, TRACE_REC_EVENT = 3, TRACE_REC_END = 15 };

#define TRACE_TAG_KIND 0x0f
#define TRACE_TAG_S390 0x10
#define TRACE_TAG_SEQ 0x20
#define TRACE_TAG_ICOUNT 0x40

/* Register numbers of REG records. AArch64: 0-30 X0-X30, then: */
enum { TRACE_REG_A64_SP = 31, TRACE_REG_A64_PC = 32, TRACE_REG_A64_PSTATE = 33,
       /* s390x: 0-15 R0-R15, then: */
       TRACE_REG_S390_PSWM = 16, TRACE_REG_S390_PSWA = 17 };

enum trace_event_kind {
    TRACE_EV_EXCEPTION = 1,  /* Arm exception taken: a = ESR_ELx, b = target EL */
    TRACE_EV_ERET = 2,       /* Arm exception return: a = new pc, b = SPSR */
    TRACE_EV_INTERRUPT = 3,  /* s390 interruption: a = class (PoP new-PSW location), b = code */
    TRACE_EV_SAE_ENTER = 4,  /* SAE started: a = state-description address */
    TRACE_EV_SAE_EXIT = 5,   /* SAE ended: a = icptr, b = guest pc */
    TRACE_EV_MARK = 6,       /* free-form marker (tests, tools): a, b */
};

extern bool trace_bin_enabled;

#if SAESIM_TRACE
#define trace_bin_on() __builtin_expect(trace_bin_enabled, 0)
#else
#define trace_bin_on() 0
#endif

/* Open FILE for writing. arch_mask: bit 0 AArch64, bit 1 s390x. 0, or -1 with a message. */
int trace_bin_open(const char *path, unsigned arch_mask, char *err, size_t errlen);
/* One executed instruction. insn is the encoding as a number (AArch64: the 32-bit word; s390x: the len
 * bytes as a big-endian integer); len must be 4 for AArch64 and match the s390x opcode length. */
void trace_bin_insn(enum trace_arch arch, uint64_t pc, uint64_t insn, unsigned len);
/* n instructions executed but not traced (folded into the next INSN record's count delta). */
void trace_bin_skip(enum trace_arch arch, uint64_t n);
void trace_bin_reg(enum trace_arch arch, unsigned reg, uint64_t value);
void trace_bin_event(enum trace_event_kind kind, uint64_t a, uint64_t b);
/* Flush, write END, close. Returns 0, or -1 if any write failed. */
int trace_bin_close(void);

/* --- reader (the formatter and tests) ---------------------------------------------------------- */

struct trace_rec {
    enum trace_rec_kind kind;
    enum trace_arch arch;
    uint64_t pc;            /* INSN */
    uint64_t icount;        /* INSN: running instruction count of this arch (1 = first) */
    uint8_t code[6];        /* INSN: bytes in memory order */
    unsigned len;
    unsigned reg;           /* REG */
    uint64_t value;
    enum trace_event_kind event;  /* EVENT */
    uint64_t a, b;
};

struct trace_reader {
    FILE *f;
    unsigned arch_mask;
    uint64_t next_pc[2], icount[2];
    bool ended;
};

/* 0, or -1 with a message (not a trace, wrong version). */
int trace_reader_open(struct trace_reader *r, FILE *f, char *err, size_t errlen);
/* 1 = record read, 0 = clean end (END record), -1 = malformed/truncated (message in err). */
int trace_reader_next(struct trace_reader *r, struct trace_rec *rec, char *err, size_t errlen);
/* One text line for rec (no newline). */
void trace_format_rec(const struct trace_rec *rec, char *out, size_t outlen);
/* The whole formatter: read f, print to out. Returns 0 if the file was read to its END, 1 otherwise. */
int trace_format_file(FILE *f, FILE *out, FILE *errf);

#endif
