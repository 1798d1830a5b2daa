/* General instructions (PoP ch. 7): loads, stores, binary and logical arithmetic, compares, shifts,
 * rotates, bit selection, interlocked storage updates, load/store on condition. Each handler follows
 * the PoP pseudo-description of its instruction; the rows at the end are the decode table. */
#include <string.h>

#include "core/endian.h"
#include "s390/exec.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)
#define UNUSED_A (void)a

/* ---- operand fetch shorthands ---- */
#define M8(ad)  ((uint8_t)s390_ld(c, (ad), 1))
#define M16(ad) ((uint16_t)s390_ld(c, (ad), 2))
#define M32(ad) ((uint32_t)s390_ld(c, (ad), 4))
#define M64(ad) (s390_ld(c, (ad), 8))
#define S16(v) ((int64_t)(int16_t)(v))
#define S32(v) ((int64_t)(int32_t)(v))
#define S8(v)  ((int64_t)(int8_t)(v))

/* ---- arithmetic primitives with PoP condition codes ---- */
static uint32_t add_s32(struct s390_cpu *c, uint32_t x, uint32_t y)
{
    int64_t r = S32(x) + S32(y);
    uint32_t v = (uint32_t)r;
    c->cc = r != S32(v) ? 3 : cc_signed((int32_t)v);
    return v;
}
static uint64_t add_s64(struct s390_cpu *c, uint64_t x, uint64_t y)
{
    uint64_t v = x + y;
    bool ovf = (int64_t)((x ^ v) & (y ^ v)) < 0;
    c->cc = ovf ? 3 : cc_signed((int64_t)v);
    return v;
}
static uint32_t sub_s32(struct s390_cpu *c, uint32_t x, uint32_t y)
{
    int64_t r = S32(x) - S32(y);
    uint32_t v = (uint32_t)r;
    c->cc = r != S32(v) ? 3 : cc_signed((int32_t)v);
    return v;
}
static uint64_t sub_s64(struct s390_cpu *c, uint64_t x, uint64_t y)
{
    uint64_t v = x - y;
    bool ovf = (int64_t)((x ^ y) & (x ^ v)) < 0;
    c->cc = ovf ? 3 : cc_signed((int64_t)v);
    return v;
}
/* ADD LOGICAL: CC bit 2 = carry, bit 1 = nonzero (PoP "Add Logical"). */
static uint32_t add_l32(struct s390_cpu *c, uint32_t x, uint32_t y, unsigned carry)
{
    uint64_t r = (uint64_t)x + y + carry;
    c->cc = (unsigned)((r >> 32) ? 2 : 0) | ((uint32_t)r != 0);
    return (uint32_t)r;
}
static uint64_t add_l64(struct s390_cpu *c, uint64_t x, uint64_t y, unsigned carry)
{
    unsigned __int128 r = (unsigned __int128)x + y + carry;
    c->cc = (unsigned)((r >> 64) ? 2 : 0) | ((uint64_t)r != 0);
    return (uint64_t)r;
}
/* SUBTRACT LOGICAL: CC bit 2 = no borrow, bit 1 = nonzero. */
static uint32_t sub_l32(struct s390_cpu *c, uint32_t x, uint32_t y, unsigned borrow)
{
    uint64_t need = (uint64_t)y + borrow;
    uint32_t v = (uint32_t)((uint64_t)x - need);
    c->cc = ((uint64_t)x >= need ? 2u : 0u) | (v != 0);
    return v;
}
static uint64_t sub_l64(struct s390_cpu *c, uint64_t x, uint64_t y, unsigned borrow)
{
    unsigned __int128 need = (unsigned __int128)y + borrow;
    uint64_t v = (uint64_t)((unsigned __int128)x - need);
    c->cc = ((unsigned __int128)x >= need ? 2u : 0u) | (v != 0);
    return v;
}
#define CARRY (c->cc >> 1)
#define BORROW (!(c->cc & 2))

/* ---- loads ---- */
DEF(lr)    { set_lo(c, a->r1, gr_lo(c, a->r2)); }
DEF(lgr)   { c->gr[a->r1] = c->gr[a->r2]; }
DEF(lgfr)  { c->gr[a->r1] = (uint64_t)S32(c->gr[a->r2]); }
DEF(llgfr) { c->gr[a->r1] = gr_lo(c, a->r2); }
DEF(llgtr) { c->gr[a->r1] = gr_lo(c, a->r2) & 0x7fffffffu; }
DEF(lbr)   { set_lo(c, a->r1, (uint32_t)S8(c->gr[a->r2])); }
DEF(lgbr)  { c->gr[a->r1] = (uint64_t)S8(c->gr[a->r2]); }
DEF(lhr)   { set_lo(c, a->r1, (uint32_t)S16(c->gr[a->r2])); }
DEF(lghr)  { c->gr[a->r1] = (uint64_t)S16(c->gr[a->r2]); }
DEF(llcr)  { set_lo(c, a->r1, (uint8_t)c->gr[a->r2]); }
DEF(llgcr) { c->gr[a->r1] = (uint8_t)c->gr[a->r2]; }
DEF(llhr)  { set_lo(c, a->r1, (uint16_t)c->gr[a->r2]); }
DEF(llghr) { c->gr[a->r1] = (uint16_t)c->gr[a->r2]; }
DEF(ltr)   { uint32_t v = gr_lo(c, a->r2); set_lo(c, a->r1, v); c->cc = cc_signed((int32_t)v); }
DEF(ltgr)  { uint64_t v = c->gr[a->r2]; c->gr[a->r1] = v; c->cc = cc_signed((int64_t)v); }
DEF(ltgfr) { int64_t v = S32(c->gr[a->r2]); c->gr[a->r1] = (uint64_t)v; c->cc = cc_signed(v); }
DEF(lcr)
{
    uint32_t v = gr_lo(c, a->r2);
    set_lo(c, a->r1, (uint32_t)-v);
    c->cc = v == 0x80000000u ? 3 : cc_signed(-(int64_t)(int32_t)v);
    if (c->cc == 3)
        fixed_overflow(c);
}
DEF(lcgr)
{
    uint64_t v = c->gr[a->r2];
    c->gr[a->r1] = -v;
    c->cc = v == 0x8000000000000000ULL ? 3 : cc_signed((int64_t)-v);
    if (c->cc == 3)
        fixed_overflow(c);
}
DEF(lcgfr) { int64_t v = -S32(c->gr[a->r2]); c->gr[a->r1] = (uint64_t)v; c->cc = cc_signed(v); }
DEF(lpr)
{
    int32_t v = (int32_t)gr_lo(c, a->r2);
    if (v == INT32_MIN) {
        set_lo(c, a->r1, (uint32_t)v); c->cc = 3; fixed_overflow(c); return;
    }
    v = v < 0 ? -v : v;
    set_lo(c, a->r1, (uint32_t)v); c->cc = v ? 2 : 0;
}
DEF(lpgr)
{
    int64_t v = (int64_t)c->gr[a->r2];
    if (v == INT64_MIN) {
        c->gr[a->r1] = (uint64_t)v; c->cc = 3; fixed_overflow(c); return;
    }
    v = v < 0 ? -v : v;
    c->gr[a->r1] = (uint64_t)v; c->cc = v ? 2 : 0;
}
DEF(lpgfr) { int64_t v = S32(c->gr[a->r2]); v = v < 0 ? -v : v; c->gr[a->r1] = (uint64_t)v; c->cc = v ? 2 : 0; }
DEF(lnr)   { int32_t v = (int32_t)gr_lo(c, a->r2); v = v > 0 ? -v : v; set_lo(c, a->r1, (uint32_t)v); c->cc = v ? 1 : 0; }
DEF(lngr)  { int64_t v = (int64_t)c->gr[a->r2]; v = v > 0 ? -v : v; c->gr[a->r1] = (uint64_t)v; c->cc = v ? 1 : 0; }
DEF(lngfr) { int64_t v = S32(c->gr[a->r2]); v = v > 0 ? -v : v; c->gr[a->r1] = (uint64_t)v; c->cc = v ? 1 : 0; }

DEF(l)     { set_lo(c, a->r1, M32(EA2(c, a))); }
DEF(lg)    { c->gr[a->r1] = M64(EA2(c, a)); }
DEF(lgf)   { c->gr[a->r1] = (uint64_t)S32(M32(EA2(c, a))); }
DEF(llgf)  { c->gr[a->r1] = M32(EA2(c, a)); }
DEF(llgt)  { c->gr[a->r1] = M32(EA2(c, a)) & 0x7fffffffu; }
DEF(lh)    { set_lo(c, a->r1, (uint32_t)S16(M16(EA2(c, a)))); }
DEF(lgh)   { c->gr[a->r1] = (uint64_t)S16(M16(EA2(c, a))); }
DEF(llh)   { set_lo(c, a->r1, M16(EA2(c, a))); }
DEF(llgh)  { c->gr[a->r1] = M16(EA2(c, a)); }
DEF(lb)    { set_lo(c, a->r1, (uint32_t)S8(M8(EA2(c, a)))); }
DEF(lgb)   { c->gr[a->r1] = (uint64_t)S8(M8(EA2(c, a))); }
DEF(llc)   { set_lo(c, a->r1, M8(EA2(c, a))); }
DEF(llgc)  { c->gr[a->r1] = M8(EA2(c, a)); }
DEF(lt)    { uint32_t v = M32(EA2(c, a)); set_lo(c, a->r1, v); c->cc = cc_signed((int32_t)v); }
DEF(ltg)   { uint64_t v = M64(EA2(c, a)); c->gr[a->r1] = v; c->cc = cc_signed((int64_t)v); }
DEF(ltgf)  { int64_t v = S32(M32(EA2(c, a))); c->gr[a->r1] = (uint64_t)v; c->cc = cc_signed(v); }
/* High-word facility. */
DEF(lfh)   { set_hi(c, a->r1, M32(EA2(c, a))); }
DEF(lbh)   { set_hi(c, a->r1, (uint32_t)S8(M8(EA2(c, a)))); }
DEF(llch)  { set_hi(c, a->r1, M8(EA2(c, a))); }
DEF(lhh)   { set_hi(c, a->r1, (uint32_t)S16(M16(EA2(c, a)))); }
DEF(llhh)  { set_hi(c, a->r1, M16(EA2(c, a))); }
DEF(stfh)  { s390_st(c, EA2(c, a), 4, gr_hi(c, a->r1)); }
DEF(sthh)  { s390_st(c, EA2(c, a), 2, (uint16_t)gr_hi(c, a->r1)); }
DEF(stch)  { s390_st(c, EA2(c, a), 1, (uint8_t)gr_hi(c, a->r1)); }

/* Immediates. */
DEF(lhi)   { set_lo(c, a->r1, (uint32_t)S16(a->i2)); }
DEF(lghi)  { c->gr[a->r1] = (uint64_t)S16(a->i2); }
DEF(lgfi)  { c->gr[a->r1] = (uint64_t)S32(a->i2); }
DEF(llihh) { c->gr[a->r1] = a->i2 << 48; }
DEF(llihl) { c->gr[a->r1] = a->i2 << 32; }
DEF(llilh) { c->gr[a->r1] = a->i2 << 16; }
DEF(llill) { c->gr[a->r1] = a->i2; }
DEF(llihf) { c->gr[a->r1] = a->i2 << 32; }
DEF(llilf) { c->gr[a->r1] = a->i2; }
static void insert_imm(struct s390_cpu *c, unsigned r, unsigned shift, unsigned bits, uint64_t v)
{
    uint64_t m = ((1ULL << bits) - 1) << shift;
    c->gr[r] = (c->gr[r] & ~m) | ((v << shift) & m);
}
DEF(iihh) { insert_imm(c, a->r1, 48, 16, a->i2); }
DEF(iihl) { insert_imm(c, a->r1, 32, 16, a->i2); }
DEF(iilh) { insert_imm(c, a->r1, 16, 16, a->i2); }
DEF(iill) { insert_imm(c, a->r1, 0, 16, a->i2); }
DEF(iihf) { insert_imm(c, a->r1, 32, 32, a->i2); }
DEF(iilf) { insert_imm(c, a->r1, 0, 32, a->i2); }

DEF(la)    { set_addr_reg(c, a->r1, EA2(c, a)); }
DEF(larl)  { set_addr_reg(c, a->r1, rel_target(c, S32(a->i2))); }

/* Relative-long loads/stores (general-instructions-extension): naturally aligned operands only. */
static uint64_t rl_addr(struct s390_cpu *c, const struct s390_args *a, unsigned align)
{
    uint64_t ad = rel_target(c, S32(a->i2));
    if (ad & (align - 1))
        s390_program_exception(c, PGM_SPECIFICATION);
    return ad;
}
DEF(lrl)    { set_lo(c, a->r1, M32(rl_addr(c, a, 4))); }
DEF(lgrl)   { c->gr[a->r1] = M64(rl_addr(c, a, 8)); }
DEF(lgfrl)  { c->gr[a->r1] = (uint64_t)S32(M32(rl_addr(c, a, 4))); }
DEF(llgfrl) { c->gr[a->r1] = M32(rl_addr(c, a, 4)); }
DEF(lhrl)   { set_lo(c, a->r1, (uint32_t)S16(M16(rl_addr(c, a, 2)))); }
DEF(lghrl)  { c->gr[a->r1] = (uint64_t)S16(M16(rl_addr(c, a, 2))); }
DEF(llhrl)  { set_lo(c, a->r1, M16(rl_addr(c, a, 2))); }
DEF(llghrl) { c->gr[a->r1] = M16(rl_addr(c, a, 2)); }
DEF(strl)   { s390_st(c, rl_addr(c, a, 4), 4, gr_lo(c, a->r1)); }
DEF(stgrl)  { s390_st(c, rl_addr(c, a, 8), 8, c->gr[a->r1]); }
DEF(sthrl)  { s390_st(c, rl_addr(c, a, 2), 2, (uint16_t)c->gr[a->r1]); }
DEF(pfdrl)  { UNUSED_A; (void)c; }
DEF(pfd)    { UNUSED_A; (void)c; }

/* ---- stores ---- */
DEF(st)    { s390_st(c, EA2(c, a), 4, gr_lo(c, a->r1)); }
DEF(stg)   { s390_st(c, EA2(c, a), 8, c->gr[a->r1]); }
DEF(sth)   { s390_st(c, EA2(c, a), 2, (uint16_t)c->gr[a->r1]); }
DEF(stc)   { s390_st(c, EA2(c, a), 1, (uint8_t)c->gr[a->r1]); }
DEF(mvi)   { s390_st(c, EA1(c, a), 1, a->i2); }
DEF(mvhhi) { s390_st(c, EA1(c, a), 2, (uint64_t)S16(a->i2)); }
DEF(mvhi)  { s390_st(c, EA1(c, a), 4, (uint64_t)S16(a->i2)); }
DEF(mvghi) { s390_st(c, EA1(c, a), 8, (uint64_t)S16(a->i2)); }

/* LOAD/STORE MULTIPLE: registers R1 through R3, wrapping from 15 to 0. The whole operand is
 * checked for access before any register changes (the instruction is then atomic with respect to
 * access exceptions). */
static unsigned nregs(unsigned r1, unsigned r3) { return ((r3 - r1) & 15) + 1; }
DEF(lm)
{
    uint64_t ad = EA2(c, a);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 4ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        set_lo(c, (a->r1 + i) & 15, M32(wrap_addr(c, ad + 4 * i)));
}
DEF(lmh)
{
    uint64_t ad = EA2(c, a);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 4ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        set_hi(c, (a->r1 + i) & 15, M32(wrap_addr(c, ad + 4 * i)));
}
DEF(lmg)
{
    uint64_t ad = EA2(c, a);
    unsigned n = nregs(a->r1, a->r3);
    uint64_t v[16];
    s390_probe(c, ad, 8ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        v[i] = M64(wrap_addr(c, ad + 8 * i));
    for (unsigned i = 0; i < n; i++)
        c->gr[(a->r1 + i) & 15] = v[i];
}
DEF(stm)
{
    uint64_t ad = EA2(c, a);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 4ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, wrap_addr(c, ad + 4 * i), 4, gr_lo(c, (a->r1 + i) & 15));
}
DEF(stmh)
{
    uint64_t ad = EA2(c, a);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 4ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, wrap_addr(c, ad + 4 * i), 4, gr_hi(c, (a->r1 + i) & 15));
}
DEF(stmg)
{
    uint64_t ad = EA2(c, a);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 8ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, wrap_addr(c, ad + 8 * i), 8, c->gr[(a->r1 + i) & 15]);
}
DEF(lpq)
{
    check_even(c, a->r1);
    uint64_t ad = EA2(c, a);
    if (ad & 15)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t hi = M64(ad), lo = M64(ad + 8);
    c->gr[a->r1] = hi; c->gr[a->r1 + 1] = lo;
}
DEF(stpq)
{
    check_even(c, a->r1);
    uint64_t ad = EA2(c, a);
    if (ad & 15)
        s390_program_exception(c, PGM_SPECIFICATION);
    s390_probe(c, ad, 16, 1);
    s390_st(c, ad, 8, c->gr[a->r1]); s390_st(c, ad + 8, 8, c->gr[a->r1 + 1]);
}

/* Byte reversal. */
DEF(lrvr)  { set_lo(c, a->r1, __builtin_bswap32(gr_lo(c, a->r2))); }
DEF(lrvgr) { c->gr[a->r1] = __builtin_bswap64(c->gr[a->r2]); }
DEF(lrv)   { set_lo(c, a->r1, __builtin_bswap32(M32(EA2(c, a)))); }
DEF(lrvg)  { c->gr[a->r1] = __builtin_bswap64(M64(EA2(c, a))); }
DEF(lrvh)  { c->gr[a->r1] = (c->gr[a->r1] & ~0xffffULL) | __builtin_bswap16(M16(EA2(c, a))); }
DEF(strv)  { s390_st(c, EA2(c, a), 4, __builtin_bswap32(gr_lo(c, a->r1))); }
DEF(strvg) { s390_st(c, EA2(c, a), 8, __builtin_bswap64(c->gr[a->r1])); }
DEF(strvh) { s390_st(c, EA2(c, a), 2, __builtin_bswap16((uint16_t)c->gr[a->r1])); }

/* Load/store on condition (M3 is a branch-style mask). */
DEF(locr)  { if (cond_met(c, a->m3)) set_lo(c, a->r1, gr_lo(c, a->r2)); }
DEF(locgr) { if (cond_met(c, a->m3)) c->gr[a->r1] = c->gr[a->r2]; }
DEF(loc)   { if (cond_met(c, a->m3)) set_lo(c, a->r1, M32(EA2S(c, a))); }
DEF(locg)  { if (cond_met(c, a->m3)) c->gr[a->r1] = M64(EA2S(c, a)); }
DEF(stoc)  { if (cond_met(c, a->m3)) s390_st(c, EA2S(c, a), 4, gr_lo(c, a->r1)); }
DEF(stocg) { if (cond_met(c, a->m3)) s390_st(c, EA2S(c, a), 8, c->gr[a->r1]); }

/* INSERT CHARACTERS UNDER MASK / STORE CHARACTERS UNDER MASK / COMPARE LOGICAL CHAR. UNDER MASK. */
static void icm(struct s390_cpu *c, unsigned r1, unsigned m, uint64_t ad, unsigned shift)
{
    uint32_t v = (uint32_t)(c->gr[r1] >> shift);
    unsigned n = 0, first = 1;
    uint32_t ins = 0;
    bool any = false, lead = false;
    for (int i = 3; i >= 0; i--) {
        if (!(m & (1u << i)))
            continue;
        uint8_t b = M8(wrap_addr(c, ad + n++));
        if (first) { lead = b & 0x80; first = 0; }
        any |= b != 0;
        v = (v & ~(0xffu << (8 * i))) | ((uint32_t)b << (8 * i));
        ins = 1;
    }
    c->gr[r1] = (c->gr[r1] & ~(0xffffffffULL << shift)) | ((uint64_t)v << shift);
    c->cc = (!ins || !any) ? 0 : lead ? 1 : 2;
}
DEF(icm)  { icm(c, a->r1, a->m3, EA2S(c, a), 0); }
DEF(icmh) { icm(c, a->r1, a->m3, EA2S(c, a), 32); }
DEF(ic)   { c->gr[a->r1] = (c->gr[a->r1] & ~0xffULL) | M8(EA2(c, a)); }
static void stcm(struct s390_cpu *c, unsigned r1, unsigned m, uint64_t ad, unsigned shift)
{
    uint32_t v = (uint32_t)(c->gr[r1] >> shift);
    unsigned n = 0;
    uint8_t buf[4];
    for (int i = 3; i >= 0; i--)
        if (m & (1u << i))
            buf[n++] = (uint8_t)(v >> (8 * i));
    s390_st_bytes(c, ad, buf, n);
}
DEF(stcm)  { stcm(c, a->r1, a->m3, EA2S(c, a), 0); }
DEF(stcmh) { stcm(c, a->r1, a->m3, EA2S(c, a), 32); }
static void clm(struct s390_cpu *c, unsigned r1, unsigned m, uint64_t ad, unsigned shift)
{
    uint32_t v = (uint32_t)(c->gr[r1] >> shift);
    unsigned n = 0;
    c->cc = 0;
    for (int i = 3; i >= 0; i--) {
        if (!(m & (1u << i)))
            continue;
        uint8_t b = M8(wrap_addr(c, ad + n++)), r = (uint8_t)(v >> (8 * i));
        if (r != b) { c->cc = r < b ? 1 : 2; return; }
    }
}
DEF(clm)  { clm(c, a->r1, a->m3, EA2S(c, a), 0); }
DEF(clmh) { clm(c, a->r1, a->m3, EA2S(c, a), 32); }

/* ---- binary arithmetic ---- */
#define ARITH32(name, fn, src) DEF(name) { set_lo(c, a->r1, fn(c, gr_lo(c, a->r1), (uint32_t)(src))); \
                                           if (c->cc == 3) fixed_overflow(c); }
#define ARITH32K(name, fn, src) DEF(name) { set_lo(c, a->r1, fn(c, gr_lo(c, a->r2), (uint32_t)(src))); \
                                            if (c->cc == 3) fixed_overflow(c); }
#define ARITH64(name, fn, src) DEF(name) { c->gr[a->r1] = fn(c, c->gr[a->r1], (uint64_t)(src)); \
                                           if (c->cc == 3) fixed_overflow(c); }
#define ARITH64K(name, fn, src) DEF(name) { c->gr[a->r1] = fn(c, c->gr[a->r2], (uint64_t)(src)); \
                                            if (c->cc == 3) fixed_overflow(c); }
ARITH32(ar, add_s32, gr_lo(c, a->r2))
ARITH32(a, add_s32, M32(EA2(c, a)))
ARITH32(ah, add_s32, S16(M16(EA2(c, a))))
ARITH32(ahi, add_s32, S16(a->i2))
ARITH32(afi, add_s32, a->i2)
ARITH32K(ark, add_s32, gr_lo(c, a->r3))
DEF(ahik) { set_lo(c, a->r1, add_s32(c, gr_lo(c, a->r3), (uint32_t)S16(a->i2))); if (c->cc == 3) fixed_overflow(c); }
ARITH64(agr, add_s64, c->gr[a->r2])
ARITH64(agfr, add_s64, S32(c->gr[a->r2]))
ARITH64(ag, add_s64, M64(EA2(c, a)))
ARITH64(agf, add_s64, S32(M32(EA2(c, a))))
ARITH64(aghi, add_s64, S16(a->i2))
ARITH64(agfi, add_s64, S32(a->i2))
ARITH64K(agrk, add_s64, c->gr[a->r3])
DEF(aghik) { c->gr[a->r1] = add_s64(c, c->gr[a->r3], (uint64_t)S16(a->i2)); if (c->cc == 3) fixed_overflow(c); }
ARITH32(sr, sub_s32, gr_lo(c, a->r2))
ARITH32(s, sub_s32, M32(EA2(c, a)))
ARITH32(sh, sub_s32, S16(M16(EA2(c, a))))
ARITH32K(srk, sub_s32, gr_lo(c, a->r3))
ARITH64(sgr, sub_s64, c->gr[a->r2])
ARITH64(sgfr, sub_s64, S32(c->gr[a->r2]))
ARITH64(sg, sub_s64, M64(EA2(c, a)))
ARITH64(sgf, sub_s64, S32(M32(EA2(c, a))))
ARITH64K(sgrk, sub_s64, c->gr[a->r3])
DEF(asi)  { uint64_t ad = EA1(c, a); uint32_t v = add_s32(c, M32(ad), (uint32_t)S8(a->i2)); s390_st(c, ad, 4, v); if (c->cc == 3) fixed_overflow(c); }
DEF(agsi) { uint64_t ad = EA1(c, a); uint64_t v = add_s64(c, M64(ad), (uint64_t)S8(a->i2)); s390_st(c, ad, 8, v); if (c->cc == 3) fixed_overflow(c); }

#define LOG32(name, fn, x, y, extra) DEF(name) { set_lo(c, a->r1, fn(c, (uint32_t)(x), (uint32_t)(y), extra)); }
#define LOG64(name, fn, x, y, extra) DEF(name) { c->gr[a->r1] = fn(c, (uint64_t)(x), (uint64_t)(y), extra); }
LOG32(alr, add_l32, gr_lo(c, a->r1), gr_lo(c, a->r2), 0)
LOG32(al, add_l32, gr_lo(c, a->r1), M32(EA2(c, a)), 0)
LOG32(alfi, add_l32, gr_lo(c, a->r1), a->i2, 0)
LOG32(alrk, add_l32, gr_lo(c, a->r2), gr_lo(c, a->r3), 0)
LOG32(alhsik, add_l32, gr_lo(c, a->r3), S16(a->i2), 0)
LOG32(alcr, add_l32, gr_lo(c, a->r1), gr_lo(c, a->r2), CARRY)
LOG32(alc, add_l32, gr_lo(c, a->r1), M32(EA2(c, a)), CARRY)
LOG64(algr, add_l64, c->gr[a->r1], c->gr[a->r2], 0)
LOG64(algfr, add_l64, c->gr[a->r1], gr_lo(c, a->r2), 0)
LOG64(alg, add_l64, c->gr[a->r1], M64(EA2(c, a)), 0)
LOG64(algf, add_l64, c->gr[a->r1], M32(EA2(c, a)), 0)
LOG64(algfi, add_l64, c->gr[a->r1], a->i2, 0)
LOG64(algrk, add_l64, c->gr[a->r2], c->gr[a->r3], 0)
LOG64(alghsik, add_l64, c->gr[a->r3], S16(a->i2), 0)
LOG64(alcgr, add_l64, c->gr[a->r1], c->gr[a->r2], CARRY)
LOG64(alcg, add_l64, c->gr[a->r1], M64(EA2(c, a)), CARRY)
LOG32(slr, sub_l32, gr_lo(c, a->r1), gr_lo(c, a->r2), 0)
LOG32(sl, sub_l32, gr_lo(c, a->r1), M32(EA2(c, a)), 0)
LOG32(slfi, sub_l32, gr_lo(c, a->r1), a->i2, 0)
LOG32(slrk, sub_l32, gr_lo(c, a->r2), gr_lo(c, a->r3), 0)
LOG32(slbr, sub_l32, gr_lo(c, a->r1), gr_lo(c, a->r2), BORROW)
LOG32(slb, sub_l32, gr_lo(c, a->r1), M32(EA2(c, a)), BORROW)
LOG64(slgr, sub_l64, c->gr[a->r1], c->gr[a->r2], 0)
LOG64(slgfr, sub_l64, c->gr[a->r1], gr_lo(c, a->r2), 0)
LOG64(slg, sub_l64, c->gr[a->r1], M64(EA2(c, a)), 0)
LOG64(slgf, sub_l64, c->gr[a->r1], M32(EA2(c, a)), 0)
LOG64(slgfi, sub_l64, c->gr[a->r1], a->i2, 0)
LOG64(slgrk, sub_l64, c->gr[a->r2], c->gr[a->r3], 0)
LOG64(slbgr, sub_l64, c->gr[a->r1], c->gr[a->r2], BORROW)
LOG64(slbg, sub_l64, c->gr[a->r1], M64(EA2(c, a)), BORROW)
DEF(alsi)  { uint64_t ad = EA1(c, a); s390_st(c, ad, 4, add_l32(c, M32(ad), (uint32_t)S8(a->i2), 0)); }
DEF(algsi) { uint64_t ad = EA1(c, a); s390_st(c, ad, 8, add_l64(c, M64(ad), (uint64_t)S8(a->i2), 0)); }
/* High-word arithmetic. */
DEF(ahhhr) { set_hi(c, a->r1, add_s32(c, gr_hi(c, a->r2), gr_hi(c, a->r3))); if (c->cc == 3) fixed_overflow(c); }
DEF(ahhlr) { set_hi(c, a->r1, add_s32(c, gr_hi(c, a->r2), gr_lo(c, a->r3))); if (c->cc == 3) fixed_overflow(c); }
DEF(shhhr) { set_hi(c, a->r1, sub_s32(c, gr_hi(c, a->r2), gr_hi(c, a->r3))); if (c->cc == 3) fixed_overflow(c); }
DEF(shhlr) { set_hi(c, a->r1, sub_s32(c, gr_hi(c, a->r2), gr_lo(c, a->r3))); if (c->cc == 3) fixed_overflow(c); }
DEF(alhhhr) { set_hi(c, a->r1, add_l32(c, gr_hi(c, a->r2), gr_hi(c, a->r3), 0)); }
DEF(alhhlr) { set_hi(c, a->r1, add_l32(c, gr_hi(c, a->r2), gr_lo(c, a->r3), 0)); }
DEF(slhhhr) { set_hi(c, a->r1, sub_l32(c, gr_hi(c, a->r2), gr_hi(c, a->r3), 0)); }
DEF(slhhlr) { set_hi(c, a->r1, sub_l32(c, gr_hi(c, a->r2), gr_lo(c, a->r3), 0)); }
DEF(aih)    { set_hi(c, a->r1, add_s32(c, gr_hi(c, a->r1), (uint32_t)a->i2)); if (c->cc == 3) fixed_overflow(c); }
DEF(alsih)  { set_hi(c, a->r1, add_l32(c, gr_hi(c, a->r1), (uint32_t)a->i2, 0)); }
DEF(alsihn) { unsigned cc = c->cc; set_hi(c, a->r1, add_l32(c, gr_hi(c, a->r1), (uint32_t)a->i2, 0)); c->cc = cc; }

/* Multiply. */
DEF(msr)   { set_lo(c, a->r1, gr_lo(c, a->r1) * gr_lo(c, a->r2)); }
DEF(ms)    { set_lo(c, a->r1, gr_lo(c, a->r1) * M32(EA2(c, a))); }
DEF(mh)    { set_lo(c, a->r1, (uint32_t)(S32(c->gr[a->r1]) * S16(M16(EA2(c, a))))); }
DEF(mhi)   { set_lo(c, a->r1, (uint32_t)(S32(c->gr[a->r1]) * S16(a->i2))); }
DEF(msfi)  { set_lo(c, a->r1, (uint32_t)(S32(c->gr[a->r1]) * S32(a->i2))); }
DEF(msgr)  { c->gr[a->r1] *= c->gr[a->r2]; }
DEF(msgfr) { c->gr[a->r1] *= (uint64_t)S32(c->gr[a->r2]); }
DEF(msg)   { c->gr[a->r1] *= M64(EA2(c, a)); }
DEF(msgf)  { c->gr[a->r1] *= (uint64_t)S32(M32(EA2(c, a))); }
DEF(mghi)  { c->gr[a->r1] *= (uint64_t)S16(a->i2); }
DEF(msgfi) { c->gr[a->r1] *= (uint64_t)S32(a->i2); }
/* MULTIPLY (pair): the multiplicand is the odd register; the 64-bit product fills the pair. */
static void mul_pair32(struct s390_cpu *c, unsigned r1, uint64_t prod)
{
    set_lo(c, r1, (uint32_t)(prod >> 32));
    set_lo(c, r1 + 1, (uint32_t)prod);
}
DEF(mr)   { check_even(c, a->r1); mul_pair32(c, a->r1, (uint64_t)(S32(c->gr[a->r1 + 1]) * S32(c->gr[a->r2]))); }
DEF(m)    { check_even(c, a->r1); mul_pair32(c, a->r1, (uint64_t)(S32(c->gr[a->r1 + 1]) * S32(M32(EA2(c, a))))); }
DEF(mlr)  { check_even(c, a->r1); mul_pair32(c, a->r1, (uint64_t)gr_lo(c, a->r1 + 1) * gr_lo(c, a->r2)); }
DEF(ml)   { check_even(c, a->r1); mul_pair32(c, a->r1, (uint64_t)gr_lo(c, a->r1 + 1) * M32(EA2(c, a))); }
static void mlg(struct s390_cpu *c, unsigned r1, uint64_t y)
{
    check_even(c, r1);
    unsigned __int128 p = (unsigned __int128)c->gr[r1 + 1] * y;
    c->gr[r1] = (uint64_t)(p >> 64);
    c->gr[r1 + 1] = (uint64_t)p;
}
DEF(mlgr) { mlg(c, a->r1, c->gr[a->r2]); }
DEF(mlg)  { check_even(c, a->r1); mlg(c, a->r1, M64(EA2(c, a))); }

/* Divide: fixed-point-divide exception (suppression) for a zero divisor or a quotient that does
 * not fit. */
static void div32(struct s390_cpu *c, unsigned r1, int64_t divisor)
{
    check_even(c, r1);
    int64_t dividend = (int64_t)((uint64_t)gr_lo(c, r1) << 32 | gr_lo(c, r1 + 1));
    if (divisor == 0 || (dividend == INT64_MIN && divisor == -1))
        s390_program_exception(c, PGM_FIXED_DIVIDE);
    int64_t q = dividend / divisor, r = dividend % divisor;
    if (q != S32(q))
        s390_program_exception(c, PGM_FIXED_DIVIDE);
    set_lo(c, r1, (uint32_t)r);
    set_lo(c, r1 + 1, (uint32_t)q);
}
DEF(dr) { div32(c, a->r1, S32(c->gr[a->r2])); }
DEF(d)  { check_even(c, a->r1); div32(c, a->r1, S32(M32(EA2(c, a)))); }
static void divl32(struct s390_cpu *c, unsigned r1, uint32_t divisor)
{
    check_even(c, r1);
    uint64_t dividend = (uint64_t)gr_lo(c, r1) << 32 | gr_lo(c, r1 + 1);
    if (divisor == 0 || dividend / divisor > 0xffffffffULL)
        s390_program_exception(c, PGM_FIXED_DIVIDE);
    set_lo(c, r1, (uint32_t)(dividend % divisor));
    set_lo(c, r1 + 1, (uint32_t)(dividend / divisor));
}
DEF(dlr) { divl32(c, a->r1, gr_lo(c, a->r2)); }
DEF(dl)  { check_even(c, a->r1); divl32(c, a->r1, M32(EA2(c, a))); }
static void divs64(struct s390_cpu *c, unsigned r1, int64_t divisor)
{
    check_even(c, r1);
    int64_t dividend = (int64_t)c->gr[r1 + 1];
    if (divisor == 0 || (dividend == INT64_MIN && divisor == -1))
        s390_program_exception(c, PGM_FIXED_DIVIDE);
    c->gr[r1] = (uint64_t)(dividend % divisor);
    c->gr[r1 + 1] = (uint64_t)(dividend / divisor);
}
DEF(dsgr)  { divs64(c, a->r1, (int64_t)c->gr[a->r2]); }
DEF(dsgfr) { divs64(c, a->r1, S32(c->gr[a->r2])); }
DEF(dsg)   { check_even(c, a->r1); divs64(c, a->r1, (int64_t)M64(EA2(c, a))); }
DEF(dsgf)  { check_even(c, a->r1); divs64(c, a->r1, S32(M32(EA2(c, a)))); }
static void divl64(struct s390_cpu *c, unsigned r1, uint64_t divisor)
{
    check_even(c, r1);
    unsigned __int128 dividend = (unsigned __int128)c->gr[r1] << 64 | c->gr[r1 + 1];
    if (divisor == 0 || c->gr[r1] >= divisor)
        s390_program_exception(c, PGM_FIXED_DIVIDE);
    c->gr[r1] = (uint64_t)(dividend % divisor);
    c->gr[r1 + 1] = (uint64_t)(dividend / divisor);
}
DEF(dlgr) { divl64(c, a->r1, c->gr[a->r2]); }
DEF(dlg)  { check_even(c, a->r1); divl64(c, a->r1, M64(EA2(c, a))); }

/* ---- compares ---- */
#define CMPS(name, x, y) DEF(name) { c->cc = cc_cmp_s((int64_t)(x), (int64_t)(y)); }
#define CMPU(name, x, y) DEF(name) { c->cc = cc_cmp_u((uint64_t)(x), (uint64_t)(y)); }
CMPS(cr, S32(c->gr[a->r1]), S32(c->gr[a->r2]))
CMPS(c, S32(c->gr[a->r1]), S32(M32(EA2(c, a))))
CMPS(ch, S32(c->gr[a->r1]), S16(M16(EA2(c, a))))
CMPS(chi, S32(c->gr[a->r1]), S16(a->i2))
CMPS(cfi, S32(c->gr[a->r1]), S32(a->i2))
CMPS(cgr, c->gr[a->r1], c->gr[a->r2])
CMPS(cgfr, c->gr[a->r1], S32(c->gr[a->r2]))
CMPS(cg, c->gr[a->r1], M64(EA2(c, a)))
CMPS(cgf, c->gr[a->r1], S32(M32(EA2(c, a))))
CMPS(cgh, c->gr[a->r1], S16(M16(EA2(c, a))))
CMPS(cghi, c->gr[a->r1], S16(a->i2))
CMPS(cgfi, c->gr[a->r1], S32(a->i2))
CMPS(chhsi, S16(M16(EA1(c, a))), S16(a->i2))
CMPS(chsi, S32(M32(EA1(c, a))), S16(a->i2))
CMPS(cghsi, (int64_t)M64(EA1(c, a)), S16(a->i2))
CMPS(crl, S32(c->gr[a->r1]), S32(M32(rl_addr(c, a, 4))))
CMPS(cgrl, c->gr[a->r1], M64(rl_addr(c, a, 8)))
CMPS(cgfrl, c->gr[a->r1], S32(M32(rl_addr(c, a, 4))))
CMPS(chrl, S32(c->gr[a->r1]), S16(M16(rl_addr(c, a, 2))))
CMPS(cghrl, c->gr[a->r1], S16(M16(rl_addr(c, a, 2))))
CMPS(chhr, S32(gr_hi(c, a->r1)), S32(gr_hi(c, a->r2)))
CMPS(chlr, S32(gr_hi(c, a->r1)), S32(c->gr[a->r2]))
CMPS(chf, S32(gr_hi(c, a->r1)), S32(M32(EA2(c, a))))
CMPS(cih, S32(gr_hi(c, a->r1)), S32(a->i2))
CMPU(clr, gr_lo(c, a->r1), gr_lo(c, a->r2))
CMPU(cl, gr_lo(c, a->r1), M32(EA2(c, a)))
CMPU(clfi, gr_lo(c, a->r1), a->i2)
CMPU(clgr, c->gr[a->r1], c->gr[a->r2])
CMPU(clgfr, c->gr[a->r1], gr_lo(c, a->r2))
CMPU(clg, c->gr[a->r1], M64(EA2(c, a)))
CMPU(clgf, c->gr[a->r1], M32(EA2(c, a)))
CMPU(clgfi, c->gr[a->r1], a->i2)
CMPU(cli, M8(EA1(c, a)), a->i2)
CMPU(clhhsi, M16(EA1(c, a)), a->i2)
CMPU(clfhsi, M32(EA1(c, a)), a->i2)
CMPU(clghsi, M64(EA1(c, a)), a->i2)
CMPU(clrl, gr_lo(c, a->r1), M32(rl_addr(c, a, 4)))
CMPU(clgrl, c->gr[a->r1], M64(rl_addr(c, a, 8)))
CMPU(clgfrl, c->gr[a->r1], M32(rl_addr(c, a, 4)))
CMPU(clhrl, gr_lo(c, a->r1), M16(rl_addr(c, a, 2)))
CMPU(clghrl, c->gr[a->r1], M16(rl_addr(c, a, 2)))
CMPU(clhhr, gr_hi(c, a->r1), gr_hi(c, a->r2))
CMPU(clhlr, gr_hi(c, a->r1), gr_lo(c, a->r2))
CMPU(clhf, gr_hi(c, a->r1), M32(EA2(c, a)))
CMPU(clih, gr_hi(c, a->r1), a->i2)

/* COMPARE AND TRAP: data exception with DXC 0xFF when the M3 condition (8 equal, 4 low, 2 high)
 * holds. */
static void trap_if(struct s390_cpu *c, unsigned m3, unsigned cmp)
{
    if (cmp < 3 && (m3 & (8u >> cmp)))
        s390_data_exception(c, 0xFF);
}
DEF(crt)   { trap_if(c, a->m3, cc_cmp_s(S32(c->gr[a->r1]), S32(c->gr[a->r2]))); }
DEF(cgrt)  { trap_if(c, a->m3, cc_cmp_s((int64_t)c->gr[a->r1], (int64_t)c->gr[a->r2])); }
DEF(clrt)  { trap_if(c, a->m3, cc_cmp_u(gr_lo(c, a->r1), gr_lo(c, a->r2))); }
DEF(clgrt) { trap_if(c, a->m3, cc_cmp_u(c->gr[a->r1], c->gr[a->r2])); }
DEF(cit)   { trap_if(c, a->m3, cc_cmp_s(S32(c->gr[a->r1]), S16(a->i2))); }
DEF(cgit)  { trap_if(c, a->m3, cc_cmp_s((int64_t)c->gr[a->r1], S16(a->i2))); }
DEF(clfit) { trap_if(c, a->m3, cc_cmp_u(gr_lo(c, a->r1), a->i2)); }
DEF(clgit) { trap_if(c, a->m3, cc_cmp_u(c->gr[a->r1], a->i2)); }

/* ---- logical ---- */
#define BOOL32(name, op, src) DEF(name) { uint32_t v = gr_lo(c, a->r1) op (uint32_t)(src); set_lo(c, a->r1, v); c->cc = v != 0; }
#define BOOL32K(name, op) DEF(name) { uint32_t v = gr_lo(c, a->r2) op gr_lo(c, a->r3); set_lo(c, a->r1, v); c->cc = v != 0; }
#define BOOL64(name, op, src) DEF(name) { uint64_t v = c->gr[a->r1] op (uint64_t)(src); c->gr[a->r1] = v; c->cc = v != 0; }
#define BOOL64K(name, op) DEF(name) { uint64_t v = c->gr[a->r2] op c->gr[a->r3]; c->gr[a->r1] = v; c->cc = v != 0; }
#define BOOLMEM(name, op) DEF(name) { uint64_t ad = EA1(c, a); uint8_t v = (uint8_t)(M8(ad) op a->i2); s390_st(c, ad, 1, v); c->cc = v != 0; }
/* Immediate into a 16/32-bit part; CC from that part of the result (PoP "AND Immediate"). */
#define BOOLPART(name, op, shift, bits) DEF(name) { uint64_t m = ((1ULL << bits) - 1) << shift; \
    uint64_t part = ((c->gr[a->r1] & m) op (a->i2 << shift)) & m; \
    c->gr[a->r1] = (c->gr[a->r1] & ~m) | part; c->cc = part != 0; }
BOOL32(nr, &, gr_lo(c, a->r2))
BOOL32(n, &, M32(EA2(c, a)))
BOOL32K(nrk, &)
BOOL64(ngr, &, c->gr[a->r2])
BOOL64(ng, &, M64(EA2(c, a)))
BOOL64K(ngrk, &)
BOOL32(or, |, gr_lo(c, a->r2))
BOOL32(o, |, M32(EA2(c, a)))
BOOL32K(ork, |)
BOOL64(ogr, |, c->gr[a->r2])
BOOL64(og, |, M64(EA2(c, a)))
BOOL64K(ogrk, |)
BOOL32(xr, ^, gr_lo(c, a->r2))
BOOL32(x, ^, M32(EA2(c, a)))
BOOL32K(xrk, ^)
BOOL64(xgr, ^, c->gr[a->r2])
BOOL64(xg, ^, M64(EA2(c, a)))
BOOL64K(xgrk, ^)
BOOLMEM(ni, &)
BOOLMEM(oi, |)
BOOLMEM(xi, ^)
/* AND immediate keeps the other bits: op with the immediate inside the part only. */
#define ANDPART(name, shift, bits) DEF(name) { uint64_t m = ((1ULL << bits) - 1) << shift; \
    uint64_t part = c->gr[a->r1] & m & (a->i2 << shift); \
    c->gr[a->r1] = (c->gr[a->r1] & ~m) | part; c->cc = part != 0; }
ANDPART(nihh, 48, 16)
ANDPART(nihl, 32, 16)
ANDPART(nilh, 16, 16)
ANDPART(nill, 0, 16)
ANDPART(nihf, 32, 32)
ANDPART(nilf, 0, 32)
BOOLPART(oihh, |, 48, 16)
BOOLPART(oihl, |, 32, 16)
BOOLPART(oilh, |, 16, 16)
BOOLPART(oill, |, 0, 16)
BOOLPART(oihf, |, 32, 32)
BOOLPART(oilf, |, 0, 32)
BOOLPART(xihf, ^, 32, 32)
BOOLPART(xilf, ^, 0, 32)

/* TEST UNDER MASK. */
DEF(tm)
{
    uint8_t v = M8(EA1(c, a)) & (uint8_t)a->i2;
    c->cc = (a->i2 == 0 || v == 0) ? 0 : v == a->i2 ? 3 : 1;
}
static void tm16(struct s390_cpu *c, uint16_t reg, uint16_t mask)
{
    uint16_t v = reg & mask;
    if (mask == 0 || v == 0)
        c->cc = 0;
    else if (v == mask)
        c->cc = 3;
    else
        c->cc = (v & (0x8000 >> __builtin_clz((unsigned)mask << 16))) ? 2 : 1;
}
DEF(tmhh) { tm16(c, (uint16_t)(c->gr[a->r1] >> 48), (uint16_t)a->i2); }
DEF(tmhl) { tm16(c, (uint16_t)(c->gr[a->r1] >> 32), (uint16_t)a->i2); }
DEF(tmlh) { tm16(c, (uint16_t)(c->gr[a->r1] >> 16), (uint16_t)a->i2); }
DEF(tmll) { tm16(c, (uint16_t)c->gr[a->r1], (uint16_t)a->i2); }

/* ---- shifts and rotates: the shift amount is the low 6 bits of the second-operand address ---- */
#define SHAMT ((unsigned)(EA2S(c, a) & 63))
DEF(sll)  { set_lo(c, a->r1, SHAMT >= 32 ? 0 : gr_lo(c, a->r1) << SHAMT); }
DEF(srl)  { set_lo(c, a->r1, SHAMT >= 32 ? 0 : gr_lo(c, a->r1) >> SHAMT); }
DEF(sllk) { set_lo(c, a->r1, SHAMT >= 32 ? 0 : gr_lo(c, a->r3) << SHAMT); }
DEF(srlk) { set_lo(c, a->r1, SHAMT >= 32 ? 0 : gr_lo(c, a->r3) >> SHAMT); }
DEF(sllg) { c->gr[a->r1] = c->gr[a->r3] << SHAMT; }
DEF(srlg) { c->gr[a->r1] = c->gr[a->r3] >> SHAMT; }
static uint32_t sra32(struct s390_cpu *c, uint32_t v, unsigned n)
{
    int32_t r = (int32_t)v >> (n > 31 ? 31 : n);
    c->cc = cc_signed(r);
    return (uint32_t)r;
}
DEF(sra)  { set_lo(c, a->r1, sra32(c, gr_lo(c, a->r1), SHAMT)); }
DEF(srak) { set_lo(c, a->r1, sra32(c, gr_lo(c, a->r3), SHAMT)); }
DEF(srag) { int64_t r = (int64_t)c->gr[a->r3] >> SHAMT; c->gr[a->r1] = (uint64_t)r; c->cc = cc_signed(r); }
/* SHIFT LEFT SINGLE: the sign bit stays; overflow if any bit shifted out differs from it. */
static uint64_t sla(struct s390_cpu *c, uint64_t v, unsigned n, unsigned bits)
{
    uint64_t sign = (v >> (bits - 1)) & 1;
    uint64_t mag_mask = (bits == 64 ? ~0ULL : (1ULL << bits) - 1) >> 1;
    uint64_t mag = v & mag_mask;
    bool ovf = false;
    for (unsigned i = 0; i < n; i++) {
        if (((mag >> (bits - 2)) & 1) != sign)
            ovf = true;
        mag = (mag << 1) & mag_mask;
    }
    uint64_t r = (sign << (bits - 1)) | mag;
    int64_t sv = bits == 64 ? (int64_t)r : (int64_t)(int32_t)(uint32_t)r;
    c->cc = ovf ? 3 : cc_signed(sv);
    return r;
}
DEF(sla)  { set_lo(c, a->r1, (uint32_t)sla(c, gr_lo(c, a->r1), SHAMT, 32)); if (c->cc == 3) fixed_overflow(c); }
DEF(slak) { set_lo(c, a->r1, (uint32_t)sla(c, gr_lo(c, a->r3), SHAMT, 32)); if (c->cc == 3) fixed_overflow(c); }
DEF(slag) { c->gr[a->r1] = sla(c, c->gr[a->r3], SHAMT, 64); if (c->cc == 3) fixed_overflow(c); }
static uint64_t pair64(struct s390_cpu *c, unsigned r1)
{
    check_even(c, r1);
    return (uint64_t)gr_lo(c, r1) << 32 | gr_lo(c, r1 + 1);
}
static void set_pair64(struct s390_cpu *c, unsigned r1, uint64_t v)
{
    set_lo(c, r1, (uint32_t)(v >> 32));
    set_lo(c, r1 + 1, (uint32_t)v);
}
DEF(sldl) { uint64_t v = pair64(c, a->r1); set_pair64(c, a->r1, v << SHAMT); }
DEF(srdl) { uint64_t v = pair64(c, a->r1); set_pair64(c, a->r1, v >> SHAMT); }
DEF(srda) { int64_t v = (int64_t)pair64(c, a->r1) >> SHAMT; set_pair64(c, a->r1, (uint64_t)v); c->cc = cc_signed(v); }
DEF(slda) { uint64_t v = pair64(c, a->r1); set_pair64(c, a->r1, sla(c, v, SHAMT, 64)); if (c->cc == 3) fixed_overflow(c); }
static uint32_t rol32(uint32_t v, unsigned n) { n &= 31; return n ? (v << n) | (v >> (32 - n)) : v; }
static uint64_t rol64(uint64_t v, unsigned n) { n &= 63; return n ? (v << n) | (v >> (64 - n)) : v; }
DEF(rll)  { set_lo(c, a->r1, rol32(gr_lo(c, a->r3), SHAMT)); }
DEF(rllg) { c->gr[a->r1] = rol64(c->gr[a->r3], SHAMT); }

/* Rotate then insert/and/or/xor selected bits (general-instructions-extension). The mask covers IBM
 * bit positions I3..I4, wrapping around when I3 > I4. */
static uint64_t bit_range_mask(unsigned start, unsigned end)
{
    uint64_t from_start = ~0ULL >> start;            /* IBM bits start..63 */
    uint64_t to_end = ~0ULL << (63 - end);           /* IBM bits 0..end */
    return start <= end ? (from_start & to_end) : (from_start | to_end);
}
static void risbg(struct s390_cpu *c, const struct s390_args *a, bool set_cc)
{
    unsigned start = a->i3 & 63, end = a->i4 & 63;
    bool zero = a->i4 & 0x80;
    uint64_t mask = bit_range_mask(start, end);
    uint64_t rot = rol64(c->gr[a->r2], a->i5 & 63);
    uint64_t v = (rot & mask) | (zero ? 0 : (c->gr[a->r1] & ~mask));
    c->gr[a->r1] = v;
    if (set_cc)
        c->cc = cc_signed((int64_t)v);
}
DEF(risbg)  { risbg(c, a, true); }
DEF(risbgn) { risbg(c, a, false); }
DEF(risbhg)
{
    unsigned start = a->i3 & 31, end = a->i4 & 31;
    uint64_t mask = bit_range_mask(start, end) & 0xffffffff00000000ULL;
    if (start > end)
        mask = (bit_range_mask(start, 31) | bit_range_mask(0, end)) & 0xffffffff00000000ULL;
    uint64_t rot = rol64(c->gr[a->r2], a->i5 & 63);
    uint64_t hi = (a->i4 & 0x80) ? 0 : (c->gr[a->r1] & 0xffffffff00000000ULL & ~mask);
    c->gr[a->r1] = (c->gr[a->r1] & 0xffffffffULL) | hi | (rot & mask);
}
DEF(risblg)
{
    unsigned start = (a->i3 & 31) + 32, end = (a->i4 & 31) + 32;
    uint64_t mask = bit_range_mask(start, end) & 0xffffffffULL;
    if (start > end)
        mask = (bit_range_mask(start, 63) | bit_range_mask(32, end)) & 0xffffffffULL;
    uint64_t rot = rol64(c->gr[a->r2], a->i5 & 63);
    uint64_t lo = (a->i4 & 0x80) ? 0 : (c->gr[a->r1] & 0xffffffffULL & ~mask);
    c->gr[a->r1] = (c->gr[a->r1] & 0xffffffff00000000ULL) | lo | (rot & mask);
}
/* RNSBG/ROSBG/RXSBG: I3 bit 0 = test only; CC 0 if the selected bits of the result are zero. */
static void rsbg(struct s390_cpu *c, const struct s390_args *a, int op)
{
    unsigned start = a->i3 & 63, end = a->i4 & 63;
    uint64_t mask = bit_range_mask(start, end);
    uint64_t rot = rol64(c->gr[a->r2], a->i5 & 63);
    uint64_t r1 = c->gr[a->r1];
    uint64_t sel = op == 0 ? (r1 & rot) : op == 1 ? (r1 | rot) : (r1 ^ rot);
    sel &= mask;
    c->cc = sel != 0;
    if (!(a->i3 & 0x80))
        c->gr[a->r1] = (r1 & ~mask) | sel;
}
DEF(rnsbg) { rsbg(c, a, 0); }
DEF(rosbg) { rsbg(c, a, 1); }
DEF(rxsbg) { rsbg(c, a, 2); }

/* FIND LEFTMOST ONE (extended-immediate). */
DEF(flogr)
{
    check_even(c, a->r1);
    uint64_t v = c->gr[a->r2];
    if (v == 0) {
        c->gr[a->r1] = 64; c->gr[a->r1 + 1] = 0; c->cc = 0;
        return;
    }
    unsigned n = (unsigned)__builtin_clzll(v);
    c->gr[a->r1] = n;
    c->gr[a->r1 + 1] = v & ~(0x8000000000000000ULL >> n);
    c->cc = 2;
}
/* POPULATION COUNT (z13 form, M3 ignored): each byte receives its own bit count. */
DEF(popcnt)
{
    uint64_t v = c->gr[a->r2], r = 0;
    for (unsigned i = 0; i < 8; i++)
        r |= (uint64_t)__builtin_popcountll((v >> (8 * i)) & 0xff) << (8 * i);
    c->gr[a->r1] = r;
    c->cc = r != 0;
}

/* ---- compare and swap / interlocked access ---- */
static uint64_t aligned_ea(struct s390_cpu *c, uint64_t ad, unsigned align)
{
    if (ad & (align - 1))
        s390_program_exception(c, PGM_SPECIFICATION);
    return ad;
}
DEF(cs)
{
    uint64_t ad = aligned_ea(c, EA2S(c, a), 4);
    s390_probe(c, ad, 4, 1);
    uint32_t cur = M32(ad);
    if (cur == gr_lo(c, a->r1)) {
        s390_st(c, ad, 4, gr_lo(c, a->r3)); c->cc = 0;
    } else {
        set_lo(c, a->r1, cur); c->cc = 1;
    }
}
DEF(csg)
{
    uint64_t ad = aligned_ea(c, EA2S(c, a), 8);
    s390_probe(c, ad, 8, 1);
    uint64_t cur = M64(ad);
    if (cur == c->gr[a->r1]) {
        s390_st(c, ad, 8, c->gr[a->r3]); c->cc = 0;
    } else {
        c->gr[a->r1] = cur; c->cc = 1;
    }
}
DEF(cds)
{
    check_even(c, a->r1); check_even(c, a->r3);
    uint64_t ad = aligned_ea(c, EA2S(c, a), 8);
    s390_probe(c, ad, 8, 1);
    uint64_t cur = M64(ad);
    if (cur == pair64(c, a->r1)) {
        s390_st(c, ad, 8, pair64(c, a->r3)); c->cc = 0;
    } else {
        set_pair64(c, a->r1, cur); c->cc = 1;
    }
}
DEF(cdsg)
{
    check_even(c, a->r1); check_even(c, a->r3);
    uint64_t ad = aligned_ea(c, EA2S(c, a), 16);
    s390_probe(c, ad, 16, 1);
    uint64_t hi = M64(ad), lo = M64(ad + 8);
    if (hi == c->gr[a->r1] && lo == c->gr[a->r1 + 1]) {
        s390_st(c, ad, 8, c->gr[a->r3]); s390_st(c, ad + 8, 8, c->gr[a->r3 + 1]); c->cc = 0;
    } else {
        c->gr[a->r1] = hi; c->gr[a->r1 + 1] = lo; c->cc = 1;
    }
}
/* LOAD AND ADD/AND/OR/EXCLUSIVE OR (interlocked-access facility 1). */
#define LAOP32(name, expr, ccset) DEF(name) { uint64_t ad = aligned_ea(c, EA2S(c, a), 4); \
    s390_probe(c, ad, 4, 1); uint32_t old = M32(ad), y = gr_lo(c, a->r3); uint32_t v = expr; \
    ccset; s390_st(c, ad, 4, v); set_lo(c, a->r1, old); }
#define LAOP64(name, expr, ccset) DEF(name) { uint64_t ad = aligned_ea(c, EA2S(c, a), 8); \
    s390_probe(c, ad, 8, 1); uint64_t old = M64(ad), y = c->gr[a->r3]; uint64_t v = expr; \
    ccset; s390_st(c, ad, 8, v); c->gr[a->r1] = old; }
DEF(laa)
{
    uint64_t ad = aligned_ea(c, EA2S(c, a), 4);
    s390_probe(c, ad, 4, 1);
    uint32_t old = M32(ad), v = add_s32(c, old, gr_lo(c, a->r3));
    s390_st(c, ad, 4, v); set_lo(c, a->r1, old);
    if (c->cc == 3) fixed_overflow(c);
}
DEF(laag)
{
    uint64_t ad = aligned_ea(c, EA2S(c, a), 8);
    s390_probe(c, ad, 8, 1);
    uint64_t old = M64(ad), v = add_s64(c, old, c->gr[a->r3]);
    s390_st(c, ad, 8, v); c->gr[a->r1] = old;
    if (c->cc == 3) fixed_overflow(c);
}
LAOP32(laal, add_l32(c, old, y, 0), (void)0)
LAOP64(laalg, add_l64(c, old, y, 0), (void)0)
LAOP32(lan, old & y, c->cc = v != 0)
LAOP64(lang, old & y, c->cc = v != 0)
LAOP32(lao, old | y, c->cc = v != 0)
LAOP64(laog, old | y, c->cc = v != 0)
LAOP32(lax, old ^ y, c->cc = v != 0)
LAOP64(laxg, old ^ y, c->cc = v != 0)

/* ---- PSW fields in GRs ---- */
DEF(ipm)
{
    uint32_t pm = (uint32_t)((c->psw.mask >> 40) & 0xf);
    uint64_t byte = ((uint64_t)c->cc << 4 | pm) << 24;
    c->gr[a->r1] = (c->gr[a->r1] & ~0xff000000ULL) | byte;
}
DEF(spm)
{
    uint32_t v = gr_lo(c, a->r1);
    c->cc = (v >> 28) & 3;
    c->psw.mask = (c->psw.mask & ~PSW_MASK_PM) | ((uint64_t)((v >> 24) & 0xf) << 40);
}

/* ---- access registers ---- */
DEF(ear)  { set_lo(c, a->r1, c->ar[a->r2]); }
DEF(sar)  { c->ar[a->r1] = gr_lo(c, a->r2); }
DEF(cpya) { c->ar[a->r1] = c->ar[a->r2]; }
DEF(lam)
{
    uint64_t ad = EA2S(c, a);
    if (ad & 3)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 4ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        c->ar[(a->r1 + i) & 15] = M32(wrap_addr(c, ad + 4 * i));
}
DEF(stam)
{
    uint64_t ad = EA2S(c, a);
    if (ad & 3)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned n = nregs(a->r1, a->r3);
    s390_probe(c, ad, 4ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, wrap_addr(c, ad + 4 * i), 4, c->ar[(a->r1 + i) & 15]);
}

/* CONVERT TO DECIMAL / CONVERT TO BINARY (packed decimal, sign C for +, D for -). */
static void cvd(struct s390_cpu *c, uint64_t ad, int64_t v, unsigned bytes)
{
    uint8_t buf[16];
    unsigned __int128 mag;
    memset(buf, 0, sizeof(buf));
    mag = v < 0 ? (unsigned __int128)(-(__int128)v) : (unsigned __int128)v;
    unsigned ndig = bytes * 2 - 1;
    for (unsigned k = 0; k < ndig; k++) {
        unsigned digit = (unsigned)(mag % 10);
        mag /= 10;
        unsigned nibpos = ndig - 1 - k;  /* 0 = leftmost nibble */
        buf[nibpos / 2] |= (uint8_t)(nibpos & 1 ? digit : digit << 4);
    }
    buf[bytes - 1] |= v < 0 ? 0x0D : 0x0C;
    s390_st_bytes(c, ad, buf, bytes);
}
DEF(cvd)  { cvd(c, EA2(c, a), S32(c->gr[a->r1]), 8); }
DEF(cvdg) { cvd(c, EA2(c, a), (int64_t)c->gr[a->r1], 16); }
static __int128 cvb(struct s390_cpu *c, uint64_t ad, unsigned bytes)
{
    uint8_t buf[16];
    s390_ld_bytes(c, ad, buf, bytes);
    unsigned sign = buf[bytes - 1] & 0xf;
    if (sign < 0xA)
        s390_data_exception(c, 0x00);
    __int128 v = 0;
    for (unsigned nib = 0; nib < bytes * 2 - 1; nib++) {
        unsigned d = nib & 1 ? buf[nib / 2] & 0xf : buf[nib / 2] >> 4;
        if (d > 9)
            s390_data_exception(c, 0x00);
        v = v * 10 + d;
    }
    return (sign == 0xB || sign == 0xD) ? -v : v;
}
DEF(cvb)
{
    __int128 v = cvb(c, EA2(c, a), 8);
    set_lo(c, a->r1, (uint32_t)v);
    if (v != (int32_t)v)
        s390_program_exception(c, 0x0009);
}
DEF(cvbg)
{
    __int128 v = cvb(c, EA2(c, a), 16);
    c->gr[a->r1] = (uint64_t)v;
    if (v != (int64_t)v)
        s390_program_exception(c, 0x0009);
}

/* No-ops for this model: NEXT INSTRUCTION ACCESS INTENT, PERFORM PROCESSOR ASSIST. */
DEF(nop) { UNUSED_A; (void)c; }

/* ---- the decode table ---- */
#define RW1 (IF_R1_R | IF_R1_W)
#define W1 IF_R1_W
#define R1 IF_R1_R
#define R2 IF_R2_R
#define R3 IF_R3_R
#define CC IF_SETS_CC
#define MR IF_MEM_R
#define MW IF_MEM_W
#define P1 IF_R1_PAIR
#define P3 IF_R3_PAIR
#define UC IF_USES_CC

const struct s390_insn s390_insns_general[] = {
    ROW(0x1800, "lr", RR, op_lr, W1 | R2, 0),
    ROW(0xB904, "lgr", RRE, op_lgr, W1 | R2, 0),
    ROW(0xB914, "lgfr", RRE, op_lgfr, W1 | R2, 0),
    ROW(0xB916, "llgfr", RRE, op_llgfr, W1 | R2, 0),
    ROW(0xB917, "llgtr", RRE, op_llgtr, W1 | R2, 0),
    ROW(0xB926, "lbr", RRE, op_lbr, W1 | R2, 0),
    ROW(0xB906, "lgbr", RRE, op_lgbr, W1 | R2, 0),
    ROW(0xB927, "lhr", RRE, op_lhr, W1 | R2, 0),
    ROW(0xB907, "lghr", RRE, op_lghr, W1 | R2, 0),
    ROW(0xB994, "llcr", RRE, op_llcr, W1 | R2, 0),
    ROW(0xB984, "llgcr", RRE, op_llgcr, W1 | R2, 0),
    ROW(0xB995, "llhr", RRE, op_llhr, W1 | R2, 0),
    ROW(0xB985, "llghr", RRE, op_llghr, W1 | R2, 0),
    ROW(0x1200, "ltr", RR, op_ltr, W1 | R2 | CC, 0),
    ROW(0xB902, "ltgr", RRE, op_ltgr, W1 | R2 | CC, 0),
    ROW(0xB912, "ltgfr", RRE, op_ltgfr, W1 | R2 | CC, 0),
    ROW(0x1300, "lcr", RR, op_lcr, W1 | R2 | CC, 0),
    ROW(0xB903, "lcgr", RRE, op_lcgr, W1 | R2 | CC, 0),
    ROW(0xB913, "lcgfr", RRE, op_lcgfr, W1 | R2 | CC, 0),
    ROW(0x1000, "lpr", RR, op_lpr, W1 | R2 | CC, 0),
    ROW(0xB900, "lpgr", RRE, op_lpgr, W1 | R2 | CC, 0),
    ROW(0xB910, "lpgfr", RRE, op_lpgfr, W1 | R2 | CC, 0),
    ROW(0x1100, "lnr", RR, op_lnr, W1 | R2 | CC, 0),
    ROW(0xB901, "lngr", RRE, op_lngr, W1 | R2 | CC, 0),
    ROW(0xB911, "lngfr", RRE, op_lngfr, W1 | R2 | CC, 0),
    ROW(0x5800, "l", RXa, op_l, W1 | MR, 4),
    ROW(0xE358, "ly", RXYa, op_l, W1 | MR, 4),
    ROW(0xE304, "lg", RXYa, op_lg, W1 | MR, 8),
    ROW(0xE314, "lgf", RXYa, op_lgf, W1 | MR, 4),
    ROW(0xE316, "llgf", RXYa, op_llgf, W1 | MR, 4),
    ROW(0xE317, "llgt", RXYa, op_llgt, W1 | MR, 4),
    ROW(0x4800, "lh", RXa, op_lh, W1 | MR, 2),
    ROW(0xE378, "lhy", RXYa, op_lh, W1 | MR, 2),
    ROW(0xE315, "lgh", RXYa, op_lgh, W1 | MR, 2),
    ROW(0xE395, "llh", RXYa, op_llh, W1 | MR, 2),
    ROW(0xE391, "llgh", RXYa, op_llgh, W1 | MR, 2),
    ROW(0xE376, "lb", RXYa, op_lb, W1 | MR, 1),
    ROW(0xE377, "lgb", RXYa, op_lgb, W1 | MR, 1),
    ROW(0xE394, "llc", RXYa, op_llc, W1 | MR, 1),
    ROW(0xE390, "llgc", RXYa, op_llgc, W1 | MR, 1),
    ROW(0xE312, "lt", RXYa, op_lt, W1 | MR | CC, 4),
    ROW(0xE302, "ltg", RXYa, op_ltg, W1 | MR | CC, 8),
    ROW(0xE332, "ltgf", RXYa, op_ltgf, W1 | MR | CC, 4),
    ROW(0xE3CA, "lfh", RXYa, op_lfh, RW1 | MR, 4),
    ROW(0xE3C0, "lbh", RXYa, op_lbh, RW1 | MR, 1),
    ROW(0xE3C2, "llch", RXYa, op_llch, RW1 | MR, 1),
    ROW(0xE3C4, "lhh", RXYa, op_lhh, RW1 | MR, 2),
    ROW(0xE3C6, "llhh", RXYa, op_llhh, RW1 | MR, 2),
    ROW(0xE3CB, "stfh", RXYa, op_stfh, R1 | MW, 4),
    ROW(0xE3C7, "sthh", RXYa, op_sthh, R1 | MW, 2),
    ROW(0xE3C3, "stch", RXYa, op_stch, R1 | MW, 1),
    ROW(0xA708, "lhi", RIa, op_lhi, W1, 0),
    ROW(0xA709, "lghi", RIa, op_lghi, W1, 0),
    ROW(0xC001, "lgfi", RILa, op_lgfi, W1, 0),
    ROW(0xA50C, "llihh", RIa, op_llihh, W1, 0),
    ROW(0xA50D, "llihl", RIa, op_llihl, W1, 0),
    ROW(0xA50E, "llilh", RIa, op_llilh, W1, 0),
    ROW(0xA50F, "llill", RIa, op_llill, W1, 0),
    ROW(0xC00E, "llihf", RILa, op_llihf, W1, 0),
    ROW(0xC00F, "llilf", RILa, op_llilf, W1, 0),
    ROW(0xA500, "iihh", RIa, op_iihh, RW1, 0),
    ROW(0xA501, "iihl", RIa, op_iihl, RW1, 0),
    ROW(0xA502, "iilh", RIa, op_iilh, RW1, 0),
    ROW(0xA503, "iill", RIa, op_iill, RW1, 0),
    ROW(0xC008, "iihf", RILa, op_iihf, RW1, 0),
    ROW(0xC009, "iilf", RILa, op_iilf, RW1, 0),
    ROW(0x4100, "la", RXa, op_la, W1, 0),
    ROW(0xE371, "lay", RXYa, op_la, W1, 0),
    ROW(0xC000, "larl", RILb, op_larl, W1, 0),
    ROW(0xC40D, "lrl", RILb, op_lrl, W1 | MR, 4),
    ROW(0xC408, "lgrl", RILb, op_lgrl, W1 | MR, 8),
    ROW(0xC40C, "lgfrl", RILb, op_lgfrl, W1 | MR, 4),
    ROW(0xC40E, "llgfrl", RILb, op_llgfrl, W1 | MR, 4),
    ROW(0xC405, "lhrl", RILb, op_lhrl, W1 | MR, 2),
    ROW(0xC404, "lghrl", RILb, op_lghrl, W1 | MR, 2),
    ROW(0xC402, "llhrl", RILb, op_llhrl, W1 | MR, 2),
    ROW(0xC406, "llghrl", RILb, op_llghrl, W1 | MR, 2),
    ROW(0xC40F, "strl", RILb, op_strl, R1 | MW, 4),
    ROW(0xC40B, "stgrl", RILb, op_stgrl, R1 | MW, 8),
    ROW(0xC407, "sthrl", RILb, op_sthrl, R1 | MW, 2),
    ROW(0xC602, "pfdrl", RILc, op_pfdrl, 0, 0),
    ROW(0xE336, "pfd", RXYb, op_pfd, 0, 0),
    ROW(0x5000, "st", RXa, op_st, R1 | MW, 4),
    ROW(0xE350, "sty", RXYa, op_st, R1 | MW, 4),
    ROW(0xE324, "stg", RXYa, op_stg, R1 | MW, 8),
    ROW(0x4000, "sth", RXa, op_sth, R1 | MW, 2),
    ROW(0xE370, "sthy", RXYa, op_sth, R1 | MW, 2),
    ROW(0x4200, "stc", RXa, op_stc, R1 | MW, 1),
    ROW(0xE372, "stcy", RXYa, op_stc, R1 | MW, 1),
    ROW(0x9200, "mvi", SI, op_mvi, MW, 1),
    ROW(0xEB52, "mviy", SIY, op_mvi, MW, 1),
    ROW(0xE544, "mvhhi", SIL, op_mvhhi, MW, 2),
    ROW(0xE54C, "mvhi", SIL, op_mvhi, MW, 4),
    ROW(0xE548, "mvghi", SIL, op_mvghi, MW, 8),
    ROW(0x9800, "lm", RSa, op_lm, IF_RANGE | W1 | MR, MEMSZ_VAR),
    ROW(0xEB98, "lmy", RSYa, op_lm, IF_RANGE | W1 | MR, MEMSZ_VAR),
    ROW(0xEB96, "lmh", RSYa, op_lmh, IF_RANGE | W1 | MR, MEMSZ_VAR),
    ROW(0xEB04, "lmg", RSYa, op_lmg, IF_RANGE | W1 | MR, MEMSZ_VAR),
    ROW(0x9000, "stm", RSa, op_stm, IF_RANGE | R1 | MW, MEMSZ_VAR),
    ROW(0xEB90, "stmy", RSYa, op_stm, IF_RANGE | R1 | MW, MEMSZ_VAR),
    ROW(0xEB26, "stmh", RSYa, op_stmh, IF_RANGE | R1 | MW, MEMSZ_VAR),
    ROW(0xEB24, "stmg", RSYa, op_stmg, IF_RANGE | R1 | MW, MEMSZ_VAR),
    ROW(0xE38F, "lpq", RXYa, op_lpq, W1 | P1 | MR, 16),
    ROW(0xE38E, "stpq", RXYa, op_stpq, R1 | P1 | MW, 16),
    ROW(0xB91F, "lrvr", RRE, op_lrvr, W1 | R2, 0),
    ROW(0xB90F, "lrvgr", RRE, op_lrvgr, W1 | R2, 0),
    ROW(0xE31E, "lrv", RXYa, op_lrv, W1 | MR, 4),
    ROW(0xE30F, "lrvg", RXYa, op_lrvg, W1 | MR, 8),
    ROW(0xE31F, "lrvh", RXYa, op_lrvh, RW1 | MR, 2),
    ROW(0xE33E, "strv", RXYa, op_strv, R1 | MW, 4),
    ROW(0xE32F, "strvg", RXYa, op_strvg, R1 | MW, 8),
    ROW(0xE33F, "strvh", RXYa, op_strvh, R1 | MW, 2),
    ROW(0xB9F2, "locr", RRFc, op_locr, RW1 | R2 | UC, 0),
    ROW(0xB9E2, "locgr", RRFc, op_locgr, RW1 | R2 | UC, 0),
    ROW(0xEBF2, "loc", RSYb, op_loc, RW1 | MR | UC, 4),
    ROW(0xEBE2, "locg", RSYb, op_locg, RW1 | MR | UC, 8),
    ROW(0xEBF3, "stoc", RSYb, op_stoc, R1 | MW | UC, 4),
    ROW(0xEBE3, "stocg", RSYb, op_stocg, R1 | MW | UC, 8),
    ROW(0xBF00, "icm", RSb, op_icm, RW1 | MR | CC, MEMSZ_VAR),
    ROW(0xEB81, "icmy", RSYb, op_icm, RW1 | MR | CC, MEMSZ_VAR),
    ROW(0xEB80, "icmh", RSYb, op_icmh, RW1 | MR | CC, MEMSZ_VAR),
    ROW(0x4300, "ic", RXa, op_ic, RW1 | MR, 1),
    ROW(0xE373, "icy", RXYa, op_ic, RW1 | MR, 1),
    ROW(0xBE00, "stcm", RSb, op_stcm, R1 | MW, MEMSZ_VAR),
    ROW(0xEB2D, "stcmy", RSYb, op_stcm, R1 | MW, MEMSZ_VAR),
    ROW(0xEB2C, "stcmh", RSYb, op_stcmh, R1 | MW, MEMSZ_VAR),
    ROW(0xBD00, "clm", RSb, op_clm, R1 | MR | CC, MEMSZ_VAR),
    ROW(0xEB21, "clmy", RSYb, op_clm, R1 | MR | CC, MEMSZ_VAR),
    ROW(0xEB20, "clmh", RSYb, op_clmh, R1 | MR | CC, MEMSZ_VAR),

    ROW(0x1A00, "ar", RR, op_ar, RW1 | R2 | CC, 0),
    ROW(0x5A00, "a", RXa, op_a, RW1 | MR | CC, 4),
    ROW(0xE35A, "ay", RXYa, op_a, RW1 | MR | CC, 4),
    ROW(0x4A00, "ah", RXa, op_ah, RW1 | MR | CC, 2),
    ROW(0xE37A, "ahy", RXYa, op_ah, RW1 | MR | CC, 2),
    ROW(0xA70A, "ahi", RIa, op_ahi, RW1 | CC, 0),
    ROW(0xC209, "afi", RILa, op_afi, RW1 | CC, 0),
    ROW(0xB9F8, "ark", RRFa, op_ark, W1 | R2 | R3 | CC, 0),
    ROW(0xECD8, "ahik", RIEd, op_ahik, W1 | R3 | CC, 0),
    ROW(0xB908, "agr", RRE, op_agr, RW1 | R2 | CC, 0),
    ROW(0xB918, "agfr", RRE, op_agfr, RW1 | R2 | CC, 0),
    ROW(0xE308, "ag", RXYa, op_ag, RW1 | MR | CC, 8),
    ROW(0xE318, "agf", RXYa, op_agf, RW1 | MR | CC, 4),
    ROW(0xA70B, "aghi", RIa, op_aghi, RW1 | CC, 0),
    ROW(0xC208, "agfi", RILa, op_agfi, RW1 | CC, 0),
    ROW(0xB9E8, "agrk", RRFa, op_agrk, W1 | R2 | R3 | CC, 0),
    ROW(0xECD9, "aghik", RIEd, op_aghik, W1 | R3 | CC, 0),
    ROW(0x1B00, "sr", RR, op_sr, RW1 | R2 | CC, 0),
    ROW(0x5B00, "s", RXa, op_s, RW1 | MR | CC, 4),
    ROW(0xE35B, "sy", RXYa, op_s, RW1 | MR | CC, 4),
    ROW(0x4B00, "sh", RXa, op_sh, RW1 | MR | CC, 2),
    ROW(0xE37B, "shy", RXYa, op_sh, RW1 | MR | CC, 2),
    ROW(0xB9F9, "srk", RRFa, op_srk, W1 | R2 | R3 | CC, 0),
    ROW(0xB909, "sgr", RRE, op_sgr, RW1 | R2 | CC, 0),
    ROW(0xB919, "sgfr", RRE, op_sgfr, RW1 | R2 | CC, 0),
    ROW(0xE309, "sg", RXYa, op_sg, RW1 | MR | CC, 8),
    ROW(0xE319, "sgf", RXYa, op_sgf, RW1 | MR | CC, 4),
    ROW(0xB9E9, "sgrk", RRFa, op_sgrk, W1 | R2 | R3 | CC, 0),
    ROW(0xEB6A, "asi", SIY, op_asi, MR | MW | CC, 4),
    ROW(0xEB7A, "agsi", SIY, op_agsi, MR | MW | CC, 8),
    ROW(0x1E00, "alr", RR, op_alr, RW1 | R2 | CC, 0),
    ROW(0x5E00, "al", RXa, op_al, RW1 | MR | CC, 4),
    ROW(0xE35E, "aly", RXYa, op_al, RW1 | MR | CC, 4),
    ROW(0xC20B, "alfi", RILa, op_alfi, RW1 | CC, 0),
    ROW(0xB9FA, "alrk", RRFa, op_alrk, W1 | R2 | R3 | CC, 0),
    ROW(0xECDA, "alhsik", RIEd, op_alhsik, W1 | R3 | CC, 0),
    ROW(0xB998, "alcr", RRE, op_alcr, RW1 | R2 | CC | UC, 0),
    ROW(0xE398, "alc", RXYa, op_alc, RW1 | MR | CC | UC, 4),
    ROW(0xB90A, "algr", RRE, op_algr, RW1 | R2 | CC, 0),
    ROW(0xB91A, "algfr", RRE, op_algfr, RW1 | R2 | CC, 0),
    ROW(0xE30A, "alg", RXYa, op_alg, RW1 | MR | CC, 8),
    ROW(0xE31A, "algf", RXYa, op_algf, RW1 | MR | CC, 4),
    ROW(0xC20A, "algfi", RILa, op_algfi, RW1 | CC, 0),
    ROW(0xB9EA, "algrk", RRFa, op_algrk, W1 | R2 | R3 | CC, 0),
    ROW(0xECDB, "alghsik", RIEd, op_alghsik, W1 | R3 | CC, 0),
    ROW(0xB988, "alcgr", RRE, op_alcgr, RW1 | R2 | CC | UC, 0),
    ROW(0xE388, "alcg", RXYa, op_alcg, RW1 | MR | CC | UC, 8),
    ROW(0x1F00, "slr", RR, op_slr, RW1 | R2 | CC, 0),
    ROW(0x5F00, "sl", RXa, op_sl, RW1 | MR | CC, 4),
    ROW(0xE35F, "sly", RXYa, op_sl, RW1 | MR | CC, 4),
    ROW(0xC205, "slfi", RILa, op_slfi, RW1 | CC, 0),
    ROW(0xB9FB, "slrk", RRFa, op_slrk, W1 | R2 | R3 | CC, 0),
    ROW(0xB999, "slbr", RRE, op_slbr, RW1 | R2 | CC | UC, 0),
    ROW(0xE399, "slb", RXYa, op_slb, RW1 | MR | CC | UC, 4),
    ROW(0xB90B, "slgr", RRE, op_slgr, RW1 | R2 | CC, 0),
    ROW(0xB91B, "slgfr", RRE, op_slgfr, RW1 | R2 | CC, 0),
    ROW(0xE30B, "slg", RXYa, op_slg, RW1 | MR | CC, 8),
    ROW(0xE31B, "slgf", RXYa, op_slgf, RW1 | MR | CC, 4),
    ROW(0xC204, "slgfi", RILa, op_slgfi, RW1 | CC, 0),
    ROW(0xB9EB, "slgrk", RRFa, op_slgrk, W1 | R2 | R3 | CC, 0),
    ROW(0xB989, "slbgr", RRE, op_slbgr, RW1 | R2 | CC | UC, 0),
    ROW(0xE389, "slbg", RXYa, op_slbg, RW1 | MR | CC | UC, 8),
    ROW(0xEB6E, "alsi", SIY, op_alsi, MR | MW | CC, 4),
    ROW(0xEB7E, "algsi", SIY, op_algsi, MR | MW | CC, 8),
    ROW(0xB9C8, "ahhhr", RRFa, op_ahhhr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9D8, "ahhlr", RRFa, op_ahhlr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9C9, "shhhr", RRFa, op_shhhr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9D9, "shhlr", RRFa, op_shhlr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9CA, "alhhhr", RRFa, op_alhhhr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9DA, "alhhlr", RRFa, op_alhhlr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9CB, "slhhhr", RRFa, op_slhhhr, W1 | R2 | R3 | CC, 0),
    ROW(0xB9DB, "slhhlr", RRFa, op_slhhlr, W1 | R2 | R3 | CC, 0),
    ROW(0xCC08, "aih", RILa, op_aih, RW1 | CC, 0),
    ROW(0xCC0A, "alsih", RILa, op_alsih, RW1 | CC, 0),
    ROW(0xCC0B, "alsihn", RILa, op_alsihn, RW1, 0),
    ROW(0xB252, "msr", RRE, op_msr, RW1 | R2, 0),
    ROW(0x7100, "ms", RXa, op_ms, RW1 | MR, 4),
    ROW(0xE351, "msy", RXYa, op_ms, RW1 | MR, 4),
    ROW(0x4C00, "mh", RXa, op_mh, RW1 | MR, 2),
    ROW(0xE37C, "mhy", RXYa, op_mh, RW1 | MR, 2),
    ROW(0xA70C, "mhi", RIa, op_mhi, RW1, 0),
    ROW(0xC201, "msfi", RILa, op_msfi, RW1, 0),
    ROW(0xB90C, "msgr", RRE, op_msgr, RW1 | R2, 0),
    ROW(0xB91C, "msgfr", RRE, op_msgfr, RW1 | R2, 0),
    ROW(0xE30C, "msg", RXYa, op_msg, RW1 | MR, 8),
    ROW(0xE31C, "msgf", RXYa, op_msgf, RW1 | MR, 4),
    ROW(0xA70D, "mghi", RIa, op_mghi, RW1, 0),
    ROW(0xC200, "msgfi", RILa, op_msgfi, RW1, 0),
    ROW(0x1C00, "mr", RR, op_mr, RW1 | P1 | R2, 0),
    ROW(0x5C00, "m", RXa, op_m, RW1 | P1 | MR, 4),
    ROW(0xE35C, "mfy", RXYa, op_m, RW1 | P1 | MR, 4),
    ROW(0xB996, "mlr", RRE, op_mlr, RW1 | P1 | R2, 0),
    ROW(0xE396, "ml", RXYa, op_ml, RW1 | P1 | MR, 4),
    ROW(0xB986, "mlgr", RRE, op_mlgr, RW1 | P1 | R2, 0),
    ROW(0xE386, "mlg", RXYa, op_mlg, RW1 | P1 | MR, 8),
    ROW(0x1D00, "dr", RR, op_dr, RW1 | P1 | R2, 0),
    ROW(0x5D00, "d", RXa, op_d, RW1 | P1 | MR, 4),
    ROW(0xB997, "dlr", RRE, op_dlr, RW1 | P1 | R2, 0),
    ROW(0xE397, "dl", RXYa, op_dl, RW1 | P1 | MR, 4),
    ROW(0xB90D, "dsgr", RRE, op_dsgr, RW1 | P1 | R2, 0),
    ROW(0xB91D, "dsgfr", RRE, op_dsgfr, RW1 | P1 | R2, 0),
    ROW(0xE30D, "dsg", RXYa, op_dsg, RW1 | P1 | MR, 8),
    ROW(0xE31D, "dsgf", RXYa, op_dsgf, RW1 | P1 | MR, 4),
    ROW(0xB987, "dlgr", RRE, op_dlgr, RW1 | P1 | R2, 0),
    ROW(0xE387, "dlg", RXYa, op_dlg, RW1 | P1 | MR, 8),

    ROW(0x1900, "cr", RR, op_cr, R1 | R2 | CC, 0),
    ROW(0x5900, "c", RXa, op_c, R1 | MR | CC, 4),
    ROW(0xE359, "cy", RXYa, op_c, R1 | MR | CC, 4),
    ROW(0x4900, "ch", RXa, op_ch, R1 | MR | CC, 2),
    ROW(0xE379, "chy", RXYa, op_ch, R1 | MR | CC, 2),
    ROW(0xA70E, "chi", RIa, op_chi, R1 | CC, 0),
    ROW(0xC20D, "cfi", RILa, op_cfi, R1 | CC, 0),
    ROW(0xB920, "cgr", RRE, op_cgr, R1 | R2 | CC, 0),
    ROW(0xB930, "cgfr", RRE, op_cgfr, R1 | R2 | CC, 0),
    ROW(0xE320, "cg", RXYa, op_cg, R1 | MR | CC, 8),
    ROW(0xE330, "cgf", RXYa, op_cgf, R1 | MR | CC, 4),
    ROW(0xE334, "cgh", RXYa, op_cgh, R1 | MR | CC, 2),
    ROW(0xA70F, "cghi", RIa, op_cghi, R1 | CC, 0),
    ROW(0xC20C, "cgfi", RILa, op_cgfi, R1 | CC, 0),
    ROW(0xE554, "chhsi", SIL, op_chhsi, MR | CC, 2),
    ROW(0xE55C, "chsi", SIL, op_chsi, MR | CC, 4),
    ROW(0xE558, "cghsi", SIL, op_cghsi, MR | CC, 8),
    ROW(0xC60D, "crl", RILb, op_crl, R1 | MR | CC, 4),
    ROW(0xC608, "cgrl", RILb, op_cgrl, R1 | MR | CC, 8),
    ROW(0xC60C, "cgfrl", RILb, op_cgfrl, R1 | MR | CC, 4),
    ROW(0xC605, "chrl", RILb, op_chrl, R1 | MR | CC, 2),
    ROW(0xC604, "cghrl", RILb, op_cghrl, R1 | MR | CC, 2),
    ROW(0xB9CD, "chhr", RRE, op_chhr, R1 | R2 | CC, 0),
    ROW(0xB9DD, "chlr", RRE, op_chlr, R1 | R2 | CC, 0),
    ROW(0xE3CD, "chf", RXYa, op_chf, R1 | MR | CC, 4),
    ROW(0xCC0D, "cih", RILa, op_cih, R1 | CC, 0),
    ROW(0x1500, "clr", RR, op_clr, R1 | R2 | CC, 0),
    ROW(0x5500, "cl", RXa, op_cl, R1 | MR | CC, 4),
    ROW(0xE355, "cly", RXYa, op_cl, R1 | MR | CC, 4),
    ROW(0xC20F, "clfi", RILa, op_clfi, R1 | CC, 0),
    ROW(0xB921, "clgr", RRE, op_clgr, R1 | R2 | CC, 0),
    ROW(0xB931, "clgfr", RRE, op_clgfr, R1 | R2 | CC, 0),
    ROW(0xE321, "clg", RXYa, op_clg, R1 | MR | CC, 8),
    ROW(0xE331, "clgf", RXYa, op_clgf, R1 | MR | CC, 4),
    ROW(0xC20E, "clgfi", RILa, op_clgfi, R1 | CC, 0),
    ROW(0x9500, "cli", SI, op_cli, MR | CC, 1),
    ROW(0xEB55, "cliy", SIY, op_cli, MR | CC, 1),
    ROW(0xE555, "clhhsi", SIL, op_clhhsi, MR | CC, 2),
    ROW(0xE55D, "clfhsi", SIL, op_clfhsi, MR | CC, 4),
    ROW(0xE559, "clghsi", SIL, op_clghsi, MR | CC, 8),
    ROW(0xC60F, "clrl", RILb, op_clrl, R1 | MR | CC, 4),
    ROW(0xC60A, "clgrl", RILb, op_clgrl, R1 | MR | CC, 8),
    ROW(0xC60E, "clgfrl", RILb, op_clgfrl, R1 | MR | CC, 4),
    ROW(0xC607, "clhrl", RILb, op_clhrl, R1 | MR | CC, 2),
    ROW(0xC606, "clghrl", RILb, op_clghrl, R1 | MR | CC, 2),
    ROW(0xB9CF, "clhhr", RRE, op_clhhr, R1 | R2 | CC, 0),
    ROW(0xB9DF, "clhlr", RRE, op_clhlr, R1 | R2 | CC, 0),
    ROW(0xE3CF, "clhf", RXYa, op_clhf, R1 | MR | CC, 4),
    ROW(0xCC0F, "clih", RILa, op_clih, R1 | CC, 0),
    ROW(0xB972, "crt", RRFc, op_crt, R1 | R2, 0),
    ROW(0xB960, "cgrt", RRFc, op_cgrt, R1 | R2, 0),
    ROW(0xB973, "clrt", RRFc, op_clrt, R1 | R2, 0),
    ROW(0xB961, "clgrt", RRFc, op_clgrt, R1 | R2, 0),
    ROW(0xEC72, "cit", RIEa, op_cit, R1, 0),
    ROW(0xEC70, "cgit", RIEa, op_cgit, R1, 0),
    ROW(0xEC73, "clfit", RIEa, op_clfit, R1, 0),
    ROW(0xEC71, "clgit", RIEa, op_clgit, R1, 0),

    ROW(0x1400, "nr", RR, op_nr, RW1 | R2 | CC, 0),
    ROW(0x5400, "n", RXa, op_n, RW1 | MR | CC, 4),
    ROW(0xE354, "ny", RXYa, op_n, RW1 | MR | CC, 4),
    ROW(0xB9F4, "nrk", RRFa, op_nrk, W1 | R2 | R3 | CC, 0),
    ROW(0xB980, "ngr", RRE, op_ngr, RW1 | R2 | CC, 0),
    ROW(0xE380, "ng", RXYa, op_ng, RW1 | MR | CC, 8),
    ROW(0xB9E4, "ngrk", RRFa, op_ngrk, W1 | R2 | R3 | CC, 0),
    ROW(0x1600, "or", RR, op_or, RW1 | R2 | CC, 0),
    ROW(0x5600, "o", RXa, op_o, RW1 | MR | CC, 4),
    ROW(0xE356, "oy", RXYa, op_o, RW1 | MR | CC, 4),
    ROW(0xB9F6, "ork", RRFa, op_ork, W1 | R2 | R3 | CC, 0),
    ROW(0xB981, "ogr", RRE, op_ogr, RW1 | R2 | CC, 0),
    ROW(0xE381, "og", RXYa, op_og, RW1 | MR | CC, 8),
    ROW(0xB9E6, "ogrk", RRFa, op_ogrk, W1 | R2 | R3 | CC, 0),
    ROW(0x1700, "xr", RR, op_xr, RW1 | R2 | CC, 0),
    ROW(0x5700, "x", RXa, op_x, RW1 | MR | CC, 4),
    ROW(0xE357, "xy", RXYa, op_x, RW1 | MR | CC, 4),
    ROW(0xB9F7, "xrk", RRFa, op_xrk, W1 | R2 | R3 | CC, 0),
    ROW(0xB982, "xgr", RRE, op_xgr, RW1 | R2 | CC, 0),
    ROW(0xE382, "xg", RXYa, op_xg, RW1 | MR | CC, 8),
    ROW(0xB9E7, "xgrk", RRFa, op_xgrk, W1 | R2 | R3 | CC, 0),
    ROW(0x9400, "ni", SI, op_ni, MR | MW | CC, 1),
    ROW(0xEB54, "niy", SIY, op_ni, MR | MW | CC, 1),
    ROW(0x9600, "oi", SI, op_oi, MR | MW | CC, 1),
    ROW(0xEB56, "oiy", SIY, op_oi, MR | MW | CC, 1),
    ROW(0x9700, "xi", SI, op_xi, MR | MW | CC, 1),
    ROW(0xEB57, "xiy", SIY, op_xi, MR | MW | CC, 1),
    ROW(0xA504, "nihh", RIa, op_nihh, RW1 | CC, 0),
    ROW(0xA505, "nihl", RIa, op_nihl, RW1 | CC, 0),
    ROW(0xA506, "nilh", RIa, op_nilh, RW1 | CC, 0),
    ROW(0xA507, "nill", RIa, op_nill, RW1 | CC, 0),
    ROW(0xC00A, "nihf", RILa, op_nihf, RW1 | CC, 0),
    ROW(0xC00B, "nilf", RILa, op_nilf, RW1 | CC, 0),
    ROW(0xA508, "oihh", RIa, op_oihh, RW1 | CC, 0),
    ROW(0xA509, "oihl", RIa, op_oihl, RW1 | CC, 0),
    ROW(0xA50A, "oilh", RIa, op_oilh, RW1 | CC, 0),
    ROW(0xA50B, "oill", RIa, op_oill, RW1 | CC, 0),
    ROW(0xC00C, "oihf", RILa, op_oihf, RW1 | CC, 0),
    ROW(0xC00D, "oilf", RILa, op_oilf, RW1 | CC, 0),
    ROW(0xC006, "xihf", RILa, op_xihf, RW1 | CC, 0),
    ROW(0xC007, "xilf", RILa, op_xilf, RW1 | CC, 0),
    ROW(0x9100, "tm", SI, op_tm, MR | CC, 1),
    ROW(0xEB51, "tmy", SIY, op_tm, MR | CC, 1),
    ROW(0xA702, "tmhh", RIa, op_tmhh, R1 | CC, 0),
    ROW(0xA703, "tmhl", RIa, op_tmhl, R1 | CC, 0),
    ROW(0xA700, "tmlh", RIa, op_tmlh, R1 | CC, 0),
    ROW(0xA701, "tmll", RIa, op_tmll, R1 | CC, 0),

    ROW(0x8900, "sll", RSa, op_sll, RW1, 0),
    ROW(0x8800, "srl", RSa, op_srl, RW1, 0),
    ROW(0xEBDF, "sllk", RSYa, op_sllk, W1 | R3, 0),
    ROW(0xEBDE, "srlk", RSYa, op_srlk, W1 | R3, 0),
    ROW(0xEB0D, "sllg", RSYa, op_sllg, W1 | R3, 0),
    ROW(0xEB0C, "srlg", RSYa, op_srlg, W1 | R3, 0),
    ROW(0x8A00, "sra", RSa, op_sra, RW1 | CC, 0),
    ROW(0xEBDC, "srak", RSYa, op_srak, W1 | R3 | CC, 0),
    ROW(0xEB0A, "srag", RSYa, op_srag, W1 | R3 | CC, 0),
    ROW(0x8B00, "sla", RSa, op_sla, RW1 | CC, 0),
    ROW(0xEBDD, "slak", RSYa, op_slak, W1 | R3 | CC, 0),
    ROW(0xEB0B, "slag", RSYa, op_slag, W1 | R3 | CC, 0),
    ROW(0x8D00, "sldl", RSa, op_sldl, RW1 | P1, 0),
    ROW(0x8C00, "srdl", RSa, op_srdl, RW1 | P1, 0),
    ROW(0x8F00, "slda", RSa, op_slda, RW1 | P1 | CC, 0),
    ROW(0x8E00, "srda", RSa, op_srda, RW1 | P1 | CC, 0),
    ROW(0xEB1D, "rll", RSYa, op_rll, W1 | R3, 0),
    ROW(0xEB1C, "rllg", RSYa, op_rllg, W1 | R3, 0),
    ROW(0xEC55, "risbg", RIEf, op_risbg, RW1 | R2 | CC, 0),
    ROW(0xEC59, "risbgn", RIEf, op_risbgn, RW1 | R2, 0),
    ROW(0xEC5D, "risbhg", RIEf, op_risbhg, RW1 | R2, 0),
    ROW(0xEC51, "risblg", RIEf, op_risblg, RW1 | R2, 0),
    ROW(0xEC54, "rnsbg", RIEf, op_rnsbg, RW1 | R2 | CC, 0),
    ROW(0xEC56, "rosbg", RIEf, op_rosbg, RW1 | R2 | CC, 0),
    ROW(0xEC57, "rxsbg", RIEf, op_rxsbg, RW1 | R2 | CC, 0),
    ROW(0xB983, "flogr", RRE, op_flogr, W1 | P1 | R2 | CC, 0),
    ROW(0xB9E1, "popcnt", RRFc, op_popcnt, W1 | R2 | CC, 0),

    ROW(0xBA00, "cs", RSa, op_cs, RW1 | R3 | MR | MW | CC, 4),
    ROW(0xEB14, "csy", RSYa, op_cs, RW1 | R3 | MR | MW | CC, 4),
    ROW(0xEB30, "csg", RSYa, op_csg, RW1 | R3 | MR | MW | CC, 8),
    ROW(0xBB00, "cds", RSa, op_cds, RW1 | P1 | R3 | P3 | MR | MW | CC, 8),
    ROW(0xEB31, "cdsy", RSYa, op_cds, RW1 | P1 | R3 | P3 | MR | MW | CC, 8),
    ROW(0xEB3E, "cdsg", RSYa, op_cdsg, RW1 | P1 | R3 | P3 | MR | MW | CC, 16),
    ROW(0xEBF8, "laa", RSYa, op_laa, W1 | R3 | MR | MW | CC, 4),
    ROW(0xEBE8, "laag", RSYa, op_laag, W1 | R3 | MR | MW | CC, 8),
    ROW(0xEBFA, "laal", RSYa, op_laal, W1 | R3 | MR | MW | CC, 4),
    ROW(0xEBEA, "laalg", RSYa, op_laalg, W1 | R3 | MR | MW | CC, 8),
    ROW(0xEBF4, "lan", RSYa, op_lan, W1 | R3 | MR | MW | CC, 4),
    ROW(0xEBE4, "lang", RSYa, op_lang, W1 | R3 | MR | MW | CC, 8),
    ROW(0xEBF6, "lao", RSYa, op_lao, W1 | R3 | MR | MW | CC, 4),
    ROW(0xEBE6, "laog", RSYa, op_laog, W1 | R3 | MR | MW | CC, 8),
    ROW(0xEBF7, "lax", RSYa, op_lax, W1 | R3 | MR | MW | CC, 4),
    ROW(0xEBE7, "laxg", RSYa, op_laxg, W1 | R3 | MR | MW | CC, 8),
    ROW(0xB222, "ipm", RRE, op_ipm, RW1 | UC, 0),
    ROW(0x0400, "spm", RR, op_spm, R1 | CC, 0),
    ROW(0xB24F, "ear", RRE, op_ear, W1, 0),
    ROW(0xB24E, "sar", RRE, op_sar, R2, 0),
    ROW(0xB24D, "cpya", RRE, op_cpya, 0, 0),
    ROW(0x9A00, "lam", RSa, op_lam, MR | IF_AREG, MEMSZ_VAR),
    ROW(0xEB9A, "lamy", RSYa, op_lam, MR | IF_AREG, MEMSZ_VAR),
    ROW(0x9B00, "stam", RSa, op_stam, MW | IF_AREG, MEMSZ_VAR),
    ROW(0xEB9B, "stamy", RSYa, op_stam, MW | IF_AREG, MEMSZ_VAR),
    ROW(0x4E00, "cvd", RXa, op_cvd, R1 | MW, 8),
    ROW(0xE326, "cvdy", RXYa, op_cvd, R1 | MW, 8),
    ROW(0xE32E, "cvdg", RXYa, op_cvdg, R1 | MW, 16),
    ROW(0x4F00, "cvb", RXa, op_cvb, W1 | MR, 8),
    ROW(0xE306, "cvby", RXYa, op_cvb, W1 | MR, 8),
    ROW(0xE30E, "cvbg", RXYa, op_cvbg, W1 | MR, 16),
    ROW(0xB2FA, "niai", RRE, op_nop, 0, 0),
    ROW(0xB2E8, "ppa", RRFc, op_nop, 0, 0),
};
const size_t s390_insns_general_count = sizeof(s390_insns_general) / sizeof(s390_insns_general[0]);
