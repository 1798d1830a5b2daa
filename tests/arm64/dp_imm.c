/* Data processing (immediate): ADD/SUB/ADDS/SUBS, logical immediates, MOVZ/MOVN/MOVK, ADR/ADRP.
 * Expected values are worked out by hand from the Arm ARM definitions. */
#include "lib/t.h"

#define NZCV() READ_SYSREG(nzcv)

int main(void)
{
    uint64_t r, f;
    __asm__ volatile("mov x9, #5\n add %0, x9, #0xfff" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0x1004);
    __asm__ volatile("mov x9, #1\n add %0, x9, #0x123, lsl #12" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0x123001);
    __asm__ volatile("mov w9, #0x7fffffff\n adds %w0, w9, #1\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0x80000000);
    CHECK_EQ(f, 0x90000000); /* N, V */
    __asm__ volatile("mov x9, #0\n subs %0, x9, #1\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0xffffffffffffffff);
    CHECK_EQ(f, 0x80000000); /* N, borrow (C = 0) */
    __asm__ volatile("mov x9, #5\n subs %0, x9, #5\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0);
    CHECK_EQ(f, 0x60000000); /* Z, C */
    __asm__ volatile("mov w9, #0x80000000\n cmp w9, #1\n mrs %0, nzcv" : "=r"(f) : : "x9");
    CHECK_EQ(f, 0x30000000); /* C, V */
    __asm__ volatile("mov x9, #-1\n cmn x9, #1\n mrs %0, nzcv" : "=r"(f) : : "x9");
    CHECK_EQ(f, 0x60000000);
    /* SP as operand and destination */
    uint64_t a, b;
    __asm__ volatile("mov %0, sp\n add %1, sp, #16" : "=r"(a), "=r"(b));
    CHECK_EQ(b - a, 16);
    __asm__ volatile("mov x9, sp\n sub sp, sp, #32\n mov %0, sp\n mov sp, x9" : "=r"(b) : : "x9");
    CHECK_EQ(a - b, 32);
    /* logical immediates */
    __asm__ volatile("ldr x9, =0xffff0000ffff0000\n and %0, x9, #0xff00ff00ff00ff00" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0xff000000ff000000);
    __asm__ volatile("mov x9, #0x12\n orr %w0, w9, #0xf0f0f0f0" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0xf0f0f0f2);
    __asm__ volatile("mov x9, #-1\n eor %0, x9, #0x5555555555555555" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0xaaaaaaaaaaaaaaaa);
    __asm__ volatile("mov x9, #2\n ands %w0, w9, #1\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0);
    CHECK_EQ(f, 0x40000000);
    __asm__ volatile("mov x9, #-1\n ands %0, x9, #0x8000000000000000\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0x8000000000000000);
    CHECK_EQ(f, 0x80000000);
    __asm__ volatile("mov x9, #0\n orr %0, x9, #0x7ffe" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0x7ffe);
    /* move wide */
    __asm__ volatile("movz %0, #0x1234, lsl #32" : "=r"(r));
    CHECK_EQ(r, 0x0000123400000000);
    __asm__ volatile("mov x9, #-1\n movn w9, #0\n mov %0, x9" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0x00000000ffffffff);
    __asm__ volatile("movn %0, #1" : "=r"(r));
    CHECK_EQ(r, 0xfffffffffffffffe);
    __asm__ volatile("movn %0, #0x8000, lsl #48" : "=r"(r));
    CHECK_EQ(r, 0x7fffffffffffffff);
    __asm__ volatile("ldr %0, =0x1111222233334444\n movk %0, #0xbeef, lsl #16" : "=r"(r));
    CHECK_EQ(r, 0x11112222beef4444);
    __asm__ volatile("mov x9, #-1\n movk w9, #0x5555\n mov %0, x9" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0x00000000ffff5555); /* a W write zero-extends */
    /* ADR / ADRP */
    __asm__ volatile("adr %0, t_exit" : "=r"(r));
    CHECK_EQ(r, (uint64_t)t_exit);
    __asm__ volatile("adrp %0, t_exit" : "=r"(r));
    CHECK_EQ(r, (uint64_t)t_exit & ~0xfffULL);
    __asm__ volatile("adr %0, 1f\n nop\n1:\n adr %1, ." : "=r"(a), "=r"(b));
    CHECK_EQ(b - a, 0);
    return t_failures;
}
