/* Freestanding helpers shared by the s390 host firmware and the bundled Arm guests (both are built
 * with -ffreestanding -nostdlib, so they carry their own string functions and a small printf).
 * Pure C, no architecture code: also compiled for the build host by the unit tests. */
#ifndef FIRMWARE_LIB_FWLIB_H
#define FIRMWARE_LIB_FWLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Output sink for fw_vformat: called once per character. */
typedef void (*fw_putc_fn)(void *opaque, char c);

/* A printf subset: %% %c %s %d %i %u %x %X %p, length modifiers l/ll/z, '0' flag and a field width.
 * Returns the number of characters produced. */
int fw_vformat(fw_putc_fn out, void *opaque, const char *fmt, va_list ap);
/* Format into buf (always NUL-terminated when size > 0); returns the untruncated length. */
int fw_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int fw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* Tiny string helpers. In the freestanding builds string.c also provides memcpy/memset/memmove/
 * memcmp/strlen, which GCC may emit calls to even with -ffreestanding. */
int fw_strncmp(const char *a, const char *b, size_t n);
const char *fw_strstr(const char *hay, const char *needle);
size_t fw_strnlen(const char *s, size_t max);

/* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib's crc32(). */
uint32_t fw_crc32(uint32_t crc, const void *data, size_t len);

#endif
