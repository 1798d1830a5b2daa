/* Data processing, register (Arm ARM C4.1.88; C6.2 logical (shifted register), ADD/SUB (shifted and
 * extended register), ADC/SBC, CCMN/CCMP, CSEL/CSINC/CSINV/CSNEG, MADD..UMULH, UDIV/SDIV, LSLV..RORV,
 * CRC32/CRC32C, RBIT/REV16/REV32/REV/CLZ/CLS). */
#include "arm64/dp_common.h"

void exec_logic_reg(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned opc = BITS(insn, 30, 29), shift = BITS(insn, 23, 22), amount = BITS(insn, 15, 10);
    if (!sf && amount >= 32) {
        arm64_undef(c);
        return;
    }
    uint64_t op1 = xr(c, RN(insn));
    uint64_t op2 = shift_reg(xr(c, RM(insn)), shift, amount, sf);
    if (BIT(insn, 21))
        op2 = ~op2;
    uint64_t r;
    switch (opc) {
    case 0: r = op1 & op2; break;
    case 1: r = op1 | op2; break;
    case 2: r = op1 ^ op2; break;
    default:
        r = op1 & op2;
        c->nzcv = nz_flags(sf, r);
        break;
    }
    set_r(c, RD(insn), sf, r);
}

void exec_addsub_shift(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), sub = BIT(insn, 30), setflags = BIT(insn, 29);
    unsigned shift = BITS(insn, 23, 22), amount = BITS(insn, 15, 10);
    if (shift == 3 || (!sf && amount >= 32)) {
        arm64_undef(c);
        return;
    }
    uint64_t op1 = xr(c, RN(insn));
    uint64_t op2 = shift_reg(xr(c, RM(insn)), shift, amount, sf);
    uint32_t nzcv;
    uint64_t r = sub ? add_with_carry(sf, op1, ~op2, 1, &nzcv) : add_with_carry(sf, op1, op2, 0, &nzcv);
    if (setflags)
        c->nzcv = nzcv;
    set_r(c, RD(insn), sf, r);
}

void exec_addsub_ext(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), sub = BIT(insn, 30), setflags = BIT(insn, 29);
    unsigned option = BITS(insn, 15, 13), amount = BITS(insn, 12, 10);
    if (amount > 4) {
        arm64_undef(c);
        return;
    }
    uint64_t op1 = xr_sp(c, RN(insn));
    uint64_t op2 = extend_reg(xr(c, RM(insn)), option, amount);
    uint32_t nzcv;
    uint64_t r = sub ? add_with_carry(sf, op1, ~op2, 1, &nzcv) : add_with_carry(sf, op1, op2, 0, &nzcv);
    if (setflags) {
        c->nzcv = nzcv;
        set_r(c, RD(insn), sf, r);
    } else {
        set_r_sp(c, RD(insn), sf, r);
    }
}

void exec_adc(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), sub = BIT(insn, 30), setflags = BIT(insn, 29);
    uint64_t op1 = xr(c, RN(insn)), op2 = xr(c, RM(insn));
    if (sub)
        op2 = ~op2;
    uint32_t nzcv;
    uint64_t r = add_with_carry(sf, op1, op2, c->nzcv >> 29 & 1, &nzcv);
    if (setflags)
        c->nzcv = nzcv;
    set_r(c, RD(insn), sf, r);
}

void exec_ccmp(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), sub = BIT(insn, 30);
    unsigned cond = BITS(insn, 15, 12);
    if (!cond_holds(c->nzcv, cond)) {
        c->nzcv = (uint32_t)BITS(insn, 3, 0) << 28;
        return;
    }
    uint64_t op1 = xr(c, RN(insn));
    uint64_t op2 = BIT(insn, 11) ? BITS(insn, 20, 16) : xr(c, RM(insn));
    uint32_t nzcv;
    if (sub)
        add_with_carry(sf, op1, ~op2, 1, &nzcv);
    else
        add_with_carry(sf, op1, op2, 0, &nzcv);
    c->nzcv = nzcv;
}

void exec_csel(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), inv = BIT(insn, 30), inc = BIT(insn, 10);
    uint64_t r;
    if (cond_holds(c->nzcv, BITS(insn, 15, 12))) {
        r = xr(c, RN(insn));
    } else {
        r = xr(c, RM(insn));
        if (inv)
            r = ~r;
        if (inc)
            r++;
    }
    set_r(c, RD(insn), sf, r);
}

void exec_dp3(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), o0 = BIT(insn, 15);
    unsigned op31 = BITS(insn, 23, 21);
    uint64_t n = xr(c, RN(insn)), m = xr(c, RM(insn)), a = xr(c, RA(insn)), r;
    switch (op31) {
    case 0: /* MADD / MSUB */
        r = o0 ? a - n * m : a + n * m;
        break;
    case 1: { /* SMADDL / SMSUBL */
        int64_t p = (int64_t)(int32_t)n * (int64_t)(int32_t)m;
        r = o0 ? a - (uint64_t)p : a + (uint64_t)p;
        break;
    }
    case 5: { /* UMADDL / UMSUBL */
        uint64_t p = (uint64_t)(uint32_t)n * (uint32_t)m;
        r = o0 ? a - p : a + p;
        break;
    }
    case 2: /* SMULH */
        r = (uint64_t)(((__int128)(int64_t)n * (int64_t)m) >> 64);
        break;
    default: /* 6: UMULH */
        r = (uint64_t)(((unsigned __int128)n * m) >> 64);
        break;
    }
    set_r(c, RD(insn), sf, r);
}

void exec_dp2(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned opc = BITS(insn, 15, 10);
    uint64_t n = xr(c, RN(insn)), m = xr(c, RM(insn)), r;
    switch (opc) {
    case 2: /* UDIV: division by zero gives zero */
        if (sf)
            r = m ? n / m : 0;
        else
            r = (uint32_t)m ? (uint32_t)n / (uint32_t)m : 0;
        break;
    case 3: /* SDIV: rounds towards zero; INT_MIN / -1 = INT_MIN */
        if (sf) {
            int64_t a = (int64_t)n, b = (int64_t)m;
            r = b == 0 ? 0 : (a == INT64_MIN && b == -1) ? (uint64_t)a : (uint64_t)(a / b);
        } else {
            int32_t a = (int32_t)n, b = (int32_t)m;
            r = b == 0 ? 0 : (a == INT32_MIN && b == -1) ? (uint32_t)a : (uint32_t)(a / b);
        }
        break;
    default: /* LSLV LSRV ASRV RORV: the shift amount is Rm modulo the datasize */
        r = shift_reg(n, opc & 3, (unsigned)(m & (sf ? 63 : 31)), sf);
        break;
    }
    set_r(c, RD(insn), sf, r);
}

/* CRC32 (polynomial 0x04C11DB7) and CRC32C (0x1EDC6F41), bit-reflected as in the Arm pseudocode. */
static uint32_t crc_update(uint32_t acc, uint64_t val, unsigned bytes, uint32_t poly_reflected)
{
    for (unsigned i = 0; i < bytes; i++) {
        acc ^= (uint8_t)(val >> (8 * i));
        for (int k = 0; k < 8; k++)
            acc = (acc >> 1) ^ ((acc & 1) ? poly_reflected : 0);
    }
    return acc;
}

void exec_crc32(struct arm64_cpu *c, uint32_t insn)
{
    unsigned sz = BITS(insn, 11, 10);
    bool castagnoli = BIT(insn, 12);
    uint32_t acc = wr(c, RN(insn));
    uint64_t val = xr(c, RM(insn));
    uint32_t r = crc_update(acc, val, 1u << sz, castagnoli ? 0x82F63B78u : 0xEDB88320u);
    set_wr(c, RD(insn), r);
}

void exec_dp1(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned opc = BITS(insn, 15, 10);
    uint64_t n = xr(c, RN(insn)), r = 0;
    switch (opc) {
    case 0: /* RBIT */
        if (sf) {
            for (int i = 0; i < 64; i++)
                r |= (n >> i & 1) << (63 - i);
        } else {
            for (int i = 0; i < 32; i++)
                r |= (n >> i & 1) << (31 - i);
        }
        break;
    case 1: /* REV16: bytes swapped within each halfword */
        r = ((n & 0x00FF00FF00FF00FFULL) << 8) | ((n >> 8) & 0x00FF00FF00FF00FFULL);
        break;
    case 2: /* REV32 (64-bit) / REV (32-bit): bytes swapped within each word */
        r = (uint64_t)__builtin_bswap32((uint32_t)n) | (sf ? (uint64_t)__builtin_bswap32((uint32_t)(n >> 32)) << 32 : 0);
        break;
    case 3: /* REV (64-bit) */
        r = __builtin_bswap64(n);
        break;
    case 4: /* CLZ */
        r = sf ? (n ? (uint64_t)__builtin_clzll(n) : 64) : ((uint32_t)n ? (uint64_t)__builtin_clz((uint32_t)n) : 32);
        break;
    default: { /* CLS: leading bits equal to the sign bit, not counting it */
        uint64_t x = sf ? n ^ (uint64_t)((int64_t)n >> 1) : (uint32_t)(n ^ (uint64_t)((int32_t)n >> 1));
        if (sf)
            r = (x << 1 | 1) ? (uint64_t)__builtin_clzll(x << 1 | 1) : 63;
        else
            r = (uint64_t)__builtin_clz(((uint32_t)x << 1) | 1);
        break;
    }
    }
    set_r(c, RD(insn), sf, r);
}
