/* Storage-to-storage and string instructions (PoP ch. 7): MVC, CLC, XC/NC/OC, MVN/MVZ/MVCIN, TR,
 * TRT/TRTR, MVCL/CLCL (interruptible: a unit of operation moves at most UNIT bytes and the
 * instruction is re-executed), MVCLE/CLCLE/CLST/SRST/MVST/CKSM (CC 3 = partial completion).
 * Access exceptions of the SS-format ones are recognised for whole operands before anything is
 * stored, so a fault never leaves a partial result. */
#include "s390/exec.h"
#include "s390/interrupt.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)
#define UNIT 4096

static inline uint64_t nx(const struct s390_cpu *c, uint64_t ad, uint64_t i) { return (ad + i) & s390_amask(c); }

DEF(mvc)
{
    uint64_t d = EA1(c, a), s = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    s390_probe(c, s, len, 0);
    s390_probe(c, d, len, 1);
    /* Byte by byte, left to right: an overlap one byte apart propagates (PoP "MOVE"). */
    if ((d & TLB_PAGE_MASK) + len <= TLB_PAGE_SIZE && (s & TLB_PAGE_MASK) + len <= TLB_PAGE_SIZE) {
        uint8_t *pd = s390_page_ptr(c, d, len, 1), *ps = s390_page_ptr(c, s, len, 0);
        for (unsigned i = 0; i < len; i++)
            pd[i] = ps[i];
        return;
    }
    for (unsigned i = 0; i < len; i++)
        s390_st8(c, nx(c, d, i), s390_ld8(c, nx(c, s, i)));
}

static void ss_logic(struct s390_cpu *c, const struct s390_args *a, int op)
{
    uint64_t d = EA1(c, a), s = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    s390_probe(c, s, len, 0);
    s390_probe(c, d, len, 1);
    unsigned nz = 0;
    for (unsigned i = 0; i < len; i++) {
        uint8_t x = s390_ld8(c, nx(c, d, i)), y = s390_ld8(c, nx(c, s, i));
        uint8_t v = op == 0 ? (x & y) : op == 1 ? (x | y) : (x ^ y);
        nz |= v;
        s390_st8(c, nx(c, d, i), v);
    }
    c->cc = nz != 0;
}
DEF(nc) { ss_logic(c, a, 0); }
DEF(oc) { ss_logic(c, a, 1); }
DEF(xc) { ss_logic(c, a, 2); }

DEF(clc)
{
    uint64_t d = EA1(c, a), s = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    c->cc = 0;
    for (unsigned i = 0; i < len; i++) {
        uint8_t x = s390_ld8(c, nx(c, d, i)), y = s390_ld8(c, nx(c, s, i));
        if (x != y) {
            c->cc = x < y ? 1 : 2;
            return;
        }
    }
}

static void mv_nibbles(struct s390_cpu *c, const struct s390_args *a, uint8_t keep)
{
    uint64_t d = EA1(c, a), s = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    s390_probe(c, s, len, 0);
    s390_probe(c, d, len, 1);
    for (unsigned i = 0; i < len; i++) {
        uint8_t x = s390_ld8(c, nx(c, d, i)), y = s390_ld8(c, nx(c, s, i));
        s390_st8(c, nx(c, d, i), (uint8_t)((x & keep) | (y & ~keep)));
    }
}
DEF(mvn) { mv_nibbles(c, a, 0xF0); }
DEF(mvz) { mv_nibbles(c, a, 0x0F); }
DEF(mvcin)
{
    uint64_t d = EA1(c, a), s = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    uint8_t buf[256];
    /* The second operand address designates its rightmost byte. */
    uint64_t sl = (s - (len - 1)) & s390_amask(c);
    s390_ld_bytes(c, sl, buf, len);
    s390_probe(c, d, len, 1);
    for (unsigned i = 0; i < len; i++)
        s390_st8(c, nx(c, d, i), buf[len - 1 - i]);
}

DEF(tr)
{
    uint64_t d = EA1(c, a), t = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    s390_probe(c, d, len, 1);
    for (unsigned i = 0; i < len; i++) {
        uint64_t ad = nx(c, d, i);
        s390_st8(c, ad, s390_ld8(c, nx(c, t, s390_ld8(c, ad))));
    }
}
static void trt(struct s390_cpu *c, const struct s390_args *a, bool reverse)
{
    uint64_t d = EA1(c, a), t = EA2S(c, a);
    unsigned len = a->l1 + 1u;
    for (unsigned k = 0; k < len; k++) {
        uint64_t ad = reverse ? (d - k) & s390_amask(c) : nx(c, d, k);
        uint8_t f = s390_ld8(c, nx(c, t, s390_ld8(c, ad)));
        if (f) {
            set_addr_reg(c, 1, ad);
            c->gr[2] = (c->gr[2] & ~0xffULL) | f;
            c->cc = k == len - 1 ? 2 : 1;
            return;
        }
    }
    c->cc = 0;
}
DEF(trt)  { trt(c, a, false); }
DEF(trtr) { trt(c, a, true); }

/* ---- long moves and compares ---- */
static uint64_t len24(const struct s390_cpu *c, unsigned r) { return c->gr[r] & 0xffffff; }
static void set_len24(struct s390_cpu *c, unsigned r, uint64_t v)
{
    c->gr[r] = (c->gr[r] & ~0xffffffULL) | (v & 0xffffff);
}
static uint64_t reg_len(const struct s390_cpu *c, unsigned r)
{
    return (c->psw.mask & PSW_MASK_EA) ? c->gr[r] : (uint32_t)c->gr[r];
}
static void set_reg_len(struct s390_cpu *c, unsigned r, uint64_t v)
{
    if (c->psw.mask & PSW_MASK_EA)
        c->gr[r] = v;
    else
        set_lo(c, r, (uint32_t)v);
}

typedef void (*set_len_fn)(struct s390_cpu *c, unsigned r, uint64_t v);

/* The byte loop shared by MOVE LONG and MOVE LONG EXTENDED: move up to one CPU-determined unit,
 * padding once the source is exhausted, keeping the operand registers exact at every byte so an
 * access exception is restartable. Returns the remaining destination length. */
static uint64_t move_long_unit(struct s390_cpu *c, unsigned rd, unsigned rs, uint64_t d, uint64_t s,
                               uint64_t dl, uint64_t sl, uint8_t pad, set_len_fn set_len)
{
    uint64_t todo = dl > UNIT ? UNIT : dl;
    for (uint64_t i = 0; i < todo; i++) {
        uint8_t b = pad;
        if (sl) {
            b = s390_ld8(c, s);
            s = wrap_addr(c, s + 1);
            sl--;
        }
        s390_st8(c, d, b);
        d = wrap_addr(c, d + 1);
        dl--;
        set_addr_reg(c, rd, d); set_len(c, rd + 1, dl);
        set_addr_reg(c, rs, s); set_len(c, rs + 1, sl);
    }
    return dl;
}

/* The comparison shared by COMPARE LOGICAL LONG and its EXTENDED form, one unit at a time.
 * Returns the condition code, or -1 when the unit ended before the operands did. */
static int compare_long_unit(struct s390_cpu *c, unsigned r1, unsigned r2, uint64_t p1, uint64_t p2,
                             uint64_t l1, uint64_t l2, uint8_t pad, set_len_fn set_len)
{
    uint64_t done = 0;
    while (l1 || l2) {
        if (done++ == UNIT)
            return -1;
        uint8_t x = l1 ? s390_ld8(c, p1) : pad, y = l2 ? s390_ld8(c, p2) : pad;
        if (x != y)
            return x < y ? 1 : 2;
        if (l1) { p1 = wrap_addr(c, p1 + 1); l1--; }
        if (l2) { p2 = wrap_addr(c, p2 + 1); l2--; }
        set_addr_reg(c, r1, p1); set_len(c, r1 + 1, l1);
        set_addr_reg(c, r2, p2); set_len(c, r2 + 1, l2);
    }
    return 0;
}

DEF(mvcl)
{
    check_even(c, a->r1);
    check_even(c, a->r2);
    uint64_t d = wrap_addr(c, c->gr[a->r1]), s = wrap_addr(c, c->gr[a->r2]);
    uint64_t dl = len24(c, a->r1 + 1), sl = len24(c, a->r2 + 1);
    uint8_t pad = (uint8_t)(c->gr[a->r2 + 1] >> 24);
    unsigned cc = dl == sl ? 0 : dl < sl ? 1 : 2;
    /* Destructive overlap: the destination starts inside the part of the source still to be
     * moved (PoP "MOVE LONG"): nothing moves, CC 3. */
    uint64_t n = dl < sl ? dl : sl;
    if (n && d > s && d < s + n) {
        c->cc = 3;
        return;
    }
    if (move_long_unit(c, a->r1, a->r2, d, s, dl, sl, pad, set_len24)) {
        c->psw.addr = c->int_ia;  /* interrupted: re-execute to continue */
        return;
    }
    c->cc = cc;
}

DEF(clcl)
{
    check_even(c, a->r1);
    check_even(c, a->r2);
    uint64_t p1 = wrap_addr(c, c->gr[a->r1]), p2 = wrap_addr(c, c->gr[a->r2]);
    uint8_t pad = (uint8_t)(c->gr[a->r2 + 1] >> 24);
    int cc = compare_long_unit(c, a->r1, a->r2, p1, p2, len24(c, a->r1 + 1), len24(c, a->r2 + 1), pad,
                               set_len24);
    if (cc < 0)
        c->psw.addr = c->int_ia;  /* interrupted: re-execute to continue */
    else
        c->cc = (unsigned)cc;
}

/* The EXTENDED forms end a unit with CC 3 instead of being interrupted (PoP "MOVE LONG EXTENDED"). */
DEF(mvcle)
{
    check_even(c, a->r1);
    check_even(c, a->r3);
    uint64_t d = wrap_addr(c, c->gr[a->r1]), s = wrap_addr(c, c->gr[a->r3]);
    uint64_t dl = reg_len(c, a->r1 + 1), sl = reg_len(c, a->r3 + 1);
    unsigned cc = dl == sl ? 0 : dl < sl ? 1 : 2;
    c->cc = move_long_unit(c, a->r1, a->r3, d, s, dl, sl, (uint8_t)EA2S(c, a), set_reg_len) ? 3 : cc;
}

DEF(clcle)
{
    check_even(c, a->r1);
    check_even(c, a->r3);
    uint64_t p1 = wrap_addr(c, c->gr[a->r1]), p2 = wrap_addr(c, c->gr[a->r3]);
    int cc = compare_long_unit(c, a->r1, a->r3, p1, p2, reg_len(c, a->r1 + 1), reg_len(c, a->r3 + 1),
                               (uint8_t)EA2S(c, a), set_reg_len);
    c->cc = cc < 0 ? 3 : (unsigned)cc;
}

/* String instructions: the ending character is GR0 bits 56-63; bits 32-55 must be zero. */
static uint8_t end_char(struct s390_cpu *c)
{
    if (c->gr[0] & 0xffffff00ULL)
        s390_program_exception(c, PGM_SPECIFICATION);
    return (uint8_t)c->gr[0];
}

DEF(clst)
{
    uint8_t e = end_char(c);
    uint64_t p1 = wrap_addr(c, c->gr[a->r1]), p2 = wrap_addr(c, c->gr[a->r2]);
    for (unsigned i = 0; i < UNIT; i++) {
        uint8_t x = s390_ld8(c, p1), y = s390_ld8(c, p2);
        if (x == e && y == e) {
            c->cc = 0;
            return;
        }
        if (x == e || y == e || x != y) {
            c->cc = (x == e) ? 1 : (y == e) ? 2 : (x < y ? 1 : 2);
            set_addr_reg(c, a->r1, p1);
            set_addr_reg(c, a->r2, p2);
            return;
        }
        p1 = wrap_addr(c, p1 + 1);
        p2 = wrap_addr(c, p2 + 1);
    }
    set_addr_reg(c, a->r1, p1);
    set_addr_reg(c, a->r2, p2);
    c->cc = 3;
}

DEF(srst)
{
    uint8_t e = end_char(c);
    uint64_t end = wrap_addr(c, c->gr[a->r1]), p = wrap_addr(c, c->gr[a->r2]);
    for (unsigned i = 0; i < UNIT; i++) {
        if (p == end) {
            c->cc = 2;
            return;
        }
        if (s390_ld8(c, p) == e) {
            set_addr_reg(c, a->r1, p);
            c->cc = 1;
            return;
        }
        p = wrap_addr(c, p + 1);
    }
    set_addr_reg(c, a->r2, p);
    c->cc = 3;
}

DEF(mvst)
{
    uint8_t e = end_char(c);
    uint64_t d = wrap_addr(c, c->gr[a->r1]), s = wrap_addr(c, c->gr[a->r2]);
    for (unsigned i = 0; i < UNIT; i++) {
        uint8_t b = s390_ld8(c, s);
        s390_st8(c, d, b);
        if (b == e) {
            set_addr_reg(c, a->r1, d);
            c->cc = 1;
            return;
        }
        d = wrap_addr(c, d + 1);
        s = wrap_addr(c, s + 1);
    }
    set_addr_reg(c, a->r1, d);
    set_addr_reg(c, a->r2, s);
    c->cc = 3;
}

/* CHECKSUM: 32-bit one's-complement-style sum with end-around carry; a short last word is padded
 * on the right with zeros. */
DEF(cksm)
{
    check_even(c, a->r2);
    uint64_t p = wrap_addr(c, c->gr[a->r2]), len = reg_len(c, a->r2 + 1);
    uint64_t sum = gr_lo(c, a->r1);
    unsigned words = 0;
    while (len && words < UNIT / 4) {
        uint32_t w = 0;
        unsigned n = len < 4 ? (unsigned)len : 4;
        for (unsigned i = 0; i < n; i++)
            w |= (uint32_t)s390_ld8(c, wrap_addr(c, p + i)) << (24 - 8 * i);
        sum += w;
        sum = (sum & 0xffffffffULL) + (sum >> 32);
        p = wrap_addr(c, p + n);
        len -= n;
        words++;
    }
    set_lo(c, a->r1, (uint32_t)sum);
    set_addr_reg(c, a->r2, p);
    set_reg_len(c, a->r2 + 1, len);
    c->cc = len ? 3 : 0;
}

#define CC IF_SETS_CC
#define MR IF_MEM_R
#define MW IF_MEM_W
#define M2 IF_MEM2
#define PAIRS12 (IF_R1_R | IF_R1_W | IF_R1_PAIR | IF_R2_R | IF_R2_W | IF_R2_PAIR)
#define PAIRS13 (IF_R1_R | IF_R1_W | IF_R1_PAIR | IF_R3_R | IF_R3_W | IF_R3_PAIR)
#define STR12 (IF_R1_R | IF_R1_W | IF_R2_R | IF_R2_W | IF_R0_R)

const struct s390_insn s390_insns_string[] = {
    ROW(0xD200, "mvc", SSa, op_mvc, MR | MW | M2, MEMSZ_VAR),
    ROW(0xD400, "nc", SSa, op_nc, MR | MW | M2 | CC, MEMSZ_VAR),
    ROW(0xD600, "oc", SSa, op_oc, MR | MW | M2 | CC, MEMSZ_VAR),
    ROW(0xD700, "xc", SSa, op_xc, MR | MW | M2 | CC, MEMSZ_VAR),
    ROW(0xD500, "clc", SSa, op_clc, MR | M2 | CC, MEMSZ_VAR),
    ROW(0xD100, "mvn", SSa, op_mvn, MR | MW | M2, MEMSZ_VAR),
    ROW(0xD300, "mvz", SSa, op_mvz, MR | MW | M2, MEMSZ_VAR),
    ROW(0xE800, "mvcin", SSa, op_mvcin, MR | MW | M2, MEMSZ_VAR),
    ROW(0xDC00, "tr", SSa, op_tr, MR | MW | M2, MEMSZ_VAR),
    ROW(0xDD00, "trt", SSa, op_trt, MR | M2 | CC | IF_R1I_R, MEMSZ_VAR),
    ROW(0xD000, "trtr", SSa, op_trtr, MR | M2 | CC | IF_R1I_R, MEMSZ_VAR),
    ROW(0x0E00, "mvcl", RR, op_mvcl, PAIRS12 | MR | MW | M2 | CC | IF_ENDS_BLOCK, MEMSZ_VAR),
    ROW(0x0F00, "clcl", RR, op_clcl, PAIRS12 | MR | M2 | CC | IF_ENDS_BLOCK, MEMSZ_VAR),
    ROW(0xA800, "mvcle", RSa, op_mvcle, PAIRS13 | MR | MW | M2 | CC, MEMSZ_VAR),
    ROW(0xA900, "clcle", RSa, op_clcle, PAIRS13 | MR | M2 | CC, MEMSZ_VAR),
    ROW(0xB25D, "clst", RRE, op_clst, STR12 | MR | M2 | CC, MEMSZ_VAR),
    ROW(0xB25E, "srst", RRE, op_srst, STR12 | MR | CC, MEMSZ_VAR),
    ROW(0xB255, "mvst", RRE, op_mvst, STR12 | MR | MW | M2 | CC, MEMSZ_VAR),
    ROW(0xB241, "cksm", RRE, op_cksm, IF_R1_R | IF_R1_W | IF_R2_R | IF_R2_W | IF_R2_PAIR | MR | CC, MEMSZ_VAR),
};
const size_t s390_insns_string_count = sizeof(s390_insns_string) / sizeof(s390_insns_string[0]);
