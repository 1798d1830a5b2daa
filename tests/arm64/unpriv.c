/* Unprivileged loads/stores (LDTR/STTR): at EL1 they use EL0 permissions (with the MMU off every
 * access is permitted), at EL0 they behave as ordinary loads/stores. */
#include "lib/t.h"

static volatile uint64_t cell __attribute__((aligned(16))) = 0x8070605040302010ULL;

static uint64_t el0_fn(uint64_t addr)
{
    uint64_t v;
    __asm__ volatile("ldtr %0, [%1]\n sttrb wzr, [%1, #7]" : "=&r"(v) : "r"(addr) : "memory");
    return v;
}

int main(void)
{
    uint64_t r;
    volatile uint64_t *c = &cell;
    __asm__ volatile("ldtrb %w0, [%1, #1]" : "=r"(r) : "r"(c));
    CHECK_EQ(r, 0x20);
    __asm__ volatile("ldtrsb %0, [%1, #7]" : "=r"(r) : "r"(c));
    CHECK_EQ(r, 0xffffffffffffff80);
    __asm__ volatile("ldtrsh %w0, [%1, #6]" : "=r"(r) : "r"(c));
    CHECK_EQ(r, 0xffff8070);
    __asm__ volatile("ldtrsw %0, [%1, #4]" : "=r"(r) : "r"(c));
    CHECK_EQ(r, 0xffffffff80706050);
    __asm__ volatile("ldtrh %w0, [%1, #-2]" : "=r"(r) : "r"((uint64_t)c + 4));
    CHECK_EQ(r, 0x4030);
    __asm__ volatile("sttrh %w1, [%0, #2]" : : "r"(c), "r"((uint64_t)0xbeef) : "memory");
    CHECK_EQ(cell, 0x80706050beef2010);
    __asm__ volatile("sttr %w1, [%0, #4]" : : "r"(c), "r"((uint64_t)0x11223344) : "memory");
    CHECK_EQ(cell, 0x11223344beef2010);
    r = t_run_el0(el0_fn, (uint64_t)c);
    CHECK_EQ(r, 0x11223344beef2010);
    CHECK_EQ(cell, 0x00223344beef2010);
    return t_failures;
}
