/* Vector facility for z/Architecture (PoP ch. 21-22), the z13 integer and support subset: loads,
 * stores, element moves, generate/replicate, logical, integer add/subtract/compare/min/max/average,
 * shifts, merges, pack/unpack, permute/select, sums, counts, and the string-search helpers. Elements
 * are numbered from the left; all instructions need CR0 bit 46 (checked centrally: IF_VR). */
#include <string.h>

#include "s390/exec.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)
typedef union s390_vr vr_t;

static inline uint64_t emask(unsigned es) { return es >= 3 ? ~0ULL : (1ULL << (8u << es)) - 1; }
static inline unsigned nelem(unsigned es) { return 16u >> es; }

static inline uint64_t vget(const vr_t *v, unsigned es, unsigned i)
{
    unsigned bits = 8u << es, per = 64 / bits;
    return (v->d[i / per] >> (64 - bits * (i % per + 1))) & emask(es);
}
static inline void vset(vr_t *v, unsigned es, unsigned i, uint64_t x)
{
    unsigned bits = 8u << es, per = 64 / bits, sh = 64 - bits * (i % per + 1);
    uint64_t m = emask(es) << sh;
    v->d[i / per] = (v->d[i / per] & ~m) | ((x << sh) & m);
}
static inline int64_t sx(uint64_t v, unsigned es)
{
    unsigned bits = 8u << es;
    return bits == 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}
static void check_es(struct s390_cpu *c, unsigned es, unsigned max)
{
    if (es > max)
        s390_program_exception(c, PGM_SPECIFICATION);
}
#define V(n) (&c->vr[n])

/* ---- loads and stores ---- */
static void ld_vr(struct s390_cpu *c, uint64_t ad, vr_t *v)
{
    uint64_t hi = s390_ld(c, ad, 8), lo = s390_ld(c, (ad + 8) & s390_amask(c), 8);
    v->d[0] = hi; v->d[1] = lo;
}
static void st_vr(struct s390_cpu *c, uint64_t ad, const vr_t *v)
{
    s390_probe(c, ad, 16, 1);
    s390_st(c, ad, 8, v->d[0]);
    s390_st(c, (ad + 8) & s390_amask(c), 8, v->d[1]);
}
DEF(vl)   { vr_t t; ld_vr(c, EA2(c, a), &t); *V(a->v1) = t; }
DEF(vst)  { st_vr(c, EA2(c, a), V(a->v1)); }
DEF(vlm)
{
    unsigned n = (unsigned)((a->v3 - a->v1) & 31) + 1;
    if (a->v3 < a->v1 || n > 16)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t ad = EA2S(c, a);
    vr_t t[16];
    s390_probe(c, ad, 16ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        ld_vr(c, (ad + 16 * i) & s390_amask(c), &t[i]);
    for (unsigned i = 0; i < n; i++)
        *V(a->v1 + i) = t[i];
}
DEF(vstm)
{
    unsigned n = (unsigned)((a->v3 - a->v1) & 31) + 1;
    if (a->v3 < a->v1 || n > 16)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t ad = EA2S(c, a);
    s390_probe(c, ad, 16ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        st_vr(c, (ad + 16 * i) & s390_amask(c), V(a->v1 + i));
}
DEF(vlr)  { *V(a->v1) = *V(a->v2); }
/* VECTOR LOAD WITH LENGTH / STORE WITH LENGTH: bytes 0..min(GR R3, 15). */
DEF(vll)
{
    uint64_t n = (uint32_t)c->gr[a->r3];
    n = n > 15 ? 16 : n + 1;
    uint8_t b[16] = { 0 };
    s390_ld_bytes(c, EA2S(c, a), b, n);
    vr_t t = { { 0, 0 } };
    for (unsigned i = 0; i < 16; i++)
        vset(&t, 0, i, b[i]);
    *V(a->v1) = t;
}
DEF(vstl)
{
    uint64_t n = (uint32_t)c->gr[a->r3];
    n = n > 15 ? 16 : n + 1;
    uint8_t b[16];
    for (unsigned i = 0; i < 16; i++)
        b[i] = (uint8_t)vget(V(a->v1), 0, i);
    s390_st_bytes(c, EA2S(c, a), b, n);
}
/* VECTOR LOAD TO BLOCK BOUNDARY: load up to the boundary (M3: 64 B << m3); bytes beyond are
 * unpredictable (left unchanged here). */
DEF(vlbb)
{
    if (a->m3 > 6)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t ad = EA2(c, a), bs = 64ULL << a->m3;
    uint64_t n = bs - (ad & (bs - 1));
    if (n > 16)
        n = 16;
    uint8_t b[16];
    s390_ld_bytes(c, ad, b, n);
    for (unsigned i = 0; i < n; i++)
        vset(V(a->v1), 0, i, b[i]);
}
DEF(lcbb)
{
    if (a->m3 > 6)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t ad = EA2(c, a), bs = 64ULL << a->m3;
    uint64_t n = bs - (ad & (bs - 1));
    if (n > 16)
        n = 16;
    set_lo(c, a->r1, (uint32_t)n);
    c->cc = n == 16 ? 0 : 3;
}

static void vle(struct s390_cpu *c, const struct s390_args *a, unsigned es)
{
    if (a->m3 >= nelem(es))
        s390_program_exception(c, PGM_SPECIFICATION);
    vset(V(a->v1), es, a->m3, s390_ld(c, EA2(c, a), 1u << es));
}
DEF(vleb) { vle(c, a, 0); }
DEF(vleh) { vle(c, a, 1); }
DEF(vlef) { vle(c, a, 2); }
DEF(vleg) { vle(c, a, 3); }
static void vste(struct s390_cpu *c, const struct s390_args *a, unsigned es)
{
    if (a->m3 >= nelem(es))
        s390_program_exception(c, PGM_SPECIFICATION);
    s390_st(c, EA2(c, a), 1u << es, vget(V(a->v1), es, a->m3));
}
DEF(vsteb) { vste(c, a, 0); }
DEF(vsteh) { vste(c, a, 1); }
DEF(vstef) { vste(c, a, 2); }
DEF(vsteg) { vste(c, a, 3); }
static void vlei(struct s390_cpu *c, const struct s390_args *a, unsigned es)
{
    if (a->m3 >= nelem(es))
        s390_program_exception(c, PGM_SPECIFICATION);
    vset(V(a->v1), es, a->m3, (uint64_t)(int64_t)(int16_t)a->i2);
}
DEF(vleib) { vlei(c, a, 0); }
DEF(vleih) { vlei(c, a, 1); }
DEF(vleif) { vlei(c, a, 2); }
DEF(vleig) { vlei(c, a, 3); }
DEF(vlrep)
{
    check_es(c, a->m3, 3);
    uint64_t x = s390_ld(c, EA2(c, a), 1u << a->m3);
    for (unsigned i = 0; i < nelem(a->m3); i++)
        vset(V(a->v1), a->m3, i, x);
}
DEF(vllez)
{
    check_es(c, a->m3, 3);
    uint64_t x = s390_ld(c, EA2(c, a), 1u << a->m3);
    vr_t t = { { 0, 0 } };
    vset(&t, a->m3, (8u >> a->m3) - 1, x);  /* rightmost element of doubleword 0 */
    *V(a->v1) = t;
}

/* ---- element moves between GRs and VRs: index = second-operand address ---- */
DEF(vlvg)
{
    check_es(c, a->m4, 3);
    uint64_t idx = EA2S(c, a) & 0xfff;
    if (idx >= nelem(a->m4))
        return; /* PoP: index out of range -> unpredictable; the model changes nothing */
    vset(V(a->v1), a->m4, (unsigned)idx, c->gr[a->r3]);
}
DEF(vlgv)
{
    check_es(c, a->m4, 3);
    uint64_t idx = EA2S(c, a) & 0xfff;
    c->gr[a->r1] = idx < nelem(a->m4) ? vget(V(a->v3), a->m4, (unsigned)idx) : 0;
}
DEF(vlvgp) { V(a->v1)->d[0] = c->gr[a->r2]; V(a->v1)->d[1] = c->gr[a->r3]; }

/* ---- generate / replicate ---- */
DEF(vgbm)
{
    vr_t t;
    for (unsigned h = 0; h < 2; h++) {
        uint64_t d = 0;
        for (unsigned i = 0; i < 8; i++)
            if (a->i2 & (0x8000u >> (8 * h + i)))
                d |= 0xffULL << (56 - 8 * i);
        t.d[h] = d;
    }
    *V(a->v1) = t;
}
DEF(vgm)
{
    check_es(c, a->m4, 3);
    unsigned bits = 8u << a->m4;
    unsigned s = (unsigned)a->i2 & (bits - 1), e = (unsigned)a->i3 & (bits - 1);
    uint64_t m = 0;
    for (unsigned b = 0; b < bits; b++) {
        bool in = s <= e ? (b >= s && b <= e) : (b >= s || b <= e);
        if (in)
            m |= 1ULL << (bits - 1 - b);
    }
    for (unsigned i = 0; i < nelem(a->m4); i++)
        vset(V(a->v1), a->m4, i, m);
}
DEF(vrepi)
{
    check_es(c, a->m3, 3);
    for (unsigned i = 0; i < nelem(a->m3); i++)
        vset(V(a->v1), a->m3, i, (uint64_t)(int64_t)(int16_t)a->i2);
}
DEF(vrep)
{
    check_es(c, a->m4, 3);
    if (a->i2 >= nelem(a->m4))
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t x = vget(V(a->v3), a->m4, (unsigned)a->i2);
    for (unsigned i = 0; i < nelem(a->m4); i++)
        vset(V(a->v1), a->m4, i, x);
}

/* ---- logical ---- */
#define VLOG(name, expr) DEF(name) { vr_t *x = V(a->v2), *y = V(a->v3), t; \
    for (unsigned h = 0; h < 2; h++) { uint64_t p = x->d[h], q = y->d[h]; t.d[h] = (expr); } *V(a->v1) = t; }
VLOG(vn, p & q)
VLOG(vnc, p & ~q)
VLOG(vo, p | q)
VLOG(vx, p ^ q)
VLOG(vno, ~(p | q))
DEF(vsel)
{
    vr_t t;
    for (unsigned h = 0; h < 2; h++)
        t.d[h] = (V(a->v2)->d[h] & V(a->v4)->d[h]) | (V(a->v3)->d[h] & ~V(a->v4)->d[h]);
    *V(a->v1) = t;
}
DEF(vperm)
{
    vr_t t = { { 0, 0 } };
    for (unsigned i = 0; i < 16; i++) {
        unsigned sel = (unsigned)vget(V(a->v4), 0, i) & 31;
        uint64_t b = sel < 16 ? vget(V(a->v2), 0, sel) : vget(V(a->v3), 0, sel - 16);
        vset(&t, 0, i, b);
    }
    *V(a->v1) = t;
}
DEF(vpdi)
{
    vr_t t;
    t.d[0] = (a->m4 & 4) ? V(a->v2)->d[1] : V(a->v2)->d[0];
    t.d[1] = (a->m4 & 1) ? V(a->v3)->d[1] : V(a->v3)->d[0];
    *V(a->v1) = t;
}

/* ---- integer arithmetic (element size M4; quadword allowed for add/subtract) ---- */
static void u128_addsub(vr_t *r, const vr_t *x, const vr_t *y, bool sub)
{
    unsigned __int128 p = (unsigned __int128)x->d[0] << 64 | x->d[1];
    unsigned __int128 q = (unsigned __int128)y->d[0] << 64 | y->d[1];
    unsigned __int128 s = sub ? p - q : p + q;
    r->d[0] = (uint64_t)(s >> 64);
    r->d[1] = (uint64_t)s;
}
#define VARITH(name, maxes, expr) DEF(name) { check_es(c, a->m4, maxes); unsigned es = a->m4; \
    vr_t t = { { 0, 0 } }; if (es == 4) { quad; } else \
    for (unsigned i = 0; i < nelem(es); i++) { uint64_t p = vget(V(a->v2), es, i), q = vget(V(a->v3), es, i); \
        (void)p; (void)q; vset(&t, es, i, (expr)); } *V(a->v1) = t; }
#define quad u128_addsub(&t, V(a->v2), V(a->v3), false)
VARITH(va, 4, p + q)
#undef quad
#define quad u128_addsub(&t, V(a->v2), V(a->v3), true)
VARITH(vs, 4, p - q)
#undef quad
#define quad (void)0
VARITH(vmx, 3, sx(p, es) > sx(q, es) ? p : q)
VARITH(vmn, 3, sx(p, es) < sx(q, es) ? p : q)
VARITH(vmxl, 3, p > q ? p : q)
VARITH(vmnl, 3, p < q ? p : q)
VARITH(vavgl, 3, (uint64_t)(((unsigned __int128)p + q + 1) >> 1))
VARITH(vavg, 3, (uint64_t)((((__int128)sx(p, es) + sx(q, es) + 1) >> 1)))
VARITH(vml, 2, p * q)
VARITH(veslv, 3, p << (q & ((8u << es) - 1)))
VARITH(vesrlv, 3, p >> (q & ((8u << es) - 1)))
VARITH(vesrav, 3, (uint64_t)(sx(p, es) >> (q & ((8u << es) - 1))))
VARITH(verllv, 3, (q & ((8u << es) - 1)) ? (p << (q & ((8u << es) - 1))) | (p >> ((8u << es) - (q & ((8u << es) - 1)))) : p)
VARITH(vacc, 3, (p + q) < p || ((8u << es) < 64 && ((p + q) >> (8u << es))) ? 1 : 0)
VARITH(vscbi, 3, p >= q ? 1 : 0)
#undef quad

/* VECTOR COMPARE: element all ones when true; M5 bit 3 (CS) sets the CC: 0 all true, 1 some,
 * 3 none. */
static void vcmp(struct s390_cpu *c, const struct s390_args *a, int kind)
{
    check_es(c, a->m4, 3);
    unsigned es = a->m4, n = nelem(es), hits = 0;
    vr_t t = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        uint64_t p = vget(V(a->v2), es, i), q = vget(V(a->v3), es, i);
        bool r = kind == 0 ? p == q : kind == 1 ? sx(p, es) > sx(q, es) : p > q;
        if (r) {
            vset(&t, es, i, ~0ULL);
            hits++;
        }
    }
    *V(a->v1) = t;
    if (a->m5 & 1)
        c->cc = hits == n ? 0 : hits ? 1 : 3;
}
DEF(vceq) { vcmp(c, a, 0); }
DEF(vch)  { vcmp(c, a, 1); }
DEF(vchl) { vcmp(c, a, 2); }
/* VECTOR ELEMENT COMPARE (LOGICAL): compares the rightmost element of doubleword 0 of V1 and V2
 * (element index (8 >> es) - 1) and sets the CC like COMPARE. */
static void vec_cmp(struct s390_cpu *c, const struct s390_args *a, bool logical)
{
    check_es(c, a->m3, 3);
    unsigned es = a->m3, i = (8u >> es) - 1;
    uint64_t p = vget(V(a->v1), es, i), q = vget(V(a->v2), es, i);
    c->cc = logical ? cc_cmp_u(p, q) : cc_cmp_s(sx(p, es), sx(q, es));
}
DEF(vec)  { vec_cmp(c, a, false); }
DEF(vecl) { vec_cmp(c, a, true); }

DEF(vlc)
{
    check_es(c, a->m3, 3);
    vr_t t;
    for (unsigned i = 0; i < nelem(a->m3); i++)
        vset(&t, a->m3, i, -vget(V(a->v2), a->m3, i));
    *V(a->v1) = t;
}
DEF(vlp)
{
    check_es(c, a->m3, 3);
    vr_t t;
    for (unsigned i = 0; i < nelem(a->m3); i++) {
        int64_t x = sx(vget(V(a->v2), a->m3, i), a->m3);
        vset(&t, a->m3, i, (uint64_t)(x < 0 ? -x : x));
    }
    *V(a->v1) = t;
}
static unsigned clz_es(uint64_t v, unsigned es)
{
    unsigned bits = 8u << es;
    return v ? (unsigned)__builtin_clzll(v) - (64 - bits) : bits;
}
DEF(vclz)
{
    check_es(c, a->m3, 3);
    vr_t t;
    for (unsigned i = 0; i < nelem(a->m3); i++)
        vset(&t, a->m3, i, clz_es(vget(V(a->v2), a->m3, i), a->m3));
    *V(a->v1) = t;
}
DEF(vctz)
{
    check_es(c, a->m3, 3);
    vr_t t;
    for (unsigned i = 0; i < nelem(a->m3); i++) {
        uint64_t v = vget(V(a->v2), a->m3, i);
        vset(&t, a->m3, i, v ? (unsigned)__builtin_ctzll(v) : 8u << a->m3);
    }
    *V(a->v1) = t;
}
DEF(vpopct)
{
    if (a->m3 != 0)
        s390_program_exception(c, PGM_SPECIFICATION);
    vr_t t;
    for (unsigned i = 0; i < 16; i++)
        vset(&t, 0, i, (uint64_t)__builtin_popcountll(vget(V(a->v2), 0, i)));
    *V(a->v1) = t;
}

/* ---- shifts ---- */
static void vshift_elem(struct s390_cpu *c, const struct s390_args *a, int kind)
{
    check_es(c, a->m4, 3);
    unsigned es = a->m4, bits = 8u << es, n = (unsigned)(EA2S(c, a) & (bits - 1));
    vr_t t;
    for (unsigned i = 0; i < nelem(es); i++) {
        uint64_t p = vget(V(a->v3), es, i), r;
        switch (kind) {
        case 0: r = p << n; break;
        case 1: r = p >> n; break;
        case 2: r = (uint64_t)(sx(p, es) >> n); break;
        default: r = n ? (p << n) | (p >> (bits - n)) : p; break;
        }
        vset(&t, es, i, r);
    }
    *V(a->v1) = t;
}
DEF(vesl)  { vshift_elem(c, a, 0); }
DEF(vesrl) { vshift_elem(c, a, 1); }
DEF(vesra) { vshift_elem(c, a, 2); }
DEF(verll) { vshift_elem(c, a, 3); }

static unsigned __int128 u128(const vr_t *v) { return (unsigned __int128)v->d[0] << 64 | v->d[1]; }
static void set_u128(vr_t *v, unsigned __int128 x) { v->d[0] = (uint64_t)(x >> 64); v->d[1] = (uint64_t)x; }
/* Whole-vector shifts by bits (VSL/VSRL/VSRA: byte 7 of V3, bits 5-7) or bytes (…B: bits 1-4). */
static void vshift_whole(struct s390_cpu *c, const struct s390_args *a, int kind, bool bytes)
{
    unsigned sel = (unsigned)vget(V(a->v3), 0, 7);
    unsigned n = bytes ? ((sel >> 3) & 15) * 8 : (sel & 7);
    unsigned __int128 x = u128(V(a->v2));
    if (n) {
        if (kind == 0)
            x <<= n;
        else if (kind == 1)
            x >>= n;
        else
            x = (unsigned __int128)((__int128)x >> n);
    }
    set_u128(V(a->v1), x);
}
DEF(vsl)   { vshift_whole(c, a, 0, false); }
DEF(vslb)  { vshift_whole(c, a, 0, true); }
DEF(vsrl)  { vshift_whole(c, a, 1, false); }
DEF(vsrlb) { vshift_whole(c, a, 1, true); }
DEF(vsra)  { vshift_whole(c, a, 2, false); }
DEF(vsrab) { vshift_whole(c, a, 2, true); }
DEF(vsldb)
{
    unsigned n = (unsigned)a->i4 & 15;
    vr_t t;
    for (unsigned i = 0; i < 16; i++) {
        unsigned k = i + n;
        vset(&t, 0, i, k < 16 ? vget(V(a->v2), 0, k) : vget(V(a->v3), 0, k - 16));
    }
    *V(a->v1) = t;
}

/* ---- merge, pack, unpack, sums ---- */
static void vmerge(struct s390_cpu *c, const struct s390_args *a, bool low)
{
    check_es(c, a->m4, 3);
    unsigned es = a->m4, n = nelem(es), base = low ? n / 2 : 0;
    vr_t t;
    for (unsigned i = 0; i < n / 2; i++) {
        vset(&t, es, 2 * i, vget(V(a->v2), es, base + i));
        vset(&t, es, 2 * i + 1, vget(V(a->v3), es, base + i));
    }
    *V(a->v1) = t;
}
DEF(vmrh) { vmerge(c, a, false); }
DEF(vmrl) { vmerge(c, a, true); }
DEF(vpk)
{
    if (a->m4 < 1 || a->m4 > 3)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned es = a->m4, n = nelem(es);
    vr_t t;
    for (unsigned i = 0; i < n; i++) {
        vset(&t, es - 1, i, vget(V(a->v2), es, i));
        vset(&t, es - 1, n + i, vget(V(a->v3), es, i));
    }
    *V(a->v1) = t;
}
static void vunpack(struct s390_cpu *c, const struct s390_args *a, bool low, bool sign)
{
    check_es(c, a->m3, 2);
    unsigned es = a->m3, n = nelem(es + 1), base = low ? n : 0;
    vr_t t;
    for (unsigned i = 0; i < n; i++) {
        uint64_t v = vget(V(a->v2), es, base + i);
        vset(&t, es + 1, i, sign ? (uint64_t)sx(v, es) : v);
    }
    *V(a->v1) = t;
}
DEF(vuph)  { vunpack(c, a, false, true); }
DEF(vupl)  { vunpack(c, a, true, true); }
DEF(vuplh) { vunpack(c, a, false, false); }
DEF(vupll) { vunpack(c, a, true, false); }
/* VECTOR SUM ACROSS WORD / DOUBLEWORD / QUADWORD. */
DEF(vsum)
{
    if (a->m4 > 1)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned es = a->m4, per = 4u >> es;  /* source elements per word */
    vr_t t;
    for (unsigned w = 0; w < 4; w++) {
        uint32_t s = (uint32_t)vget(V(a->v3), es, (w + 1) * per - 1);
        for (unsigned k = 0; k < per; k++)
            s += (uint32_t)vget(V(a->v2), es, w * per + k);
        vset(&t, 2, w, s);
    }
    *V(a->v1) = t;
}
DEF(vsumg)
{
    if (a->m4 != 1 && a->m4 != 2)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned es = a->m4, per = 8u >> es;
    vr_t t;
    for (unsigned d = 0; d < 2; d++) {
        uint64_t s = vget(V(a->v3), es, (d + 1) * per - 1);
        for (unsigned k = 0; k < per; k++)
            s += vget(V(a->v2), es, d * per + k);
        t.d[d] = s;
    }
    *V(a->v1) = t;
}
DEF(vsumq)
{
    if (a->m4 != 2 && a->m4 != 3)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned es = a->m4;
    unsigned __int128 s = vget(V(a->v3), es, nelem(es) - 1);
    for (unsigned k = 0; k < nelem(es); k++)
        s += vget(V(a->v2), es, k);
    set_u128(V(a->v1), s);
}

/* ---- string search: VFEE (find element equal), VFENE (not equal), VISTR (isolate string) ----
 * M5 flags: bit 2 (ZS) also stop at a zero element; bit 3 (CS) set the CC. The result is the byte
 * index of the first hit in doubleword 0 element 7 (byte), 16 if none. */
static void vfind(struct s390_cpu *c, const struct s390_args *a, bool equal)
{
    check_es(c, a->m4, 2);
    unsigned es = a->m4, n = nelem(es), hit = n, zero = n;
    for (unsigned i = 0; i < n; i++) {
        uint64_t p = vget(V(a->v2), es, i), q = vget(V(a->v3), es, i);
        if ((a->m5 & 2) && p == 0 && zero == n)
            zero = i;
        if ((equal ? p == q : p != q) && hit == n)
            hit = i;
    }
    unsigned first = hit < zero ? hit : zero;
    vr_t t = { { 0, 0 } };
    vset(&t, 0, 7, (uint64_t)first << es);
    *V(a->v1) = t;
    if (a->m5 & 1) {
        if (zero < n && zero <= hit)
            c->cc = 0;
        else if (hit < n)
            c->cc = equal ? 1 : ((vget(V(a->v2), es, hit) < vget(V(a->v3), es, hit)) ? 1 : 2);
        else
            c->cc = 3;
    }
}
DEF(vfee)  { vfind(c, a, true); }
DEF(vfene) { vfind(c, a, false); }
DEF(vistr)
{
    check_es(c, a->m3, 2);
    unsigned es = a->m3, n = nelem(es);
    vr_t t = { { 0, 0 } };
    bool found = false;
    for (unsigned i = 0; i < n; i++) {
        uint64_t v = vget(V(a->v2), es, i);
        if (v == 0) { found = true; break; }
        vset(&t, es, i, v);
    }
    *V(a->v1) = t;
    if (a->m5 & 1)
        c->cc = found ? 0 : 3;
}

/* ---- multiply family: even/odd (double-width results), high halves, multiply-and-add ---- */
static void vmul_eo(struct s390_cpu *c, const struct s390_args *a, bool odd, bool sign)
{
    check_es(c, a->m4, 2);
    unsigned es = a->m4, n = nelem(es + 1);
    vr_t t;
    for (unsigned i = 0; i < n; i++) {
        uint64_t p = vget(V(a->v2), es, 2 * i + odd), q = vget(V(a->v3), es, 2 * i + odd);
        uint64_t r = sign ? (uint64_t)(sx(p, es) * sx(q, es)) : p * q;
        vset(&t, es + 1, i, r);
    }
    *V(a->v1) = t;
}
DEF(vme)  { vmul_eo(c, a, false, true); }
DEF(vmo)  { vmul_eo(c, a, true, true); }
DEF(vmle) { vmul_eo(c, a, false, false); }
DEF(vmlo) { vmul_eo(c, a, true, false); }
static void vmul_high(struct s390_cpu *c, const struct s390_args *a, bool sign)
{
    check_es(c, a->m4, 2);
    unsigned es = a->m4, bits = 8u << es;
    vr_t t;
    for (unsigned i = 0; i < nelem(es); i++) {
        uint64_t p = vget(V(a->v2), es, i), q = vget(V(a->v3), es, i);
        uint64_t r = sign ? (uint64_t)((sx(p, es) * sx(q, es)) >> bits) : (p * q) >> bits;
        vset(&t, es, i, r);
    }
    *V(a->v1) = t;
}
DEF(vmh)  { vmul_high(c, a, true); }
DEF(vmlh) { vmul_high(c, a, false); }
/* Multiply and add (VRR-d, element size in M5). kind: 0 low, 1 high signed, 2 high logical. */
static void vmadd(struct s390_cpu *c, const struct s390_args *a, int kind)
{
    check_es(c, a->m5, 2);
    unsigned es = a->m5, bits = 8u << es;
    vr_t t;
    for (unsigned i = 0; i < nelem(es); i++) {
        uint64_t p = vget(V(a->v2), es, i), q = vget(V(a->v3), es, i), r = vget(V(a->v4), es, i), o;
        if (kind == 1)
            o = (uint64_t)((sx(p, es) * sx(q, es) + sx(r, es)) >> bits);
        else if (kind == 2)
            o = (p * q + r) >> bits;
        else
            o = p * q + r;
        vset(&t, es, i, o);
    }
    *V(a->v1) = t;
}
DEF(vmal)  { vmadd(c, a, 0); }
DEF(vmah)  { vmadd(c, a, 1); }
DEF(vmalh) { vmadd(c, a, 2); }
static void vmadd_eo(struct s390_cpu *c, const struct s390_args *a, bool odd, bool sign)
{
    check_es(c, a->m5, 2);
    unsigned es = a->m5, n = nelem(es + 1);
    vr_t t;
    for (unsigned i = 0; i < n; i++) {
        uint64_t p = vget(V(a->v2), es, 2 * i + odd), q = vget(V(a->v3), es, 2 * i + odd);
        uint64_t r = vget(V(a->v4), es + 1, i);
        uint64_t o = sign ? (uint64_t)(sx(p, es) * sx(q, es)) + (uint64_t)sx(r, es + 1) : p * q + r;
        vset(&t, es + 1, i, o);
    }
    *V(a->v1) = t;
}
DEF(vmae)  { vmadd_eo(c, a, false, true); }
DEF(vmao)  { vmadd_eo(c, a, true, true); }
DEF(vmale) { vmadd_eo(c, a, false, false); }
DEF(vmalo) { vmadd_eo(c, a, true, false); }

#define VR IF_VR
#define MR IF_MEM_R
#define MW IF_MEM_W
#define CC IF_SETS_CC

const struct s390_insn s390_insns_vector[] = {
    ROW(0xE706, "vl", VRX, op_vl, VR | MR, 16),
    ROW(0xE70E, "vst", VRX, op_vst, VR | MW, 16),
    ROW(0xE736, "vlm", VRSa, op_vlm, VR | MR, MEMSZ_VAR),
    ROW(0xE73E, "vstm", VRSa, op_vstm, VR | MW, MEMSZ_VAR),
    ROW(0xE756, "vlr", VRRa, op_vlr, VR, 0),
    ROW(0xE737, "vll", VRSb, op_vll, VR | IF_R3_R | MR, MEMSZ_VAR),
    ROW(0xE73F, "vstl", VRSb, op_vstl, VR | IF_R3_R | MW, MEMSZ_VAR),
    ROW(0xE707, "vlbb", VRX, op_vlbb, VR | MR, MEMSZ_VAR),
    ROW(0xE727, "lcbb", RXE, op_lcbb, IF_R1_W | CC, 0),
    ROW(0xE700, "vleb", VRX, op_vleb, VR | MR, 1),
    ROW(0xE701, "vleh", VRX, op_vleh, VR | MR, 2),
    ROW(0xE703, "vlef", VRX, op_vlef, VR | MR, 4),
    ROW(0xE702, "vleg", VRX, op_vleg, VR | MR, 8),
    ROW(0xE708, "vsteb", VRX, op_vsteb, VR | MW, 1),
    ROW(0xE709, "vsteh", VRX, op_vsteh, VR | MW, 2),
    ROW(0xE70B, "vstef", VRX, op_vstef, VR | MW, 4),
    ROW(0xE70A, "vsteg", VRX, op_vsteg, VR | MW, 8),
    ROW(0xE740, "vleib", VRIa, op_vleib, VR, 0),
    ROW(0xE741, "vleih", VRIa, op_vleih, VR, 0),
    ROW(0xE743, "vleif", VRIa, op_vleif, VR, 0),
    ROW(0xE742, "vleig", VRIa, op_vleig, VR, 0),
    ROW(0xE705, "vlrep", VRX, op_vlrep, VR | MR, MEMSZ_VAR),
    ROW(0xE704, "vllez", VRX, op_vllez, VR | MR, MEMSZ_VAR),
    ROW(0xE722, "vlvg", VRSb, op_vlvg, VR | IF_R3_R, 0),
    ROW(0xE721, "vlgv", VRSc, op_vlgv, VR | IF_R1_W, 0),
    ROW(0xE762, "vlvgp", VRRf, op_vlvgp, VR | IF_R2_R | IF_R3_R, 0),
    ROW(0xE744, "vgbm", VRIa, op_vgbm, VR, 0),
    ROW(0xE746, "vgm", VRIb, op_vgm, VR, 0),
    ROW(0xE745, "vrepi", VRIa, op_vrepi, VR, 0),
    ROW(0xE74D, "vrep", VRIc, op_vrep, VR, 0),
    ROW(0xE768, "vn", VRRc, op_vn, VR, 0),
    ROW(0xE769, "vnc", VRRc, op_vnc, VR, 0),
    ROW(0xE76A, "vo", VRRc, op_vo, VR, 0),
    ROW(0xE76D, "vx", VRRc, op_vx, VR, 0),
    ROW(0xE76B, "vno", VRRc, op_vno, VR, 0),
    ROW(0xE78D, "vsel", VRRe, op_vsel, VR, 0),
    ROW(0xE78C, "vperm", VRRe, op_vperm, VR, 0),
    ROW(0xE784, "vpdi", VRRc, op_vpdi, VR, 0),
    ROW(0xE7F3, "va", VRRc, op_va, VR, 0),
    ROW(0xE7F7, "vs", VRRc, op_vs, VR, 0),
    ROW(0xE7FF, "vmx", VRRc, op_vmx, VR, 0),
    ROW(0xE7FE, "vmn", VRRc, op_vmn, VR, 0),
    ROW(0xE7FD, "vmxl", VRRc, op_vmxl, VR, 0),
    ROW(0xE7FC, "vmnl", VRRc, op_vmnl, VR, 0),
    ROW(0xE7F0, "vavgl", VRRc, op_vavgl, VR, 0),
    ROW(0xE7F2, "vavg", VRRc, op_vavg, VR, 0),
    ROW(0xE7A2, "vml", VRRc, op_vml, VR, 0),
    ROW(0xE7A3, "vmh", VRRc, op_vmh, VR, 0),
    ROW(0xE7A1, "vmlh", VRRc, op_vmlh, VR, 0),
    ROW(0xE7A6, "vme", VRRc, op_vme, VR, 0),
    ROW(0xE7A7, "vmo", VRRc, op_vmo, VR, 0),
    ROW(0xE7A4, "vmle", VRRc, op_vmle, VR, 0),
    ROW(0xE7A5, "vmlo", VRRc, op_vmlo, VR, 0),
    ROW(0xE7AA, "vmal", VRRd, op_vmal, VR, 0),
    ROW(0xE7AB, "vmah", VRRd, op_vmah, VR, 0),
    ROW(0xE7A9, "vmalh", VRRd, op_vmalh, VR, 0),
    ROW(0xE7AE, "vmae", VRRd, op_vmae, VR, 0),
    ROW(0xE7AF, "vmao", VRRd, op_vmao, VR, 0),
    ROW(0xE7AC, "vmale", VRRd, op_vmale, VR, 0),
    ROW(0xE7AD, "vmalo", VRRd, op_vmalo, VR, 0),
    ROW(0xE770, "veslv", VRRc, op_veslv, VR, 0),
    ROW(0xE778, "vesrlv", VRRc, op_vesrlv, VR, 0),
    ROW(0xE77A, "vesrav", VRRc, op_vesrav, VR, 0),
    ROW(0xE773, "verllv", VRRc, op_verllv, VR, 0),
    ROW(0xE7F1, "vacc", VRRc, op_vacc, VR, 0),
    ROW(0xE7F5, "vscbi", VRRc, op_vscbi, VR, 0),
    ROW(0xE7F8, "vceq", VRRb, op_vceq, VR | CC, 0),
    ROW(0xE7FB, "vch", VRRb, op_vch, VR | CC, 0),
    ROW(0xE7F9, "vchl", VRRb, op_vchl, VR | CC, 0),
    ROW(0xE7DB, "vec", VRRa, op_vec, VR | CC, 0),
    ROW(0xE7D9, "vecl", VRRa, op_vecl, VR | CC, 0),
    ROW(0xE7DE, "vlc", VRRa, op_vlc, VR, 0),
    ROW(0xE7DF, "vlp", VRRa, op_vlp, VR, 0),
    ROW(0xE753, "vclz", VRRa, op_vclz, VR, 0),
    ROW(0xE752, "vctz", VRRa, op_vctz, VR, 0),
    ROW(0xE750, "vpopct", VRRa, op_vpopct, VR, 0),
    ROW(0xE730, "vesl", VRSa, op_vesl, VR, 0),
    ROW(0xE738, "vesrl", VRSa, op_vesrl, VR, 0),
    ROW(0xE73A, "vesra", VRSa, op_vesra, VR, 0),
    ROW(0xE733, "verll", VRSa, op_verll, VR, 0),
    ROW(0xE774, "vsl", VRRc, op_vsl, VR, 0),
    ROW(0xE775, "vslb", VRRc, op_vslb, VR, 0),
    ROW(0xE77C, "vsrl", VRRc, op_vsrl, VR, 0),
    ROW(0xE77D, "vsrlb", VRRc, op_vsrlb, VR, 0),
    ROW(0xE77E, "vsra", VRRc, op_vsra, VR, 0),
    ROW(0xE77F, "vsrab", VRRc, op_vsrab, VR, 0),
    ROW(0xE777, "vsldb", VRId, op_vsldb, VR, 0),
    ROW(0xE761, "vmrh", VRRc, op_vmrh, VR, 0),
    ROW(0xE760, "vmrl", VRRc, op_vmrl, VR, 0),
    ROW(0xE794, "vpk", VRRc, op_vpk, VR, 0),
    ROW(0xE7D7, "vuph", VRRa, op_vuph, VR, 0),
    ROW(0xE7D6, "vupl", VRRa, op_vupl, VR, 0),
    ROW(0xE7D5, "vuplh", VRRa, op_vuplh, VR, 0),
    ROW(0xE7D4, "vupll", VRRa, op_vupll, VR, 0),
    ROW(0xE764, "vsum", VRRc, op_vsum, VR, 0),
    ROW(0xE765, "vsumg", VRRc, op_vsumg, VR, 0),
    ROW(0xE767, "vsumq", VRRc, op_vsumq, VR, 0),
    ROW(0xE780, "vfee", VRRb, op_vfee, VR | CC, 0),
    ROW(0xE781, "vfene", VRRb, op_vfene, VR | CC, 0),
    ROW(0xE75C, "vistr", VRRa, op_vistr, VR | CC, 0),
};
const size_t s390_insns_vector_count = sizeof(s390_insns_vector) / sizeof(s390_insns_vector[0]);
