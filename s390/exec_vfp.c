/* Vector floating point, z13 level: long (binary64) elements only (PoP ch. 24 "Vector Floating-
 * Point Instructions"). gcc -march=z13 uses the single-element W forms (WFADB, WFDDB, WCDGB...) for
 * ordinary double arithmetic. Arithmetic is the host's IEEE binary64; explicit rounding-method
 * fields are honoured for conversions and VFI; IEEE traps are not (see docs/s390-unimplemented.md). */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include "s390/exec.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)

static inline double d_of(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }
static inline uint64_t u_of(double d) { uint64_t v; memcpy(&v, &d, 8); return v; }

/* Only the long format (3) exists on z13; the single-element control is M bit 0x8. */
static unsigned nelems(struct s390_cpu *c, unsigned fmt, unsigned flags)
{
    if (fmt != 3)
        s390_program_exception(c, PGM_SPECIFICATION);
    return (flags & 8) ? 1 : 2;
}

static void fp_flags(struct s390_cpu *c, int e)
{
    uint32_t f = 0;
    if (e & FE_INVALID) f |= 0x80;
    if (e & FE_DIVBYZERO) f |= 0x40;
    if (e & FE_OVERFLOW) f |= 0x20;
    if (e & FE_UNDERFLOW) f |= 0x10;
    if (e & FE_INEXACT) f |= 0x08;
    c->fpc |= f << 16;
}

static double round_mode(double x, unsigned m)
{
    switch (m) {
    case 1: return round(x);
    case 5: return trunc(x);
    case 6: return ceil(x);
    case 7: return floor(x);
    default: return nearbyint(x);
    }
}

static void binop(struct s390_cpu *c, const struct s390_args *a, int op)
{
    unsigned n = nelems(c, a->m4, a->m5);
    union s390_vr r = { { 0, 0 } };
    feclearexcept(FE_ALL_EXCEPT);
    for (unsigned i = 0; i < n; i++) {
        double x = d_of(c->vr[a->v2].d[i]), y = d_of(c->vr[a->v3].d[i]), z;
        switch (op) {
        case 0: z = x + y; break;
        case 1: z = x - y; break;
        case 2: z = x * y; break;
        default: z = x / y; break;
        }
        r.d[i] = u_of(z);
    }
    fp_flags(c, fetestexcept(FE_ALL_EXCEPT));
    c->vr[a->v1] = r;
}
DEF(vfa) { binop(c, a, 0); }
DEF(vfs) { binop(c, a, 1); }
DEF(vfm) { binop(c, a, 2); }
DEF(vfd) { binop(c, a, 3); }

static void fma_op(struct s390_cpu *c, const struct s390_args *a, bool sub)
{
    unsigned n = nelems(c, a->m6, a->m5);
    union s390_vr r = { { 0, 0 } };
    feclearexcept(FE_ALL_EXCEPT);
    for (unsigned i = 0; i < n; i++) {
        double x = d_of(c->vr[a->v2].d[i]), y = d_of(c->vr[a->v3].d[i]), z = d_of(c->vr[a->v4].d[i]);
        r.d[i] = u_of(fma(x, y, sub ? -z : z));
    }
    fp_flags(c, fetestexcept(FE_ALL_EXCEPT));
    c->vr[a->v1] = r;
}
DEF(vfma) { fma_op(c, a, false); }
DEF(vfms) { fma_op(c, a, true); }

DEF(vfsq)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    feclearexcept(FE_ALL_EXCEPT);
    for (unsigned i = 0; i < n; i++)
        r.d[i] = u_of(sqrt(d_of(c->vr[a->v2].d[i])));
    fp_flags(c, fetestexcept(FE_ALL_EXCEPT));
    c->vr[a->v1] = r;
}

/* VECTOR FP PERFORM SIGN OPERATION: M5 0 complement, 1 negative, 2 positive. */
DEF(vfpso)
{
    unsigned n = nelems(c, a->m3, a->m4);
    if (a->m5 > 2)
        s390_program_exception(c, PGM_SPECIFICATION);
    union s390_vr r = c->vr[a->v2];
    union s390_vr out = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        uint64_t v = r.d[i], s = 0x8000000000000000ULL;
        out.d[i] = a->m5 == 0 ? v ^ s : a->m5 == 1 ? v | s : v & ~s;
    }
    c->vr[a->v1] = out;
}

/* Compares: element all ones when true; M6 bit 0x1 sets the CC (0 all, 1 some, 3 none). */
static void vfcmp(struct s390_cpu *c, const struct s390_args *a, int kind)
{
    unsigned n = nelems(c, a->m4, a->m5), hits = 0;
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        double x = d_of(c->vr[a->v2].d[i]), y = d_of(c->vr[a->v3].d[i]);
        bool t = kind == 0 ? x == y : kind == 1 ? x > y : x >= y;
        if (t) {
            r.d[i] = ~0ULL;
            hits++;
        }
    }
    c->vr[a->v1] = r;
    if (a->m6 & 1)
        c->cc = hits == n ? 0 : hits ? 1 : 3;
}
DEF(vfce)  { vfcmp(c, a, 0); }
DEF(vfch)  { vfcmp(c, a, 1); }
DEF(vfche) { vfcmp(c, a, 2); }

/* WFC / WFK: scalar compare of element 0 (CC 0 equal, 1 low, 2 high, 3 unordered). */
static void wfc(struct s390_cpu *c, const struct s390_args *a)
{
    if (a->m3 != 3 || a->m4)
        s390_program_exception(c, PGM_SPECIFICATION);
    double x = d_of(c->vr[a->v1].d[0]), y = d_of(c->vr[a->v2].d[0]);
    c->cc = (isnan(x) || isnan(y)) ? 3 : x == y ? 0 : x < y ? 1 : 2;
    if (c->cc == 3)
        c->fpc |= 0x80u << 16;
}
DEF(wfc) { wfc(c, a); }
DEF(wfk) { wfc(c, a); }

/* Conversions: M3 format (3), M4 bit 0x8 single element, bit 0x4 inexact suppression, M5 rounding. */
DEF(vcdg)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++)
        r.d[i] = u_of((double)(int64_t)c->vr[a->v2].d[i]);
    c->vr[a->v1] = r;
}
DEF(vcdlg)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++)
        r.d[i] = u_of((double)c->vr[a->v2].d[i]);
    c->vr[a->v1] = r;
}
DEF(vcgd)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        double x = round_mode(d_of(c->vr[a->v2].d[i]), a->m5);
        int64_t v;
        if (isnan(x) || x >= 9223372036854775808.0 || x < -9223372036854775808.0) {
            v = (isnan(x) || x < 0) ? INT64_MIN : INT64_MAX;
            c->fpc |= 0x80u << 16;
        } else {
            v = (int64_t)x;
        }
        r.d[i] = (uint64_t)v;
    }
    c->vr[a->v1] = r;
}
DEF(vclgd)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        double x = round_mode(d_of(c->vr[a->v2].d[i]), a->m5);
        uint64_t v;
        if (isnan(x) || x >= 18446744073709551616.0 || x <= -1.0) {
            v = (!isnan(x) && x > 0) ? UINT64_MAX : 0;
            c->fpc |= 0x80u << 16;
        } else {
            v = (uint64_t)x;
        }
        r.d[i] = v;
    }
    c->vr[a->v1] = r;
}
DEF(vfi)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++)
        r.d[i] = u_of(round_mode(d_of(c->vr[a->v2].d[i]), a->m5));
    c->vr[a->v1] = r;
}
/* VECTOR FP LOAD LENGTHENED (short in the left word of each doubleword -> long) and LOAD ROUNDED
 * (long -> short in the left word, right word zero). */
DEF(vlde)
{
    if (a->m3 != 2)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned n = (a->m4 & 8) ? 1 : 2;
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        uint32_t w = (uint32_t)(c->vr[a->v2].d[i] >> 32);
        float f;
        memcpy(&f, &w, 4);
        r.d[i] = u_of((double)f);
    }
    c->vr[a->v1] = r;
}
DEF(vled)
{
    unsigned n = nelems(c, a->m3, a->m4);
    union s390_vr r = { { 0, 0 } };
    for (unsigned i = 0; i < n; i++) {
        float f = (float)d_of(c->vr[a->v2].d[i]);
        uint32_t w;
        memcpy(&w, &f, 4);
        r.d[i] = (uint64_t)w << 32;
    }
    c->vr[a->v1] = r;
}

#define VR (IF_VR | IF_MODE)

const struct s390_insn s390_insns_vfp[] = {
    ROW(0xE7E3, "vfa", VRRc, op_vfa, VR, 0),
    ROW(0xE7E2, "vfs", VRRc, op_vfs, VR, 0),
    ROW(0xE7E7, "vfm", VRRc, op_vfm, VR, 0),
    ROW(0xE7E5, "vfd", VRRc, op_vfd, VR, 0),
    ROW(0xE78F, "vfma", VRRe, op_vfma, VR, 0),
    ROW(0xE78E, "vfms", VRRe, op_vfms, VR, 0),
    ROW(0xE7CE, "vfsq", VRRa, op_vfsq, VR, 0),
    ROW(0xE7CC, "vfpso", VRRa, op_vfpso, VR, 0),
    ROW(0xE7E8, "vfce", VRRc, op_vfce, VR | IF_SETS_CC, 0),
    ROW(0xE7EB, "vfch", VRRc, op_vfch, VR | IF_SETS_CC, 0),
    ROW(0xE7EA, "vfche", VRRc, op_vfche, VR | IF_SETS_CC, 0),
    ROW(0xE7CB, "wfc", VRRa, op_wfc, VR | IF_SETS_CC, 0),
    ROW(0xE7CA, "wfk", VRRa, op_wfk, VR | IF_SETS_CC, 0),
    ROW(0xE7C3, "vcdg", VRRa, op_vcdg, VR, 0),
    ROW(0xE7C1, "vcdlg", VRRa, op_vcdlg, VR, 0),
    ROW(0xE7C2, "vcgd", VRRa, op_vcgd, VR, 0),
    ROW(0xE7C0, "vclgd", VRRa, op_vclgd, VR, 0),
    ROW(0xE7C7, "vfi", VRRa, op_vfi, VR, 0),
    ROW(0xE7C4, "vlde", VRRa, op_vlde, VR, 0),
    ROW(0xE7C5, "vled", VRRa, op_vled, VR, 0),
};
const size_t s390_insns_vfp_count = sizeof(s390_insns_vfp) / sizeof(s390_insns_vfp[0]);
