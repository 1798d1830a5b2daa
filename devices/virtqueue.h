/* Split virtqueues (Virtio 1.1, OASIS virtio-v1.1-cs01, §2.6) over a guest-memory accessor.
 * The device side only: take available descriptor chains, return them on the used ring. Indirect
 * descriptors and VIRTIO_F_EVENT_IDX are not offered by saesim's devices, so neither is handled;
 * VIRTQ_AVAIL_F_NO_INTERRUPT is honoured. All ring fields are little-endian (§2.4). */
#ifndef DEVICES_VIRTQUEUE_H
#define DEVICES_VIRTQUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Guest physical memory as the device sees it (the virtio "driver memory"). The arm64-bare machine
 * can use virtio_bus_mem() below; the SAE machine provides one that maps IPAs to host storage.
 * read/write copy len bytes at guest physical address gpa and return false if any byte of the range
 * is not guest RAM. */
struct virtio_guest_mem {
    bool (*read)(void *opaque, uint64_t gpa, void *buf, size_t len);
    bool (*write)(void *opaque, uint64_t gpa, const void *buf, size_t len);
    void *opaque;
};

struct bus;
/* An accessor over a core bus's RAM regions (opaque = the struct bus *). */
struct virtio_guest_mem virtio_bus_mem(struct bus *b);

#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_DESC_F_INDIRECT 4
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1

#define VIRTQ_MAX_SIZE 256      /* QueueNumMax of every saesim queue */
#define VIRTQ_MAX_SEGS 64       /* segments per chain the device accepts */

struct virtqueue {
    uint32_t num;               /* QueueNum (power of two, <= VIRTQ_MAX_SIZE) */
    bool ready;                 /* QueueReady */
    uint64_t desc, avail, used; /* guest physical ring addresses */
    uint16_t last_avail;        /* next available-ring index to consume */
    uint16_t used_idx;          /* our copy of used->idx */
};

struct virtq_seg {
    uint64_t addr;
    uint32_t len;
};

/* A descriptor chain split into device-readable (out) then device-writable (in) segments. */
struct virtq_elem {
    uint16_t head;
    unsigned n_out, n_in;
    struct virtq_seg out[VIRTQ_MAX_SEGS], in[VIRTQ_MAX_SEGS];
};

void virtqueue_reset(struct virtqueue *vq);

/* Validate the driver's setup before QueueReady = 1 (§2.6: size a power of two; alignments 16, 2
 * and 4 for descriptor table, available and used ring). Returns NULL or the problem. */
const char *virtqueue_check(const struct virtqueue *vq);

/* True if the driver has made a chain available that we have not taken. */
bool virtqueue_has_buffer(struct virtqueue *vq, const struct virtio_guest_mem *mem);

/* Take the next chain. Returns 1 with elem filled, 0 if none is available, -1 if the ring or chain
 * is malformed (bad index, loop, unreadable memory, readable segment after a writable one, too many
 * segments, indirect descriptor): the device should then signal DEVICE_NEEDS_RESET (§2.1.1). */
int virtqueue_pop(struct virtqueue *vq, const struct virtio_guest_mem *mem, struct virtq_elem *elem);

/* Give back the chain taken last, unused (e.g. no input arrived after all). */
void virtqueue_unpop(struct virtqueue *vq);

/* Return a chain on the used ring with `written` bytes written into its in-segments. Returns false
 * if the used ring is not writable. */
bool virtqueue_push(struct virtqueue *vq, const struct virtio_guest_mem *mem, uint16_t head,
                    uint32_t written);

/* Does the driver want an interrupt for used buffers (VIRTQ_AVAIL_F_NO_INTERRUPT clear)? */
bool virtqueue_should_notify(struct virtqueue *vq, const struct virtio_guest_mem *mem);

/* Copy out-segment bytes [skip, skip+len) of elem into buf; returns bytes copied or -1. */
long virtq_elem_read(const struct virtq_elem *e, const struct virtio_guest_mem *mem, size_t skip,
                     void *buf, size_t len);
/* Copy buf into the in-segments of elem from their start; returns bytes written or -1. */
long virtq_elem_write(const struct virtq_elem *e, const struct virtio_guest_mem *mem,
                      const void *buf, size_t len);
size_t virtq_elem_in_size(const struct virtq_elem *e);
size_t virtq_elem_out_size(const struct virtq_elem *e);

#endif
