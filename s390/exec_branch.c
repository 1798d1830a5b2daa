/* Branch instructions (PoP ch. 7): branch on condition/count/index, branch and save/link, the
 * relative forms, compare-and-branch (general-instructions-extension), EXECUTE and SUPERVISOR CALL.
 * A taken branch records its own address in the BEAR (PoP "Breaking-Event-Address Register"). */
#include "s390/exec.h"
#include "s390/interrupt.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)
#define S16(v) ((int64_t)(int16_t)(v))
#define S32(v) ((int64_t)(int32_t)(v))

static inline void branch_to(struct s390_cpu *c, uint64_t target)
{
    c->bear = c->ia;
    c->psw.addr = target & s390_amask(c);
}

/* Link information of BRANCH AND SAVE (PoP): the updated PSW address in the addressing mode, with
 * bit 32 = 1 in the 31-bit mode. */
static uint64_t link_bas(const struct s390_cpu *c, uint64_t r)
{
    if (c->psw.mask & PSW_MASK_EA)
        return c->psw.addr;
    if (c->psw.mask & PSW_MASK_BA)
        return (r & 0xffffffff00000000ULL) | 0x80000000ULL | (c->psw.addr & 0x7fffffffULL);
    return (r & 0xffffffff00000000ULL) | (c->psw.addr & 0xffffffULL);
}
/* BRANCH AND LINK in the 24-bit mode also saves the ILC, CC and program mask in bits 32-39. */
static uint64_t link_bal(const struct s390_cpu *c, uint64_t r)
{
    if (c->psw.mask & (PSW_MASK_EA | PSW_MASK_BA))
        return link_bas(c, r);
    uint32_t ilc = c->int_ilen / 2;
    uint32_t pm = (uint32_t)((c->psw.mask >> 40) & 0xf);
    uint32_t lo = (ilc << 30) | (c->cc << 28) | (pm << 24) | (uint32_t)(c->psw.addr & 0xffffff);
    return (r & 0xffffffff00000000ULL) | lo;
}

DEF(bc)   { if (cond_met(c, a->r1)) branch_to(c, EA2(c, a)); }
DEF(bcr)
{
    /* BCR with R2 = 0 does not branch (BCR 15,0 / 14,0 are serialization points). */
    if (a->r2 && cond_met(c, a->r1))
        branch_to(c, c->gr[a->r2]);
}
DEF(bal)  { uint64_t t = EA2(c, a); c->gr[a->r1] = link_bal(c, c->gr[a->r1]); branch_to(c, t); }
DEF(balr)
{
    uint64_t t = c->gr[a->r2];
    c->gr[a->r1] = link_bal(c, c->gr[a->r1]);
    if (a->r2)
        branch_to(c, t);
}
DEF(bas)  { uint64_t t = EA2(c, a); c->gr[a->r1] = link_bas(c, c->gr[a->r1]); branch_to(c, t); }
DEF(basr)
{
    uint64_t t = c->gr[a->r2];
    c->gr[a->r1] = link_bas(c, c->gr[a->r1]);
    if (a->r2)
        branch_to(c, t);
}
/* Mode switching: BSM/BASSM set the addressing mode from bit 63 (64-bit) or bit 32 (31-bit) of R2. */
static void set_mode_from(struct s390_cpu *c, uint64_t v, uint64_t *target)
{
    if (v & 1) {
        c->psw.mask |= PSW_MASK_EA | PSW_MASK_BA;
        *target = v & ~1ULL;
    } else if (v & 0x80000000ULL) {
        c->psw.mask = (c->psw.mask & ~PSW_MASK_EA) | PSW_MASK_BA;
        *target = v & 0x7fffffffULL;
    } else {
        c->psw.mask &= ~(PSW_MASK_EA | PSW_MASK_BA);
        *target = v & 0xffffffULL;
    }
}
static uint64_t mode_link(const struct s390_cpu *c, uint64_t r)
{
    if (c->psw.mask & PSW_MASK_EA)
        return c->psw.addr | 1;
    if (c->psw.mask & PSW_MASK_BA)
        return (r & 0xffffffff00000000ULL) | 0x80000000ULL | c->psw.addr;
    return (r & 0xffffffff00000000ULL) | c->psw.addr;
}
DEF(bsm)
{
    uint64_t v = c->gr[a->r2], t;
    if (a->r1) {
        if (c->psw.mask & PSW_MASK_EA)
            c->gr[a->r1] |= 1;
        else
            c->gr[a->r1] = (c->gr[a->r1] & ~0x80000001ULL) | ((c->psw.mask & PSW_MASK_BA) ? 0x80000000ULL : 0);
    }
    if (a->r2) {
        uint64_t from = c->ia;
        set_mode_from(c, v, &t);
        c->bear = from;
        c->psw.addr = t;
    }
}
DEF(bassm)
{
    uint64_t v = c->gr[a->r2], t;
    c->gr[a->r1] = mode_link(c, c->gr[a->r1]);
    if (a->r2) {
        uint64_t from = c->ia;
        set_mode_from(c, v, &t);
        c->bear = from;
        c->psw.addr = t;
    }
}

DEF(bct)   { uint32_t v = (uint32_t)c->gr[a->r1] - 1; uint64_t t = EA2(c, a); set_lo(c, a->r1, v); if (v) branch_to(c, t); }
DEF(bctr)  { uint64_t t = c->gr[a->r2]; uint32_t v = (uint32_t)c->gr[a->r1] - 1; set_lo(c, a->r1, v); if (v && a->r2) branch_to(c, t); }
DEF(bctg)  { uint64_t t = EA2(c, a); uint64_t v = --c->gr[a->r1]; if (v) branch_to(c, t); }
DEF(bctgr) { uint64_t t = c->gr[a->r2]; uint64_t v = --c->gr[a->r1]; if (v && a->r2) branch_to(c, t); }
DEF(brct)  { uint32_t v = (uint32_t)c->gr[a->r1] - 1; set_lo(c, a->r1, v); if (v) branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brctg) { if (--c->gr[a->r1]) branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brcth) { uint32_t v = gr_hi(c, a->r1) - 1; set_hi(c, a->r1, v); if (v) branch_to(c, rel_target(c, S32(a->i2))); }

/* BRANCH ON INDEX: increment R3; the comparand is the odd register of the R3 pair (R3 itself when
 * odd), fetched before R1 is updated. */
static bool bx32(struct s390_cpu *c, const struct s390_args *a, bool high)
{
    int32_t inc = (int32_t)c->gr[a->r3], cmp = (int32_t)c->gr[a->r3 | 1];
    int32_t sum = (int32_t)((uint32_t)c->gr[a->r1] + (uint32_t)inc);
    set_lo(c, a->r1, (uint32_t)sum);
    return high ? sum > cmp : sum <= cmp;
}
static bool bx64(struct s390_cpu *c, const struct s390_args *a, bool high)
{
    int64_t inc = (int64_t)c->gr[a->r3], cmp = (int64_t)c->gr[a->r3 | 1];
    int64_t sum = (int64_t)(c->gr[a->r1] + (uint64_t)inc);
    c->gr[a->r1] = (uint64_t)sum;
    return high ? sum > cmp : sum <= cmp;
}
DEF(bxh)   { uint64_t t = EA2S(c, a); if (bx32(c, a, true)) branch_to(c, t); }
DEF(bxle)  { uint64_t t = EA2S(c, a); if (bx32(c, a, false)) branch_to(c, t); }
DEF(bxhg)  { uint64_t t = EA2S(c, a); if (bx64(c, a, true)) branch_to(c, t); }
DEF(bxleg) { uint64_t t = EA2S(c, a); if (bx64(c, a, false)) branch_to(c, t); }
DEF(brxh)  { if (bx32(c, a, true)) branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brxle) { if (bx32(c, a, false)) branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brxhg) { if (bx64(c, a, true)) branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brxlg) { if (bx64(c, a, false)) branch_to(c, rel_target(c, S16(a->i2))); }

DEF(brc)   { if (cond_met(c, a->r1)) branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brcl)  { if (cond_met(c, a->r1)) branch_to(c, rel_target(c, S32(a->i2))); }
DEF(bras)  { c->gr[a->r1] = link_bas(c, c->gr[a->r1]); branch_to(c, rel_target(c, S16(a->i2))); }
DEF(brasl) { c->gr[a->r1] = link_bas(c, c->gr[a->r1]); branch_to(c, rel_target(c, S32(a->i2))); }

/* Compare and branch: M3 selects 8 = equal, 4 = first low, 2 = first high. */
static bool cmp_sel(unsigned m3, unsigned cmp) { return (m3 >> (3 - cmp)) & 1; }
#define SCMP32(x, y) cc_cmp_s((int32_t)(x), (int32_t)(y))
#define SCMP64(x, y) cc_cmp_s((int64_t)(x), (int64_t)(y))
#define UCMP32(x, y) cc_cmp_u((uint32_t)(x), (uint32_t)(y))
#define UCMP64(x, y) cc_cmp_u((uint64_t)(x), (uint64_t)(y))
DEF(crb)   { if (cmp_sel(a->m3, SCMP32(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, EA4(c, a)); }
DEF(cgrb)  { if (cmp_sel(a->m3, SCMP64(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, EA4(c, a)); }
DEF(clrb)  { if (cmp_sel(a->m3, UCMP32(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, EA4(c, a)); }
DEF(clgrb) { if (cmp_sel(a->m3, UCMP64(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, EA4(c, a)); }
DEF(crj)   { if (cmp_sel(a->m3, SCMP32(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(cgrj)  { if (cmp_sel(a->m3, SCMP64(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(clrj)  { if (cmp_sel(a->m3, UCMP32(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(clgrj) { if (cmp_sel(a->m3, UCMP64(c->gr[a->r1], c->gr[a->r2]))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(cib)   { if (cmp_sel(a->m3, cc_cmp_s((int32_t)c->gr[a->r1], (int8_t)a->i2))) branch_to(c, EA4(c, a)); }
DEF(cgib)  { if (cmp_sel(a->m3, cc_cmp_s((int64_t)c->gr[a->r1], (int8_t)a->i2))) branch_to(c, EA4(c, a)); }
DEF(clib)  { if (cmp_sel(a->m3, cc_cmp_u((uint32_t)c->gr[a->r1], (uint8_t)a->i2))) branch_to(c, EA4(c, a)); }
DEF(clgib) { if (cmp_sel(a->m3, cc_cmp_u(c->gr[a->r1], (uint8_t)a->i2))) branch_to(c, EA4(c, a)); }
DEF(cij)   { if (cmp_sel(a->m3, cc_cmp_s((int32_t)c->gr[a->r1], (int8_t)a->i2))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(cgij)  { if (cmp_sel(a->m3, cc_cmp_s((int64_t)c->gr[a->r1], (int8_t)a->i2))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(clij)  { if (cmp_sel(a->m3, cc_cmp_u((uint32_t)c->gr[a->r1], (uint8_t)a->i2))) branch_to(c, rel_target(c, S16(a->i4))); }
DEF(clgij) { if (cmp_sel(a->m3, cc_cmp_u(c->gr[a->r1], (uint8_t)a->i2))) branch_to(c, rel_target(c, S16(a->i4))); }

/* EXECUTE / EXECUTE RELATIVE LONG (PoP "Execute"): the target's bits 8-15 are ORed with bits
 * 56-63 of R1 (unless R1 = 0); EX of EX is an execute exception; the target must be at an even
 * address (specification). */
static void execute(struct s390_cpu *c, const struct s390_args *a, uint64_t target)
{
    if (c->in_execute)
        s390_program_exception(c, PGM_EXECUTE);
    if (target & 1)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint8_t code[6];
    s390_fetch_insn(c, target, code);
    if (code[0] == 0x44 || (code[0] == 0xC6 && (code[1] & 0xF) == 0))
        s390_program_exception(c, PGM_EXECUTE);
    if (a->r1)
        code[1] |= (uint8_t)c->gr[a->r1];
    uint64_t save_ia = c->ia;
    c->ia = target;
    c->in_execute = true;
    s390_execute_target(c, code);
    c->in_execute = false;
    c->ia = save_ia;
}
DEF(ex)   { execute(c, a, EA2(c, a)); }
DEF(exrl) { execute(c, a, rel_target(c, S32(a->i2))); }

DEF(svc)  { s390_svc_interrupt(c, (uint8_t)a->i2); }
/* BRANCH PREDICTION PRELOAD (RELATIVE): hints only. */
DEF(hint) { (void)c; (void)a; }

#define R1 IF_R1_R
#define W1 IF_R1_W
#define RW1 (IF_R1_R | IF_R1_W)
#define R2 IF_R2_R
#define R3 IF_R3_R
#define B IF_BRANCH
#define UC IF_USES_CC

const struct s390_insn s390_insns_branch[] = {
    ROW(0x4700, "bc", RXb, op_bc, B | UC, 0),
    ROW(0x0700, "bcr", RR, op_bcr, R2 | B | UC, 0),
    ROW(0x4500, "bal", RXa, op_bal, W1 | B, 0),
    ROW(0x0500, "balr", RR, op_balr, W1 | R2 | B, 0),
    ROW(0x4D00, "bas", RXa, op_bas, W1 | B, 0),
    ROW(0x0D00, "basr", RR, op_basr, W1 | R2 | B, 0),
    ROW(0x0B00, "bsm", RR, op_bsm, RW1 | R2 | B | IF_ENDS_BLOCK, 0),
    ROW(0x0C00, "bassm", RR, op_bassm, W1 | R2 | B | IF_ENDS_BLOCK, 0),
    ROW(0x4600, "bct", RXa, op_bct, RW1 | B, 0),
    ROW(0x0600, "bctr", RR, op_bctr, RW1 | R2 | B, 0),
    ROW(0xE346, "bctg", RXYa, op_bctg, RW1 | B, 0),
    ROW(0xB946, "bctgr", RRE, op_bctgr, RW1 | R2 | B, 0),
    ROW(0xA706, "brct", RIb, op_brct, RW1 | B, 0),
    ROW(0xA707, "brctg", RIb, op_brctg, RW1 | B, 0),
    ROW(0xCC06, "brcth", RILb, op_brcth, RW1 | B, 0),
    ROW(0x8600, "bxh", RSa, op_bxh, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0x8700, "bxle", RSa, op_bxle, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0xEB44, "bxhg", RSYa, op_bxhg, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0xEB45, "bxleg", RSYa, op_bxleg, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0x8400, "brxh", RSI, op_brxh, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0x8500, "brxle", RSI, op_brxle, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0xEC44, "brxhg", RIEe, op_brxhg, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0xEC45, "brxlg", RIEe, op_brxlg, RW1 | R3 | IF_R3_PAIR | B, 0),
    ROW(0xA704, "brc", RIc, op_brc, B | UC, 0),
    ROW(0xC004, "brcl", RILc, op_brcl, B | UC, 0),
    ROW(0xA705, "bras", RIb, op_bras, W1 | B, 0),
    ROW(0xC005, "brasl", RILb, op_brasl, W1 | B, 0),
    ROW(0xECF6, "crb", RRS, op_crb, R1 | R2 | B, 0),
    ROW(0xECE4, "cgrb", RRS, op_cgrb, R1 | R2 | B, 0),
    ROW(0xECF7, "clrb", RRS, op_clrb, R1 | R2 | B, 0),
    ROW(0xECE5, "clgrb", RRS, op_clgrb, R1 | R2 | B, 0),
    ROW(0xEC76, "crj", RIEb, op_crj, R1 | R2 | B, 0),
    ROW(0xEC64, "cgrj", RIEb, op_cgrj, R1 | R2 | B, 0),
    ROW(0xEC77, "clrj", RIEb, op_clrj, R1 | R2 | B, 0),
    ROW(0xEC65, "clgrj", RIEb, op_clgrj, R1 | R2 | B, 0),
    ROW(0xECFE, "cib", RIS, op_cib, R1 | B, 0),
    ROW(0xECFC, "cgib", RIS, op_cgib, R1 | B, 0),
    ROW(0xECFF, "clib", RIS, op_clib, R1 | B, 0),
    ROW(0xECFD, "clgib", RIS, op_clgib, R1 | B, 0),
    ROW(0xEC7E, "cij", RIEc, op_cij, R1 | B, 0),
    ROW(0xEC7C, "cgij", RIEc, op_cgij, R1 | B, 0),
    ROW(0xEC7F, "clij", RIEc, op_clij, R1 | B, 0),
    ROW(0xEC7D, "clgij", RIEc, op_clgij, R1 | B, 0),
    ROW(0x4400, "ex", RXa, op_ex, R1 | B | IF_ENDS_BLOCK, 0),
    ROW(0xC600, "exrl", RILb, op_exrl, R1 | B | IF_ENDS_BLOCK, 0),
    ROW(0x0A00, "svc", I, op_svc, IF_ENDS_BLOCK, 0),
    ROW(0xC700, "bpp", SSF, op_hint, 0, 0),
    ROW(0xC500, "bprp", SSF, op_hint, 0, 0),
};
const size_t s390_insns_branch_count = sizeof(s390_insns_branch) / sizeof(s390_insns_branch[0]);
