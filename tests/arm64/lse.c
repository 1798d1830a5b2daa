/* ARMv8.1 LSE atomics: LD<op> in every size and ordering, ST<op> aliases, SWP, CAS and CASP. */
#include "lib/t.h"

static volatile uint64_t m[4] __attribute__((aligned(16)));

#define ATOM(ins, init, operand, want_old, want_new)                                        \
    do {                                                                                   \
        m[0] = (init);                                                                     \
        uint64_t o_;                                                                       \
        __asm__ volatile(ins " %1, %0, [%2]" : "=&r"(o_) : "r"((uint64_t)(operand)), "r"(m) : "memory"); \
        CHECK_EQ(o_, want_old);                                                            \
        CHECK_EQ(m[0], want_new);                                                          \
    } while (0)
#define ATOMW(ins, init, operand, want_old, want_new)                                       \
    do {                                                                                   \
        m[0] = (init);                                                                     \
        uint64_t o_;                                                                       \
        __asm__ volatile(ins " %w1, %w0, [%2]" : "=&r"(o_) : "r"((uint64_t)(operand)), "r"(m) : "memory"); \
        CHECK_EQ(o_, want_old);                                                            \
        CHECK_EQ(m[0], want_new);                                                          \
    } while (0)

int main(void)
{
    /* LDADD: all orderings, all sizes */
    ATOM("ldadd", 10, 5, 10, 15);
    ATOM("ldadda", 10, 5, 10, 15);
    ATOM("ldaddl", 10, 5, 10, 15);
    ATOM("ldaddal", 0xffffffffffffffff, 2, 0xffffffffffffffff, 1);
    ATOMW("ldadd", 0xaaaaaaaaffffffff, 1, 0xffffffff, 0xaaaaaaaa00000000);
    ATOMW("ldaddh", 0x1111111111118000, 0x8001, 0x8000, 0x1111111111110001);
    ATOMW("ldaddab", 0x22222222222222ff, 0x01, 0xff, 0x2222222222222200);
    ATOMW("ldaddlh", 0x0000000000000001, 0xffffffff, 1, 0);
    ATOMW("ldaddalb", 0x7f, 1, 0x7f, 0x80);
    /* bit operations */
    ATOM("ldclr", 0xff, 0x0f, 0xff, 0xf0);
    ATOM("ldclral", 0xff00ff00ff00ff00, 0xffff000000000000, 0xff00ff00ff00ff00, 0x0000ff00ff00ff00);
    ATOM("ldeor", 0xf0f0, 0xffff, 0xf0f0, 0x0f0f);
    ATOMW("ldeorlh", 0xffffffffffff00ff, 0xffff, 0x00ff, 0xffffffffffffff00);
    ATOM("ldset", 0x1, 0x8000000000000000, 1, 0x8000000000000001);
    ATOMW("ldsetab", 0x10, 0x01, 0x10, 0x11);
    /* signed / unsigned min and max compare in the access size */
    ATOMW("ldsmaxb", 0x80, 0x7f, 0x80, 0x7f);
    ATOMW("ldsminb", 0x80, 0x7f, 0x80, 0x80);
    ATOMW("ldumaxb", 0x80, 0x7f, 0x80, 0x80);
    ATOMW("lduminb", 0x80, 0x7f, 0x80, 0x7f);
    ATOMW("ldsmaxh", 0xffff, 0x0001, 0xffff, 0x0001);
    ATOMW("ldsmin", 0x00000000fffffffe, 0x1, 0xfffffffe, 0xfffffffe);
    ATOM("ldsmaxal", 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff);
    ATOM("ldumin", 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, 0x8000000000000000);
    ATOM("ldumaxa", 5, 6, 5, 6);
    ATOMW("lduminl", 0xffffffff00000007, 3, 7, 0xffffffff00000003);
    /* SWP */
    ATOM("swp", 0x1234, 0x5678, 0x1234, 0x5678);
    ATOMW("swpalb", 0xaabb, 0xcc, 0xbb, 0xaacc);
    ATOMW("swpah", 0x11112222, 0x3333, 0x2222, 0x11113333);
    ATOMW("swpl", 0x1111111122222222, 0x33333333, 0x22222222, 0x1111111133333333);
    /* ST<op>: the result register is XZR */
    m[0] = 40;
    __asm__ volatile("stadd %0, [%1]\n steorl %0, [%1]" : : "r"((uint64_t)2), "r"(m) : "memory");
    CHECK_EQ(m[0], 40);  /* (40 + 2) ^ 2 = 40 */
    /* CAS: success and failure, every ordering and size */
    uint64_t s;
    m[0] = 7;
    s = 7;
    __asm__ volatile("cas %0, %1, [%2]" : "+r"(s) : "r"((uint64_t)9), "r"(m) : "memory");
    CHECK_EQ(s, 7);
    CHECK_EQ(m[0], 9);
    s = 7;
    __asm__ volatile("casal %0, %1, [%2]" : "+r"(s) : "r"((uint64_t)11), "r"(m) : "memory");
    CHECK_EQ(s, 9);
    CHECK_EQ(m[0], 9);
    m[0] = 0xffffffff00000005ULL;
    s = 0x1234567800000005ULL; /* W compare ignores the upper half */
    __asm__ volatile("casa %w0, %w1, [%2]" : "+r"(s) : "r"((uint64_t)6), "r"(m) : "memory");
    CHECK_EQ(s, 5);
    CHECK_EQ(m[0], 0xffffffff00000006);
    s = 0x06;
    __asm__ volatile("caslb %w0, %w1, [%2]" : "+r"(s) : "r"((uint64_t)0x1ff), "r"(m) : "memory");
    CHECK_EQ(s, 6);
    CHECK_EQ(m[0], 0xffffffff000000ff);
    s = 0x00ff;
    __asm__ volatile("casah %w0, %w1, [%2]" : "+r"(s) : "r"((uint64_t)0xabcd), "r"(m) : "memory");
    CHECK_EQ(s, 0xff);
    CHECK_EQ(m[0], 0xffffffff0000abcd);
    s = 0x1;
    __asm__ volatile("cash %w0, %w1, [%2]" : "+r"(s) : "r"((uint64_t)0), "r"(m) : "memory");
    CHECK_EQ(s, 0xabcd);
    CHECK_EQ(m[0], 0xffffffff0000abcd);
    /* CASP (64-bit pair and 32-bit pair) */
    m[0] = 1;
    m[1] = 2;
    {
        register uint64_t x0 __asm__("x0") = 1, x1 __asm__("x1") = 2;
        register uint64_t x2 __asm__("x2") = 0xa, x3 __asm__("x3") = 0xb;
        __asm__ volatile("caspal x0, x1, x2, x3, [%4]" : "+r"(x0), "+r"(x1) : "r"(x2), "r"(x3), "r"(m) : "memory");
        CHECK_EQ(x0, 1);
        CHECK_EQ(x1, 2);
        CHECK_EQ(m[0], 0xa);
        CHECK_EQ(m[1], 0xb);
    }
    {
        register uint64_t x4 __asm__("x4") = 0xa, x5 __asm__("x5") = 0xc; /* second word differs */
        register uint64_t x6 __asm__("x6") = 0, x7 __asm__("x7") = 0;
        __asm__ volatile("casp x4, x5, x6, x7, [%4]" : "+r"(x4), "+r"(x5) : "r"(x6), "r"(x7), "r"(m) : "memory");
        CHECK_EQ(x4, 0xa);
        CHECK_EQ(x5, 0xb);
        CHECK_EQ(m[0], 0xa);
    }
    {
        m[2] = 0x0000000200000001ULL;
        register uint64_t x8 __asm__("x8") = 0xffffffff00000001ULL, x9 __asm__("x9") = 2;
        register uint64_t x10 __asm__("x10") = 0x33, x11 __asm__("x11") = 0x44;
        __asm__ volatile("caspa w8, w9, w10, w11, [%4]" : "+r"(x8), "+r"(x9) : "r"(x10), "r"(x11), "r"(m + 2) : "memory");
        CHECK_EQ(x8, 1);
        CHECK_EQ(x9, 2);
        CHECK_EQ(m[2], 0x0000004400000033);
    }
    return t_failures;
}
