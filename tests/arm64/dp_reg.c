/* Data processing (register): shifted/extended add-sub, carry, logical, conditional compare and select,
 * one-source operations. */
#include "lib/t.h"

#define OP2(ins, a, b) ({ uint64_t r_; __asm__ volatile(ins : "=r"(r_) : "r"((uint64_t)(a)), "r"((uint64_t)(b))); r_; })
#define SETF(v) WRITE_SYSREG(nzcv, v)

int main(void)
{
    uint64_t r, f;
    CHECK_EQ(OP2("add %0, %1, %2, lsl #4", 1, 3), 0x31);
    CHECK_EQ(OP2("sub %w0, %w1, %w2, lsr #3", 100, 0x80), 0x54);
    CHECK_EQ(OP2("add %0, %1, %2, asr #1", 0, -4), 0xfffffffffffffffe);
    __asm__ volatile("ldr x9, =0x7fffffffffffffff\n mov x10, #1\n adds %0, x9, x10\n mrs %1, nzcv"
                     : "=r"(r), "=r"(f) : : "x9", "x10");
    CHECK_EQ(r, 0x8000000000000000);
    CHECK_EQ(f, 0x90000000);
    CHECK_EQ(OP2("add %0, %1, %w2, sxtw #2", 0x1000, 0xffffffff), 0xffc);
    CHECK_EQ(OP2("add %0, %1, %w2, uxtb", 1, 0x1ff), 0x100);
    CHECK_EQ(OP2("sub %0, %1, %w2, sxth", 0, 0x8000), 0x8000);
    CHECK_EQ(OP2("add %0, %1, %2, uxtx #3", 1, 2), 17);
    uint64_t sp0, sp1;
    __asm__ volatile("mov %0, sp\n mov x9, #48\n add %1, sp, x9" : "=r"(sp0), "=r"(sp1) : : "x9");
    CHECK_EQ(sp1 - sp0, 48);
    /* carry */
    SETF(0x20000000);
    CHECK_EQ(OP2("adc %0, %1, %2", 1, 2), 4);
    SETF(0);
    CHECK_EQ(OP2("sbc %0, %1, %2", 5, 3), 1);
    SETF(0x20000000);
    CHECK_EQ(OP2("sbc %0, %1, %2", 5, 3), 2);
    SETF(0x20000000);
    __asm__ volatile("mov w9, #-1\n adcs %w0, w9, wzr\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0);
    CHECK_EQ(f, 0x60000000);
    SETF(0);
    __asm__ volatile("mov x9, #0\n sbcs %0, x9, xzr\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0xffffffffffffffff);
    CHECK_EQ(f, 0x80000000);
    /* logical (shifted register) */
    CHECK_EQ(OP2("orr %0, %1, %2, lsl #4", 0xf0, 0x0f), 0xf0);
    CHECK_EQ(OP2("bic %0, %1, %2", 0xff, 0x0f), 0xf0);
    CHECK_EQ(OP2("orn %w0, %w1, %w2", 0, 0), 0xffffffff);
    CHECK_EQ(OP2("eon %0, %1, %2", 0, 0xffff), 0xffffffffffff0000);
    CHECK_EQ(OP2("eor %0, %1, %2, ror #4", 0, 1), 0x1000000000000000);
    CHECK_EQ(OP2("and %w0, %w1, %w2, asr #4", 0xffffffff, 0x80000000), 0xf8000000);
    __asm__ volatile("mov x9, #0xf\n bics %w0, w9, w9\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(r, 0);
    CHECK_EQ(f, 0x40000000);
    SETF(0x30000000); /* ANDS clears C and V */
    __asm__ volatile("mov x9, #-1\n ands %0, x9, x9\n mrs %1, nzcv" : "=r"(r), "=r"(f) : : "x9");
    CHECK_EQ(f, 0x80000000);
    /* conditional compare */
    __asm__ volatile("mov x9, #1\n cmp x9, #1\n mov x10, #5\n ccmp x10, x10, #0, eq\n mrs %0, nzcv" : "=r"(f) : : "x9", "x10");
    CHECK_EQ(f, 0x60000000);
    __asm__ volatile("mov x9, #1\n cmp x9, #2\n mov x10, #5\n ccmp x10, x10, #0xf, eq\n mrs %0, nzcv" : "=r"(f) : : "x9", "x10");
    CHECK_EQ(f, 0xf0000000);
    __asm__ volatile("mov x9, #1\n cmp x9, #2\n mov x10, #-1\n ccmn x10, #1, #0, ne\n mrs %0, nzcv" : "=r"(f) : : "x9", "x10");
    CHECK_EQ(f, 0x60000000);
    __asm__ volatile("mov x9, #3\n cmp x9, #3\n ccmp x9, #4, #2, ne\n mrs %0, nzcv" : "=r"(f) : : "x9");
    CHECK_EQ(f, 0x20000000);
    /* conditional select */
    __asm__ volatile("mov x9, #1\n cmp x9, #2\n mov x9, #10\n mov x10, #20\n csel %0, x9, x10, lt" : "=r"(r) : : "x9", "x10");
    CHECK_EQ(r, 10);
    __asm__ volatile("mov x9, #1\n cmp x9, #2\n mov x9, #10\n mov x10, #20\n csinc %0, x9, x10, ge" : "=r"(r) : : "x9", "x10");
    CHECK_EQ(r, 21);
    __asm__ volatile("mov x9, #1\n cmp x9, #2\n mov x9, #10\n mov x10, #20\n csinv %w0, w9, w10, eq" : "=r"(r) : : "x9", "x10");
    CHECK_EQ(r, 0xffffffeb);
    __asm__ volatile("mov x9, #1\n cmp x9, #2\n mov x9, #10\n mov x10, #20\n csneg %0, x9, x10, eq" : "=r"(r) : : "x9", "x10");
    CHECK_EQ(r, 0xffffffffffffffec);
    __asm__ volatile("mov x9, #2\n cmp x9, #1\n cset %0, hi" : "=r"(r) : : "x9");
    CHECK_EQ(r, 1);
    __asm__ volatile("mov x9, #2\n cmp x9, #1\n csetm %w0, ls" : "=r"(r) : : "x9");
    CHECK_EQ(r, 0);
    /* one source */
#define OP1(ins, a) ({ uint64_t r_; __asm__ volatile(ins : "=r"(r_) : "r"((uint64_t)(a))); r_; })
    CHECK_EQ(OP1("rbit %w0, %w1", 1), 0x80000000);
    CHECK_EQ(OP1("rbit %0, %1", 1), 0x8000000000000000);
    CHECK_EQ(OP1("rbit %0, %1", 0x0f00000000000000), 0x00000000000000f0);
    CHECK_EQ(OP1("rev16 %w0, %w1", 0x11223344), 0x22114433);
    CHECK_EQ(OP1("rev16 %0, %1", 0x1122334455667788), 0x2211443366558877);
    CHECK_EQ(OP1("rev %w0, %w1", 0x11223344), 0x44332211);
    CHECK_EQ(OP1("rev32 %0, %1", 0x1122334455667788), 0x4433221188776655);
    CHECK_EQ(OP1("rev %0, %1", 0x1122334455667788), 0x8877665544332211);
    CHECK_EQ(OP1("clz %0, %1", 1), 63);
    CHECK_EQ(OP1("clz %w0, %w1", 0), 32);
    CHECK_EQ(OP1("clz %0, %1", 0), 64);
    CHECK_EQ(OP1("clz %0, %1", 0x8000000000000000), 0);
    CHECK_EQ(OP1("cls %0, %1", 0), 63);
    CHECK_EQ(OP1("cls %w0, %w1", 0xffffffff), 31);
    CHECK_EQ(OP1("cls %0, %1", 0xffff), 47);
    CHECK_EQ(OP1("cls %w0, %w1", 0xc0000000), 1);
    CHECK_EQ(OP1("cls %0, %1", 0x4000000000000000), 0);
    return t_failures;
}
