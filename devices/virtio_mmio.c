/* virtio-mmio transport version 2. Sections refer to Virtio 1.1 (virtio-v1.1-cs01). */
#include "devices/virtio_mmio.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"

/* Register offsets (§4.2.2, Table 4.1). */
enum {
    MMIO_MAGIC = 0x000, MMIO_VERSION = 0x004, MMIO_DEVICE_ID = 0x008, MMIO_VENDOR_ID = 0x00c,
    MMIO_DEV_FEATURES = 0x010, MMIO_DEV_FEATURES_SEL = 0x014, MMIO_DRV_FEATURES = 0x020,
    MMIO_DRV_FEATURES_SEL = 0x024, MMIO_QUEUE_SEL = 0x030, MMIO_QUEUE_NUM_MAX = 0x034,
    MMIO_QUEUE_NUM = 0x038, MMIO_QUEUE_READY = 0x044, MMIO_QUEUE_NOTIFY = 0x050,
    MMIO_INT_STATUS = 0x060, MMIO_INT_ACK = 0x064, MMIO_STATUS = 0x070,
    MMIO_QUEUE_DESC_LO = 0x080, MMIO_QUEUE_DESC_HI = 0x084, MMIO_QUEUE_DRIVER_LO = 0x090,
    MMIO_QUEUE_DRIVER_HI = 0x094, MMIO_QUEUE_DEVICE_LO = 0x0a0, MMIO_QUEUE_DEVICE_HI = 0x0a4,
    MMIO_CONFIG_GEN = 0x0fc, MMIO_CONFIG = 0x100,
};

#define VIRTIO_MMIO_MAGIC 0x74726976u      /* "virt" */
#define VIRTIO_VENDOR_QEMU 0x554d4551u     /* "QEMU", as QEMU's transports report */

struct virtio_mmio {
    struct virtio_guest_mem mem;
    const struct virtio_device_ops *ops;
    void *dev;
    uint32_t dev_features_sel, drv_features_sel, queue_sel;
    uint64_t drv_features;
    uint32_t status, int_status, config_gen;
    struct virtqueue vq[VIRTIO_MMIO_MAX_QUEUES];
    struct irq_out irq;
};

static void update_irq(struct virtio_mmio *t)
{
    irq_out_set(&t->irq, t->int_status != 0);
}

static void transport_reset(struct virtio_mmio *t)
{
    t->dev_features_sel = t->drv_features_sel = t->queue_sel = 0;
    t->drv_features = 0;
    t->status = t->int_status = 0;
    for (unsigned q = 0; q < VIRTIO_MMIO_MAX_QUEUES; q++)
        virtqueue_reset(&t->vq[q]);
    update_irq(t);
}

struct virtio_mmio *virtio_mmio_create(const struct virtio_guest_mem *mem)
{
    struct virtio_mmio *t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->mem = *mem;
    transport_reset(t);
    return t;
}

void virtio_mmio_destroy(struct virtio_mmio *t)
{
    free(t);
}

void virtio_mmio_set_device(struct virtio_mmio *t, const struct virtio_device_ops *ops, void *dev)
{
    t->ops = ops;
    t->dev = dev;
    transport_reset(t);
}

bool virtio_mmio_has_device(const struct virtio_mmio *t)
{
    return t->ops != NULL;
}

bool virtio_mmio_irq_level(const struct virtio_mmio *t)
{
    return t->int_status != 0;
}

void virtio_mmio_connect_irq(struct virtio_mmio *t, irq_sink_fn sink, void *opaque, unsigned line)
{
    irq_out_connect(&t->irq, sink, opaque, line);
}

struct virtqueue *virtio_mmio_queue(struct virtio_mmio *t, unsigned q)
{
    return q < VIRTIO_MMIO_MAX_QUEUES ? &t->vq[q] : NULL;
}

const struct virtio_guest_mem *virtio_mmio_mem(const struct virtio_mmio *t)
{
    return &t->mem;
}

bool virtio_mmio_driver_ok(const struct virtio_mmio *t)
{
    return (t->status & VIRTIO_STATUS_DRIVER_OK) && !(t->status & VIRTIO_STATUS_NEEDS_RESET);
}

uint64_t virtio_mmio_driver_features(const struct virtio_mmio *t)
{
    return t->drv_features;
}

void virtio_mmio_notify_used(struct virtio_mmio *t, unsigned q)
{
    if (q < VIRTIO_MMIO_MAX_QUEUES && !virtqueue_should_notify(&t->vq[q], &t->mem))
        return;
    t->int_status |= VIRTIO_MMIO_INT_VRING;
    update_irq(t);
}

void virtio_mmio_notify_config(struct virtio_mmio *t)
{
    t->config_gen++;
    t->int_status |= VIRTIO_MMIO_INT_CONFIG;
    update_irq(t);
}

void virtio_mmio_needs_reset(struct virtio_mmio *t, const char *why)
{
    qlog(LOG_GUEST_ERRORS, "virtio-mmio: device needs reset: %s\n", why);
    t->status |= VIRTIO_STATUS_NEEDS_RESET;
    if (t->status & VIRTIO_STATUS_DRIVER_OK) {
        t->int_status |= VIRTIO_MMIO_INT_CONFIG;
        update_irq(t);
    }
}

static uint64_t offered(const struct virtio_mmio *t)
{
    return t->ops->features | (1ull << VIRTIO_F_VERSION_1);
}

static struct virtqueue *cur_queue(struct virtio_mmio *t)
{
    return t->queue_sel < t->ops->num_queues ? &t->vq[t->queue_sel] : NULL;
}

static uint32_t reg_read(struct virtio_mmio *t, uint32_t off)
{
    struct virtqueue *vq;
    switch (off) {
    case MMIO_MAGIC: return VIRTIO_MMIO_MAGIC;
    case MMIO_VERSION: return 2;
    case MMIO_DEVICE_ID: return t->ops ? t->ops->device_id : 0;
    case MMIO_VENDOR_ID: return VIRTIO_VENDOR_QEMU;
    }
    if (!t->ops)
        return 0;           /* no device: only the identification registers answer */
    switch (off) {
    case MMIO_DEV_FEATURES:
        return t->dev_features_sel < 2 ? (uint32_t)(offered(t) >> (32 * t->dev_features_sel)) : 0;
    case MMIO_QUEUE_NUM_MAX:
        return cur_queue(t) ? VIRTQ_MAX_SIZE : 0;   /* 0: queue not available (§4.2.3.2) */
    case MMIO_QUEUE_READY:
        vq = cur_queue(t);
        return vq ? vq->ready : 0;
    case MMIO_INT_STATUS: return t->int_status;
    case MMIO_STATUS: return t->status;
    case MMIO_CONFIG_GEN: return t->config_gen;
    default:
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: read of write-only or unknown register 0x%03x\n", off);
        return 0;
    }
}

/* Status write (§2.1, §3.1.1). 0 resets; FEATURES_OK is kept only if the feature set is valid. */
static void write_status(struct virtio_mmio *t, uint32_t v)
{
    if (v == 0) {
        transport_reset(t);
        if (t->ops->reset)
            t->ops->reset(t->dev);
        return;
    }
    if ((t->status & ~v) & 0xff & ~VIRTIO_STATUS_NEEDS_RESET)
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: driver cleared status bits 0x%x without a reset\n",
             t->status & ~v);
    if ((v & VIRTIO_STATUS_FEATURES_OK) && !(t->status & VIRTIO_STATUS_FEATURES_OK)) {
        uint64_t bad = t->drv_features & ~offered(t);
        if (bad || !(t->drv_features & (1ull << VIRTIO_F_VERSION_1))) {
            qlog(LOG_GUEST_ERRORS, "virtio-mmio: FEATURES_OK refused (driver features 0x%llx)\n",
                 (unsigned long long)t->drv_features);
            v &= ~(uint32_t)VIRTIO_STATUS_FEATURES_OK;
        }
    }
    t->status = (v & 0xff & ~VIRTIO_STATUS_NEEDS_RESET) | (t->status & VIRTIO_STATUS_NEEDS_RESET);
}

static void set_half(uint64_t *r, bool high, uint32_t v)
{
    if (high)
        *r = (*r & 0xffffffffull) | (uint64_t)v << 32;
    else
        *r = (*r & ~0xffffffffull) | v;
}

static void reg_write(struct virtio_mmio *t, uint32_t off, uint32_t v)
{
    if (!t->ops) {
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: write 0x%x to 0x%03x of an empty transport\n", v, off);
        return;
    }
    struct virtqueue *vq = cur_queue(t);
    switch (off) {
    case MMIO_DEV_FEATURES_SEL: t->dev_features_sel = v; return;
    case MMIO_DRV_FEATURES_SEL: t->drv_features_sel = v; return;
    case MMIO_DRV_FEATURES:
        if (t->status & VIRTIO_STATUS_FEATURES_OK)
            qlog(LOG_GUEST_ERRORS, "virtio-mmio: DriverFeatures written after FEATURES_OK\n");
        else if (t->drv_features_sel < 2)
            set_half(&t->drv_features, t->drv_features_sel == 1, v);
        return;
    case MMIO_QUEUE_SEL: t->queue_sel = v; return;
    case MMIO_INT_ACK:
        t->int_status &= ~v;
        update_irq(t);
        return;
    case MMIO_STATUS:
        write_status(t, v);
        return;
    case MMIO_QUEUE_NOTIFY:
        if (v < t->ops->num_queues && t->vq[v].ready && virtio_mmio_driver_ok(t)) {
            if (t->ops->queue_notify)
                t->ops->queue_notify(t->dev, v);
        } else {
            qlog(LOG_GUEST_ERRORS, "virtio-mmio: notify of queue %u, which is not live\n", v);
        }
        return;
    }
    /* Queue registers: the selected queue must exist and not be live (§4.2.3.2). */
    if (!vq) {
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: write to 0x%03x for absent queue %u\n", off,
             t->queue_sel);
        return;
    }
    if (vq->ready && off != MMIO_QUEUE_READY) {
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: queue %u reconfigured while ready: ignored\n",
             t->queue_sel);
        return;
    }
    switch (off) {
    case MMIO_QUEUE_NUM: vq->num = v; break;
    case MMIO_QUEUE_DESC_LO: case MMIO_QUEUE_DESC_HI:
        set_half(&vq->desc, off == MMIO_QUEUE_DESC_HI, v);
        break;
    case MMIO_QUEUE_DRIVER_LO: case MMIO_QUEUE_DRIVER_HI:
        set_half(&vq->avail, off == MMIO_QUEUE_DRIVER_HI, v);
        break;
    case MMIO_QUEUE_DEVICE_LO: case MMIO_QUEUE_DEVICE_HI:
        set_half(&vq->used, off == MMIO_QUEUE_DEVICE_HI, v);
        break;
    case MMIO_QUEUE_READY:
        if (!(v & 1)) {
            vq->ready = false;
        } else if (!vq->ready) {
            const char *why = virtqueue_check(vq);
            if (why) {
                qlog(LOG_GUEST_ERRORS, "virtio-mmio: queue %u not made ready: %s\n",
                     t->queue_sel, why);
            } else {
                vq->ready = true;
                vq->last_avail = vq->used_idx = 0;
            }
        }
        break;
    default:
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: write 0x%x to read-only or unknown register 0x%03x\n",
             v, off);
    }
}

static bool vmmio_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct virtio_mmio *t = opaque;
    *value = 0;
    if (offset >= MMIO_CONFIG && offset < VIRTIO_MMIO_SIZE) {
        if (t->ops && t->ops->config_read && offset + size <= VIRTIO_MMIO_SIZE)
            *value = t->ops->config_read(t->dev, (unsigned)(offset - MMIO_CONFIG), size);
        return true;
    }
    if (size != 4 || (offset & 3) || offset >= VIRTIO_MMIO_SIZE) {
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: %u-byte read at 0x%llx ignored\n", size,
             (unsigned long long)offset);
        return true;
    }
    *value = reg_read(t, (uint32_t)offset);
    return true;
}

static bool vmmio_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct virtio_mmio *t = opaque;
    if (offset >= MMIO_CONFIG && offset < VIRTIO_MMIO_SIZE) {
        if (t->ops && t->ops->config_write && offset + size <= VIRTIO_MMIO_SIZE)
            t->ops->config_write(t->dev, (unsigned)(offset - MMIO_CONFIG), size, value);
        return true;
    }
    if (size != 4 || (offset & 3) || offset >= VIRTIO_MMIO_SIZE) {
        qlog(LOG_GUEST_ERRORS, "virtio-mmio: %u-byte write at 0x%llx ignored\n", size,
             (unsigned long long)offset);
        return true;
    }
    reg_write(t, (uint32_t)offset, (uint32_t)value);
    return true;
}

const struct mmio_ops virtio_mmio_ops = { .read = vmmio_read, .write = vmmio_write };
