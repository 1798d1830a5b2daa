/* virtio console device (device ID 3), Virtio 1.1 (virtio-v1.1-cs01) §5.3, on a virtio-mmio
 * transport. One port: receiveq (queue 0) and transmitq (queue 1); VIRTIO_CONSOLE_F_MULTIPORT and
 * F_SIZE are not offered. VIRTIO_CONSOLE_F_EMERG_WRITE is: a write to config field emerg_wr (offset
 * 8) emits one character. Transmitted bytes go to a serial back end chosen by the same specs as the
 * PL011 ("stdio", "null", "file:PATH", "unix:PATH"; see devices/chardev.h); received bytes are
 * delivered into the driver's receive buffers by virtio_console_poll_input(). */
#ifndef DEVICES_VIRTIO_CONSOLE_H
#define DEVICES_VIRTIO_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#include "devices/virtio_mmio.h"

#define VIRTIO_ID_CONSOLE 3
#define VIRTIO_CONSOLE_F_SIZE 0
#define VIRTIO_CONSOLE_F_MULTIPORT 1
#define VIRTIO_CONSOLE_F_EMERG_WRITE 2

struct virtio_console;

/* Create the device and plug it into transport t. Returns NULL with a message on failure. */
struct virtio_console *virtio_console_create(struct virtio_mmio *t, const char *serial_spec,
                                             char *err, size_t errlen);
/* Unplugs from the transport (which then reports DeviceID 0), flushes output and frees. */
void virtio_console_destroy(struct virtio_console *c);

/* Flush pending output and move available host input into receive buffers (never blocks; input
 * stays with the host while the driver has no buffer posted). Call periodically. */
void virtio_console_poll_input(struct virtio_console *c);

/* Deliver bytes directly (tests, debug shell). Returns how many fitted into posted buffers. */
size_t virtio_console_receive(struct virtio_console *c, const uint8_t *buf, size_t n);

#endif
