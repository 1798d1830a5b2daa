/* The debug target of the -M sae machine (see debug_sae.h, docs/debugging.md "The sae machine").
 *
 * Where the Arm state is: the debugger only ever stops the machine between two s390 instructions,
 * never inside SAE. Outside SAE the guest's architectural state is what the SAE interface says it
 * is (sae-architecture §4, §5, MD-41, MD-55): the SD (X0-X30, PC, PSTATE, SP_EL0/1, FPCR/FPSR, the
 * timer controls, CONTEXTIDR_EL1, the ICH_* registers), the loaded context (every other system
 * register; the save area in storage once STIASRM has stored it) and the host vector registers
 * (V0-V31). struct arm64_cpu is only a copy SAE makes while it runs, so it is never shown.
 * Which SD: at an SAE instruction the one its R1 designates (what SAE will load next), otherwise
 * the one of the last SAE ending.
 *
 * Stepping: an Arm step gives SAE a guest-instruction budget of one (sae_cpu_set_guest_budget):
 * SAE ends with icptr 0x00 once the instruction has executed (or earlier, by its own interception)
 * and the host firmware then runs on to its next SAE instruction, where the machine stops. */
#include "tools/machines/debug_sae.h"
#include "tools/machines/debug_sae_int.h"
#include "tools/machines/debug_s390.h"
#include "tools/machines/debug_text.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arm64/cpu_model.h"
#include "core/endian.h"
#include "core/mem.h"
#include "mmu/arm_s1.h"
#include "mmu/s390_dat.h"
#include "mmu/sae_stage2.h"
#include "sae/qaaf.h"
#include "sae/regids.h"
#include "sae/sa.h"
#include "sae/sae_cpu.h"
#include "sae/sd.h"

/* Host instructions the firmware may need between an SAE ending and its next SAE (generous: it
 * only guards against a host that never re-enters). */
#define HOST_TO_ENTRY_MAX 50000000ull
#define RUN_SLICE 100000ull
#define RUN_POLL_GUEST (1ull << 20)

/* ---- register tables ---- */



static const char *const arm_spaces[] = { "va", "ipa", "abs" };


static char *name_buf(struct sae_dbg *d, unsigned *k, const char *fmt, ...)
{
    char *b = d->names[(*k)++];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b, sizeof(d->names[0]), fmt, ap);
    va_end(ap);
    for (char *p = b; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return b;
}

static void build_tables(struct sae_dbg *d)
{
    unsigned k = 0, n;
    for (unsigned i = 0; i < 31; i++)
        d->arm_regs[A_X0 + i] = (struct dbg_reg){ name_buf(d, &k, "x%u", i), 64, DBG_REG_GPR };
    d->arm_regs[A_SP] = (struct dbg_reg){ "sp", 64, DBG_REG_SP };
    d->arm_regs[A_PC] = (struct dbg_reg){ "pc", 64, DBG_REG_PC };
    d->arm_regs[A_CPSR] = (struct dbg_reg){ "cpsr", 32, DBG_REG_FLAGS };
    for (unsigned i = 0; i < 32; i++)
        d->arm_regs[A_V0 + i] = (struct dbg_reg){ name_buf(d, &k, "v%u", i), 128, DBG_REG_VECTOR };
    d->arm_regs[A_FPSR] = (struct dbg_reg){ "fpsr", 32, DBG_REG_VECTOR };
    d->arm_regs[A_FPCR] = (struct dbg_reg){ "fpcr", 32, DBG_REG_VECTOR };
    d->arm_regs[A_SP_EL0] = (struct dbg_reg){ "sp_el0", 64, DBG_REG_SYSREG };
    d->arm_regs[A_SP_EL1] = (struct dbg_reg){ "sp_el1", 64, DBG_REG_SYSREG };
    d->arm_regs[A_CNTP_CTL] = (struct dbg_reg){ "cntp_ctl_el0", 64, DBG_REG_SYSREG };
    d->arm_regs[A_CNTV_CTL] = (struct dbg_reg){ "cntv_ctl_el0", 64, DBG_REG_SYSREG };
    d->arm_regs[A_CONTEXTIDR] = (struct dbg_reg){ "contextidr_el1", 64, DBG_REG_SYSREG };
    n = A_SLOT0;
    for (size_t i = 0; i < sae_slots_count && n < A_MAXREGS; i++) {
        const struct sae_slot_desc *sd = &sae_slots[i];
        if (!sd->name)
            continue;
        d->arm_regs[n] = (struct dbg_reg){ name_buf(d, &k, "%s", sd->name), 64, DBG_REG_SYSREG };
        d->arm_slot[n++] = sd->slot;
    }
    d->ctx[SAE_DBG_ARM] = (struct dbg_context){ "arm", DISAS_AARCH64, d->arm_regs, n, A_PC, arm_spaces, 3,
                                                d->m.arm_syms };

    dbg_s390_reg_table(d->s390_regs, &d->names[k]);
    d->ctx[SAE_DBG_S390] = (struct dbg_context){ "s390", DISAS_S390X, d->s390_regs, S_NREGS, S_PSWA, dbg_s390_spaces,
                                                 3, d->m.s390_syms };
}

/* ---- s390 storage ---- */

static uint8_t *abs_ptr(struct sae_dbg *d, uint64_t abs, size_t len)
{
    return ram_ptr(d->m.cpu->ram, abs, len);
}

static uint64_t real_to_abs(struct sae_dbg *d, uint64_t real)
{
    return s390_prefix(real, d->m.cpu->prefix);
}

static int dat_read_entry(void *opaque, uint64_t abs, uint64_t *entry)
{
    struct sae_dbg *d = opaque;
    uint8_t *p = abs_ptr(d, abs, 8);
    if (!p)
        return -1;
    *entry = ld_be64(p);
    return 0;
}

/* s390 virtual (primary space, CR1) -> absolute, no side effects; DAT off: real. */
bool sae_dbg_s390_va_to_abs(struct sae_dbg *d, uint64_t va, uint64_t *abs)
{
    return dbg_s390_va_to_abs(d->m.cpu, va, abs);
}

/* The instruction at the s390 PSW is SAE (B9A5): its R1 designates the SD. */
bool sae_dbg_at_sae(struct sae_dbg *d, uint64_t *sd_real)
{
    struct s390_cpu *c = d->m.cpu;
    uint64_t abs;
    uint8_t *p;
    if (!sae_dbg_s390_va_to_abs(d, c->psw.addr, &abs) || !(p = abs_ptr(d, abs, 4)) || p[0] != 0xB9 || p[1] != 0xA5)
        return false;
    if (sd_real)
        *sd_real = c->gr[(p[3] >> 4) & 15];
    return true;
}

/* ---- the Arm guest's state outside SAE ---- */


bool sae_dbg_view(struct sae_dbg *d, struct arm_view *v)
{
    struct sae_cpu *s = sae(d);
    memset(v, 0, sizeof(*v));
    if (!sae_dbg_at_sae(d, &v->sd_real))
        v->sd_real = s->last_sd;
    if (!v->sd_real || (v->sd_real & SAE_SD_ALIGN_MASK))
        return false;
    v->sd = abs_ptr(d, real_to_abs(d, v->sd_real), SAE_SD_SIZE);
    if (!v->sd)
        return false;
    if (s->ctx.valid) {
        v->ctx_regs = s->ctx.regs;
    } else {
        uint64_t sa_real = ld_be64(v->sd + SD_SAVE_AREA);
        v->sa = sa_real && !(sa_real & SAE_SA_ALIGN_MASK) ? abs_ptr(d, real_to_abs(d, sa_real), SAE_SA_SIZE) : NULL;
    }
    return true;
}

static bool slot_read(const struct arm_view *v, unsigned slot, uint64_t *val)
{
    if (v->ctx_regs) {
        *val = v->ctx_regs[slot];
        return true;
    }
    if (!v->sa)
        return false;
    *val = ld_be64(v->sa + SA_SLOT_OFF(slot));
    return true;
}

static bool slot_write(struct arm_view *v, unsigned slot, uint64_t val)
{
    if (v->ctx_regs) {
        v->ctx_regs[slot] = val;
        return true;
    }
    if (!v->sa)
        return false;
    st_be64(v->sa + SA_SLOT_OFF(slot), val);
    return true;
}

uint64_t sae_dbg_slot(const struct arm_view *v, unsigned slot)
{
    uint64_t x = 0;
    slot_read(v, slot, &x);
    return x;
}

/* SP as PSTATE selects it: EL0 or EL1t -> SP_EL0, EL1h -> SP_EL1. */
static unsigned sp_off(uint64_t pstate)
{
    return ((pstate >> 2) & 3) && (pstate & 1) ? SD_SP_EL1 : SD_SP_EL0;
}

static int arm_reg(struct sae_dbg *d, unsigned idx, uint64_t val[2], const uint64_t *wr)
{
    struct arm_view v;
    if (!sae_dbg_view(d, &v))
        return -1;
    struct s390_cpu *c = d->m.cpu;
    unsigned off = 0;
    val[1] = 0;
    if (idx < 31)
        off = SD_GPR(idx);
    else if (idx == A_PC)
        off = SD_PC;
    else if (idx == A_SP)
        off = sp_off(ld_be64(v.sd + SD_PSTATE));
    else if (idx == A_SP_EL0)
        off = SD_SP_EL0;
    else if (idx == A_SP_EL1)
        off = SD_SP_EL1;
    else if (idx == A_CONTEXTIDR)
        off = SD_CONTEXTIDR_EL1;
    if (off) {
        if (wr)
            st_be64(v.sd + off, wr[0]);
        val[0] = ld_be64(v.sd + off);
        return 0;
    }
    if (idx == A_CPSR || idx == A_FPSR || idx == A_FPCR) {
        off = idx == A_CPSR ? SD_PSTATE : idx == A_FPSR ? SD_FPSR : SD_FPCR;
        if (wr)
            st_be64(v.sd + off, (ld_be64(v.sd + off) & ~0xFFFFFFFFull) | (uint32_t)wr[0]);
        val[0] = (uint32_t)ld_be64(v.sd + off);
        return 0;
    }
    if (idx == A_CNTP_CTL || idx == A_CNTV_CTL) {
        off = idx == A_CNTP_CTL ? SD_CNTP_CTL : SD_CNTV_CTL;
        if (wr)
            st_be32(v.sd + off, (uint32_t)wr[0]);
        val[0] = ld_be32(v.sd + off);
        return 0;
    }
    if (idx >= A_V0 && idx < A_V0 + 32) {
        union s390_vr *r = &c->vr[idx - A_V0];   /* MD-41: Vn bits 63:0 = VR doubleword 1 */
        if (wr) {
            r->d[1] = wr[0];
            r->d[0] = wr[1];
        }
        val[0] = r->d[1];
        val[1] = r->d[0];
        return 0;
    }
    if (idx >= A_SLOT0 && idx < d->ctx[SAE_DBG_ARM].nregs) {
        if (wr && !slot_write(&v, d->arm_slot[idx], wr[0]))
            return -1;
        return slot_read(&v, d->arm_slot[idx], &val[0]) ? 0 : -1;
    }
    return -1;
}

static int op_reg_read(void *opaque, unsigned ctx, unsigned idx, uint64_t val[2])
{
    return ctx == SAE_DBG_ARM ? arm_reg(opaque, idx, val, NULL)
                              : dbg_s390_reg(((struct sae_dbg *)opaque)->m.cpu, idx, val, NULL);
}

static int op_reg_write(void *opaque, unsigned ctx, unsigned idx, const uint64_t val[2])
{
    uint64_t tmp[2];
    return ctx == SAE_DBG_ARM ? arm_reg(opaque, idx, tmp, val)
                              : dbg_s390_reg(((struct sae_dbg *)opaque)->m.cpu, idx, tmp, val);
}

/* ---- Arm address spaces: stage 2 from the SD, stage 1 from the context ---- */

static bool make_s2(struct sae_dbg *d, const struct arm_view *v, struct sae_stage2 *s2)
{
    struct s390_cpu *c = d->m.cpu;
    memset(s2, 0, sizeof(*s2));
    s2->hbasce = ld_be64(v->sd + SD_HBASCE);
    s2->mso = ld_be64(v->sd + SD_MSO);
    s2->msl = ld_be64(v->sd + SD_MSL);
    s2->dat.edat1 = c->edat1;
    s2->dat.edat2 = c->edat2;
    s2->dat.prefix = c->prefix;
    s2->read_entry = dat_read_entry;
    s2->opaque = d;
    s2->storage_size = c->ram->size;
    return s2->msl != 0;
}

static void make_s1(struct sae_dbg *d, const struct arm_view *v, struct arm_s1_regs *r)
{
    r->sctlr = sae_dbg_slot(v, SAE_SLOT_SCTLR_EL1);
    r->tcr = sae_dbg_slot(v, 15);
    r->ttbr0 = sae_dbg_slot(v, 17);
    r->ttbr1 = sae_dbg_slot(v, 18);
    r->mair = sae_dbg_slot(v, 16);
    r->pa_range = (unsigned)(sae(d)->values(QAAF_ID_AA64MMFR0_EL1) & 0xF);
    r->hcr_dc = (sae_dbg_slot(v, SAE_SLOT_HCR_EL2) >> 12) & 1;
}


void sae_dbg_logf(struct walk_log *w, const char *fmt, ...)
{
    if (!w->buf || w->used >= w->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(w->buf + w->used, w->len - w->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        w->used += (size_t)n < w->len - w->used ? (size_t)n : w->len - w->used - 1;
}

/* Stage-1 descriptor read: the descriptor's IPA through stage 2 (sae-architecture §7.3.2). */
static int s1_read_desc(void *opaque, uint64_t ipa, int level, uint64_t *desc)
{
    struct walk_log *w = opaque;
    uint64_t abs;
    struct sae_s2_fault f;
    if (sae_stage2_translate(w->s2, ipa, false, &abs, &f) != S2_OK) {
        sae_dbg_logf(w, "  level %2d descriptor at IPA 0x%016" PRIx64 ": stage 2 fault (pic 0x%04x)\n", level, ipa, f.pic);
        return -1;
    }
    uint8_t *p = abs_ptr(w->d, abs, 8);
    if (!p)
        return -1;
    *desc = ld_le64(p);
    sae_dbg_logf(w, "  level %2d descriptor at IPA 0x%016" PRIx64 " (abs 0x%" PRIx64 ") = 0x%016" PRIx64 "\n", level, ipa,
          abs, *desc);
    return 0;
}

/* Arm address of space `space` -> host absolute, no side effects. */
bool sae_dbg_arm_to_abs(struct sae_dbg *d, unsigned space, uint64_t addr, uint64_t *abs, struct walk_log *log)
{
    struct arm_view v;
    if (space == 2) {
        *abs = addr;
        return true;
    }
    if (!sae_dbg_view(d, &v))
        return false;
    struct sae_stage2 s2;
    if (!make_s2(d, &v, &s2))
        return false;
    uint64_t ipa = addr;
    if (space == 0) {
        struct arm_s1_regs r;
        make_s1(d, &v, &r);
        uint64_t pstate = ld_be64(v.sd + SD_PSTATE);
        struct arm_s1_access acc = { addr, ARM_ACC_READ, ((pstate >> 2) & 3) == 0, false };
        struct arm_s1_result res;
        struct arm_s1_fault f;
        struct walk_log dummy = { d, &s2, NULL, 0, 0 };
        struct walk_log *w = log ? log : &dummy;
        w->s2 = &s2;
        if (arm_s1_translate(&r, &acc, s1_read_desc, w, &res, &f) != 0) {
            sae_dbg_logf(w, "stage 1: fault type %d at level %d (FSC 0x%02x)\n", (int)f.type, f.level, arm_s1_fsc(&f));
            return false;
        }
        if (res.mmu_off)
            sae_dbg_logf(w, "stage 1: MMU off (SCTLR_EL1.M = 0 or HCR_EL2.DC): IPA = VA 0x%016" PRIx64 "\n", res.pa);
        else
            sae_dbg_logf(w, "stage 1: VA 0x%016" PRIx64 " -> IPA 0x%016" PRIx64 " (level %u, %" PRIu64 "-byte %s, prot "
                  "0x%02x, attr 0x%02x%s)\n", addr, res.pa, res.level, res.page_size,
                  res.level == 3 ? "page" : "block", res.prot, res.attr, res.ng ? ", nG" : "");
        ipa = res.pa;
    }
    struct sae_s2_fault f2;
    enum sae_s2_status st = sae_stage2_translate(&s2, ipa, false, abs, &f2);
    if (log)
        sae_dbg_logf(log, "stage 2: IPA 0x%016" PRIx64 " + mso 0x%" PRIx64 " (msl 0x%" PRIx64 ", hbasce 0x%016" PRIx64 ")",
              ipa, s2.mso, s2.msl, s2.hbasce);
    if (st != S2_OK) {
        if (log)
            sae_dbg_logf(log, ": %s (pic 0x%04x)\n", st == S2_ADDRESS_SIZE ? "beyond the guest address size (icptr 0x06)"
                                                                   : "host access exception (icptr 0x02)", f2.pic);
        return false;
    }
    if (log)
        sae_dbg_logf(log, " -> host absolute 0x%016" PRIx64 "\n", *abs);
    return true;
}

struct arm_map {
    struct sae_dbg *d;
    unsigned space;
};

static uint8_t *arm_map(void *opaque, uint64_t addr, size_t n)
{
    struct arm_map *m = opaque;
    uint64_t abs;
    return sae_dbg_arm_to_abs(m->d, m->space, addr, &abs, NULL) ? abs_ptr(m->d, abs, n) : NULL;
}

static size_t mem_xfer(struct sae_dbg *d, unsigned ctx, unsigned space, uint64_t addr, uint8_t *rd,
                       const uint8_t *wr, size_t len)
{
    uint8_t *buf = rd ? rd : (uint8_t *)(uintptr_t)wr;
    if (ctx == SAE_DBG_S390)
        return dbg_s390_mem(d->m.cpu, space, addr, buf, len, !rd);
    struct arm_map m = { d, space };
    return dbg_mem_copy(arm_map, &m, addr, buf, len, !rd);
}

static size_t op_mem_read(void *opaque, unsigned ctx, unsigned space, uint64_t addr, void *buf, size_t len)
{
    return mem_xfer(opaque, ctx, space, addr, buf, NULL, len);
}

static size_t op_mem_write(void *opaque, unsigned ctx, unsigned space, uint64_t addr, const void *buf,
                           size_t len)
{
    return mem_xfer(opaque, ctx, space, addr, NULL, buf, len);
}

/* ---- running ---- */

static bool run_host(struct sae_dbg *d, uint64_t n)
{
    if (d->ended)
        return true;
    d->ended = d->m.run(d->m.opaque, n, &d->status, &d->reason);
    return d->ended;
}

static void end_stop(struct sae_dbg *d, unsigned ctx, struct dbg_stop *st)
{
    st->kind = DBG_STOP_GUEST_END;
    st->ctx = ctx;
    st->exit_status = d->status;
    snprintf(st->text, sizeof(st->text), "%s", d->reason ? d->reason : "machine ended");
}

/* Let the host firmware run on to its next SAE instruction (stopping there, before it executes). */
static bool host_to_entry(struct sae_dbg *d, struct dbg_stop *st)
{
    for (uint64_t i = 0; !sae_dbg_at_sae(d, NULL); i++) {
        if (i == HOST_TO_ENTRY_MAX) {
            st->kind = DBG_STOP_ERROR;
            snprintf(st->text, sizeof(st->text), "the host did not re-enter SAE within %llu instructions",
                     (unsigned long long)HOST_TO_ENTRY_MAX);
            return false;
        }
        if (run_host(d, 1)) {
            end_stop(d, st->ctx, st);
            return false;
        }
    }
    return true;
}

const char *sae_dbg_icptr_name(unsigned icptr)
{
    static const char *const n[] = { "host/internal", "validity", "host access", "synchronous exception to EL2",
                                     "timer", "PE intercommunication", "guest address size", "stop", "MIO address",
                                     "PMU", "GIC maintenance" };
    return icptr < sizeof(n) / sizeof(n[0]) ? n[icptr] : "?";
}

/* An exception entry: the new PC is a vector of VBAR_EL1 reached other than by falling through. */
static void describe_arm_step(struct sae_dbg *d, uint64_t old_pc, struct dbg_stop *st)
{
    static const char *const kinds[] = { "synchronous exception", "IRQ", "FIQ", "SError" };
    static const char *const from[] = { "current EL, SP_EL0", "current EL, SP_ELx", "lower EL, AArch64",
                                        "lower EL, AArch32" };
    struct arm_view v;
    uint64_t val[2];
    if (!sae_dbg_view(d, &v) || arm_reg(d, A_PC, val, NULL) != 0)
        return;
    uint64_t pc = val[0], vbar = sae_dbg_slot(&v, SAE_SLOT_VBAR_EL1), off = pc - vbar;
    if (off >= 0x800 || (off & 0x7F) || pc == old_pc + 4)
        return;
    st->kind = DBG_STOP_EXCEPTION;
    unsigned k = (unsigned)(off >> 7) & 3;
    int n = snprintf(st->text, sizeof(st->text), "%s taken to EL1 (VBAR_EL1+0x%03" PRIx64 ", %s)", kinds[k], off,
                     from[off >> 9]);
    if (k == 0 && n > 0 && (size_t)n < sizeof(st->text))
        snprintf(st->text + n, sizeof(st->text) - (size_t)n, ", ESR_EL1 0x%08" PRIx64,
                 sae_dbg_slot(&v, SAE_SLOT_ESR_EL1));
}

/* One Arm guest instruction: see the file comment. Host-access interceptions (icptr 0x02/0x06) are
 * nullified in the guest and completed by the host (MMIO emulation), so such an ending counts as the
 * instruction. */
static void arm_step(struct sae_dbg *d, struct dbg_stop *st)
{
    struct sae_cpu *s = sae(d);
    struct s390_cpu *c = d->m.cpu;
    uint64_t val[2] = { 0, 0 };
    bool have_pc = arm_reg(d, A_PC, val, NULL) == 0;
    uint64_t old_pc = have_pc ? val[0] : 0;
    st->ctx = SAE_DBG_ARM;
    st->kind = DBG_STOP_STEP;
    /* Stopped in the host between an ending and the next SAE (break sae, stepi): the host may still
     * complete the intercepted instruction (MMIO emulation, HVC, trapped MSR). If it moves the PC,
     * that completion is the step. */
    if (!sae_dbg_at_sae(d, NULL)) {
        unsigned icptr = s->last_icptr;
        if (!host_to_entry(d, st))
            return;
        if (have_pc && arm_reg(d, A_PC, val, NULL) == 0 && val[0] != old_pc) {
            describe_arm_step(d, old_pc, st);
            if (st->kind == DBG_STOP_STEP) {
                st->kind = DBG_STOP_EXCEPTION;
                snprintf(st->text, sizeof(st->text), "completed by the host after SAE exit icptr 0x%02x (%s)",
                         icptr, sae_dbg_icptr_name(icptr));
            }
            return;
        }
        if (!have_pc && arm_reg(d, A_PC, val, NULL) == 0) {  /* the first SAE: the kernel entry */
            have_pc = true;
            old_pc = val[0];
        }
    }
    uint64_t start = s->arm->insn_count, exits = s->exits;
    int natural = -1;
    unsigned natural_wip = 0;
    bool by_host = false;
    sae_cpu_set_stop_on_exit(c, true);
    for (;;) {
        sae_cpu_set_guest_budget(c, 1 - (s->arm->insn_count - start));
        if (run_host(d, RUN_SLICE))
            break;
        if (s->exits == exits)
            continue;
        exits = s->exits;
        if (!s->dbg_caused) {              /* an interception of the guest, not the budget's */
            natural = s->last_icptr;
            natural_wip = s->last_wip;
        }
        if (s->arm->insn_count != start)
            break;
        /* SAE ended before the instruction retired (a nullified MMIO access, a stage-2 fault, a
         * timer or host interruption at the boundary). The host handles the ending; if it moves
         * the PC (it emulated the instruction, or injected an exception) that is the step,
         * otherwise (it mapped the page, injected nothing) the guest retries the instruction. */
        sae_cpu_set_guest_budget(c, SAE_BUDGET_NONE);
        if (!host_to_entry(d, st)) {
            sae_cpu_set_stop_on_exit(c, false);
            return;
        }
        if (arm_reg(d, A_PC, val, NULL) == 0 && val[0] != old_pc) {
            by_host = true;
            break;
        }
    }
    sae_cpu_set_stop_on_exit(c, false);
    sae_cpu_set_guest_budget(c, SAE_BUDGET_NONE);
    if (d->ended) {
        end_stop(d, SAE_DBG_ARM, st);
        return;
    }
    if (!host_to_entry(d, st))
        return;
    describe_arm_step(d, old_pc, st);
    if (natural >= 0) {
        size_t n = strlen(st->text);
        st->kind = DBG_STOP_EXCEPTION;
        snprintf(st->text + n, sizeof(st->text) - n, "%s%sSAE exit icptr 0x%02x (%s)%s; the host ran to its next SAE",
                 n ? "; " : "", by_host ? "completed by the host after " : "", (unsigned)natural,
                 sae_dbg_icptr_name((unsigned)natural),
                 natural_wip ? (natural_wip == SAE_WIP_WFI ? ", WFI wait" : ", WFE wait") : "");
    }
}

static void s390_step_one(struct sae_dbg *d, struct dbg_stop *st)
{
    struct sae_cpu *s = sae(d);
    uint64_t exits = s->exits, arm0 = s->arm->insn_count;
    st->ctx = SAE_DBG_S390;
    st->kind = DBG_STOP_STEP;
    if (run_host(d, 1)) {
        end_stop(d, SAE_DBG_S390, st);
        return;
    }
    if (s->exits != exits) {
        st->kind = DBG_STOP_EXCEPTION;
        snprintf(st->text, sizeof(st->text), "SAE ran %llu guest instructions and ended with icptr 0x%02x (%s)",
                 (unsigned long long)(s->arm->insn_count - arm0), s->last_icptr, sae_dbg_icptr_name(s->last_icptr));
    }
}

static void op_step(void *opaque, unsigned ctx, struct dbg_stop *st)
{
    struct sae_dbg *d = opaque;
    if (d->ended) {
        end_stop(d, ctx, st);
        return;
    }
    if (ctx == SAE_DBG_ARM)
        arm_step(d, st);
    else
        s390_step_one(d, st);
}

/* Watchpoints are the CPUs' own (arm64_set_watchpoints, s390_set_watchpoints): every access to a
 * watched range is seen on the memory slow path, and the CPU stops after the instruction. */

/* The Arm core saw a watched access (and stops after the instruction): end SAE there, as a
 * debugger budget ending (icptr 0x00), so that the host runs on to its next SAE. */
static void arm_watch_hit(void *opaque, struct arm64_cpu *arm)
{
    struct sae_dbg *d = opaque;
    (void)arm;
    d->hit_wp = true;
    sae_cpu_set_guest_budget(d->m.cpu, 0);
}

/* Fill st for the Arm core's recorded hit. The reported address is inside both the access and the
 * watched range (what gdb matches against its watchpoints). */
static void arm_watch_stop(struct sae_dbg *d, struct dbg_stop *st)
{
    struct arm64_cpu *arm = sae(d)->arm;
    const struct arm64_watch_hit *h = &arm->watch_hit;
    const struct arm64_watch *w = &d->arm_watch[h->index < 64 ? h->index : 0];
    st->kind = DBG_STOP_WATCHPOINT;
    st->ctx = SAE_DBG_ARM;
    st->addr = h->va > w->va ? h->va : w->va;
    st->write = h->write;
    snprintf(st->text, sizeof(st->text), "(%u-byte %s at 0x%016" PRIx64 " by the instruction at 0x%016" PRIx64 ")",
             h->size, h->write ? "store" : "load", h->va, h->pc);
    arm->watch_hit_valid = false;
}

static void s390_watch_stop(struct sae_dbg *d, struct dbg_stop *st)
{
    dbg_s390_watch_stop(d->m.cpu, d->s390_watch, 64, st);
    st->ctx = SAE_DBG_S390;
}

static bool guest_check(void *opaque, struct arm64_cpu *arm)
{
    struct sae_dbg *d = opaque;
    if (dbg_stopset_interrupted(d->set)) {
        d->hit_int = true;
        return true;
    }
    if (arm->insn_count != d->run_start && dbg_stopset_bp(d->set, SAE_DBG_ARM, arm->pc)) {
        d->hit_bp = true;
        d->hit_addr = arm->pc;
        return true;
    }
    return false;
}

static void op_run(void *opaque, const struct dbg_stopset *set, struct dbg_stop *st)
{
    struct sae_dbg *d = opaque;
    struct sae_cpu *s = sae(d);
    struct s390_cpu *c = d->m.cpu;
    st->ctx = SAE_DBG_ARM;
    st->kind = DBG_STOP_NONE;
    if (d->ended) {
        end_stop(d, SAE_DBG_ARM, st);
        return;
    }
    bool arm_checks = false, s390_single = false;
    for (unsigned i = 0; i < set->nbp; i++)
        *(set->bp[i].ctx == SAE_DBG_ARM ? &arm_checks : &s390_single) = true;
    if (set->nwp > 64) {
        st->kind = DBG_STOP_ERROR;
        snprintf(st->text, sizeof(st->text), "at most 64 watchpoints");
        return;
    }
    unsigned narm = 0, ns390 = 0;
    for (unsigned i = 0; i < set->nwp; i++) {
        const struct dbg_watchpoint *w = &set->wp[i];
        unsigned acc = ((w->access & DBG_WATCH_R) ? 1u : 0u) | ((w->access & DBG_WATCH_W) ? 2u : 0u);
        if (w->ctx == SAE_DBG_ARM)
            d->arm_watch[narm++] = (struct arm64_watch){ w->addr, w->len, acc };   /* ARM64_WATCH_R/W */
        else
            d->s390_watch[ns390++] = (struct s390_watch){ w->addr, w->len, acc };  /* S390_WATCH_R/W */
    }
    d->set = set;
    d->run_start = s->arm->insn_count;
    d->hit_bp = d->hit_wp = d->hit_int = false;
    s390_set_watchpoints(c, d->s390_watch, ns390);
    arm64_set_watchpoints(s->arm, d->arm_watch, narm, arm_watch_hit, d);
    /* Breakpoints on the guest: checked before every guest instruction (one at a time, slower).
     * Without them the guest runs at full speed (watchpoints are the core's: slow path only) and
     * the interrupt flag is polled between host slices (SAE itself ends at least every 2^22 guest
     * instructions). */
    if (arm_checks)
        sae_cpu_set_guest_check(c, guest_check, d);
    else
        sae_cpu_set_guest_budget(c, RUN_POLL_GUEST);
    bool watch_exits = set->any_sae_exit || set->nicptr;
    sae_cpu_set_stop_on_exit(c, watch_exits);
    uint64_t s390_start = c->insns, arm_start = s->arm->insn_count, exits = s->exits;
    for (;;) {
        /* Without per-instruction checks SAE still ends every RUN_POLL_GUEST guest instructions
         * (icptr 0x00, internal: MD-38), so Ctrl-C / gdb's interrupt is seen within a few ms. */
        if (!arm_checks && !d->hit_wp && sae_cpu_guest_budget(c) == 0)
            sae_cpu_set_guest_budget(c, RUN_POLL_GUEST);
        if (dbg_stopset_interrupted(set)) {
            st->kind = DBG_STOP_INTERRUPT;
            break;
        }
        if (set->max_insns && c->insns - s390_start + s->arm->insn_count - arm_start >= set->max_insns) {
            st->kind = DBG_STOP_LIMIT;
            break;
        }
        if (s390_single) {
            uint64_t pc = c->psw.addr;
            if (c->insns != s390_start && dbg_stopset_bp(set, SAE_DBG_S390, pc)) {
                st->kind = DBG_STOP_BREAKPOINT;
                st->ctx = SAE_DBG_S390;
                st->addr = pc;
                break;
            }
        }
        if (run_host(d, s390_single ? 1 : RUN_SLICE)) {
            end_stop(d, SAE_DBG_ARM, st);
            break;
        }
        if (c->watch_hit_valid) {
            s390_watch_stop(d, st);
            break;
        }
        if (s->exits != exits) {
            exits = s->exits;
            if (s->dbg_hit || d->hit_wp) {
                if (d->hit_int) {
                    st->kind = DBG_STOP_INTERRUPT;
                } else if (d->hit_bp) {
                    st->kind = DBG_STOP_BREAKPOINT;
                    st->addr = d->hit_addr;
                } else if (d->hit_wp) {
                    arm_watch_stop(d, st);
                }
                s->dbg_hit = false;
                sae_cpu_set_stop_on_exit(c, false);
                sae_cpu_set_guest_check(c, NULL, NULL);
                host_to_entry(d, st);
                if (d->ended)
                    end_stop(d, SAE_DBG_ARM, st);
                break;
            }
            if (watch_exits && !s->dbg_caused && dbg_stopset_sae(set, s->last_icptr)) {
                st->kind = DBG_STOP_SAE_EXIT;
                st->icptr = s->last_icptr;
                snprintf(st->text, sizeof(st->text), "(%s) at guest pc 0x%016" PRIx64 "; the host has not handled "
                         "it yet", sae_dbg_icptr_name(s->last_icptr), s->last_pc);
                break;
            }
        }
    }
    sae_cpu_set_guest_check(c, NULL, NULL);
    sae_cpu_set_stop_on_exit(c, false);
    sae_cpu_set_guest_budget(c, SAE_BUDGET_NONE);
    arm64_set_watchpoints(s->arm, NULL, 0, NULL, NULL);
    s390_set_watchpoints(c, NULL, 0);
    d->set = NULL;
}

static uint64_t op_insn_count(void *opaque, unsigned ctx)
{
    struct sae_dbg *d = opaque;
    return ctx == SAE_DBG_ARM ? sae(d)->arm->insn_count : d->m.cpu->insns;
}

static const void *op_dtb(void *opaque, size_t *size)
{
    struct sae_dbg *d = opaque;
    *size = d->m.dtb_len;
    return d->m.dtb;
}

static const struct dbg_target_ops sae_dbg_ops = {
    .reg_read = op_reg_read,
    .reg_write = op_reg_write,
    .mem_read = op_mem_read,
    .mem_write = op_mem_write,
    .step = op_step,
    .run = op_run,
    .insn_count = op_insn_count,
    .text = sae_dbg_text,
    .dtb = op_dtb,
};

struct sae_dbg *sae_dbg_new(const struct sae_dbg_machine *m)
{
    struct sae_dbg *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->m = *m;
    build_tables(d);
    d->t = (struct dbg_target){ &sae_dbg_ops, d, d->ctx, 2 };
    return d;
}

void sae_dbg_free(struct sae_dbg *d)
{
    if (d) {
        sae_cpu_set_guest_check(d->m.cpu, NULL, NULL);
        sae_cpu_set_guest_budget(d->m.cpu, SAE_BUDGET_NONE);
    }
    free(d);
}

struct dbg_target *sae_dbg_target(struct sae_dbg *d)
{
    return &d->t;
}

bool sae_dbg_run_to_first_entry(struct sae_dbg *d)
{
    struct dbg_stop st = { .kind = DBG_STOP_NONE };
    return host_to_entry(d, &st);
}

bool sae_dbg_ended(const struct sae_dbg *d, int *status)
{
    if (d->ended && status)
        *status = d->status;
    return d->ended;
}
