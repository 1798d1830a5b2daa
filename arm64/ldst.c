/* Loads and stores of single registers and pairs (Arm ARM C4.1.66; C6.2 LDR/STR (immediate, register,
 * literal), LDUR/STUR, LDTR/STTR, LDP/STP, LDNP/STNP, LDPSW, PRFM, and their SIMD&FP forms C7.2). */
#include "arm64/dp_common.h"

/* V register bytes, little-endian order (V[t] bits 7:0 first). */
static void vreg_get(const struct arm64_cpu *c, unsigned t, uint8_t b[16])
{
    for (unsigned i = 0; i < 16; i++)
        b[i] = (uint8_t)(c->v[t][i / 8] >> (8 * (i % 8)));
}

static void vreg_set(struct arm64_cpu *c, unsigned t, const uint8_t b[16], unsigned n)
{
    c->v[t][0] = c->v[t][1] = 0; /* a scalar load zeroes the rest of the vector register */
    for (unsigned i = 0; i < n; i++)
        c->v[t][i / 8] |= (uint64_t)b[i] << (8 * (i % 8));
}

static uint64_t le_val(const uint8_t *b, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)b[i] << (8 * i);
    return v;
}

static void le_put(uint8_t *b, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

/* Base register value; SP as base is checked for 16-byte alignment (SCTLR_EL1.SA/SA0). */
static bool base_reg(struct arm64_cpu *c, unsigned rn, uint64_t *base)
{
    if (rn == 31) {
        *base = *arm64_cur_sp(c);
        return arm64_check_sp_align(c, *base);
    }
    *base = c->x[rn];
    return true;
}

/* Scale (log2 bytes) of a single-register access: size, or 4 for 128-bit SIMD&FP. */
static unsigned single_scale(uint32_t insn)
{
    unsigned size = BITS(insn, 31, 30);
    if (BIT(insn, 26) && (BITS(insn, 23, 22) & 2))
        return size + 4;
    return size;
}

/* One single-register load/store at addr; wb: write back wbval to Rn after the access. */
static void do_single(struct arm64_cpu *c, uint32_t insn, uint64_t addr, unsigned flags, bool wb, uint64_t wbval)
{
    unsigned opc = BITS(insn, 23, 22), rt = RT(insn), rn = RN(insn);
    if (BIT(insn, 26)) { /* SIMD&FP */
        uint8_t b[16] = { 0 };
        unsigned n = 1u << single_scale(insn);
        if (opc & 1) {
            if (!arm64_mem(c, addr, n, n, b, flags, 0))
                return;
            vreg_set(c, rt, b, n);
        } else {
            vreg_get(c, rt, b);
            if (!arm64_mem(c, addr, n, n, b, flags | MEM_WRITE, 0))
                return;
        }
    } else {
        unsigned size = 1u << BITS(insn, 31, 30);
        bool sign = opc >= 2;
        bool sf = opc == 2 || size == 8;
        uint32_t iss = wb ? 0 : iss_sreg(size, sign, rt, sf, false);
        uint8_t b[8];
        if (opc == 0) {
            le_put(b, size, xr(c, rt));
            if (!arm64_mem(c, addr, size, size, b, flags | MEM_WRITE, iss))
                return;
        } else {
            if (!arm64_mem(c, addr, size, size, b, flags, iss))
                return;
            uint64_t v = le_val(b, size);
            if (opc == 2)
                v = (uint64_t)sext64(v, size * 8);
            else if (opc == 3)
                v = (uint32_t)sext64(v, size * 8);
            set_xr(c, rt, v);
        }
    }
    if (wb)
        set_xr_sp(c, rn, wbval);
}

/* Checks common to the single-register forms; false if the instruction was UNDEFINED/trapped or is
 * a prefetch (which never faults). */
static bool single_ok(struct arm64_cpu *c, uint32_t insn)
{
    unsigned size = BITS(insn, 31, 30), opc = BITS(insn, 23, 22);
    if (BIT(insn, 26)) {
        if (single_scale(insn) > 4) {
            arm64_undef(c);
            return false;
        }
        return arm64_fp_access_ok(c);
    }
    if (size == 3 && opc == 2)
        return false; /* PRFM / PRFUM: a hint, no effect */
    if ((size == 3 && opc == 3) || (size == 2 && opc == 3)) {
        arm64_undef(c);
        return false;
    }
    return true;
}

void exec_ldst_uimm(struct arm64_cpu *c, uint32_t insn)
{
    if (!single_ok(c, insn))
        return;
    uint64_t base;
    if (!base_reg(c, RN(insn), &base))
        return;
    do_single(c, insn, base + ((uint64_t)BITS(insn, 21, 10) << single_scale(insn)), 0, false, 0);
}

void exec_ldst_imm9(struct arm64_cpu *c, uint32_t insn)
{
    unsigned mode = BITS(insn, 11, 10); /* 0 unscaled, 1 post-index, 2 unprivileged, 3 pre-index */
    if (mode == 2 && BIT(insn, 26)) {
        arm64_undef(c);
        return;
    }
    if (!single_ok(c, insn))
        return;
    uint64_t base;
    if (!base_reg(c, RN(insn), &base))
        return;
    uint64_t imm = (uint64_t)sext64(BITS(insn, 20, 12), 9);
    switch (mode) {
    case 0: do_single(c, insn, base + imm, 0, false, 0); break;
    case 1: do_single(c, insn, base, 0, true, base + imm); break;
    case 2: do_single(c, insn, base + imm, MEM_UNPRIV, false, 0); break;
    default: do_single(c, insn, base + imm, 0, true, base + imm); break;
    }
}

void exec_ldst_regoff(struct arm64_cpu *c, uint32_t insn)
{
    unsigned option = BITS(insn, 15, 13);
    if (!(option & 2)) { /* option<1> = 0 is reserved */
        arm64_undef(c);
        return;
    }
    if (!single_ok(c, insn))
        return;
    uint64_t base;
    if (!base_reg(c, RN(insn), &base))
        return;
    unsigned shift = BIT(insn, 12) ? single_scale(insn) : 0;
    do_single(c, insn, base + extend_reg(xr(c, RM(insn)), option, shift), 0, false, 0);
}

void exec_ld_lit(struct arm64_cpu *c, uint32_t insn)
{
    unsigned opc = BITS(insn, 31, 30), rt = RT(insn);
    uint64_t addr = c->pc + (uint64_t)(sext64(BITS(insn, 23, 5), 19) * 4);
    if (BIT(insn, 26)) {
        if (!arm64_fp_access_ok(c))
            return;
        unsigned n = 4u << opc;
        uint8_t b[16];
        if (!arm64_mem(c, addr, n, n, b, 0, 0))
            return;
        vreg_set(c, rt, b, n);
        return;
    }
    if (opc == 3)
        return; /* PRFM (literal) */
    unsigned size = opc == 1 ? 8 : 4;
    uint8_t b[8];
    if (!arm64_mem(c, addr, size, size, b, 0, iss_sreg(size, opc == 2, rt, opc != 0, false)))
        return;
    uint64_t v = le_val(b, size);
    set_xr(c, rt, opc == 2 ? (uint64_t)sext64(v, 32) : v);
}

void exec_ldst_pair(struct arm64_cpu *c, uint32_t insn)
{
    unsigned opc = BITS(insn, 31, 30), mode = BITS(insn, 24, 23);
    bool load = BIT(insn, 22), simd = BIT(insn, 26);
    unsigned rt = RT(insn), rt2 = RT2(insn), rn = RN(insn);
    unsigned scale;
    if (simd) {
        if (opc == 3) {
            arm64_undef(c);
            return;
        }
        if (!arm64_fp_access_ok(c))
            return;
        scale = 2 + opc;
    } else {
        scale = opc == 2 ? 3 : 2;
    }
    uint64_t base;
    if (!base_reg(c, rn, &base))
        return;
    uint64_t off = (uint64_t)sext64(BITS(insn, 21, 15), 7) << scale;
    uint64_t addr = mode == 1 ? base : base + off; /* post-index uses the unmodified base */
    unsigned n = 1u << scale;
    uint8_t b[32];
    if (load) {
        if (!arm64_mem(c, addr, n, n, b, 0, 0) || !arm64_mem(c, addr + n, n, n, b + n, 0, 0))
            return;
        if (simd) {
            vreg_set(c, rt, b, n);
            vreg_set(c, rt2, b + n, n);
        } else if (opc == 1) { /* LDPSW */
            set_xr(c, rt, (uint64_t)sext64(le_val(b, 4), 32));
            set_xr(c, rt2, (uint64_t)sext64(le_val(b + 4, 4), 32));
        } else {
            set_xr(c, rt, le_val(b, n));
            set_xr(c, rt2, le_val(b + n, n));
        }
    } else {
        if (simd) {
            uint8_t v1[16], v2[16];
            vreg_get(c, rt, v1);
            vreg_get(c, rt2, v2);
            for (unsigned i = 0; i < n; i++) {
                b[i] = v1[i];
                b[n + i] = v2[i];
            }
        } else {
            le_put(b, n, xr(c, rt));
            le_put(b + n, n, xr(c, rt2));
        }
        if (n * 2 <= 16) {
            if (!arm64_mem(c, addr, n * 2, n, b, MEM_WRITE, 0))
                return;
        } else if (!arm64_mem(c, addr, n, n, b, MEM_WRITE, 0) || !arm64_mem(c, addr + n, n, n, b + n, MEM_WRITE, 0)) {
            return;
        }
    }
    if (mode == 1 || mode == 3)
        set_xr_sp(c, rn, base + off);
}
