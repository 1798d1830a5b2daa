/* The z/Architecture CPU (Principles of Operation, SA22-7832): public state and entry points.
 *
 * Storage is one `struct ram` of absolute addresses. The machine that owns the CPU supplies the
 * virtual clock (TOD, CPU timer and clock comparator derive from it) and an environment of hooks
 * (DIAGNOSE codes, SIGP to other CPUs, console bytes for SCLP). The SAE facility (sae/) extends the
 * CPU through s390_register_insn() (s390/decode.h), the PTFF hook, `aef_installed` and `sae_ctx`
 * below, without editing s390/. See docs/s390.md. */
#ifndef S390_CPU_H
#define S390_CPU_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/mem.h"
#include "core/vclock.h"
#include "mmu/tlb.h"

struct s390_cpu;

/* PSW mask bits (PoP ch. 4 "Program-Status Word"), IBM bit n = 1ULL << (63 - n). */
#define PSW_MASK_PER   (1ULL << 62)  /* bit 1 */
#define PSW_MASK_DAT   (1ULL << 58)  /* bit 5 */
#define PSW_MASK_IO    (1ULL << 57)  /* bit 6 */
#define PSW_MASK_EXT   (1ULL << 56)  /* bit 7 */
#define PSW_MASK_KEY   (0xFULL << 52) /* bits 8-11 */
#define PSW_MASK_BIT12 (1ULL << 51)  /* must be zero in z/Architecture */
#define PSW_MASK_MCHK  (1ULL << 50)  /* bit 13 */
#define PSW_MASK_WAIT  (1ULL << 49)  /* bit 14 */
#define PSW_MASK_PSTATE (1ULL << 48) /* bit 15: problem state */
#define PSW_MASK_ASC   (3ULL << 46)  /* bits 16-17 */
#define PSW_MASK_CC    (3ULL << 44)  /* bits 18-19 */
#define PSW_MASK_PM    (0xFULL << 40) /* bits 20-23 */
#define PSW_MASK_EA    (1ULL << 32)  /* bit 31 */
#define PSW_MASK_BA    (1ULL << 31)  /* bit 32 */

#define PSW_ASC_PRIMARY   0
#define PSW_ASC_AR        1
#define PSW_ASC_SECONDARY 2
#define PSW_ASC_HOME      3

/* Program mask bits (PSW bits 20-23). */
#define PM_FIXED_OVERFLOW 8
#define PM_DECIMAL_OVERFLOW 4
#define PM_EXP_UNDERFLOW 2
#define PM_SIGNIFICANCE 1

/* CR0 bits used by the model (IBM bit n of the 64-bit register). */
#define CR0_LAP          (1ULL << (63 - 35)) /* low-address protection */
#define CR0_AFP          (1ULL << (63 - 45)) /* AFP-register control */
#define CR0_VX           (1ULL << (63 - 46)) /* vector enablement */
#define CR0_MALFUNC      (1ULL << (63 - 48))
#define CR0_EMERGENCY    (1ULL << (63 - 49))
#define CR0_EXT_CALL     (1ULL << (63 - 50))
#define CR0_CKC          (1ULL << (63 - 52))
#define CR0_CPU_TIMER    (1ULL << (63 - 53))
#define CR0_SERVICE      (1ULL << (63 - 54))
#define CR0_IRQ_KEY      (1ULL << (63 - 57))

/* External-interruption codes (PoP ch. 6 "External Interruption"). */
#define EXT_EMERGENCY   0x1201
#define EXT_EXT_CALL    0x1202
#define EXT_CKC         0x1004
#define EXT_CPU_TIMER   0x1005
#define EXT_SERVICE     0x2401

/* Program-interruption codes (PoP ch. 6); DAT ones are in mmu/s390_dat.h. */
#define PGM_OPERATION        0x0001
#define PGM_PRIVILEGED       0x0002
#define PGM_EXECUTE          0x0003
#define PGM_PROTECTION       0x0004
#define PGM_ADDRESSING       0x0005
#define PGM_SPECIFICATION    0x0006
#define PGM_DATA             0x0007
#define PGM_FIXED_OVERFLOW   0x0008
#define PGM_FIXED_DIVIDE     0x0009
#define PGM_DECIMAL_OVERFLOW 0x000A
#define PGM_DECIMAL_DIVIDE   0x000B
#define PGM_HFP_EXP_OVERFLOW 0x000C
#define PGM_HFP_EXP_UNDERFLOW 0x000D
#define PGM_HFP_SIGNIFICANCE 0x000E
#define PGM_HFP_DIVIDE       0x000F
#define PGM_SPECIAL_OP       0x0013
#define PGM_VECTOR_PROCESSING 0x001B

/* Lowcore (prefix area) offsets, PoP ch. 3 "Assigned Storage Locations". */
#define LC_EXT_PARAMS    0x080
#define LC_EXT_CPU_ADDR  0x084
#define LC_EXT_CODE      0x086
#define LC_SVC_ILC       0x088
#define LC_SVC_CODE      0x08A
#define LC_PGM_ILC       0x08C
#define LC_PGM_CODE      0x08E
#define LC_DXC           0x090
#define LC_EXC_ACCESS_ID 0x0A0
#define LC_OP_ACCESS_ID  0x0A2
#define LC_TEID          0x0A8
#define LC_IO_SUBSYS_ID  0x0B8
#define LC_IO_INT_PARM   0x0BC
#define LC_IO_INT_WORD   0x0C0
#define LC_STFL          0x0C8
#define LC_BEAR          0x110
#define LC_RESTART_OLD   0x120
#define LC_EXT_OLD       0x130
#define LC_SVC_OLD       0x140
#define LC_PGM_OLD       0x150
#define LC_MCK_OLD       0x160
#define LC_IO_OLD        0x170
#define LC_RESTART_NEW   0x1A0
#define LC_EXT_NEW       0x1B0
#define LC_SVC_NEW       0x1C0
#define LC_PGM_NEW       0x1D0
#define LC_MCK_NEW       0x1E0
#define LC_IO_NEW        0x1F0
#define LC_STORE_STATUS  0x1200 /* store-status save area (FPRs; GPRs at +0x80, PSW at +0x100) */

/* Why s390_run() returned. */
enum s390_stop {
    S390_RUNNING = 0,
    S390_STOP_DISABLED_WAIT,  /* disabled-wait PSW loaded: see psw.addr */
    S390_STOP_EXIT,           /* the machine's env asked to end the run (exit_status) */
    S390_STOP_MAX_INSNS,      /* instruction budget of s390_run() used up */
    S390_STOP_STUCK,          /* enabled wait with nothing that can ever wake the CPU */
    S390_STOP_STOPPED,        /* CPU entered the stopped state (SIGP stop/reset) */
    S390_STOP_PGM_LOOP,       /* program interruption at the program-new PSW itself, repeatedly */
    S390_STOP_INT_LOOP,       /* external/I/O/restart interruptions taken back to back forever: the
                                 new PSW re-enables a condition that stays pending */
    S390_STOP_BREAK,          /* s390_request_break() (debugger, timeout) */
};

/* Hooks the machine provides. Any may be NULL. */
struct s390_env {
    void *opaque;
    /* DIAGNOSE (83, RS-a): code = low 16 bits of the second-operand address. Return 0 if the
     * code was handled (it may change registers and storage), -1 for an unknown code (the CPU then
     * raises a specification exception and logs LOG_UNIMP). The hook may call s390_stop_run(). */
    int (*diag)(void *opaque, struct s390_cpu *cpu, unsigned r1, unsigned r3, uint32_t code);
    /* SIGP to a CPU address other than this CPU's: return the condition code (0-3), updating
     * *status for CC 1. NULL: every other address is not operational (CC 3). */
    int (*sigp)(void *opaque, struct s390_cpu *cpu, unsigned order, uint16_t addr, uint64_t param,
                uint32_t *status);
    /* SCLP console: bytes the guest wrote (line-mode messages are converted to ASCII lines). */
    void (*console_write)(void *opaque, const uint8_t *buf, size_t len);
    /* SCLP console input: up to len bytes available now, or 0. */
    size_t (*console_read)(void *opaque, uint8_t *buf, size_t len);
};

/* PTFF hook for function codes the CPU does not define itself (SAE: 0x10 QAGTO, 0x11 QAGPT).
 * `in` is doubleword 0 of the parameter block; write doubleword 1 to *out. Return 0 if performed
 * (CC 0), -1 if the function is not installed (CC 3). */
typedef int (*s390_ptff_hook_fn)(void *opaque, struct s390_cpu *cpu, unsigned fc, uint64_t in,
                                 uint64_t *out);

struct s390_psw {
    uint64_t mask;  /* bits 0-63 (the CC field is kept in s390_cpu.cc while running) */
    uint64_t addr;
};

/* A vector register as a 128-bit big-endian integer: d[0] is the leftmost doubleword (bits 0-63,
 * = FPRn), d[1] the rightmost. Element i of size 2^es bytes is numbered from the left (PoP ch. 21). */
union s390_vr {
    uint64_t d[2];
};

/* SCLP state (s390/sclp.c). */
struct s390_sclp {
    uint32_t cp_receive_mask, cp_send_mask;  /* event masks the control program registered */
    uint8_t input[256];                      /* console input not yet read by the program */
    unsigned input_len;
    bool attention_sent;                     /* unsolicited service signal for input posted */
};

/* Debugger data watchpoints on logical addresses (as the CPU's storage accessors see them: DAT
 * applied when on), checked on the storage slow path only: pages overlapping a range are cached in
 * the TLB with TLB_F_SLOW for reads and stores. Implicit accesses (lowcore, SCLP, SAE's guest
 * accesses) are not watched. */
enum { S390_WATCH_R = 1, S390_WATCH_W = 2 };
struct s390_watch {
    uint64_t addr, len;
    unsigned access;          /* S390_WATCH_R | S390_WATCH_W */
};
/* The first watched access of an instruction (reported after the instruction). */
struct s390_watch_hit {
    uint64_t addr;            /* the access's first byte in the watched range's page */
    uint64_t len;
    bool write;
    uint64_t ia;              /* the accessing instruction */
    unsigned index;           /* into the watch list */
};

struct s390_cpu {
    /* ---- architected registers ---- */
    struct s390_psw psw;
    unsigned cc;               /* PSW condition code, 0-3 */
    uint64_t gr[16];
    uint64_t cr[16];
    uint32_t ar[16];
    union s390_vr vr[32];      /* FPRn = vr[n].d[0] */
    uint32_t fpc;
    uint32_t prefix;
    uint64_t bear;             /* breaking-event-address register */
    uint16_t cpu_addr;         /* CPU address (STAP) */
    uint32_t todpr;            /* TOD programmable register (low 16 bits) */
    uint64_t tod_offset;       /* TOD = vclock ns * 4096 / 1000 + tod_offset (set by SCK) */
    uint64_t last_stck;        /* uniqueness of STCK/STCKE values */
    uint64_t ckc;              /* clock comparator */
    int64_t cpu_timer_deadline; /* TOD value at which the CPU timer reaches zero (CPU timer =
                                   deadline - TOD, counts down while the CPU runs) */
    uint8_t *skeys;            /* storage key per 4 KiB absolute frame: ACC(4) F R C 0 */

    /* ---- pending interruption state ---- */
    bool service_pending;
    uint32_t service_param;
    uint64_t emergency_from[4]; /* bitmap of source CPU addresses 0-255 */
    bool ext_call_pending;
    uint16_t ext_call_from;
    bool restart_pending;
    bool stop_requested;
    uint32_t io_pending_isc;   /* bit per ISC (I/O: structure only, no channel subsystem yet) */

    /* ---- machine wiring ---- */
    struct ram *ram;           /* absolute storage */
    struct vclock *clock;
    const struct s390_env *env;
    uint64_t stfle[4];         /* facility list (s390/cpu_model.c) */
    bool edat1, edat2;

    /* ---- SAE extension points (sae/ fills these) ---- */
    bool aef_installed;        /* SCLP Read SCP Info CPU entries byte 4 0x80; SAE opcodes exist */
    void *sae_ctx;             /* opaque per-CPU loaded Arm context */
    s390_ptff_hook_fn ptff_hook;
    void *ptff_opaque;
    uint8_t ptff_qaf_extra[16]; /* OR-ed into the PTFF QAF mask (SAE: byte 2 = 0xC0) */
    void (*reset_hook)(struct s390_cpu *c); /* called by every CPU reset (s390_cpu_reset) */

    /* ---- run state ---- */
    enum s390_stop stop;
    int exit_status;           /* for S390_STOP_EXIT */
    bool check_irq;            /* re-evaluate pending interruptions before the next instruction */
    bool stopped;              /* architected stopped state */
    uint64_t insns;            /* instructions executed by this CPU */
    uint64_t ia;               /* address of the instruction being executed (EX: its target) */
    uint64_t int_ia;           /* address reported on an interruption (EX: the EX instruction) */
    unsigned int_ilen;         /* its length (ILC * 2) */
    bool in_execute;           /* executing the target of EX/EXRL */
    bool psw_invalid;          /* the loaded PSW has a format error (early exception) */
    unsigned pgm_loop;
    unsigned int_loop;         /* asynchronous interruptions taken with no instruction in between */         /* consecutive program interruptions that repeat themselves */
    uint16_t pgm_last_code;
    uint64_t pgm_last_ia;
    jmp_buf jmp;               /* instruction abort (program exceptions) */
    bool jmp_valid;

    struct s390_sclp sclp;

    struct tlb_set tlb;
    uint64_t tlb_context;

    struct vevent ckc_event, timer_event;

    /* debugger data watchpoints (s390_set_watchpoints) */
    const struct s390_watch *watch;
    unsigned nwatch;
    bool watch_hit_valid;
    struct s390_watch_hit watch_hit;
};

/* Install (n > 0) or remove (n = 0) the debugger's watch list (`w` must stay valid while installed);
 * flushes the TLB and clears a pending hit. A hit records watch_hit and ends the run after the
 * instruction with S390_STOP_BREAK. */
void s390_set_watchpoints(struct s390_cpu *c, const struct s390_watch *w, unsigned n);

/* Create the CPU for storage `ram` (absolute) and clock. Performs a clear reset: z/Architecture
 * mode, all registers zero except CR0 = 0xE0 and CR14 = 0xC2000000 (PoP "Initial CPU Reset"),
 * prefix 0, TOD running from a fixed epoch (deterministic runs). */
void s390_cpu_init(struct s390_cpu *c, struct ram *ram, struct vclock *clock, const struct s390_env *env);
void s390_cpu_destroy(struct s390_cpu *c);
/* Initial CPU reset / CPU reset (PoP ch. 4 "CPU Reset"): pending interruptions cleared; the
 * initial one also clears PSW, prefix, CPU timer, clock comparator and CRs to their reset values. */
void s390_cpu_reset(struct s390_cpu *c, bool initial);

/* Load a PSW (mask incl. CC field, address); re-selects translation and re-checks interruptions. */
void s390_load_psw(struct s390_cpu *c, uint64_t mask, uint64_t addr);
/* The PSW mask with the current CC merged in. */
uint64_t s390_psw_mask(const struct s390_cpu *c);

/* Run until a stop condition or `max_insns` instructions (0 = unbounded). */
enum s390_stop s390_run(struct s390_cpu *c, uint64_t max_insns);
/* Execute exactly one instruction (or take one pending interruption). */
enum s390_stop s390_step(struct s390_cpu *c);
/* Ask the run loop to return (S390_STOP_EXIT with status, or S390_STOP_BREAK). */
void s390_stop_run(struct s390_cpu *c, enum s390_stop why, int status);

/* True when an external, I/O or machine-check interruption (or a restart/stop request) is pending
 * and enabled by the PSW and control registers. Runs due clock events first, so a clock
 * comparator or CPU timer can become pending while SAE runs guest code. SAE polls this at every
 * guest instruction boundary and ends with icptr 0 when it is true. */
bool s390_interrupt_pending_enabled(struct s390_cpu *c);

/* TOD clock value now (bit 51 = 1 microsecond). */
uint64_t s390_tod_now(const struct s390_cpu *c);
/* CPU timer value now. */
int64_t s390_cpu_timer(const struct s390_cpu *c);
void s390_set_cpu_timer(struct s390_cpu *c, int64_t value);
void s390_set_ckc(struct s390_cpu *c, uint64_t value);

/* Raise a program interruption for the current instruction and abort it (longjmp to the run loop).
 * Nullifying codes (translation exceptions) leave the PSW at the instruction, the others point after
 * it (suppression / completion). s390_program_teid also stores the TEID at 0xA8. */
_Noreturn void s390_program_exception(struct s390_cpu *c, uint16_t code);
_Noreturn void s390_program_teid(struct s390_cpu *c, uint16_t code, uint64_t teid);
/* Data exception with data-exception code dxc (stored at 0x93 and in FPC byte 2). */
_Noreturn void s390_data_exception(struct s390_cpu *c, uint8_t dxc);
/* Privileged-operation exception unless in the supervisor state. */
void s390_check_privileged(struct s390_cpu *c);

/* Post interruptions. */
void s390_post_service_signal(struct s390_cpu *c, uint32_t param);
void s390_post_emergency(struct s390_cpu *c, uint16_t from);
void s390_post_ext_call(struct s390_cpu *c, uint16_t from);
void s390_post_restart(struct s390_cpu *c);

/* Store status (PoP "Store Status") at absolute address `abs` (0x1200 for the default area:
 * pass LC_STORE_STATUS). */
void s390_store_status(struct s390_cpu *c, uint64_t abs);

/* TLB maintenance: call after changing anything translation depends on. */
void s390_tlb_flush(struct s390_cpu *c);
void s390_tlb_update_context(struct s390_cpu *c);

/* Logical-address storage accessors for instruction handlers (address already wrapped per the
 * addressing mode); any access exception aborts the instruction. */
uint64_t s390_ld(struct s390_cpu *c, uint64_t addr, unsigned size);
void s390_st(struct s390_cpu *c, uint64_t addr, unsigned size, uint64_t val);
void s390_ld_bytes(struct s390_cpu *c, uint64_t addr, void *buf, size_t len);
void s390_st_bytes(struct s390_cpu *c, uint64_t addr, const void *buf, size_t len);
/* Check that [addr, addr+len) is accessible (which: 0 fetch, 1 store) without accessing it. */
void s390_probe(struct s390_cpu *c, uint64_t addr, uint64_t len, int which);
/* Translate a logical address to absolute; returns 0, or the program-interruption code (and the
 * TEID) without raising it. */
int s390_translate(struct s390_cpu *c, uint64_t addr, int which, uint64_t *abs, uint64_t *teid);
/* Real-address (prefixed) accessors: used for implicit accesses (lowcore, SCCB, SAE SD). Return 0
 * or -1 if outside storage. */
int s390_real_read(struct s390_cpu *c, uint64_t real, void *buf, size_t len);
int s390_real_write(struct s390_cpu *c, uint64_t real, const void *buf, size_t len);

/* Address-generation mask for the current addressing mode (24, 31 or 64 bits). */
static inline uint64_t s390_amask(const struct s390_cpu *c)
{
    if (c->psw.mask & PSW_MASK_EA)
        return ~0ULL;
    return (c->psw.mask & PSW_MASK_BA) ? 0x7fffffffULL : 0xffffffULL;
}

static inline bool s390_problem_state(const struct s390_cpu *c)
{
    return (c->psw.mask & PSW_MASK_PSTATE) != 0;
}

#endif
