/* Helpers shared by the instruction handlers (s390/exec_*.c): operand addresses, register pairs,
 * condition codes. Internal to s390/. */
#ifndef S390_EXEC_H
#define S390_EXEC_H

#include "core/log.h"
#include "s390/cpu.h"
#include "s390/decode.h"

/* Second-operand address D2(X2,B2) (PoP "Address Generation"): register 0 as base or index means
 * zero; the sum wraps to the addressing mode. */
static inline uint64_t ea_xbd(const struct s390_cpu *c, unsigned x, unsigned b, int64_t d)
{
    uint64_t v = (uint64_t)d;
    if (x)
        v += c->gr[x];
    if (b)
        v += c->gr[b];
    return v & s390_amask(c);
}
#define EA2(c, a) ea_xbd((c), (a)->x2, (a)->b2, (a)->d2)
#define EA2S(c, a) ea_xbd((c), 0, (a)->b2, (a)->d2)
#define EA1(c, a) ea_xbd((c), 0, (a)->b1, (a)->d1)
#define EA4(c, a) ea_xbd((c), 0, (a)->b4, (a)->d4)

/* Address arithmetic on register operands (e.g. MVCL, CLST): wrap to the addressing mode. */
static inline uint64_t wrap_addr(const struct s390_cpu *c, uint64_t v) { return v & s390_amask(c); }

/* Store an address back into a GR in the current addressing mode (PoP "LOAD ADDRESS": bits 0-31
 * unchanged in the 24/31-bit modes; bit 32 (31-bit) or bits 32-39 (24-bit) set to zero). */
static inline void set_addr_reg(struct s390_cpu *c, unsigned r, uint64_t v)
{
    if (c->psw.mask & PSW_MASK_EA)
        c->gr[r] = v;
    else if (c->psw.mask & PSW_MASK_BA)
        c->gr[r] = (c->gr[r] & 0xffffffff00000000ULL) | (v & 0x7fffffffULL);
    else
        c->gr[r] = (c->gr[r] & 0xffffffff00000000ULL) | (v & 0xffffffULL);
}

/* The current relative-branch base is the address of the instruction itself (EX: the target). */
static inline uint64_t rel_target(const struct s390_cpu *c, int64_t halfwords)
{
    return (c->ia + (uint64_t)(halfwords * 2)) & s390_amask(c);
}

static inline uint32_t gr_lo(const struct s390_cpu *c, unsigned r) { return (uint32_t)c->gr[r]; }
static inline uint32_t gr_hi(const struct s390_cpu *c, unsigned r) { return (uint32_t)(c->gr[r] >> 32); }
static inline void set_lo(struct s390_cpu *c, unsigned r, uint32_t v)
{
    c->gr[r] = (c->gr[r] & 0xffffffff00000000ULL) | v;
}
static inline void set_hi(struct s390_cpu *c, unsigned r, uint32_t v)
{
    c->gr[r] = (c->gr[r] & 0xffffffffULL) | ((uint64_t)v << 32);
}

/* Even-odd register pair check (specification exception for an odd R). */
static inline void check_even(struct s390_cpu *c, unsigned r)
{
    if (r & 1)
        s390_program_exception(c, PGM_SPECIFICATION);
}

/* Condition code of a signed/unsigned result. */
static inline unsigned cc_signed(int64_t v) { return v == 0 ? 0 : v < 0 ? 1 : 2; }
static inline unsigned cc_cmp_s(int64_t a, int64_t b) { return a == b ? 0 : a < b ? 1 : 2; }
static inline unsigned cc_cmp_u(uint64_t a, uint64_t b) { return a == b ? 0 : a < b ? 1 : 2; }
static inline unsigned cc_nz(uint64_t v) { return v != 0; }

/* Fixed-point overflow: the result is already stored (completion); interrupt if the mask allows. */
static inline void fixed_overflow(struct s390_cpu *c)
{
    if (c->psw.mask & ((uint64_t)PM_FIXED_OVERFLOW << 40))
        s390_program_exception(c, PGM_FIXED_OVERFLOW);
}

/* Is the branch condition selected by mask m (8 = CC0 ... 1 = CC3) met? */
static inline bool cond_met(const struct s390_cpu *c, unsigned m) { return (m >> (3 - c->cc)) & 1; }

/* Log and raise the operation exception for an assigned-but-unimplemented function. */
void s390_unimplemented(struct s390_cpu *c, const char *what);

/* The instruction row currently executing (for EX and logging). */
const struct s390_insn *s390_current_insn(const struct s390_cpu *c);

/* Execute the instruction in code[] as the target of EX/EXRL (s390/cpu.c). */
void s390_execute_target(struct s390_cpu *c, const uint8_t *code);

/* Vector/FP enablement (CR0 bits 45/46): data exception otherwise. */
static inline void check_vector(struct s390_cpu *c)
{
    if (!(c->cr[0] & CR0_VX))
        s390_data_exception(c, 0xFE);
}
static inline void check_afp(struct s390_cpu *c, unsigned r)
{
    if (!(c->cr[0] & CR0_AFP) && (r & 9) != 0)
        s390_data_exception(c, 0x01);
}

/* Table row helpers. */
#define ROW(op, mn, fmt, fn, fl, sz) { op, mn, FMT_##fmt, fn, fl, sz }

#endif
