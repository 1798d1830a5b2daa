/* Floating-point registers and BFP (PoP ch. 9 "Floating-Point Overview and Support", ch. 19 "Binary
 * Floating-Point Instructions"). FPRn is the leftmost doubleword of VRn. Load/store/move and sign
 * operations are exact bit moves. The long/short BFP arithmetic here uses the host's IEEE binary64/32
 * in round-to-nearest-even with the FPC flags set from the host exception flags; IEEE traps (FPC
 * mask bits) and the other rounding modes are not modelled (docs/s390-unimplemented.md). */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include "s390/exec.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)

static inline uint64_t fpr(struct s390_cpu *c, unsigned r) { check_afp(c, r); return c->vr[r].d[0]; }
static inline void set_fpr(struct s390_cpu *c, unsigned r, uint64_t v) { check_afp(c, r); c->vr[r].d[0] = v; }
static inline uint32_t fpr32(struct s390_cpu *c, unsigned r) { return (uint32_t)(fpr(c, r) >> 32); }
static inline void set_fpr32(struct s390_cpu *c, unsigned r, uint32_t v)
{
    check_afp(c, r);
    c->vr[r].d[0] = (c->vr[r].d[0] & 0xffffffffULL) | ((uint64_t)v << 32);
}
static inline double as_d(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }
static inline uint64_t from_d(double d) { uint64_t v; memcpy(&v, &d, 8); return v; }
static inline float as_f(uint32_t v) { float f; memcpy(&f, &v, 4); return f; }
static inline uint32_t from_f(float f) { uint32_t v; memcpy(&v, &f, 4); return v; }

DEF(ld)    { check_afp(c, a->r1); set_fpr(c, a->r1, s390_ld(c, EA2(c, a), 8)); }
DEF(le)    { check_afp(c, a->r1); set_fpr32(c, a->r1, (uint32_t)s390_ld(c, EA2(c, a), 4)); }
DEF(std)   { s390_st(c, EA2(c, a), 8, fpr(c, a->r1)); }
DEF(ste)   { s390_st(c, EA2(c, a), 4, fpr32(c, a->r1)); }
/* LOAD LENGTHENED (HFP, short to long): the short operand with 32 zero bits appended; gcc uses
 * it to load a word into the left half of an FPR. */
DEF(lde)   { check_afp(c, a->r1); set_fpr(c, a->r1, s390_ld(c, EA2(c, a), 4) << 32); }
DEF(lder)  { set_fpr(c, a->r1, (uint64_t)fpr32(c, a->r2) << 32); }
DEF(ldr)   { set_fpr(c, a->r1, fpr(c, a->r2)); }
DEF(ler)   { set_fpr32(c, a->r1, fpr32(c, a->r2)); }
DEF(lzdr)  { set_fpr(c, a->r1, 0); }
DEF(lzer)  { set_fpr32(c, a->r1, 0); }
DEF(lzxr)
{
    if (a->r1 & 2)
        s390_program_exception(c, PGM_SPECIFICATION);
    set_fpr(c, a->r1, 0); set_fpr(c, a->r1 + 2, 0);
}
DEF(lxr)
{
    if ((a->r1 | a->r2) & 2)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t h = fpr(c, a->r2), l = fpr(c, a->r2 + 2);
    set_fpr(c, a->r1, h); set_fpr(c, a->r1 + 2, l);
}
DEF(ldgr)  { set_fpr(c, a->r1, c->gr[a->r2]); }
DEF(lgdr)  { c->gr[a->r1] = fpr(c, a->r2); }
#define SIGN 0x8000000000000000ULL
DEF(cpsdr) { set_fpr(c, a->r1, (fpr(c, a->r2) & ~SIGN) | (fpr(c, a->r3) & SIGN)); }
DEF(lcdfr) { set_fpr(c, a->r1, fpr(c, a->r2) ^ SIGN); }
DEF(lndfr) { set_fpr(c, a->r1, fpr(c, a->r2) | SIGN); }
DEF(lpdfr) { set_fpr(c, a->r1, fpr(c, a->r2) & ~SIGN); }

/* FPC: bits 0-7 masks, 8-15 flags, 16-23 DXC, 29-31 BFP rounding mode (PoP "Floating-Point-
 * Control Register"). Unassigned bits must be zero when loaded (specification exception). */
#define FPC_VALID 0xFCFCFF07u
DEF(efpc)  { set_lo(c, a->r1, c->fpc); }
DEF(sfpc)
{
    uint32_t v = gr_lo(c, a->r1);
    if (v & ~FPC_VALID)
        s390_program_exception(c, PGM_SPECIFICATION);
    c->fpc = v;
}
DEF(lfpc)
{
    uint32_t v = (uint32_t)s390_ld(c, EA2S(c, a), 4);
    if (v & ~FPC_VALID)
        s390_program_exception(c, PGM_SPECIFICATION);
    c->fpc = v;
}
DEF(stfpc) { s390_st(c, EA2S(c, a), 4, c->fpc); }
DEF(srnm)  { c->fpc = (c->fpc & ~3u) | (uint32_t)(EA2S(c, a) & 3); }
DEF(srnmb)
{
    unsigned m = (unsigned)(EA2S(c, a) & 7);
    if (m == 4 || m == 5 || m == 6)
        s390_program_exception(c, PGM_SPECIFICATION);
    c->fpc = (c->fpc & ~7u) | m;
}

/* ---- BFP arithmetic (host IEEE, round to nearest) ---- */
static void fp_begin(void) { feclearexcept(FE_ALL_EXCEPT); }
static void fp_end(struct s390_cpu *c)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    uint32_t flags = 0;
    if (e & FE_INVALID) flags |= 0x80;
    if (e & FE_DIVBYZERO) flags |= 0x40;
    if (e & FE_OVERFLOW) flags |= 0x20;
    if (e & FE_UNDERFLOW) flags |= 0x10;
    if (e & FE_INEXACT) flags |= 0x08;
    c->fpc |= flags << 16;
}
static unsigned cc_fp(double d) { return isnan(d) ? 3 : d == 0 ? 0 : d < 0 ? 1 : 2; }
static unsigned cmp_fp(double x, double y) { return (isnan(x) || isnan(y)) ? 3 : x == y ? 0 : x < y ? 1 : 2; }

#define BINOP_D(name, op, src) DEF(name) { double y = as_d(src); double x = as_d(fpr(c, a->r1)); \
    fp_begin(); double r = x op y; fp_end(c); set_fpr(c, a->r1, from_d(r)); }
#define BINOP_DCC(name, op, src) DEF(name) { double y = as_d(src); double x = as_d(fpr(c, a->r1)); \
    fp_begin(); double r = x op y; fp_end(c); set_fpr(c, a->r1, from_d(r)); c->cc = cc_fp(r); }
BINOP_DCC(adbr, +, fpr(c, a->r2))
BINOP_DCC(sdbr, -, fpr(c, a->r2))
BINOP_D(mdbr, *, fpr(c, a->r2))
BINOP_D(ddbr, /, fpr(c, a->r2))
BINOP_DCC(adb, +, s390_ld(c, EA2(c, a), 8))
BINOP_DCC(sdb, -, s390_ld(c, EA2(c, a), 8))
BINOP_D(mdb, *, s390_ld(c, EA2(c, a), 8))
BINOP_D(ddb, /, s390_ld(c, EA2(c, a), 8))
#define BINOP_E(name, op, src, setcc) DEF(name) { float y = as_f((uint32_t)(src)); float x = as_f(fpr32(c, a->r1)); \
    fp_begin(); float r = x op y; fp_end(c); set_fpr32(c, a->r1, from_f(r)); if (setcc) c->cc = cc_fp(r); }
BINOP_E(aebr, +, fpr32(c, a->r2), 1)
BINOP_E(sebr, -, fpr32(c, a->r2), 1)
BINOP_E(meebr, *, fpr32(c, a->r2), 0)
BINOP_E(debr, /, fpr32(c, a->r2), 0)
DEF(cdbr)  { c->cc = cmp_fp(as_d(fpr(c, a->r1)), as_d(fpr(c, a->r2))); }
DEF(cdb)   { c->cc = cmp_fp(as_d(fpr(c, a->r1)), as_d(s390_ld(c, EA2(c, a), 8))); }
DEF(cebr)  { c->cc = cmp_fp(as_f(fpr32(c, a->r1)), as_f(fpr32(c, a->r2))); }
DEF(ltdbr) { uint64_t v = fpr(c, a->r2); set_fpr(c, a->r1, v); c->cc = cc_fp(as_d(v)); }
DEF(ltebr) { uint32_t v = fpr32(c, a->r2); set_fpr32(c, a->r1, v); c->cc = cc_fp(as_f(v)); }
DEF(lcdbr) { uint64_t v = fpr(c, a->r2) ^ SIGN; set_fpr(c, a->r1, v); c->cc = cc_fp(as_d(v)); }
DEF(lpdbr) { uint64_t v = fpr(c, a->r2) & ~SIGN; set_fpr(c, a->r1, v); c->cc = cc_fp(as_d(v)); }
DEF(lndbr) { uint64_t v = fpr(c, a->r2) | SIGN; set_fpr(c, a->r1, v); c->cc = cc_fp(as_d(v)); }
DEF(sqdbr) { double x = as_d(fpr(c, a->r2)); fp_begin(); double r = sqrt(x); fp_end(c); set_fpr(c, a->r1, from_d(r)); }
DEF(ldebr) { float x = as_f(fpr32(c, a->r2)); fp_begin(); double r = x; fp_end(c); set_fpr(c, a->r1, from_d(r)); }
DEF(ledbr) { double x = as_d(fpr(c, a->r2)); fp_begin(); float r = (float)x; fp_end(c); set_fpr32(c, a->r1, from_f(r)); }
DEF(cdfbr) { set_fpr(c, a->r1, from_d((double)(int32_t)c->gr[a->r2])); }
DEF(cdgbr) { fp_begin(); double r = (double)(int64_t)c->gr[a->r2]; fp_end(c); set_fpr(c, a->r1, from_d(r)); }
DEF(cdlgbr) { fp_begin(); double r = (double)c->gr[a->r2]; fp_end(c); set_fpr(c, a->r1, from_d(r)); }
/* Convert to fixed with the M3 rounding method (0 = FPC mode (nearest here), 1 = nearest ties away,
 * 4 = nearest even, 5 = toward 0, 6 = toward +inf, 7 = toward -inf). NaN/out of range: the
 * extreme value and CC 3. */
static double round_m3(double x, unsigned m3)
{
    switch (m3) {
    case 1: return round(x);
    case 5: return trunc(x);
    case 6: return ceil(x);
    case 7: return floor(x);
    default: return nearbyint(x);
    }
}
static void cvt_to_fixed(struct s390_cpu *c, const struct s390_args *a, bool wide)
{
    double x = as_d(fpr(c, a->r2));
    double r = round_m3(x, a->m3);
    if (isnan(x) || r >= (wide ? 9223372036854775808.0 : 2147483648.0) ||
        r < (wide ? -9223372036854775808.0 : -2147483648.0)) {
        int64_t v = (isnan(x) || x < 0) ? (wide ? INT64_MIN : INT32_MIN) : (wide ? INT64_MAX : INT32_MAX);
        if (wide) c->gr[a->r1] = (uint64_t)v; else set_lo(c, a->r1, (uint32_t)v);
        c->fpc |= 0x80u << 16;
        c->cc = 3;
        return;
    }
    if (wide) c->gr[a->r1] = (uint64_t)(int64_t)r; else set_lo(c, a->r1, (uint32_t)(int32_t)r);
    if (r != x)
        c->fpc |= 0x08u << 16;
    c->cc = cc_fp(x);
}
DEF(cfdbr) { cvt_to_fixed(c, a, false); }
DEF(cgdbr) { cvt_to_fixed(c, a, true); }

#define F (IF_FPR | IF_MODE)
#define CC IF_SETS_CC

const struct s390_insn s390_insns_fp[] = {
    ROW(0x6800, "ld", RXa, op_ld, F | IF_R1_W | IF_MEM_R, 8),
    ROW(0xED65, "ldy", RXYa, op_ld, F | IF_R1_W | IF_MEM_R, 8),
    ROW(0x7800, "le", RXa, op_le, F | IF_R1_W | IF_MEM_R, 4),
    ROW(0xED64, "ley", RXYa, op_le, F | IF_R1_W | IF_MEM_R, 4),
    ROW(0x6000, "std", RXa, op_std, F | IF_R1_R | IF_MEM_W, 8),
    ROW(0xED67, "stdy", RXYa, op_std, F | IF_R1_R | IF_MEM_W, 8),
    ROW(0x7000, "ste", RXa, op_ste, F | IF_R1_R | IF_MEM_W, 4),
    ROW(0xED66, "stey", RXYa, op_ste, F | IF_R1_R | IF_MEM_W, 4),
    ROW(0xED24, "lde", RXE, op_lde, F | IF_R1_W | IF_MEM_R, 4),
    ROW(0xB324, "lder", RRE, op_lder, F | IF_R1_W | IF_R2_R, 0),
    ROW(0x2800, "ldr", RR, op_ldr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0x3800, "ler", RR, op_ler, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB375, "lzdr", RRE, op_lzdr, F | IF_R1_W, 0),
    ROW(0xB374, "lzer", RRE, op_lzer, F | IF_R1_W, 0),
    ROW(0xB376, "lzxr", RRE, op_lzxr, F | IF_R1_W | IF_R1_PAIR, 0),
    ROW(0xB365, "lxr", RRE, op_lxr, F | IF_R1_W | IF_R2_R | IF_R1_PAIR | IF_R2_PAIR, 0),
    ROW(0xB3C1, "ldgr", RRE, op_ldgr, IF_MODE | IF_R1_W | IF_R2_R, 0),
    ROW(0xB3CD, "lgdr", RRE, op_lgdr, IF_MODE | IF_R1_W | IF_R2_R, 0),
    ROW(0xB372, "cpsdr", RRFb, op_cpsdr, F | IF_R1_W | IF_R2_R | IF_R3_R, 0),
    ROW(0xB373, "lcdfr", RRE, op_lcdfr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB371, "lndfr", RRE, op_lndfr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB370, "lpdfr", RRE, op_lpdfr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB38C, "efpc", RRE, op_efpc, IF_R1_W, 0),
    ROW(0xB384, "sfpc", RRE, op_sfpc, IF_R1_R, 0),
    ROW(0xB29D, "lfpc", S, op_lfpc, IF_MEM_R, 4),
    ROW(0xB29C, "stfpc", S, op_stfpc, IF_MEM_W, 4),
    ROW(0xB299, "srnm", S, op_srnm, 0, 0),
    ROW(0xB2B8, "srnmb", S, op_srnmb, 0, 0),
    ROW(0xB31A, "adbr", RRE, op_adbr, F | IF_R1_R | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB31B, "sdbr", RRE, op_sdbr, F | IF_R1_R | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB31C, "mdbr", RRE, op_mdbr, F | IF_R1_R | IF_R1_W | IF_R2_R, 0),
    ROW(0xB31D, "ddbr", RRE, op_ddbr, F | IF_R1_R | IF_R1_W | IF_R2_R, 0),
    ROW(0xED1A, "adb", RXE, op_adb, F | IF_R1_R | IF_R1_W | IF_MEM_R | CC, 8),
    ROW(0xED1B, "sdb", RXE, op_sdb, F | IF_R1_R | IF_R1_W | IF_MEM_R | CC, 8),
    ROW(0xED1C, "mdb", RXE, op_mdb, F | IF_R1_R | IF_R1_W | IF_MEM_R, 8),
    ROW(0xED1D, "ddb", RXE, op_ddb, F | IF_R1_R | IF_R1_W | IF_MEM_R, 8),
    ROW(0xB30A, "aebr", RRE, op_aebr, F | IF_R1_R | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB30B, "sebr", RRE, op_sebr, F | IF_R1_R | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB317, "meebr", RRE, op_meebr, F | IF_R1_R | IF_R1_W | IF_R2_R, 0),
    ROW(0xB30D, "debr", RRE, op_debr, F | IF_R1_R | IF_R1_W | IF_R2_R, 0),
    ROW(0xB319, "cdbr", RRE, op_cdbr, F | IF_R1_R | IF_R2_R | CC, 0),
    ROW(0xED19, "cdb", RXE, op_cdb, F | IF_R1_R | IF_MEM_R | CC, 8),
    ROW(0xB309, "cebr", RRE, op_cebr, F | IF_R1_R | IF_R2_R | CC, 0),
    ROW(0xB312, "ltdbr", RRE, op_ltdbr, F | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB302, "ltebr", RRE, op_ltebr, F | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB313, "lcdbr", RRE, op_lcdbr, F | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB310, "lpdbr", RRE, op_lpdbr, F | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB311, "lndbr", RRE, op_lndbr, F | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB315, "sqdbr", RRE, op_sqdbr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB304, "ldebr", RRE, op_ldebr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB344, "ledbr", RRE, op_ledbr, F | IF_R1_W | IF_R2_R, 0),
    ROW(0xB395, "cdfbr", RRE, op_cdfbr, IF_MODE | IF_R1_W | IF_R2_R, 0),
    ROW(0xB3A5, "cdgbr", RRE, op_cdgbr, IF_MODE | IF_R1_W | IF_R2_R, 0),
    ROW(0xB3A1, "cdlgbr", RRFe, op_cdlgbr, IF_MODE | IF_R1_W | IF_R2_R, 0),
    ROW(0xB399, "cfdbr", RRFe, op_cfdbr, IF_MODE | IF_R1_W | IF_R2_R | CC, 0),
    ROW(0xB3A9, "cgdbr", RRFe, op_cgdbr, IF_MODE | IF_R1_W | IF_R2_R | CC, 0),
};
const size_t s390_insns_fp_count = sizeof(s390_insns_fp) / sizeof(s390_insns_fp[0]);
