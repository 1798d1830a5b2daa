/* EBCDIC (CP037) conversion. */
#ifndef S390_EBCDIC_H
#define S390_EBCDIC_H

#include <stddef.h>
#include <stdint.h>

uint8_t ebcdic_to_ascii(uint8_t c);
uint8_t ascii_to_ebcdic(uint8_t c);
/* Convert a NUL-terminated ASCII string into a fixed-size EBCDIC field padded with `pad`. */
void ascii_to_ebcdic_buf(uint8_t *dst, const char *src, size_t len, char pad);

#endif
