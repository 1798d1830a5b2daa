/* Load-and-trap (facility 49), load/store-on-condition 2 and load-and-zero-rightmost-byte
 * (facility 53), COMPARE LOGICAL AND TRAP with storage (miscellaneous-instruction-extensions). A trap
 * is a data exception with DXC 0xFF (PoP "Compare and Trap"). */
#include "s390/exec.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)
#define S16(v) ((int64_t)(int16_t)(v))

static void trap_zero(struct s390_cpu *c, uint64_t v)
{
    if (v == 0)
        s390_data_exception(c, 0xFF);
}
DEF(lat)    { uint32_t v = (uint32_t)s390_ld(c, EA2(c, a), 4); set_lo(c, a->r1, v); trap_zero(c, v); }
DEF(lgat)   { uint64_t v = s390_ld(c, EA2(c, a), 8); c->gr[a->r1] = v; trap_zero(c, v); }
DEF(lfhat)  { uint32_t v = (uint32_t)s390_ld(c, EA2(c, a), 4); set_hi(c, a->r1, v); trap_zero(c, v); }
DEF(llgfat) { uint64_t v = (uint32_t)s390_ld(c, EA2(c, a), 4); c->gr[a->r1] = v; trap_zero(c, v); }
DEF(llgtat) { uint64_t v = (uint32_t)s390_ld(c, EA2(c, a), 4) & 0x7fffffffu; c->gr[a->r1] = v; trap_zero(c, v); }
static void clt(struct s390_cpu *c, unsigned m3, uint64_t x, uint64_t y)
{
    unsigned cmp = cc_cmp_u(x, y);
    if (m3 & (8u >> cmp))
        s390_data_exception(c, 0xFF);
}
DEF(clt)  { clt(c, a->m3, gr_lo(c, a->r1), (uint32_t)s390_ld(c, EA2S(c, a), 4)); }
DEF(clgt) { clt(c, a->m3, c->gr[a->r1], s390_ld(c, EA2S(c, a), 8)); }

DEF(lochi)  { if (cond_met(c, a->m3)) set_lo(c, a->r1, (uint32_t)S16(a->i2)); }
DEF(locghi) { if (cond_met(c, a->m3)) c->gr[a->r1] = (uint64_t)S16(a->i2); }
DEF(lochhi) { if (cond_met(c, a->m3)) set_hi(c, a->r1, (uint32_t)S16(a->i2)); }
DEF(locfhr) { if (cond_met(c, a->m3)) set_hi(c, a->r1, gr_hi(c, a->r2)); }
DEF(locfh)  { if (cond_met(c, a->m3)) set_hi(c, a->r1, (uint32_t)s390_ld(c, EA2S(c, a), 4)); }
DEF(stocfh) { if (cond_met(c, a->m3)) s390_st(c, EA2S(c, a), 4, gr_hi(c, a->r1)); }
DEF(lzrf)   { set_lo(c, a->r1, (uint32_t)s390_ld(c, EA2(c, a), 4) & ~0xffu); }
DEF(lzrg)   { c->gr[a->r1] = s390_ld(c, EA2(c, a), 8) & ~0xffULL; }
DEF(llzrgf) { c->gr[a->r1] = (uint32_t)s390_ld(c, EA2(c, a), 4) & ~0xffu; }

#define W1 IF_R1_W
#define RW1 (IF_R1_R | IF_R1_W)
#define MR IF_MEM_R
#define UC IF_USES_CC

const struct s390_insn s390_insns_cond[] = {
    ROW(0xE39F, "lat", RXYa, op_lat, W1 | MR, 4),
    ROW(0xE385, "lgat", RXYa, op_lgat, W1 | MR, 8),
    ROW(0xE3C8, "lfhat", RXYa, op_lfhat, RW1 | MR, 4),
    ROW(0xE39D, "llgfat", RXYa, op_llgfat, W1 | MR, 4),
    ROW(0xE39C, "llgtat", RXYa, op_llgtat, W1 | MR, 4),
    ROW(0xEB23, "clt", RSYb, op_clt, IF_R1_R | MR, 4),
    ROW(0xEB2B, "clgt", RSYb, op_clgt, IF_R1_R | MR, 8),
    ROW(0xEC42, "lochi", RIEg, op_lochi, RW1 | UC, 0),
    ROW(0xEC46, "locghi", RIEg, op_locghi, RW1 | UC, 0),
    ROW(0xEC4E, "lochhi", RIEg, op_lochhi, RW1 | UC, 0),
    ROW(0xB9E0, "locfhr", RRFc, op_locfhr, RW1 | IF_R2_R | UC, 0),
    ROW(0xEBE0, "locfh", RSYb, op_locfh, RW1 | MR | UC, 4),
    ROW(0xEBE1, "stocfh", RSYb, op_stocfh, IF_R1_R | IF_MEM_W | UC, 4),
    ROW(0xE33B, "lzrf", RXYa, op_lzrf, RW1 | MR, 4),
    ROW(0xE32A, "lzrg", RXYa, op_lzrg, W1 | MR, 8),
    ROW(0xE33A, "llzrgf", RXYa, op_llzrgf, W1 | MR, 4),
};
const size_t s390_insns_cond_count = sizeof(s390_insns_cond) / sizeof(s390_insns_cond[0]);
