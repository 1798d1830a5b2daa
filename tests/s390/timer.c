/* TOD clock: STCK strictly increasing, STCKF monotonic, STCKE layout, SCK sets the clock, CPU timer
 * decrements, the clock comparator interrupts no earlier than its value. */
#include "lib/expect.h"

int main(void)
{
    uint64_t prev = stck();
    for (int i = 0; i < 1000; i++) {
        uint64_t t = stck();
        check(t > prev, "stck not increasing: %lx after %lx", t, prev);
        prev = t;
    }
    prev = stckf();
    for (int i = 0; i < 1000; i++) {
        uint64_t t = stckf();
        check(t >= prev, "stckf went back");
        prev = t;
    }
    /* The TOD clock of a fresh machine is in 2026 (well past 2020: TOD 0xD7...). */
    check(stck() > 0xD700000000000000UL, "TOD clock too small: %lx", stck());

    uint8_t e[16];
    uint64_t before = stck();
    asm volatile("stcke %0" : "=Q"(e) : : "cc");
    uint64_t mid = 0;
    for (int i = 1; i < 9; i++)
        mid = mid << 8 | e[i];
    check(e[0] == 0, "stcke epoch index %u", e[0]);
    check(mid > before && mid < before + (1UL << 24), "stcke TOD %lx vs stck %lx", mid, before);

    /* SET CLOCK: back to a known value. */
    uint64_t v = 0xD000000000000000UL;
    int cc;
    asm volatile("sck %1\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "Q"(v) : "cc");
    check(cc == 0, "sck cc %d", cc);
    uint64_t t = stck();
    check(t >= v && t < v + (1UL << 24), "after sck: %lx", t);

    /* CPU timer counts down at the TOD rate. */
    int64_t st = 1L << 40, a, b;
    asm volatile("spt %0" : : "Q"(st));
    asm volatile("stpt %0" : "=Q"(a));
    for (volatile int i = 0; i < 1000; i++)
        ;
    asm volatile("stpt %0" : "=Q"(b));
    check(a <= st && b < a, "cpu timer not decrementing: %lx %lx", (uint64_t)a, (uint64_t)b);

    /* STCKC returns what SCKC set. */
    uint64_t ckc = 0x123456789abcdef0UL, got;
    asm volatile("sckc %1\n\tstckc %0" : "=Q"(got) : "Q"(ckc));
    check(got == ckc, "stckc %lx", got);
    return 0;
}
