/* The whole virt board device set, wired: GICv3 (+ one CPU interface), PL011, PL031 and the 32
 * virtio-mmio transports mapped on a bus at the devices/virt_map.h addresses, every interrupt output
 * connected to its GIC input. Both Arm machines can use it: arm64-bare puts the regions on the CPU's
 * bus; the sae machine puts them on the bus its DIAGNOSE MMIO forwarding looks up. */
#ifndef DEVICES_VIRT_PLATFORM_H
#define DEVICES_VIRT_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#include "core/bus.h"
#include "core/vclock.h"
#include "devices/gicv3.h"
#include "devices/gicv3_cpuif.h"
#include "devices/pl011.h"
#include "devices/pl031.h"
#include "devices/virt_map.h"
#include "devices/virtio_console.h"
#include "devices/virtio_mmio.h"

struct virt_platform_config {
    const char *serial;             /* PL011 back end (-serial); NULL = "stdio" */
    const char *virtio_console;     /* back end of a virtio console on transport 0; NULL = none */
    uint64_t rtc_epoch;             /* PL031 value at virtual time 0 (seconds) */
    unsigned num_spis;              /* 0 = VIRT_NUM_SPIS (256) */
    struct virtio_guest_mem mem;    /* guest RAM as the virtio devices see it */
};

struct virt_platform {
    struct gicv3 *gic;
    struct gicv3_cpuif cpuif;       /* for a CPU model implementing ICC_* (arm64-bare) */
    struct pl011 *uart;
    struct pl031 *rtc;
    struct virtio_mmio *virtio[VIRT_VIRTIO_COUNT];
    struct virtio_console *console;
};

/* Create every device and add its MMIO region(s) to bus. clk must outlive the platform. Returns 0,
 * or -1 with a message (everything created so far is destroyed; regions already added to the bus
 * stay, so give up on the bus too). */
int virt_platform_create(struct virt_platform *vp, const struct virt_platform_config *cfg,
                         struct bus *bus, struct vclock *clk, char *err, size_t errlen);
void virt_platform_destroy(struct virt_platform *vp);

/* Flush serial output and take host input (PL011 and virtio console). Never blocks. */
void virt_platform_poll(struct virt_platform *vp);

/* The virt_dt_params.virtio_mask to describe this platform (all 32 transports, like QEMU). */
uint32_t virt_platform_virtio_mask(const struct virt_platform *vp);

#endif
