/* The six SAE-facility opcodes on the s390 CPU (docs/sae-model.md §4.1/§4.2): B9A5 SAE, B9A6 LASRM,
 * B9A7 STIASRM, B9AD QAAF (RRE), ED99 SASR, ED9B EASR (RIE-h), registered through
 * s390_register_insn; the PTFF QAGTO/QAGPT hook; and the SAE run loop over the Arm CPU.
 * The architecture decisions are in the CPU-independent pieces (sae/context.c, qaaf.c, validity.c,
 * boundary.c ...); this file only connects them to struct s390_cpu. */
#include <stdlib.h>
#include <string.h>

#include "arm64/cpu_model.h"
#include "core/disas.h"
#include "core/endian.h"
#include "core/log.h"
#include "core/trace_bin.h"
#include "s390/decode.h"
#include "sae/ending.h"
#include "sae/insn_names.h"
#include "sae/ptff.h"
#include "sae/sae_cpu.h"
#include "sae/sd.h"
#include "sae/validity.h"

/* ---- storage callbacks over the s390 CPU ---- */

static uint16_t h_translate(void *opaque, uint64_t logical, unsigned len, bool write, uint64_t *abs)
{
    struct sae_cpu *s = opaque;
    uint64_t teid = 0;
    /* s390_translate always applies the access checks of `which`; for a translation-only request
     * (len 0) the weaker fetch checks are used. */
    int pic = s390_translate(s->host, logical, (write && len) ? 1 : 0, abs, &teid);
    s->last_teid = teid;
    return (uint16_t)pic;
}

static uint8_t *h_abs_ptr(void *opaque, uint64_t abs, unsigned len, bool write)
{
    struct sae_cpu *s = opaque;
    (void)write;  /* change bits were recorded by s390_translate / are not kept for real accesses */
    return ram_ptr(s->host->ram, abs, len);
}

static const struct sae_storage_ops host_ops = { NULL, h_translate, h_abs_ptr };

static struct sae_cpu_mode cpu_mode(const struct s390_cpu *c)
{
    struct sae_cpu_mode m = {
        c->aef_installed,
        s390_problem_state(c),
        (c->psw.mask & PSW_MASK_EA) && (c->psw.mask & PSW_MASK_BA),
        c->prefix,
    };
    return m;
}

static struct sae_insn_env make_env(struct sae_cpu *s, struct sae_storage_ops *ops)
{
    *ops = host_ops;
    ops->opaque = s;
    struct sae_insn_env e = { cpu_mode(s->host), ops };
    return e;
}

/* Present the exception a sae_* function decided (it changed nothing). */
static void present_px(struct sae_cpu *s, uint16_t pic)
{
    if (!pic)
        return;
    qlog(LOG_SAE, "sae: program exception 0x%04x\n", pic);
    switch (pic) {
    case PGM_PROTECTION: case 0x10: case 0x11: case 0x38: case 0x39: case 0x3A: case 0x3B:
        s390_program_teid(s->host, pic, s->last_teid);
    default:
        s390_program_exception(s->host, pic);
    }
}

static struct sae_cpu *sae_of(struct s390_cpu *c)
{
    struct sae_cpu *s = c->sae_ctx;
    if (!s)
        s390_program_exception(c, PGM_OPERATION);   /* facility not attached: unassigned opcodes */
    return s;
}

/* ---- LASRM / STIASRM / SASR / EASR / QAAF ---- */

static void exec_lasrm(struct s390_cpu *c, const struct s390_args *a)
{
    struct sae_cpu *s = sae_of(c);
    struct sae_storage_ops ops;
    struct sae_insn_env env = make_env(s, &ops);
    present_px(s, sae_exec_lasrm(&s->ctx, &env, a->r1, c->gr[a->r1]));
}

static void exec_stiasrm(struct s390_cpu *c, const struct s390_args *a)
{
    struct sae_cpu *s = sae_of(c);
    struct sae_storage_ops ops;
    struct sae_insn_env env = make_env(s, &ops);
    present_px(s, sae_exec_stiasrm(&s->ctx, &env, a->r1, c->gr[a->r1]));
}

static void exec_sasr(struct s390_cpu *c, const struct s390_args *a)
{
    struct sae_cpu *s = sae_of(c);
    struct sae_storage_ops ops;
    struct sae_insn_env env = make_env(s, &ops);
    present_px(s, sae_exec_sasr(&s->ctx, &env, c->gr[a->r1], a->r3, c->gr[a->r3], (uint16_t)a->i2, a->m4));
}

static void exec_easr(struct s390_cpu *c, const struct s390_args *a)
{
    struct sae_cpu *s = sae_of(c);
    struct sae_storage_ops ops;
    struct sae_insn_env env = make_env(s, &ops);
    uint64_t v = 0;
    present_px(s, sae_exec_easr(&s->ctx, &env, &v, a->r3, c->gr[a->r3], (uint16_t)a->i2, a->m4));
    c->gr[a->r1] = v;
}

static void exec_qaaf(struct s390_cpu *c, const struct s390_args *a)
{
    struct sae_cpu *s = sae_of(c);
    struct sae_storage_ops ops;
    struct sae_insn_env env = make_env(s, &ops);
    present_px(s, sae_exec_qaaf(&env, c->gr[0], a->r1, c->gr[a->r1], s->values));
}

/* ---- SAE ---- */

static int s2_read_entry(void *opaque, uint64_t abs, uint64_t *entry)
{
    struct s390_cpu *c = opaque;
    uint8_t *p = ram_ptr(c->ram, abs, 8);
    if (!p)
        return -1;
    *entry = ld_be64(p);
    return 0;
}

#define SAE_SLICE_MAX 1024u
/* Guest instructions after which SAE ends with icptr 0x00 for an internal reason (MD-38), so the
 * host run loop keeps control (instruction budgets, debugger) even when nothing else happens. */
#define SAE_MAX_GUEST_INSNS (1ull << 22)

/* Guest instructions to run before the next boundary check: bounded by the next host clock event
 * and the next timer deadline (icount mode: 2^shift ns per instruction), so rules 1-3 of §7.8 are
 * seen at the right boundary; guest writes of CTL/CVAL inside a slice are seen at its end (bounded
 * delay, §7.8). */
static uint64_t slice_budget(struct sae_cpu *s, const struct sae_timers *ts, uint64_t cnt)
{
    struct vclock *vc = s->host->clock;
    if (vc->mode != VCLOCK_ICOUNT)
        return 64;
    uint64_t now = vclock_now(vc), dl = vclock_next_deadline(vc);
    uint64_t ns = dl > now ? dl - now : 0, tdl;
    if (sae_timers_next_deadline(ts, &s->vgic, cnt, &tdl) && tdl - cnt < ns)
        ns = tdl - cnt;
    uint64_t n = ns >> vc->shift;
    return n < 1 ? 1 : n > SAE_SLICE_MAX ? SAE_SLICE_MAX : n;
}

/* Up to n guest instructions, one at a time, asking the debugger's check before each. (--trace-bin
 * is recorded by the core itself: arm64/cpu.c.) */
static void run_checked(struct sae_cpu *s, uint64_t n)
{
    for (uint64_t i = 0; i < n && !s->ended; i++) {
        if (s->dbg_check(s->dbg_opaque, s->arm)) {
            s->dbg_hit = true;
            return;
        }
        if (arm64_run(s->arm, 1) != ARM64_STOP_MAX_INSNS)
            return;
    }
}

static void note_exit(struct sae_cpu *s, const uint8_t *sd, uint64_t sd_real)
{
    s->exits++;
    s->last_icptr = sd[SD_ICPTR];
    s->last_wip = ld_be32(sd + SD_WIP);
    s->last_pc = ld_be64(sd + SD_PC);
    s->last_sd = sd_real;
    memcpy(s->last_icptd, sd + SD_ICPTD, sizeof(s->last_icptd));
}

static void exec_sae(struct s390_cpu *c, const struct s390_args *a)
{
    struct sae_cpu *s = sae_of(c);
    struct sae_cpu_mode m = cpu_mode(c);
    uint16_t px = sae_check_rre(&m, a->r1, c->gr[a->r1]);
    present_px(s, px);
    uint64_t sd_real = c->gr[a->r1];
    uint8_t *sd = ram_ptr(c->ram, s390_prefix(sd_real, c->prefix), SAE_SD_SIZE);
    if (!sd)
        present_px(s, PGM_ADDRESSING);   /* MD-54 */

    unsigned vir = sae_validity_check(sd, &s->ctx, sd_real, c->prefix,
                                      sae_parange_bits(s->values(QAAF_ID_AA64MMFR0_EL1)));
    if (vir) {
        qlog(LOG_SAE, "sae: validity 0x%02x sd 0x%016llx\n", vir, (unsigned long long)sd_real);
        sae_sd_end_validity(sd, (uint16_t)vir, c->cpu_addr);
        note_exit(s, sd, sd_real);
        if (s->dbg_stop_on_exit)
            s390_stop_run(c, S390_STOP_BREAK, 0);
        return;
    }

    s->sd = sd;
    s->sd_real = sd_real;
    s->dbg_hit = false;
    s->dbg_caused = false;
    if (trace_bin_on())
        trace_bin_event(TRACE_EV_SAE_ENTER, sd_real, 0);
    s->ended = false;
    s->icptd_written = false;
    s->icptr = SAE_ICPT_SPURIOUS;
    s->wip = SAE_WIP_NONE;
    s->gpto = ld_be64(sd + SD_GPTO);
    s->s2.hbasce = ld_be64(sd + SD_HBASCE);
    s->s2.mso = ld_be64(sd + SD_MSO);
    s->s2.msl = ld_be64(sd + SD_MSL);
    s->s2.dat.edat1 = c->edat1;
    s->s2.dat.edat2 = c->edat2;
    s->s2.dat.prefix = c->prefix;
    s->s2.read_entry = s2_read_entry;
    s->s2.opaque = c;
    s->s2.storage_size = c->ram->size;
    sae_guest_load(s);
    s->accounted = s->arm->insn_count;
    qlog(LOG_SAE, "sae: entry sd 0x%016llx pc 0x%016llx\n", (unsigned long long)sd_real,
         (unsigned long long)s->arm->pc);

    uint64_t start = s->arm->insn_count;
    for (;;) {
        struct sae_timers ts;
        sae_guest_timers(s, &ts);
        /* A debugger break or exit request of the host run loop ends SAE too (MD-38 internal). */
        bool host = s390_interrupt_pending_enabled(c) || c->stop != S390_RUNNING ||
                    s->arm->insn_count - start >= SAE_MAX_GUEST_INSNS;
        bool dbg = s->dbg_budget == 0 || s->dbg_hit;
        uint64_t cnt = sae_guest_cnt_now(s);
        struct sae_boundary_in in = { host || dbg, &s->vgic, &ts, cnt, s->arm->el2.hcr, arm64_get_pstate(s->arm) };
        struct sae_boundary_out o;
        sae_boundary(&in, &o);
        if (o.action == SAE_BND_END) {
            s->dbg_caused = dbg && !host && o.icptr == SAE_ICPT_SPURIOUS;
            sae_guest_end_boundary(s, &o, SAE_WIP_NONE);
            break;
        }
        /* Virtual exceptions are taken by the core from its inputs (LR lines) and HCR_EL2.VI/VF/VSE. */
        sae_guest_update_lines(s);
        uint64_t n = slice_budget(s, &ts, cnt), before = s->arm->insn_count;
        if (s->dbg_budget != SAE_BUDGET_NONE && n > s->dbg_budget)
            n = s->dbg_budget;
        if (s->dbg_check)
            run_checked(s, n);
        else
            arm64_run(s->arm, n);
        if (s->dbg_budget != SAE_BUDGET_NONE) {
            uint64_t done = s->arm->insn_count - before;
            s->dbg_budget = done < s->dbg_budget ? s->dbg_budget - done : 0;
        }
        sae_guest_sync_clock(s);
        if (s->ended)
            break;
    }

    sae_guest_store(s);
    if (!s->icptd_written)
        sae_sd_icptd_clear(sd);
    sae_sd_finish(sd, s->icptr, s->wip, c->cpu_addr);
    qlog(LOG_SAE, "sae: exit icptr 0x%02x wip %u pc 0x%016llx\n", s->icptr, s->wip,
         (unsigned long long)s->arm->pc);
    note_exit(s, sd, sd_real);
    if (trace_bin_on())
        trace_bin_event(TRACE_EV_SAE_EXIT, s->icptr, s->arm->pc);
    /* A debugger stop (budget used up, check hit) or a watched ending: the host run loop returns
     * after this instruction, with the guest state stored in the SD and the loaded context. */
    if (s->dbg_hit || s->dbg_budget == 0 || s->dbg_stop_on_exit)
        s390_stop_run(c, S390_STOP_BREAK, 0);
    s->sd = NULL;
}

/* ---- registration ---- */

/* IF_PRIV is deliberately not set: the handlers check installation before privilege, so that the
 * operation exception takes priority without AEF (MD-2, MD-4). */
static const struct s390_insn sae_rows[] = {
    { 0xB9A5, "sae", FMT_RRE, exec_sae, IF_R1_R | IF_MEM_R | IF_MEM_W | IF_ENDS_BLOCK, MEMSZ_VAR },
    { 0xB9A6, "lasrm", FMT_RRE, exec_lasrm, IF_R1_R | IF_MEM_R | IF_ENDS_BLOCK, MEMSZ_VAR },
    { 0xB9A7, "stiasrm", FMT_RRE, exec_stiasrm, IF_R1_R | IF_MEM_W | IF_ENDS_BLOCK, MEMSZ_VAR },
    { 0xB9AD, "qaaf", FMT_RRE, exec_qaaf, IF_R1_R | IF_R0_R | IF_MEM_W, MEMSZ_VAR },
    { 0xED99, "sasr", FMT_RIEh, exec_sasr, IF_R1_R | IF_R3_R | IF_MEM_R | IF_MEM_W, 8 },
    { 0xED9B, "easr", FMT_RIEh, exec_easr, IF_R1_W | IF_R3_R | IF_MEM_R, 8 },
};

static int ptff_hook(void *opaque, struct s390_cpu *cpu, unsigned fc, uint64_t in, uint64_t *out)
{
    (void)opaque;
    if (!cpu->aef_installed || !sae_ptff_fc_is_sae(fc))
        return -1;
    uint64_t h = sae_h_from_etod(sae_etod(0, s390_tod_now(cpu)));
    *out = fc == SAE_PTFF_QAGTO ? sae_qagto(h, in) : sae_qagpt(h, in);
    return 0;
}

unsigned sae_s390_disas(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen)
{
    unsigned n = sae_disas(addr, code, len, out, outlen);
    return n ? n : s390_disas(addr, code, len, out, outlen);
}

struct sae_cpu *sae_cpu_attach(struct s390_cpu *c, sae_qaaf_value_fn values)
{
    static bool registered;
    if (!registered) {
        if (s390_register_insn(sae_rows, sizeof(sae_rows) / sizeof(sae_rows[0])) != 0)
            return NULL;
        registered = true;
    }
    struct sae_cpu *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->host = c;
    s->dbg_budget = SAE_BUDGET_NONE;
    s->values = values ? values : arm64_model_qaaf_value;
    s->arm = arm64_cpu_create(&sae_guest_env, s);
    if (!s->arm) {
        free(s);
        return NULL;
    }
    c->sae_ctx = s;
    c->reset_hook = sae_cpu_reset;  /* CPU reset and IPL discard the loaded context (MD-60) */
    c->ptff_hook = ptff_hook;
    c->ptff_opaque = s;
    sae_ptff_qaf_mask(c->ptff_qaf_extra, c->aef_installed);
    disas_set_hook(DISAS_S390X, sae_s390_disas);
    return s;
}

void sae_cpu_detach(struct s390_cpu *c)
{
    struct sae_cpu *s = c->sae_ctx;
    if (!s)
        return;
    arm64_cpu_destroy(s->arm);
    free(s);
    c->sae_ctx = NULL;
    c->ptff_hook = NULL;
    c->reset_hook = NULL;
}

void sae_cpu_reset(struct s390_cpu *c)
{
    struct sae_cpu *s = c->sae_ctx;
    if (s)
        sae_ctx_discard(&s->ctx);
}

/* ---- debugger controls ---- */

void sae_cpu_set_guest_budget(struct s390_cpu *c, uint64_t n)
{
    struct sae_cpu *s = c->sae_ctx;
    if (s)
        s->dbg_budget = n;
}

uint64_t sae_cpu_guest_budget(const struct s390_cpu *c)
{
    const struct sae_cpu *s = c->sae_ctx;
    return s ? s->dbg_budget : SAE_BUDGET_NONE;
}

void sae_cpu_set_guest_check(struct s390_cpu *c, bool (*check)(void *opaque, struct arm64_cpu *arm),
                             void *opaque)
{
    struct sae_cpu *s = c->sae_ctx;
    if (s) {
        s->dbg_check = check;
        s->dbg_opaque = opaque;
    }
}

void sae_cpu_set_stop_on_exit(struct s390_cpu *c, bool on)
{
    struct sae_cpu *s = c->sae_ctx;
    if (s)
        s->dbg_stop_on_exit = on;
}
