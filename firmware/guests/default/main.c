/* The default guest: what a small operating system does on the saesim / QEMU virt platform.
 *   1. banner over the PL011;
 *   2. reads its device tree (x0 = DTB, arm64 booting protocol): model, compatible, /chosen/bootargs,
 *      /memory reg;
 *   3. GICv3 redistributor + CPU interface setup, five virtual-timer interrupts at 10 ms of guest
 *      counter time (CNTFRQ_EL0 gives the rate: 1 GHz on saesim, 62.5 MHz on QEMU);
 *   4. a computation with a checked result (sieve of Eratosthenes + CRC-32);
 *   5. PSCI over HVC: version and features, then SYSTEM_OFF.
 * Test modes, selected by bootargs: "saesim.test=abort" reads and writes IPAs where nothing is
 * mapped and expects synchronous external aborts; "saesim.test=reset" calls SYSTEM_RESET once. */
#include <stdarg.h>
#include <stdint.h>

#include "../../lib/fwlib.h"
#include "fdt_read.h"
#include "guest.h"

/* ---- console (PL011, ARM DDI 0183: DR 0x000, FR 0x018 TXFF bit 5, LCR_H 0x02C, CR 0x030) ---- */
static void uart_init(void)
{
    mmio_write32(UART_BASE + 0x30, 0);          /* disable while configuring */
    mmio_write32(UART_BASE + 0x2c, 0x70);       /* 8 bits, FIFOs on */
    mmio_write32(UART_BASE + 0x30, 0x301);      /* UARTEN | TXE | RXE */
}

static void uart_putc(char c)
{
    if (c == '\n')
        uart_putc('\r');
    for (unsigned spin = 0; spin < 1000000 && (mmio_read32(UART_BASE + 0x18) & 0x20); spin++)
        ;
    mmio_write32(UART_BASE, (uint8_t)c);
}

static void sink(void *opaque, char c)
{
    (void)opaque;
    uart_putc(c);
}

void guest_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fw_vformat(sink, 0, fmt, ap);
    va_end(ap);
}

/* ---- PSCI over HVC (Arm DEN 0022 PSCI 1.1; SMCCC DEN 0028: x0-x3 results, x4-x17 may change) ---- */
#define PSCI_VERSION        0x84000000u
#define PSCI_FEATURES       0x8400000au
#define PSCI_AFFINITY_INFO  0xc4000004u
#define PSCI_CPU_ON         0xc4000003u
#define PSCI_SYSTEM_OFF     0x84000008u
#define PSCI_SYSTEM_RESET   0x84000009u
#define SMCCC_VERSION       0x80000000u

static int64_t hvc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
    register uint64_t x0 __asm__("x0") = fid;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    register uint64_t x3 __asm__("x3") = a3;
    __asm__ volatile("hvc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
                     :
                     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
                       "x16", "x17", "memory");
    return (int64_t)x0;
}

static void __attribute__((noreturn)) power_off(void)
{
    hvc(PSCI_SYSTEM_OFF, 0, 0, 0);
    guest_printf("default guest: PSCI SYSTEM_OFF returned\n");
    for (;;)
        __asm__ volatile("wfi");
}

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        failures++;
        guest_printf("default guest: FAIL: %s\n", what);
    }
}

/* ---- exceptions ---- */
static volatile unsigned ticks;
static uint64_t tick_at[8];
static uint64_t timer_interval;

static volatile int abort_expected, undef_expected;
static volatile unsigned undefs_taken;
static volatile uint64_t abort_esr, abort_far;
static volatile unsigned aborts_taken;

static volatile int late_mode;

static void timer_irq(void)
{
    uint64_t now = read_sysreg(cntvct_el0);
    if (late_mode) {                            /* late-PPI test: one tick, then the timer is off */
        ticks = ticks + 1;
        write_sysreg(cntv_ctl_el0, 0);
        isb();
        return;
    }
    unsigned n = ticks;
    if (n < 8)
        tick_at[n] = now;
    ticks = n + 1;
    guest_printf("tick %u at %lu\n", n + 1, (unsigned long)now);
    if (n + 1 < 5)
        write_sysreg(cntv_tval_el0, timer_interval);
    else
        write_sysreg(cntv_ctl_el0, 0);          /* done: disable the timer (deasserts the PPI) */
    isb();
}

/* PL031 (ARM DDI 0224): DR 0x00, MR 0x04, IMSC 0x10, MIS 0x18, ICR 0x1C; SPI 2 = INTID 34. */
#define RTC_BASE  0x09010000ul
#define RTC_INTID 34u
static volatile unsigned rtc_irqs;
static uint32_t rtc_at;

static void rtc_irq(void)
{
    rtc_at = mmio_read32(RTC_BASE + 0x00);
    if (mmio_read32(RTC_BASE + 0x18) & 1)
        rtc_irqs = rtc_irqs + 1;
    mmio_write32(RTC_BASE + 0x1c, 1);           /* clear: the level-sensitive line drops */
}

static void irq(void)
{
    uint64_t intid = read_sysreg(icc_iar1_el1) & 0xffffff;
    if (intid >= 1020)
        return;                                 /* spurious */
    if (intid == PPI_VTIMER)
        timer_irq();
    else if (intid == RTC_INTID)
        rtc_irq();
    else
        guest_printf("unexpected interrupt %lu\n", (unsigned long)intid);
    write_sysreg(icc_eoir1_el1, intid);         /* EOImode 0: priority drop and deactivation */
    isb();
}

void exception_handler(uint64_t kind, struct exc_frame *f);
void exception_handler(uint64_t kind, struct exc_frame *f)
{
    if (kind == 5) {
        irq();
        return;
    }
    uint64_t esr = read_sysreg(esr_el1), far = read_sysreg(far_el1);
    unsigned ec = (unsigned)(esr >> 26) & 0x3f;
    /* EC 0x25: data abort from the current EL; DFSC 0b010000: synchronous external abort, not on a
     * translation table walk (Arm ARM D17.2.40 ESR_EL1). */
    /* EC 0x00: unknown reason (an UNDEFINED instruction), IL = 1. */
    if (kind == 4 && undef_expected && ec == 0x00) {
        undefs_taken++;
        abort_esr = esr;
        f->elr += 4;
        return;
    }
    if (kind == 4 && abort_expected && ec == 0x25 && (esr & 0x3f) == 0x10) {
        abort_esr = esr;
        abort_far = far;
        aborts_taken++;
        f->elr += 4;                            /* skip the access */
        return;
    }
    guest_printf("default guest: unexpected exception kind %lu ESR 0x%lx FAR 0x%lx ELR 0x%lx\n",
                 (unsigned long)kind, (unsigned long)esr, (unsigned long)far, (unsigned long)f->elr);
    guest_printf("default guest: FAIL\n");
    power_off();
}

/* ---- device tree ---- */
struct dt_info {
    const void *blob;
    const char *bootargs;
    uint64_t mem_base, mem_size;
};

static void print_strlist(const char *label, const char *p, uint32_t len)
{
    guest_printf("  %s:", label);
    for (uint32_t i = 0; i < len;) {
        guest_printf(" \"%s\"", p + i);
        i += (uint32_t)fw_strnlen(p + i, len - i) + 1;
    }
    guest_printf("\n");
}

static void read_dt(uint64_t x0, struct dt_info *dt)
{
    const void *blob = (const void *)x0;
    uint32_t size = blob ? fdtr_check_header(blob, 2u << 20) : 0;
    if (!size) {
        /* A loader that passes no x0 (QEMU with a bare ELF) still puts the DTB somewhere in RAM:
         * look for a valid header on each 1 MiB boundary until the end of RAM (an external abort). */
        abort_expected = 1;
        for (uintptr_t a = RAM_BASE; a < RAM_BASE + (1ul << 30) && !size; a += 1ul << 20) {
            unsigned before = aborts_taken;
            uint32_t magic = mmio_read32(a);
            if (aborts_taken != before)
                break;
            if (magic == 0xedfe0dd0u) { /* FDT_MAGIC read little-endian */
                blob = (const void *)a;
                size = fdtr_check_header(blob, 2u << 20);
            }
        }
        abort_expected = 0;
    }
    if (!size) {
        guest_printf("device tree: none found (x0 = 0x%lx)\n", (unsigned long)x0);
        check(0, "no device tree");
        return;
    }
    dt->blob = blob;
    guest_printf("device tree at %p, %u bytes, %d nodes\n", blob, size, fdtr_count_nodes(blob));
    int root = fdtr_path_offset(blob, "/");
    uint32_t len;
    const char *s = fdtr_prop(blob, root, "model", &len);
    if (s)
        guest_printf("  model: \"%s\"\n", s);
    s = fdtr_prop(blob, root, "compatible", &len);
    if (s)
        print_strlist("compatible", s, len);
    uint32_t ac = 2, sc = 1;
    const void *c = fdtr_prop(blob, root, "#address-cells", &len);
    if (c && len == 4)
        ac = fdtr_rd32(c);
    c = fdtr_prop(blob, root, "#size-cells", &len);
    if (c && len == 4)
        sc = fdtr_rd32(c);
    int chosen = fdtr_path_offset(blob, "/chosen");
    dt->bootargs = chosen >= 0 ? fdtr_prop(blob, chosen, "bootargs", &len) : 0;
    guest_printf("  bootargs: \"%s\"\n", dt->bootargs ? dt->bootargs : "");
    int mem = fdtr_path_offset(blob, "/memory");
    const uint8_t *reg = mem >= 0 ? fdtr_prop(blob, mem, "reg", &len) : 0;
    if (reg && len >= 4 * (ac + sc)) {
        dt->mem_base = fdtr_read_cells(reg, ac);
        dt->mem_size = fdtr_read_cells(reg + 4 * ac, sc);
        guest_printf("  memory: 0x%lx bytes at 0x%lx\n", (unsigned long)dt->mem_size,
                     (unsigned long)dt->mem_base);
    } else {
        check(0, "no /memory reg");
    }
}

/* ---- GICv3 (IHI 0069: GICD_CTLR, GICR_WAKER 0x14, SGI_base: IGROUPR0 0x80, ISENABLER0 0x100,
 *      IPRIORITYR 0x400) ---- */
static void gic_init(int enable_timer_ppi)
{
    mmio_write32(GICD_BASE + 0x0, (1u << 4) | (1u << 1) | 1u);  /* ARE, EnableGrp1, EnableGrp0 */
    uint32_t waker = mmio_read32(GICR_BASE + 0x14);
    mmio_write32(GICR_BASE + 0x14, waker & ~2u);                 /* ProcessorSleep = 0 */
    for (unsigned spin = 0; spin < 100000 && (mmio_read32(GICR_BASE + 0x14) & 4u); spin++)
        ;                                                         /* ChildrenAsleep */
    uintptr_t sgi = GICR_BASE + 0x10000;
    mmio_write32(sgi + 0x80, mmio_read32(sgi + 0x80) | (1u << PPI_VTIMER)); /* Group 1 */
    mmio_write8(sgi + 0x400 + PPI_VTIMER, 0xa0);                 /* priority */
    if (enable_timer_ppi)
        mmio_write32(sgi + 0x100, 1u << PPI_VTIMER);             /* enable */
    /* CPU interface (Arm ARM D13 / IHI 0069 12.2): system-register access, open priority mask,
     * Group 1 enabled. Under SAE these are the virtual ICV_* registers of the vGIC. */
    write_sysreg(icc_sre_el1, read_sysreg(icc_sre_el1) | 1);
    isb();
    write_sysreg(icc_pmr_el1, 0xff);
    write_sysreg(icc_bpr1_el1, 0);
    write_sysreg(icc_igrpen1_el1, 1);
    isb();
}

/* Sleep until *counter reaches n (incremented by an interrupt handler). The check and the WFI run with IRQs masked, so an interrupt
 * that arrives after the check still ends the WFI (Arm ARM D1.6.2: WFI wakes on a pending
 * interrupt regardless of PSTATE.I); it is then taken in the short unmasked window. */
static void wait_for(volatile unsigned *counter, unsigned n)
{
    __asm__ volatile("msr daifset, #2" ::: "memory");
    while (*counter < n) {
        __asm__ volatile("wfi");
        __asm__ volatile("msr daifclr, #2\n\tisb\n\tmsr daifset, #2" ::: "memory");
    }
}

static void timer_test(void)
{
    uint64_t freq = read_sysreg(cntfrq_el0);
    timer_interval = freq / 100;                                 /* 10 ms */
    guest_printf("timer: CNTFRQ_EL0 = %lu Hz, 5 ticks of %lu counts (10 ms)\n", (unsigned long)freq,
                 (unsigned long)timer_interval);
    uint64_t start = read_sysreg(cntvct_el0);
    write_sysreg(cntv_tval_el0, timer_interval);
    write_sysreg(cntv_ctl_el0, 1);                               /* ENABLE, IMASK = 0 */
    isb();
    wait_for(&ticks, 5);
    int ok = 1;
    uint64_t prev = start;
    for (unsigned i = 0; i < 5; i++) {
        if (tick_at[i] - prev < timer_interval)
            ok = 0;
        prev = tick_at[i];
    }
    guest_printf("timer: %u ticks in %lu counts, each >= 10 ms apart: %s\n", ticks,
                 (unsigned long)(tick_at[4] - start), ok ? "ok" : "FAIL");
    check(ok, "timer tick spacing");
}

/* The timer fires while its PPI is still disabled in the redistributor: no interrupt may arrive
 * (and the guest must keep running); once the PPI is enabled the pending tick is delivered. */
static void late_ppi_test(void)
{
    uint64_t interval = read_sysreg(cntfrq_el0) / 100;
    gic_init(0);
    late_mode = 1;
    uint64_t start = read_sysreg(cntvct_el0);
    write_sysreg(cntv_tval_el0, interval);
    write_sysreg(cntv_ctl_el0, 1);
    isb();
    __asm__ volatile("msr daifclr, #2" ::: "memory");
    while (read_sysreg(cntvct_el0) - start < 3 * interval)
        ;
    unsigned early = ticks;
    guest_printf("late-ppi test: timer expired with PPI 27 disabled: %u interrupts\n", early);
    __asm__ volatile("msr daifset, #2" ::: "memory");
    mmio_write32(GICR_BASE + 0x10000 + 0x100, 1u << PPI_VTIMER);
    wait_for(&ticks, 1);
    guest_printf("late-ppi test: tick delivered after enabling the PPI: %s\n", early == 0 && ticks == 1 ? "ok" : "FAIL");
    check(early == 0 && ticks == 1, "late PPI enable");
    late_mode = 0;
    ticks = 0;
}

/* A device interrupt: the PL031 match alarm, a level-sensitive SPI routed to CPU 0, Group 1
 * (GICD_IGROUPR1 0x84, IPRIORITYR 0x400, IROUTER 0x6000 + 8n, ISENABLER1 0x104). */
static void rtc_test(void)
{
    unsigned bit = RTC_INTID % 32;
    mmio_write32(GICD_BASE + 0x84, mmio_read32(GICD_BASE + 0x84) | (1u << bit));
    mmio_write8(GICD_BASE + 0x400 + RTC_INTID, 0x80);
    mmio_write32(GICD_BASE + 0x6000 + 8 * RTC_INTID, 0);
    mmio_write32(GICD_BASE + 0x6000 + 8 * RTC_INTID + 4, 0);
    mmio_write32(GICD_BASE + 0x104, 1u << bit);
    uint32_t now = mmio_read32(RTC_BASE + 0x00);
    mmio_write32(RTC_BASE + 0x04, now + 1);     /* match at the next second */
    mmio_write32(RTC_BASE + 0x1c, 1);
    mmio_write32(RTC_BASE + 0x10, 1);           /* unmask the alarm */
    wait_for(&rtc_irqs, 1);
    mmio_write32(RTC_BASE + 0x10, 0);
    int ok = rtc_irqs == 1 && rtc_at >= now + 1 && !(mmio_read32(RTC_BASE + 0x18) & 1);
    guest_printf("rtc test: alarm interrupt (INTID %u) set at %u, taken at %u: %s\n", RTC_INTID, now, rtc_at,
                 ok ? "ok" : "FAIL");
    check(ok, "PL031 alarm interrupt");
}

/* An IMPLEMENTATION DEFINED system register this core does not have must be UNDEFINED (under SAE:
 * trapped by HCR_EL2.TIDCP and injected by the host firmware). */
static void undef_test(void)
{
    undef_expected = 1;
    uint64_t v = 0x1234;
    __asm__ volatile("mrs %0, s3_0_c15_c7_7" : "+r"(v) : : "memory");
    undef_expected = 0;
    int ok = undefs_taken == 1 && (abort_esr >> 26) == 0 && v == 0x1234;
    guest_printf("undef test: MRS S3_0_C15_C7_7 -> UNDEFINED exception (ESR 0x%lx): %s\n", (unsigned long)abort_esr,
                 ok ? "ok" : "FAIL");
    check(ok, "UNDEFINED system register");
}

/* ---- computation ---- */
#define SIEVE_N 100000u
static uint8_t composite[SIEVE_N];

static void compute(void)
{
    unsigned count = 0;
    uint32_t crc = 0;
    for (unsigned i = 2; i < SIEVE_N; i++) {
        if (composite[i])
            continue;
        count++;
        uint8_t le[4] = { (uint8_t)i, (uint8_t)(i >> 8), (uint8_t)(i >> 16), (uint8_t)(i >> 24) };
        crc = fw_crc32(crc, le, 4);
        for (unsigned j = i * 2; j < SIEVE_N; j += i)
            composite[j] = 1;
    }
    /* Expected: pi(10^5) = 9592; CRC-32 of the primes as little-endian 32-bit words. */
    int ok = count == 9592 && crc == 0xdc49f864u;
    guest_printf("compute: %u primes below %u, crc32 0x%08x: %s\n", count, SIEVE_N, crc, ok ? "ok" : "FAIL");
    check(ok, "sieve/crc result");
}

/* ---- test modes ---- */
static void abort_test(const struct dt_info *dt)
{
    /* Holes in the virt memory map: 0x0e00_0000 (below RAM, no device) and the first page after RAM. */
    uint64_t addrs[2] = { 0x0e000000ul, dt->mem_base + dt->mem_size };
    abort_expected = 1;
    for (unsigned i = 0; i < 2; i++) {
        unsigned before = aborts_taken;
        (void)mmio_read32(addrs[i]);
        guest_printf("abort test: load from 0x%lx: %s (ESR 0x%lx FAR 0x%lx)\n", (unsigned long)addrs[i],
                     aborts_taken == before + 1 ? "external abort" : "NO ABORT", (unsigned long)abort_esr,
                     (unsigned long)abort_far);
        check(aborts_taken == before + 1 && abort_far == addrs[i], "load abort");
        before = aborts_taken;
        mmio_write32(addrs[i] + 8, 0x12345678);
        guest_printf("abort test: store to 0x%lx: %s (ESR 0x%lx)\n", (unsigned long)addrs[i] + 8,
                     aborts_taken == before + 1 ? "external abort" : "NO ABORT", (unsigned long)abort_esr);
        check(aborts_taken == before + 1 && (abort_esr & (1u << 6)), "store abort with WnR");
    }
    abort_expected = 0;
    guest_printf("abort test: %s\n", failures ? "FAIL" : "ok");
}

extern char _image_end[];
#define RESET_MAGIC 0x5245534554544553ull   /* "RESETTES" */

/* Returns 1 if the guest should go on to power off, 0 never (SYSTEM_RESET does not return). */
static void reset_test(void)
{
    /* A marker one page past the image: loaders re-place the image on reset, RAM beyond it stays. */
    volatile uint64_t *marker = (volatile uint64_t *)((((uintptr_t)_image_end + 0xfff) & ~0xffful) + 0x1000);
    if (*marker != RESET_MAGIC) {
        *marker = RESET_MAGIC;
        guest_printf("reset test: first boot, calling PSCI SYSTEM_RESET\n");
        hvc(PSCI_SYSTEM_RESET, 0, 0, 0);
        guest_printf("reset test: SYSTEM_RESET returned\n");
        check(0, "SYSTEM_RESET returned");
        return;
    }
    *marker = 0;
    guest_printf("reset test: second boot after SYSTEM_RESET: ok\n");
}

void guest_main(uint64_t x0);
void guest_main(uint64_t x0)
{
    uart_init();
    uint64_t el = (read_sysreg(CurrentEL) >> 2) & 3;
    guest_printf("\nsaesim default guest: AArch64 at EL%lu, MIDR_EL1 0x%lx, MPIDR_EL1 0x%lx\n",
                 (unsigned long)el, (unsigned long)read_sysreg(midr_el1), (unsigned long)read_sysreg(mpidr_el1));
    /* ID and cache-geometry registers (under SAE: trapped by TID3/TID2, emulated by the firmware). */
    write_sysreg(csselr_el1, 0);                /* L1 data cache */
    isb();
    guest_printf("id: ID_AA64PFR0_EL1 0x%lx ID_AA64MMFR0_EL1 0x%lx CTR_EL0 0x%lx CLIDR_EL1 0x%lx CCSIDR_EL1(L1D) 0x%lx\n",
                 (unsigned long)read_sysreg(id_aa64pfr0_el1), (unsigned long)read_sysreg(id_aa64mmfr0_el1),
                 (unsigned long)read_sysreg(ctr_el0), (unsigned long)read_sysreg(clidr_el1),
                 (unsigned long)read_sysreg(ccsidr_el1));
    struct dt_info dt = { 0, 0, 0, 0 };
    read_dt(x0, &dt);
    const char *args = dt.bootargs ? dt.bootargs : "";
    if (fw_strstr(args, "saesim.test=reset"))
        reset_test();
    if (fw_strstr(args, "saesim.test=lateppi"))
        late_ppi_test();
    gic_init(1);
    if (fw_strstr(args, "saesim.test=rtc"))
        rtc_test();
    timer_test();
    compute();
    if (fw_strstr(args, "saesim.test=abort"))
        abort_test(&dt);
    if (fw_strstr(args, "saesim.test=undef"))
        undef_test();
    int64_t v = hvc(PSCI_VERSION, 0, 0, 0);
    guest_printf("psci: version %ld.%ld, SMCCC_VERSION 0x%lx, FEATURES(SYSTEM_OFF) %ld, CPU_ON(cpu 0) %ld\n",
                 (long)(v >> 16), (long)(v & 0xffff), (unsigned long)hvc(SMCCC_VERSION, 0, 0, 0),
                 (long)hvc(PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0), (long)hvc(PSCI_CPU_ON, 0, 0, 0));
    guest_printf("default guest: %s, powering off\n", failures ? "FAIL" : "all checks passed");
    power_off();
}
