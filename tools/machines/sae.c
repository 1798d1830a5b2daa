/* -M sae: the machine as it will ship. The s390 host firmware (firmware/host) runs on the s390 CPU
 * and uses SAE to run the Arm guest; saesim's C never touches Arm state directly. This file:
 *   - lays out s390 absolute storage: low core, the boot parameter block (BPB), the firmware, then
 *     guest RAM at SAE_GUEST_RAM_HOST (firmware/include/saesim-hostif.h describes the contract);
 *   - places the Arm kernel, initrd and DTB into guest RAM (IPA -> host linearly) per the arm64
 *     Linux boot protocol, and writes the BPB;
 *   - builds the Arm virt platform (devices/) on its own bus, and serves the firmware's DIAGNOSE
 *     calls (MMIO forwarding, interrupt controller, idle wait, console, exit) from it;
 *   - runs the s390 CPU until the firmware reports the end, and prints the run summary. */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/endian.h"
#include "core/loader.h"
#include "core/trace_bin.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/vclock.h"
#include "devices/virt_dt.h"
#include "mmu/s390_dat.h"
#include "devices/virt_platform.h"
#include "s390/cpu.h"
#include "sae/sae_cpu.h"
#include "saesim-config.h"
#include "saesim-hostif.h"
#include "tools/debug/shell.h"
#include "tools/gdbstub/gdbstub.h"
#include "tools/machines/boot_inputs.h"
#include "tools/machines/debug_sae.h"
#include "tools/machines/machine.h"
#include "tools/machines/run_summary.h"

#define SAE_GUEST_RAM_HOST 0x02000000ull  /* 32 MiB: guest RAM byte 0 in host storage */
#define MiB (1ull << 20)

struct boot_layout {
    uint64_t kernel_ipa, kernel_size, kernel_entry, kernel_end;
    uint32_t kernel_kind;
    uint64_t initrd_ipa, initrd_size;
    uint64_t dtb_ipa, dtb_size;
};

struct sae_machine {
    const struct saesim_config *cfg;
    struct arm_kernel *kernel;     /* kept for SYSTEM_RESET: the images are placed again */
    const uint8_t *initrd;
    size_t initrd_len;
    void *dtb;
    size_t dtb_len;
    struct boot_layout layout;
    uint64_t resets;
    struct ram storage;            /* s390 absolute storage */
    struct vclock clock;
    struct s390_cpu cpu;
    struct s390_env env;
    struct bus platform_bus;       /* the Arm guest's device side (MMIO only) */
    struct virt_platform vp;
    bool vp_created;
    uint64_t ram_size;
    uint64_t stats_addr;           /* firmware's struct saesim_fw_stats, 0 if not registered */
    uint64_t diag_calls;
    struct vevent timeout_event;   /* --timeout: virtual deadline */
    bool timed_out;
    bool ended;
    int exit_status;
    const char *end_reason;
    char end_message[256];
};

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

static uint8_t *guest_host_ptr(struct sae_machine *m, uint64_t ipa, uint64_t len)
{
    if (ipa < SAESIM_GUEST_RAM_IPA || ipa - SAESIM_GUEST_RAM_IPA > m->ram_size ||
        len > m->ram_size - (ipa - SAESIM_GUEST_RAM_IPA))
        return NULL;
    return ram_ptr(&m->storage, SAE_GUEST_RAM_HOST + (ipa - SAESIM_GUEST_RAM_IPA), len);
}

/* ---- the VMM's view of guest memory (virtio DMA), IPA -> host storage ---- */
static bool vmem_read(void *opaque, uint64_t gpa, void *buf, size_t len)
{
    uint8_t *p = guest_host_ptr(opaque, gpa, len);
    if (!p)
        return false;
    memcpy(buf, p, len);
    return true;
}

static bool vmem_write(void *opaque, uint64_t gpa, const void *buf, size_t len)
{
    uint8_t *p = guest_host_ptr(opaque, gpa, len);
    if (!p)
        return false;
    memcpy(p, buf, len);
    return true;
}

static int place_in_guest(void *opaque, uint64_t addr, const void *data, size_t len)
{
    uint8_t *p = guest_host_ptr(opaque, addr, len);
    if (!p)
        return -1;
    if (data)
        memcpy(p, data, len);
    else
        memset(p, 0, len);
    return 0;
}

static int place_in_host(void *opaque, uint64_t addr, const void *data, size_t len)
{
    struct sae_machine *m = opaque;
    if (addr < SAESIM_FW_LOAD_ADDR || addr + len > SAESIM_FW_AREA_END)
        return -1;
    uint8_t *p = ram_ptr(&m->storage, addr, len);
    if (!p)
        return -1;
    if (data)
        memcpy(p, data, len);
    else
        memset(p, 0, len);
    return 0;
}

static int place_kernel(struct sae_machine *m, struct arm_kernel *k, struct boot_layout *L);

/* ---- DIAGNOSE interface (saesim-hostif.h) ---- */
static void machine_end(struct sae_machine *m, int status, const char *reason)
{
    m->ended = true;
    m->exit_status = status;
    m->end_reason = reason;
    s390_stop_run(&m->cpu, S390_STOP_EXIT, status);
}

static int diag_mmio(struct sae_machine *m, struct s390_cpu *c, unsigned r1, unsigned r3, bool write)
{
    uint64_t ipa = c->gr[r1], size = c->gr[(r1 + 1) & 15];
    uint64_t value = write ? c->gr[r3] : 0;
    if (size != 1 && size != 2 && size != 4 && size != 8) {
        c->gr[r1] = SAESIM_MMIO_BAD_ACCESS;
        return 0;
    }
    enum bus_result r = write ? bus_write(&m->platform_bus, ipa, (unsigned)size, false, value)
                              : bus_read(&m->platform_bus, ipa, (unsigned)size, false, &value);
    qlog(LOG_DIAG, "diag mmio %s ipa=0x%llx size=%llu value=0x%llx -> %d\n", write ? "write" : "read",
         (unsigned long long)ipa, (unsigned long long)size, (unsigned long long)value, (int)r);
    c->gr[r1] = r == BUS_OK ? SAESIM_MMIO_OK : r == BUS_UNMAPPED ? SAESIM_MMIO_NO_DEVICE : SAESIM_MMIO_BAD_ACCESS;
    if (!write)
        c->gr[(r1 + 1) & 15] = value;
    return 0;
}

static void timeout_fired(void *opaque)
{
    struct sae_machine *m = opaque;
    m->timed_out = true;
    s390_stop_run(&m->cpu, S390_STOP_BREAK, 0);  /* ends SAE at the next guest boundary (icptr 0) */
}

/* WAIT: idle until the TOD deadline or a device event. In icount mode virtual time jumps. */
static int diag_wait(struct sae_machine *m, struct s390_cpu *c, unsigned r1)
{
    uint64_t deadline_tod = c->gr[r1];
    unsigned intid, prio, group;
    for (;;) {
        vclock_run_due(&m->clock);
        virt_platform_poll(&m->vp);
        if (m->timed_out) {
            c->gr[r1] = SAESIM_WAIT_HOST;
            return 0;
        }
        if (gicv3_highest_pending(m->vp.gic, &intid, &prio, &group)) {
            c->gr[r1] = SAESIM_WAIT_EVENT;
            return 0;
        }
        uint64_t now_tod = s390_tod_now(c);
        if (deadline_tod && now_tod >= deadline_tod) {
            c->gr[r1] = SAESIM_WAIT_DEADLINE;
            return 0;
        }
        uint64_t now = vclock_now(&m->clock);
        uint64_t target = vclock_next_deadline(&m->clock);
        if (deadline_tod) {
            /* TOD = ns * 4096 / 1000 + offset: the virtual ns at which the TOD reaches the deadline. */
            uint64_t delta_tod = deadline_tod - now_tod;
            uint64_t delta_ns = (uint64_t)(((unsigned __int128)delta_tod * 1000 + 4095) / 4096);
            if (now + delta_ns < target)
                target = now + delta_ns;
        }
        if (target == UINT64_MAX) {
            if (m->cfg->clock_mode == VCLOCK_HOST) {
                vclock_skip_to(&m->clock, now + 10000000); /* poll input every 10 ms */
                continue;
            }
            machine_end(m, EXIT_EMULATOR, "guest waits for an event that can never come");
            c->gr[r1] = SAESIM_WAIT_HOST;
            return 0;
        }
        vclock_skip_to(&m->clock, target);
    }
}

static uint64_t sae_arm_insns(const struct sae_machine *m);

/* --max-insns counts both architectures; it is checked at every host DIAG (the firmware issues one
 * at nearly every interception) and between run slices, so the run stops within one SAE slice. */
static bool insn_limit_reached(struct sae_machine *m)
{
    if (!m->cfg->max_insns || m->cpu.insns + sae_arm_insns(m) < m->cfg->max_insns)
        return false;
    if (!m->ended) {
        error_report("--max-insns: %llu instructions executed", (unsigned long long)m->cfg->max_insns);
        machine_end(m, EXIT_EMULATOR, "instruction limit");
    }
    return true;
}

static int sae_diag(void *opaque, struct s390_cpu *c, unsigned r1, unsigned r3, uint32_t code)
{
    struct sae_machine *m = opaque;
    unsigned r1b = (r1 + 1) & 15, r3b = (r3 + 1) & 15;
    m->diag_calls++;
    if (insn_limit_reached(m))
        return 0;
    switch (code) {
    case SAESIM_DIAG_QUERY:
        c->gr[r1] = SAESIM_HOSTIF_VERSION;
        c->gr[r1b] = SAESIM_BPB_ADDR;
        return 0;
    case SAESIM_DIAG_CONSOLE: {
        uint64_t addr = c->gr[r1], len = c->gr[r1b];
        uint8_t *p = ram_ptr(&m->storage, addr, len);
        if (p) {
            fwrite(p, 1, len, stdout);
            fflush(stdout);
        }
        c->gr[r1] = p ? 0 : 1;
        return 0;
    }
    case SAESIM_DIAG_MMIO_READ:
        return diag_mmio(m, c, r1, r3, false);
    case SAESIM_DIAG_MMIO_WRITE:
        return diag_mmio(m, c, r1, r3, true);
    case SAESIM_DIAG_IRQ_PENDING: {
        unsigned intid = 1023, prio = 0, group = 0;
        if (!gicv3_highest_pending(m->vp.gic, &intid, &prio, &group))
            intid = 1023;
        c->gr[r1] = intid;
        c->gr[r1b] = (prio & 0xff) | (uint64_t)group << 8;
        return 0;
    }
    case SAESIM_DIAG_IRQ_ACK: {
        unsigned intid, prio, group;
        if (!gicv3_highest_pending(m->vp.gic, &intid, &prio, &group) || intid != c->gr[r1]) {
            c->gr[r1] = 1023;
            return 0;
        }
        c->gr[r1] = gicv3_acknowledge(m->vp.gic, (unsigned)c->gr[r1b]);
        return 0;
    }
    case SAESIM_DIAG_IRQ_DEACTIVATE:
        gicv3_deactivate(m->vp.gic, (unsigned)c->gr[r1]);
        c->gr[r1] = 0;
        return 0;
    case SAESIM_DIAG_IRQ_LINE:
        gicv3_set_irq(m->vp.gic, (unsigned)c->gr[r1], c->gr[r1b] != 0);
        c->gr[r1] = 0;
        return 0;
    case SAESIM_DIAG_WAIT:
        return diag_wait(m, c, r1);
    case SAESIM_DIAG_EXIT: {
        uint64_t kind = c->gr[r1], msg = c->gr[r1b], len = c->gr[r3], detail = c->gr[r3b];
        m->end_message[0] = 0;
        if (msg && len) {
            size_t n = len < sizeof(m->end_message) - 1 ? len : sizeof(m->end_message) - 1;
            if (ram_read(&m->storage, msg, m->end_message, n) == 0)
                m->end_message[n] = 0;
        }
        switch (kind) {
        case SAESIM_EXIT_SYSTEM_OFF:
            machine_end(m, EXIT_GUEST_OK, "guest powered off (PSCI SYSTEM_OFF)");
            break;
        case SAESIM_EXIT_RESET: {
            /* PSCI SYSTEM_RESET reboots, as on QEMU: the boot images are put back in place (the
             * guest may have overwritten them; the rest of RAM keeps its contents, as a warm reset
             * of real RAM would) and the firmware restarts the vCPU. */
            struct boot_layout L;
            m->resets++;
            qlog(LOG_SAE, "guest reset #%llu\n", (unsigned long long)m->resets);
            if (place_kernel(m, m->kernel, &L) != 0) {
                machine_end(m, EXIT_EMULATOR, "reset: the kernel could not be placed again");
                return 0;
            }
            if (m->initrd_len)
                place_in_guest(m, m->layout.initrd_ipa, m->initrd, m->initrd_len);
            place_in_guest(m, m->layout.dtb_ipa, m->dtb, m->dtb_len);
            c->gr[r1] = 0;
            return 0;
        }
        case SAESIM_EXIT_HALTED:
            machine_end(m, EXIT_GUEST_FAIL, "guest halted its only vCPU (PSCI CPU_OFF)");
            break;
        default:
            error_report("host firmware: %s (detail 0x%llx)", m->end_message[0] ? m->end_message : "fatal error",
                         (unsigned long long)detail);
            machine_end(m, EXIT_EMULATOR, "host firmware reported a fatal error");
            break;
        }
        return 0;
    }
    case SAESIM_DIAG_STATS:
        m->stats_addr = c->gr[r1];
        c->gr[r1] = 0;
        return 0;
    default:
        return -1;
    }
}

static void sae_console_write(void *opaque, const uint8_t *buf, size_t len)
{
    (void)opaque;
    fwrite(buf, 1, len, stdout);
    fflush(stdout);
}

static const struct s390_env sae_env = {
    .diag = sae_diag,
    .console_write = sae_console_write,
};

/* ---- boot images ---- */

static int place_kernel(struct sae_machine *m, struct arm_kernel *k, struct boot_layout *L)
{
    char err[LOADER_ERR_MAX];
    const uint64_t base = SAESIM_GUEST_RAM_IPA;
    switch (k->kind) {
    case ARM_KERNEL_ELF:
        if (k->elf.lowest < base || k->elf.highest - base > m->ram_size) {
            error_report("-kernel: ELF segments [0x%llx, 0x%llx) lie outside guest RAM [0x%llx, 0x%llx)",
                         (unsigned long long)k->elf.lowest, (unsigned long long)k->elf.highest,
                         (unsigned long long)base, (unsigned long long)(base + m->ram_size));
            return EXIT_INPUT;
        }
        if (elf_place(&k->elf, 0, place_in_guest, m, err, sizeof(err)) != 0) {
            error_report("-kernel: %s", err);
            return EXIT_INPUT;
        }
        L->kernel_kind = SAESIM_KERNEL_ELF;
        L->kernel_ipa = k->elf.lowest;
        L->kernel_size = k->elf.highest - k->elf.lowest;
        L->kernel_entry = k->elf.entry;
        L->kernel_end = k->elf.highest;
        return 0;
    case ARM_KERNEL_IMAGE:
    case ARM_KERNEL_RAW: {
        /* arm64 booting.rst: an Image sits at a 2 MiB aligned base + text_offset and is entered at
         * its first byte; a raw binary is treated like an Image with text_offset 0x80000 (the
         * traditional arm64 load offset QEMU also uses). */
        uint64_t off = k->kind == ARM_KERNEL_IMAGE ? k->image.text_offset : 0x80000;
        uint64_t span = k->kind == ARM_KERNEL_IMAGE && k->image.image_size > k->len ? k->image.image_size : k->len;
        if (off + span > m->ram_size) {
            error_report("-kernel: %llu bytes do not fit in %llu MiB of guest RAM",
                         (unsigned long long)span, (unsigned long long)(m->ram_size >> 20));
            return EXIT_INPUT;
        }
        place_in_guest(m, base + off, k->data, k->len);
        L->kernel_kind = k->kind == ARM_KERNEL_IMAGE ? SAESIM_KERNEL_IMAGE : SAESIM_KERNEL_RAW;
        L->kernel_ipa = base + off;
        L->kernel_size = k->len;
        L->kernel_entry = base + off;
        L->kernel_end = base + off + span;
        return 0;
    }
    }
    return EXIT_INPUT;
}

/* The DTB goes at the top of the first 512 MiB of RAM (booting.rst: within 512 MiB of the start of
 * the kernel image... saesim keeps it below RAM base + 512 MiB), the initrd just below it. */
static int place_dtb_initrd(struct sae_machine *m, const uint8_t *initrd, size_t initrd_len,
                            struct boot_layout *L, void **dtb_out, size_t *dtb_len_out)
{
    const uint64_t base = SAESIM_GUEST_RAM_IPA;
    uint64_t window = m->ram_size < SAESIM_GUEST_DTB_WINDOW ? m->ram_size : SAESIM_GUEST_DTB_WINDOW;
    uint64_t dtb_max = 2 * MiB;
    uint64_t dtb_ipa = base + window - dtb_max;
    uint64_t initrd_ipa = 0;
    if (initrd_len) {
        initrd_ipa = (dtb_ipa - initrd_len) & ~(2 * MiB - 1);
        if (initrd_len > dtb_ipa - base || initrd_ipa < align_up(L->kernel_end, 2 * MiB)) {
            error_report("-initrd: %zu bytes do not fit between the kernel and the DTB in %llu MiB of RAM",
                         initrd_len, (unsigned long long)(m->ram_size >> 20));
            return EXIT_INPUT;
        }
        place_in_guest(m, initrd_ipa, initrd, initrd_len);
    }
    if (dtb_ipa < L->kernel_end) {
        error_report("-m: %llu MiB of guest RAM leave no room for the device tree above the kernel",
                     (unsigned long long)(m->ram_size >> 20));
        return EXIT_INPUT;
    }
    void *dtb = NULL;
    size_t dtb_len = 0;
    if (m->cfg->dtb) {
        uint8_t *b;
        int rc = dtb_load(m->cfg->dtb, &b, &dtb_len);
        if (rc)
            return rc;
        dtb = b;
    } else {
        struct virt_dt_params p;
        char err[256];
        virt_dt_default_params(&p, m->ram_size);
        p.bootargs = m->cfg->append;
        if (initrd_len) {
            p.initrd_start = initrd_ipa;
            p.initrd_end = initrd_ipa + initrd_len;
        }
        p.virtio_mask = virt_platform_virtio_mask(&m->vp);
        if (virt_dt_build(&p, &dtb, &dtb_len, err, sizeof(err)) != 0) {
            error_report("device tree: %s", err);
            return EXIT_EMULATOR;
        }
    }
    if (dtb_len > dtb_max) {
        error_report("-dtb: %zu bytes is larger than the 2 MiB saesim reserves for it", dtb_len);
        free(dtb);
        return EXIT_INPUT;
    }
    place_in_guest(m, dtb_ipa, dtb, dtb_len);
    L->dtb_ipa = dtb_ipa;
    L->dtb_size = dtb_len;
    L->initrd_ipa = initrd_ipa;
    L->initrd_size = initrd_len;
    *dtb_out = dtb;
    *dtb_len_out = dtb_len;
    return 0;
}

static void write_bpb(struct sae_machine *m, const struct boot_layout *L)
{
    uint8_t *b = ram_ptr(&m->storage, SAESIM_BPB_ADDR, SAESIM_BPB_SIZE);
    if (!b)
        return; /* storage is always larger than the firmware area */
    memset(b, 0, SAESIM_BPB_SIZE);
    uint64_t host = SAE_GUEST_RAM_HOST - SAESIM_GUEST_RAM_IPA; /* host = ipa + host, for RAM IPAs */
    st_be32(b + 0x00, SAESIM_BPB_MAGIC);
    st_be16(b + 0x04, SAESIM_BPB_VERSION);
    st_be16(b + 0x06, SAESIM_BPB_SIZE);
    st_be64(b + 0x08, m->cfg->quiet ? SAESIM_BPB_F_QUIET : 0);
    st_be64(b + 0x10, SAESIM_GUEST_RAM_IPA);
    st_be64(b + 0x18, m->ram_size);
    st_be64(b + 0x20, SAE_GUEST_RAM_HOST);
    st_be64(b + 0x28, L->kernel_ipa + host);
    st_be64(b + 0x30, L->kernel_size);
    st_be64(b + 0x38, L->kernel_ipa);
    st_be64(b + 0x40, L->kernel_entry);
    st_be32(b + 0x48, L->kernel_kind);
    st_be64(b + 0x50, L->initrd_size ? L->initrd_ipa + host : 0);
    st_be64(b + 0x58, L->initrd_size);
    st_be64(b + 0x60, L->initrd_ipa);
    st_be64(b + 0x68, L->dtb_ipa + host);
    st_be64(b + 0x70, L->dtb_size);
    st_be64(b + 0x78, L->dtb_ipa);
    st_be64(b + 0x80, 0);
}

static uint64_t sae_arm_insns(const struct sae_machine *m)
{
    const struct sae_cpu *s = m->cpu.sae_ctx;
    return s && s->arm ? s->arm->insn_count : 0;
}

static void collect_summary(struct sae_machine *m, struct run_summary *s)
{
    memset(s, 0, sizeof(*s));
    s->machine = "sae";
    s->has_s390 = s->has_arm = s->has_sae = true;
    s->s390_insns = m->cpu.insns;
    s->arm_insns = sae_arm_insns(m);
    s->virtual_ns = vclock_now(&m->clock);
    s->diag_calls = m->diag_calls;
    uint8_t *st = m->stats_addr ? ram_ptr(&m->storage, m->stats_addr, SAESIM_STATS_SIZE) : NULL;
    if (st && ld_be32(st) == SAESIM_STATS_MAGIC) {
        s->sae_entries = ld_be64(st + 0x08);
        for (unsigned i = 0; i < 16; i++)
            s->icpt[i] = ld_be64(st + 0x10 + 8 * i);
        s->stage2_maps = ld_be64(st + 0x90);
        s->mmio_reads = ld_be64(st + 0x98);
        s->mmio_writes = ld_be64(st + 0xA0);
        s->hvc_calls = ld_be64(st + 0xA8);
        s->sysreg_traps = ld_be64(st + 0xB0);
        s->wfi_waits = ld_be64(st + 0xB8);
        s->timer_irqs = ld_be64(st + 0xC0);
        s->device_irqs = ld_be64(st + 0xC8);
    }
    s->end_reason = m->end_reason;
}

static int default_path(char *buf, size_t len, const char *rel)
{
    snprintf(buf, len, "%s/%s", SAESIM_BUILD_DIR, rel);
    return 0;
}

/* Run the host CPU for up to n instructions, then apply the machine's end conditions. True once the
 * machine has ended (m->exit_status, m->end_reason). The free run and the debuggers share it. */
static bool run_slice(struct sae_machine *m, uint64_t n)
{
    if (m->ended)
        return true;
    enum s390_stop why = s390_run(&m->cpu, n);   /* --trace-bin: the CPU records (s390/cpu.c) */
    virt_platform_poll(&m->vp);
    if (m->ended)
        return true;
    if (why == S390_STOP_DISABLED_WAIT) {
        snprintf(m->end_message, sizeof(m->end_message),
                 "host firmware stopped in a disabled wait at 0x%llx", (unsigned long long)m->cpu.psw.addr);
        error_report("%s", m->end_message);
        m->end_reason = "host firmware entered a disabled wait";
        m->exit_status = m->cpu.psw.addr == 0xfff ? EXIT_GUEST_OK : EXIT_EMULATOR;
        m->ended = true;
        return true;
    }
    if (why == S390_STOP_STUCK || why == S390_STOP_PGM_LOOP || why == S390_STOP_INT_LOOP ||
        why == S390_STOP_STOPPED) {
        error_report("host firmware is stuck (%s)", why == S390_STOP_STUCK ? "enabled wait with nothing to wake it"
                     : why == S390_STOP_PGM_LOOP ? "program-interruption loop"
                     : why == S390_STOP_INT_LOOP ? "interruption loop" : "CPU stopped");
        m->end_reason = "host stuck";
        m->exit_status = EXIT_EMULATOR;
        m->ended = true;
        return true;
    }
    if (m->timed_out) {
        error_report("--timeout: %.3f s of virtual time passed", m->cfg->timeout_s);
        m->end_reason = "timeout";
        m->exit_status = EXIT_EMULATOR;
        m->ended = true;
        return true;
    }
    return insn_limit_reached(m);
}

static bool dbg_run_slice(void *opaque, uint64_t n, int *status, const char **reason)
{
    struct sae_machine *m = opaque;
    bool ended = run_slice(m, n);
    *status = m->exit_status;
    *reason = m->end_reason;
    return ended;
}

/* The debuggers (-S, --debug, -s/-gdb): docs/debugging.md "The sae machine". */
static int run_debug(struct sae_machine *m, struct arm_kernel *kernel, struct elf_image *fw)
{
    const struct saesim_config *cfg = m->cfg;
    struct sae_dbg_machine dm = {
        .cpu = &m->cpu,
        .arm_syms = kernel->kind == ARM_KERNEL_ELF ? &kernel->elf.symbols : NULL,
        .s390_syms = &fw->symbols,
        .dtb = m->dtb,
        .dtb_len = m->dtb_len,
        .run = dbg_run_slice,
        .opaque = m,
    };
    struct sae_dbg *d = sae_dbg_new(&dm);
    if (!d) {
        error_report("debugger: out of memory");
        return EXIT_EMULATOR;
    }
    struct dbg_target *t = sae_dbg_target(d);
    int rc = 0;
    if (cfg->gdb) {
        unsigned ctx = SAE_DBG_ARM;
        if (cfg->gdb_target && strcmp(cfg->gdb_target, "s390") == 0)
            ctx = SAE_DBG_S390;
        else if (cfg->gdb_target && strcmp(cfg->gdb_target, "arm") != 0) {
            error_report("--gdb-target %s: expected arm or s390", cfg->gdb_target);
            sae_dbg_free(d);
            return EXIT_USAGE;
        }
        char err[256];
        struct gdbstub *g = gdbstub_open(t, ctx, cfg->gdb, err, sizeof(err));
        if (!g) {
            error_report("-gdb %s: %s", cfg->gdb, err);
            sae_dbg_free(d);
            return EXIT_USAGE;
        }
        /* gdb needs a PC: for the Arm guest, the host firmware first runs up to its first SAE, with
         * the vCPU at the kernel entry (no guest instruction executed yet). */
        if (cfg->freeze && ctx == SAE_DBG_ARM)
            sae_dbg_run_to_first_entry(d);
        fprintf(stderr, "saesim: gdbstub for the %s context listening on tcp port %d%s\n", t->ctx[ctx].name,
                gdbstub_port(g), cfg->freeze ? " (waiting for gdb)" : "");
        bool serve = cfg->freeze;
        while (!m->ended) {
            if (serve || gdbstub_pending(g)) {
                int status = 0;
                enum gdbstub_result r = gdbstub_serve(g, &status);
                serve = false;
                if (r == GDBSTUB_KILLED) {
                    m->ended = true;
                    m->end_reason = "killed from gdb";
                    m->exit_status = EXIT_GUEST_OK;
                } else if (r == GDBSTUB_ERROR) {
                    error_report("gdbstub: connection error");
                }
                if (sae_dbg_ended(d, &status))
                    m->ended = true;
                continue;
            }
            run_slice(m, 65536);
        }
        gdbstub_close(g);
    } else {
        /* The shell owns the terminal's input: the guest's stdio serial keeps its output but reads
         * no input (descriptor 0 becomes /dev/null; the shell reads a duplicate of it). */
        FILE *in = stdin;
        if (!cfg->serial || strcmp(cfg->serial, "stdio") == 0) {
            int fd = dup(STDIN_FILENO), nul = open("/dev/null", O_RDONLY | O_CLOEXEC);
            FILE *f = fd >= 0 && nul >= 0 ? fdopen(fd, "r") : NULL;
            if (f && dup2(nul, STDIN_FILENO) >= 0) {
                in = f;
            } else if (f) {
                fclose(f);
            } else if (fd >= 0) {
                close(fd);
            }
            if (nul >= 0)
                close(nul);
        }
        struct dbg_shell *s = dbg_shell_new(t, in, stdout);
        if (!s) {
            if (in != stdin)
                fclose(in);
            sae_dbg_free(d);
            return EXIT_EMULATOR;
        }
        if (!cfg->freeze)
            dbg_shell_exec(s, "continue");
        int status = dbg_shell_run(s);
        dbg_shell_free(s);
        if (in != stdin)
            fclose(in);
        if (status < 0 && !m->ended) {
            m->ended = true;
            m->end_reason = "quit from the debug shell";
            m->exit_status = EXIT_GUEST_OK;
        }
    }
    sae_dbg_free(d);
    return rc;
}

static int run(const struct saesim_config *cfg)
{
    int rc = check_mem_size(cfg->mem_size);
    if (rc)
        return rc;
    if (cfg->mem_size % MiB) {
        error_report("-m: guest RAM for -M sae must be a multiple of 1 MiB");
        return EXIT_USAGE;
    }
    char fw_default[512], guest_default[512];
    default_path(fw_default, sizeof(fw_default), "firmware/host/saesim-fw.elf");
    default_path(guest_default, sizeof(guest_default), "firmware/guests/default/default-guest.elf");
    const char *kernel_path = cfg->kernel ? cfg->kernel : guest_default;
    const char *fw_path = cfg->firmware ? cfg->firmware : fw_default;

    /* Validate every input before creating anything. */
    struct arm_kernel kernel;
    rc = arm_kernel_load(kernel_path, &kernel);
    if (rc)
        return rc;
    uint8_t *initrd = NULL;
    size_t initrd_len = 0;
    if (cfg->initrd && (rc = blob_load("-initrd", cfg->initrd, &initrd, &initrd_len)) != 0) {
        arm_kernel_free(&kernel);
        return rc;
    }
    struct elf_image fw;
    char err[LOADER_ERR_MAX];
    if (elf_load_file(fw_path, EM_S390, &fw, err, sizeof(err)) != 0) {
        error_report("-bios %s", err);
        arm_kernel_free(&kernel);
        free(initrd);
        return EXIT_INPUT;
    }
    if (fw.lowest < SAESIM_FW_LOAD_ADDR || fw.highest > SAESIM_FW_AREA_END) {
        error_report("-bios %s: segments [0x%llx, 0x%llx) outside the firmware area [0x%x, 0x%x)", fw_path,
                     (unsigned long long)fw.lowest, (unsigned long long)fw.highest, SAESIM_FW_LOAD_ADDR,
                     SAESIM_FW_AREA_END);
        elf_image_free(&fw);
        arm_kernel_free(&kernel);
        free(initrd);
        return EXIT_INPUT;
    }
    if (cfg->dtb) {
        uint8_t *b;
        size_t n;
        if ((rc = dtb_load(cfg->dtb, &b, &n)) != 0) {
            elf_image_free(&fw);
            arm_kernel_free(&kernel);
            free(initrd);
            return rc;
        }
        free(b);
    }

    struct sae_machine *m = calloc(1, sizeof(*m));
    m->cfg = cfg;
    m->ram_size = cfg->mem_size;
    /* SCLP reports storage in 1 MiB increments up to 65535 MiB and in 256 MiB increments above
     * (s390/sclp.c): size it so that the firmware sees all of it. */
    uint64_t storage = cfg->host_mem_size ? cfg->host_mem_size : SAE_GUEST_RAM_HOST + m->ram_size;
    if (storage > 0xffffull * MiB)
        storage = align_up(storage, 256 * MiB);
    if (storage < SAE_GUEST_RAM_HOST + m->ram_size) {
        error_report("--host-mem: %llu MiB cannot hold the firmware area and %llu MiB of guest RAM",
                     (unsigned long long)(storage >> 20), (unsigned long long)(m->ram_size >> 20));
        rc = EXIT_USAGE;
        goto out_inputs;
    }
    if (ram_init(&m->storage, storage, err, sizeof(err)) != 0) {
        error_report("host storage: %s", err);
        rc = EXIT_USAGE;
        goto out_inputs;
    }
    vclock_init(&m->clock, cfg->clock_mode, cfg->icount_shift);
    bus_init(&m->platform_bus);
    struct virt_platform_config pc = {
        .serial = cfg->serial,
        .rtc_epoch = 1767225600, /* 2026-01-01: deterministic wall clock for the guest */
        .mem = { vmem_read, vmem_write, m },
    };
    if (virt_platform_create(&m->vp, &pc, &m->platform_bus, &m->clock, err, sizeof(err)) != 0) {
        error_report("%s", err);
        rc = EXIT_USAGE;
        goto out_storage;
    }
    m->vp_created = true;
    /* The guest's CPU interface is SAE's virtual one, fed by the firmware through list registers:
     * the distributor must offer both groups (the platform's physical interface model, unused
     * here, starts with its group enables off). */
    gicv3_set_cpu_groups(m->vp.gic, 3);

    struct boot_layout L = { 0 };
    m->kernel = &kernel;
    m->initrd = initrd;
    m->initrd_len = initrd_len;
    if ((rc = place_kernel(m, &kernel, &L)) != 0 ||
        (rc = place_dtb_initrd(m, initrd, initrd_len, &L, &m->dtb, &m->dtb_len)) != 0)
        goto out_platform;
    m->layout = L;
    if (cfg->dump_dtb) {
        FILE *f = fopen(cfg->dump_dtb, "wb");
        bool ok = f && fwrite(m->dtb, 1, m->dtb_len, f) == m->dtb_len;
        if (f && fclose(f) != 0)
            ok = false;
        if (!ok) {
            error_report("--dump-dtb %s: cannot write the device tree", cfg->dump_dtb);
            remove(cfg->dump_dtb);
            rc = EXIT_USAGE;
        } else {
            rc = EXIT_GUEST_OK;
        }
        goto out_platform;
    }
    if (elf_place(&fw, 0, place_in_host, m, err, sizeof(err)) != 0) {
        error_report("-bios %s", err);
        rc = EXIT_INPUT;
        goto out_platform;
    }
    write_bpb(m, &L);

    m->env = sae_env;
    m->env.opaque = m;
    s390_cpu_init(&m->cpu, &m->storage, &m->clock, &m->env);
    /* The SAE facility (AEF) is installed unless --no-sae: SCLP's aef bit, QAAF, PTFF 0x10/0x11
     * and the six opcodes follow this one switch (sae-architecture MD-61, MD-2). */
    m->cpu.aef_installed = cfg->sae_installed;
    if (!sae_cpu_attach(&m->cpu, NULL)) {
        error_report("SAE facility: out of memory");
        rc = EXIT_EMULATOR;
        goto out_cpu;
    }
    /* IPL-like start (-M s390-bare conventions): 64-bit mode, supervisor state, DAT off, disabled. */
    s390_load_psw(&m->cpu, PSW_MASK_EA | PSW_MASK_BA, fw.entry);

    if (cfg->trace_bin && !SAESIM_TRACE) {
        /* -Dtrace=false compiles the CPUs' trace hooks away: a file would hold no instruction */
        error_report("--trace-bin: this saesim was built with -Dtrace=false");
        rc = EXIT_USAGE;
        goto out_cpu;
    }
    if (cfg->trace_bin && trace_bin_open(cfg->trace_bin, 3, err, sizeof(err)) != 0) {
        error_report("--trace-bin %s", err);
        rc = EXIT_USAGE;
        goto out_cpu;
    }
    double t0 = run_wall_now();
    vevent_init(&m->timeout_event, "timeout", timeout_fired, m);
    if (cfg->timeout_s > 0)
        vevent_arm(&m->clock, &m->timeout_event, (uint64_t)(cfg->timeout_s * 1e9));
    if (cfg->gdb || cfg->freeze || cfg->debug_shell) {
        int drc = run_debug(m, &kernel, &fw);
        if (drc) {
            rc = drc;
            goto out_timeout;
        }
    } else {
        while (!run_slice(m, 1000000))
            ;
    }
    rc = m->exit_status;
    if (!cfg->quiet) {
        struct run_summary s;
        collect_summary(m, &s);
        s.wall_s = run_wall_now() - t0;
        fflush(stdout);
        run_summary_print(&s, stderr);
    }
out_timeout:
    vevent_cancel(&m->clock, &m->timeout_event);
    if (cfg->trace_bin && trace_bin_close() != 0) {
        error_report("--trace-bin %s: write error", cfg->trace_bin);
        if (!rc)
            rc = EXIT_EMULATOR;
    }
out_cpu:
    sae_cpu_detach(&m->cpu);
    s390_cpu_destroy(&m->cpu);
out_platform:
    virt_platform_destroy(&m->vp);
out_storage:
    bus_destroy(&m->platform_bus);
    vclock_destroy(&m->clock);
    ram_destroy(&m->storage);
out_inputs:
    if (m)
        free(m->dtb);
    free(m);
    elf_image_free(&fw);
    arm_kernel_free(&kernel);
    free(initrd);
    return rc;
}

const struct machine_def machine_sae = { "sae", run };
