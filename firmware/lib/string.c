/* String helpers of fwlib.h, and (freestanding builds only) the mem* functions GCC may call. */
#include "fwlib.h"

int fw_strncmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ca = (unsigned char)a[i], cb = (unsigned char)b[i];
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
    }
    return 0;
}

size_t fw_strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

const char *fw_strstr(const char *hay, const char *needle)
{
    size_t n = fw_strnlen(needle, 4096);
    for (; *hay; hay++)
        if (fw_strncmp(hay, needle, n) == 0)
            return hay;
    return n == 0 ? hay : NULL;
}

uint32_t fw_crc32(uint32_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    crc = ~crc;
    while (len--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

#ifdef FW_FREESTANDING
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* Byte loops on purpose: the Arm guest runs with the MMU off (Device memory, no unaligned access)
 * and the s390 firmware must not touch the vector registers that hold the guest's V0-V31. */
void *memcpy(void *dst, const void *src, size_t n)
{
    return memmove(dst, src, n);
}

void *memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    /* Doubleword fast path for the large aligned copies (boot images). */
    if ((((uintptr_t)d | (uintptr_t)s | n) & 7) == 0 && (d + n <= s || s + n <= d)) {
        uint64_t *dw = (uint64_t *)dst;
        const uint64_t *sw = (const uint64_t *)src;
        for (size_t i = 0; i < n / 8; i++)
            dw[i] = sw[i];
        return dst;
    }
    if (d < s) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    while (n--)
        *d++ = (uint8_t)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
#endif
