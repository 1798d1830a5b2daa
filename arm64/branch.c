/* Branches (Arm ARM C4.1.65; C6.2 B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET). */
#include "arm64/internal.h"

void exec_b(struct arm64_cpu *c, uint32_t insn)
{
    int64_t off = sext64(BITS(insn, 25, 0), 26) * 4;
    if (BIT(insn, 31)) /* BL */
        c->x[30] = c->pc + 4;
    c->npc = c->pc + (uint64_t)off;
}

void exec_bcond(struct arm64_cpu *c, uint32_t insn)
{
    if (cond_holds(c->nzcv, BITS(insn, 3, 0)))
        c->npc = c->pc + (uint64_t)(sext64(BITS(insn, 23, 5), 19) * 4);
}

void exec_cbz(struct arm64_cpu *c, uint32_t insn)
{
    uint64_t v = BIT(insn, 31) ? xr(c, RT(insn)) : wr(c, RT(insn));
    bool nz = BIT(insn, 24);
    if ((v != 0) == nz)
        c->npc = c->pc + (uint64_t)(sext64(BITS(insn, 23, 5), 19) * 4);
}

void exec_tbz(struct arm64_cpu *c, uint32_t insn)
{
    unsigned bit = BIT(insn, 31) << 5 | BITS(insn, 23, 19);
    bool nz = BIT(insn, 24);
    if (((xr(c, RT(insn)) >> bit & 1) != 0) == nz)
        c->npc = c->pc + (uint64_t)(sext64(BITS(insn, 18, 5), 14) * 4);
}

void exec_br(struct arm64_cpu *c, uint32_t insn)
{
    uint64_t target = xr(c, RN(insn));
    if (BITS(insn, 22, 21) == 1) /* BLR: X30 written after reading Rn (BLR X30 branches to the old X30) */
        c->x[30] = c->pc + 4;
    c->npc = target;
}
