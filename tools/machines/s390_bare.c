/* -M s390-bare: one z/Architecture CPU, -m bytes of storage, the SCLP console on stdout, and the
 * saesim DIAGNOSE codes (docs/s390.md). Loads a bare-metal s390x ELF and starts at its entry in the
 * 64-bit addressing mode, supervisor state, DAT off, interruptions disabled, prefix 0; or a raw
 * image at absolute 0 started from its IPL PSW (the 8-byte ESA/390-format PSW at address 0).
 * A disabled-wait PSW ends the run: exit 0 if its address is 0xfff, 1 otherwise (the convention of
 * QEMU's s390x system tests). */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/endian.h"
#include "core/loader.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/trace_bin.h"
#include "core/vclock.h"
#include "s390/cpu.h"
#include "s390/decode.h"
#include "sae/sae_cpu.h"
#include "saesim-config.h"
#include "tools/machines/debug_front.h"
#include "tools/machines/debug_s390_bare.h"
#include "tools/machines/machine.h"

/* saesim DIAGNOSE function codes (the second-operand address D2(B2), low 16 bits). */
#define DIAG_SAESIM_WRITE 0x5A00  /* GR R1 = address, GR R3 = length: bytes to stdout */
#define DIAG_SAESIM_EXIT  0x5A01  /* GR R1 = exit status: end the run */
#define DIAG_TIME_SLICE_END 0x0044 /* voluntary time-slice end: no-op */
#define DIAG_WRITE_MAX (16u << 20)  /* longest WRITE accepted */

struct s390_bare {
    struct ram ram;
    struct vclock clock;
    struct s390_cpu cpu;
    struct s390_env env;
    struct vevent timeout;
    bool timed_out;
    const struct saesim_config *cfg;
    struct elf_image img;        /* the -kernel ELF (its symbols, for the debuggers) */
    bool have_img;
    bool ended;                  /* under a debugger: the run has ended with exit status rc */
    int rc;
};

static int diag(void *opaque, struct s390_cpu *cpu, unsigned r1, unsigned r3, uint32_t code)
{
    (void)opaque;
    switch (code) {
    case DIAG_SAESIM_WRITE: {
        uint64_t addr = cpu->gr[r1] & s390_amask(cpu), len = cpu->gr[r3];
        uint8_t buf[4096];
        if (len > DIAG_WRITE_MAX)
            return -1;  /* specification exception: bounded output per call */
        while (len) {
            size_t n = len > sizeof(buf) ? sizeof(buf) : (size_t)len;
            s390_ld_bytes(cpu, addr, buf, n);  /* logical address: access exceptions apply */
            fwrite(buf, 1, n, stdout);
            addr = (addr + n) & s390_amask(cpu);
            len -= n;
        }
        fflush(stdout);
        return 0;
    }
    case DIAG_SAESIM_EXIT:
        s390_stop_run(cpu, S390_STOP_EXIT, (int)(uint32_t)cpu->gr[r1]);
        return 0;
    case DIAG_TIME_SLICE_END:
        return 0;
    default:
        return -1;
    }
}

static void console_write(void *opaque, const uint8_t *buf, size_t len)
{
    (void)opaque;
    fwrite(buf, 1, len, stdout);
    fflush(stdout);
}

static int place(void *opaque, uint64_t addr, const void *data, size_t len)
{
    return ram_write(opaque, addr, data, len);
}

static void timeout_fired(void *opaque)
{
    struct s390_bare *m = opaque;
    m->timed_out = true;
    s390_stop_run(&m->cpu, S390_STOP_BREAK, 0);
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int load(struct s390_bare *m, const char *path)
{
    char err[LOADER_ERR_MAX];
    uint8_t *buf;
    size_t len;
    if (file_read_all(path, &buf, &len, err, sizeof(err)) != 0) {
        error_report("%s", err);
        return EXIT_INPUT;
    }
    if (is_elf(buf, len)) {
        struct elf_image img;
        int rc = elf_load_buffer(buf, len, path, EM_S390, &img, err, sizeof(err));
        free(buf);
        if (rc != 0) {
            error_report("%s", err);
            return EXIT_INPUT;
        }
        if (elf_place(&img, 0, place, &m->ram, err, sizeof(err)) != 0) {
            error_report("%s", err);
            elf_image_free(&img);
            return EXIT_INPUT;
        }
        /* 64-bit addressing mode, supervisor state, DAT off, interruptions disabled. */
        s390_load_psw(&m->cpu, PSW_MASK_EA | PSW_MASK_BA, img.entry);
        m->img = img;
        m->have_img = true;
        return 0;
    }
    /* Raw image at absolute 0; the IPL PSW is its first doubleword (ESA/390 format, bit 12 one). */
    if (len < 8 || ram_write(&m->ram, 0, buf, len) != 0) {
        error_report("%s: raw image %s", path, len < 8 ? "too short for an IPL PSW" : "larger than storage");
        free(buf);
        return EXIT_INPUT;
    }
    uint64_t psw = ld_be64(buf);
    free(buf);
    if (!(psw & (1ULL << 51))) {
        error_report("%s: no ELF header and no valid IPL PSW at address 0", path);
        return EXIT_INPUT;
    }
    uint64_t mask = psw & 0xFFFFFFFE00000000ULL & ~(1ULL << 51);
    if (psw & (1ULL << 32))
        mask |= PSW_MASK_EA;
    if (psw & (1ULL << 31))
        mask |= PSW_MASK_BA;
    s390_load_psw(&m->cpu, mask, psw & 0x7fffffffULL);
    return 0;
}

/* The exit status of the run that s390_run() ended with why (the message, if any, reported). */
static int stop_status(struct s390_bare *m, enum s390_stop why)
{
    struct s390_cpu *c = &m->cpu;
    int rc;
    switch (why) {
    case S390_STOP_DISABLED_WAIT:
        rc = c->psw.addr == 0xfff ? EXIT_GUEST_OK : EXIT_GUEST_FAIL;
        if (rc != EXIT_GUEST_OK)
            error_report("disabled wait PSW %016llx %016llx: guest reports failure",
                         (unsigned long long)s390_psw_mask(c), (unsigned long long)c->psw.addr);
        break;
    case S390_STOP_EXIT:
        rc = c->exit_status;
        break;
    case S390_STOP_STOPPED:
        rc = EXIT_GUEST_OK;  /* every CPU stopped: the machine powers off */
        break;
    case S390_STOP_MAX_INSNS:
        error_report("--max-insns %llu reached at PSW address 0x%016llx",
                     (unsigned long long)m->cfg->max_insns, (unsigned long long)c->psw.addr);
        rc = EXIT_EMULATOR;
        break;
    case S390_STOP_STUCK:
        error_report("guest is in an enabled wait with nothing that can wake it (PSW %016llx %016llx)",
                     (unsigned long long)s390_psw_mask(c), (unsigned long long)c->psw.addr);
        rc = EXIT_EMULATOR;
        break;
    case S390_STOP_INT_LOOP:
        error_report("interruption loop at 0x%016llx: the new PSW re-enables a condition that stays pending",
                     (unsigned long long)c->psw.addr);
        rc = EXIT_EMULATOR;
        break;
    case S390_STOP_PGM_LOOP: {
        uint8_t pc[2] = { 0, 0 };
        s390_real_read(c, LC_PGM_CODE, pc, 2);
        error_report("program-interruption loop at 0x%016llx (code 0x%04llx): no usable program-new PSW",
                     (unsigned long long)c->psw.addr,
                     (unsigned long long)ld_be16(pc));
        rc = EXIT_EMULATOR;
        break;
    }
    default:
        if (m->timed_out)
            error_report("--timeout %.3g s of virtual time expired", m->cfg->timeout_s);
        else
            error_report("run stopped");
        rc = EXIT_EMULATOR;
        break;
    }
    return rc;
}

/* Debugger run slice (debug_s390_bare.h): a used-up budget or a break that is not the timeout (a
 * watchpoint hit) leaves the machine runnable. */
static bool dbg_slice(void *opaque, uint64_t n, int *status)
{
    struct s390_bare *m = opaque;
    if (!m->ended) {
        enum s390_stop why = s390_run(&m->cpu, n);
        if (why != S390_STOP_MAX_INSNS && (why != S390_STOP_BREAK || m->timed_out)) {
            m->ended = true;
            m->rc = stop_status(m, why);
        }
    }
    *status = m->rc;
    return m->ended;
}

/* The debuggers (-S, --debug, -s/-gdb): docs/debugging.md "The bare machines". They drive the CPU
 * through dbg_slice, so the free run has no per-instruction work. */
static int run_debug(struct s390_bare *m, int *status)
{
    struct s390_bare_dbg_machine dm = { &m->cpu, m->have_img ? &m->img.symbols : NULL, dbg_slice, m };
    struct dbg_bare_cpu *d = s390_bare_dbg_new(&dm);
    if (!d)
        return EXIT_EMULATOR;   /* calloc failed: nothing to debug */
    struct dbg_front f = { &d->t, dbg_bare_ended, d };
    int rc = dbg_front_run(m->cfg, &f, status);
    free(d);
    return rc;
}

static int run(const struct saesim_config *cfg)
{
    if (!cfg->kernel) {
        error_report("-M s390-bare needs -kernel FILE (a bare-metal s390x ELF or raw IPL image)");
        return EXIT_USAGE;
    }
    struct s390_bare *m = calloc(1, sizeof(*m));
    if (!m) {
        error_report("out of memory");
        return EXIT_EMULATOR;
    }
    char err[256];
    if (ram_init(&m->ram, cfg->mem_size, err, sizeof(err)) != 0) {
        error_report("-m: %s", err);
        free(m);
        return EXIT_USAGE;
    }
    vclock_init(&m->clock, cfg->clock_mode, cfg->icount_shift);
    m->env.opaque = m;
    m->env.diag = diag;
    m->env.console_write = console_write;
    s390_cpu_init(&m->cpu, &m->ram, &m->clock, &m->env);
    m->cpu.aef_installed = cfg->sae_installed;
    s390_disas_register();
    /* The SAE facility exists on every s390 machine saesim models (issue 6): SCLP's aef bit, QAAF,
     * PTFF 0x10/0x11 and the six opcodes, all following --no-sae through aef_installed. */
    if (!sae_cpu_attach(&m->cpu, NULL)) {
        error_report("SAE facility: out of memory");
        s390_cpu_destroy(&m->cpu);
        vclock_destroy(&m->clock);
        ram_destroy(&m->ram);
        free(m);
        return EXIT_EMULATOR;
    }

    m->cfg = cfg;
    bool debugging = cfg->gdb || cfg->freeze || cfg->debug_shell;
    int rc = load(m, cfg->kernel);
    if (rc == 0 && cfg->trace_bin && !SAESIM_TRACE) {
        /* -Dtrace=false compiles the CPUs' trace hooks away: a file would hold no instruction */
        error_report("--trace-bin: this saesim was built with -Dtrace=false");
        rc = EXIT_USAGE;
    } else if (rc == 0 && cfg->trace_bin && trace_bin_open(cfg->trace_bin, 2, err, sizeof(err)) != 0) {
        error_report("--trace-bin %s", err);
        rc = EXIT_USAGE;
    } else if (rc == 0) {
        if (cfg->timeout_s > 0) {
            vevent_init(&m->timeout, "timeout", timeout_fired, m);
            vevent_arm(&m->clock, &m->timeout, (uint64_t)(cfg->timeout_s * 1e9));
        }
        double t0 = wall_now();
        if (debugging) {
            int status = 0, drc = run_debug(m, &status);
            rc = drc ? drc : status;
        } else {
            rc = stop_status(m, s390_run(&m->cpu, cfg->max_insns));
        }
        double wall = wall_now() - t0;
        struct s390_cpu *c = &m->cpu;
        if (cfg->stats && !cfg->quiet) {
            double mips = wall > 0 ? (double)c->insns / wall / 1e6 : 0;
            fprintf(stderr, "saesim: %llu instructions in %.3f s wall (%.1f MIPS), %.6f s virtual\n",
                    (unsigned long long)c->insns, wall, mips, (double)vclock_now(&m->clock) * 1e-9);
        }
        if (cfg->trace_bin && trace_bin_close() != 0) {
            error_report("--trace-bin %s: write error", cfg->trace_bin);
            if (!rc)
                rc = EXIT_EMULATOR;
        }
    }
    if (m->have_img)
        elf_image_free(&m->img);
    sae_cpu_detach(&m->cpu);
    s390_cpu_destroy(&m->cpu);
    vclock_destroy(&m->clock);
    ram_destroy(&m->ram);
    free(m);
    return rc;
}

const struct machine_def machine_s390_bare = { "s390-bare", run };
