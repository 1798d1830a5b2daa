/* LOAD REAL ADDRESS (PoP LRA): CC 0 and the real address for a valid translation, CC 1 for an
 * invalid segment-table entry, CC 2 for an invalid page-table entry; with DAT on and with DAT off
 * in the PSW (the address is translated "regardless of whether DAT is on or off"). saesim-only:
 * qemu-system-s390x 7.2 does not translate with DAT off (CC 0, address unchanged) and sets CC 3 for
 * an invalid page-table entry (docs/s390.md "Same verdict under QEMU"). */
#include "lib/expect.h"

static uint64_t segtab[2048] __attribute__((aligned(4096)));
static uint64_t pt0[256] __attribute__((aligned(2048)));
static uint64_t pt1[256] __attribute__((aligned(2048)));
static uint64_t page_a[512] __attribute__((aligned(4096)));

#define STE_INVALID 0x20UL
#define PTE_INVALID 0x400UL
#define VA 0x40000000UL

int main(void)
{
    for (int i = 0; i < 2048; i++)
        segtab[i] = STE_INVALID;
    for (int i = 0; i < 256; i++) {
        pt0[i] = (uint64_t)i << 12;   /* the program's first MiB, 1:1 */
        pt1[i] = PTE_INVALID;
    }
    segtab[0] = (uint64_t)(uintptr_t)pt0;
    segtab[VA >> 20] = (uint64_t)(uintptr_t)pt1;
    pt1[0] = (uint64_t)(uintptr_t)page_a;
    uint64_t asce = (uint64_t)(uintptr_t)segtab | 3; /* DT 00 segment table, TL 3 */
    asm volatile("lctlg %%c1,%%c1,%0" : : "Q"(asce));

    static const struct { uint64_t va; int cc; } cases[] = {
        { VA + 8, 0 }, { VA + 0x1000, 2 }, { 0x50000000UL, 1 },
    };
    for (int dat = 0; dat < 2; dat++) {
        for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
            uint64_t ra = 0;
            int cc;
            uint8_t sm;
            if (dat)
                asm volatile("stosm %[sm],0x04\n\tlrag %[ra],0(%[va])\n\tipm %[cc]\n\tsrl %[cc],28\n\t"
                             "stnsm %[sm],0xfb"
                             : [ra] "=d"(ra), [cc] "=d"(cc), [sm] "=Q"(sm) : [va] "a"(cases[i].va) : "cc");
            else
                asm volatile("lrag %[ra],0(%[va])\n\tipm %[cc]\n\tsrl %[cc],28"
                             : [ra] "=d"(ra), [cc] "=d"(cc) : [va] "a"(cases[i].va) : "cc");
            check(cc == cases[i].cc, "lrag %lx (DAT %s): cc %d, expected %d", cases[i].va,
                  dat ? "on" : "off", cc, cases[i].cc);
            if (cases[i].cc == 0)
                check(ra == (uint64_t)(uintptr_t)page_a + 8, "lrag %lx (DAT %s): ra %lx", cases[i].va,
                      dat ? "on" : "off", ra);
        }
    }
    return 0;
}
