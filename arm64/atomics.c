/* ARMv8.1 LSE atomic memory operations (Arm ARM C6.2 LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN,
 * LDUMAX, LDUMIN, SWP and their A/L/AL, B/H forms; ST<op> are the Rt = XZR aliases). On one in-order
 * PE the read-modify-write is trivially atomic; acquire/release add nothing. The access is translated
 * for write (a fault reports WnR = 1) and must be naturally aligned (no FEAT_LSE2). */
#include "arm64/internal.h"

void exec_atomic(struct arm64_cpu *c, uint32_t insn)
{
    unsigned size = 1u << BITS(insn, 31, 30), rt = RT(insn), rs = RS(insn), rn = RN(insn);
    unsigned op = BIT(insn, 15) << 3 | BITS(insn, 14, 12);
    uint64_t addr;
    if (rn == 31) {
        addr = *arm64_cur_sp(c);
        if (!arm64_check_sp_align(c, addr))
            return;
    } else {
        addr = c->x[rn];
    }
    unsigned bits = 8 * size;
    uint64_t mask = size == 8 ? ~0ULL : (1ULL << bits) - 1;
    uint8_t b[8];
    if (!arm64_mem(c, addr, size, size, b, MEM_ALIGN | MEM_RMW, 0))
        return;
    uint64_t old = 0;
    for (unsigned i = 0; i < size; i++)
        old |= (uint64_t)b[i] << (8 * i);
    uint64_t s = xr(c, rs) & mask, r;
    int64_t so = sext64(old, bits), ss = sext64(s, bits);
    switch (op) {
    case 0: r = old + s; break;              /* LDADD */
    case 1: r = old & ~s; break;             /* LDCLR */
    case 2: r = old ^ s; break;              /* LDEOR */
    case 3: r = old | s; break;              /* LDSET */
    case 4: r = so > ss ? old : s; break;    /* LDSMAX */
    case 5: r = so < ss ? old : s; break;    /* LDSMIN */
    case 6: r = old > s ? old : s; break;    /* LDUMAX */
    case 7: r = old < s ? old : s; break;    /* LDUMIN */
    default: r = s; break;                   /* SWP */
    }
    for (unsigned i = 0; i < size; i++)
        b[i] = (uint8_t)(r >> (8 * i));
    if (!arm64_mem(c, addr, size, size, b, MEM_WRITE | MEM_ALIGN, 0))
        return;
    set_xr(c, rt, old);
}
