/* Control instructions (PoP ch. 10) and the timing/facility/CPU-signalling ones: PSW and system
 * mask, control registers, prefix, CPU identification, facility lists, TOD clock, clock comparator,
 * CPU timer, PTFF, SIGP, DIAGNOSE, SERVICE CALL, STSI, storage keys, TLB maintenance, LRA, TPROT,
 * address-space control, I/O instructions (no channel subsystem: "not operational"). */
#include <string.h>

#include "core/endian.h"
#include "core/log.h"
#include "mmu/s390_dat.h"
#include "s390/cpu_model.h"
#include "s390/ebcdic.h"
#include "s390/exec.h"
#include "s390/interrupt.h"
#include "s390/sclp.h"

#define DEF(name) static void op_##name(struct s390_cpu *c, const struct s390_args *a)

static uint64_t aligned(struct s390_cpu *c, uint64_t ad, unsigned n)
{
    if (ad & (n - 1))
        s390_program_exception(c, PGM_SPECIFICATION);
    return ad;
}

/* ---- PSW ---- */
DEF(lpswe)
{
    uint64_t ad = aligned(c, EA2S(c, a), 8);
    uint64_t mask = s390_ld(c, ad, 8), addr = s390_ld(c, (ad + 8) & s390_amask(c), 8);
    c->bear = c->ia;
    s390_load_psw(c, mask, addr);
}
/* LOAD PSW: the ESA/390-format short PSW; bit 12 must be one, bit 32 becomes BA, bits 33-63 the
 * address (PoP "LOAD PSW"). */
DEF(lpsw)
{
    uint64_t ad = aligned(c, EA2S(c, a), 8);
    uint64_t s = s390_ld(c, ad, 8);
    if (!(s & (1ULL << 51)))
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t mask = s & 0xFFFFFFFE00000000ULL & ~(1ULL << 51);
    if (s & (1ULL << 32))   /* short-PSW bit 31: EA */
        mask |= PSW_MASK_EA;
    if (s & (1ULL << 31))   /* short-PSW bit 32: BA */
        mask |= PSW_MASK_BA;
    c->bear = c->ia;
    s390_load_psw(c, mask, s & 0x7fffffffULL);
}
static void set_system_mask(struct s390_cpu *c, uint8_t sm)
{
    uint64_t m = (c->psw.mask & ~(0xffULL << 56)) | ((uint64_t)sm << 56);
    s390_load_psw(c, m | ((uint64_t)c->cc << 44), c->psw.addr);
}
DEF(ssm)
{
    if (c->cr[0] & (1ULL << 30)) /* SSM-suppression control (CR0 bit 33) */
        s390_program_exception(c, PGM_SPECIAL_OP);
    set_system_mask(c, (uint8_t)s390_ld(c, EA2S(c, a), 1));
}
DEF(stnsm)
{
    uint8_t sm = (uint8_t)(c->psw.mask >> 56);
    s390_st(c, EA1(c, a), 1, sm);
    set_system_mask(c, sm & (uint8_t)a->i2);
}
DEF(stosm)
{
    uint8_t sm = (uint8_t)(c->psw.mask >> 56);
    s390_st(c, EA1(c, a), 1, sm);
    set_system_mask(c, sm | (uint8_t)a->i2);
}
DEF(epsw)
{
    uint64_t m = s390_psw_mask(c);
    set_lo(c, a->r1, (uint32_t)(m >> 32));
    if (a->r2)
        set_lo(c, a->r2, (uint32_t)m);
}
DEF(ipk) { (void)a; c->gr[2] = (c->gr[2] & ~0xf0ULL) | ((c->psw.mask & PSW_MASK_KEY) >> 48); }
DEF(spka)
{
    unsigned key = (unsigned)(EA2S(c, a) >> 4) & 0xf;
    /* Problem state: the PSW-key mask in CR3 bits 32-47 must authorise the key. */
    if (s390_problem_state(c) && !((c->cr[3] >> (31 - key)) & 1))
        s390_program_exception(c, PGM_PRIVILEGED);
    uint64_t m = (c->psw.mask & ~PSW_MASK_KEY) | ((uint64_t)key << 52);
    s390_load_psw(c, m | ((uint64_t)c->cc << 44), c->psw.addr);
}
/* SET ADDRESS SPACE CONTROL (FAST): bits 52-55 of the operand address: 0 primary, 1 secondary,
 * 2 access-register, 3 home. */
static void sac(struct s390_cpu *c, const struct s390_args *a)
{
    unsigned code = (unsigned)(EA2S(c, a) >> 8) & 0xf;
    static const unsigned asc[4] = { PSW_ASC_PRIMARY, PSW_ASC_SECONDARY, PSW_ASC_AR, PSW_ASC_HOME };
    if (code > 3 || (code == 3 && s390_problem_state(c)))
        s390_program_exception(c, PGM_SPECIAL_OP);
    uint64_t m = (c->psw.mask & ~PSW_MASK_ASC) | ((uint64_t)asc[code] << 46);
    s390_load_psw(c, m | ((uint64_t)c->cc << 44), c->psw.addr);
}
DEF(sac)  { sac(c, a); }
DEF(sacf) { sac(c, a); }
static void set_amode(struct s390_cpu *c, uint64_t ea_ba)
{
    c->psw.mask = (c->psw.mask & ~(PSW_MASK_EA | PSW_MASK_BA)) | ea_ba;
}
DEF(sam24)
{
    (void)a;
    if (c->psw.addr >> 24)
        s390_program_exception(c, PGM_SPECIFICATION);
    set_amode(c, 0);
}
DEF(sam31)
{
    (void)a;
    if (c->psw.addr >> 31)
        s390_program_exception(c, PGM_SPECIFICATION);
    set_amode(c, PSW_MASK_BA);
}
DEF(sam64) { (void)a; set_amode(c, PSW_MASK_EA | PSW_MASK_BA); }
DEF(tam)
{
    (void)a;
    c->cc = (c->psw.mask & PSW_MASK_EA) ? 3 : (c->psw.mask & PSW_MASK_BA) ? 1 : 0;
}

/* ---- control registers ---- */
/* CR0 (low-address protection, EDAT controls) and the ASCEs shape translation: start afresh. */
static void cr_changed(struct s390_cpu *c)
{
    s390_tlb_flush(c);
    s390_tlb_update_context(c);
    c->check_irq = true;
}
DEF(lctlg)
{
    uint64_t ad = aligned(c, EA2S(c, a), 8);
    unsigned n = ((a->r3 - a->r1) & 15) + 1;
    uint64_t v[16];
    s390_probe(c, ad, 8ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        v[i] = s390_ld(c, (ad + 8 * i) & s390_amask(c), 8);
    for (unsigned i = 0; i < n; i++)
        c->cr[(a->r1 + i) & 15] = v[i];
    cr_changed(c);
}
DEF(lctl)
{
    uint64_t ad = aligned(c, EA2S(c, a), 4);
    unsigned n = ((a->r3 - a->r1) & 15) + 1;
    uint32_t v[16];
    s390_probe(c, ad, 4ULL * n, 0);
    for (unsigned i = 0; i < n; i++)
        v[i] = (uint32_t)s390_ld(c, (ad + 4 * i) & s390_amask(c), 4);
    for (unsigned i = 0; i < n; i++) {
        unsigned r = (a->r1 + i) & 15;
        c->cr[r] = (c->cr[r] & 0xffffffff00000000ULL) | v[i];
    }
    cr_changed(c);
}
DEF(stctg)
{
    uint64_t ad = aligned(c, EA2S(c, a), 8);
    unsigned n = ((a->r3 - a->r1) & 15) + 1;
    s390_probe(c, ad, 8ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, (ad + 8 * i) & s390_amask(c), 8, c->cr[(a->r1 + i) & 15]);
}
DEF(stctl)
{
    uint64_t ad = aligned(c, EA2S(c, a), 4);
    unsigned n = ((a->r3 - a->r1) & 15) + 1;
    s390_probe(c, ad, 4ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, (ad + 4 * i) & s390_amask(c), 4, (uint32_t)c->cr[(a->r1 + i) & 15]);
}

/* ---- prefix, CPU identity, facilities ---- */
DEF(spx)
{
    uint64_t ad = aligned(c, EA2S(c, a), 4);
    uint32_t p = (uint32_t)s390_ld(c, ad, 4) & 0x7fffe000u;
    if (!ram_contains(c->ram, p, 0x2000))
        s390_program_exception(c, PGM_ADDRESSING);
    c->prefix = p;
    s390_tlb_flush(c);
    qlog(LOG_INT, "s390: prefix set to 0x%08x\n", p);
}
DEF(stpx) { s390_st(c, aligned(c, EA2S(c, a), 4), 4, c->prefix); }
DEF(stap) { s390_st(c, aligned(c, EA2S(c, a), 2), 2, c->cpu_addr); }
DEF(stidp)
{
    uint64_t id = ((uint64_t)S390_CPU_SERIAL << 32) | ((uint64_t)S390_CPU_TYPE << 16) | 0x8000;
    s390_st(c, aligned(c, EA2S(c, a), 8), 8, id);
}
DEF(stfl)
{
    (void)a;
    s390_real_st(c, LC_STFL, 4, (uint32_t)(c->stfle[0] >> 32));
}
DEF(stfle)
{
    uint64_t ad = aligned(c, EA2S(c, a), 8);
    unsigned have = 4;
    while (have > 1 && c->stfle[have - 1] == 0)
        have--;
    unsigned want = (unsigned)(c->gr[0] & 0xff) + 1;
    unsigned n = want < have ? want : have;
    s390_probe(c, ad, 8ULL * n, 1);
    for (unsigned i = 0; i < n; i++)
        s390_st(c, ad + 8 * i, 8, c->stfle[i]);
    c->gr[0] = (c->gr[0] & ~0xffULL) | (have - 1);
    c->cc = want >= have ? 0 : 3;
}

/* ---- TOD clock and timers ---- */
DEF(sck)
{
    uint64_t v = s390_ld(c, aligned(c, EA2S(c, a), 8), 8);
    c->tod_offset = v - (s390_tod_now(c) - c->tod_offset);
    c->last_stck = 0;
    s390_rearm_timers(c);
    c->cc = 0;
}
/* STORE CLOCK: unique values (PoP: each STCK on a configuration returns a larger value). */
static uint64_t unique_tod(struct s390_cpu *c)
{
    uint64_t t = s390_tod_now(c);
    if (t <= c->last_stck)
        t = c->last_stck + 1;
    c->last_stck = t;
    return t;
}
DEF(stck)  { s390_st(c, EA2S(c, a), 8, unique_tod(c)); c->cc = 0; }
DEF(stckf) { s390_st(c, EA2S(c, a), 8, s390_tod_now(c)); c->cc = 0; }
DEF(stcke)
{
    /* 16 bytes: epoch index (0), TOD bits 0-63, zeros, programmable field. */
    uint8_t b[16];
    memset(b, 0, sizeof(b));
    st_be64(b + 1, unique_tod(c));
    st_be16(b + 14, (uint16_t)c->todpr);
    s390_st_bytes(c, EA2S(c, a), b, 16);
    c->cc = 0;
}
DEF(sckc)  { s390_set_ckc(c, s390_ld(c, aligned(c, EA2S(c, a), 8), 8)); }
DEF(stckc) { s390_st(c, aligned(c, EA2S(c, a), 8), 8, c->ckc); }
DEF(spt)   { s390_set_cpu_timer(c, (int64_t)s390_ld(c, aligned(c, EA2S(c, a), 8), 8)); }
DEF(stpt)  { s390_st(c, aligned(c, EA2S(c, a), 8), 8, (uint64_t)s390_cpu_timer(c)); }
DEF(sckpf)
{
    (void)a;
    if (c->gr[0] & 0xffff0000ULL)
        s390_program_exception(c, PGM_SPECIFICATION);
    c->todpr = (uint32_t)c->gr[0] & 0xffff;
}

/* PERFORM TIMING FACILITY FUNCTION (E format): GR0 bits 57-63 function code (bit 56 must be zero),
 * GR1 parameter-block address. Query functions (< 0x40) are allowed in the problem state. */
DEF(ptff)
{
    (void)a;
    if (c->gr[0] & 0x80)
        s390_program_exception(c, PGM_SPECIFICATION);
    unsigned fc = (unsigned)c->gr[0] & 0x7f;
    if (fc >= 0x40 && s390_problem_state(c))
        s390_program_exception(c, PGM_PRIVILEGED);
    uint64_t pb = wrap_addr(c, c->gr[1]);
    uint64_t phys = s390_tod_now(c) - c->tod_offset; /* physical clock: no steering, no epoch */
    switch (fc) {
    case 0x00: { /* QAF: bit n set for function n */
        uint8_t m[16];
        memset(m, 0, sizeof(m));
        m[0] = 0xF0; /* 0 QAF, 1 QTO, 2 QSI, 3 QPT */
        for (unsigned i = 0; i < 16; i++)
            m[i] |= c->ptff_qaf_extra[i];
        s390_st_bytes(c, pb, m, 16);
        c->cc = 0;
        return;
    }
    case 0x01: { /* QTO: physical clock, TOD offset, logical TOD offset, TOD epoch difference */
        uint8_t b[32];
        st_be64(b, phys);
        st_be64(b + 8, c->tod_offset);
        st_be64(b + 16, c->tod_offset);
        st_be64(b + 24, 0);
        s390_st_bytes(c, pb, b, 32);
        c->cc = 0;
        return;
    }
    case 0x02: { /* QSI: no steering in progress */
        uint8_t b[56];
        memset(b, 0, sizeof(b));
        s390_st_bytes(c, pb, b, sizeof(b));
        c->cc = 0;
        return;
    }
    case 0x03: /* QPT: physical clock */
        s390_st(c, pb, 8, phys);
        c->cc = 0;
        return;
    default:
        if (c->ptff_hook) {
            uint64_t in = s390_ld(c, pb, 8), out = 0;
            s390_probe(c, pb + 8, 8, 1);
            if (c->ptff_hook(c->ptff_opaque, c, fc, in, &out) == 0) {
                s390_st(c, pb + 8, 8, out);
                c->cc = 0;
                return;
            }
        }
        c->cc = 3;
        return;
    }
}

/* ---- SIGNAL PROCESSOR ---- */
#define SIGP_SENSE 0x01
#define SIGP_EXTERNAL_CALL 0x02
#define SIGP_EMERGENCY 0x03
#define SIGP_START 0x04
#define SIGP_STOP 0x05
#define SIGP_RESTART 0x06
#define SIGP_STOP_STORE 0x09
#define SIGP_INITIAL_RESET 0x0B
#define SIGP_RESET 0x0C
#define SIGP_SET_PREFIX 0x0D
#define SIGP_STORE_STATUS 0x0E
#define SIGP_STORE_ADDITIONAL 0x0F
#define SIGP_SET_ARCH 0x12
#define SIGP_SENSE_RUNNING 0x15

#define SIGP_STAT_INCORRECT_STATE 0x200
#define SIGP_STAT_INVALID_PARAM 0x100
#define SIGP_STAT_EXT_CALL_PENDING 0x80
#define SIGP_STAT_INVALID_ORDER 0x02

/* An order addressed to this CPU itself (which is, by definition, operating). */
static int sigp_self(struct s390_cpu *c, unsigned order, uint32_t *status)
{
    switch (order) {
    case SIGP_SENSE:
    case SIGP_SENSE_RUNNING:
    case SIGP_START:
        return 0;
    case SIGP_EXTERNAL_CALL:
        if (c->ext_call_pending) {
            *status = SIGP_STAT_EXT_CALL_PENDING;
            return 1;
        }
        s390_post_ext_call(c, c->cpu_addr);
        return 0;
    case SIGP_EMERGENCY:
        s390_post_emergency(c, c->cpu_addr);
        return 0;
    case SIGP_STOP:
        c->stop_requested = true;
        c->check_irq = true;
        return 0;
    case SIGP_STOP_STORE:
        s390_store_status(c, LC_STORE_STATUS);
        c->stop_requested = true;
        c->check_irq = true;
        return 0;
    case SIGP_RESTART:
        s390_post_restart(c);
        return 0;
    case SIGP_INITIAL_RESET:
    case SIGP_RESET:
        /* The reset completes the SIGP and leaves this CPU in the stopped state. */
        s390_cpu_reset(c, order == SIGP_INITIAL_RESET);
        c->stop_requested = true;
        return 0;
    case SIGP_SET_PREFIX:
    case SIGP_STORE_STATUS:
    case SIGP_STORE_ADDITIONAL:
        *status = SIGP_STAT_INCORRECT_STATE; /* the target must be stopped */
        return 1;
    case SIGP_SET_ARCH:
        *status = SIGP_STAT_INVALID_PARAM;   /* CZAM: always z/Architecture */
        return 1;
    default:
        *status = SIGP_STAT_INVALID_ORDER;
        return 1;
    }
}

DEF(sigp)
{
    unsigned order = (unsigned)EA2S(c, a) & 0xff;
    uint16_t addr = (uint16_t)c->gr[a->r3];
    uint64_t param = c->gr[a->r1 | 1];
    uint32_t status = 0;
    int cc;
    if (addr == c->cpu_addr)
        cc = sigp_self(c, order, &status);
    else if (c->env && c->env->sigp)
        cc = c->env->sigp(c->env->opaque, c, order, addr, param, &status);
    else
        cc = 3;
    qlog(LOG_INT, "s390: SIGP order 0x%02x to cpu %u: cc %d status 0x%x\n", order, addr, cc, status);
    if (cc == 1)
        set_lo(c, a->r1, status);
    c->cc = (unsigned)cc;
}

/* ---- DIAGNOSE: the machine defines the codes (docs/s390.md) ---- */
DEF(diag)
{
    uint32_t code = (uint32_t)(EA2S(c, a) & 0xffff);
    qlog(LOG_DIAG, "s390: DIAG 0x%04x r1=%u r3=%u\n", code, a->r1, a->r3);
    if (c->env && c->env->diag && c->env->diag(c->env->opaque, c, a->r1, a->r3, code) == 0)
        return;
    qlog(LOG_UNIMP, "s390: DIAG 0x%04x not defined by this machine: specification exception\n", code);
    s390_program_exception(c, PGM_SPECIFICATION);
}

DEF(servc)
{
    c->cc = (unsigned)s390_sclp_service(c, gr_lo(c, a->r1), c->gr[a->r2]);
}

/* ---- STORE SYSTEM INFORMATION ---- */
static void sysib_str(uint8_t *p, const char *s, size_t n) { ascii_to_ebcdic_buf(p, s, n, ' '); }
DEF(stsi)
{
    unsigned fc = (unsigned)(c->gr[0] >> 28) & 0xf;
    unsigned sel1 = (unsigned)c->gr[0] & 0xff, sel2 = (unsigned)c->gr[1] & 0xffff;
    if ((c->gr[0] & 0x0fffff00ULL) || (c->gr[1] & 0xffff0000ULL))
        s390_program_exception(c, PGM_SPECIFICATION);
    if (fc == 0) {
        c->gr[0] = (c->gr[0] & ~0xf0000000ULL) | (2u << 28); /* current level: LPAR */
        c->cc = 0;
        return;
    }
    uint64_t ad = EA2S(c, a);
    if (ad & 0xfff)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint8_t b[4096];
    memset(b, 0, sizeof(b));
    unsigned key = fc << 8 | sel1 << 4 | sel2;
    switch (key) {
    case 0x111:
        sysib_str(b + 32, "IBM", 16);
        sysib_str(b + 48, "2964", 4);
        sysib_str(b + 64, "SAESIM", 16);
        sysib_str(b + 80, "00000000000A5E51", 16);
        sysib_str(b + 96, "SIM", 4);
        sysib_str(b + 100, "NE1", 16);
        break;
    case 0x121:
        sysib_str(b + 80, "00000000000A5E51", 16);
        sysib_str(b + 96, "SIM", 4);
        st_be16(b + 102, c->cpu_addr);
        break;
    case 0x122:
        st_be32(b + 28, 1000);  /* capability */
        st_be16(b + 32, 1);     /* total CPUs */
        st_be16(b + 34, 1);     /* configured */
        break;
    case 0x221:
        sysib_str(b + 80, "00000000000A5E51", 16);
        sysib_str(b + 96, "SIM", 4);
        st_be16(b + 102, c->cpu_addr);
        st_be16(b + 104, 1);    /* LPAR CPU address */
        break;
    case 0x222:
        st_be16(b + 32, 1);     /* LPAR number */
        b[35] = 0x80;           /* characteristics: dedicated */
        st_be16(b + 36, 1);
        st_be16(b + 38, 1);
        sysib_str(b + 44, "SAESIM", 8);
        st_be32(b + 52, 1000);
        st_be16(b + 64, 1);     /* dedicated CPUs */
        break;
    default:
        c->cc = 3;
        return;
    }
    s390_st_bytes(c, ad, b, sizeof(b));
    c->cc = 0;
}

/* ---- storage keys ---- */
static uint64_t frame_abs(struct s390_cpu *c, uint64_t real)
{
    uint64_t abs = s390_prefix(wrap_addr(c, real), c->prefix);
    if (!ram_contains(c->ram, abs, 1))
        s390_program_exception(c, PGM_ADDRESSING);
    return abs;
}
DEF(iske) { uint64_t f = frame_abs(c, c->gr[a->r2]); c->gr[a->r1] = (c->gr[a->r1] & ~0xffULL) | (c->skeys[f >> 12] & 0xfe); }
DEF(sske)
{
    uint64_t f = frame_abs(c, c->gr[a->r2]);
    c->skeys[f >> 12] = (uint8_t)c->gr[a->r1] & 0xfe;
    s390_tlb_flush(c);
}
DEF(rrbe)
{
    uint64_t f = frame_abs(c, c->gr[a->r2]);
    uint8_t k = c->skeys[f >> 12];
    c->cc = ((k & 0x04) ? 2u : 0u) | ((k & 0x02) ? 1u : 0u);
    c->skeys[f >> 12] = k & ~0x04;
    s390_tlb_flush(c);
}
/* PERFORM FRAME MANAGEMENT FUNCTION (EDAT-1): R1 bits 44-45 frame size (4K, 1M), 46 set key,
 * 47 clear frame, 56-62 the key. A 1 MiB request is done to the next 1 MiB boundary and R2
 * advanced past it. */
DEF(pfmf)
{
    uint64_t r1 = c->gr[a->r1];
    unsigned fsc = (unsigned)(r1 >> 18) & 3;
    bool sk = (r1 >> 17) & 1, cf = (r1 >> 16) & 1;
    if (fsc > 1)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint64_t start = c->gr[a->r2] & ~0xfffULL;
    uint64_t end = fsc == 0 ? start + 0x1000 : (start | 0xfffffULL) + 1;
    for (uint64_t f = start; f < end; f += 0x1000) {
        uint64_t abs = fsc == 0 ? frame_abs(c, f) : f;
        if (!ram_contains(c->ram, abs, 0x1000))
            s390_program_exception(c, PGM_ADDRESSING);
        if (sk)
            c->skeys[abs >> 12] = (uint8_t)r1 & 0xfe;
        if (cf)
            memset(c->ram->host + abs, 0, 0x1000);
    }
    if (sk)
        s390_tlb_flush(c);
    if (fsc == 1)
        set_addr_reg(c, a->r2, end);
}

/* ---- TLB maintenance ---- */
DEF(ptlb) { (void)a; s390_tlb_flush(c); }
/* INVALIDATE PAGE TABLE ENTRY: R1 page-table origin, R2 bits 44-51 page index; sets the PTE
 * invalid bit (bit 53) and clears every TLB entry (the model does not track which VAs a PTE backs). */
DEF(ipte)
{
    uint64_t pte = (c->gr[a->r1] & ~0x7ffULL) + (((c->gr[a->r2] >> 12) & 0xff) * 8);
    uint64_t abs = s390_prefix(pte, c->prefix), v;
    if (ram_ld_be(c->ram, abs, 8, &v) != 0)
        s390_program_exception(c, PGM_ADDRESSING);
    ram_st_be(c->ram, abs, 8, v | 0x400);
    s390_tlb_flush(c);
}
/* INVALIDATE DAT TABLE ENTRY: R1 table origin + type, R2 bits 33-43 ... the effective index and
 * count; clearing-by-ASCE (R2 bit 52) only flushes. Segment/region entries get their invalid bit
 * (bit 58) set. */
DEF(idte)
{
    uint64_t r2 = c->gr[a->r2];
    if (!(r2 & 0x800)) {
        unsigned dt = (unsigned)(c->gr[a->r1] >> 2) & 3;
        uint64_t origin = c->gr[a->r1] & ~0xfffULL;
        static const unsigned shift[4] = { 20, 31, 42, 53 };
        uint64_t idx = (r2 >> shift[dt]) & 0x7ff;
        uint64_t count = (r2 & 0x7ff) + 1;
        for (uint64_t i = 0; i < count && idx + i < 2048; i++) {
            uint64_t abs = s390_prefix(origin + (idx + i) * 8, c->prefix), v;
            if (ram_ld_be(c->ram, abs, 8, &v) != 0)
                s390_program_exception(c, PGM_ADDRESSING);
            ram_st_be(c->ram, abs, 8, v | 0x20);
        }
    }
    s390_tlb_flush(c);
}
DEF(csp)
{
    check_even(c, a->r1);
    uint64_t ad = wrap_addr(c, c->gr[a->r2] & ~3ULL);
    uint32_t cur = (uint32_t)s390_ld(c, ad, 4);
    if (cur == gr_lo(c, a->r1)) {
        s390_st(c, ad, 4, gr_lo(c, a->r1 + 1));
        if (c->gr[a->r2] & 1)
            s390_tlb_flush(c);
        c->cc = 0;
    } else {
        set_lo(c, a->r1, cur);
        c->cc = 1;
    }
}
DEF(cspg)
{
    check_even(c, a->r1);
    uint64_t ad = wrap_addr(c, c->gr[a->r2] & ~7ULL);
    uint64_t cur = s390_ld(c, ad, 8);
    if (cur == c->gr[a->r1]) {
        s390_st(c, ad, 8, c->gr[a->r1 + 1]);
        if (c->gr[a->r2] & 1)
            s390_tlb_flush(c);
        c->cc = 0;
    } else {
        c->gr[a->r1] = cur;
        c->cc = 1;
    }
}

/* LOAD REAL ADDRESS (PoP ch. 10 "LOAD REAL ADDRESS"). The second-operand address is translated by
 * DAT whatever the PSW DAT bit says, through the ASCE of the current address-space control (AR mode
 * is treated as primary, as for every access in this model: ALETs are not modelled). The result:
 *   CC 0  translation available: R1 = the real address;
 *   CC 1  segment-table entry invalid: R1 = real address of that segment-table entry;
 *   CC 2  page-table entry invalid: R1 = real address of that page-table entry;
 *   CC 3  ASCE-type, region-first/second/third-translation (table length or invalid region entry)
 *         or segment-translation due to the segment-table length: R1 bit 32 = 1, bits 33-47 = 0,
 *         bits 48-63 = the program-interruption code that a translation would have raised, bits 0-31
 *         unchanged.
 * LRA/LRAY in the 24/31-bit mode change only bits 32-63 (bit 32 = 0, a 31-bit address); a real
 * address above 2 GiB is then a special-operation exception, and an entry address above 2 GiB turns
 * CC 1/2 into CC 3 with code 0x0010/0x0011. LRAG (and LRA in the 64-bit mode) load all 64 bits.
 * Translation-specification and addressing conditions (table entries) are program exceptions. */
struct lra_walk {
    struct s390_cpu *c;
    unsigned reads;      /* table entries fetched so far */
    uint64_t last_abs;   /* absolute address of the last one */
    uint64_t last_entry;
};

static int lra_read_entry(void *opaque, uint64_t abs, uint64_t *entry)
{
    struct lra_walk *w = opaque;
    int r = s390_dat_read_entry(w->c, abs, entry);
    w->reads++;
    w->last_abs = abs;
    w->last_entry = r == 0 ? *entry : 0;
    return r;
}

static void lra(struct s390_cpu *c, const struct s390_args *a, bool wide)
{
    uint64_t va = EA2(c, a);
    struct s390_dat_result res;
    struct s390_dat_fault f;
    uint64_t asce = c->cr[1];
    unsigned asc = (unsigned)((c->psw.mask & PSW_MASK_ASC) >> 46), asid = 0;
    if (asc == PSW_ASC_SECONDARY) { asce = c->cr[7]; asid = 2; }
    if (asc == PSW_ASC_HOME) { asce = c->cr[13]; asid = 3; }
    bool full = wide || (c->psw.mask & PSW_MASK_EA);
    struct s390_dat_opts opts = { c->edat1, c->edat2, c->prefix, (uint8_t)asid };
    struct lra_walk w = { c, 0, 0, 0 };
    uint64_t result;
    uint16_t code;
    if (s390_dat_translate(asce, va, false, &opts, lra_read_entry, &w, &res, &f) == 0) {
        if (!full && (res.real >> 31))
            s390_program_exception(c, PGM_SPECIAL_OP);
        result = res.real;
        c->cc = 0;
    } else {
        code = f.pic;
        /* Entries are fetched at absolute addresses; the entry's real address is wanted
         * (prefixing is its own inverse). */
        uint64_t entry_real = s390_prefix(w.last_abs, c->prefix);
        switch (f.pic) {
        case PIC_PAGE_TRANSLATION:
            c->cc = 2;   /* the page-table entry was the last one fetched */
            break;
        case PIC_SEGMENT_TRANSLATION:
            /* Invalid segment-table entry (the last fetch was the segment-table entry: one per
             * designated table level) or segment-table length exceeded (CC 3). */
            c->cc = (w.reads == S390_ASCE_DT(asce) + 1u && (w.last_entry & 0x20)) ? 1 : 3;
            break;
        case PIC_ASCE_TYPE: case PIC_REGION_FIRST: case PIC_REGION_SECOND: case PIC_REGION_THIRD:
            c->cc = 3;
            break;
        case PIC_ADDRESSING:
            s390_program_exception(c, PGM_ADDRESSING);
        default:
            s390_program_exception(c, f.pic);
        }
        if (c->cc != 3 && !full && (entry_real >> 31))
            c->cc = 3;
        if (c->cc == 3) {
            set_lo(c, a->r1, 0x80000000u | code);
            return;
        }
        result = entry_real;
    }
    if (full)
        c->gr[a->r1] = result;
    else
        set_lo(c, a->r1, (uint32_t)result);
}
DEF(lra)  { lra(c, a, false); }
DEF(lrag) { lra(c, a, true); }

/* TEST PROTECTION: CC 0 fetch and store allowed, 1 fetch only, 2 neither, 3 no translation. */
DEF(tprot)
{
    uint64_t va = EA1(c, a);
    unsigned key = (unsigned)(EA2S(c, a) >> 4) & 0xf;
    uint64_t save = c->psw.mask;
    c->psw.mask = (c->psw.mask & ~PSW_MASK_KEY) | ((uint64_t)key << 52);
    uint64_t abs, teid;
    uint64_t cr0 = c->cr[0];
    c->cr[0] &= ~CR0_LAP;  /* low-address protection does not apply to TPROT */
    int rf = s390_translate(c, va, 0, &abs, &teid);
    int rw = rf ? rf : s390_translate(c, va, 1, &abs, &teid);
    c->cr[0] = cr0;
    c->psw.mask = save;
    if (rf == PGM_ADDRESSING || rw == PGM_ADDRESSING)
        s390_program_exception(c, PGM_ADDRESSING);
    if (rf && rf != PGM_PROTECTION)
        c->cc = 3;
    else if (rf)
        c->cc = 2;
    else
        c->cc = rw ? 1 : 0;
}

/* LOAD/STORE USING REAL ADDRESS. */
static uint64_t real_addr(struct s390_cpu *c, unsigned r, unsigned align)
{
    uint64_t ra = wrap_addr(c, c->gr[r]);
    if (ra & (align - 1))
        s390_program_exception(c, PGM_SPECIFICATION);
    if (!ram_contains(c->ram, s390_prefix(ra, c->prefix), align))
        s390_program_exception(c, PGM_ADDRESSING);
    return ra;
}
DEF(lura)  { set_lo(c, a->r1, (uint32_t)s390_real_ld(c, real_addr(c, a->r2, 4), 4)); }
DEF(lurag) { c->gr[a->r1] = s390_real_ld(c, real_addr(c, a->r2, 8), 8); }
DEF(stura) { s390_real_st(c, real_addr(c, a->r2, 4), 4, gr_lo(c, a->r1)); s390_tlb_flush(c); }
DEF(sturg) { s390_real_st(c, real_addr(c, a->r2, 8), 8, c->gr[a->r1]); s390_tlb_flush(c); }

/* ---- I/O instructions: no channel subsystem is configured ---- */
DEF(io_notoper) { (void)a; c->cc = 3; }
DEF(tpi)        { (void)a; c->cc = 0; }
DEF(stcrw)      { s390_st(c, aligned(c, EA2S(c, a), 4), 4, 0); c->cc = 1; }
DEF(io_nop)     { (void)a; (void)c; }

#define P IF_PRIV
#define E IF_ENDS_BLOCK
#define CC IF_SETS_CC
#define MR IF_MEM_R
#define MW IF_MEM_W

const struct s390_insn s390_insns_control[] = {
    ROW(0xB2B2, "lpswe", S, op_lpswe, P | E | IF_BRANCH | MR, 16),
    ROW(0x8200, "lpsw", S, op_lpsw, P | E | IF_BRANCH | MR, 8),
    ROW(0x8000, "ssm", S, op_ssm, P | E | MR, 1),
    ROW(0xAC00, "stnsm", SI, op_stnsm, P | E | MW, 1),
    ROW(0xAD00, "stosm", SI, op_stosm, P | E | MW, 1),
    ROW(0xB98D, "epsw", RRE, op_epsw, IF_R1_W | IF_R2_W | IF_USES_CC, 0),
    ROW(0xB20B, "ipk", S, op_ipk, P, 0),
    ROW(0xB20A, "spka", S, op_spka, E, 0),
    ROW(0xB219, "sac", S, op_sac, E, 0),
    ROW(0xB279, "sacf", S, op_sacf, E, 0),
    ROW(0x010C, "sam24", E, op_sam24, E, 0),
    ROW(0x010D, "sam31", E, op_sam31, E, 0),
    ROW(0x010E, "sam64", E, op_sam64, E, 0),
    ROW(0x010B, "tam", E, op_tam, CC, 0),
    ROW(0xEB2F, "lctlg", RSYa, op_lctlg, P | E | IF_CREG | MR, MEMSZ_VAR),
    ROW(0xB700, "lctl", RSa, op_lctl, P | E | IF_CREG | MR, MEMSZ_VAR),
    ROW(0xEB25, "stctg", RSYa, op_stctg, P | IF_CREG | MW, MEMSZ_VAR),
    ROW(0xB600, "stctl", RSa, op_stctl, P | IF_CREG | MW, MEMSZ_VAR),
    ROW(0xB210, "spx", S, op_spx, P | E | MR, 4),
    ROW(0xB211, "stpx", S, op_stpx, P | MW, 4),
    ROW(0xB212, "stap", S, op_stap, P | MW, 2),
    ROW(0xB202, "stidp", S, op_stidp, P | MW, 8),
    ROW(0xB2B1, "stfl", S, op_stfl, P, 0),
    ROW(0xB2B0, "stfle", S, op_stfle, MW | CC | IF_R0_R, MEMSZ_VAR),
    ROW(0xB204, "sck", S, op_sck, P | MR | CC, 8),
    ROW(0xB205, "stck", S, op_stck, MW | CC, 8),
    ROW(0xB27C, "stckf", S, op_stckf, MW | CC, 8),
    ROW(0xB278, "stcke", S, op_stcke, MW | CC, 16),
    ROW(0xB206, "sckc", S, op_sckc, P | E | MR, 8),
    ROW(0xB207, "stckc", S, op_stckc, P | MW, 8),
    ROW(0xB208, "spt", S, op_spt, P | E | MR, 8),
    ROW(0xB209, "stpt", S, op_stpt, P | MW, 8),
    ROW(0x0107, "sckpf", E, op_sckpf, P | IF_R0_R, 0),
    ROW(0x0104, "ptff", E, op_ptff, CC | IF_R0_R | IF_R1I_R | MR | MW, MEMSZ_VAR),
    ROW(0xAE00, "sigp", RSa, op_sigp, P | E | CC | IF_R1_R | IF_R1_W | IF_R3_R, 0),
    ROW(0x8300, "diag", RSa, op_diag, P | E | IF_R1_R | IF_R1_W | IF_R3_R, 0),
    ROW(0xB220, "servc", RRE, op_servc, P | E | CC | IF_R1_R | IF_R2_R, 0),
    ROW(0xB27D, "stsi", S, op_stsi, P | MW | CC | IF_R0_R | IF_R1I_R, MEMSZ_VAR),
    ROW(0xB229, "iske", RRE, op_iske, P | IF_R1_W | IF_R2_R, 0),
    ROW(0xB22B, "sske", RRFc, op_sske, P | E | IF_R1_R | IF_R2_R, 0),
    ROW(0xB22A, "rrbe", RRE, op_rrbe, P | CC | IF_R2_R, 0),
    ROW(0xB9AF, "pfmf", RRE, op_pfmf, P | E | IF_R1_R | IF_R2_R | IF_R2_W, 0),
    ROW(0xB20D, "ptlb", S, op_ptlb, P | E, 0),
    ROW(0xB221, "ipte", RRFa, op_ipte, P | E | IF_R1_R | IF_R2_R, 0),
    ROW(0xB98E, "idte", RRFb, op_idte, P | E | IF_R1_R | IF_R2_R, 0),
    ROW(0xB250, "csp", RRE, op_csp, P | E | CC | IF_R1_R | IF_R1_W | IF_R1_PAIR | IF_R2_R | MR | MW, 4),
    ROW(0xB98A, "cspg", RRE, op_cspg, P | E | CC | IF_R1_R | IF_R1_W | IF_R1_PAIR | IF_R2_R | MR | MW, 8),
    ROW(0xB100, "lra", RXa, op_lra, P | CC | IF_R1_W, 0),
    ROW(0xE313, "lray", RXYa, op_lra, P | CC | IF_R1_W, 0),
    ROW(0xE303, "lrag", RXYa, op_lrag, P | CC | IF_R1_W, 0),
    ROW(0xE501, "tprot", SSE, op_tprot, P | CC, 0),
    ROW(0xB24B, "lura", RRE, op_lura, P | IF_R1_W | IF_R2_R, 4),
    ROW(0xB905, "lurag", RRE, op_lurag, P | IF_R1_W | IF_R2_R, 8),
    ROW(0xB246, "stura", RRE, op_stura, P | IF_R1_R | IF_R2_R, 4),
    ROW(0xB925, "sturg", RRE, op_sturg, P | IF_R1_R | IF_R2_R, 8),
    ROW(0xB230, "csch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB231, "hsch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB232, "msch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB233, "ssch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB234, "stsch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB235, "tsch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB238, "rsch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB23B, "rchp", S, op_io_notoper, P | CC, 0),
    ROW(0xB276, "xsch", S, op_io_notoper, P | CC | IF_R1I_R, 0),
    ROW(0xB236, "tpi", S, op_tpi, P | CC, 0),
    ROW(0xB239, "stcrw", S, op_stcrw, P | CC | MW, 4),
    ROW(0xB237, "sal", S, op_io_nop, P, 0),
    ROW(0xB23C, "schm", S, op_io_nop, P, 0),
};
const size_t s390_insns_control_count = sizeof(s390_insns_control) / sizeof(s390_insns_control[0]);
