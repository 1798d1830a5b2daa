/* CRC32/CRC32C: the standard check values of "123456789" (CRC-32 0xCBF43926, CRC-32C 0xE3069283). */
#include "lib/t.h"

static const char msg[] = "123456789";

int main(void)
{
    uint32_t acc = 0xffffffff, acc_c = 0xffffffff;
    for (int i = 0; i < 9; i++) {
        uint32_t b = (uint8_t)msg[i];
        __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(acc) : "r"(b));
        __asm__ volatile("crc32cb %w0, %w0, %w1" : "+r"(acc_c) : "r"(b));
    }
    CHECK_EQ(acc ^ 0xffffffff, 0xcbf43926);
    CHECK_EQ(acc_c ^ 0xffffffff, 0xe3069283);
    /* the same with wider forms: "12345678" as X, H, W, then the last byte */
    uint64_t x = 0x3837363534333231ULL; /* "12345678" little-endian */
    acc = 0xffffffff;
    acc_c = 0xffffffff;
    __asm__ volatile("crc32x %w0, %w0, %1" : "+r"(acc) : "r"(x));
    __asm__ volatile("crc32cx %w0, %w0, %1" : "+r"(acc_c) : "r"(x));
    __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(acc) : "r"(0x39u));
    __asm__ volatile("crc32cb %w0, %w0, %w1" : "+r"(acc_c) : "r"(0x39u));
    CHECK_EQ(acc ^ 0xffffffff, 0xcbf43926);
    CHECK_EQ(acc_c ^ 0xffffffff, 0xe3069283);
    acc = 0xffffffff;
    __asm__ volatile("crc32w %w0, %w0, %w1" : "+r"(acc) : "r"(0x34333231u));
    __asm__ volatile("crc32h %w0, %w0, %w1" : "+r"(acc) : "r"(0x3635u));
    __asm__ volatile("crc32h %w0, %w0, %w1" : "+r"(acc) : "r"(0x3837u));
    __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(acc) : "r"(0x39u));
    CHECK_EQ(acc ^ 0xffffffff, 0xcbf43926);
    acc_c = 0xffffffff;
    __asm__ volatile("crc32cw %w0, %w0, %w1" : "+r"(acc_c) : "r"(0x34333231u));
    __asm__ volatile("crc32ch %w0, %w0, %w1" : "+r"(acc_c) : "r"(0x3635u));
    __asm__ volatile("crc32ch %w0, %w0, %w1" : "+r"(acc_c) : "r"(0x3837u));
    __asm__ volatile("crc32cb %w0, %w0, %w1" : "+r"(acc_c) : "r"(0x39u));
    CHECK_EQ(acc_c ^ 0xffffffff, 0xe3069283);
    /* the upper source bits beyond the size are ignored */
    uint32_t a1 = 0, a2 = 0;
    __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(a1) : "r"(0xffffff31u));
    __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(a2) : "r"(0x31u));
    CHECK_EQ(a1, a2);
    return t_failures;
}
