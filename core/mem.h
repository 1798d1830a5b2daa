/* Guest physical memory: one sparse, bounds-checked block of host address space.
 * The block is reserved, not committed (mmap MAP_NORESERVE): a 64 GiB guest costs only the pages it
 * touches. Both the s390 host's absolute storage and the Arm-bare machine's RAM are one `struct ram`. */
#ifndef CORE_MEM_H
#define CORE_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RAM_MAX_SIZE (1ULL << 46) /* 64 TiB: the largest guest memory saesim accepts (-m) */

struct ram {
    uint8_t *host;  /* base of the reservation; NULL when size == 0 */
    uint64_t size;  /* bytes; a multiple of the host page size */
};

/* Reserve `size` bytes (rounded up to 64 KiB). Returns 0, or -1 with a message in err. */
int ram_init(struct ram *r, uint64_t size, char *err, size_t errlen);
void ram_destroy(struct ram *r);

/* True when [addr, addr+len) lies inside the block (no wrap-around). */
static inline bool ram_contains(const struct ram *r, uint64_t addr, uint64_t len)
{
    return addr < r->size && len <= r->size - addr;
}

/* Host pointer for [addr, addr+len), or NULL if any byte is outside. */
static inline uint8_t *ram_ptr(const struct ram *r, uint64_t addr, uint64_t len)
{
    return ram_contains(r, addr, len) ? r->host + addr : NULL;
}

/* Bounds-checked copies; return 0, or -1 if any byte is outside (then nothing is copied). */
int ram_read(const struct ram *r, uint64_t addr, void *buf, size_t len);
int ram_write(struct ram *r, uint64_t addr, const void *buf, size_t len);

/* Bounds-checked scalar accessors in either byte order; return 0 or -1. */
int ram_ld_be(const struct ram *r, uint64_t addr, unsigned size, uint64_t *val);
int ram_ld_le(const struct ram *r, uint64_t addr, unsigned size, uint64_t *val);
int ram_st_be(struct ram *r, uint64_t addr, unsigned size, uint64_t val);
int ram_st_le(struct ram *r, uint64_t addr, unsigned size, uint64_t val);

/* Host resident-set size of this process in bytes (from /proc/self/statm), for tests and stats. */
uint64_t host_rss_bytes(void);

/* Parse a memory size like QEMU's -m: a number with an optional K/M/G/T suffix (default unit M).
 * Returns 0 and the size in bytes, or -1 with a message (zero, overflow, above RAM_MAX_SIZE, junk). */
int parse_mem_size(const char *s, uint64_t *bytes, char *err, size_t errlen);

#endif
