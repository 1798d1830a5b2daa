/* virtio console, one port. Sections refer to Virtio 1.1 (virtio-v1.1-cs01) §5.3. */
#include "devices/virtio_console.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/endian.h"
#include "core/log.h"
#include "devices/chardev.h"

#define RXQ 0
#define TXQ 1
#define CONFIG_SIZE 12          /* cols, rows, max_nr_ports, emerg_wr (§5.3.4) */

struct virtio_console {
    struct virtio_mmio *t;
    struct chardev *chr;
};

static void con_tx(struct virtio_console *c)
{
    struct virtqueue *vq = virtio_mmio_queue(c->t, TXQ);
    const struct virtio_guest_mem *mem = virtio_mmio_mem(c->t);
    struct virtq_elem e;
    uint8_t buf[256];
    bool used = false;
    int r;

    while ((r = virtqueue_pop(vq, mem, &e)) == 1) {
        size_t total = virtq_elem_out_size(&e);
        for (size_t done = 0; done < total;) {
            size_t want = total - done < sizeof(buf) ? total - done : sizeof(buf);
            long got = virtq_elem_read(&e, mem, done, buf, want);
            if (got <= 0) {
                virtio_mmio_needs_reset(c->t, "transmit buffer not in guest memory");
                return;
            }
            chardev_write(c->chr, buf, (size_t)got);
            done += (size_t)got;
        }
        /* The device writes nothing into a transmit buffer (§5.3.6.1). */
        if (!virtqueue_push(vq, mem, e.head, 0)) {
            virtio_mmio_needs_reset(c->t, "used ring not in guest memory");
            return;
        }
        used = true;
    }
    if (r < 0)
        virtio_mmio_needs_reset(c->t, "malformed transmit descriptor chain");
    if (used)
        virtio_mmio_notify_used(c->t, TXQ);
}

/* Fill receive buffers from `src` (a host buffer, or the back end when src is NULL). */
static size_t con_rx(struct virtio_console *c, const uint8_t *src, size_t n)
{
    if (!virtio_mmio_driver_ok(c->t))
        return 0;
    struct virtqueue *vq = virtio_mmio_queue(c->t, RXQ);
    const struct virtio_guest_mem *mem = virtio_mmio_mem(c->t);
    struct virtq_elem e;
    uint8_t buf[512];
    size_t delivered = 0;
    bool used = false;

    while (src ? delivered < n : chardev_has_input(c->chr)) {
        int r = virtqueue_pop(vq, mem, &e);
        if (r < 0) {
            virtio_mmio_needs_reset(c->t, "malformed receive descriptor chain");
            break;
        }
        if (r == 0)
            break;
        size_t room = virtq_elem_in_size(&e);
        if (room > sizeof(buf))
            room = sizeof(buf);
        size_t got;
        if (src) {
            got = n - delivered < room ? n - delivered : room;
            for (size_t i = 0; i < got; i++)
                buf[i] = src[delivered + i];
        } else {
            got = chardev_read(c->chr, buf, room);
        }
        if (got == 0) {
            virtqueue_unpop(vq);
            break;
        }
        if (virtq_elem_write(&e, mem, buf, got) != (long)got ||
            !virtqueue_push(vq, mem, e.head, (uint32_t)got)) {
            virtio_mmio_needs_reset(c->t, "receive buffer not in guest memory");
            break;
        }
        delivered += got;
        used = true;
    }
    if (used)
        virtio_mmio_notify_used(c->t, RXQ);
    return delivered;
}

static void con_notify(void *dev, unsigned q)
{
    struct virtio_console *c = dev;
    if (q == TXQ)
        con_tx(c);
    else
        con_rx(c, NULL, 0);     /* new receive buffers: deliver what is waiting */
}

static uint64_t con_config_read(void *dev, unsigned off, unsigned size)
{
    (void)dev;
    uint8_t cfg[CONFIG_SIZE + 8] = { 0 };
    /* cols = rows = 0 (F_SIZE not offered); max_nr_ports = 1; emerg_wr reads 0. */
    st_le32(cfg + 4, 1);
    if (off >= CONFIG_SIZE)
        return 0;
    return ld_le(cfg + off, size);
}

static void con_config_write(void *dev, unsigned off, unsigned size, uint64_t value)
{
    struct virtio_console *c = dev;
    if (off == 8 && size == 4) {        /* emerg_wr: one character, even before DRIVER_OK */
        uint8_t ch = (uint8_t)value;
        chardev_write(c->chr, &ch, 1);
        return;
    }
    qlog(LOG_GUEST_ERRORS, "virtio-console: %u-byte config write at %u ignored\n", size, off);
}

static const struct virtio_device_ops console_ops = {
    .device_id = VIRTIO_ID_CONSOLE,
    .features = 1ull << VIRTIO_CONSOLE_F_EMERG_WRITE,
    .num_queues = 2,
    .queue_notify = con_notify,
    .config_read = con_config_read,
    .config_write = con_config_write,
    .reset = NULL,
};

struct virtio_console *virtio_console_create(struct virtio_mmio *t, const char *serial_spec,
                                             char *err, size_t errlen)
{
    struct chardev *chr = chardev_open(serial_spec, err, errlen);
    if (!chr)
        return NULL;
    struct virtio_console *c = calloc(1, sizeof(*c));
    if (!c) {
        chardev_close(chr);
        snprintf(err, errlen, "virtio-console: out of memory");
        return NULL;
    }
    c->t = t;
    c->chr = chr;
    virtio_mmio_set_device(t, &console_ops, c);
    return c;
}

void virtio_console_destroy(struct virtio_console *c)
{
    if (!c)
        return;
    virtio_mmio_set_device(c->t, NULL, NULL);
    chardev_close(c->chr);
    free(c);
}

void virtio_console_poll_input(struct virtio_console *c)
{
    chardev_flush(c->chr);
    con_rx(c, NULL, 0);
}

size_t virtio_console_receive(struct virtio_console *c, const uint8_t *buf, size_t n)
{
    return con_rx(c, buf, n);
}
