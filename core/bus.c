/* Physical address decode. Regions are kept sorted by base and never overlap, so a lookup is a
 * binary search; CPUs hit the same region (RAM) almost every time, so a one-entry cache answers
 * first. An access must lie wholly inside one region: a real interconnect routes each transaction
 * to one slave, and an access straddling a region end is reported as unmapped. */
#include "core/bus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"

void bus_init(struct bus *b)
{
    memset(b, 0, sizeof(*b));
}

void bus_destroy(struct bus *b)
{
    free(b->regions);
    memset(b, 0, sizeof(*b));
}

static int bus_add(struct bus *b, const struct bus_region *nr, char *err, size_t errlen)
{
    if (nr->size == 0) {
        snprintf(err, errlen, "region '%s' at 0x%llx is empty", nr->name, (unsigned long long)nr->base);
        return -1;
    }
    if (nr->base + (nr->size - 1) < nr->base) {
        snprintf(err, errlen, "region '%s' at 0x%llx size 0x%llx wraps around the address space",
                 nr->name, (unsigned long long)nr->base, (unsigned long long)nr->size);
        return -1;
    }
    uint64_t last = nr->base + (nr->size - 1);
    size_t pos = 0;
    while (pos < b->count && b->regions[pos].base < nr->base)
        pos++;
    /* Only the neighbours can overlap a sorted, non-overlapping list. */
    const struct bus_region *clash = NULL;
    if (pos > 0) {
        const struct bus_region *p = &b->regions[pos - 1];
        if (p->base + (p->size - 1) >= nr->base)
            clash = p;
    }
    if (!clash && pos < b->count && b->regions[pos].base <= last)
        clash = &b->regions[pos];
    if (clash) {
        snprintf(err, errlen, "region '%s' [0x%llx, 0x%llx] overlaps '%s' [0x%llx, 0x%llx]",
                 nr->name, (unsigned long long)nr->base, (unsigned long long)last, clash->name,
                 (unsigned long long)clash->base,
                 (unsigned long long)(clash->base + (clash->size - 1)));
        return -1;
    }
    if (b->count == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 8;
        struct bus_region *n = realloc(b->regions, ncap * sizeof(*n));
        if (!n) {
            snprintf(err, errlen, "out of memory adding region '%s'", nr->name);
            return -1;
        }
        b->regions = n;
        b->cap = ncap;
    }
    memmove(&b->regions[pos + 1], &b->regions[pos], (b->count - pos) * sizeof(*b->regions));
    b->regions[pos] = *nr;
    b->count++;
    b->last = NULL; /* the array may have moved */
    return 0;
}

int bus_add_ram(struct bus *b, const char *name, uint64_t base, uint64_t size, uint8_t *host,
                char *err, size_t errlen)
{
    if (!host) {
        snprintf(err, errlen, "RAM region '%s' has no host memory", name);
        return -1;
    }
    struct bus_region r = { .name = name, .base = base, .size = size, .kind = BUS_RAM, .host = host };
    return bus_add(b, &r, err, errlen);
}

int bus_add_mmio(struct bus *b, const char *name, uint64_t base, uint64_t size,
                 const struct mmio_ops *ops, void *opaque, char *err, size_t errlen)
{
    if (!ops || !ops->read || !ops->write) {
        snprintf(err, errlen, "MMIO region '%s' lacks read/write handlers", name);
        return -1;
    }
    struct bus_region r = { .name = name, .base = base, .size = size, .kind = BUS_MMIO,
                            .ops = ops, .opaque = opaque };
    return bus_add(b, &r, err, errlen);
}

static inline bool region_has(const struct bus_region *r, uint64_t addr)
{
    return addr - r->base < r->size; /* unsigned: false when addr < base */
}

const struct bus_region *bus_find(struct bus *b, uint64_t addr)
{
    if (b->last && region_has(b->last, addr))
        return b->last;
    size_t lo = 0, hi = b->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct bus_region *r = &b->regions[mid];
        if (addr < r->base)
            hi = mid;
        else if (addr - r->base >= r->size)
            lo = mid + 1;
        else {
            b->last = r;
            return r;
        }
    }
    return NULL;
}

/* The region holding all of [addr, addr+len), or NULL. */
static const struct bus_region *find_range(struct bus *b, uint64_t addr, uint64_t len)
{
    const struct bus_region *r = bus_find(b, addr);
    if (!r || len > r->size - (addr - r->base))
        return NULL;
    return r;
}

uint8_t *bus_ram_ptr(struct bus *b, uint64_t addr, uint64_t len)
{
    const struct bus_region *r = find_range(b, addr, len);
    if (!r || r->kind != BUS_RAM)
        return NULL;
    return r->host + (addr - r->base);
}

static bool valid_size(unsigned size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

enum bus_result bus_read(struct bus *b, uint64_t addr, unsigned size, bool big_endian, uint64_t *value)
{
    const struct bus_region *r = valid_size(size) ? find_range(b, addr, size) : NULL;
    if (!r)
        return BUS_UNMAPPED;
    uint64_t off = addr - r->base;
    if (r->kind == BUS_RAM) {
        *value = big_endian ? ld_be(r->host + off, size) : ld_le(r->host + off, size);
        return BUS_OK;
    }
    uint64_t v = 0;
    if (!r->ops->read(r->opaque, off, size, &v))
        return BUS_DEVICE_ERROR;
    if (size < 8)
        v &= (1ULL << (size * 8)) - 1;
    *value = v;
    return BUS_OK;
}

enum bus_result bus_write(struct bus *b, uint64_t addr, unsigned size, bool big_endian, uint64_t value)
{
    const struct bus_region *r = valid_size(size) ? find_range(b, addr, size) : NULL;
    if (!r)
        return BUS_UNMAPPED;
    uint64_t off = addr - r->base;
    if (r->kind == BUS_RAM) {
        if (big_endian)
            st_be(r->host + off, size, value);
        else
            st_le(r->host + off, size, value);
        return BUS_OK;
    }
    if (size < 8)
        value &= (1ULL << (size * 8)) - 1;
    return r->ops->write(r->opaque, off, size, value) ? BUS_OK : BUS_DEVICE_ERROR;
}
