/* Loaders: ELF (via libelf, both big-endian s390x and little-endian AArch64), raw/flat binaries, and
 * the arm64 Linux `Image` header (Documentation/arch/arm64/booting.rst). Loaders parse and validate;
 * placing bytes in guest memory goes through a caller-supplied writer so the same code serves s390
 * absolute storage, the Arm-bare bus and the SAE boot-parameter area. */
#ifndef CORE_LOADER_H
#define CORE_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/symtab.h"

#define LOADER_ERR_MAX 256

/* Read a whole file. Returns 0 or -1 with "<path>: <reason>" in err. */
int file_read_all(const char *path, uint8_t **buf, size_t *len, char *err, size_t errlen);

struct elf_segment {
    uint64_t paddr;   /* load address (p_paddr) */
    uint64_t vaddr;
    uint64_t filesz;
    uint64_t memsz;   /* bytes beyond filesz are zero-filled */
    const uint8_t *data;
};

struct elf_image {
    uint16_t machine;      /* EM_S390 or EM_AARCH64 */
    bool big_endian;
    uint64_t entry;
    uint64_t lowest, highest;   /* [lowest, highest) covered by PT_LOAD memsz */
    struct elf_segment *segs;
    size_t nsegs;
    struct symtab symbols;
    uint8_t *file;         /* owned copy of the file contents */
    size_t file_len;
};

/* Load and validate an ELF executable for `expect_machine` (EM_S390 / EM_AARCH64) from a file or
 * a memory buffer (copied). Checks: ELF magic, class 64, byte order matching the machine, type EXEC,
 * machine, every PT_LOAD inside the file, no segment wrapping. Returns 0 or -1 with a one-line
 * message in err naming the problem. */
int elf_load_file(const char *path, uint16_t expect_machine, struct elf_image *img, char *err, size_t errlen);
int elf_load_buffer(const uint8_t *buf, size_t len, const char *name, uint16_t expect_machine,
                    struct elf_image *img, char *err, size_t errlen);
void elf_image_free(struct elf_image *img);
/* True if the buffer starts with the ELF magic. */
bool is_elf(const uint8_t *buf, size_t len);

/* Writer for placing loaded bytes: returns 0, or -1 if [addr, addr+len) is not writable memory. */
typedef int (*load_write_fn)(void *opaque, uint64_t addr, const void *data, size_t len);

/* Copy every PT_LOAD segment (zero-filling memsz beyond filesz) with `write` at paddr + bias.
 * Returns 0 or -1 with a message naming the segment that does not fit. */
int elf_place(const struct elf_image *img, int64_t bias, load_write_fn write, void *opaque,
              char *err, size_t errlen);

/* arm64 Linux Image header (64 bytes at offset 0). */
struct arm64_image_header {
    uint64_t text_offset;  /* image load offset from a 2 MiB aligned base */
    uint64_t image_size;   /* effective image size; 0 for old kernels (then: file size) */
    uint64_t flags;
    bool big_endian;       /* flags bit 0 */
    unsigned page_size;    /* flags bits 1-2: 0 unspecified, 4096, 16384, 65536 */
    bool phys_anywhere;    /* flags bit 3 */
};

#define ARM64_IMAGE_MAGIC 0x644d5241u /* "ARM\x64" at offset 56 */

/* True if buf holds an arm64 Image header. */
bool arm64_image_probe(const uint8_t *buf, size_t len);
/* Parse and validate the header. Returns 0 or -1 with a message. */
int arm64_image_parse(const uint8_t *buf, size_t len, struct arm64_image_header *h, char *err, size_t errlen);

#endif
