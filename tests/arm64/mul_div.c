/* Multiply (MADD/MSUB, long and high forms), divide, variable shifts. */
#include "lib/t.h"

#define OP2(ins, a, b) ({ uint64_t r_; __asm__ volatile(ins : "=r"(r_) : "r"((uint64_t)(a)), "r"((uint64_t)(b))); r_; })
#define OP3(ins, a, b, c) ({ uint64_t r_; __asm__ volatile(ins : "=r"(r_) : "r"((uint64_t)(a)), "r"((uint64_t)(b)), "r"((uint64_t)(c))); r_; })

int main(void)
{
    CHECK_EQ(OP3("madd %0, %1, %2, %3", 3, 4, 5), 17);
    CHECK_EQ(OP3("msub %0, %1, %2, %3", 3, 4, 5), 0xfffffffffffffff9);
    CHECK_EQ(OP2("mul %w0, %w1, %w2", 0x10000, 0x10000), 0);
    CHECK_EQ(OP2("mul %0, %1, %2", 0x100000000, 0x100000000), 0);
    CHECK_EQ(OP2("mneg %0, %1, %2", 3, 4), 0xfffffffffffffff4);
    CHECK_EQ(OP3("smaddl %0, %w1, %w2, %3", 0xfffffffe, 3, 10), 4);
    CHECK_EQ(OP3("umaddl %0, %w1, %w2, %3", 0xffffffff, 2, 1), 0x1ffffffff);
    CHECK_EQ(OP3("smsubl %0, %w1, %w2, %3", 0xffffffff, 0xffffffff, 0), 0xffffffffffffffff);
    CHECK_EQ(OP3("umsubl %0, %w1, %w2, %3", 2, 3, 10), 4);
    CHECK_EQ(OP2("smull %0, %w1, %w2", 0x80000000, 0x80000000), 0x4000000000000000);
    CHECK_EQ(OP2("umull %0, %w1, %w2", 0xffffffff, 0xffffffff), 0xfffffffe00000001);
    CHECK_EQ(OP2("smulh %0, %1, %2", -1, -1), 0);
    CHECK_EQ(OP2("smulh %0, %1, %2", 0x8000000000000000, 2), 0xffffffffffffffff);
    CHECK_EQ(OP2("umulh %0, %1, %2", -1, -1), 0xfffffffffffffffe);
    CHECK_EQ(OP2("umulh %0, %1, %2", 0x8000000000000000, 4), 2);
    /* divide */
    CHECK_EQ(OP2("udiv %0, %1, %2", 100, 7), 14);
    CHECK_EQ(OP2("udiv %0, %1, %2", 100, 0), 0);
    CHECK_EQ(OP2("sdiv %0, %1, %2", -100, 7), 0xfffffffffffffff2);
    CHECK_EQ(OP2("sdiv %0, %1, %2", 0x8000000000000000, -1), 0x8000000000000000);
    CHECK_EQ(OP2("sdiv %0, %1, %2", 7, 0), 0);
    CHECK_EQ(OP2("sdiv %w0, %w1, %w2", 0x80000000, 0xffffffff), 0x80000000);
    CHECK_EQ(OP2("udiv %w0, %w1, %w2", 0xffffffff, 2), 0x7fffffff);
    CHECK_EQ(OP2("sdiv %w0, %w1, %w2", 0xfffffff9, 2), 0xfffffffd); /* -7 / 2 = -3 */
    /* variable shifts: the amount is taken modulo the register size */
    CHECK_EQ(OP2("lsl %0, %1, %2", 1, 65), 2);
    CHECK_EQ(OP2("lsr %w0, %w1, %w2", 0x80000000, 33), 0x40000000);
    CHECK_EQ(OP2("asr %0, %1, %2", -16, 2), 0xfffffffffffffffc);
    CHECK_EQ(OP2("asr %w0, %w1, %w2", 0x80000000, 31), 0xffffffff);
    CHECK_EQ(OP2("ror %w0, %w1, %w2", 1, 1), 0x80000000);
    CHECK_EQ(OP2("ror %0, %1, %2", 0x10, 68), 1);
    return t_failures;
}
