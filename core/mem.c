/* Guest physical memory: a reserved-not-committed block of host address space.
 * A guest may be given tens of GiB but touch only a few MiB; MAP_NORESERVE plus anonymous private
 * mapping lets the host kernel commit a page only on first touch, so RSS tracks what the guest uses. */
#include "core/mem.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/endian.h"

#define RAM_GRANULE (64ULL << 10)

int ram_init(struct ram *r, uint64_t size, char *err, size_t errlen)
{
    r->host = NULL;
    r->size = 0;
    if (size == 0)
        return 0; /* an empty block: every access is out of bounds */
    if (size > RAM_MAX_SIZE) {
        snprintf(err, errlen, "memory size %llu bytes exceeds the maximum of %llu bytes (64 TiB)",
                 (unsigned long long)size, (unsigned long long)RAM_MAX_SIZE);
        return -1;
    }
    uint64_t rounded = (size + RAM_GRANULE - 1) & ~(RAM_GRANULE - 1);
    if (rounded > SIZE_MAX) {
        snprintf(err, errlen, "memory size %llu bytes does not fit the host address space",
                 (unsigned long long)size);
        return -1;
    }
    void *p = mmap(NULL, (size_t)rounded, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        snprintf(err, errlen, "cannot reserve %llu bytes of guest memory: %s",
                 (unsigned long long)rounded, strerror(errno));
        return -1;
    }
    /* Keep the "only touched pages cost" promise on hosts with transparent huge pages set to
     * "always": one guest store would otherwise commit 2 MiB. Advisory; failure is harmless. */
    (void)madvise(p, (size_t)rounded, MADV_NOHUGEPAGE);
    r->host = p;
    r->size = rounded;
    return 0;
}

void ram_destroy(struct ram *r)
{
    if (r->host)
        munmap(r->host, (size_t)r->size);
    r->host = NULL;
    r->size = 0;
}

int ram_read(const struct ram *r, uint64_t addr, void *buf, size_t len)
{
    if (!ram_contains(r, addr, len))
        return -1;
    if (len)
        memcpy(buf, r->host + addr, len);
    return 0;
}

int ram_write(struct ram *r, uint64_t addr, const void *buf, size_t len)
{
    if (!ram_contains(r, addr, len))
        return -1;
    if (len)
        memcpy(r->host + addr, buf, len);
    return 0;
}

static bool valid_size(unsigned size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

int ram_ld_be(const struct ram *r, uint64_t addr, unsigned size, uint64_t *val)
{
    if (!valid_size(size) || !ram_contains(r, addr, size))
        return -1;
    *val = ld_be(r->host + addr, size);
    return 0;
}

int ram_ld_le(const struct ram *r, uint64_t addr, unsigned size, uint64_t *val)
{
    if (!valid_size(size) || !ram_contains(r, addr, size))
        return -1;
    *val = ld_le(r->host + addr, size);
    return 0;
}

int ram_st_be(struct ram *r, uint64_t addr, unsigned size, uint64_t val)
{
    if (!valid_size(size) || !ram_contains(r, addr, size))
        return -1;
    st_be(r->host + addr, size, val);
    return 0;
}

int ram_st_le(struct ram *r, uint64_t addr, unsigned size, uint64_t val)
{
    if (!valid_size(size) || !ram_contains(r, addr, size))
        return -1;
    st_le(r->host + addr, size, val);
    return 0;
}

uint64_t host_rss_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long long total = 0, resident = 0;
    int n = fscanf(f, "%llu %llu", &total, &resident);
    fclose(f);
    if (n != 2)
        return 0;
    long page = sysconf(_SC_PAGESIZE);
    return (uint64_t)resident * (uint64_t)(page > 0 ? page : 4096);
}

int parse_mem_size(const char *s, uint64_t *bytes, char *err, size_t errlen)
{
    if (!s || !*s) {
        snprintf(err, errlen, "empty size");
        return -1;
    }
    if (!isdigit((unsigned char)s[0])) {
        snprintf(err, errlen, "not a number (expected e.g. 512M, 2G)");
        return -1;
    }
    uint64_t v = 0;
    const char *p = s;
    while (isdigit((unsigned char)*p)) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10) {
            snprintf(err, errlen, "number too large");
            return -1;
        }
        v = v * 10 + d;
        p++;
    }
    unsigned shift = 20; /* default unit: MiB, as QEMU's -m */
    if (*p) {
        switch (*p) {
        case 'b': case 'B': shift = 0; break;
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        case 't': case 'T': shift = 40; break;
        default:
            snprintf(err, errlen, "unknown size suffix '%s' (use K, M, G or T)", p);
            return -1;
        }
        p++;
        /* Accept "KiB"/"MB"-style spellings: an optional 'i' then 'B'. */
        if (shift && (*p == 'i' || *p == 'I'))
            p++;
        if (shift && (*p == 'b' || *p == 'B'))
            p++;
        if (*p) {
            snprintf(err, errlen, "junk after size: '%s'", p);
            return -1;
        }
    }
    if (v == 0) {
        snprintf(err, errlen, "size is zero");
        return -1;
    }
    if (v > (UINT64_MAX >> shift)) {
        snprintf(err, errlen, "size overflows 64 bits");
        return -1;
    }
    v <<= shift;
    if (v > RAM_MAX_SIZE) {
        snprintf(err, errlen, "size exceeds the maximum of 64T");
        return -1;
    }
    *bytes = v;
    return 0;
}
