/* Bare-metal s390 host test of the SAE facility (issue 6 acceptance), run under saesim -M s390-bare.
 * Like the kvm-unit-tests SIE tests, it embeds small AArch64 guest snippets, builds a control block
 * (SD) and save area (SA) and drives SAE; each case checks the interception code and its data.
 * Guest memory: IPA 0 .. 1 MiB at host absolute GUEST_ABS (mso), through a real-space hbasce or a
 * segment table this program builds. */
#include <stddef.h>
#include <stdint.h>

void plat_write(const char *buf, size_t len);
void sae_run(uint64_t sd);
void lasrm(void *sa);
void stiasrm(void *sa);
void qaaf(uint64_t gr0, void *block);
int ptff(uint64_t fc, void *block);
void lasrm_problem_state(void *sa, void *psw_buf);
uint64_t get_cr0(void);
void set_cr0(uint64_t v);
uint64_t tod_now(void);
void set_ckc(uint64_t v);
void ext_enable(void);
void ext_disable(void);
extern const uint8_t sasr0_tab[], sasr8_tab[], easr0_tab[], easr8_tab[];

#define NIDS 65
static const uint16_t ids[NIDS] = {
    0xC081, 0xC288, 0xC289, 0xDF00, 0xDF12, 0xDF1A, 0xC609, 0xC000, 0x808C, 0xC3A0, 0x8084, 0xC080,
    0xC082, 0xC600, 0xC290, 0xC102, 0xC510, 0xC100, 0xC101, 0xC300, 0xDE82, 0xC684, 0xDE83, 0xC708,
    0xC090, 0xDE87, 0xC687, 0xC10A, 0xC10B, 0xC108, 0xC109, 0xC118, 0xC119, 0xC112, 0xC113, 0xC110,
    0xC111, 0x8012, 0xC201, 0xC200, 0xE088, 0xE092, 0xE08A, 0xE089, 0xE708, 0xE08C, 0xE08D, 0xE08E,
    0xE18C, 0xE18D, 0xE293, 0xE64D, 0xE005, 0xDF11, 0xDF19, 0xC681, 0xE208, 0xE658, 0xE65F, 0xE640,
    0xE648, 0xE660, 0xE661, 0xE662, 0xE663,
};
#define ID_OSLAR 10
#define ID_OSLSR 8
#define FIRST_SD_ID 53

typedef uint64_t (*asr_fn)(uint64_t value, void *sa);
static uint64_t sasr(unsigned id, unsigned m4, uint64_t v, void *sa)
{
    return ((asr_fn)((m4 ? sasr8_tab : sasr0_tab) + 8 * id))(v, sa);
}
static uint64_t easr(unsigned id, unsigned m4, void *sa)
{
    return ((asr_fn)((m4 ? easr8_tab : easr0_tab) + 8 * id))(0, sa);
}

/* ---- output ---- */
static size_t slen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static void puts_(const char *s) { plat_write(s, slen(s)); }
static void puthex(uint64_t v)
{
    char b[19] = "0x";
    for (int i = 0; i < 16; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xF];
    plat_write(b, 18);
}
static unsigned failures;
static void check(int ok, const char *what, uint64_t got, uint64_t want)
{
    if (ok)
        return;
    failures++;
    puts_("FAIL ");
    puts_(what);
    puts_(": got ");
    puthex(got);
    puts_(" want ");
    puthex(want);
    puts_("\n");
}
#define EQ(what, got, want) do { uint64_t g_ = (got), w_ = (want); check(g_ == w_, what, g_, w_); } while (0)

/* ---- interruptions ---- */
static volatile unsigned pgm_count, ext_count;
static volatile uint16_t last_pic, last_ext;
static uint64_t ld64(uint64_t a) { return *(volatile uint64_t *)a; }
static void st64(uint64_t a, uint64_t v) { *(volatile uint64_t *)a = v; }
static uint16_t ld16(uint64_t a) { return *(volatile uint16_t *)a; }

void pgm_check(void)
{
    pgm_count++;
    last_pic = ld16(0x8E);
    /* privileged-operation test: resume after the instruction in the supervisor state */
    st64(0x150, ld64(0x150) & ~(1ull << 48));
}

void ext_int(void)
{
    ext_count++;
    last_ext = ld16(0x86);
    set_ckc(~0ull);
}

/* ---- SD / SA / guest ---- */
#define GUEST_ABS 0x400000ull     /* mso: 4 MiB */
#define GCODE 0x1000ull
static uint8_t sd[4096] __attribute__((aligned(4096)));
static uint8_t sa[4096] __attribute__((aligned(4096)));
static uint8_t qblk[4096] __attribute__((aligned(4096)));
static uint64_t segtab[512] __attribute__((aligned(4096)));
static uint64_t pagetab[256] __attribute__((aligned(4096)));

#define SD64(off) (*(volatile uint64_t *)(sd + (off)))
#define SD32(off) (*(volatile uint32_t *)(sd + (off)))
#define SD16(off) (*(volatile uint16_t *)(sd + (off)))
#define SD8(off) (*(volatile uint8_t *)(sd + (off)))
#define ICPTR SD8(0x080)
#define GPR(n) SD64(0x300 + 8 * (n))
#define PC SD64(0x290)
#define ESR SD64(0x400)
#define HCR_BASE ((1ull << 31) | (1ull << 34))

static void guest(uint64_t ipa, const uint32_t *insn, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        *(volatile uint32_t *)(GUEST_ABS + ipa + 4 * i) = __builtin_bswap32(insn[i]);  /* little-endian */
}

static void fresh_vcpu(void)
{
    for (unsigned i = 0; i < 4096; i++)
        sd[i] = 0;
    qaaf(2, sa);                                   /* the template (GISRSA) */
    *(volatile uint64_t *)(sa + 8) = (uint64_t)sd; /* sdo */
    SD64(0x240) = (uint64_t)sa;
    SD64(0x208) = GUEST_ABS;
    SD64(0x210) = 0x100000;
    SD64(0x218) = 0x20;                            /* real-space hbasce */
    SD64(0x288) = 0x3C5;
    PC = GCODE;
    sasr(12, 8, 0x300000, sa);                     /* CPACR_EL1.FPEN: FP not trapped */
}

static const uint32_t g_hvc[] = { 0xD28000A0 /* movz x0,#5 */, 0xD4000002 /* hvc #0 */ };
static const uint32_t g_loop[] = { 0x14000000 /* b . */ };

static void test_discovery(void)
{
    qaaf(1, qblk);
    EQ("qmc ssdf", qblk[8], 0x80);
    EQ("qmc ssaf", qblk[10], 0x80);
    EQ("qmc maxncpu", *(uint16_t *)(qblk + 14), 0);
    EQ("qmc MIDR at 0x20", *(uint64_t *)(qblk + 0x20), 0x000F0000);
    EQ("qmc IRPTC", *(uint64_t *)(qblk + 0x10 + 8 * 0x4A), 0x8000000000000000ull);
    EQ("qmc ICH_VTR", *(uint64_t *)(qblk + 0x10 + 8 * 0x4C), 0x90100003);
    EQ("qmc CNTFRQ", *(uint64_t *)(qblk + 0x10 + 8 * 0x42), 0x3B9ACA00);
    qaaf(2, qblk);
    EQ("template sas", *(uint16_t *)(qblk + 6), 1);
    EQ("template HCR_EL2", easr(40, 8, qblk), 0x0000000480000000ull);
    EQ("template SCTLR_EL1", easr(11, 8, qblk), 0x00C50078);
    EQ("template VMPIDR_EL2", easr(52, 8, qblk), 0x80000000);
    /* PTFF: QAF bits 0x10/0x11, QAGTO/QAGPT */
    uint64_t blk[4] = { 0, 0, 0, 0 };
    EQ("ptff qaf cc", ptff(0, blk), 0);
    EQ("ptff qaf bits 0x10/0x11", (blk[0] >> 40) & 0xC0, 0xC0);
    uint64_t p[2] = { 0, 0 };
    EQ("qagto cc", ptff(0x10, p), 0);
    uint64_t gpto = p[1];
    p[0] = gpto;
    EQ("qagpt cc", ptff(0x11, p), 0);
    check(p[1] < 1000000, "qagpt(qagto(0)) small", p[1], 0);
    /* exceptions: fc 3 is a specification exception; problem state a privileged-operation one */
    pgm_count = 0;
    qaaf(3, qblk);
    EQ("qaaf fc 3", last_pic, 6);
    EQ("qaaf fc 3 count", pgm_count, 1);
    static uint64_t psw[2] __attribute__((aligned(8)));
    psw[0] = 0x0001000180000000ull;                /* problem state, 64-bit */
    lasrm_problem_state(sa, psw);
    EQ("lasrm in problem state", last_pic, 2);
    lasrm((uint8_t *)sa + 8);
    EQ("lasrm misaligned", last_pic, 6);
    EQ("pgm count", pgm_count, 3);
}

static void test_asr_roundtrip(void)
{
    fresh_vcpu();
    unsigned bad = 0;
    for (unsigned m4 = 0; m4 <= 8; m4 += 8) {
        if (!m4)
            lasrm(sa);
        for (unsigned i = 0; i < NIDS; i++) {
            uint64_t v = 0x0123456789ABCDEFull ^ (0x1111111111111111ull * (i + 1 + m4));
            sasr(i, m4, v, sa);
            uint64_t want = (ids[i] == 0xDF11 || ids[i] == 0xDF19) ? (uint32_t)v : v;
            if (easr(i, m4, sa) != want)
                bad++;
        }
        /* OSLAR sets OSLSR.OSLK */
        sasr(ID_OSLSR, m4, 0x8, sa);
        sasr(ID_OSLAR, m4, 1, sa);
        EQ("oslsr after oslar", easr(ID_OSLSR, m4, sa), 0xA);
        if (!m4)
            stiasrm(sa);
    }
    EQ("asr round trips failing", bad, 0);
}

static void test_hvc_and_trap(void)
{
    fresh_vcpu();
    guest(GCODE, g_hvc, 2);
    lasrm(sa);
    sae_run((uint64_t)sd);
    EQ("hvc icptr", ICPTR, 3);
    EQ("hvc EC", ESR >> 26, 0x16);
    EQ("hvc pc", PC, GCODE + 8);
    EQ("hvc x0", GPR(0), 5);
    /* MRS ID_AA64PFR0_EL1 under TID3 */
    static const uint32_t g_mrs[] = { 0xD5380400, 0xD4000002 };
    guest(GCODE, g_mrs, 2);
    PC = GCODE;
    sasr(40, 0, HCR_BASE | (1ull << 18), sa);
    sae_run((uint64_t)sd);
    EQ("tid3 icptr", ICPTR, 3);
    EQ("tid3 EC", ESR >> 26, 0x18);
    EQ("tid3 ISS", ESR & 0x1FFFFFF, 0x300009);
    EQ("tid3 pc", PC, GCODE);
    stiasrm(sa);
}

static void test_memory(void)
{
    /* limit: ldr x1,[x2] above LIPA */
    fresh_vcpu();
    static const uint32_t g_ldr[] = { 0xF9400041, 0xD4000002 };
    guest(GCODE, g_ldr, 2);
    GPR(2) = 0x200000;
    lasrm(sa);
    sae_run((uint64_t)sd);
    EQ("limit icptr", ICPTR, 6);
    EQ("limit pic", SD16(0x40E), 0);
    EQ("limit teid", SD64(0x410) & ~0xFFFull, 0x200000);
    EQ("limit far", SD64(0x418), 0x200000);
    EQ("limit EC", ESR >> 26, 0x24);
    EQ("limit pc", PC, GCODE);
    /* stage-2 miss on RAM through a segment table, then the host maps the segment and re-enters */
    for (unsigned i = 0; i < 512; i++)
        segtab[i] = 0x20;                                    /* invalid */
    SD64(0x218) = (uint64_t)segtab;                          /* segment-table ASCE, TL 0 */
    GPR(2) = 0x8000;
    sae_run((uint64_t)sd);
    EQ("s2 fetch icptr", ICPTR, 2);
    EQ("s2 fetch pic", SD16(0x40E), 0x10);
    EQ("s2 fetch EC", ESR >> 26, 0x20);
    EQ("s2 fetch teid", SD64(0x410), GCODE | (2u << 10));
    EQ("s2 fetch vaddr", SD64(0x420), GUEST_ABS + GCODE);
    for (unsigned i = 0; i < 256; i++)
        pagetab[i] = GUEST_ABS + 4096ull * i;
    pagetab[8] = 0x400;                                      /* IPA 0x8000 page invalid */
    segtab[GUEST_ABS >> 20] = (uint64_t)pagetab;
    sae_run((uint64_t)sd);
    EQ("s2 data icptr", ICPTR, 2);
    EQ("s2 data pic", SD16(0x40E), 0x11);
    EQ("s2 data EC", ESR >> 26, 0x24);
    EQ("s2 data ISV", (ESR >> 24) & 1, 1);
    EQ("s2 data far", SD64(0x418), 0x8000);
    EQ("s2 data pc", PC, GCODE);
    pagetab[8] = GUEST_ABS + 0x8000;
    *(volatile uint64_t *)(GUEST_ABS + 0x8000) = __builtin_bswap64(0x1122334455667788ull);
    sae_run((uint64_t)sd);
    EQ("s2 mapped icptr", ICPTR, 3);
    EQ("s2 mapped x1", GPR(1), 0x1122334455667788ull);

    /* An MMIO hole: a store to an unmapped IPA; the host emulates it from the syndrome (ISV, SRT,
     * WnR, SAS) and the IPA (TEID | FAR[11:0]), then skips the instruction, as Linux does. */
    static const uint32_t g_str[] = { 0xB9000C41 /* str w1,[x2,#12] */, 0xD4000002 };
    guest(GCODE, g_str, 2);
    PC = GCODE;
    GPR(1) = 0xCAFEF00D;
    GPR(2) = 0x9000;
    pagetab[9] = 0x400;
    sae_run((uint64_t)sd);
    EQ("mmio icptr", ICPTR, 2);
    uint64_t esr = ESR;
    EQ("mmio ISV", (esr >> 24) & 1, 1);
    EQ("mmio WnR", (esr >> 6) & 1, 1);
    EQ("mmio SAS word", (esr >> 22) & 3, 2);
    unsigned srt = (esr >> 16) & 31;
    EQ("mmio SRT", srt, 1);
    EQ("mmio ipa", (SD64(0x410) & ~0xFFFull) | (SD64(0x418) & 0xFFF), 0x900C);
    EQ("mmio FSI write", (SD64(0x410) >> 10) & 3, 1);
    EQ("mmio value", (uint32_t)GPR(srt), 0xCAFEF00D);
    PC += 4;
    sae_run((uint64_t)sd);
    EQ("mmio resumed", ICPTR, 3);
    EQ("mmio resumed pc", PC, GCODE + 8);

    /* A stage-2 miss during the guest's stage-1 walk: MMU on, TTBR0 in an unmapped page. */
    PC = GCODE;
    pagetab[0x10] = 0x400;                                   /* IPA 0x10000 */
    sasr(11, 0, 0x00C50079, sa);                             /* SCTLR_EL1.M */
    sasr(15, 0, 25 | (1u << 23), sa);                        /* TCR_EL1: T0SZ 25, EPD1 */
    sasr(17, 0, 0x10000, sa);                                /* TTBR0_EL1 */
    sae_run((uint64_t)sd);
    EQ("s1ptw icptr", ICPTR, 2);
    EQ("s1ptw pic", SD16(0x40E), 0x11);
    EQ("s1ptw EC", ESR >> 26, 0x20);
    EQ("s1ptw bit", (ESR >> 7) & 1, 1);
    EQ("s1ptw gltl", SD8(0x430), 1);
    EQ("s1ptw far", SD64(0x418), GCODE);
    EQ("s1ptw teid", SD64(0x410), 0x10000 | (2u << 10));
    sasr(11, 0, 0x00C50078, sa);
    stiasrm(sa);
}

static void test_validity(void)
{
    static const struct { unsigned off, size; uint64_t bad; uint16_t vir; } v[] = {
        { 0x200, 1, 1, 0x01 },                       /* sdf */
        { 0x088, 8, 0x1000, 0x07 },                  /* scad */
        { 0x240, 8, 0x800, 0x09 },                   /* save_area misaligned / other SA */
        { 0x118, 1, 1, 0x0A },                       /* irq_ctl */
        { 0x210, 8, 0, 0x03 },                       /* msl 0 */
        { 0x208, 8, GUEST_ABS + 0x1000, 0x08 },      /* mso alignment */
        { 0x210, 8, 1ull << 49, 0x04 },              /* LIPA >= 2^48 */
        { 0x288, 8, 0x10, 0x05 },                    /* AArch32 pstate */
    };
    fresh_vcpu();
    guest(GCODE, g_hvc, 2);
    lasrm(sa);
    for (unsigned i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        uint64_t save = v[i].size == 1 ? SD8(v[i].off) : SD64(v[i].off);
        if (v[i].size == 1)
            SD8(v[i].off) = (uint8_t)v[i].bad;
        else
            SD64(v[i].off) = v[i].bad;
        sae_run((uint64_t)sd);
        EQ("validity icptr", ICPTR, 1);
        EQ("validity vir", SD16(0x400), v[i].vir);
        if (v[i].size == 1)
            SD8(v[i].off) = (uint8_t)save;
        else
            SD64(v[i].off) = save;
    }
    /* MSO_BOUNDS: mso + LIPA overflows */
    SD64(0x208) = 0xFFFFFFFFFFF00000ull;
    SD64(0x210) = 0x200000;
    sae_run((uint64_t)sd);
    EQ("validity mso bounds", SD16(0x400), 0x02);
    SD64(0x208) = GUEST_ABS;
    SD64(0x210) = 0x100000;
    /* HOST_CONTROL: TGE */
    sasr(40, 0, HCR_BASE | (1ull << 27), sa);
    sae_run((uint64_t)sd);
    EQ("validity host control", SD16(0x400), 0x06);
    sasr(40, 0, HCR_BASE, sa);
    /* ordering: sdf and msl both bad -> UNSUPP_FORMAT */
    SD8(0x200) = 1;
    SD64(0x210) = 0;
    sae_run((uint64_t)sd);
    EQ("validity order", SD16(0x400), 0x01);
    SD8(0x200) = 0;
    SD64(0x210) = 0x100000;
    /* HLC without a loaded context */
    stiasrm(sa);
    sae_run((uint64_t)sd);
    EQ("validity hlc unloaded", SD16(0x400), 0x09);
    /* still usable afterwards */
    lasrm(sa);
    sae_run((uint64_t)sd);
    EQ("after validity icptr", ICPTR, 3);
    stiasrm(sa);
}

static void test_wait_timer_gic(void)
{
    fresh_vcpu();
    static const uint32_t g_wfi[] = { 0xD503207F, 0x14000000 };
    guest(GCODE, g_wfi, 2);
    lasrm(sa);
    sae_run((uint64_t)sd);
    EQ("wfi icptr", ICPTR, 0);
    EQ("wfi wip", SD32(0x1F8), 1);
    EQ("wfi pc", PC, GCODE + 4);
    /* virtual timer: ENABLE, CVAL 0 -> intercepts at once */
    SD32(0x114) = 1;
    sae_run((uint64_t)sd);
    EQ("timer icptr", ICPTR, 4);
    EQ("timer tir", SD8(0x400), 0x40);
    EQ("timer istatus", SD32(0x114), 5);
    SD32(0x114) = 0;
    /* virtual IRQ through LR0, taken at VBAR_EL1 + 0x280, acknowledged via ICV_IAR1_EL1 */
    static const uint32_t g_vec[] = { 0xD538CC00 /* mrs x0, icc_iar1_el1 */, 0xD4000002 };
    guest(GCODE, g_loop, 1);
    guest(0x2000 + 0x280, g_vec, 2);
    PC = GCODE;
    sasr(40, 0, HCR_BASE | (1ull << 4) | (1ull << 3), sa);   /* IMO, FMO */
    sasr(13, 0, 0x2000, sa);                                 /* VBAR_EL1 */
    SD64(0x288) = 0x345;
    SD64(0x120) = 1;                                         /* ICH_HCR_EL2.En */
    SD64(0x128) = (0xF8ull << 24) | 2;                       /* VPMR, VENG1 */
    SD64(0x150) = (1ull << 62) | (1ull << 60) | (0x80ull << 48) | 40;
    sae_run((uint64_t)sd);
    EQ("virq icptr", ICPTR, 3);
    EQ("virq pc", PC, 0x2000 + 0x280 + 8);
    EQ("virq intid", GPR(0), 40);
    EQ("virq lr active", SD64(0x150) >> 62, 2);
    EQ("virq elr", easr(38, 0, sa), GCODE);
    /* maintenance: underflow */
    SD64(0x120) = 3;
    sae_run((uint64_t)sd);
    EQ("maintenance icptr", ICPTR, 0x0A);
    EQ("maintenance misr", SD64(0x400), 2);
    SD64(0x120) = 0;
    stiasrm(sa);
}

static void test_host_interrupt(void)
{
    fresh_vcpu();
    guest(GCODE, g_loop, 1);
    lasrm(sa);
    set_cr0(get_cr0() | (1ull << 11));                       /* clock-comparator subclass */
    ext_count = 0;
    set_ckc(tod_now() + 4096 * 20);                          /* 20 us */
    ext_enable();
    sae_run((uint64_t)sd);
    ext_disable();
    EQ("ckc icptr", ICPTR, 0);
    EQ("ckc wip", SD32(0x1F8), 0);
    EQ("ckc taken after SAE", ext_count, 1);
    EQ("ckc code", last_ext, 0x1004);
    EQ("ckc pc in loop", PC, GCODE);
    stiasrm(sa);
}

/* A long register/flag/sysreg computation; the same result with and without host interruptions. */
static const uint32_t g_mix[] = {
    0x9B020C00, 0xCAC01C84, 0x8B0400A5, 0xD518D080, 0xF1000421, 0x54FFFF61, 0xD4000002,
};
static unsigned run_mix(uint64_t period, uint64_t out[4])
{
    fresh_vcpu();
    guest(GCODE, g_mix, 7);
    GPR(0) = 1;
    GPR(1) = 20000;
    GPR(2) = 6364136223846793005ull;
    GPR(3) = 1442695040888963407ull;
    lasrm(sa);
    unsigned exits = 0;
    if (period) {
        set_cr0(get_cr0() | (1ull << 11));
        ext_enable();
    }
    for (;;) {
        if (period)
            set_ckc(tod_now() + period);
        sae_run((uint64_t)sd);
        if (ICPTR != 0)
            break;
        exits++;
        if (exits % 3 == 0) {
            stiasrm(sa);
            lasrm(sa);
        }
        if (exits > 100000)
            break;
    }
    ext_disable();
    EQ("mix ends with hvc", ICPTR, 3);
    out[0] = GPR(0);
    out[1] = GPR(4);
    out[2] = GPR(5);
    out[3] = easr(21, 0, sa);
    stiasrm(sa);
    return exits;
}

static void test_state_survives(void)
{
    uint64_t a[4], b[4];
    EQ("mix exits without interruptions", run_mix(0, a), 0);
    unsigned n = run_mix(4096 * 3, b);
    check(n > 10, "mix interrupted often", n, 10);
    for (int i = 0; i < 4; i++)
        EQ("mix result", b[i], a[i]);
    EQ("mix tpidr = x0", a[3], a[0]);
}

int main(void)
{
    /* Without the facility QAAF is an operation exception: report that honestly (SKIP). */
    pgm_count = 0;
    qaaf(1, qblk);
    if (pgm_count && last_pic == 1) {
        puts_("SAE facility is not implemented in this build\n");
        return 1;
    }
    test_discovery();
    test_asr_roundtrip();
    test_hvc_and_trap();
    test_memory();
    test_validity();
    test_wait_timer_gic();
    test_host_interrupt();
    test_state_survives();
    if (failures) {
        puts_("FAIL: ");
        puthex(failures);
        puts_(" failures\n");
        return 1;
    }
    puts_("PASS\n");
    return 0;
}
