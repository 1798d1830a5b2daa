/* -M arm64-bare: a bare-metal AArch64 ELF (or arm64 Image, or flat binary) running directly on the Arm
 * core with no s390 host, on QEMU virt's memory map (RAM at 0x4000_0000, PL011 at 0x0900_0000).
 * Entry in EL1h with DAIF masked, x0 = 0 or the DTB address. Arm semihosting through HLT #0xF000
 * ("Semihosting for AArch32 and AArch64", Arm IHI 0096), PSCI over HVC (Arm DEN 0022: VERSION,
 * FEATURES, SYSTEM_OFF, SYSTEM_RESET), --timeout (virtual time) and --max-insns. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arm64/cpu.h"
#include "core/bus.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/trace_bin.h"
#include "core/vclock.h"
#include "devices/gicv3.h"
#include "devices/gicv3_cpuif.h"
#include "devices/virt_platform.h"
#include "devices/virtqueue.h"
#include "saesim-config.h"
#include "tools/machines/boot_inputs.h"
#include "tools/machines/debug_arm64_bare.h"
#include "tools/machines/debug_front.h"
#include "tools/machines/machine.h"

#define BARE_RAM_BASE 0x40000000ULL
#define CHUNK_INSNS 20000u

/* Semihosting operations (IHI 0096 §6) */
enum {
    SH_SYS_OPEN = 0x01, SH_SYS_CLOSE = 0x02, SH_SYS_WRITEC = 0x03, SH_SYS_WRITE0 = 0x04, SH_SYS_WRITE = 0x05,
    SH_SYS_READ = 0x06, SH_SYS_READC = 0x07, SH_SYS_ISERROR = 0x08, SH_SYS_ISTTY = 0x09, SH_SYS_FLEN = 0x0C,
    SH_SYS_CLOCK = 0x10, SH_SYS_TIME = 0x11, SH_SYS_ERRNO = 0x13, SH_SYS_HEAPINFO = 0x16, SH_SYS_EXIT = 0x18,
    SH_SYS_EXIT_EXTENDED = 0x20,
};
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

/* PSCI function IDs (DEN 0022, SMC32/SMC64 conventions) */
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000Au
#define PSCI_NOT_SUPPORTED ((uint64_t)(int64_t)-1)

struct bare {
    const struct saesim_config *cfg;
    struct ram ram;
    struct bus bus;
    struct vclock clk;
    struct virt_platform vp;     /* GICv3 + CPU interface, PL011, PL031, virtio-mmio (QEMU virt map) */
    bool vp_ok;
    struct vevent timer_ev;      /* the earlier of the EL1 physical and virtual timer deadlines */
    struct arm64_cpu *cpu;
    struct arm_kernel kernel;
    uint8_t *dtb;
    size_t dtb_len;
    uint64_t entry, dtb_addr;
    uint64_t chunk_base;         /* cpu->insn_count at the start of the current chunk */
    struct vevent timeout_ev;
    bool done;
    int exit_code;
    bool reset_requested;
    int sh_errno;
};

/* ---- interrupts: GIC CPU interface -> IRQ/FIQ lines, generic timers -> PPIs 30 and 27 ---- */

static void bare_update_lines(struct bare *m)
{
    if (!m->cpu || !m->vp_ok)
        return;
    arm64_set_irq_line(m->cpu, ARM64_IRQ, gicv3_cpuif_irq_pending(&m->vp.cpuif));
    arm64_set_irq_line(m->cpu, ARM64_FIQ, gicv3_cpuif_fiq_pending(&m->vp.cpuif));
}

static void gic_changed(void *opaque)
{
    bare_update_lines(opaque);
}

static void bare_sync_timers(struct bare *m)
{
    if (!m->cpu || !m->vp_ok)
        return;
    gicv3_set_irq(m->vp.gic, VIRT_PPI_INTID(VIRT_TIMER_NS_EL1_PPI), arm64_timer_irq_level(m->cpu, 0));
    gicv3_set_irq(m->vp.gic, VIRT_PPI_INTID(VIRT_TIMER_VIRT_PPI), arm64_timer_irq_level(m->cpu, 1));
    uint64_t d0 = arm64_timer_deadline(m->cpu, 0), d1 = arm64_timer_deadline(m->cpu, 1);
    uint64_t d = d0 < d1 ? d0 : d1;
    uint64_t now = vclock_now(&m->clk);
    if (d != UINT64_MAX && d > now)
        vevent_arm(&m->clk, &m->timer_ev, d); /* CNTFRQ = 1 GHz: count = virtual ns */
    else if (vevent_armed(&m->timer_ev))
        vevent_cancel(&m->clk, &m->timer_ev);
    bare_update_lines(m);
}

static void timer_fired(void *opaque)
{
    bare_sync_timers(opaque);
}

/* ---- env hooks ---- */

static enum arm64_phys_result bare_phys(void *opaque, struct arm64_cpu *cpu, uint64_t ipa, unsigned flags,
                                        const struct arm64_access_info *info, struct arm64_phys *out)
{
    (void)cpu;
    (void)info;
    struct bare *m = opaque;
    const struct bus_region *r = bus_find(&m->bus, ipa);
    if (!r) {
        if (!(flags & ARM64_PHYS_DEBUG))
            qlog(LOG_GUEST_ERRORS, "arm64-bare: access to unmapped address 0x%016" PRIx64 "\n", ipa);
        return ARM64_PHYS_ABORT;
    }
    if (r->kind == BUS_RAM) {
        out->host = r->host + (ipa - r->base);
        return ARM64_PHYS_OK;
    }
    if (flags & ARM64_PHYS_DEBUG)
        return ARM64_PHYS_ABORT;
    out->ops = r->ops;
    out->mmio_opaque = r->opaque;
    out->mmio_offset = ipa - r->base;
    return ARM64_PHYS_OK;
}

static uint64_t bare_now(struct bare *m)
{
    uint64_t extra = m->cpu ? m->cpu->insn_count - m->chunk_base : 0;
    if (m->clk.mode == VCLOCK_ICOUNT)
        return vclock_now(&m->clk) + (extra << m->clk.shift);
    return vclock_now(&m->clk);
}

static uint64_t bare_counter(void *opaque)
{
    return bare_now(opaque); /* CNTFRQ = 1 GHz: one count per virtual nanosecond */
}

static void bare_stop(struct bare *m, int code)
{
    m->done = true;
    m->exit_code = code;
    arm64_request_stop(m->cpu, ARM64_STOP_REQUEST);
}

static bool bare_wfx(void *opaque, struct arm64_cpu *cpu, bool is_wfe)
{
    struct bare *m = opaque;
    (void)cpu;
    if (is_wfe)
        return true; /* a spurious wake-up: WFE may complete at any time */
    vclock_advance(&m->clk, m->cpu->insn_count - m->chunk_base);
    m->chunk_base = m->cpu->insn_count;
    bare_sync_timers(m);
    if (m->cpu->irq_any)
        return true;
    uint64_t next = vclock_next_deadline(&m->clk);
    if (next == UINT64_MAX) {
        /* nothing in virtual time can wake the guest; only console input could */
        bool interactive = isatty(0) && (!m->cfg->serial || strcmp(m->cfg->serial, "stdio") == 0);
        while (interactive && !m->cpu->irq_any && !m->done) {
            usleep(10000);
            virt_platform_poll(&m->vp);
            bare_update_lines(m);
        }
        if (m->cpu->irq_any)
            return true;
        error_report("arm64-bare: the guest waits (WFI) with no interrupt source that could wake it");
        bare_stop(m, EXIT_EMULATOR);
        return false;
    }
    /* skip idle time to the next event (icount mode: deterministic) */
    vclock_advance(&m->clk, m->cpu->insn_count - m->chunk_base);
    m->chunk_base = m->cpu->insn_count;
    vclock_skip_to(&m->clk, next);
    vclock_run_due(&m->clk);
    return true;
}

/* PSCI over HVC (x0 = function id; results in x0) */
static void bare_el2(void *opaque, struct arm64_cpu *cpu, const struct arm64_el2_event *ev)
{
    struct bare *m = opaque;
    unsigned ec = (unsigned)(ev->esr >> 26) & 0x3F;
    if (ec != 0x16) {
        error_report("arm64-bare: unexpected exception to EL2 (ESR 0x%08" PRIx64 ") at pc 0x%016" PRIx64,
                     ev->esr, cpu->pc);
        bare_stop(m, EXIT_EMULATOR);
        return;
    }
    uint32_t fn = (uint32_t)cpu->x[0];
    uint32_t fn32 = fn & ~0x40000000u; /* SMC64 function ids (0xC4...) map to the same service */
    switch (fn32) {
    case PSCI_VERSION:
        cpu->x[0] = 0x10001; /* PSCI 1.1 */
        break;
    case PSCI_FEATURES: {
        uint32_t q = (uint32_t)cpu->x[1] & ~0x40000000u;
        cpu->x[0] = (q == PSCI_VERSION || q == PSCI_FEATURES || q == PSCI_SYSTEM_OFF || q == PSCI_SYSTEM_RESET ||
                     q == PSCI_MIGRATE_INFO_TYPE) ? 0 : PSCI_NOT_SUPPORTED;
        break;
    }
    case PSCI_MIGRATE_INFO_TYPE:
        cpu->x[0] = 2; /* no trusted OS: migration not required */
        break;
    case PSCI_SYSTEM_OFF:
        bare_stop(m, EXIT_GUEST_OK);
        break;
    case PSCI_SYSTEM_RESET:
        m->reset_requested = true;
        arm64_request_stop(cpu, ARM64_STOP_REQUEST);
        break;
    default:
        qlog(LOG_UNIMP, "arm64-bare: PSCI function 0x%08x not supported\n", fn);
        cpu->x[0] = PSCI_NOT_SUPPORTED;
        break;
    }
}

/* ---- semihosting ---- */

static bool sh_read_u64(struct bare *m, uint64_t va, uint64_t *v)
{
    uint8_t b[8];
    if (arm64_read_va(m->cpu, va, b, 8) != 0)
        return false;
    *v = 0;
    for (int i = 0; i < 8; i++)
        *v |= (uint64_t)b[i] << (8 * i);
    return true;
}

static FILE *sh_stream(uint64_t fd)
{
    return fd == 1 ? stdout : fd == 2 ? stderr : NULL;
}

static void sh_exit_block(struct bare *m, uint64_t block)
{
    uint64_t reason = 0, sub = 0;
    if (!sh_read_u64(m, block, &reason) || !sh_read_u64(m, block + 8, &sub)) {
        error_report("arm64-bare: semihosting SYS_EXIT with an unreadable parameter block");
        bare_stop(m, EXIT_GUEST_FAIL);
        return;
    }
    if (reason == ADP_STOPPED_APPLICATION_EXIT)
        bare_stop(m, (int)(sub & 0xFF));
    else
        bare_stop(m, EXIT_GUEST_FAIL);
}

static bool bare_hlt(void *opaque, struct arm64_cpu *cpu, uint16_t imm)
{
    struct bare *m = opaque;
    if (imm != 0xF000)
        return false;
    uint32_t op = (uint32_t)cpu->x[0];
    uint64_t arg = cpu->x[1];
    uint64_t ret = 0;
    switch (op) {
    case SH_SYS_WRITEC: {
        uint8_t ch;
        if (arm64_read_va(cpu, arg, &ch, 1) == 0) {
            fputc(ch, stdout);
            fflush(stdout);
        }
        return true; /* X0 is corrupted per the spec; leave it */
    }
    case SH_SYS_WRITE0: {
        uint8_t ch;
        for (uint64_t a = arg; arm64_read_va(cpu, a, &ch, 1) == 0 && ch; a++)
            fputc(ch, stdout);
        fflush(stdout);
        return true;
    }
    case SH_SYS_WRITE: {
        uint64_t fd, buf, len;
        if (!sh_read_u64(m, arg, &fd) || !sh_read_u64(m, arg + 8, &buf) || !sh_read_u64(m, arg + 16, &len)) {
            ret = (uint64_t)-1;
            break;
        }
        FILE *f = sh_stream(fd);
        uint64_t done = 0;
        uint8_t tmp[256];
        while (f && done < len) {
            size_t n = len - done > sizeof(tmp) ? sizeof(tmp) : (size_t)(len - done);
            if (arm64_read_va(cpu, buf + done, tmp, n) != 0)
                break;
            fwrite(tmp, 1, n, f);
            done += n;
        }
        if (f)
            fflush(f);
        ret = len - done; /* bytes NOT written */
        break;
    }
    case SH_SYS_READC: {
        int ch = fgetc(stdin);
        ret = ch == EOF ? (uint64_t)-1 : (uint64_t)ch;
        break;
    }
    case SH_SYS_OPEN: {
        /* only the console ":tt": mode 0-3 stdin, 4-7 stdout, 8-11 stderr */
        uint64_t name, mode;
        char nm[4] = { 0 };
        if (!sh_read_u64(m, arg, &name) || !sh_read_u64(m, arg + 8, &mode) || arm64_read_va(cpu, name, nm, 3) != 0 ||
            strcmp(nm, ":tt") != 0) {
            m->sh_errno = ENOENT;
            ret = (uint64_t)-1;
            break;
        }
        ret = mode < 4 ? 0 : mode < 8 ? 1 : 2;
        break;
    }
    case SH_SYS_CLOSE:
        ret = 0;
        break;
    case SH_SYS_ISTTY: {
        uint64_t fd = 99;
        sh_read_u64(m, arg, &fd);
        ret = fd <= 2;
        break;
    }
    case SH_SYS_ISERROR: {
        uint64_t v = 0;
        sh_read_u64(m, arg, &v);
        ret = (int64_t)v < 0;
        break;
    }
    case SH_SYS_FLEN:
        ret = (uint64_t)-1;
        break;
    case SH_SYS_CLOCK:
        ret = bare_now(m) / 10000000u; /* centiseconds of virtual time */
        break;
    case SH_SYS_TIME:
        ret = (uint64_t)time(NULL);
        break;
    case SH_SYS_ERRNO:
        ret = (uint64_t)m->sh_errno;
        break;
    case SH_SYS_HEAPINFO: {
        uint64_t block;
        uint8_t zero[32] = { 0 };
        if (sh_read_u64(m, arg, &block))
            arm64_write_va(cpu, block, zero, sizeof(zero)); /* all zero: "not known" */
        ret = 0;
        break;
    }
    case SH_SYS_EXIT:
    case SH_SYS_EXIT_EXTENDED:
        sh_exit_block(m, arg);
        return true;
    default:
        qlog(LOG_UNIMP, "arm64-bare: semihosting operation 0x%x not supported\n", op);
        ret = (uint64_t)-1;
        break;
    }
    cpu->x[0] = ret;
    return true;
}

static enum arm64_icc_result bare_icc(void *opaque, struct arm64_cpu *cpu, uint32_t enc, bool is_read,
                                      uint64_t *val)
{
    (void)cpu;
    struct bare *m = opaque;
    bool ok = gicv3_cpuif_access(&m->vp.cpuif, enc, is_read, val);
    bare_update_lines(m);
    return ok ? ARM64_ICC_HANDLED : ARM64_ICC_UNDEFINED;
}

static void bare_timer_changed(void *opaque, struct arm64_cpu *cpu)
{
    (void)cpu;
    bare_sync_timers(opaque);
}

static const struct arm64_env bare_env = {
    .phys = bare_phys,
    .el2_exception = bare_el2,
    .wfx = bare_wfx,
    .counter = bare_counter,
    .icc = bare_icc,
    .hlt = bare_hlt,
    .timer_changed = bare_timer_changed,
};

/* ---- loading ---- */

static int bare_write(void *opaque, uint64_t addr, const void *data, size_t len)
{
    struct bare *m = opaque;
    uint8_t *p = bus_ram_ptr(&m->bus, addr, len);
    if (!p)
        return -1;
    memcpy(p, data, len);
    return 0;
}

static int bare_place(struct bare *m, bool clear)
{
    char err[LOADER_ERR_MAX];
    const char *path = m->cfg->kernel;
    struct arm_kernel *k = &m->kernel;
    uint64_t end;
    if (clear)
        memset(m->ram.host, 0, m->ram.size); /* SYSTEM_RESET: start from zeroed RAM again */
    switch (k->kind) {
    case ARM_KERNEL_ELF:
        if (elf_place(&k->elf, 0, bare_write, m, err, sizeof(err)) != 0) {
            error_report("-kernel %s: %s", path, err);
            return EXIT_INPUT;
        }
        m->entry = k->elf.entry;
        end = k->elf.highest;
        break;
    case ARM_KERNEL_IMAGE: {
        uint64_t load = BARE_RAM_BASE + k->image.text_offset;
        if (bare_write(m, load, k->data, k->len) != 0) {
            error_report("-kernel %s: Image does not fit in guest RAM", path);
            return EXIT_INPUT;
        }
        m->entry = load;
        end = load + (k->image.image_size ? k->image.image_size : k->len);
        break;
    }
    default:
        if (bare_write(m, BARE_RAM_BASE, k->data, k->len) != 0) {
            error_report("-kernel %s: binary does not fit in guest RAM", path);
            return EXIT_INPUT;
        }
        m->entry = BARE_RAM_BASE;
        end = BARE_RAM_BASE + k->len;
        break;
    }
    m->dtb_addr = 0;
    if (m->dtb) {
        /* the DTB goes to the top of RAM, 2 MiB aligned below it (booting.rst: 8-byte aligned) */
        uint64_t top = BARE_RAM_BASE + m->ram.size;
        uint64_t at = (top - m->dtb_len) & ~0x1FFFFFULL;
        if (m->dtb_len > m->ram.size || at < end || bare_write(m, at, m->dtb, m->dtb_len) != 0) {
            error_report("-dtb %s: does not fit in guest RAM above the kernel", m->cfg->dtb);
            return EXIT_INPUT;
        }
        m->dtb_addr = at;
    }
    return 0;
}

static void bare_cpu_start(struct bare *m)
{
    struct arm64_cpu *c = m->cpu;
    arm64_cpu_reset(c);
    /* The platform's EL2 (this machine) traps nothing: FP/timers/GIC sysregs are open to EL1/EL0 */
    c->el2.hcr = 1ULL << 31;                /* RW */
    c->el2.cptr = 3ULL << 20;               /* FPEN = 0b11 */
    c->el2.cnthctl = (1ULL << 10) | (1ULL << 11); /* EL1PCTEN, EL1PCEN */
    c->el2.icc_sre = 0xF;
    c->pc = m->entry;
    c->x[0] = m->dtb_addr;
    arm64_set_pstate(c, ARM64_PSTATE_DAIF | 0x5); /* EL1h, DAIF masked */
}

static void timeout_fired(void *opaque)
{
    struct bare *m = opaque;
    error_report("timeout: %.3f s of virtual time elapsed", m->cfg->timeout_s);
    bare_stop(m, EXIT_EMULATOR);
}

/* ---- running ---- */

/* Up to n (>= 1) instructions (fewer in icount mode: up to the next device deadline), then the
 * virtual clock, the devices and the interrupt lines; a PSCI SYSTEM_RESET restarts the machine.
 * True once the machine has ended (m->done, m->exit_code). The free run and the debuggers share it. */
static bool bare_slice(struct bare *m, uint64_t n)
{
    uint64_t chunk = n;
    if (m->clk.mode == VCLOCK_ICOUNT) {
        uint64_t next = vclock_next_deadline(&m->clk), now = vclock_now(&m->clk);
        if (next != UINT64_MAX) {
            uint64_t until = next > now ? (next - now) >> m->clk.shift : 0;
            if (until + 1 < chunk)
                chunk = until + 1;
        }
    }
    bare_sync_timers(m);
    m->chunk_base = m->cpu->insn_count;
    arm64_run(m->cpu, chunk);
    vclock_advance(&m->clk, m->cpu->insn_count - m->chunk_base);
    m->chunk_base = m->cpu->insn_count;
    vclock_run_due(&m->clk);
    virt_platform_poll(&m->vp);
    bare_update_lines(m);
    if (m->reset_requested) {
        m->reset_requested = false;
        gicv3_reset(m->vp.gic); /* PSCI SYSTEM_RESET: the interrupt controller starts afresh too */
        gicv3_cpuif_reset(&m->vp.cpuif);
        int rc = bare_place(m, true);
        if (rc != 0)
            bare_stop(m, rc);
        else
            bare_cpu_start(m);
    }
    return m->done;
}

static bool dbg_slice(void *opaque, uint64_t n, int *status)
{
    struct bare *m = opaque;
    bool ended = m->done || bare_slice(m, n);
    *status = m->exit_code;
    return ended;
}

static uint8_t *dbg_pa_ptr(void *opaque, uint64_t pa, size_t len)
{
    struct bare *m = opaque;
    return bus_ram_ptr(&m->bus, pa, len);
}

/* The debuggers (-S, --debug, -s/-gdb): docs/debugging.md "The bare machines". They drive the core
 * through bare_slice themselves, so the free run above has no per-instruction work. */
static int run_debug(struct bare *m)
{
    struct arm_bare_dbg_machine dm = {
        .cpu = m->cpu,
        .syms = m->kernel.kind == ARM_KERNEL_ELF ? &m->kernel.elf.symbols : NULL,
        .dtb = m->dtb,
        .dtb_len = m->dtb_len,
        .pa_ptr = dbg_pa_ptr,
        .run = dbg_slice,
        .opaque = m,
    };
    struct dbg_bare_cpu *d = arm_bare_dbg_new(&dm);
    if (!d) {
        error_report("debugger: out of memory");
        return EXIT_EMULATOR;
    }
    struct dbg_front f = { &d->t, dbg_bare_ended, d };
    int status, rc = dbg_front_run(m->cfg, &f, &status);
    if (!rc && !m->done) {
        m->done = true;
        m->exit_code = status;
    }
    free(d);
    return rc;
}

static int run(const struct saesim_config *cfg)
{
    struct bare mm;
    struct bare *m = &mm;
    char err[256];
    int rc;
    memset(m, 0, sizeof(*m));
    m->cfg = cfg;
    if (!cfg->kernel) {
        error_report("-M arm64-bare needs -kernel");
        return EXIT_USAGE;
    }
    if (cfg->smp > 1) {
        error_report("-M arm64-bare supports one CPU (-smp 1)");
        return EXIT_USAGE;
    }
    if ((rc = arm_kernel_load(cfg->kernel, &m->kernel)) != 0)
        return rc;
    if (cfg->dtb && (rc = dtb_load(cfg->dtb, &m->dtb, &m->dtb_len)) != 0) {
        arm_kernel_free(&m->kernel);
        return rc;
    }
    if (cfg->initrd)
        error_report("warning: -initrd is ignored by -M arm64-bare");
    if (ram_init(&m->ram, cfg->mem_size, err, sizeof(err)) != 0) {
        error_report("-m: %s", err);
        rc = EXIT_USAGE;
        goto out_kernel;
    }
    bus_init(&m->bus);
    if (bus_add_ram(&m->bus, "ram", BARE_RAM_BASE, m->ram.size, m->ram.host, err, sizeof(err)) != 0) {
        error_report("arm64-bare: %s", err);
        rc = EXIT_USAGE;
        goto out_bus;
    }
    vclock_init(&m->clk, cfg->clock_mode, cfg->icount_shift);
    struct virt_platform_config vpc = { cfg->serial, NULL, (uint64_t)time(NULL), 0, virtio_bus_mem(&m->bus) };
    if (virt_platform_create(&m->vp, &vpc, &m->bus, &m->clk, err, sizeof(err)) != 0) {
        error_report("arm64-bare: %s", err);
        rc = EXIT_USAGE;
        goto out_clock;
    }
    m->vp_ok = true;
    gicv3_set_notify(m->vp.gic, gic_changed, m);
    vevent_init(&m->timer_ev, "arm-timers", timer_fired, m);
    if ((rc = bare_place(m, false)) != 0)
        goto out_clock;
    m->cpu = arm64_cpu_create(&bare_env, m);
    if (!m->cpu) {
        error_report("out of memory");
        rc = EXIT_EMULATOR;
        goto out_clock;
    }
    bare_cpu_start(m);
    if (cfg->timeout_s > 0) {
        vevent_init(&m->timeout_ev, "timeout", timeout_fired, m);
        vevent_arm(&m->clk, &m->timeout_ev, (uint64_t)(cfg->timeout_s * 1e9));
    }

    if (cfg->trace_bin && !SAESIM_TRACE) {
        /* -Dtrace=false compiles the CPUs' trace hooks away: a file would hold no instruction */
        error_report("--trace-bin: this saesim was built with -Dtrace=false");
        rc = EXIT_USAGE;
        goto out_cpu;
    }
    if (cfg->trace_bin && trace_bin_open(cfg->trace_bin, 1, err, sizeof(err)) != 0) {
        error_report("--trace-bin %s", err);
        rc = EXIT_USAGE;
        goto out_cpu;
    }
    if (cfg->gdb || cfg->freeze || cfg->debug_shell) {
        if ((rc = run_debug(m)) != 0)
            goto out_trace;
    } else {
        uint64_t executed = 0;
        while (!m->done) {
            if (cfg->max_insns && executed >= cfg->max_insns) {
                error_report("--max-insns: stopped after %" PRIu64 " instructions at pc 0x%016" PRIx64, executed,
                             m->cpu->pc);
                m->exit_code = EXIT_EMULATOR;
                break;
            }
            uint64_t chunk = CHUNK_INSNS; /* never 0 here: arm64_run(cpu, 0) would not stop */
            if (cfg->max_insns && cfg->max_insns - executed < chunk)
                chunk = cfg->max_insns - executed;
            uint64_t before = m->cpu->insn_count;
            bare_slice(m, chunk);
            executed += m->cpu->insn_count - before;
        }
    }
    fflush(stdout);
    if (cfg->stats && !cfg->quiet)
        fprintf(stderr, "saesim: arm64-bare: %" PRIu64 " instructions, %" PRIu64 " ns virtual time, exit %d\n",
                m->cpu->insn_count, vclock_now(&m->clk), m->exit_code);
    rc = m->exit_code;
out_trace:
    if (cfg->trace_bin && trace_bin_close() != 0) {
        error_report("--trace-bin %s: write error", cfg->trace_bin);
        if (!rc)
            rc = EXIT_EMULATOR;
    }
out_cpu:
    arm64_cpu_destroy(m->cpu);
    m->cpu = NULL;
out_clock:
    if (m->vp_ok)
        virt_platform_destroy(&m->vp);
    vclock_destroy(&m->clk);
out_bus:
    bus_destroy(&m->bus);
    ram_destroy(&m->ram);
out_kernel:
    free(m->dtb);
    arm_kernel_free(&m->kernel);
    return rc;
}

const struct machine_def machine_arm64_bare = { "arm64-bare", run };
