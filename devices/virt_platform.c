/* Wiring of the virt board (see virt_platform.h). */
#include "devices/virt_platform.h"

#include <stdio.h>
#include <string.h>

static int add(struct bus *bus, const char *name, uint64_t base, uint64_t size,
               const struct mmio_ops *ops, void *opaque, char *err, size_t errlen)
{
    return bus_add_mmio(bus, name, base, size, ops, opaque, err, errlen);
}

int virt_platform_create(struct virt_platform *vp, const struct virt_platform_config *cfg,
                         struct bus *bus, struct vclock *clk, char *err, size_t errlen)
{
    static const char *const vnames[VIRT_VIRTIO_COUNT] = {
        "virtio-mmio0", "virtio-mmio1", "virtio-mmio2", "virtio-mmio3", "virtio-mmio4",
        "virtio-mmio5", "virtio-mmio6", "virtio-mmio7", "virtio-mmio8", "virtio-mmio9",
        "virtio-mmio10", "virtio-mmio11", "virtio-mmio12", "virtio-mmio13", "virtio-mmio14",
        "virtio-mmio15", "virtio-mmio16", "virtio-mmio17", "virtio-mmio18", "virtio-mmio19",
        "virtio-mmio20", "virtio-mmio21", "virtio-mmio22", "virtio-mmio23", "virtio-mmio24",
        "virtio-mmio25", "virtio-mmio26", "virtio-mmio27", "virtio-mmio28", "virtio-mmio29",
        "virtio-mmio30", "virtio-mmio31",
    };
    memset(vp, 0, sizeof(*vp));

    vp->gic = gicv3_create(cfg->num_spis ? cfg->num_spis : VIRT_NUM_SPIS);
    if (!vp->gic) {
        snprintf(err, errlen, "virt: cannot create the GIC (%u SPIs)", cfg->num_spis);
        return -1;
    }
    gicv3_cpuif_init(&vp->cpuif, vp->gic);
    if (add(bus, "gicd", VIRT_GICD_BASE, VIRT_GICD_SIZE, &gicv3_dist_mmio_ops, vp->gic, err, errlen) ||
        add(bus, "gicr", VIRT_GICR_BASE, VIRT_GICR_SIZE, &gicv3_redist_mmio_ops, vp->gic, err,
            errlen))
        goto fail;

    vp->uart = pl011_create(cfg->serial, err, errlen);
    if (!vp->uart)
        goto fail;
    pl011_connect_irq(vp->uart, gicv3_irq_input, vp->gic, VIRT_SPI_INTID(VIRT_UART_SPI));
    if (add(bus, "pl011", VIRT_UART_BASE, VIRT_UART_SIZE, &pl011_mmio_ops, vp->uart, err, errlen))
        goto fail;

    vp->rtc = pl031_create(clk, cfg->rtc_epoch);
    if (!vp->rtc) {
        snprintf(err, errlen, "virt: out of memory");
        goto fail;
    }
    pl031_connect_irq(vp->rtc, gicv3_irq_input, vp->gic, VIRT_SPI_INTID(VIRT_RTC_SPI));
    if (add(bus, "pl031", VIRT_RTC_BASE, VIRT_RTC_SIZE, &pl031_mmio_ops, vp->rtc, err, errlen))
        goto fail;

    for (unsigned n = 0; n < VIRT_VIRTIO_COUNT; n++) {
        vp->virtio[n] = virtio_mmio_create(&cfg->mem);
        if (!vp->virtio[n]) {
            snprintf(err, errlen, "virt: out of memory");
            goto fail;
        }
        virtio_mmio_connect_irq(vp->virtio[n], gicv3_irq_input, vp->gic,
                                VIRT_SPI_INTID(VIRT_VIRTIO_SPI0 + n));
        if (add(bus, vnames[n], VIRT_VIRTIO_BASE + n * VIRT_VIRTIO_SIZE, VIRT_VIRTIO_SIZE,
                &virtio_mmio_ops, vp->virtio[n], err, errlen))
            goto fail;
    }
    if (cfg->virtio_console) {
        vp->console = virtio_console_create(vp->virtio[0], cfg->virtio_console, err, errlen);
        if (!vp->console)
            goto fail;
    }
    return 0;
fail:
    virt_platform_destroy(vp);
    return -1;
}

void virt_platform_destroy(struct virt_platform *vp)
{
    virtio_console_destroy(vp->console);
    for (unsigned n = 0; n < VIRT_VIRTIO_COUNT; n++)
        if (vp->virtio[n])
            virtio_mmio_destroy(vp->virtio[n]);
    pl031_destroy(vp->rtc);
    pl011_destroy(vp->uart);
    if (vp->gic)
        gicv3_destroy(vp->gic);
    memset(vp, 0, sizeof(*vp));
}

void virt_platform_poll(struct virt_platform *vp)
{
    if (vp->uart)
        pl011_poll_input(vp->uart);
    if (vp->console)
        virtio_console_poll_input(vp->console);
}

uint32_t virt_platform_virtio_mask(const struct virt_platform *vp)
{
    (void)vp;
    return 0xffffffffu;
}
