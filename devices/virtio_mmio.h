/* virtio-mmio transport, version 2 (modern), Virtio 1.1 (virtio-v1.1-cs01) §4.2.
 * QEMU's virt board has 32 transports at 0x0A00_0000 + 0x200*n (n = 0..31) with interrupt SPI 16+n
 * (INTID 48+n); a transport without a device reports DeviceID 0 and ignores writes, so Linux skips
 * it. Each transport is one region of VIRTIO_MMIO_SIZE bytes; opaque = the struct virtio_mmio *.
 *
 * Registers: MagicValue, Version (2), DeviceID, VendorID ("QEMU"), DeviceFeatures(Sel),
 * DriverFeatures(Sel), QueueSel, QueueNumMax, QueueNum, QueueReady, QueueNotify, InterruptStatus,
 * InterruptACK, Status, QueueDesc/Driver/Device Low/High, ConfigGeneration, config space at 0x100.
 * The transport adds VIRTIO_F_VERSION_1 to the device's features and refuses FEATURES_OK (§3.1.1)
 * when the driver accepts a feature not offered or does not accept VERSION_1. Writing 0 to Status
 * resets the device. QueueReady=1 is refused (logged) for a malformed queue setup. A malformed
 * descriptor chain sets DEVICE_NEEDS_RESET with a configuration-change interrupt (§2.1.1).
 * Not implemented: the legacy (version 1) interface, shared memory regions (SHMSel...), and
 * VIRTIO_F_INDIRECT_DESC / EVENT_IDX / packed rings (never offered). All registers are 32-bit
 * (other sizes are logged and ignored), except config space, which takes 1, 2, 4 and 8 bytes. */
#ifndef DEVICES_VIRTIO_MMIO_H
#define DEVICES_VIRTIO_MMIO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/bus.h"
#include "devices/irq.h"
#include "devices/virtqueue.h"

#define VIRTIO_MMIO_BASE 0x0a000000ull
#define VIRTIO_MMIO_STRIDE 0x200u
#define VIRTIO_MMIO_SIZE 0x200u
#define VIRTIO_MMIO_COUNT 32
#define VIRTIO_MMIO_SPI0 16            /* transport n uses SPI 16+n, i.e. INTID 48+n */

#define VIRTIO_F_VERSION_1 32

/* Device status bits (§2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER 2
#define VIRTIO_STATUS_DRIVER_OK 4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_NEEDS_RESET 64
#define VIRTIO_STATUS_FAILED 128

#define VIRTIO_MMIO_INT_VRING 1
#define VIRTIO_MMIO_INT_CONFIG 2

#define VIRTIO_MMIO_MAX_QUEUES 8

struct virtio_mmio;

/* What a device model supplies to its transport. */
struct virtio_device_ops {
    uint32_t device_id;
    uint64_t features;          /* device-specific feature bits (VERSION_1 is added) */
    unsigned num_queues;        /* <= VIRTIO_MMIO_MAX_QUEUES */
    /* The driver notified queue q (only called once DRIVER_OK is set and the queue is ready). */
    void (*queue_notify)(void *dev, unsigned q);
    /* Device configuration space access at offset off (little-endian fields, §4.2.2.2). */
    uint64_t (*config_read)(void *dev, unsigned off, unsigned size);
    void (*config_write)(void *dev, unsigned off, unsigned size, uint64_t value);
    /* The driver reset the device (Status = 0). Queues are reset by the transport. */
    void (*reset)(void *dev);
};

/* A transport over guest memory mem (copied; its opaque must outlive the transport), initially
 * without a device (DeviceID 0). Returns NULL when out of memory. */
struct virtio_mmio *virtio_mmio_create(const struct virtio_guest_mem *mem);
void virtio_mmio_destroy(struct virtio_mmio *t);
/* Plug a device in (ops = NULL unplugs). The transport is reset. */
void virtio_mmio_set_device(struct virtio_mmio *t, const struct virtio_device_ops *ops, void *dev);
bool virtio_mmio_has_device(const struct virtio_mmio *t);

extern const struct mmio_ops virtio_mmio_ops;

bool virtio_mmio_irq_level(const struct virtio_mmio *t);
void virtio_mmio_connect_irq(struct virtio_mmio *t, irq_sink_fn sink, void *opaque, unsigned line);

/* For device models. */
struct virtqueue *virtio_mmio_queue(struct virtio_mmio *t, unsigned q);
const struct virtio_guest_mem *virtio_mmio_mem(const struct virtio_mmio *t);
bool virtio_mmio_driver_ok(const struct virtio_mmio *t);
uint64_t virtio_mmio_driver_features(const struct virtio_mmio *t);
/* Used buffers were added to queue q: raise the used-buffer interrupt unless suppressed. */
void virtio_mmio_notify_used(struct virtio_mmio *t, unsigned q);
/* The device's configuration changed: bump ConfigGeneration, raise the config interrupt. */
void virtio_mmio_notify_config(struct virtio_mmio *t);
/* The driver broke the protocol: DEVICE_NEEDS_RESET + config interrupt. */
void virtio_mmio_needs_reset(struct virtio_mmio *t, const char *why);

#endif
