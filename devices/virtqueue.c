/* Split virtqueue device side. Sections refer to Virtio 1.1 (virtio-v1.1-cs01). */
#include "devices/virtqueue.h"

#include <string.h>

#include "core/bus.h"
#include "core/endian.h"
#include "core/log.h"

static bool bus_mem_read(void *opaque, uint64_t gpa, void *buf, size_t len)
{
    uint8_t *p = bus_ram_ptr(opaque, gpa, len);
    if (!p)
        return false;
    memcpy(buf, p, len);
    return true;
}

static bool bus_mem_write(void *opaque, uint64_t gpa, const void *buf, size_t len)
{
    uint8_t *p = bus_ram_ptr(opaque, gpa, len);
    if (!p)
        return false;
    memcpy(p, buf, len);
    return true;
}

struct virtio_guest_mem virtio_bus_mem(struct bus *b)
{
    return (struct virtio_guest_mem){ .read = bus_mem_read, .write = bus_mem_write, .opaque = b };
}

void virtqueue_reset(struct virtqueue *vq)
{
    memset(vq, 0, sizeof(*vq));
}

const char *virtqueue_check(const struct virtqueue *vq)
{
    if (vq->num == 0 || vq->num > VIRTQ_MAX_SIZE || (vq->num & (vq->num - 1)))
        return "queue size is not a power of two within QueueNumMax";
    if (vq->desc & 15)
        return "descriptor table not 16-byte aligned";
    if (vq->avail & 1)
        return "available ring not 2-byte aligned";
    if (vq->used & 3)
        return "used ring not 4-byte aligned";
    return NULL;
}

static bool rd16(const struct virtio_guest_mem *m, uint64_t a, uint16_t *v)
{
    uint8_t b[2];
    if (!m->read(m->opaque, a, b, 2))
        return false;
    *v = ld_le16(b);
    return true;
}

/* avail: flags at +0, idx at +2, ring[i] at +4+2i (§2.6.6). */
static bool avail_idx(struct virtqueue *vq, const struct virtio_guest_mem *m, uint16_t *idx)
{
    return rd16(m, vq->avail + 2, idx);
}

bool virtqueue_has_buffer(struct virtqueue *vq, const struct virtio_guest_mem *mem)
{
    uint16_t idx;
    return vq->ready && avail_idx(vq, mem, &idx) && idx != vq->last_avail;
}

int virtqueue_pop(struct virtqueue *vq, const struct virtio_guest_mem *m, struct virtq_elem *e)
{
    uint16_t idx, head;
    if (!vq->ready)
        return 0;
    if (!avail_idx(vq, m, &idx))
        return -1;
    if (idx == vq->last_avail)
        return 0;
    if ((uint16_t)(idx - vq->last_avail) > vq->num) {
        qlog(LOG_GUEST_ERRORS, "virtio: available index jumped by %u (queue size %u)\n",
             (uint16_t)(idx - vq->last_avail), vq->num);
        return -1;
    }
    if (!rd16(m, vq->avail + 4 + 2 * (uint64_t)(vq->last_avail % vq->num), &head))
        return -1;
    e->head = head;
    e->n_out = e->n_in = 0;
    uint16_t i = head;
    /* A chain visits each descriptor at most once; more than num steps means a loop (§2.6.5). */
    for (unsigned steps = 0;; steps++) {
        uint8_t d[16];
        if (i >= vq->num || steps >= vq->num) {
            qlog(LOG_GUEST_ERRORS, "virtio: descriptor chain index %u out of range or looping\n", i);
            return -1;
        }
        if (!m->read(m->opaque, vq->desc + 16 * (uint64_t)i, d, 16))
            return -1;
        uint64_t addr = ld_le64(d);
        uint32_t len = ld_le32(d + 8);
        uint16_t flags = ld_le16(d + 12), next = ld_le16(d + 14);
        if (flags & VIRTQ_DESC_F_INDIRECT) {
            qlog(LOG_GUEST_ERRORS, "virtio: indirect descriptor, but VIRTIO_F_INDIRECT_DESC was "
                 "not offered\n");
            return -1;
        }
        if (flags & VIRTQ_DESC_F_WRITE) {
            if (e->n_in >= VIRTQ_MAX_SEGS)
                return -1;
            e->in[e->n_in++] = (struct virtq_seg){ addr, len };
        } else {
            /* Device-readable descriptors must precede device-writable ones (§2.6.4.2). */
            if (e->n_in || e->n_out >= VIRTQ_MAX_SEGS)
                return -1;
            e->out[e->n_out++] = (struct virtq_seg){ addr, len };
        }
        if (!(flags & VIRTQ_DESC_F_NEXT))
            break;
        i = next;
    }
    vq->last_avail++;
    return 1;
}

void virtqueue_unpop(struct virtqueue *vq)
{
    vq->last_avail--;
}

bool virtqueue_push(struct virtqueue *vq, const struct virtio_guest_mem *m, uint16_t head,
                    uint32_t written)
{
    /* used: flags +0, idx +2, ring[i] = { le32 id, le32 len } at +4+8i (§2.6.8). The element is
     * written before the index so the driver never sees an index covering a stale entry. */
    uint8_t el[8], ix[2];
    st_le32(el, head);
    st_le32(el + 4, written);
    if (!m->write(m->opaque, vq->used + 4 + 8 * (uint64_t)(vq->used_idx % vq->num), el, 8))
        return false;
    vq->used_idx++;
    st_le16(ix, vq->used_idx);
    return m->write(m->opaque, vq->used + 2, ix, 2);
}

bool virtqueue_should_notify(struct virtqueue *vq, const struct virtio_guest_mem *m)
{
    uint16_t flags;
    if (!rd16(m, vq->avail, &flags))
        return true;
    return !(flags & VIRTQ_AVAIL_F_NO_INTERRUPT);
}

long virtq_elem_read(const struct virtq_elem *e, const struct virtio_guest_mem *m, size_t skip,
                     void *buf, size_t len)
{
    size_t done = 0;
    for (unsigned s = 0; s < e->n_out && done < len; s++) {
        size_t sl = e->out[s].len;
        if (skip >= sl) {
            skip -= sl;
            continue;
        }
        size_t n = sl - skip;
        if (n > len - done)
            n = len - done;
        if (!m->read(m->opaque, e->out[s].addr + skip, (uint8_t *)buf + done, n))
            return -1;
        done += n;
        skip = 0;
    }
    return (long)done;
}

long virtq_elem_write(const struct virtq_elem *e, const struct virtio_guest_mem *m,
                      const void *buf, size_t len)
{
    size_t done = 0;
    for (unsigned s = 0; s < e->n_in && done < len; s++) {
        size_t n = e->in[s].len;
        if (n > len - done)
            n = len - done;
        if (!m->write(m->opaque, e->in[s].addr, (const uint8_t *)buf + done, n))
            return -1;
        done += n;
    }
    return (long)done;
}

size_t virtq_elem_in_size(const struct virtq_elem *e)
{
    size_t n = 0;
    for (unsigned s = 0; s < e->n_in; s++)
        n += e->in[s].len;
    return n;
}

size_t virtq_elem_out_size(const struct virtq_elem *e)
{
    size_t n = 0;
    for (unsigned s = 0; s < e->n_out; s++)
        n += e->out[s].len;
    return n;
}
