/* A physical address space: RAM and MMIO regions, non-overlapping, looked up by binary search with a
 * one-entry cache. The Arm-bare machine's CPU bus and the device side of the SAE machine are buses. */
#ifndef CORE_BUS_H
#define CORE_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An MMIO device's register handlers. `offset` is relative to the region base; `size` is 1, 2, 4
 * or 8. Values are plain integers (the device's byte order is the device's business). A handler
 * returns false for an access the device rejects (the bus reports BUS_DEVICE_ERROR: the CPU model
 * turns it into an external abort / addressing exception). */
struct mmio_ops {
    bool (*read)(void *opaque, uint64_t offset, unsigned size, uint64_t *value);
    bool (*write)(void *opaque, uint64_t offset, unsigned size, uint64_t value);
};

enum bus_region_kind { BUS_RAM, BUS_MMIO };

struct bus_region {
    const char *name;
    uint64_t base;
    uint64_t size;
    enum bus_region_kind kind;
    uint8_t *host;               /* BUS_RAM: host pointer of `base` */
    const struct mmio_ops *ops;  /* BUS_MMIO */
    void *opaque;                /* BUS_MMIO */
};

struct bus {
    struct bus_region *regions;  /* sorted by base */
    size_t count, cap;
    const struct bus_region *last; /* lookup cache */
};

enum bus_result { BUS_OK = 0, BUS_UNMAPPED = 1, BUS_DEVICE_ERROR = 2 };

void bus_init(struct bus *b);
void bus_destroy(struct bus *b);

/* Add a region. Returns 0, or -1 with a message if it is empty, wraps or overlaps another region. */
int bus_add_ram(struct bus *b, const char *name, uint64_t base, uint64_t size, uint8_t *host,
                char *err, size_t errlen);
int bus_add_mmio(struct bus *b, const char *name, uint64_t base, uint64_t size,
                 const struct mmio_ops *ops, void *opaque, char *err, size_t errlen);

/* The region containing addr, or NULL. */
const struct bus_region *bus_find(struct bus *b, uint64_t addr);

/* Host pointer for a RAM range lying wholly inside one RAM region, or NULL. */
uint8_t *bus_ram_ptr(struct bus *b, uint64_t addr, uint64_t len);

/* Scalar access of `size` bytes. RAM is accessed in the requested byte order; an access must lie
 * inside one region. */
enum bus_result bus_read(struct bus *b, uint64_t addr, unsigned size, bool big_endian, uint64_t *value);
enum bus_result bus_write(struct bus *b, uint64_t addr, unsigned size, bool big_endian, uint64_t value);

#endif
