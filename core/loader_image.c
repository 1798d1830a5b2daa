/* Whole-file reading and the arm64 Linux Image header (Linux Documentation/arch/arm64/booting.rst,
 * "Call the kernel image"). The header is little-endian regardless of the kernel's own endianness. */
#include "core/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/endian.h"

#define FILE_MAX (1ULL << 34) /* 16 GiB: more than any kernel or initrd saesim is meant to load */

/* Pipes, character devices (e.g. -kernel <(zcat Image.gz)) and /proc files have no size: read
 * to EOF. */
static int read_stream(int fd, const char *path, uint8_t **buf, size_t *len, char *err, size_t errlen)
{
    size_t cap = 1 << 16, got = 0;
    uint8_t *p = malloc(cap);
    for (;;) {
        if (!p) {
            snprintf(err, errlen, "%s: out of memory", path);
            close(fd);
            return -1;
        }
        if (got == cap) {
            if (cap >= FILE_MAX) {
                snprintf(err, errlen, "%s: file is too large", path);
                free(p);
                close(fd);
                return -1;
            }
            uint8_t *n = realloc(p, cap * 2);
            if (!n)
                free(p);
            p = n;
            cap *= 2;
            continue;
        }
        ssize_t r = read(fd, p + got, cap - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            free(p);
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (got == 0) {
        free(p);
        snprintf(err, errlen, "%s: file is empty", path);
        return -1;
    }
    *buf = p;
    *len = got;
    return 0;
}

int file_read_all(const char *path, uint8_t **buf, size_t *len, char *err, size_t errlen)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: Is a directory", path);
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode))
        return read_stream(fd, path, buf, len, err, errlen);
    if (st.st_size == 0) /* empty, or a /proc-style file that has no size until read */
        return read_stream(fd, path, buf, len, err, errlen);
    if ((uint64_t)st.st_size > FILE_MAX) {
        snprintf(err, errlen, "%s: file is too large (%lld bytes)", path, (long long)st.st_size);
        close(fd);
        return -1;
    }
    size_t n = (size_t)st.st_size;
    uint8_t *p = malloc(n);
    if (!p) {
        snprintf(err, errlen, "%s: out of memory reading %zu bytes", path, n);
        close(fd);
        return -1;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            free(p);
            close(fd);
            return -1;
        }
        if (r == 0)
            break; /* shrank while reading: keep what is there */
        got += (size_t)r;
    }
    close(fd);
    if (got == 0) {
        free(p);
        snprintf(err, errlen, "%s: file is empty", path);
        return -1;
    }
    *buf = p;
    *len = got;
    return 0;
}

/* Header layout (booting.rst): code0 @0, code1 @4, text_offset @8, image_size @16, flags @24,
 * res2..res4 @32..55, magic "ARM\x64" @56, res5 (PE header offset) @60. */
#define IMG_HDR_LEN 64

bool arm64_image_probe(const uint8_t *buf, size_t len)
{
    return len >= IMG_HDR_LEN && ld_le32(buf + 56) == ARM64_IMAGE_MAGIC;
}

int arm64_image_parse(const uint8_t *buf, size_t len, struct arm64_image_header *h, char *err, size_t errlen)
{
    memset(h, 0, sizeof(*h));
    if (len < IMG_HDR_LEN) {
        snprintf(err, errlen, "arm64 Image truncated: %zu bytes, the header needs %d", len, IMG_HDR_LEN);
        return -1;
    }
    if (ld_le32(buf + 56) != ARM64_IMAGE_MAGIC) {
        snprintf(err, errlen, "not an arm64 Image (no \"ARM\\x64\" magic at offset 56)");
        return -1;
    }
    h->text_offset = ld_le64(buf + 8);
    h->image_size = ld_le64(buf + 16);
    h->flags = ld_le64(buf + 24);
    h->big_endian = (h->flags & 1) != 0;
    static const unsigned page_sizes[4] = { 0, 4096, 16384, 65536 };
    h->page_size = page_sizes[(h->flags >> 1) & 3];
    h->phys_anywhere = (h->flags & (1u << 3)) != 0;
    if (h->big_endian) {
        /* saesim's Arm guests are little-endian only (SCTLR_EL1.EE is RES0 in the SAE model). */
        snprintf(err, errlen, "arm64 Image is big-endian; saesim runs little-endian Arm guests only");
        return -1;
    }
    /* image_size is 0 for pre-3.17 kernels (then text_offset is 0x80000 by convention). The loader
     * copies the whole file, so the footprint is never less than the file. */
    if (h->image_size < len)
        h->image_size = len;
    if (h->text_offset >= (2ULL << 20) || h->image_size > (1ULL << 40)) {
        snprintf(err, errlen, "arm64 Image header implausible: text_offset 0x%llx, image_size 0x%llx",
                 (unsigned long long)h->text_offset, (unsigned long long)h->image_size);
        return -1;
    }
    return 0;
}
