/* Internal helpers of the AArch64 core shared by the semantic files (not for other rooms). */
#ifndef ARM64_INTERNAL_H
#define ARM64_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "arm64/cpu.h"
#include "arm64/decode.h"
#include "core/log.h"

/* Instruction fields. */
#define BITS(insn, hi, lo) (((insn) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define BIT(insn, n) (((insn) >> (n)) & 1u)
#define RD(insn) ((insn) & 31u)
#define RT(insn) ((insn) & 31u)
#define RN(insn) (((insn) >> 5) & 31u)
#define RM(insn) (((insn) >> 16) & 31u)
#define RS(insn) (((insn) >> 16) & 31u)
#define RA(insn) (((insn) >> 10) & 31u)
#define RT2(insn) (((insn) >> 10) & 31u)

static inline int64_t sext64(uint64_t v, unsigned bits)
{
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

/* Registers: 31 reads as zero (XZR) or the current SP, as the encoding says. */
static inline uint64_t xr(const struct arm64_cpu *c, unsigned r) { return r == 31 ? 0 : c->x[r]; }
static inline uint32_t wr(const struct arm64_cpu *c, unsigned r) { return (uint32_t)xr(c, r); }
static inline void set_xr(struct arm64_cpu *c, unsigned r, uint64_t v) { if (r != 31) c->x[r] = v; }
static inline void set_wr(struct arm64_cpu *c, unsigned r, uint32_t v) { if (r != 31) c->x[r] = v; }
static inline uint64_t xr_sp(struct arm64_cpu *c, unsigned r) { return r == 31 ? *arm64_cur_sp(c) : c->x[r]; }
static inline void set_xr_sp(struct arm64_cpu *c, unsigned r, uint64_t v)
{
    if (r == 31)
        *arm64_cur_sp(c) = v;
    else
        c->x[r] = v;
}
/* Write a result of width sf (1 = 64, 0 = 32 bits, zero-extended). */
static inline void set_r(struct arm64_cpu *c, unsigned r, bool sf, uint64_t v)
{
    set_xr(c, r, sf ? v : (uint32_t)v);
}
static inline void set_r_sp(struct arm64_cpu *c, unsigned r, bool sf, uint64_t v)
{
    set_xr_sp(c, r, sf ? v : (uint32_t)v);
}

/* Condition codes (Arm ARM C1.2.4, ConditionHolds()). */
static inline bool cond_holds(uint32_t nzcv, unsigned cond)
{
    bool n = nzcv >> 31 & 1, z = nzcv >> 30 & 1, c = nzcv >> 29 & 1, v = nzcv >> 28 & 1;
    bool r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = true; break;
    }
    if ((cond & 1) && cond != 15)
        r = !r;
    return r;
}

/* AddWithCarry() (Arm ARM J1 shared pseudocode) for 32 or 64 bits; sets *nzcv. */
static inline uint64_t add_with_carry(bool sf, uint64_t x, uint64_t y, unsigned carry, uint32_t *nzcv)
{
    uint64_t r;
    uint32_t f;
    if (sf) {
        unsigned __int128 u = (unsigned __int128)x + y + carry;
        r = (uint64_t)u;
        __int128 s = (__int128)(int64_t)x + (int64_t)y + carry;
        f = (uint32_t)(r >> 63) << 31 | (uint32_t)(r == 0) << 30 | (uint32_t)(u >> 64 != 0) << 29 |
            (uint32_t)(s != (int64_t)r) << 28;
    } else {
        uint64_t u = (uint64_t)(uint32_t)x + (uint32_t)y + carry;
        r = (uint32_t)u;
        int64_t s = (int64_t)(int32_t)x + (int32_t)y + carry;
        f = (uint32_t)(r >> 31 & 1) << 31 | (uint32_t)(r == 0) << 30 | (uint32_t)(u >> 32 != 0) << 29 |
            (uint32_t)(s != (int32_t)r) << 28;
    }
    *nzcv = f;
    return r;
}

static inline uint32_t nz_flags(bool sf, uint64_t r)
{
    if (!sf)
        r = (uint64_t)(int64_t)(int32_t)r;
    return (uint32_t)(r >> 63) << 31 | (uint32_t)(r == 0) << 30;
}

/* ---- exceptions (exceptions.c) ---- */
enum { EXC_SYNC = 0, EXC_IRQ = 0x80, EXC_FIQ = 0x100, EXC_SERROR = 0x180 };

/* Exception classes (Arm ARM D17.2.37 ESR_ELx.EC). */
enum {
    EC_UNKNOWN = 0x00, EC_WFX = 0x01, EC_FP = 0x07, EC_ILLEGAL = 0x0E, EC_SVC = 0x15, EC_HVC = 0x16,
    EC_SMC = 0x17, EC_SYS = 0x18, EC_SVE = 0x19, EC_ERET = 0x1A, EC_IABT_LOW = 0x20, EC_IABT_CUR = 0x21,
    EC_PC_ALIGN = 0x22, EC_DABT_LOW = 0x24, EC_DABT_CUR = 0x25, EC_SP_ALIGN = 0x26, EC_SERROR = 0x2F,
    EC_SSTEP_LOW = 0x32, EC_SSTEP_CUR = 0x33, EC_BRK = 0x3C,
};
#define ESR_IL (1u << 25)

void arm64_exception_entry(struct arm64_cpu *c, unsigned type, uint64_t esr, uint64_t elr,
                           bool far_valid, uint64_t far);
/* Synchronous exception to EL1 for the current instruction (ELR = its PC). */
void arm64_exc(struct arm64_cpu *c, unsigned ec, uint32_t iss);
void arm64_exc_far(struct arm64_cpu *c, unsigned ec, uint32_t iss, uint64_t far);
/* UNDEFINED (EC 0). arm64_unimp also logs under LOG_UNIMP. */
void arm64_undef(struct arm64_cpu *c);
void arm64_unimp(struct arm64_cpu *c, uint32_t insn, const char *what);
/* A trap to EL2 for the current instruction (PC = the instruction) via env->el2_exception. */
void arm64_trap_el2(struct arm64_cpu *c, unsigned ec, uint32_t iss);
/* Common exec function for unallocated encodings. */
void exec_unalloc(struct arm64_cpu *c, uint32_t insn);
/* FP/AdvSIMD access check (CPACR_EL1.FPEN, CPTR_EL2.FPEN). Returns true if access is allowed, else
 * the trap has been taken. */
bool arm64_fp_access_ok(struct arm64_cpu *c);
/* Take a pending unmasked interrupt, if any. Returns true if one was taken. */
bool arm64_check_interrupts(struct arm64_cpu *c);
/* Recompute whether any interrupt might be pending (after lines, HCR or DAIF change). */
void arm64_update_irq(struct arm64_cpu *c);
/* Self-hosted debug (Arm ARM D2): debug exceptions enabled from the current state (OS lock, OS double
 * lock, and at EL1 MDSCR_EL1.KDE with PSTATE.D clear), software step active. */
bool arm64_debug_enabled(const struct arm64_cpu *c);
static inline bool arm64_step_active(const struct arm64_cpu *c)
{
    return (c->sr.mdscr & 1) && arm64_debug_enabled(c);
}
/* Hardware breakpoints/watchpoints (debug.c): recompute the armed flags after a debug register write;
 * check the instruction at c->pc / a data access (true: the exception has been taken). */
void arm64_debug_update(struct arm64_cpu *c);
bool arm64_breakpoint_hit(struct arm64_cpu *c);
bool arm64_watchpoint_hit(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned flags);
/* Take the Software Step exception (active-pending state) for the instruction at c->pc. */
void arm64_step_exception(struct arm64_cpu *c);
/* ERET semantics (also used by the SAE model's tests). */
void arm64_exception_return(struct arm64_cpu *c, uint64_t spsr, uint64_t elr);

/* ---- memory (mem.c) ---- */
enum {
    MEM_READ = 0,
    MEM_WRITE = 1u << 0,
    MEM_UNPRIV = 1u << 1,  /* LDTR/STTR: EL0 permissions (at EL1) */
    MEM_ALIGN = 1u << 2,   /* always check alignment to the whole access (exclusives, atomics) */
    MEM_RMW = 1u << 3,     /* atomic read-modify-write: translated for write (WnR = 1) */
    MEM_CM = 1u << 4,      /* cache maintenance (ESR CM = 1) */
};

/* ISS for single-register accesses (ISV = 1 form, reported only to EL2 for stage-2 faults). */
static inline uint32_t iss_sreg(unsigned size, bool sign, unsigned rt, bool sf, bool ar)
{
    unsigned sas = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
    return 1u << 24 | sas << 22 | (uint32_t)sign << 21 | rt << 16 | (uint32_t)sf << 15 | (uint32_t)ar << 14;
}

/* Read/write `len` bytes (<= 16) at va, made of elements of `esize` bytes (for alignment and for
 * splitting MMIO). On a fault the exception is taken (or the instruction nullified) and false is
 * returned; nothing has been written then. */
bool arm64_mem(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned esize, void *buf,
               unsigned flags, uint32_t iss);
static inline bool arm64_ld(struct arm64_cpu *c, uint64_t va, unsigned size, uint64_t *val,
                            unsigned flags, uint32_t iss)
{
    uint8_t b[8] = { 0 };
    if (!arm64_mem(c, va, size, size, b, flags & ~MEM_WRITE, iss))
        return false;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)b[i] << (8 * i);
    *val = v;
    return true;
}
static inline bool arm64_st(struct arm64_cpu *c, uint64_t va, unsigned size, uint64_t val,
                            unsigned flags, uint32_t iss)
{
    uint8_t b[8];
    for (unsigned i = 0; i < size; i++)
        b[i] = (uint8_t)(val >> (8 * i));
    return arm64_mem(c, va, size, size, b, flags | MEM_WRITE, iss);
}
/* Instruction fetch of the word at c->pc. */
bool arm64_fetch(struct arm64_cpu *c, uint32_t *insn);
/* Physical address of va for the exclusive monitor and DC ZVA; false after taking the fault. */
bool arm64_va_to_pa(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned flags, uint32_t iss,
                    uint64_t *pa);
/* DC ZVA: zero the DCZID-sized block containing va (faults as a store). */
bool arm64_dc_zva(struct arm64_cpu *c, uint64_t va);
/* Check the permission of a cache maintenance by VA (faults reported with CM = 1). */
bool arm64_dc_va_check(struct arm64_cpu *c, uint64_t va);
/* AT S1E1R/W S1E0R/W: returns the PAR_EL1 value. */
uint64_t arm64_at(struct arm64_cpu *c, uint64_t va, bool write, bool el0);
/* SP alignment check (SCTLR_EL1.SA / SA0) for a load/store with base register SP; true if ok. */
bool arm64_check_sp_align(struct arm64_cpu *c, uint64_t sp);
/* TLB maintenance. */
void arm64_tlbi_all(struct arm64_cpu *c);
void arm64_tlbi_asid(struct arm64_cpu *c, uint16_t asid);
void arm64_tlbi_va(struct arm64_cpu *c, uint64_t va);
/* Select the TLB bank for the current ASID (after TTBR/TCR writes). */
void arm64_tlb_select(struct arm64_cpu *c);

/* ---- system registers (sysregs.c) ---- */
void arm64_sysregs_reset(struct arm64_cpu *c);
/* MRS/MSR (register) with all access checks and traps. */
void arm64_mrs_msr(struct arm64_cpu *c, uint32_t insn);
/* EL2 trap check for a SYS instruction (DC/IC/AT/TLBI) by encoding; true if trapped (taken). */
bool arm64_sys_trap_el2(struct arm64_cpu *c, uint32_t insn, uint32_t enc);
uint64_t arm64_cntvct(struct arm64_cpu *c);

/* ---- exec functions referenced by the decode table ---- */
#define X(fn) void fn(struct arm64_cpu *c, uint32_t insn);
#include "arm64/exec_list.h"
#undef X

#endif
