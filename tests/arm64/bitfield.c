/* Bitfield moves (SBFM/BFM/UBFM and their aliases) and EXTR/ROR. */
#include "lib/t.h"

#define OP1(ins, a) ({ uint64_t r_; __asm__ volatile(ins : "=r"(r_) : "r"((uint64_t)(a))); r_; })

int main(void)
{
    CHECK_EQ(OP1("ubfx %0, %1, #8, #12", 0x123456789abcdef0), 0xcde);
    CHECK_EQ(OP1("sbfx %0, %1, #12, #4", 0xf000), 0xffffffffffffffff);
    CHECK_EQ(OP1("sbfx %w0, %w1, #15, #1", 0x8000), 0x00000000ffffffff);
    CHECK_EQ(OP1("sbfx %0, %1, #12, #4", 0x7000), 7);
    CHECK_EQ(OP1("lsl %0, %1, #63", 1), 0x8000000000000000);
    CHECK_EQ(OP1("lsl %w0, %w1, #4", 0xf0000001), 0x10);
    CHECK_EQ(OP1("lsr %w0, %w1, #31", 0x80000000), 1);
    CHECK_EQ(OP1("asr %0, %1, #63", 0x8000000000000000), 0xffffffffffffffff);
    CHECK_EQ(OP1("asr %w0, %w1, #4", 0x80000000), 0xf8000000);
    CHECK_EQ(OP1("sxtb %0, %w1", 0x80), 0xffffffffffffff80);
    CHECK_EQ(OP1("sxth %w0, %w1", 0x8000), 0xffff8000);
    CHECK_EQ(OP1("uxtb %w0, %w1", 0x1ff), 0xff);
    CHECK_EQ(OP1("uxth %w0, %w1", 0x12345678), 0x5678);
    CHECK_EQ(OP1("sxtw %0, %w1", 0x80000000), 0xffffffff80000000);
    CHECK_EQ(OP1("ubfiz %0, %1, #60, #4", 0xab), 0xb000000000000000);
    CHECK_EQ(OP1("sbfiz %0, %1, #4, #4", 0x8), 0xffffffffffffff80);
    uint64_t r;
    __asm__ volatile("mov %0, #-1\n bfi %0, xzr, #4, #8" : "=&r"(r));
    CHECK_EQ(r, 0xfffffffffffff00f);
    __asm__ volatile("ldr %0, =0x12345678\n mov x9, #0xabcd\n bfxil %w0, w9, #4, #8" : "=&r"(r) : : "x9");
    CHECK_EQ(r, 0x123456bc);
    __asm__ volatile("mov %0, #0\n mov x9, #0xff\n bfi %0, x9, #56, #8" : "=&r"(r) : : "x9");
    CHECK_EQ(r, 0xff00000000000000);
    /* EXTR / ROR (immediate) */
    __asm__ volatile("ldr x9, =0x1122334455667788\n ldr x10, =0x99aabbccddeeff00\n extr %0, x9, x10, #8"
                     : "=r"(r) : : "x9", "x10");
    CHECK_EQ(r, 0x8899aabbccddeeff);
    __asm__ volatile("ldr x9, =0x11223344\n ldr x10, =0x55667788\n extr %w0, w9, w10, #16" : "=r"(r) : : "x9", "x10");
    CHECK_EQ(r, 0x33445566);
    CHECK_EQ(OP1("ror %0, %1, #1", 1), 0x8000000000000000);
    CHECK_EQ(OP1("ror %w0, %w1, #8", 0x11223344), 0x44112233);
    CHECK_EQ(OP1("extr %0, %1, %1, #0", 0x1234), 0x1234);
    return t_failures;
}
