/* The AArch64 processing element at EL1/EL0 (ARMv8.0-A integer and system instructions, ARMv8.1
 * LSE atomics and PAN), instruction-accurate. Reference: Arm Architecture Reference Manual for
 * A-profile, DDI 0487 (cited as "Arm ARM").
 *
 * The same core runs on the arm64-bare machine (no EL2: PSCI over HVC is served by the machine) and
 * under SAE, where the s390 host plays EL2. Everything platform-specific goes through `struct
 * arm64_env` (physical/IPA memory, exceptions routed to EL2, WFI/WFE, the counter, the GIC CPU
 * interface, semihosting). See docs/arm64.md. */
#ifndef ARM64_CPU_H
#define ARM64_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/bus.h"
#include "mmu/tlb.h"

struct arm64_cpu;

/* ---- Platform hooks ------------------------------------------------------------------------- */

/* Access flags passed to env->phys. */
enum {
    ARM64_PHYS_READ = 0,
    ARM64_PHYS_WRITE = 1,
    ARM64_PHYS_EXEC = 2,
    ARM64_PHYS_TYPE_MASK = 3,
    ARM64_PHYS_WALK = 1u << 2,     /* a stage-1 descriptor read (S1PTW) */
    ARM64_PHYS_DEBUG = 1u << 3,    /* debugger/semihosting access: fail quietly, record nothing */
};

/* Where an IPA lives. For RAM, `host` points at the byte for the IPA and stays valid to the end of
 * its 4 KiB page. For MMIO, ops/opaque/offset name the handler (offset = ipa - region base). */
struct arm64_phys {
    uint8_t *host;
    const struct mmio_ops *ops;
    void *mmio_opaque;
    uint64_t mmio_offset;
    unsigned perm;   /* RAM: the access types the env allows on this page without being asked again
                        (1 read, 2 write, 4 execute); 0 = all */
};

enum arm64_phys_result {
    ARM64_PHYS_OK = 0,
    ARM64_PHYS_ABORT = 1,     /* synchronous external abort, taken by the guest at EL1 */
    ARM64_PHYS_NULLIFY = 2,   /* the env ended execution (e.g. SAE stage-2 fault intercept): the core
                                 abandons the instruction with no state change and stops the run loop */
};

/* What the core knows about an access when it asks for its IPA: enough for an env (SAE) to build a
 * stage-2 data/instruction abort syndrome in ESR_EL2 format without decoding the instruction. */
struct arm64_access_info {
    uint64_t va;          /* virtual address of the access (FAR) */
    uint64_t ipa;         /* the IPA being asked for */
    unsigned ec;          /* 0x24 data abort from a lower EL / 0x20 instruction abort */
    uint32_t iss;         /* ISS without the FSC: ISV/SAS/SSE/SRT/SF/AR, CM, S1PTW, WnR */
    int level;            /* walk: the level of the descriptor being read */
};

struct arm64_el2_event {
    uint64_t esr;         /* ESR_EL2 format (IL = 1) */
    uint64_t far;
    bool far_valid;
};

enum arm64_icc_result { ARM64_ICC_HANDLED = 0, ARM64_ICC_TRAP_EL2 = 1, ARM64_ICC_UNDEFINED = 2 };

struct arm64_env {
    /* (a) Resolve an IPA (= PA on bare metal). Required. */
    enum arm64_phys_result (*phys)(void *opaque, struct arm64_cpu *cpu, uint64_t ipa, unsigned flags,
                                   const struct arm64_access_info *info, struct arm64_phys *out);
    /* (b) An exception routed to EL2 (HVC, EL2 traps). Before the call cpu->pc holds the reported PC
     * (HVC: the HVC + 4; traps: the trapped instruction); execution continues at cpu->pc after the
     * call unless the hook requested a stop (arm64_request_stop). NULL: no EL2 implemented (HVC is
     * UNDEFINED, no EL2 traps). */
    void (*el2_exception)(void *opaque, struct arm64_cpu *cpu, const struct arm64_el2_event *ev);
    /* (c) WFI (is_wfe = false) / WFE that would wait. Return true to complete it and continue (the
     * env skipped time to the next event), false after requesting a stop. NULL: complete at once. */
    bool (*wfx)(void *opaque, struct arm64_cpu *cpu, bool is_wfe);
    /* (d) The physical count (CNTPCT_EL0). NULL: the instruction counter. */
    uint64_t (*counter)(void *opaque);
    /* (e) GIC CPU-interface system registers (op0 = 3, op1 = 0, CRn = 12, CRm = 8..12, and
     * ICC_PMR_EL1 3,0,4,6,0). `enc` is ARM64_SYSREG_ENC(op0, op1, crn, crm, op2). NULL: UNDEFINED. */
    enum arm64_icc_result (*icc)(void *opaque, struct arm64_cpu *cpu, uint32_t enc, bool is_read,
                                 uint64_t *val);
    /* HLT #imm (semihosting uses HLT #0xF000). Return true if handled (execution continues after the
     * HLT); false makes the HLT UNDEFINED (no halting debug). NULL: UNDEFINED. */
    bool (*hlt)(void *opaque, struct arm64_cpu *cpu, uint16_t imm);
    /* (g) A generic-timer register (CNTP_*, CNTV_*, CNTKCTL_EL1) was written: the env re-evaluates
     * arm64_timer_irq_level() / arm64_timer_deadline(). NULL: not needed. */
    void (*timer_changed)(void *opaque, struct arm64_cpu *cpu);
};

/* Pack a system register encoding. */
#define ARM64_SYSREG_ENC(op0, op1, crn, crm, op2) \
    ((uint32_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))

/* ---- State ---------------------------------------------------------------------------------- */

/* PSTATE bits in SPSR layout (Arm ARM C5.2.18 SPSR_EL1). */
#define ARM64_PSTATE_N (1u << 31)
#define ARM64_PSTATE_Z (1u << 30)
#define ARM64_PSTATE_C (1u << 29)
#define ARM64_PSTATE_V (1u << 28)
#define ARM64_PSTATE_UAO (1u << 23)
#define ARM64_PSTATE_PAN (1u << 22)
#define ARM64_PSTATE_SS (1u << 21)
#define ARM64_PSTATE_IL (1u << 20)
#define ARM64_PSTATE_SSBS (1u << 12)
#define ARM64_PSTATE_D (1u << 9)
#define ARM64_PSTATE_A (1u << 8)
#define ARM64_PSTATE_I (1u << 7)
#define ARM64_PSTATE_F (1u << 6)
#define ARM64_PSTATE_DAIF 0x3C0u

/* EL1/EL0 system registers (storage; architected masks applied on MSR). */
struct arm64_sysregs {
    uint64_t sctlr, actlr, cpacr;
    uint64_t ttbr0, ttbr1, tcr;
    uint64_t mair, amair;
    uint64_t vbar;
    uint64_t esr, far, elr, spsr;
    uint64_t afsr0, afsr1;
    uint64_t par;
    uint64_t contextidr, tpidr_el1, tpidr_el0, tpidrro_el0;
    uint64_t csselr;
    uint64_t mdscr, oslsr, osdlr, mdccint, dbgclaim, osdtrrx, osdtrtx, oseccr;
    uint64_t dbgbvr[2], dbgbcr[2], dbgwvr[2], dbgwcr[2];
    /* generic timer */
    uint64_t cntkctl, cntp_ctl, cntp_cval, cntv_ctl, cntv_cval;
    uint64_t cntfrq;
};

/* Virtual-EL2 controls (plain fields; written by the SAE model from the loaded context). */
struct arm64_el2 {
    uint64_t hcr, hcrx, cptr, mdcr, cnthctl, cntvoff;
    uint64_t hfgrtr, hfgwtr, hfgitr, hdfgrtr, hdfgwtr;
    uint64_t vsesr, icc_sre;
    uint64_t vmpidr;   /* what MPIDR_EL1 reads */
    uint64_t vpidr;    /* what MIDR_EL1 reads */
};

/* HCR_EL2 bits the core honours (Arm ARM D19.2 HCR_EL2; sae-architecture 7.2). */
#define HCR_FMO (1ULL << 3)
#define HCR_IMO (1ULL << 4)
#define HCR_AMO (1ULL << 5)
#define HCR_VF (1ULL << 6)
#define HCR_VI (1ULL << 7)
#define HCR_VSE (1ULL << 8)
#define HCR_DC (1ULL << 12)
#define HCR_TWI (1ULL << 13)
#define HCR_TWE (1ULL << 14)
#define HCR_TID1 (1ULL << 16)
#define HCR_TID2 (1ULL << 17)
#define HCR_TID3 (1ULL << 18)
#define HCR_TSC (1ULL << 19)
#define HCR_TIDCP (1ULL << 20)
#define HCR_TACR (1ULL << 21)
#define HCR_TSW (1ULL << 22)
#define HCR_TPCP (1ULL << 23)
#define HCR_TPU (1ULL << 24)
#define HCR_TTLB (1ULL << 25)
#define HCR_TVM (1ULL << 26)
#define HCR_TDZ (1ULL << 28)
#define HCR_HCD (1ULL << 29)
#define HCR_TRVM (1ULL << 30)

enum arm64_irq_line { ARM64_IRQ = 0, ARM64_FIQ = 1, ARM64_SERROR = 2 };

/* Debugger data watchpoints (emulator-level, not the architected DBGWVR/DBGWCR ones): guest VA
 * ranges checked on the memory slow path only. Pages overlapping a range are cached in the TLB
 * with TLB_F_SLOW for the watched access types, so every other access keeps the fast path. */
enum { ARM64_WATCH_R = 1, ARM64_WATCH_W = 2 };
struct arm64_watch {
    uint64_t va, len;
    unsigned access;          /* ARM64_WATCH_R | ARM64_WATCH_W */
};
/* The first watched access of an instruction (gdb semantics: reported after the access). */
struct arm64_watch_hit {
    uint64_t va;              /* the access's address (not the range's) */
    unsigned size;
    bool write;               /* a store, or the write of a read-modify-write */
    uint64_t pc;              /* the accessing instruction */
    unsigned index;           /* into the watch list */
};

/* Software TLB views (one struct tlb_set each). */
enum { ARM64_TLB_EL0 = 0, ARM64_TLB_EL1 = 1, ARM64_TLB_EL1_PAN = 2, ARM64_TLB_VIEWS = 3 };

struct arm64_cpu {
    uint64_t x[31];           /* X0-X30 */
    uint64_t sp_el0, sp_el1;
    uint64_t pc;
    /* PSTATE, split for speed */
    uint32_t nzcv;            /* N31 Z30 C29 V28, other bits 0 */
    uint32_t daif;            /* D9 A8 I7 F6, other bits 0 */
    uint8_t el;               /* 0 or 1 */
    bool spsel;               /* SP_ELx selected (meaningful at EL1) */
    bool pan, uao, ss, il, ssbs;

    uint64_t v[32][2];        /* V0-V31: [0] = bits 63:0, [1] = bits 127:64 */
    uint32_t fpcr, fpsr;

    struct arm64_sysregs sr;
    struct arm64_el2 el2;
    bool el2_present;         /* env->el2_exception != NULL: EL2 controls apply */

    bool event_reg;           /* the WFE event register */
    bool excl_valid;          /* local exclusive monitor: Exclusive state */
    uint64_t excl_pa, excl_va;
    unsigned excl_size;

    int last_exc_vector;      /* vector offset of the most recent exception entry (for --trace-bin:
                                 read and reset to -1 by the traced loop only) */
    uint64_t insn_count;      /* instructions retired (exception entries included) */

    /* interrupt inputs (levels) */
    bool irq_line[3];

    volatile bool stop_request;
    int stop_reason;          /* enum arm64_stop for a requested stop */

    const struct arm64_env *env;
    void *env_opaque;

    /* -- internal -- */
    uint64_t npc;             /* next PC while an instruction executes */
    bool nullified;           /* the env nullified the current instruction */
    bool irq_any;             /* some interrupt input or virtual interrupt is asserted */
    bool tlb_has_large;       /* some TLB entry comes from a mapping larger than 4 KiB */
    bool step_ex;             /* software step: the stepped instruction was a load-exclusive */
    bool ss_from_eret;        /* PSTATE.SS was just written by an exception return */
    bool bp_armed, wp_armed;  /* some hardware breakpoint / watchpoint is enabled (and MDSCR_EL1.MDE) */
    struct tlb_set tlb[ARM64_TLB_VIEWS];

    /* debugger data watchpoints (arm64_set_watchpoints) */
    const struct arm64_watch *watch;
    unsigned nwatch;
    bool watch_hit_valid;     /* watch_hit holds an unreported hit */
    struct arm64_watch_hit watch_hit;
    /* Called on a hit (after the access; the core has requested a stop with ARM64_STOP_WATCH at the
     * end of the instruction), e.g. to end SAE. NULL: nothing. */
    void (*watch_hook)(void *opaque, struct arm64_cpu *cpu);
    void *watch_opaque;
};

/* Why arm64_run() returned. */
enum arm64_stop {
    ARM64_STOP_MAX_INSNS = 0,  /* executed max_insns instructions */
    ARM64_STOP_REQUEST = 1,    /* arm64_request_stop() (env hook, another thread, debugger) */
    ARM64_STOP_NULLIFIED = 2,  /* an env memory hook returned ARM64_PHYS_NULLIFY */
};
/* stop_reason of the stop requested by a data watchpoint hit (arm64_run returns ARM64_STOP_REQUEST). */
#define ARM64_STOP_WATCH 0x57

/* Install (n > 0) or remove (n = 0) the debugger's watch list; `w` must stay valid while installed.
 * Flushes the TLBs so that watched pages are refilled on the slow path. Clears any pending hit. */
void arm64_set_watchpoints(struct arm64_cpu *cpu, const struct arm64_watch *w, unsigned n,
                           void (*hook)(void *opaque, struct arm64_cpu *cpu), void *opaque);

/* Create/destroy; the CPU is reset (EL1h, DAIF masked, PC 0). */
struct arm64_cpu *arm64_cpu_create(const struct arm64_env *env, void *env_opaque);
void arm64_cpu_destroy(struct arm64_cpu *cpu);
/* Architected warm reset values of the EL1/EL0 state (Arm ARM D1.9 "Reset"). */
void arm64_cpu_reset(struct arm64_cpu *cpu);

/* Run up to max_insns instructions (0 = no limit); returns enum arm64_stop. An exception entry counts
 * as the instruction that caused it, so max_insns = 1 is an exact single step. */
int arm64_run(struct arm64_cpu *cpu, uint64_t max_insns);
/* Ask the run loop to return at the next instruction boundary (async-signal and thread safe). */
void arm64_request_stop(struct arm64_cpu *cpu, int reason);

/* PSTATE in SPSR layout. arm64_set_pstate also selects EL/SP (M[3:0] = EL<<2 | SPSel). */
uint64_t arm64_get_pstate(const struct arm64_cpu *cpu);
void arm64_set_pstate(struct arm64_cpu *cpu, uint64_t v);

/* The stack pointer currently selected (SP_EL0 or SP_EL1). */
static inline uint64_t *arm64_cur_sp(struct arm64_cpu *cpu)
{
    return (cpu->el && cpu->spsel) ? &cpu->sp_el1 : &cpu->sp_el0;
}

/* Interrupt inputs, sampled at instruction boundaries with PSTATE masking. */
void arm64_set_irq_line(struct arm64_cpu *cpu, enum arm64_irq_line line, bool level);

/* System register access by encoding, as MRS/MSR at EL1 would do but with no traps (debugger, SAE
 * LASRM/STIASRM). Return false for an encoding the core does not implement. */
bool arm64_sysreg_read(struct arm64_cpu *cpu, uint32_t enc, uint64_t *val);
bool arm64_sysreg_write(struct arm64_cpu *cpu, uint32_t enc, uint64_t val);
/* Name of a system register encoding, or NULL. */
const char *arm64_sysreg_name(uint32_t enc);

/* Debugger / semihosting access to guest virtual memory through the current EL1&0 regime (no faults
 * are raised; no side effects beyond MMIO reads). Return 0, or -1 if some byte is not accessible. */
int arm64_read_va(struct arm64_cpu *cpu, uint64_t va, void *buf, size_t len);
int arm64_write_va(struct arm64_cpu *cpu, uint64_t va, const void *buf, size_t len);
/* Translate a VA for the debugger: 0 and the PA, or -1. */
int arm64_debug_translate(struct arm64_cpu *cpu, uint64_t va, uint64_t *pa);

/* Invalidate every cached translation (the env must call this when its IPA map changes). */
void arm64_tlb_flush_all(struct arm64_cpu *cpu);

/* Generic timers (Arm ARM D11): the condition ISTATUS & ENABLE & !IMASK of the EL1 physical (which =
 * 0) or virtual (which = 1) timer at the current count, and the count at which it next fires
 * (UINT64_MAX if disabled or masked). The env wires these to its interrupt controller. */
bool arm64_timer_irq_level(struct arm64_cpu *cpu, unsigned which);
uint64_t arm64_timer_deadline(struct arm64_cpu *cpu, unsigned which);
uint64_t arm64_counter(struct arm64_cpu *cpu);  /* physical count */

/* Synchronous exception entry to EL1 (used by envs that inject, and internally). `elr` is the
 * preferred return address. */
void arm64_take_exception_el1(struct arm64_cpu *cpu, unsigned ec, uint32_t iss, uint64_t elr,
                              bool far_valid, uint64_t far);

/* Register dump for traces and the debug shell. */
void arm64_dump_state(const struct arm64_cpu *cpu, FILE *out);

#endif
