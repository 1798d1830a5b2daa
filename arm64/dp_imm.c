/* Data processing, immediate (Arm ARM C4.1.86; C6.2 ADR, ADRP, ADD/SUB (immediate), AND/ORR/EOR/ANDS
 * (immediate), MOVN/MOVZ/MOVK, SBFM/BFM/UBFM, EXTR). */
#include "arm64/dp_common.h"

void exec_adr(struct arm64_cpu *c, uint32_t insn)
{
    int64_t imm = sext64((uint64_t)BITS(insn, 23, 5) << 2 | BITS(insn, 30, 29), 21);
    if (BIT(insn, 31)) /* ADRP: 4 KiB page of the PC plus imm * 4096 */
        set_xr(c, RD(insn), (c->pc & ~0xFFFULL) + ((uint64_t)imm << 12));
    else
        set_xr(c, RD(insn), c->pc + (uint64_t)imm);
}

void exec_addsub_imm(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31), sub = BIT(insn, 30), setflags = BIT(insn, 29);
    uint64_t imm = BITS(insn, 21, 10);
    if (BIT(insn, 22))
        imm <<= 12;
    uint64_t op1 = xr_sp(c, RN(insn));
    uint32_t nzcv;
    uint64_t r = sub ? add_with_carry(sf, op1, ~imm, 1, &nzcv) : add_with_carry(sf, op1, imm, 0, &nzcv);
    if (setflags) {
        c->nzcv = nzcv;
        set_r(c, RD(insn), sf, r);
    } else {
        set_r_sp(c, RD(insn), sf, r);
    }
}

/* DecodeBitMasks() (Arm ARM J1 shared pseudocode). Returns false for a reserved encoding. */
bool decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate, unsigned datasize,
                      uint64_t *wmask, uint64_t *tmask)
{
    unsigned v = (n << 6) | (~imms & 0x3F);
    if (v == 0)
        return false;
    unsigned len = 31 - (unsigned)__builtin_clz(v);
    if (len < 1)
        return false;
    unsigned levels = (1u << len) - 1;
    if (immediate && (imms & levels) == levels)
        return false;
    unsigned s = imms & levels, r = immr & levels, d = (s - r) & levels;
    unsigned esize = 1u << len;
    if (esize > datasize)
        return false;
    uint64_t emask = esize == 64 ? ~0ULL : (1ULL << esize) - 1;
    uint64_t welem = s + 1 == 64 ? ~0ULL : (1ULL << (s + 1)) - 1;
    uint64_t telem = d + 1 == 64 ? ~0ULL : (1ULL << (d + 1)) - 1;
    uint64_t wrot = r ? ((welem >> r) | (welem << (esize - r))) & emask : welem;
    uint64_t w = 0, t = 0;
    for (unsigned i = 0; i < 64; i += esize) {
        w |= wrot << i;
        t |= telem << i;
    }
    *wmask = w;
    *tmask = t;
    return true;
}

void exec_logic_imm(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned opc = BITS(insn, 30, 29), n = BIT(insn, 22);
    uint64_t imm, tmask;
    if ((!sf && n) || !decode_bit_masks(n, BITS(insn, 15, 10), BITS(insn, 21, 16), true, sf ? 64 : 32, &imm, &tmask)) {
        arm64_undef(c);
        return;
    }
    uint64_t op1 = xr(c, RN(insn)), r;
    switch (opc) {
    case 0: r = op1 & imm; break;
    case 1: r = op1 | imm; break;
    case 2: r = op1 ^ imm; break;
    default:
        r = op1 & imm;
        c->nzcv = nz_flags(sf, r);
        set_r(c, RD(insn), sf, r);
        return;
    }
    set_r_sp(c, RD(insn), sf, r);
}

void exec_movw(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned opc = BITS(insn, 30, 29), hw = BITS(insn, 22, 21);
    if (!sf && hw >= 2) {
        arm64_undef(c);
        return;
    }
    unsigned pos = hw * 16;
    uint64_t imm = (uint64_t)BITS(insn, 20, 5) << pos, r;
    if (opc == 0)
        r = ~imm;
    else if (opc == 2)
        r = imm;
    else
        r = (xr(c, RD(insn)) & ~(0xFFFFULL << pos)) | imm;
    set_r(c, RD(insn), sf, r);
}

static inline uint64_t ror(uint64_t v, unsigned r, unsigned size)
{
    if (size == 32) {
        uint32_t w = (uint32_t)v;
        r &= 31;
        return r ? (uint32_t)((w >> r) | (w << (32 - r))) : w;
    }
    r &= 63;
    return r ? (v >> r) | (v << (64 - r)) : v;
}

void exec_bitfield(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned opc = BITS(insn, 30, 29), n = BIT(insn, 22), immr = BITS(insn, 21, 16), imms = BITS(insn, 15, 10);
    unsigned size = sf ? 64 : 32;
    uint64_t wmask, tmask;
    if (n != (unsigned)sf || (!sf && ((immr | imms) & 0x20)) ||
        !decode_bit_masks(n, imms, immr, false, size, &wmask, &tmask)) {
        arm64_undef(c);
        return;
    }
    uint64_t src = xr(c, RN(insn));
    uint64_t bot = ror(src, immr, size) & wmask, r;
    if (opc == 1) { /* BFM */
        uint64_t dst = xr(c, RD(insn));
        bot = (dst & ~wmask) | bot;
        r = (dst & ~tmask) | (bot & tmask);
    } else if (opc == 0) { /* SBFM: replicate bit S of the source above the field */
        uint64_t top = (src >> imms & 1) ? ~0ULL : 0;
        r = (top & ~tmask) | (bot & tmask);
    } else { /* UBFM */
        r = bot & tmask;
    }
    set_r(c, RD(insn), sf, r);
}

void exec_extr(struct arm64_cpu *c, uint32_t insn)
{
    bool sf = BIT(insn, 31);
    unsigned lsb = BITS(insn, 15, 10);
    if (BIT(insn, 22) != (unsigned)sf || (!sf && lsb >= 32)) {
        arm64_undef(c);
        return;
    }
    uint64_t hi = xr(c, RN(insn)), lo = xr(c, RM(insn)), r;
    if (sf)
        r = lsb ? (lo >> lsb) | (hi << (64 - lsb)) : lo;
    else
        r = lsb ? ((uint32_t)lo >> lsb) | ((uint32_t)hi << (32 - lsb)) : (uint32_t)lo;
    set_r(c, RD(insn), sf, r);
}
