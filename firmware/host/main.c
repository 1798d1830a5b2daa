/* Host firmware entry: discovery (§2.4), boot parameters, stage-2 tables, the vCPU (§9, §10), then
 * the run loop. See docs/firmware.md. */
#include "diag.h"
#include "fw.h"
#include "sae_insn.h"

extern char __heap_start[];
static uint64_t heap_next;
static struct fw the_fw;
static struct saesim_fw_stats stats __attribute__((aligned(8)));
static uint8_t qmc_block[4096] __attribute__((aligned(4096)));
static uint8_t template_block[4096] __attribute__((aligned(4096)));

void *fw_alloc(uint64_t size, uint64_t align)
{
    if (!heap_next)
        heap_next = (uint64_t)(uintptr_t)__heap_start;
    uint64_t p = (heap_next + align - 1) & ~(align - 1);
    if (p + size > SAESIM_FW_AREA_END || p + size < p)
        fw_fatal("firmware heap exhausted (%lu bytes requested)", (unsigned long)size);
    heap_next = p + size;
    uint8_t *b = (uint8_t *)(uintptr_t)p;
    for (uint64_t i = 0; i < size; i++)
        b[i] = 0;
    return b;
}

static uint64_t s2_alloc(void *opaque, uint64_t size, uint64_t align)
{
    (void)opaque;
    return (uint64_t)(uintptr_t)fw_alloc(size, align);
}

static void *s2_ptr(void *opaque, uint64_t real)
{
    (void)opaque;
    return (void *)(uintptr_t)real;   /* DAT off, prefix 0: real = absolute = pointer */
}

/* Called from start.S on a program interruption: report the PIC and the old PSW, then stop. */
void fw_program_check(void);
void fw_program_check(void)
{
    static int nested;
    const volatile uint8_t *lc = (const volatile uint8_t *)0;
    uint16_t pic = (uint16_t)(lc[0x8e] << 8 | lc[0x8f]);
    uint64_t psw_addr = *(const volatile uint64_t *)0x158, teid = *(const volatile uint64_t *)0xa8;
    if (nested++)
        for (;;)
            __asm__ volatile("lpswe 0x1c0");  /* disabled wait */
    fw_exit(SAESIM_EXIT_FATAL, pic, "program interruption code 0x%04x in the host firmware, old PSW address 0x%lx (TEID 0x%lx)",
            pic, (unsigned long)psw_addr, (unsigned long)teid);
}

static bool in_ram(const struct boot_params *bp, uint64_t ipa, uint64_t size)
{
    return ipa >= bp->ram_ipa && size <= bp->ram_size && ipa - bp->ram_ipa <= bp->ram_size - size;
}

/* Copy the BPB (big-endian, native here) and check what saesim promised (saesim-hostif.h). */
static void read_bpb(struct fw *fw)
{
    const struct saesim_bpb *b = (const struct saesim_bpb *)(uintptr_t)SAESIM_BPB_ADDR;
    if (b->magic != SAESIM_BPB_MAGIC)
        fw_fatal("no boot parameter block at 0x%x (magic 0x%08x)", SAESIM_BPB_ADDR, b->magic);
    if (b->version != SAESIM_BPB_VERSION)
        fw_fatal("boot parameter block version %u, firmware supports %u", b->version, SAESIM_BPB_VERSION);
    struct boot_params *bp = &fw->bp;
    bp->flags = b->flags;
    bp->ram_ipa = b->ram_ipa;
    bp->ram_size = b->ram_size;
    bp->ram_host = b->ram_host;
    bp->kernel_host = b->kernel_host;
    bp->kernel_size = b->kernel_size;
    bp->kernel_ipa = b->kernel_ipa;
    bp->kernel_entry = b->kernel_entry;
    bp->kernel_kind = b->kernel_kind;
    bp->initrd_host = b->initrd_host;
    bp->initrd_size = b->initrd_size;
    bp->initrd_ipa = b->initrd_ipa;
    bp->dtb_host = b->dtb_host;
    bp->dtb_size = b->dtb_size;
    bp->dtb_ipa = b->dtb_ipa;
    bp->ipa_limit = b->ipa_limit ? b->ipa_limit : SAESIM_GUEST_DEFAULT_IPA_LIMIT;
    const uint64_t mib = 1ull << 20;
    if (!bp->ram_size || (bp->ram_size | bp->ram_ipa | bp->ram_host) & (mib - 1))
        fw_fatal("guest RAM (IPA 0x%lx, size 0x%lx, host 0x%lx) must be 1 MiB aligned", (unsigned long)bp->ram_ipa,
                 (unsigned long)bp->ram_size, (unsigned long)bp->ram_host);
    if (bp->ram_host < SAESIM_FW_AREA_END)
        fw_fatal("guest RAM at host 0x%lx overlaps the firmware area", (unsigned long)bp->ram_host);
    if (bp->ram_ipa + bp->ram_size > bp->ipa_limit || bp->ipa_limit > S2_LIMIT)
        fw_fatal("guest RAM beyond the IPA limit 0x%lx", (unsigned long)bp->ipa_limit);
    if (!bp->kernel_size || !in_ram(bp, bp->kernel_ipa, bp->kernel_size))
        fw_fatal("kernel (IPA 0x%lx, 0x%lx bytes) is not inside guest RAM", (unsigned long)bp->kernel_ipa,
                 (unsigned long)bp->kernel_size);
    if (!in_ram(bp, bp->kernel_entry, 4) || (bp->kernel_entry & 3))
        fw_fatal("kernel entry 0x%lx is not in guest RAM", (unsigned long)bp->kernel_entry);
    if (bp->initrd_size && !in_ram(bp, bp->initrd_ipa, bp->initrd_size))
        fw_fatal("initrd (IPA 0x%lx) is not inside guest RAM", (unsigned long)bp->initrd_ipa);
    if (bp->dtb_size) {
        if (!in_ram(bp, bp->dtb_ipa, bp->dtb_size) || (bp->dtb_ipa & 7) ||
            bp->dtb_ipa + bp->dtb_size > bp->ram_ipa + SAESIM_GUEST_DTB_WINDOW)
            fw_fatal("DTB at IPA 0x%lx must be 8-byte aligned, in RAM and in its first 512 MiB",
                     (unsigned long)bp->dtb_ipa);
    }
}

static void place(const struct fw *fw, const char *what, uint64_t host, uint64_t size, uint64_t ipa)
{
    if (!size)
        return;
    uint64_t dst = fw->bp.ram_host + (ipa - fw->bp.ram_ipa);
    if (dst == host)
        return;
    if (fw->verbose)
        fw_printf("saesim-fw: copying %s (0x%lx bytes) from 0x%lx to IPA 0x%lx\n", what, (unsigned long)size,
                  (unsigned long)host, (unsigned long)ipa);
    __builtin_memmove((void *)(uintptr_t)dst, (const void *)(uintptr_t)host, size);
}

void fw_place_images(struct fw *fw)
{
    const struct boot_params *bp = &fw->bp;
    place(fw, "kernel", bp->kernel_host, bp->kernel_size, bp->kernel_ipa);
    place(fw, "initrd", bp->initrd_host, bp->initrd_size, bp->initrd_ipa);
    place(fw, "DTB", bp->dtb_host, bp->dtb_size, bp->dtb_ipa);
}

static uint64_t qmc_reg(const struct fw *fw, unsigned idx)
{
    return *(const uint64_t *)(fw->qmc + QMC_REG_OFF(idx));
}

/* §2.3/§2.4: PTFF QAF bits 0x10/0x11, QAAF fc 1 and fc 2, QAGTO(0). */
static void probe_sae(struct fw *fw)
{
    struct machine_info *mi = &fw->mi;
    uint8_t qaf[16] __attribute__((aligned(8)));
    for (int i = 0; i < 16; i++)
        qaf[i] = 0;
    if (ptff(PTFF_QAF, qaf) == 0) {
        mi->ptff_qagto = (qaf[PTFF_QAGTO >> 3] & (0x80 >> (PTFF_QAGTO & 7))) != 0;
        mi->ptff_qagpt = (qaf[PTFF_QAGPT >> 3] & (0x80 >> (PTFF_QAGPT & 7))) != 0;
    }
    if (mi->sclp_ok && !mi->aef)
        fw_fatal("the SAE facility is not installed (SCLP AEF bit is 0 for CPU %u)", mi->cpu_addr);
    if (!mi->ptff_qagto || !mi->ptff_qagpt)
        fw_fatal("PTFF for arm on s390 is not available (QAF bits 0x10/0x11)");
    fw->qmc = qmc_block;
    fw->sa_template = template_block;
    qaaf(QAAF_FC_QMC, fw->qmc);
    qaaf(QAAF_FC_GISRSA | (0u << 8), fw->sa_template);
    if (!(fw->qmc[QMC_OFF_SSDF] & 0x80) || !(fw->qmc[QMC_OFF_SSAF] & 0x80))
        fw_fatal("SD/SA format 0 not supported (ssdf 0x%02x ssaf 0x%02x)", fw->qmc[QMC_OFF_SSDF], fw->qmc[QMC_OFF_SSAF]);
    if (!(qmc_reg(fw, QAAF_IRPTC) >> 63))
        fw_fatal("the GICv3 virtual CPU interface (IRPTC type 0) is not offered");
    uint64_t pb[2] __attribute__((aligned(8))) = { 0, 0 };
    ptff(PTFF_QAGTO, pb);                   /* the offset that makes the guest counter read 0 now */
    fw->gpto = pb[1];
}

void fw_main(void);
void fw_main(void)
{
    struct fw *fw = &the_fw;
    stats.magic = SAESIM_STATS_MAGIC;
    stats.version = 1;
    fw->stats = &stats;
    hostif_call(SAESIM_DIAG_STATS, (uint64_t)(uintptr_t)&stats, 0, 0, 0, 0);
    read_bpb(fw);
    fw_quiet = (fw->bp.flags & SAESIM_BPB_F_QUIET) != 0;
    fw->verbose = (fw->bp.flags & SAESIM_BPB_F_VERBOSE) != 0;
    if (!fw_quiet)
        fw_printf("saesim-fw " FW_VERSION ": s390 host firmware running an AArch64 guest through SAE\n");

    sclp_discover(&fw->mi);
    probe_sae(fw);
    const struct machine_info *mi = &fw->mi;
    if (mi->sclp_ok && fw->bp.ram_host + fw->bp.ram_size > mi->storage_size)
        fw_fatal("guest RAM ends at 0x%lx, beyond the %lu MiB of storage", (unsigned long)(fw->bp.ram_host + fw->bp.ram_size),
                 (unsigned long)(mi->storage_size >> 20));
    if (!fw_quiet) {
        if (mi->sclp_ok)
            fw_printf("saesim-fw: storage %lu MiB, CPU %u, AEF %s, EDAT-1 %s\n", (unsigned long)(mi->storage_size >> 20),
                      mi->cpu_addr, mi->aef ? "installed" : "absent", mi->edat1 ? "yes" : "no");
        else
            fw_printf("saesim-fw: SCLP Read SCP Info unavailable; relying on PTFF and QAAF\n");
        fw_printf("saesim-fw: QAAF: ssdf 0x%02x ssaf 0x%02x maxncpu %u MIDR 0x%lx PFR0 0x%lx MMFR0 0x%lx ICH_VTR 0x%lx\n",
                  fw->qmc[QMC_OFF_SSDF], fw->qmc[QMC_OFF_SSAF], (unsigned)(fw->qmc[QMC_OFF_MAXNCPU] << 8 | fw->qmc[QMC_OFF_MAXNCPU + 1]),
                  (unsigned long)qmc_reg(fw, QAAF_MIDR), (unsigned long)qmc_reg(fw, QAAF_AA64PFR0),
                  (unsigned long)qmc_reg(fw, QAAF_AA64MMFR0), (unsigned long)qmc_reg(fw, QAAF_ICH_VTR));
        fw_printf("saesim-fw: guest RAM %lu MiB at IPA 0x%lx (host 0x%lx), kernel 0x%lx bytes at 0x%lx, entry 0x%lx, "
                  "DTB at 0x%lx, initrd 0x%lx bytes\n",
                  (unsigned long)(fw->bp.ram_size >> 20), (unsigned long)fw->bp.ram_ipa, (unsigned long)fw->bp.ram_host,
                  (unsigned long)fw->bp.kernel_size, (unsigned long)fw->bp.kernel_ipa, (unsigned long)fw->bp.kernel_entry,
                  (unsigned long)fw->bp.dtb_ipa, (unsigned long)fw->bp.initrd_size);
    }

    /* Stage 2: region-third ASCE, all entries invalid, filled on demand (§7.3.3, §10 VM creation). */
    struct s2_ops ops = { 0, s2_alloc, s2_ptr };
    bool edat1 = mi->edat1 && !(fw->bp.flags & SAESIM_BPB_F_NO_EDAT1);
    if (s2_init(&fw->s2, &ops, edat1))
        fw_fatal("cannot allocate the stage-2 region-third table");
    fw_place_images(fw);

    /* vCPU: SD + SA, reset (§9), load the SA (LASRM), zero the guest vector registers. CR0 bits 45
     * (AFP registers) and 46 (vector enablement) let the firmware itself write VR0-VR31. */
    vcpu_create(fw);
    vcpu_reset(fw);
    lasrm(fw->sa);
    lctlg_cr0(stctg_cr0() | (1ull << (63 - 45)) | (1ull << (63 - 46)));
    vr_zero_all();
    if (!fw_quiet)
        fw_printf("saesim-fw: stage-2 %s pages, SD at 0x%lx, SA at 0x%lx, gpto 0x%lx; entering the guest\n",
                  edat1 ? "1 MiB" : "4 KiB", (unsigned long)(uintptr_t)fw->sd, (unsigned long)(uintptr_t)fw->sa,
                  (unsigned long)fw->gpto);
    run_loop(fw);
}
