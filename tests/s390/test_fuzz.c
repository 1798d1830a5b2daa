/* Robustness test of the z/Architecture CPU: guest behaviour must never crash, hang or corrupt the
 * emulator, and unassigned opcodes raise the operation exception (PoP ch. 6 "Operation Exception").
 *
 * From a fixed seed, single instructions with random bytes (all 256 first bytes, random extended
 * opcodes and operands) are stepped with random GPRs in the supervisor and problem states, in the
 * 64-, 31- and 24-bit addressing modes, with DAT off, DAT on through a tiny identity table set, and
 * DAT on with a garbage CR1. Every new PSW in lowcore is a disabled wait, so an interruption ends the
 * step with the PSW equal to that new PSW. After each step the PSW must be the next instruction, the
 * instruction itself (an interruptible instruction that completed a unit, PoP ch. 5 "Interruptible
 * Instructions"), a branch target (instructions flagged as branches / PSW changers), or a new PSW
 * whose old PSW and interruption code are architected. A second pass runs every row of the decode
 * tables with random operands so that no assigned opcode is missed. A step must take < 100 ms of
 * host CPU time (a watchdog catches real hangs and prints the instruction). A third pass runs short
 * budgets (s390_run, 8 instructions) through the interruption points, with chained new PSWs.
 *
 * Also: LOAD REAL ADDRESS (PoP ch. 10 "LOAD REAL ADDRESS") condition codes and R1 contents. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "core/endian.h"
#include "mmu/s390_dat.h"
#include "s390/cpu.h"
#include "s390/decode.h"

#define RAM_SIZE   (1u << 20)
#define SEG_TABLE  0x8000u          /* segment table, TL = 0: 512 entries (4 KiB) */
#define PAGE_TABLE 0xA000u          /* one page table: 256 entries map segment 0 (1 MiB) */
#define CODE_LO    0x10000u
#define CODE_HI    0xE0000u         /* pages 0xF0-0xFF are invalid in the DAT table set */
#define NEW_MASK   (PSW_MASK_WAIT | PSW_MASK_EA | PSW_MASK_BA)
#define NEW_ADDR(i) (0x0DEAD000ULL + (uint64_t)(i) * 0x100)
#define SENTINEL   0xEEEEEEEEEEEEEEEEULL

#if defined(__SANITIZE_ADDRESS__)
#define STEP_LIMIT_NS 1000000000LL  /* sanitizer builds are several times slower */
#else
#define STEP_LIMIT_NS 100000000LL   /* 100 ms */
#endif

static struct ram ram;
static struct vclock clk;
static struct s390_cpu cpu;
static struct s390_env env;
static uint64_t rng_state;

/* Fixed seeds keep the test deterministic; S390_FUZZ_SEED=<n> explores others (the seed is mixed
 * into every test's own seed and printed). */
static uint64_t seed(uint64_t base)
{
    const char *e = getenv("S390_FUZZ_SEED");
    uint64_t v = base ^ (e ? strtoull(e, NULL, 0) * 0x9E3779B97F4A7C15ULL : 0);
    if (e)
        printf("seed 0x%llx\n", (unsigned long long)v);
    return v ? v : 1;
}

static uint64_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static const uint64_t edges[] = {
    0, 1, 2, 3, 4, 7, 8, 0xff, 0x100, 0xfff, 0x1000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
    0x100000000ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL, ~0ULL, ~1ULL, RAM_SIZE - 1,
    RAM_SIZE, RAM_SIZE - 8, 0xfffff0, 0xffffff, 0x1000000, 0x7ffffff0, 0xfffffffffffff000ULL,
};

static uint64_t rnd_gpr(void)
{
    switch (rnd() % 8) {
    case 0: case 1: return rnd() % 0x200;
    case 2: case 3: return CODE_LO + rnd() % (RAM_SIZE - CODE_LO);
    case 4: return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
    case 5: return rnd() & 0xffffffffULL;
    case 6: return rnd() % 0x10000;
    default: return rnd();
    }
}

/* ---- host-side watchdog: a step that never returns is reported with its bytes ---- */
static volatile sig_atomic_t progress, last_progress;
static uint8_t cur_code[6];

static void watchdog(int sig)
{
    (void)sig;
    if (progress != last_progress) {
        last_progress = progress;
        return;
    }
    char msg[80];
    int n = snprintf(msg, sizeof(msg), "HANG: instruction %02x%02x%02x%02x%02x%02x never returned\n",
                     cur_code[0], cur_code[1], cur_code[2], cur_code[3], cur_code[4], cur_code[5]);
    if (write(2, msg, (size_t)n) < 0) { /* nothing more to do */ }
    _exit(3);
}

static void watchdog_start(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = watchdog;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = { { 5, 0 }, { 5, 0 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

static void watchdog_stop(void)
{
    struct itimerval it = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

/* Host CPU time of this thread: a hang burns it, being descheduled on a loaded machine does not. */
static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ---- machine setup ---- */
static uint8_t seg_image[4096], pt_image[2048];

static void build_tables(void)
{
    /* Segment 0 -> page table (PoP "Segment-Table Entries": bits 0-52 page-table origin, TT = 00);
     * segments 1-511 invalid (bit 58). Pages 0x00-0xEF map identically, 0xF0-0xFF are invalid,
     * page 0xE0 is DAT-protected (PTE bit 54). */
    st_be64(seg_image, PAGE_TABLE);
    for (unsigned i = 1; i < 512; i++)
        st_be64(seg_image + 8 * i, 0x20);
    for (unsigned p = 0; p < 256; p++) {
        uint64_t pte = (uint64_t)p << 12;
        if (p >= 0xF0)
            pte |= 0x400;
        if (p == 0xE0)
            pte |= 0x200;
        st_be64(pt_image + 8 * p, pte);
    }
}

static void machine_init(void)
{
    char err[128];
    if (ram.host) {
        s390_cpu_destroy(&cpu);
        vclock_destroy(&clk);
        ram_destroy(&ram);
    }
    ck_assert_int_eq(ram_init(&ram, RAM_SIZE, err, sizeof(err)), 0);
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    memset(&env, 0, sizeof(env));
    s390_cpu_init(&cpu, &ram, &clk, &env);
    build_tables();
}

static void write_lowcore(void)
{
    for (unsigned i = 0; i < 6; i++) {
        ram_st_be(&ram, LC_RESTART_NEW + 16 * i, 8, NEW_MASK);
        ram_st_be(&ram, LC_RESTART_NEW + 16 * i + 8, 8, NEW_ADDR(i));
        ram_st_be(&ram, LC_RESTART_OLD + 16 * i, 8, SENTINEL);
        ram_st_be(&ram, LC_RESTART_OLD + 16 * i + 8, 8, SENTINEL);
    }
    ram_st_be(&ram, LC_PGM_ILC, 4, 0);
}

static bool lowcore_intact(void)
{
    for (unsigned i = 0; i < 6; i++) {
        uint64_t m, a;
        ram_ld_be(&ram, LC_RESTART_NEW + 16 * i, 8, &m);
        ram_ld_be(&ram, LC_RESTART_NEW + 16 * i + 8, 8, &a);
        if (m != NEW_MASK || a != NEW_ADDR(i))
            return false;
    }
    return true;
}

static uint64_t lc(unsigned off, unsigned size)
{
    uint64_t v = 0;
    ram_ld_be(&ram, off, size, &v);
    return v;
}

/* Program-interruption codes the PoP defines (ch. 6 "Program-Interruption Conditions"), without
 * the PER (0x80) and transaction (0x200) indications. */
static bool pic_defined(unsigned code)
{
    code &= ~0x280u;
    if (code >= 0x01 && code <= 0x13)
        return true;
    switch (code) {
    case 0x15: case 0x16: case 0x17: case 0x18: case 0x19: case 0x1B: case 0x1C: case 0x1D:
    case 0x1F: case 0x38: case 0x39: case 0x3A: case 0x3B: case 0x40: case 0x119:
        return true;
    default:
        return (code >= 0x20 && code <= 0x34);
    }
}

enum dat_mode { DAT_OFF, DAT_TABLES, DAT_GARBAGE };

struct stats {
    uint64_t steps, sequential, repeated, branched, interrupted[6], pgm[0x200], op_exc, lowcore_hit,
        unassigned;
    int64_t max_ns;
    uint8_t max_code[6];
};
static struct stats st;

/* Instructions the PoP makes interruptible (ch. 5 "Interruptible Instructions"; CC 3 "CPU-determined
 * amount" for the extended ones): the PSW may point back at them after a unit of operation. */
static bool interruptible(const struct s390_insn *row)
{
    static const char *const names[] = { "mvcl", "clcl", "mvcle", "clcle", "clst", "srst", "mvst",
                                         "cksm", NULL };
    for (unsigned i = 0; names[i]; i++)
        if (strcmp(row->mnemonic, names[i]) == 0)
            return true;
    return false;
}

/* One random machine state, instruction code[] at a random address, one step, and the checks. */
static void fuzz_one(const uint8_t *code)
{
    unsigned ilen = s390_ilen(code[0]);
    uint64_t ia = (CODE_LO + rnd() % (CODE_HI - CODE_LO)) & ~1ULL;
    unsigned amode = (unsigned)(rnd() % 4);  /* 0, 1: 64-bit; 2: 31-bit; 3: 24-bit */
    bool problem = rnd() % 3 == 0;
    unsigned dm = (unsigned)(rnd() % 10);
    enum dat_mode dat = dm < 6 ? DAT_OFF : dm < 9 ? DAT_TABLES : DAT_GARBAGE;

    s390_cpu_reset(&cpu, true);
    cpu.stopped = false;
    write_lowcore();
    ram_write(&ram, ia, code, 6);
    memset(cpu.skeys, 0, (RAM_SIZE >> 12) + 1);
    for (unsigned r = 0; r < 16; r++) {
        cpu.gr[r] = rnd_gpr();
        cpu.ar[r] = rnd() % 4 == 0 ? (uint32_t)rnd() : 0;
    }
    for (unsigned r = 0; r < 32; r++) {
        cpu.vr[r].d[0] = rnd_gpr();
        cpu.vr[r].d[1] = rnd_gpr();
    }
    cpu.fpc = rnd() % 8 == 0 ? (uint32_t)rnd() & 0xF8F8FF77u : 0;
    if (rnd() % 8)
        cpu.cr[0] |= CR0_AFP | CR0_VX;
    if (rnd() % 8 == 0)
        cpu.cr[0] |= CR0_LAP;
    uint64_t mask = (uint64_t)(rnd() % 4) << 44 | (uint64_t)(rnd() % 16) << 40;
    if (amode < 2)
        mask |= PSW_MASK_EA | PSW_MASK_BA;
    else if (amode == 2)
        mask |= PSW_MASK_BA;
    if (problem)
        mask |= PSW_MASK_PSTATE;
    if (rnd() % 8 == 0)
        mask |= (rnd() % 16) << 52;   /* a nonzero PSW key: key-controlled protection */
    if (dat != DAT_OFF) {
        mask |= PSW_MASK_DAT;
        if (rnd() % 4 == 0)
            mask |= (uint64_t)(rnd() % 4) << 46;
        uint64_t asce = SEG_TABLE;  /* DT = 00 segment table, TL = 0 */
        if (dat == DAT_GARBAGE)
            asce = rnd();
        else {
            ram_write(&ram, SEG_TABLE, seg_image, sizeof(seg_image));
            ram_write(&ram, PAGE_TABLE, pt_image, sizeof(pt_image));
        }
        cpu.cr[1] = cpu.cr[7] = cpu.cr[13] = asce;
    }
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, mask, ia);

    struct s390_args args;
    const struct s390_insn *row = s390_decode(code, &args);
    memcpy(cur_code, code, 6);

    int64_t t0 = now_ns();
    enum s390_stop stop = s390_step(&cpu);
    int64_t dt = now_ns() - t0;
    progress++;
    st.steps++;
    if (dt > st.max_ns) {
        st.max_ns = dt;
        memcpy(st.max_code, code, 6);
    }
    ck_assert_msg(dt < STEP_LIMIT_NS, "step of %02x%02x%02x%02x%02x%02x took %lld ns", code[0], code[1],
                  code[2], code[3], code[4], code[5], (long long)dt);
    ck_assert_msg(stop >= S390_RUNNING && stop <= S390_STOP_BREAK, "bad stop %d", (int)stop);

    uint64_t amask = amode < 2 ? ~0ULL : amode == 2 ? 0x7fffffffULL : 0xffffffULL;
    uint64_t next = (ia + ilen) & amask;
    if (!row)
        st.unassigned++;

    if (cpu.prefix != 0 || !lowcore_intact()) {
        /* The instruction moved the prefix area or stored over the new PSWs: an interruption
         * would have used guest-chosen new PSWs, so only "it returned" can be checked. */
        st.lowcore_hit++;
        return;
    }
    for (unsigned i = 0; i < 6; i++) {
        if (cpu.psw.mask != NEW_MASK || cpu.psw.addr != NEW_ADDR(i))
            continue;
        uint64_t old_mask = lc(LC_RESTART_OLD + 16 * i, 8), old_addr = lc(LC_RESTART_OLD + 16 * i + 8, 8);
        if (old_mask == SENTINEL && old_addr == SENTINEL && row && (row->flags & IF_ENDS_BLOCK)) {
            st.branched++;   /* LPSW(E) of one of the new PSWs themselves */
            return;
        }
        ck_assert_msg(old_mask != SENTINEL || old_addr != SENTINEL,
                      "%02x%02x%02x%02x%02x%02x: new PSW %u loaded without an old PSW", code[0],
                      code[1], code[2], code[3], code[4], code[5], i);
        st.interrupted[i]++;
        if (i == 3) {
            unsigned pic = (unsigned)lc(LC_PGM_CODE, 2), ilc = (unsigned)lc(LC_PGM_ILC, 2);
            ck_assert_msg(pic_defined(pic), "%02x%02x%02x%02x%02x%02x: undefined interruption code 0x%04x",
                          code[0], code[1], code[2], code[3], code[4], code[5], pic);
            ck_assert_msg(ilc == 0 || ilc == 2 || ilc == 4 || ilc == 6, "ILC %u", ilc);
            st.pgm[pic & 0x1ff]++;
            if ((pic & 0x7f) == PGM_OPERATION)
                st.op_exc++;
            if (ilc != 0 && old_addr != ia)
                ck_assert_msg(old_addr == ((ia + ilc) & amask) || row == NULL ||
                              (row->flags & (IF_BRANCH | IF_ENDS_BLOCK)),
                              "%02x%02x%02x%02x%02x%02x at 0x%llx: old PSW 0x%llx, ILC %u", code[0],
                              code[1], code[2], code[3], code[4], code[5], (unsigned long long)ia,
                              (unsigned long long)old_addr, ilc);
            if (!row && dat != DAT_GARBAGE) {
                /* Unassigned opcode: operation exception, suppressed, ILC = its length. */
                ck_assert_msg(pic == PGM_OPERATION,
                              "unassigned %02x%02x%02x%02x%02x%02x gave code 0x%04x", code[0], code[1],
                              code[2], code[3], code[4], code[5], pic);
                ck_assert_uint_eq(ilc, ilen);
                ck_assert_uint_eq(old_addr, next);
            }
        }
        return;
    }
    bool ex = code[0] == 0x44 || (code[0] == 0xC6 && (code[1] & 0xF) == 0);
    ck_assert_msg(row != NULL, "unassigned %02x%02x%02x%02x%02x%02x completed without an interruption",
                  code[0], code[1], code[2], code[3], code[4], code[5]);
    if (cpu.psw.addr == next)
        st.sequential++;
    else if (cpu.psw.addr == ia && (interruptible(row) || ex || (row->flags & (IF_BRANCH | IF_ENDS_BLOCK))))
        st.repeated++;   /* interruptible instruction: a unit of operation done, PSW at it again */
    else {
        ck_assert_msg(ex || (row->flags & (IF_BRANCH | IF_ENDS_BLOCK)),
                      "%s (%02x%02x%02x%02x%02x%02x) at 0x%llx left the PSW at 0x%llx", row->mnemonic,
                      code[0], code[1], code[2], code[3], code[4], code[5], (unsigned long long)ia,
                      (unsigned long long)cpu.psw.addr);
        st.branched++;
    }
}

static void random_code(uint8_t *code)
{
    uint64_t v = rnd();
    for (unsigned i = 0; i < 6; i++)
        code[i] = (uint8_t)(v >> (8 * i));
}

static void print_stats(const char *what)
{
    static const char *const cls[6] = { "restart", "external", "svc", "program", "machine-check", "i/o" };
    printf("%s: %llu instructions (%llu unassigned encodings), %llu sequential, %llu repeated "
           "(interruptible), %llu branched, %llu lowcore/prefix changed by the instruction\n", what,
           (unsigned long long)st.steps, (unsigned long long)st.unassigned,
           (unsigned long long)st.sequential, (unsigned long long)st.repeated,
           (unsigned long long)st.branched, (unsigned long long)st.lowcore_hit);
    for (unsigned i = 0; i < 6; i++)
        if (st.interrupted[i])
            printf("  %s interruptions: %llu\n", cls[i], (unsigned long long)st.interrupted[i]);
    printf("  operation exceptions: %llu\n", (unsigned long long)st.op_exc);
    for (unsigned c = 0; c < 0x200; c++)
        if (st.pgm[c])
            printf("  program code 0x%04x: %llu\n", c, (unsigned long long)st.pgm[c]);
    printf("  slowest step: %lld us (%02x%02x%02x%02x%02x%02x)\n", (long long)(st.max_ns / 1000),
           st.max_code[0], st.max_code[1], st.max_code[2], st.max_code[3], st.max_code[4],
           st.max_code[5]);
    fflush(stdout);
}

static void fill_random_storage(void)
{
    for (uint64_t a = 0; a < RAM_SIZE; a += 8)
        st_be64(ram.host + a, rnd() % 4 == 0 ? rnd_gpr() : rnd());
}

START_TEST(random_instructions)
{
    rng_state = seed(0x5AE5135EEDULL);
    machine_init();
    fill_random_storage();
    memset(&st, 0, sizeof(st));
    watchdog_start();
    uint8_t code[6];
    for (unsigned n = 0; n < 200000; n++) {
        random_code(code);
        code[0] = (uint8_t)n;   /* every first byte equally often */
        fuzz_one(code);
        if ((n & 0x3fff) == 0x3fff)
            fill_random_storage();
    }
    watchdog_stop();
    print_stats("random encodings");
    ck_assert_uint_eq(st.steps, 200000);
    ck_assert_uint_gt(st.op_exc, 1000);
    ck_assert_uint_gt(st.sequential, 10000);
    ck_assert_uint_gt(st.interrupted[3], 10000);
}
END_TEST

static const struct s390_insn *rows[8192];
static size_t nrows;
static void collect(const struct s390_insn *row, void *opaque)
{
    (void)opaque;
    if (nrows < sizeof(rows) / sizeof(rows[0]))
        rows[nrows++] = row;
}

/* Random operands around a given opcode key: try each extension position until the key matches. */
static bool encode_key(uint16_t key, uint8_t *code)
{
    random_code(code);
    code[0] = (uint8_t)(key >> 8);
    uint8_t ext = (uint8_t)key;
    uint8_t t[6];
    memcpy(t, code, 6);
    if (s390_opcode_key(t) == key) { memcpy(code, t, 6); return true; }
    memcpy(t, code, 6); t[1] = ext;
    if (s390_opcode_key(t) == key) { memcpy(code, t, 6); return true; }
    memcpy(t, code, 6); t[1] = (uint8_t)((t[1] & 0xF0) | (ext & 0x0F));
    if (s390_opcode_key(t) == key) { memcpy(code, t, 6); return true; }
    memcpy(t, code, 6); t[5] = ext;
    if (s390_opcode_key(t) == key) { memcpy(code, t, 6); return true; }
    return false;
}

START_TEST(every_row)
{
    rng_state = seed(0xC0FFEE0DDULL);
    machine_init();
    fill_random_storage();
    memset(&st, 0, sizeof(st));
    nrows = 0;
    s390_for_each_insn(collect, NULL);
    ck_assert_uint_gt(nrows, 500);
    watchdog_start();
    uint8_t code[6];
    for (unsigned pass = 0; pass < 24; pass++) {
        for (size_t i = 0; i < nrows; i++) {
            ck_assert_msg(encode_key(rows[i]->opcode, code), "cannot encode %s", rows[i]->mnemonic);
            fuzz_one(code);
        }
        fill_random_storage();
    }
    watchdog_stop();
    print_stats("every decode-table row x24");
    ck_assert_uint_eq(st.unassigned, 0);
}
END_TEST

/* Short runs (s390_run with a budget of 8) of random code: exercises the interruption points after
 * the instructions (early PSW-format exceptions after LPSW, pending service signals, SIGP, clock
 * comparator / CPU timer, enabled and disabled waits, program-interruption loops). Every run must
 * return promptly; a disabled wait at one of the lowcore new PSWs must carry an architected code. */
START_TEST(short_runs)
{
    rng_state = seed(0x0DDBA11ULL);
    machine_init();
    fill_random_storage();
    memset(&st, 0, sizeof(st));
    watchdog_start();
    uint64_t stops[S390_STOP_BREAK + 1] = { 0 };
    for (unsigned n = 0; n < 40000; n++) {
        uint64_t ia = (CODE_LO + rnd() % (CODE_HI - CODE_LO - 64)) & ~1ULL;
        uint8_t code[48];
        for (unsigned i = 0; i < sizeof(code); i += 6)
            random_code(code + i);
        code[0] = (uint8_t)n;
        memcpy(cur_code, code, 6);
        s390_cpu_reset(&cpu, true);
        cpu.stopped = false;
        write_lowcore();
        ram_write(&ram, ia, code, sizeof(code));
        /* Half of the runs chain: the new PSWs continue in random code (enabled or not), so one
         * run takes several interruptions in a row, possibly of the interruption handler itself. */
        bool chain = rnd() % 2;
        for (unsigned i = 1; chain && i < 6; i++) {
            uint64_t m = (rnd() % 2 ? PSW_MASK_EA | PSW_MASK_BA : PSW_MASK_BA) |
                         (rnd() % 2 ? PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHK : 0);
            /* An external new PSW enabled for a condition that stays pending (clock comparator
             * below the TOD) loops forever on real hardware; saesim must end such a run
             * (S390_STOP_INT_LOOP) instead of hanging. */
            ram_st_be(&ram, LC_RESTART_NEW + 16 * i, 8, m);
            ram_st_be(&ram, LC_RESTART_NEW + 16 * i + 8, 8, (CODE_LO + rnd() % (CODE_HI - CODE_LO)) & ~1ULL);
        }
        for (unsigned r = 0; r < 16; r++)
            cpu.gr[r] = rnd_gpr();
        cpu.cr[0] = rnd() % 2 ? rnd() : (0xE0 | CR0_AFP | CR0_VX);
        uint64_t mask = (uint64_t)(rnd() % 4) << 44 | (rnd() % 2 ? PSW_MASK_EA | PSW_MASK_BA : PSW_MASK_BA);
        if (rnd() % 2)
            mask |= PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHK;
        if (rnd() % 3 == 0)
            mask |= PSW_MASK_PSTATE;
        s390_tlb_flush(&cpu);
        s390_load_psw(&cpu, mask, ia);
        int64_t t0 = now_ns();
        enum s390_stop stop = s390_run(&cpu, 8);
        int64_t dt = now_ns() - t0;
        progress++;
        ck_assert_msg(dt < STEP_LIMIT_NS, "run from %02x%02x%02x%02x%02x%02x took %lld ns", code[0],
                      code[1], code[2], code[3], code[4], code[5], (long long)dt);
        ck_assert_msg(stop > S390_RUNNING && stop <= S390_STOP_BREAK, "bad stop %d", (int)stop);
        stops[stop]++;
        if (!chain && stop == S390_STOP_DISABLED_WAIT && cpu.prefix == 0 && lowcore_intact() &&
            cpu.psw.mask == NEW_MASK && cpu.psw.addr == NEW_ADDR(3)) {
            unsigned pic = (unsigned)lc(LC_PGM_CODE, 2);
            ck_assert_msg(pic_defined(pic), "run from %02x%02x%02x%02x%02x%02x: code 0x%04x", code[0],
                          code[1], code[2], code[3], code[4], code[5], pic);
            st.pgm[pic & 0x1ff]++;
        }
        if ((n & 0x3fff) == 0x3fff)
            fill_random_storage();
    }
    watchdog_stop();
    printf("short runs: 40000 runs of up to 8 instructions: %llu budget used, %llu disabled wait, "
           "%llu stuck (enabled wait, nothing pending), %llu stopped, %llu program-interruption loop, "
           "%llu interruption loop, %llu exit\n", (unsigned long long)stops[S390_STOP_MAX_INSNS],
           (unsigned long long)stops[S390_STOP_DISABLED_WAIT], (unsigned long long)stops[S390_STOP_STUCK],
           (unsigned long long)stops[S390_STOP_STOPPED], (unsigned long long)stops[S390_STOP_PGM_LOOP],
           (unsigned long long)stops[S390_STOP_INT_LOOP], (unsigned long long)stops[S390_STOP_EXIT]);
    fflush(stdout);
    ck_assert_uint_gt(stops[S390_STOP_DISABLED_WAIT], 10000);
    ck_assert_uint_gt(stops[S390_STOP_MAX_INSNS], 1000);
}
END_TEST

/* ---- LOAD REAL ADDRESS ---- */

/* Run `lra`-family instruction code[] at 0x1000 in the supervisor state (DAT off unless dat) with
 * CR1 = asce and R1 preset. */
static void run_lra(const uint8_t *code, unsigned n, uint64_t mask, uint64_t asce)
{
    machine_init();
    memset(ram.host, 0, RAM_SIZE);
    write_lowcore();
    ram_write(&ram, 0x1000, code, n);
    cpu.cr[1] = asce;
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, mask, 0x1000);
    s390_step(&cpu);
}

static const uint8_t lra_r1_r2[] = { 0xB1, 0x10, 0x20, 0x00 };                    /* lra %r1,0(%r2) */
static const uint8_t lrag_r1_r2[] = { 0xE3, 0x10, 0x20, 0x00, 0x00, 0x03 };       /* lrag %r1,0(%r2) */
#define M64 (PSW_MASK_EA | PSW_MASK_BA)
#define M31 (PSW_MASK_BA)

/* Table set at 0x20000: segment table (TL 0) entry 1 -> page table at 0x21000; page 5 -> frame
 * 0x33000, page 6 invalid; segment 2 invalid. */
static void lra_tables(void)
{
    ram_st_be(&ram, 0x20000 + 8 * 0, 8, 0x20);
    ram_st_be(&ram, 0x20000 + 8 * 1, 8, 0x21000);
    ram_st_be(&ram, 0x20000 + 8 * 2, 8, 0x20);
    for (unsigned p = 0; p < 256; p++)
        ram_st_be(&ram, 0x21000 + 8 * p, 8, 0x400);
    ram_st_be(&ram, 0x21000 + 8 * 5, 8, 0x33000);
}

static void lra_case(const uint8_t *code, unsigned n, uint64_t mask, uint64_t va, uint64_t r1_before)
{
    run_lra(code, n, mask, 0);
    lra_tables();
    cpu.cr[1] = 0x20000;          /* segment-table designation, TL 0 */
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, mask, 0x1000);
    cpu.gr[1] = r1_before;
    cpu.gr[2] = va;
    s390_step(&cpu);
}

START_TEST(lra_translation_available)
{
    /* CC 0: real address in R1; DAT is off in the PSW but translation takes place anyway. */
    lra_case(lrag_r1_r2, 6, M64, 0x105123, ~0ULL);
    ck_assert_uint_eq(cpu.cc, 0);
    ck_assert_uint_eq(cpu.gr[1], 0x33123);
    ck_assert_uint_eq(cpu.psw.addr, 0x1006);
    /* LRA in the 31-bit mode: bits 0-31 of R1 unchanged, bit 32 zero, bits 33-63 the address. */
    lra_case(lra_r1_r2, 4, M31, 0x105123, 0xAAAAAAAAFFFFFFFFULL);
    ck_assert_uint_eq(cpu.cc, 0);
    ck_assert_uint_eq(cpu.gr[1], 0xAAAAAAAA00033123ULL);
    /* LRA in the 64-bit mode: all 64 bits. */
    lra_case(lra_r1_r2, 4, M64, 0x105123, 0xAAAAAAAAFFFFFFFFULL);
    ck_assert_uint_eq(cpu.gr[1], 0x33123);
}
END_TEST

START_TEST(lra_invalid_entries)
{
    /* CC 1: segment-table entry invalid, R1 = real address of that entry. */
    lra_case(lrag_r1_r2, 6, M64, 0x200000, ~0ULL);
    ck_assert_uint_eq(cpu.cc, 1);
    ck_assert_uint_eq(cpu.gr[1], 0x20010);
    lra_case(lra_r1_r2, 4, M31, 0x200000, 0x1234567800000000ULL);
    ck_assert_uint_eq(cpu.cc, 1);
    ck_assert_uint_eq(cpu.gr[1], 0x1234567800020010ULL);
    /* CC 2: page-table entry invalid, R1 = real address of the page-table entry. */
    lra_case(lrag_r1_r2, 6, M64, 0x106000, ~0ULL);
    ck_assert_uint_eq(cpu.cc, 2);
    ck_assert_uint_eq(cpu.gr[1], 0x21030);
    lra_case(lra_r1_r2, 4, M31, 0x106000, 0x1234567800000000ULL);
    ck_assert_uint_eq(cpu.cc, 2);
    ck_assert_uint_eq(cpu.gr[1], 0x1234567800021030ULL);
}
END_TEST

START_TEST(lra_cc3_cases)
{
    /* ASCE-type condition (the address needs a region table; the ASCE designates a segment
     * table): CC 3, R1 bit 32 one, bits 48-63 the interruption code 0x0038, bits 0-31 unchanged. */
    lra_case(lrag_r1_r2, 6, M64, 1ULL << 40, 0x1234567800000000ULL);
    ck_assert_uint_eq(cpu.cc, 3);
    ck_assert_uint_eq(cpu.gr[1], 0x1234567880000038ULL);
    /* Segment-table length exceeded (TL 0 covers segments 0-511): segment-translation, CC 3. */
    lra_case(lrag_r1_r2, 6, M64, 600ULL << 20, 0);
    ck_assert_uint_eq(cpu.cc, 3);
    ck_assert_uint_eq(cpu.gr[1], 0x80000010ULL);
    /* Region-third table with an invalid entry: region-third translation, CC 3. */
    run_lra(lrag_r1_r2, 6, M64, 0);
    ram_st_be(&ram, 0x22000, 8, 0x24);   /* region-third entry 0: invalid, TT 01 */
    cpu.cr[1] = 0x22000 | (1 << 2) | 3;  /* DT 01 region third, TL 3 */
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, M64, 0x1000);
    cpu.gr[1] = 0;
    cpu.gr[2] = 0x1000;
    s390_step(&cpu);
    ck_assert_uint_eq(cpu.cc, 3);
    ck_assert_uint_eq(cpu.gr[1], 0x8000003BULL);
}
END_TEST

START_TEST(lra_exceptions)
{
    /* Translation-specification (a segment-table entry with the wrong table type) is a program
     * exception, not a condition code. */
    run_lra(lrag_r1_r2, 6, M64, 0);
    lra_tables();
    ram_st_be(&ram, 0x20000 + 8, 8, 0x21000 | 0x4);   /* TT 01 in a segment-table entry */
    cpu.cr[1] = 0x20000;
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, M64, 0x1000);
    cpu.gr[2] = 0x105000;
    s390_step(&cpu);
    ck_assert_uint_eq(cpu.psw.addr, NEW_ADDR(3));
    ck_assert_uint_eq(lc(LC_PGM_CODE, 2), PIC_TRANSLATION_SPEC);
    /* LRA in the 31-bit mode whose real address is above 2 GiB: special-operation exception
     * (LRAG would return it). */
    run_lra(lra_r1_r2, 4, M31, 0);
    lra_tables();
    ram_st_be(&ram, 0x21000 + 8 * 5, 8, 0x100033000ULL);
    cpu.cr[1] = 0x20000;
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, M31, 0x1000);
    cpu.gr[2] = 0x105000;
    s390_step(&cpu);
    ck_assert_uint_eq(cpu.psw.addr, NEW_ADDR(3));
    ck_assert_uint_eq(lc(LC_PGM_CODE, 2), PGM_SPECIAL_OP);
    lra_case(lrag_r1_r2, 6, M31, 0x105000, 0);
    ram_st_be(&ram, 0x21000 + 8 * 5, 8, 0x100033000ULL);
    s390_tlb_flush(&cpu);
    s390_load_psw(&cpu, M31, 0x1000);
    s390_step(&cpu);
    ck_assert_uint_eq(cpu.cc, 0);
    ck_assert_uint_eq(cpu.gr[1], 0x100033000ULL);
    /* Privileged. */
    run_lra(lra_r1_r2, 4, M64 | PSW_MASK_PSTATE, 0);
    ck_assert_uint_eq(cpu.psw.addr, NEW_ADDR(3));
    ck_assert_uint_eq(lc(LC_PGM_CODE, 2), PGM_PRIVILEGED);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("s390-fuzz");
    TCase *t = tcase_create("fuzz");
    tcase_set_timeout(t, 600);
    tcase_add_test(t, random_instructions);
    tcase_add_test(t, every_row);
    tcase_add_test(t, short_runs);
    suite_add_tcase(s, t);
    TCase *l = tcase_create("lra");
    tcase_add_test(l, lra_translation_available);
    tcase_add_test(l, lra_invalid_entries);
    tcase_add_test(l, lra_cc3_cases);
    tcase_add_test(l, lra_exceptions);
    suite_add_tcase(s, l);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
