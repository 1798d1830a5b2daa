/* MMU benchmark guest for saesim -M arm64-bare: a memory-heavy loop (a load, an add and a store per
 * doubleword over a 256 KiB buffer, repeated ITERS times) run with the MMU off, or with the MMU on
 * (4K granule, RAM identity-mapped with 4 KiB pages so every access is a TLB hit after the first
 * pass: 64 pages of data, far fewer than the TLB holds). Built twice by bench/mmu/run (-DMMU=0/1).
 * Exits through semihosting with status 0 if the checksum is right. Start-up, vectors and the
 * semihosting calls come from tests/mmu/bare/arm_start.S. */
#include <stdint.h>

#ifndef MMU
#define MMU 1
#endif
#ifndef ITERS
#define ITERS 200
#endif

void plat_puts(const char *s);
void plat_exit(int code) __attribute__((noreturn));

#define WORDS (256 * 1024 / 8)
static uint64_t buf[WORDS] __attribute__((aligned(4096)));

#define RAM_BASE 0x40000000ULL
static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2[512] __attribute__((aligned(4096)));
static uint64_t l3[64][512] __attribute__((aligned(4096)));   /* 128 MiB of 4 KiB pages */

uint64_t user_result;   /* used by arm_start.S (EL0 exit), unused here */

uint64_t exc_handler(void *frame, uint64_t kind)
{
    (void)frame;
    (void)kind;
    plat_puts("FAIL unexpected exception\n");
    plat_exit(2);
}

static void mmu_enable(void)
{
    for (unsigned t = 0; t < 64; t++) {
        for (unsigned i = 0; i < 512; i++)
            l3[t][i] = (RAM_BASE + ((uint64_t)t << 21) + ((uint64_t)i << 12)) | (1ULL << 10) |
                       (3ULL << 8) | 3;
        l2[t] = (uint64_t)(uintptr_t)l3[t] | 3;
    }
    l1[1] = (uint64_t)(uintptr_t)l2 | 3;
    __asm__ volatile("dsb ish" : : : "memory");
    uint64_t tcr = 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (1ULL << 23) | (2ULL << 32);
    __asm__ volatile("msr mair_el1, %0" : : "r"(0xffULL));
    __asm__ volatile("msr tcr_el1, %0" : : "r"(tcr));
    __asm__ volatile("msr ttbr0_el1, %0" : : "r"((uint64_t)(uintptr_t)l1));
    __asm__ volatile("isb; tlbi vmalle1; dsb ish; isb" : : : "memory");
    uint64_t sctlr;
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
    sctlr |= 1 | (1 << 2) | (1 << 12);
    sctlr &= ~(uint64_t)2;
    __asm__ volatile("msr sctlr_el1, %0; isb" : : "r"(sctlr) : "memory");
}

int main(void)
{
    if (MMU)
        mmu_enable();
    for (unsigned it = 0; it < ITERS; it++)
        for (unsigned i = 0; i < WORDS; i++)
            buf[i] += i ^ it;
    uint64_t sum = 0;
    for (unsigned i = 0; i < WORDS; i++)
        sum += buf[i];
    uint64_t want = 0;
    for (unsigned i = 0; i < WORDS; i++)
        for (unsigned it = 0; it < ITERS; it++)
            want += i ^ it;
    if (sum != want) {
        plat_puts("FAIL checksum\n");
        plat_exit(1);
    }
    plat_puts(MMU ? "mmu-on done\n" : "mmu-off done\n");
    plat_exit(0);
}
