/* STORE FACILITY LIST (EXTENDED): the installed facilities of the CPU model. */
#include "lib/expect.h"

static uint64_t fl[4];

static bool has(unsigned bit) { return (fl[bit / 64] >> (63 - bit % 64)) & 1; }

int main(void)
{
    register unsigned long r0 asm("0") = 3;
    int cc;
    asm volatile("stfle %[fl]\n\tipm %[cc]\n\tsrl %[cc],28" : [fl] "=Q"(fl), [cc] "=d"(cc), "+d"(r0) : : "cc");
    check(cc == 0, "stfle cc %d", cc);
    check((r0 & 0xff) == 2, "stfle doublewords %lu", (r0 & 0xff) + 1);
    static const unsigned want[] = { 0, 1, 2, 3, 7, 8, 18, 21, 25, 34, 35, 45, 49, 52, 53, 78, 129, 138 };
    for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        check(has(want[i]), "facility %u missing", want[i]);
    static const unsigned absent[] = { 17, 42, 50, 73, 76, 77 };
    for (unsigned i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
        check(!has(absent[i]), "facility %u unexpectedly present", absent[i]);

    /* Too short a list: CC 3 and R0 tells the needed size. */
    uint64_t one[1];
    r0 = 0;
    asm volatile("stfle %[fl]\n\tipm %[cc]\n\tsrl %[cc],28" : [fl] "=Q"(one), [cc] "=d"(cc), "+d"(r0) : : "cc");
    check(cc == 3, "short stfle cc %d", cc);
    check((r0 & 0xff) == 2, "short stfle r0 %lu", r0 & 0xff);
    check(one[0] == fl[0], "short stfle first doubleword");

    /* STFL stores the first word at 0xC8. */
    asm volatile("stfl 0" : : : "memory");
    check(LC32(LC_STFL) == (uint32_t)(fl[0] >> 32), "stfl %x", LC32(LC_STFL));
    return 0;
}
