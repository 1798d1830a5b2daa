/* Exclusives with the local monitor (LDXR/STXR and the acquire/release and pair forms, CLREX, a failing
 * STXR) and load-acquire/store-release. */
#include "lib/t.h"

static volatile uint64_t w[4] __attribute__((aligned(16)));

int main(void)
{
    uint64_t v, st;
    volatile uint64_t *p = w;
    w[0] = 5;
    __asm__ volatile("ldxr %0, [%2]\n add %0, %0, #1\n stxr %w1, %0, [%2]" : "=&r"(v), "=&r"(st) : "r"(p) : "memory");
    CHECK_EQ(st, 0);
    CHECK_EQ(w[0], 6);
    /* the successful STXR cleared the monitor: a second STXR fails and stores nothing */
    __asm__ volatile("stxr %w0, %1, [%2]" : "=&r"(st) : "r"((uint64_t)99), "r"(p) : "memory");
    CHECK_EQ(st, 1);
    CHECK_EQ(w[0], 6);
    /* CLREX between LDXR and STXR */
    __asm__ volatile("ldxr %0, [%2]\n clrex\n stxr %w1, %0, [%2]" : "=&r"(v), "=&r"(st) : "r"(p) : "memory");
    CHECK_EQ(st, 1);
    /* a different address fails */
    __asm__ volatile("ldxr %0, [%2]\n stxr %w1, %0, [%3]" : "=&r"(v), "=&r"(st) : "r"(p), "r"(p + 1) : "memory");
    CHECK_EQ(st, 1);
    /* W, H and B sizes, acquire/release forms */
    w[1] = 0x1122334455667788ULL;
    __asm__ volatile("ldaxr %w0, [%2]\n stlxr %w1, %w3, [%2]" : "=&r"(v), "=&r"(st) : "r"(p + 1), "r"((uint64_t)0xaabbccdd) : "memory");
    CHECK_EQ(v, 0x55667788);
    CHECK_EQ(st, 0);
    CHECK_EQ(w[1], 0x11223344aabbccdd);
    __asm__ volatile("ldxrh %w0, [%2]\n stxrh %w1, %w3, [%2]" : "=&r"(v), "=&r"(st) : "r"(p + 1), "r"((uint64_t)0x1234) : "memory");
    CHECK_EQ(v, 0xccdd);
    CHECK_EQ(st, 0);
    __asm__ volatile("ldaxrb %w0, [%2]\n stlxrb %w1, %w3, [%2]" : "=&r"(v), "=&r"(st) : "r"((uint64_t)(p + 1) + 7), "r"((uint64_t)0x99) : "memory");
    CHECK_EQ(v, 0x11);
    CHECK_EQ(st, 0);
    CHECK_EQ(w[1], 0x99223344aabb1234);
    /* pairs */
    w[2] = 1;
    w[3] = 2;
    uint64_t a, b;
    __asm__ volatile("ldxp %0, %1, [%3]\n stxp %w2, %1, %0, [%3]" : "=&r"(a), "=&r"(b), "=&r"(st) : "r"(p + 2) : "memory");
    CHECK_EQ(a, 1);
    CHECK_EQ(b, 2);
    CHECK_EQ(st, 0);
    CHECK_EQ(w[2], 2);
    CHECK_EQ(w[3], 1);
    __asm__ volatile("ldaxp %w0, %w1, [%3]\n stlxp %w2, %w1, %w0, [%3]" : "=&r"(a), "=&r"(b), "=&r"(st) : "r"(p + 2) : "memory");
    CHECK_EQ(a, 2);
    CHECK_EQ(b, 0);
    CHECK_EQ(st, 0);
    CHECK_EQ(w[2], 2ULL << 32);
    /* load-acquire / store-release */
    __asm__ volatile("stlr %1, [%0]" : : "r"(p), "r"((uint64_t)0xfeedfacecafebeef) : "memory");
    __asm__ volatile("ldar %w0, [%1]" : "=r"(v) : "r"(p));
    CHECK_EQ(v, 0xcafebeef);
    uint64_t sp = (uint64_t)p + 2;
    __asm__ volatile("stlrb %w1, [%0]\n stlrh %w1, [%2]" : : "r"(p), "r"((uint64_t)0x0102), "r"(sp) : "memory");
    __asm__ volatile("ldarh %w0, [%1]" : "=r"(v) : "r"(sp));
    CHECK_EQ(v, 0x0102);
    __asm__ volatile("ldarb %w0, [%1]" : "=r"(v) : "r"(p));
    CHECK_EQ(v, 0x02);
    __asm__ volatile("ldar %0, [%1]" : "=r"(v) : "r"(p));
    CHECK_EQ(v, 0xfeedface0102be02);
    return t_failures;
}
