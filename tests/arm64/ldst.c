/* Single-register loads and stores: every size and sign extension, unsigned offset, unscaled, pre- and
 * post-index with writeback, register offset with extend and scale, literal, prefetch.
 * buf[i] = 0x80 + i, so every expected value can be read off the byte pattern. */
#include "lib/t.h"

static volatile uint8_t buf[64] __attribute__((aligned(16)));
static volatile uint64_t out[4] __attribute__((aligned(16)));

static void fill(void)
{
    for (int i = 0; i < 64; i++)
        buf[i] = (uint8_t)(0x80 + i);
}

int main(void)
{
    uint64_t r, p;
    volatile uint8_t *b = buf;
    fill();
    __asm__ volatile("ldrb %w0, [%1, #1]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0x81);
    __asm__ volatile("ldrsb %0, [%1, #1]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0xffffffffffffff81);
    __asm__ volatile("ldrsb %w0, [%1, #1]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0x00000000ffffff81);
    __asm__ volatile("ldrh %w0, [%1, #2]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0x8382);
    __asm__ volatile("ldrsh %0, [%1, #2]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0xffffffffffff8382);
    __asm__ volatile("ldrsh %w0, [%1, #2]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0xffff8382);
    __asm__ volatile("ldr %w0, [%1, #4]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0x87868584);
    __asm__ volatile("ldrsw %0, [%1, #4]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0xffffffff87868584);
    __asm__ volatile("ldr %0, [%1, #8]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0x8f8e8d8c8b8a8988);
    __asm__ volatile("ldr %0, [%1, #4088]" : "=r"(r) : "r"((uint64_t)b - 4088 + 16));
    CHECK_EQ(r, 0x9796959493929190);
    /* unaligned (SCTLR_EL1.A = 0) and unscaled with a negative offset */
    __asm__ volatile("ldr %0, [%1, #1]" : "=r"(r) : "r"(b));
    CHECK_EQ(r, 0x8887868584838281);
    __asm__ volatile("ldur %0, [%1, #-3]" : "=r"(r) : "r"(b + 8));
    CHECK_EQ(r, 0x8c8b8a8988878685);
    __asm__ volatile("ldurh %w0, [%1, #-1]" : "=r"(r) : "r"(b + 8));
    CHECK_EQ(r, 0x8887);
    __asm__ volatile("ldursb %w0, [%1, #255]" : "=r"(r) : "r"((uint64_t)b - 250));
    CHECK_EQ(r, 0xffffff85);
    /* pre-index and post-index writeback */
    p = (uint64_t)b;
    __asm__ volatile("ldr %0, [%1, #16]!" : "=r"(r), "+r"(p));
    CHECK_EQ(r, 0x9796959493929190);
    CHECK_EQ(p, (uint64_t)b + 16);
    __asm__ volatile("ldrb %w0, [%1], #-3" : "=r"(r), "+r"(p));
    CHECK_EQ(r, 0x90);
    CHECK_EQ(p, (uint64_t)b + 13);
    __asm__ volatile("ldrsh %w0, [%1, #-1]!" : "=r"(r), "+r"(p));
    CHECK_EQ(r, 0xffff8d8c);
    CHECK_EQ(p, (uint64_t)b + 12);
    __asm__ volatile("ldrsw %0, [%1], #4" : "=r"(r), "+r"(p));
    CHECK_EQ(r, 0xffffffff8f8e8d8c);
    CHECK_EQ(p, (uint64_t)b + 16);
    /* register offset */
    uint64_t idx = 3;
    __asm__ volatile("ldr %0, [%1, %2, lsl #3]" : "=r"(r) : "r"(b), "r"(idx));
    CHECK_EQ(r, 0x9f9e9d9c9b9a9998);
    __asm__ volatile("ldrh %w0, [%1, %2]" : "=r"(r) : "r"(b), "r"(idx));
    CHECK_EQ(r, 0x8483);
    __asm__ volatile("ldrh %w0, [%1, %2, lsl #1]" : "=r"(r) : "r"(b), "r"(idx));
    CHECK_EQ(r, 0x8786);
    uint64_t neg = 0xfffffffffffffffcULL; /* W = -4 as SXTW, 0xfffffffc as UXTW */
    __asm__ volatile("ldr %w0, [%1, %w2, sxtw]" : "=r"(r) : "r"(b + 8), "r"(neg));
    CHECK_EQ(r, 0x87868584);
    __asm__ volatile("ldrb %w0, [%1, %w2, uxtw]" : "=r"(r) : "r"((uint64_t)b - 0xfffffffcULL + 2), "r"(neg));
    CHECK_EQ(r, 0x82);
    __asm__ volatile("ldr %0, [%1, %2, sxtx #3]" : "=r"(r) : "r"(b + 16), "r"((uint64_t)-1));
    CHECK_EQ(r, 0x8f8e8d8c8b8a8988);
    __asm__ volatile("ldrsb %0, [%1, %w2, sxtw #0]" : "=r"(r) : "r"(b + 2), "r"((uint64_t)0xffffffff));
    CHECK_EQ(r, 0xffffffffffffff81);
    /* stores */
    out[0] = out[1] = 0;
    volatile uint64_t *o = out;
    __asm__ volatile("strb %w1, [%0, #1]\n strh %w1, [%0, #2]\n str %w1, [%0, #4]\n str %1, [%0, #8]"
                     : : "r"(o), "r"((uint64_t)0x1122334455667788) : "memory");
    CHECK_EQ(out[0], 0x5566778877888800);
    CHECK_EQ(out[1], 0x1122334455667788);
    p = (uint64_t)o;
    __asm__ volatile("str %1, [%0, #16]!\n sturh %w1, [%0, #-2]\n strb %w1, [%0], #1" : "+r"(p) : "r"((uint64_t)0xa1a2a3a4a5a6a7a8) : "memory");
    CHECK_EQ(p, (uint64_t)o + 17);
    CHECK_EQ(out[2], 0xa1a2a3a4a5a6a7a8); /* byte at +16 rewritten with a8 */
    CHECK_EQ(out[1], 0xa7a8334455667788);
    __asm__ volatile("str %w1, [%0, %2, lsl #2]" : : "r"(o), "r"((uint64_t)0xdeadbeef), "r"((uint64_t)6) : "memory");
    CHECK_EQ(out[3], 0xdeadbeef);
    /* XZR as the data register stores zero; a load into XZR is discarded */
    __asm__ volatile("str xzr, [%0, #24]\n ldr xzr, [%0]" : : "r"(o) : "memory");
    CHECK_EQ(out[3], 0);
    /* literal */
    __asm__ volatile("ldr %0, 1f\n b 2f\n .balign 8\n1: .quad 0x0123456789abcdef\n2:" : "=r"(r));
    CHECK_EQ(r, 0x0123456789abcdef);
    __asm__ volatile("ldrsw %0, 1f\n b 2f\n1: .word 0x80000001\n2:" : "=r"(r));
    CHECK_EQ(r, 0xffffffff80000001);
    __asm__ volatile("ldr %w0, 1f\n b 2f\n1: .word 0x80000001\n2:" : "=r"(r));
    CHECK_EQ(r, 0x80000001);
    /* prefetches never fault, even for an unmapped address */
    __asm__ volatile("prfm pldl1keep, [%0]\n prfm pstl2strm, [%0, #8]\n prfum pldl1keep, [%0, #-1]\n"
                     "prfm pldl1keep, [%0, %1]\n prfm pldl1keep, 1f\n1:"
                     : : "r"((uint64_t)0x10), "r"((uint64_t)8));
    return t_failures;
}
