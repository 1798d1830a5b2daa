/* The A64 decode table (Arm ARM C4.1 "A64 instruction set encoding" and the encoding tables of C4.1.x).
 * Entries are tried in order, first match wins, so more specific encodings come before the general
 * form they refine. Anything that matches no entry is unallocated (UNDEFINED). Constraints that are
 * awkward to express as fixed bits (invalid bitmask immediates, reserved field values) are checked by
 * the exec function, which then raises UNDEFINED as well. */
#include "arm64/decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arm64/internal.h"

#define I(pat, nm, fn, cl, sz, fl, rg) { pat, nm, fn, cl, sz, fl, rg, 0, 0 }

/* register-use shorthands */
#define DNM (ARM64_RD_W | ARM64_RN_R | ARM64_RM_R)
#define DN (ARM64_RD_W | ARM64_RN_R)
#define DN_SP (ARM64_RD_W | ARM64_RD_SP | ARM64_RN_R | ARM64_RN_SP)
#define LD_R (ARM64_RT_W | ARM64_RN_R | ARM64_RN_SP)
#define ST_R (ARM64_RT_R | ARM64_RN_R | ARM64_RN_SP)
#define WB ARM64_RN_W

#define DPI ARM64_C_DP_IMM
#define DPR ARM64_C_DP_REG
#define BR ARM64_C_BRANCH
#define EXC ARM64_C_EXCEPTION
#define SYS ARM64_C_SYSTEM
#define LS ARM64_C_LDST
#define LSX ARM64_C_LDST_EXCL
#define ATO ARM64_C_ATOMIC
#define FPS ARM64_C_FPSIMD
#define UNA ARM64_C_UNALLOC

#define F_BB ARM64_F_ENDS_BB
#define F_LD ARM64_F_LOAD
#define F_ST ARM64_F_STORE
#define F_NZ ARM64_F_NZCV_W
#define F_SZ ARM64_F_SIZE_FIELD
#define F_EL1 ARM64_F_EL1

/* Single-register loads/stores (C4.1.66 "Load/store register ..."): one row per size/opc, for one
 * addressing mode: B2524 = bits [25:24], REST = bits [21:0]. */
#define LS_SINGLE(B2524, REST, FN, LDR, STR, W)                                                     \
    I("00" "111" "0" B2524 "00" REST, STR "b", FN, LS, 1, F_ST, ST_R | W),                              \
    I("00" "111" "0" B2524 "01" REST, LDR "b", FN, LS, 1, F_LD, LD_R | W),                              \
    I("00" "111" "0" B2524 "10" REST, LDR "sb", FN, LS, 1, F_LD, LD_R | W),                             \
    I("00" "111" "0" B2524 "11" REST, LDR "sb", FN, LS, 1, F_LD, LD_R | W),                             \
    I("01" "111" "0" B2524 "00" REST, STR "h", FN, LS, 2, F_ST, ST_R | W),                              \
    I("01" "111" "0" B2524 "01" REST, LDR "h", FN, LS, 2, F_LD, LD_R | W),                              \
    I("01" "111" "0" B2524 "10" REST, LDR "sh", FN, LS, 2, F_LD, LD_R | W),                             \
    I("01" "111" "0" B2524 "11" REST, LDR "sh", FN, LS, 2, F_LD, LD_R | W),                             \
    I("10" "111" "0" B2524 "00" REST, STR, FN, LS, 4, F_ST, ST_R | W),                                  \
    I("10" "111" "0" B2524 "01" REST, LDR, FN, LS, 4, F_LD, LD_R | W),                                  \
    I("10" "111" "0" B2524 "10" REST, LDR "sw", FN, LS, 4, F_LD, LD_R | W),                             \
    I("11" "111" "0" B2524 "00" REST, STR, FN, LS, 8, F_ST, ST_R | W),                                  \
    I("11" "111" "0" B2524 "01" REST, LDR, FN, LS, 8, F_LD, LD_R | W),                                  \
    I("xx" "111" "1" B2524 "xx" REST, LDR "/" STR " (simd&fp)", FN, FPS, 0, F_LD | F_ST,                \
      ARM64_RN_R | ARM64_RN_SP | W)

#define REST_UIMM "xxxxxxxxxxxx" "xxxxx" "xxxxx"
#define REST_UNSC "0" "xxxxxxxxx" "00" "xxxxx" "xxxxx"
#define REST_POST "0" "xxxxxxxxx" "01" "xxxxx" "xxxxx"
#define REST_UNPR "0" "xxxxxxxxx" "10" "xxxxx" "xxxxx"
#define REST_PRE "0" "xxxxxxxxx" "11" "xxxxx" "xxxxx"
#define REST_REG "1" "xxxxx" "xxx" "x" "10" "xxxxx" "xxxxx"

/* LSE atomic memory operations (C4.1.66, "Atomic memory operations"): size 111 0 00 A R 1 Rs o3 opc 00. */
#define ATOMIC(o3opc, nm) \
    I("xx" "111" "0" "00" "x" "x" "1" "xxxxx" o3opc "00" "xxxxx" "xxxxx", nm, exec_atomic, ATO, 0, \
      F_LD | F_ST | F_SZ, ARM64_RS_R | ARM64_RT_W | ARM64_RN_R | ARM64_RN_SP)

static struct arm64_insn table[] = {
    /* ---- reserved: UDF (C6.2.386) ---- */
    I("0000000000000000" "xxxxxxxxxxxxxxxx", "udf", exec_unalloc, UNA, 0, 0, 0),

    /* ---- data processing, immediate (C4.1.86) ---- */
    I("0" "xx" "10000" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "adr", exec_adr, DPI, 0, 0, ARM64_RD_W),
    I("1" "xx" "10000" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "adrp", exec_adr, DPI, 0, 0, ARM64_RD_W),
    I("x" "00" "100010" "x" "xxxxxxxxxxxx" "xxxxx" "xxxxx", "add", exec_addsub_imm, DPI, 0, 0, DN_SP),
    I("x" "01" "100010" "x" "xxxxxxxxxxxx" "xxxxx" "xxxxx", "adds", exec_addsub_imm, DPI, 0, F_NZ,
      DN | ARM64_RN_SP),
    I("x" "10" "100010" "x" "xxxxxxxxxxxx" "xxxxx" "xxxxx", "sub", exec_addsub_imm, DPI, 0, 0, DN_SP),
    I("x" "11" "100010" "x" "xxxxxxxxxxxx" "xxxxx" "xxxxx", "subs", exec_addsub_imm, DPI, 0, F_NZ,
      DN | ARM64_RN_SP),
    I("x" "00" "100100" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "and", exec_logic_imm, DPI, 0, 0,
      ARM64_RD_W | ARM64_RD_SP | ARM64_RN_R),
    I("x" "01" "100100" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "orr", exec_logic_imm, DPI, 0, 0,
      ARM64_RD_W | ARM64_RD_SP | ARM64_RN_R),
    I("x" "10" "100100" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "eor", exec_logic_imm, DPI, 0, 0,
      ARM64_RD_W | ARM64_RD_SP | ARM64_RN_R),
    I("x" "11" "100100" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "ands", exec_logic_imm, DPI, 0, F_NZ, DN),
    I("x" "00" "100101" "xx" "xxxxxxxxxxxxxxxx" "xxxxx", "movn", exec_movw, DPI, 0, 0, ARM64_RD_W),
    I("x" "10" "100101" "xx" "xxxxxxxxxxxxxxxx" "xxxxx", "movz", exec_movw, DPI, 0, 0, ARM64_RD_W),
    I("x" "11" "100101" "xx" "xxxxxxxxxxxxxxxx" "xxxxx", "movk", exec_movw, DPI, 0, 0,
      ARM64_RD_W | ARM64_RD_R),
    I("x" "00" "100110" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "sbfm", exec_bitfield, DPI, 0, 0, DN),
    I("x" "01" "100110" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "bfm", exec_bitfield, DPI, 0, 0,
      DN | ARM64_RD_R),
    I("x" "10" "100110" "x" "xxxxxx" "xxxxxx" "xxxxx" "xxxxx", "ubfm", exec_bitfield, DPI, 0, 0, DN),
    I("x" "00" "100111" "x" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "extr", exec_extr, DPI, 0, 0, DNM),

    /* ---- branches, exception generation, system (C4.1.65) ---- */
    I("000101" "xxxxxxxxxxxxxxxxxxxxxxxxxx", "b", exec_b, BR, 0, F_BB, 0),
    I("100101" "xxxxxxxxxxxxxxxxxxxxxxxxxx", "bl", exec_b, BR, 0, F_BB, ARM64_X30_W),
    I("x" "011010" "0" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "cbz", exec_cbz, BR, 0, F_BB, ARM64_RT_R),
    I("x" "011010" "1" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "cbnz", exec_cbz, BR, 0, F_BB, ARM64_RT_R),
    I("x" "011011" "0" "xxxxx" "xxxxxxxxxxxxxx" "xxxxx", "tbz", exec_tbz, BR, 0, F_BB, ARM64_RT_R),
    I("x" "011011" "1" "xxxxx" "xxxxxxxxxxxxxx" "xxxxx", "tbnz", exec_tbz, BR, 0, F_BB, ARM64_RT_R),
    I("0101010" "0" "xxxxxxxxxxxxxxxxxxx" "0" "xxxx", "b.cond", exec_bcond, BR, 0, F_BB, ARM64_NZCV_R),
    I("11010100" "000" "xxxxxxxxxxxxxxxx" "000" "01", "svc", exec_svc, EXC, 0, F_BB, 0),
    I("11010100" "000" "xxxxxxxxxxxxxxxx" "000" "10", "hvc", exec_hvc, EXC, 0, F_BB | F_EL1, 0),
    I("11010100" "000" "xxxxxxxxxxxxxxxx" "000" "11", "smc", exec_smc, EXC, 0, F_BB | F_EL1, 0),
    I("11010100" "001" "xxxxxxxxxxxxxxxx" "000" "00", "brk", exec_brk, EXC, 0, F_BB, 0),
    I("11010100" "010" "xxxxxxxxxxxxxxxx" "000" "00", "hlt", exec_hlt, EXC, 0, F_BB, 0),
    I("1101011" "0000" "11111" "000000" "xxxxx" "00000", "br", exec_br, BR, 0, F_BB, ARM64_RN_R),
    I("1101011" "0001" "11111" "000000" "xxxxx" "00000", "blr", exec_br, BR, 0, F_BB,
      ARM64_RN_R | ARM64_X30_W),
    I("1101011" "0010" "11111" "000000" "xxxxx" "00000", "ret", exec_br, BR, 0, F_BB, ARM64_RN_R),
    I("1101011" "0100" "11111" "000000" "11111" "00000", "eret", exec_eret, EXC, 0, F_BB | F_EL1, 0),
    /* hints (C6.2.109 HINT): unallocated hints execute as NOP */
    I("11010101000000110010" "0000" "000" "11111", "nop", exec_hint, SYS, 0, 0, 0),
    I("11010101000000110010" "0000" "001" "11111", "yield", exec_hint, SYS, 0, 0, 0),
    I("11010101000000110010" "0000" "010" "11111", "wfe", exec_hint, SYS, 0, F_BB, 0),
    I("11010101000000110010" "0000" "011" "11111", "wfi", exec_hint, SYS, 0, F_BB, 0),
    I("11010101000000110010" "0000" "100" "11111", "sev", exec_hint, SYS, 0, 0, 0),
    I("11010101000000110010" "0000" "101" "11111", "sevl", exec_hint, SYS, 0, 0, 0),
    I("11010101000000110010" "xxxx" "xxx" "11111", "hint", exec_hint, SYS, 0, 0, 0),
    I("11010101000000110011" "xxxx" "010" "11111", "clrex", exec_clrex, SYS, 0, 0, 0),
    I("11010101000000110011" "xxxx" "100" "11111", "dsb", exec_barrier, SYS, 0, 0, 0),
    I("11010101000000110011" "xxxx" "101" "11111", "dmb", exec_barrier, SYS, 0, 0, 0),
    I("11010101000000110011" "xxxx" "110" "11111", "isb", exec_barrier, SYS, 0, F_BB, 0),
    I("1101010100000" "xxx" "0100" "xxxx" "xxx" "11111", "msr (imm)", exec_msr_imm, SYS, 0, F_BB, 0),
    I("1101010100" "0" "01" "xxx" "xxxx" "xxxx" "xxx" "xxxxx", "sys", exec_sys, SYS, 0, F_BB,
      ARM64_RT_R),
    I("1101010100" "1" "01" "xxx" "xxxx" "xxxx" "xxx" "xxxxx", "sysl", exec_sys, SYS, 0, 0, ARM64_RT_W),
    I("1101010100" "1" "1" "x" "xxx" "xxxx" "xxxx" "xxx" "xxxxx", "mrs", exec_mrs_msr, SYS, 0, 0,
      ARM64_RT_W),
    I("1101010100" "0" "1" "x" "xxx" "xxxx" "xxxx" "xxx" "xxxxx", "msr", exec_mrs_msr, SYS, 0, F_BB,
      ARM64_RT_R),

    /* ---- loads and stores (C4.1.66) ---- */
    /* exclusives, acquire/release, compare and swap: size 001000 o2 L o1 Rs o0 Rt2 Rn Rt */
    I("xx" "001000" "0" "0" "0" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "stxr", exec_excl, LSX, 0, F_ST | F_SZ,
      ST_R | ARM64_RS_W),
    I("xx" "001000" "0" "0" "0" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "stlxr", exec_excl, LSX, 0, F_ST | F_SZ,
      ST_R | ARM64_RS_W),
    I("xx" "001000" "0" "1" "0" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "ldxr", exec_excl, LSX, 0, F_LD | F_SZ,
      LD_R),
    I("xx" "001000" "0" "1" "0" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "ldaxr", exec_excl, LSX, 0, F_LD | F_SZ,
      LD_R),
    I("1x" "001000" "0" "0" "1" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "stxp", exec_excl_pair, LSX, 0,
      F_ST | F_SZ, ST_R | ARM64_RT2_R | ARM64_RS_W),
    I("1x" "001000" "0" "0" "1" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "stlxp", exec_excl_pair, LSX, 0,
      F_ST | F_SZ, ST_R | ARM64_RT2_R | ARM64_RS_W),
    I("1x" "001000" "0" "1" "1" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "ldxp", exec_excl_pair, LSX, 0,
      F_LD | F_SZ, LD_R | ARM64_RT2_W),
    I("1x" "001000" "0" "1" "1" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "ldaxp", exec_excl_pair, LSX, 0,
      F_LD | F_SZ, LD_R | ARM64_RT2_W),
    I("0x" "001000" "0" "0" "1" "xxxxx" "0" "11111" "xxxxx" "xxxxx", "casp", exec_casp, LSX, 0,
      F_LD | F_ST, ST_R | ARM64_RT_W | ARM64_RS_R | ARM64_RS_W),
    I("0x" "001000" "0" "0" "1" "xxxxx" "1" "11111" "xxxxx" "xxxxx", "caspl", exec_casp, LSX, 0,
      F_LD | F_ST, ST_R | ARM64_RT_W | ARM64_RS_R | ARM64_RS_W),
    I("0x" "001000" "0" "1" "1" "xxxxx" "0" "11111" "xxxxx" "xxxxx", "caspa", exec_casp, LSX, 0,
      F_LD | F_ST, ST_R | ARM64_RT_W | ARM64_RS_R | ARM64_RS_W),
    I("0x" "001000" "0" "1" "1" "xxxxx" "1" "11111" "xxxxx" "xxxxx", "caspal", exec_casp, LSX, 0,
      F_LD | F_ST, ST_R | ARM64_RT_W | ARM64_RS_R | ARM64_RS_W),
    I("xx" "001000" "1" "0" "0" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "stlr", exec_ldar_stlr, LSX, 0,
      F_ST | F_SZ, ST_R),
    I("xx" "001000" "1" "1" "0" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "ldar", exec_ldar_stlr, LSX, 0,
      F_LD | F_SZ, LD_R),
    I("xx" "001000" "1" "0" "1" "xxxxx" "0" "11111" "xxxxx" "xxxxx", "cas", exec_cas, LSX, 0,
      F_LD | F_ST | F_SZ, ST_R | ARM64_RS_R | ARM64_RS_W),
    I("xx" "001000" "1" "0" "1" "xxxxx" "1" "11111" "xxxxx" "xxxxx", "casl", exec_cas, LSX, 0,
      F_LD | F_ST | F_SZ, ST_R | ARM64_RS_R | ARM64_RS_W),
    I("xx" "001000" "1" "1" "1" "xxxxx" "0" "11111" "xxxxx" "xxxxx", "casa", exec_cas, LSX, 0,
      F_LD | F_ST | F_SZ, ST_R | ARM64_RS_R | ARM64_RS_W),
    I("xx" "001000" "1" "1" "1" "xxxxx" "1" "11111" "xxxxx" "xxxxx", "casal", exec_cas, LSX, 0,
      F_LD | F_ST | F_SZ, ST_R | ARM64_RS_R | ARM64_RS_W),

    /* load register (literal): opc 011 V 00 imm19 Rt */
    I("00" "011" "0" "00" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "ldr (lit)", exec_ld_lit, LS, 4, F_LD, ARM64_RT_W),
    I("01" "011" "0" "00" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "ldr (lit)", exec_ld_lit, LS, 8, F_LD, ARM64_RT_W),
    I("10" "011" "0" "00" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "ldrsw (lit)", exec_ld_lit, LS, 4, F_LD, ARM64_RT_W),
    I("11" "011" "0" "00" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "prfm (lit)", exec_ld_lit, LS, 0, 0, 0),
    I("0x" "011" "1" "00" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "ldr (lit, simd&fp)", exec_ld_lit, FPS, 0, F_LD, 0),
    I("10" "011" "1" "00" "xxxxxxxxxxxxxxxxxxx" "xxxxx", "ldr (lit, simd&fp)", exec_ld_lit, FPS, 16, F_LD, 0),

    /* load/store pair: opc 101 V 0 type L imm7 Rt2 Rn Rt */
    I("01" "101" "0" "0" "00" "x" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "unallocated", exec_unalloc, UNA, 0, 0, 0),
    I("01" "101" "0" "0" "xx" "0" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "unallocated", exec_unalloc, UNA, 0, 0, 0),
    I("x0" "101" "0" "0" "00" "0" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "stnp", exec_ldst_pair, LS, 0,
      F_ST, ST_R | ARM64_RT2_R),
    I("x0" "101" "0" "0" "00" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldnp", exec_ldst_pair, LS, 0,
      F_LD, LD_R | ARM64_RT2_W),
    I("x0" "101" "0" "0" "01" "0" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "stp (post)", exec_ldst_pair, LS, 0,
      F_ST, ST_R | ARM64_RT2_R | WB),
    I("x0" "101" "0" "0" "01" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldp (post)", exec_ldst_pair, LS, 0,
      F_LD, LD_R | ARM64_RT2_W | WB),
    I("x0" "101" "0" "0" "10" "0" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "stp", exec_ldst_pair, LS, 0,
      F_ST, ST_R | ARM64_RT2_R),
    I("x0" "101" "0" "0" "10" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldp", exec_ldst_pair, LS, 0,
      F_LD, LD_R | ARM64_RT2_W),
    I("x0" "101" "0" "0" "11" "0" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "stp (pre)", exec_ldst_pair, LS, 0,
      F_ST, ST_R | ARM64_RT2_R | WB),
    I("x0" "101" "0" "0" "11" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldp (pre)", exec_ldst_pair, LS, 0,
      F_LD, LD_R | ARM64_RT2_W | WB),
    I("01" "101" "0" "0" "01" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldpsw (post)", exec_ldst_pair, LS, 4,
      F_LD, LD_R | ARM64_RT2_W | WB),
    I("01" "101" "0" "0" "10" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldpsw", exec_ldst_pair, LS, 4,
      F_LD, LD_R | ARM64_RT2_W),
    I("01" "101" "0" "0" "11" "1" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldpsw (pre)", exec_ldst_pair, LS, 4,
      F_LD, LD_R | ARM64_RT2_W | WB),
    I("xx" "101" "1" "0" "xx" "x" "xxxxxxx" "xxxxx" "xxxxx" "xxxxx", "ldp/stp (simd&fp)", exec_ldst_pair,
      FPS, 0, F_LD | F_ST, ARM64_RN_R | ARM64_RN_SP),

    /* single register, every addressing mode */
    I("11" "111" "0" "01" "10" REST_UIMM, "prfm", exec_ldst_uimm, LS, 0, 0, ARM64_RN_R | ARM64_RN_SP),
    I("11" "111" "0" "00" "10" REST_REG, "prfm", exec_ldst_regoff, LS, 0, 0,
      ARM64_RN_R | ARM64_RN_SP | ARM64_RM_R),
    I("11" "111" "0" "00" "10" REST_UNSC, "prfum", exec_ldst_imm9, LS, 0, 0, ARM64_RN_R | ARM64_RN_SP),
    LS_SINGLE("01", REST_UIMM, exec_ldst_uimm, "ldr", "str", 0),
    LS_SINGLE("00", REST_REG, exec_ldst_regoff, "ldr", "str", ARM64_RM_R),
    LS_SINGLE("00", REST_UNSC, exec_ldst_imm9, "ldur", "stur", 0),
    LS_SINGLE("00", REST_POST, exec_ldst_imm9, "ldr", "str", WB),
    LS_SINGLE("00", REST_PRE, exec_ldst_imm9, "ldr", "str", WB),
    LS_SINGLE("00", REST_UNPR, exec_ldst_imm9, "ldtr", "sttr", 0),

    /* LSE atomics (ARMv8.1) */
    ATOMIC("0" "000", "ldadd"),
    ATOMIC("0" "001", "ldclr"),
    ATOMIC("0" "010", "ldeor"),
    ATOMIC("0" "011", "ldset"),
    ATOMIC("0" "100", "ldsmax"),
    ATOMIC("0" "101", "ldsmin"),
    ATOMIC("0" "110", "ldumax"),
    ATOMIC("0" "111", "ldumin"),
    ATOMIC("1" "000", "swp"),

    /* AdvSIMD load/store multiple / single structures */
    I("0x00110" "xxxxxxxxxxxxxxxxxxxxxxxxx", "ld/st (simd structures)", exec_fp_unimp, FPS, 0, F_LD | F_ST, 0),

    /* ---- data processing, register (C4.1.88) ---- */
    I("x" "00" "01010" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "and", exec_logic_reg, DPR, 0, 0, DNM),
    I("x" "00" "01010" "xx" "1" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "bic", exec_logic_reg, DPR, 0, 0, DNM),
    I("x" "01" "01010" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "orr", exec_logic_reg, DPR, 0, 0, DNM),
    I("x" "01" "01010" "xx" "1" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "orn", exec_logic_reg, DPR, 0, 0, DNM),
    I("x" "10" "01010" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "eor", exec_logic_reg, DPR, 0, 0, DNM),
    I("x" "10" "01010" "xx" "1" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "eon", exec_logic_reg, DPR, 0, 0, DNM),
    I("x" "11" "01010" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "ands", exec_logic_reg, DPR, 0, F_NZ, DNM),
    I("x" "11" "01010" "xx" "1" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "bics", exec_logic_reg, DPR, 0, F_NZ, DNM),
    I("x" "00" "01011" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "add", exec_addsub_shift, DPR, 0, 0, DNM),
    I("x" "01" "01011" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "adds", exec_addsub_shift, DPR, 0, F_NZ, DNM),
    I("x" "10" "01011" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "sub", exec_addsub_shift, DPR, 0, 0, DNM),
    I("x" "11" "01011" "xx" "0" "xxxxx" "xxxxxx" "xxxxx" "xxxxx", "subs", exec_addsub_shift, DPR, 0, F_NZ, DNM),
    I("x" "00" "01011" "00" "1" "xxxxx" "xxx" "xxx" "xxxxx" "xxxxx", "add (ext)", exec_addsub_ext, DPR, 0, 0,
      DN_SP | ARM64_RM_R),
    I("x" "01" "01011" "00" "1" "xxxxx" "xxx" "xxx" "xxxxx" "xxxxx", "adds (ext)", exec_addsub_ext, DPR, 0,
      F_NZ, DNM | ARM64_RN_SP),
    I("x" "10" "01011" "00" "1" "xxxxx" "xxx" "xxx" "xxxxx" "xxxxx", "sub (ext)", exec_addsub_ext, DPR, 0, 0,
      DN_SP | ARM64_RM_R),
    I("x" "11" "01011" "00" "1" "xxxxx" "xxx" "xxx" "xxxxx" "xxxxx", "subs (ext)", exec_addsub_ext, DPR, 0,
      F_NZ, DNM | ARM64_RN_SP),
    I("x" "00" "11010000" "xxxxx" "000000" "xxxxx" "xxxxx", "adc", exec_adc, DPR, 0, 0, DNM | ARM64_NZCV_R),
    I("x" "01" "11010000" "xxxxx" "000000" "xxxxx" "xxxxx", "adcs", exec_adc, DPR, 0, F_NZ, DNM | ARM64_NZCV_R),
    I("x" "10" "11010000" "xxxxx" "000000" "xxxxx" "xxxxx", "sbc", exec_adc, DPR, 0, 0, DNM | ARM64_NZCV_R),
    I("x" "11" "11010000" "xxxxx" "000000" "xxxxx" "xxxxx", "sbcs", exec_adc, DPR, 0, F_NZ, DNM | ARM64_NZCV_R),
    I("x" "0" "1" "11010010" "xxxxx" "xxxx" "0" "0" "xxxxx" "0" "xxxx", "ccmn", exec_ccmp, DPR, 0, F_NZ,
      ARM64_RN_R | ARM64_RM_R | ARM64_NZCV_R),
    I("x" "1" "1" "11010010" "xxxxx" "xxxx" "0" "0" "xxxxx" "0" "xxxx", "ccmp", exec_ccmp, DPR, 0, F_NZ,
      ARM64_RN_R | ARM64_RM_R | ARM64_NZCV_R),
    I("x" "0" "1" "11010010" "xxxxx" "xxxx" "1" "0" "xxxxx" "0" "xxxx", "ccmn (imm)", exec_ccmp, DPR, 0, F_NZ,
      ARM64_RN_R | ARM64_NZCV_R),
    I("x" "1" "1" "11010010" "xxxxx" "xxxx" "1" "0" "xxxxx" "0" "xxxx", "ccmp (imm)", exec_ccmp, DPR, 0, F_NZ,
      ARM64_RN_R | ARM64_NZCV_R),
    I("x" "0" "0" "11010100" "xxxxx" "xxxx" "0" "0" "xxxxx" "xxxxx", "csel", exec_csel, DPR, 0, 0,
      DNM | ARM64_NZCV_R),
    I("x" "0" "0" "11010100" "xxxxx" "xxxx" "0" "1" "xxxxx" "xxxxx", "csinc", exec_csel, DPR, 0, 0,
      DNM | ARM64_NZCV_R),
    I("x" "1" "0" "11010100" "xxxxx" "xxxx" "0" "0" "xxxxx" "xxxxx", "csinv", exec_csel, DPR, 0, 0,
      DNM | ARM64_NZCV_R),
    I("x" "1" "0" "11010100" "xxxxx" "xxxx" "0" "1" "xxxxx" "xxxxx", "csneg", exec_csel, DPR, 0, 0,
      DNM | ARM64_NZCV_R),
    I("x" "00" "11011" "000" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "madd", exec_dp3, DPR, 0, 0, DNM | ARM64_RA_R),
    I("x" "00" "11011" "000" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "msub", exec_dp3, DPR, 0, 0, DNM | ARM64_RA_R),
    I("1" "00" "11011" "001" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "smaddl", exec_dp3, DPR, 0, 0, DNM | ARM64_RA_R),
    I("1" "00" "11011" "001" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "smsubl", exec_dp3, DPR, 0, 0, DNM | ARM64_RA_R),
    I("1" "00" "11011" "010" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "smulh", exec_dp3, DPR, 0, 0, DNM),
    I("1" "00" "11011" "101" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "umaddl", exec_dp3, DPR, 0, 0, DNM | ARM64_RA_R),
    I("1" "00" "11011" "101" "xxxxx" "1" "xxxxx" "xxxxx" "xxxxx", "umsubl", exec_dp3, DPR, 0, 0, DNM | ARM64_RA_R),
    I("1" "00" "11011" "110" "xxxxx" "0" "xxxxx" "xxxxx" "xxxxx", "umulh", exec_dp3, DPR, 0, 0, DNM),
    I("x" "0" "0" "11010110" "xxxxx" "000010" "xxxxx" "xxxxx", "udiv", exec_dp2, DPR, 0, 0, DNM),
    I("x" "0" "0" "11010110" "xxxxx" "000011" "xxxxx" "xxxxx", "sdiv", exec_dp2, DPR, 0, 0, DNM),
    I("x" "0" "0" "11010110" "xxxxx" "001000" "xxxxx" "xxxxx", "lslv", exec_dp2, DPR, 0, 0, DNM),
    I("x" "0" "0" "11010110" "xxxxx" "001001" "xxxxx" "xxxxx", "lsrv", exec_dp2, DPR, 0, 0, DNM),
    I("x" "0" "0" "11010110" "xxxxx" "001010" "xxxxx" "xxxxx", "asrv", exec_dp2, DPR, 0, 0, DNM),
    I("x" "0" "0" "11010110" "xxxxx" "001011" "xxxxx" "xxxxx", "rorv", exec_dp2, DPR, 0, 0, DNM),
    I("0" "0" "0" "11010110" "xxxxx" "0100" "00" "xxxxx" "xxxxx", "crc32b", exec_crc32, DPR, 0, 0, DNM),
    I("0" "0" "0" "11010110" "xxxxx" "0100" "01" "xxxxx" "xxxxx", "crc32h", exec_crc32, DPR, 0, 0, DNM),
    I("0" "0" "0" "11010110" "xxxxx" "0100" "10" "xxxxx" "xxxxx", "crc32w", exec_crc32, DPR, 0, 0, DNM),
    I("1" "0" "0" "11010110" "xxxxx" "0100" "11" "xxxxx" "xxxxx", "crc32x", exec_crc32, DPR, 0, 0, DNM),
    I("0" "0" "0" "11010110" "xxxxx" "0101" "00" "xxxxx" "xxxxx", "crc32cb", exec_crc32, DPR, 0, 0, DNM),
    I("0" "0" "0" "11010110" "xxxxx" "0101" "01" "xxxxx" "xxxxx", "crc32ch", exec_crc32, DPR, 0, 0, DNM),
    I("0" "0" "0" "11010110" "xxxxx" "0101" "10" "xxxxx" "xxxxx", "crc32cw", exec_crc32, DPR, 0, 0, DNM),
    I("1" "0" "0" "11010110" "xxxxx" "0101" "11" "xxxxx" "xxxxx", "crc32cx", exec_crc32, DPR, 0, 0, DNM),
    I("x" "1" "0" "11010110" "00000" "000000" "xxxxx" "xxxxx", "rbit", exec_dp1, DPR, 0, 0, DN),
    I("x" "1" "0" "11010110" "00000" "000001" "xxxxx" "xxxxx", "rev16", exec_dp1, DPR, 0, 0, DN),
    I("0" "1" "0" "11010110" "00000" "000010" "xxxxx" "xxxxx", "rev", exec_dp1, DPR, 0, 0, DN),
    I("1" "1" "0" "11010110" "00000" "000010" "xxxxx" "xxxxx", "rev32", exec_dp1, DPR, 0, 0, DN),
    I("1" "1" "0" "11010110" "00000" "000011" "xxxxx" "xxxxx", "rev", exec_dp1, DPR, 0, 0, DN),
    I("x" "1" "0" "11010110" "00000" "000100" "xxxxx" "xxxxx", "clz", exec_dp1, DPR, 0, 0, DN),
    I("x" "1" "0" "11010110" "00000" "000101" "xxxxx" "xxxxx", "cls", exec_dp1, DPR, 0, 0, DN),

    /* ---- SIMD & FP data processing (C4.1.90): trap-checked, then UNDEFINED (not implemented) ---- */
    I("xxxx111" "xxxxxxxxxxxxxxxxxxxxxxxxx", "simd&fp", exec_fp_unimp, FPS, 0, 0, 0),
};

static struct arm64_insn unallocated = { "", "unallocated", exec_unalloc, UNA, 0, 0, 0, 0, 0 };

#define NTABLE (sizeof(table) / sizeof(table[0]))

/* Index: bits [31:21] select a bucket holding, in table order, the entries that can match. */
#define IDX_SHIFT 21
#define IDX_BUCKETS (1u << (32 - IDX_SHIFT))
static uint16_t bucket_start[IDX_BUCKETS + 1];
static uint16_t *bucket_list;

static void parse_pattern(struct arm64_insn *e)
{
    uint32_t mask = 0, match = 0;
    int bit = 31;
    for (const char *p = e->pattern; *p; p++) {
        if (*p == ' ')
            continue;
        if (bit < 0) {
            bit = -2;
            break;
        }
        if (*p == '0' || *p == '1') {
            mask |= 1u << bit;
            if (*p == '1')
                match |= 1u << bit;
        }
        bit--;
    }
    if (bit != -1) {
        fprintf(stderr, "saesim: arm64 decode table: bad pattern \"%s\" (%s)\n", e->pattern, e->name);
        abort();
    }
    e->mask = mask;
    e->match = match;
}

__attribute__((constructor)) static void decode_init(void)
{
    for (unsigned i = 0; i < NTABLE; i++)
        parse_pattern(&table[i]);
    size_t total = 0;
    for (uint32_t b = 0; b < IDX_BUCKETS; b++)
        for (unsigned i = 0; i < NTABLE; i++)
            if ((((b << IDX_SHIFT) ^ table[i].match) & table[i].mask & ~((1u << IDX_SHIFT) - 1)) == 0)
                total++;
    bucket_list = malloc(total * sizeof(*bucket_list));
    if (!bucket_list)
        abort();
    size_t n = 0;
    for (uint32_t b = 0; b < IDX_BUCKETS; b++) {
        bucket_start[b] = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
        for (unsigned i = 0; i < NTABLE; i++)
            if ((((b << IDX_SHIFT) ^ table[i].match) & table[i].mask & ~((1u << IDX_SHIFT) - 1)) == 0)
                bucket_list[n++] = (uint16_t)i;
    }
    if (n > 0xFFFF)
        abort();
    bucket_start[IDX_BUCKETS] = (uint16_t)n;
}

const struct arm64_insn *arm64_decode(uint32_t insn)
{
    uint32_t b = insn >> IDX_SHIFT;
    for (unsigned k = bucket_start[b]; k < bucket_start[b + 1]; k++) {
        const struct arm64_insn *e = &table[bucket_list[k]];
        if ((insn & e->mask) == e->match)
            return e;
    }
    return &unallocated;
}

const struct arm64_insn *arm64_decode_table(unsigned *count)
{
    *count = NTABLE;
    return table;
}

unsigned arm64_insn_access_size(const struct arm64_insn *e, uint32_t insn)
{
    if (!(e->flags & (ARM64_F_LOAD | ARM64_F_STORE)))
        return 0;
    if (e->flags & ARM64_F_SIZE_FIELD)
        return 1u << (insn >> 30);
    if (e->size)
        return e->size;
    if (e->cls == ARM64_C_LDST && (insn & 0x3E000000u) == 0x28000000u) /* GP pairs */
        return (insn >> 31) ? 8 : 4;
    if (e->cls == ARM64_C_LDST_EXCL) /* CASP */
        return (insn >> 30 & 1) ? 8 : 4;
    if (e->cls == ARM64_C_FPSIMD && (insn & 0x3C000000u) == 0x3C000000u) /* SIMD&FP single */
        return 1u << ((insn >> 30) | ((insn >> 23 & 1) << 2));
    if (e->cls == ARM64_C_FPSIMD && (insn & 0x3E000000u) == 0x2C000000u) /* SIMD&FP pair */
        return 4u << (insn >> 30);
    if (e->cls == ARM64_C_FPSIMD && (insn & 0x3F000000u) == 0x1C000000u) /* SIMD&FP literal */
        return 4u << (insn >> 30);
    return 0;
}

void arm64_insn_regs(const struct arm64_insn *e, uint32_t insn, uint8_t *rd, unsigned *nr,
                     uint8_t *wr_, unsigned *nw)
{
    unsigned r = 0, w = 0;
    uint32_t g = e->regs;
    unsigned n = RN(insn), d = RD(insn);
    if (g & ARM64_RN_R)
        rd[r++] = (uint8_t)((n == 31 && (g & ARM64_RN_SP)) ? ARM64_REG_SP : n);
    if (g & ARM64_RM_R)
        rd[r++] = (uint8_t)RM(insn);
    if (g & ARM64_RA_R)
        rd[r++] = (uint8_t)RA(insn);
    if (g & ARM64_RS_R)
        rd[r++] = (uint8_t)RS(insn);
    if (g & (ARM64_RT_R | ARM64_RD_R))
        rd[r++] = (uint8_t)d;
    if (g & ARM64_RT2_R)
        rd[r++] = (uint8_t)RT2(insn);
    if (g & ARM64_NZCV_R)
        rd[r++] = ARM64_REG_NZCV;
    if (g & (ARM64_RD_W | ARM64_RT_W))
        wr_[w++] = (uint8_t)((d == 31 && (g & ARM64_RD_SP)) ? ARM64_REG_SP : d);
    if (g & ARM64_RT2_W)
        wr_[w++] = (uint8_t)RT2(insn);
    if (g & ARM64_RS_W)
        wr_[w++] = (uint8_t)RS(insn);
    if (g & ARM64_RN_W)
        wr_[w++] = (uint8_t)(n == 31 ? ARM64_REG_SP : n);
    if (g & ARM64_X30_W)
        wr_[w++] = 30;
    if (e->flags & ARM64_F_NZCV_W)
        wr_[w++] = ARM64_REG_NZCV;
    *nr = r;
    *nw = w;
}

unsigned arm64_disas_hook(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen)
{
    (void)addr;
    (void)code;
    (void)len;
    (void)out;
    (void)outlen;
    return 0; /* Capstone 4 knows every instruction this core implements */
}
