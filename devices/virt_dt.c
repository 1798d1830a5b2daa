/* The virt board's device tree (see virt_dt.h). Bindings: Linux Documentation/devicetree/bindings
 * (arm/psci.yaml, timer/arm,arch_timer.yaml, interrupt-controller/arm,gic-v3.yaml,
 * serial/pl011.yaml, rtc/arm,pl031, virtio/mmio.yaml, clock/fixed-clock.yaml). */
#include "devices/virt_dt.h"

#include <stdio.h>
#include <string.h>

#include "core/fdt_builder.h"

/* Phandles as QEMU numbers them. */
#define PH_APB_PCLK 0x8000
#define PH_CPU0 0x8001
#define PH_GIC 0x8002

/* GIC interrupt specifier (arm,gic-v3 binding): type (0 SPI, 1 PPI), number, flags. */
#define GIC_SPI 0
#define GIC_PPI 1
#define IRQ_EDGE_RISING 1
#define IRQ_LEVEL_HIGH 4

#define APB_PCLK_HZ 24000000u

static void reg2(struct fdt_builder *b, uint64_t base, uint64_t size)
{
    uint32_t c[4] = { (uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32), (uint32_t)size };
    fdtb_prop_cells(b, "reg", c, 4);
}

static void compat2(struct fdt_builder *b, const char *a, const char *c)
{
    const char *l[2] = { a, c };
    fdtb_prop_strlist(b, "compatible", l, 2);
}

static void spi(struct fdt_builder *b, unsigned n, unsigned flags)
{
    uint32_t c[3] = { GIC_SPI, n, flags };
    fdtb_prop_cells(b, "interrupts", c, 3);
}

void virt_dt_default_params(struct virt_dt_params *p, uint64_t ram_size)
{
    memset(p, 0, sizeof(*p));
    p->ram_base = VIRT_RAM_BASE;
    p->ram_size = ram_size;
    p->num_cpus = 1;
    p->virtio_mask = 0xffffffffu;
}

int virt_dt_build(const struct virt_dt_params *p, void **blob, size_t *size, char *err, size_t errlen)
{
    struct fdt_builder b;
    char name[64];

    if (p->num_cpus > 1) {
        snprintf(err, errlen, "virt DT: %u CPUs requested; the device models support 1", p->num_cpus);
        return -1;
    }
    if (!p->ram_size || p->ram_base + p->ram_size < p->ram_base) {
        snprintf(err, errlen, "virt DT: bad RAM range 0x%llx+0x%llx",
                 (unsigned long long)p->ram_base, (unsigned long long)p->ram_size);
        return -1;
    }
    if (p->initrd_end < p->initrd_start) {
        snprintf(err, errlen, "virt DT: initrd end below its start");
        return -1;
    }
    if (fdtb_init(&b, 0) < 0) {
        snprintf(err, errlen, "virt DT: out of memory");
        return -1;
    }

    fdtb_begin_node(&b, "");
    fdtb_prop_u32(&b, "interrupt-parent", PH_GIC);
    fdtb_prop_str(&b, "model", "linux,dummy-virt");
    fdtb_prop_u32(&b, "#size-cells", 2);
    fdtb_prop_u32(&b, "#address-cells", 2);
    fdtb_prop_str(&b, "compatible", "linux,dummy-virt");

    /* PSCI (DEN0022): the 0.2+ function IDs for SMC32/SMC64 callers using the 0.1 binding. */
    fdtb_begin_node(&b, "psci");
    fdtb_prop_u32(&b, "migrate", 0xc4000005);
    fdtb_prop_u32(&b, "cpu_on", 0xc4000003);
    fdtb_prop_u32(&b, "cpu_off", 0x84000002);
    fdtb_prop_u32(&b, "cpu_suspend", 0xc4000001);
    fdtb_prop_str(&b, "method", p->psci_method ? p->psci_method : "hvc");
    {
        const char *l[3] = { "arm,psci-1.0", "arm,psci-0.2", "arm,psci" };
        fdtb_prop_strlist(&b, "compatible", l, 3);
    }
    fdtb_end_node(&b);

    snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)p->ram_base);
    fdtb_begin_node(&b, name);
    reg2(&b, p->ram_base, p->ram_size);
    fdtb_prop_str(&b, "device_type", "memory");
    fdtb_end_node(&b);

    fdtb_begin_node(&b, "cpus");
    fdtb_prop_u32(&b, "#size-cells", 0);
    fdtb_prop_u32(&b, "#address-cells", 1);
    fdtb_begin_node(&b, "cpu@0");
    fdtb_prop_u32(&b, "phandle", PH_CPU0);
    fdtb_prop_u32(&b, "reg", 0);
    fdtb_prop_str(&b, "enable-method", "psci");
    fdtb_prop_str(&b, "compatible", "arm,arm-v8");
    fdtb_prop_str(&b, "device_type", "cpu");
    fdtb_end_node(&b);
    fdtb_end_node(&b);

    /* Architected timer: secure phys, non-secure phys, virtual, hypervisor PPIs, level-high (the
     * GICv3 binding carries no CPU mask). No clock-frequency: firmware-independent CNTFRQ_EL0. */
    fdtb_begin_node(&b, "timer");
    {
        uint32_t c[12] = { GIC_PPI, VIRT_TIMER_S_EL1_PPI, IRQ_LEVEL_HIGH,
                           GIC_PPI, VIRT_TIMER_NS_EL1_PPI, IRQ_LEVEL_HIGH,
                           GIC_PPI, VIRT_TIMER_VIRT_PPI, IRQ_LEVEL_HIGH,
                           GIC_PPI, VIRT_TIMER_NS_EL2_PPI, IRQ_LEVEL_HIGH };
        fdtb_prop_cells(&b, "interrupts", c, 12);
    }
    fdtb_prop_empty(&b, "always-on");
    compat2(&b, "arm,armv8-timer", "arm,armv7-timer");
    fdtb_end_node(&b);

    fdtb_begin_node(&b, "apb-pclk");
    fdtb_prop_u32(&b, "phandle", PH_APB_PCLK);
    fdtb_prop_str(&b, "clock-output-names", "clk24mhz");
    fdtb_prop_u32(&b, "clock-frequency", APB_PCLK_HZ);
    fdtb_prop_u32(&b, "#clock-cells", 0);
    fdtb_prop_str(&b, "compatible", "fixed-clock");
    fdtb_end_node(&b);

    snprintf(name, sizeof(name), "intc@%llx", (unsigned long long)VIRT_GICD_BASE);
    fdtb_begin_node(&b, name);
    fdtb_prop_u32(&b, "phandle", PH_GIC);
    {
        uint32_t c[8] = { 0, (uint32_t)VIRT_GICD_BASE, 0, (uint32_t)VIRT_GICD_SIZE,
                          0, (uint32_t)VIRT_GICR_BASE, 0, (uint32_t)VIRT_GICR_SIZE };
        fdtb_prop_cells(&b, "reg", c, 8);
    }
    fdtb_prop_u32(&b, "#redistributor-regions", 1);
    fdtb_prop_str(&b, "compatible", "arm,gic-v3");
    fdtb_prop_empty(&b, "ranges");
    fdtb_prop_u32(&b, "#size-cells", 2);
    fdtb_prop_u32(&b, "#address-cells", 2);
    fdtb_prop_empty(&b, "interrupt-controller");
    fdtb_prop_u32(&b, "#interrupt-cells", 3);
    fdtb_end_node(&b);

    snprintf(name, sizeof(name), "pl011@%llx", (unsigned long long)VIRT_UART_BASE);
    fdtb_begin_node(&b, name);
    {
        const char *l[2] = { "uartclk", "apb_pclk" };
        fdtb_prop_strlist(&b, "clock-names", l, 2);
        uint32_t c[2] = { PH_APB_PCLK, PH_APB_PCLK };
        fdtb_prop_cells(&b, "clocks", c, 2);
    }
    spi(&b, VIRT_UART_SPI, IRQ_LEVEL_HIGH);
    reg2(&b, VIRT_UART_BASE, VIRT_UART_SIZE);
    compat2(&b, "arm,pl011", "arm,primecell");
    fdtb_end_node(&b);

    snprintf(name, sizeof(name), "pl031@%llx", (unsigned long long)VIRT_RTC_BASE);
    fdtb_begin_node(&b, name);
    fdtb_prop_str(&b, "clock-names", "apb_pclk");
    fdtb_prop_u32(&b, "clocks", PH_APB_PCLK);
    spi(&b, VIRT_RTC_SPI, IRQ_LEVEL_HIGH);
    reg2(&b, VIRT_RTC_BASE, VIRT_RTC_SIZE);
    compat2(&b, "arm,pl031", "arm,primecell");
    fdtb_end_node(&b);

    /* virtio-mmio transports: QEMU marks them edge-triggered and DMA-coherent. */
    for (unsigned n = 0; n < VIRT_VIRTIO_COUNT; n++) {
        if (!(p->virtio_mask & (1u << n)))
            continue;
        uint64_t base = VIRT_VIRTIO_BASE + n * VIRT_VIRTIO_SIZE;
        snprintf(name, sizeof(name), "virtio_mmio@%llx", (unsigned long long)base);
        fdtb_begin_node(&b, name);
        fdtb_prop_empty(&b, "dma-coherent");
        spi(&b, VIRT_VIRTIO_SPI0 + n, IRQ_EDGE_RISING);
        reg2(&b, base, VIRT_VIRTIO_SIZE);
        fdtb_prop_str(&b, "compatible", "virtio,mmio");
        fdtb_end_node(&b);
    }

    /* Newer QEMU also names the first UART serial0, so Linux numbers it ttyAMA0. */
    fdtb_begin_node(&b, "aliases");
    snprintf(name, sizeof(name), "/pl011@%llx", (unsigned long long)VIRT_UART_BASE);
    fdtb_prop_str(&b, "serial0", name);
    fdtb_end_node(&b);

    fdtb_begin_node(&b, "chosen");
    if (p->bootargs)
        fdtb_prop_str(&b, "bootargs", p->bootargs);
    snprintf(name, sizeof(name), "/pl011@%llx", (unsigned long long)VIRT_UART_BASE);
    fdtb_prop_str(&b, "stdout-path", name);
    if (p->initrd_end > p->initrd_start) {
        fdtb_prop_u64(&b, "linux,initrd-start", p->initrd_start);
        fdtb_prop_u64(&b, "linux,initrd-end", p->initrd_end);
    }
    fdtb_end_node(&b);

    fdtb_end_node(&b);
    return fdtb_finish(&b, blob, size, err, errlen);
}
