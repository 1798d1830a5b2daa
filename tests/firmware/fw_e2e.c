/* End to end below the saesim executable: the real s390 CPU (s390/) with the SAE facility (sae/)
 * runs the host firmware ELF, which runs an Arm guest ELF through SAE; the saesim side of
 * firmware/include/saesim-hostif.h (boot parameter block + DIAGNOSE handlers) is implemented here
 * the way -M sae is expected to implement it, over the virt platform devices (devices/).
 *
 * usage: fw_e2e FIRMWARE.elf GUEST.elf "BOOTARGS" 'expected 1|expected 2|...' [max-s390-insns [GUEST.Image]]
 * With GUEST.Image the kernel is passed as an arm64 Image staged outside guest RAM (the firmware
 * copies it to RAM base + text_offset) instead of as ELF segments already in place.
 * Prints the firmware console and the guest's PL011 output; exits 0 when the guest powered off with
 * PSCI SYSTEM_OFF (a SYSTEM_RESET is honoured once per run by re-placing the guest image), every
 * expected string appeared in order in the guest output, and no guest line contains "FAIL". */
#include <elf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/bus.h"
#include "core/endian.h"
#include "core/loader.h"
#include "core/mem.h"
#include "core/vclock.h"
#include "devices/gicv3.h"
#include "devices/virt_dt.h"
#include "devices/virt_platform.h"
#include "s390/cpu.h"
#include "sae/sae_cpu.h"
#include "saesim-hostif.h"

#define HOST_STORAGE (256ull << 20)
#define RAM_HOST     (32ull << 20)
#define RAM_SIZE     (128ull << 20)
#define DTB_IPA      (SAESIM_GUEST_RAM_IPA + (16ull << 20))
#define STAGE_HOST   (200ull << 20)   /* where an Image kernel is staged, outside guest RAM */
#define INITRD_HOST  (220ull << 20)   /* FW_E2E_INITRD: a patterned initrd staged here ... */
#define INITRD_IPA   (SAESIM_GUEST_RAM_IPA + (32ull << 20))  /* ... that must appear here */
#define INITRD_SIZE  (256u << 10)

static struct ram ram;
static struct vclock clk;
static struct s390_cpu cpu;
static struct bus devbus;
static struct virt_platform vp;
static struct elf_image guest;
static uint8_t *image;
static size_t image_len;
static char fwcon[1 << 16];
static size_t fwcon_len;
static int exit_kind = -1, resets;
static uint64_t exit_detail, stats_addr, diag_count[32];

static int place_host(void *opaque, uint64_t addr, const void *data, size_t len)
{
    (void)opaque;
    return ram_write(&ram, addr, data, len);
}

static int place_guest(void *opaque, uint64_t ipa, const void *data, size_t len)
{
    (void)opaque;
    if (ipa < SAESIM_GUEST_RAM_IPA || ipa - SAESIM_GUEST_RAM_IPA + len > RAM_SIZE)
        return -1;
    return ram_write(&ram, RAM_HOST + (ipa - SAESIM_GUEST_RAM_IPA), data, len);
}

static void place_guest_image(void)
{
    char err[LOADER_ERR_MAX];
    if (image) {   /* staged outside RAM: the firmware copies it */
        ram_write(&ram, STAGE_HOST, image, image_len);
        return;
    }
    if (elf_place(&guest, 0, place_guest, NULL, err, sizeof(err))) {
        fprintf(stderr, "fw_e2e: %s\n", err);
        exit(2);
    }
}

/* One WAIT: advance virtual time to the deadline, running device events on the way, unless an
 * interrupt becomes pending first. */
static uint64_t do_wait(uint64_t deadline_tod)
{
    uint64_t tod_now = s390_tod_now(&cpu);
    uint64_t target = UINT64_MAX;
    if (deadline_tod) {
        if (deadline_tod <= tod_now)
            return SAESIM_WAIT_DEADLINE;
        target = vclock_now(&clk) + ((deadline_tod - tod_now) * 125 + 511) / 512;
    }
    for (;;) {
        virt_platform_poll(&vp);
        if (gicv3_highest_pending(vp.gic, NULL, NULL, NULL))
            return SAESIM_WAIT_EVENT;
        uint64_t next = vclock_next_deadline(&clk);
        if (next >= target) {
            if (target == UINT64_MAX) {
                s390_stop_run(&cpu, S390_STOP_EXIT, 4);
                fprintf(stderr, "fw_e2e: guest idle with no timer and no device event\n");
                return SAESIM_WAIT_HOST;
            }
            vclock_skip_to(&clk, target);
            return SAESIM_WAIT_DEADLINE;
        }
        vclock_skip_to(&clk, next);
        vclock_run_due(&clk);
    }
}

static int diag(void *opaque, struct s390_cpu *c, unsigned r1, unsigned r3, uint32_t code)
{
    (void)opaque;
    if (code < SAESIM_DIAG_FIRST || code > SAESIM_DIAG_LAST)
        return -1;
    uint64_t *a = &c->gr[r1], *b = &c->gr[(r1 + 1) & 15];
    uint64_t cv = c->gr[r3], dv = c->gr[(r3 + 1) & 15];
    diag_count[code - SAESIM_DIAG_FIRST]++;
    switch (code) {
    case SAESIM_DIAG_QUERY:
        *a = SAESIM_HOSTIF_VERSION;
        *b = SAESIM_BPB_ADDR;
        return 0;
    case SAESIM_DIAG_CONSOLE:
        if (*b <= sizeof(fwcon) - fwcon_len && ram_read(&ram, *a, fwcon + fwcon_len, *b) == 0) {
            fwrite(fwcon + fwcon_len, 1, *b, stdout);
            fwcon_len += *b;
        }
        *a = 0;
        return 0;
    case SAESIM_DIAG_MMIO_READ: {
        uint64_t v = 0;
        enum bus_result r = bus_read(&devbus, *a, (unsigned)*b, false, &v);
        *a = r == BUS_OK ? SAESIM_MMIO_OK : r == BUS_UNMAPPED ? SAESIM_MMIO_NO_DEVICE : SAESIM_MMIO_BAD_ACCESS;
        *b = v;
        return 0;
    }
    case SAESIM_DIAG_MMIO_WRITE: {
        enum bus_result r = bus_write(&devbus, *a, (unsigned)*b, false, cv);
        *a = r == BUS_OK ? SAESIM_MMIO_OK : r == BUS_UNMAPPED ? SAESIM_MMIO_NO_DEVICE : SAESIM_MMIO_BAD_ACCESS;
        return 0;
    }
    case SAESIM_DIAG_IRQ_PENDING: {
        unsigned intid = 1023, prio = 0, group = 0;
        virt_platform_poll(&vp);
        if (!gicv3_highest_pending(vp.gic, &intid, &prio, &group))
            intid = 1023;
        *a = intid;
        *b = (prio & 0xff) | (uint64_t)group << 8;
        return 0;
    }
    case SAESIM_DIAG_IRQ_ACK:
        *a = gicv3_acknowledge(vp.gic, (unsigned)*b);
        return 0;
    case SAESIM_DIAG_IRQ_DEACTIVATE:
        gicv3_deactivate(vp.gic, (unsigned)*a);
        *a = 0;
        return 0;
    case SAESIM_DIAG_IRQ_LINE:
        gicv3_set_irq(vp.gic, (unsigned)*a, *b != 0);
        *a = 0;
        return 0;
    case SAESIM_DIAG_WAIT:
        *a = do_wait(*a);
        return 0;
    case SAESIM_DIAG_EXIT:
        if (*a == SAESIM_EXIT_RESET && resets == 0) {
            resets++;
            place_guest_image();
            *a = 0;
            return 0;
        }
        exit_kind = (int)*a;
        exit_detail = dv;
        s390_stop_run(c, S390_STOP_EXIT, *a == SAESIM_EXIT_SYSTEM_OFF ? 0 : 1);
        return 0;
    case SAESIM_DIAG_STATS:
        stats_addr = *a;
        *a = 0;
        return 0;
    default:
        return -1;
    }
}

static void console_write(void *opaque, const uint8_t *buf, size_t len)
{
    (void)opaque;
    fwrite(buf, 1, len, stdout);
}

static const struct s390_env env = { NULL, diag, NULL, console_write, NULL };

static char *slurp(const char *path)
{
    uint8_t *buf;
    size_t len;
    char err[LOADER_ERR_MAX];
    if (file_read_all(path, &buf, &len, err, sizeof(err)))
        return strdup("");
    char *s = realloc(buf, len + 1);
    s[len] = 0;
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s FIRMWARE.elf GUEST.elf BOOTARGS EXPECTED [MAX_INSNS]\n", argv[0]);
        return 2;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    uint64_t max_insns = argc > 5 ? strtoull(argv[5], NULL, 0) : 4000000000ull;
    char err[LOADER_ERR_MAX];
    if (ram_init(&ram, HOST_STORAGE, err, sizeof(err))) {
        fprintf(stderr, "fw_e2e: %s\n", err);
        return 2;
    }
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    cpu.aef_installed = true;
    s390_cpu_init(&cpu, &ram, &clk, &env);
    cpu.aef_installed = true;
    if (!sae_cpu_attach(&cpu, NULL)) {
        fprintf(stderr, "fw_e2e: sae_cpu_attach failed\n");
        return 2;
    }

    struct elf_image fw;
    if (elf_load_file(argv[1], EM_S390, &fw, err, sizeof(err)) || elf_place(&fw, 0, place_host, NULL, err, sizeof(err)) ||
        elf_load_file(argv[2], EM_AARCH64, &guest, err, sizeof(err))) {
        fprintf(stderr, "fw_e2e: %s\n", err);
        return 2;
    }
    struct arm64_image_header ih;
    if (argc > 6) {
        if (file_read_all(argv[6], &image, &image_len, err, sizeof(err)) ||
            arm64_image_parse(image, image_len, &ih, err, sizeof(err))) {
            fprintf(stderr, "fw_e2e: %s\n", err);
            return 2;
        }
    }
    place_guest_image();

    /* Devices on their own bus (what the MMIO DIAGs reach), PL011 output to a file. */
    char serial_path[] = "/tmp/fw_e2e_serial_XXXXXX";
    int fd = mkstemp(serial_path);
    if (fd < 0)
        return 2;
    close(fd);
    char serial_spec[64];
    snprintf(serial_spec, sizeof(serial_spec), "file:%s", serial_path);
    bus_init(&devbus);
    struct virt_platform_config vcfg;
    memset(&vcfg, 0, sizeof(vcfg));
    vcfg.serial = serial_spec;
    if (virt_platform_create(&vp, &vcfg, &devbus, &clk, err, sizeof(err))) {
        fprintf(stderr, "fw_e2e: %s\n", err);
        return 2;
    }

    /* The guest's CPU interface is SAE's virtual one: the distributor must forward both groups
     * (virt_platform's physical cpuif model starts with its group enables off). */
    gicv3_set_cpu_groups(vp.gic, 3);

    struct virt_dt_params dtp;
    virt_dt_default_params(&dtp, RAM_SIZE);
    dtp.bootargs = argv[3];
    bool with_initrd = getenv("FW_E2E_INITRD") != NULL;
    if (with_initrd) {
        for (uint32_t i = 0; i < INITRD_SIZE; i += 4)
            ram_st_be(&ram, INITRD_HOST + i, 4, i * 2654435761u);
        dtp.initrd_start = INITRD_IPA;
        dtp.initrd_end = INITRD_IPA + INITRD_SIZE;
    }
    void *dtb;
    size_t dtb_size;
    if (virt_dt_build(&dtp, &dtb, &dtb_size, err, sizeof(err))) {
        fprintf(stderr, "fw_e2e: %s\n", err);
        return 2;
    }
    place_guest(NULL, DTB_IPA, dtb, dtb_size);

    /* The boot parameter block (big-endian). */
    uint8_t bpb[SAESIM_BPB_SIZE];
    memset(bpb, 0, sizeof(bpb));
    st_be32(bpb + 0x00, SAESIM_BPB_MAGIC);
    st_be16(bpb + 0x04, SAESIM_BPB_VERSION);
    st_be16(bpb + 0x06, SAESIM_BPB_SIZE);
    /* BPB flags: FW_E2E_FLAGS (number), FW_E2E_VERBOSE adds SAESIM_BPB_F_VERBOSE. */
    uint64_t flags = getenv("FW_E2E_FLAGS") ? strtoull(getenv("FW_E2E_FLAGS"), NULL, 0) : 0;
    if (getenv("FW_E2E_VERBOSE"))
        flags |= SAESIM_BPB_F_VERBOSE;
    st_be64(bpb + 0x08, flags);
    st_be64(bpb + 0x10, SAESIM_GUEST_RAM_IPA);
    st_be64(bpb + 0x18, RAM_SIZE);
    st_be64(bpb + 0x20, RAM_HOST);
    if (image) {
        uint64_t ipa = SAESIM_GUEST_RAM_IPA + ih.text_offset;
        st_be64(bpb + 0x28, STAGE_HOST);
        st_be64(bpb + 0x30, image_len);
        st_be64(bpb + 0x38, ipa);
        st_be64(bpb + 0x40, ipa);
        st_be32(bpb + 0x48, SAESIM_KERNEL_IMAGE);
    } else {
        st_be64(bpb + 0x28, RAM_HOST + (guest.lowest - SAESIM_GUEST_RAM_IPA));
        st_be64(bpb + 0x30, guest.highest - guest.lowest);
        st_be64(bpb + 0x38, guest.lowest);
        st_be64(bpb + 0x40, guest.entry);
        st_be32(bpb + 0x48, SAESIM_KERNEL_ELF);
    }
    if (with_initrd) {
        st_be64(bpb + 0x50, INITRD_HOST);
        st_be64(bpb + 0x58, INITRD_SIZE);
        st_be64(bpb + 0x60, INITRD_IPA);
    }
    st_be64(bpb + 0x68, RAM_HOST + (DTB_IPA - SAESIM_GUEST_RAM_IPA));
    st_be64(bpb + 0x70, dtb_size);
    st_be64(bpb + 0x78, DTB_IPA);
    ram_write(&ram, SAESIM_BPB_ADDR, bpb, sizeof(bpb));

    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA, fw.entry);
    enum s390_stop why = s390_run(&cpu, max_insns);
    fflush(stdout);

    char *out = slurp(serial_path);
    unlink(serial_path);
    printf("---- guest console ----\n%s---- end (s390 stop %d, exit kind %d detail 0x%llx, %llu s390 insns, "
           "virtual %llu ns) ----\n", out, (int)why, exit_kind, (unsigned long long)exit_detail,
           (unsigned long long)cpu.insns, (unsigned long long)vclock_now(&clk));
    if (stats_addr) {
        const uint8_t *st = ram_ptr(&ram, stats_addr, SAESIM_STATS_SIZE);
        printf("firmware stats: sae %llu icpt0 %llu icpt2 %llu icpt3 %llu icpt4 %llu icptA %llu maps %llu mmio r/w %llu/%llu "
               "hvc %llu sys %llu waits %llu timer %llu dev %llu sea %llu undef %llu\n",
               (unsigned long long)ld_be64(st + 0x08), (unsigned long long)ld_be64(st + 0x10),
               (unsigned long long)ld_be64(st + 0x20), (unsigned long long)ld_be64(st + 0x28),
               (unsigned long long)ld_be64(st + 0x30), (unsigned long long)ld_be64(st + 0x60),
               (unsigned long long)ld_be64(st + 0x90), (unsigned long long)ld_be64(st + 0x98),
               (unsigned long long)ld_be64(st + 0xA0), (unsigned long long)ld_be64(st + 0xA8),
               (unsigned long long)ld_be64(st + 0xB0), (unsigned long long)ld_be64(st + 0xB8),
               (unsigned long long)ld_be64(st + 0xC0), (unsigned long long)ld_be64(st + 0xC8),
               (unsigned long long)ld_be64(st + 0xD0), (unsigned long long)ld_be64(st + 0xD8));
        printf("gic: intid 27 pending %d active %d prio 0x%x group %u\n", gicv3_is_pending(vp.gic, 27),
               gicv3_is_active(vp.gic, 27), gicv3_priority(vp.gic, 27), gicv3_group(vp.gic, 27));
        printf("diag calls:");
        for (unsigned i = 0; i < 16; i++)
            printf(" %x:%llu", 0x5A10 + i, (unsigned long long)diag_count[i]);
        printf("\n");
    }
    int rc = 0;
    if (why != S390_STOP_EXIT || exit_kind != SAESIM_EXIT_SYSTEM_OFF) {
        printf("FAILED: the guest did not power off (PSW 0x%016llx %016llx)\n",
               (unsigned long long)s390_psw_mask(&cpu), (unsigned long long)cpu.psw.addr);
        rc = 1;
    }
    if (!stats_addr) {
        printf("FAILED: the firmware did not register its stats block\n");
        rc = 1;
    }
    char *want = strdup(argv[4]);
    const char *pos = out;
    for (char *tok = strtok(want, "|"); tok; tok = strtok(NULL, "|")) {
        const char *hit = strstr(pos, tok);
        if (!hit) {
            printf("FAILED: missing (in order): '%s'\n", tok);
            rc = 1;
            break;
        }
        pos = hit + strlen(tok);
    }
    if (with_initrd &&
        memcmp(ram_ptr(&ram, INITRD_HOST, INITRD_SIZE), ram_ptr(&ram, RAM_HOST + (INITRD_IPA - SAESIM_GUEST_RAM_IPA), INITRD_SIZE),
               INITRD_SIZE) != 0) {
        printf("FAILED: the initrd was not copied to IPA 0x%llx\n", (unsigned long long)INITRD_IPA);
        rc = 1;
    }
    const char *fw_expect = getenv("FW_E2E_FW_EXPECT");   /* a string the firmware console must hold */
    fwcon[fwcon_len < sizeof(fwcon) ? fwcon_len : sizeof(fwcon) - 1] = 0;
    if (fw_expect && !strstr(fwcon, fw_expect)) {
        printf("FAILED: firmware console lacks '%s'\n", fw_expect);
        rc = 1;
    }
    if (strstr(out, "FAIL")) {
        printf("FAILED: the guest reported a failure\n");
        rc = 1;
    }
    free(want);
    free(out);
    free(image);
    free(dtb);
    virt_platform_destroy(&vp);
    bus_destroy(&devbus);
    elf_image_free(&fw);
    elf_image_free(&guest);
    sae_cpu_detach(&cpu);
    s390_cpu_destroy(&cpu);
    vclock_destroy(&clk);
    ram_destroy(&ram);
    printf(rc ? "fw_e2e: FAILED\n" : "fw_e2e: OK\n");
    return rc;
}
