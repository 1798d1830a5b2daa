/* Device tree for the virt board (devices/virt_map.h), built with core/fdt_builder.h. Node names
 * and properties follow what QEMU's virt board generates (hw/arm/virt.c) for the devices saesim
 * models, so Linux, kvm-unit-tests and saesim's own bare-metal tests find everything:
 *   /            compatible = model = "linux,dummy-virt", #address-cells = #size-cells = 2,
 *                interrupt-parent = <&intc>
 *   /psci        "arm,psci-1.0", "arm,psci-0.2", "arm,psci"; method (default "hvc"); PSCI 0.1 ids
 *   /memory@<base>, /cpus/cpu@0 ("arm,arm-v8", enable-method "psci")
 *   /timer       "arm,armv8-timer", "arm,armv7-timer"; PPIs 13, 14, 11, 10 (level); always-on;
 *                no clock-frequency: CNTFRQ_EL0 reads 1 GHz on saesim
 *   /apb-pclk    fixed-clock, 24 MHz
 *   /intc@8000000  "arm,gic-v3": GICD + one GICR frame pair
 *   /pl011@9000000 (SPI 1), /pl031@9010000 (SPI 2), /virtio_mmio@a000000 + 0x200 n (SPI 16+n, edge)
 *   /aliases     serial0 = "/pl011@9000000"
 *   /chosen      bootargs, stdout-path = "/pl011@9000000", linux,initrd-start/end
 * Omitted (not modelled): flash, fw-cfg, PCIe, GPIO/gpio-keys, PMU, ITS, platform bus. */
#ifndef DEVICES_VIRT_DT_H
#define DEVICES_VIRT_DT_H

#include <stddef.h>
#include <stdint.h>

#include "devices/virt_map.h"

struct virt_dt_params {
    uint64_t ram_base;          /* VIRT_RAM_BASE normally */
    uint64_t ram_size;
    unsigned num_cpus;          /* must be 1 (one redistributor is modelled) */
    const char *bootargs;       /* NULL: no bootargs property */
    uint64_t initrd_start;      /* initrd_end > initrd_start: add linux,initrd-start/end */
    uint64_t initrd_end;
    uint32_t virtio_mask;       /* bit n: emit /virtio_mmio node n (QEMU emits all 32: 0xffffffff) */
    const char *psci_method;    /* NULL: "hvc" */
};

/* Defaults: RAM at VIRT_RAM_BASE of ram_size bytes, 1 CPU, all 32 virtio nodes, PSCI over HVC. */
void virt_dt_default_params(struct virt_dt_params *p, uint64_t ram_size);

/* Build the DTB. On success returns 0 and hands over a malloc'ed blob (free() it). On failure
 * returns -1 with a one-line message. */
int virt_dt_build(const struct virt_dt_params *p, void **blob, size_t *size, char *err, size_t errlen);

#endif
