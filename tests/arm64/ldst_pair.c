/* Load/store pair (offset, pre, post, non-temporal, LDPSW) and SIMD&FP register loads/stores. */
#include "lib/t.h"

static volatile uint64_t m[12] __attribute__((aligned(16)));

int main(void)
{
    uint64_t a, b, p;
    volatile uint64_t *mp = m;
    for (int i = 0; i < 8; i++)
        m[i] = 0x1111111111111111ULL * (uint64_t)(i + 1);
    __asm__ volatile("ldp %0, %1, [%2, #8]" : "=&r"(a), "=&r"(b) : "r"(mp));
    CHECK_EQ(a, 0x2222222222222222);
    CHECK_EQ(b, 0x3333333333333333);
    __asm__ volatile("ldp %w0, %w1, [%2, #4]" : "=&r"(a), "=&r"(b) : "r"(mp));
    CHECK_EQ(a, 0x11111111);
    CHECK_EQ(b, 0x22222222);
    p = (uint64_t)mp;
    __asm__ volatile("ldp %0, %1, [%2, #16]!" : "=&r"(a), "=&r"(b), "+r"(p));
    CHECK_EQ(a, 0x3333333333333333);
    CHECK_EQ(p, (uint64_t)mp + 16);
    __asm__ volatile("ldp %0, %1, [%2], #-16" : "=&r"(a), "=&r"(b), "+r"(p));
    CHECK_EQ(b, 0x4444444444444444);
    CHECK_EQ(p, (uint64_t)mp);
    __asm__ volatile("ldnp %0, %1, [%2, #48]" : "=&r"(a), "=&r"(b) : "r"(mp));
    CHECK_EQ(a, 0x7777777777777777);
    CHECK_EQ(b, 0x8888888888888888);
    m[0] = 0x80000000ffffffffULL;
    __asm__ volatile("ldpsw %0, %1, [%2]" : "=&r"(a), "=&r"(b) : "r"(mp));
    CHECK_EQ(a, 0xffffffffffffffff);
    CHECK_EQ(b, 0xffffffff80000000);
    __asm__ volatile("stp %1, %2, [%0, #16]" : : "r"(mp), "r"((uint64_t)0xa), "r"((uint64_t)0xb) : "memory");
    CHECK_EQ(m[2], 0xa);
    CHECK_EQ(m[3], 0xb);
    p = (uint64_t)mp + 64;
    __asm__ volatile("stp %w1, %w2, [%0, #-8]!" : "+r"(p) : "r"((uint64_t)0xc), "r"((uint64_t)0xd) : "memory");
    CHECK_EQ(p, (uint64_t)mp + 56);
    CHECK_EQ(m[7], 0x0000000d0000000c);
    __asm__ volatile("stp %1, %2, [%0], #16" : "+r"(p) : "r"((uint64_t)1), "r"((uint64_t)2) : "memory");
    CHECK_EQ(p, (uint64_t)mp + 72);
    __asm__ volatile("stnp %1, %2, [%0, #32]" : : "r"(mp), "r"((uint64_t)5), "r"((uint64_t)6) : "memory");
    CHECK_EQ(m[4], 5);
    CHECK_EQ(m[5], 6);
    /* SP-based pair (the usual prologue/epilogue) */
    __asm__ volatile("mov x9, #7\n mov x10, #8\n stp x9, x10, [sp, #-16]!\n ldp %0, %1, [sp], #16"
                     : "=&r"(a), "=&r"(b) : : "x9", "x10", "memory");
    CHECK_EQ(a, 7);
    CHECK_EQ(b, 8);
    /* SIMD&FP loads/stores (CPACR_EL1.FPEN = 0b11) */
    WRITE_SYSREG(cpacr_el1, 3ULL << 20);
    __asm__ volatile("isb");
    for (int i = 0; i < 8; i++)
        m[i] = 0x0101010101010101ULL * (uint64_t)(i + 1);
    __asm__ volatile("ldr q16, [%0]\n str q16, [%0, #32]\n ldr d17, [%0, #8]\n str d17, [%0, #56]" : : "r"(mp) : "memory");
    CHECK_EQ(m[4], 0x0101010101010101);
    CHECK_EQ(m[5], 0x0202020202020202);
    CHECK_EQ(m[7], 0x0202020202020202);
    __asm__ volatile("ldr s18, [%0, #16]\n str q18, [%0]" : : "r"(mp) : "memory"); /* S load zeroes the rest */
    CHECK_EQ(m[0], 0x03030303);
    CHECK_EQ(m[1], 0);
    __asm__ volatile("ldp d16, d17, [%0, #16]\n stp d17, d16, [%0, #48]\n ldr h19, [%0, #16]\n str b19, [%0, #8]"
                     : : "r"(mp) : "memory");
    CHECK_EQ(m[6], 0x0404040404040404);
    CHECK_EQ(m[7], 0x0303030303030303);
    CHECK_EQ(m[1], 0x03);
    __asm__ volatile("ldr q20, 1f\n str q20, [%0]\n b 2f\n .balign 16\n1: .quad 0x1122334455667788, 0x99aabbccddeeff00\n2:"
                     : : "r"(mp) : "memory");
    CHECK_EQ(m[0], 0x1122334455667788);
    CHECK_EQ(m[1], 0x99aabbccddeeff00);
    __asm__ volatile("ldp q16, q17, [%0]\n stp q17, q16, [%0, #32]" : : "r"(mp) : "memory");
    CHECK_EQ(m[4], 0x0303030303030303);
    CHECK_EQ(m[6], 0x1122334455667788);
    return t_failures;
}
