/* Vector facility: VR save/restore with VSTM/VLM over VR0-31 (as a host saving an Arm guest's V
 * registers would), element moves, FPR = leftmost half of VR, compiler-vectorised loops checked
 * against closed-form results, and the data exception (DXC 0xFE) when CR0 bit 46 is off. */
#include "lib/expect.h"

static uint64_t save[64] __attribute__((aligned(16)));
static uint64_t back[64] __attribute__((aligned(16)));

static uint32_t a32[1000], b32[1000];
static uint8_t bytes[4096];
static uint64_t a64[512];

int main(void)
{
    for (int i = 0; i < 64; i++)
        save[i] = 0x0101010101010101UL * (uint64_t)i ^ 0xfedcba9876543210UL;
    asm volatile("vlm %%v0,%%v15,0(%0)\n\tvlm %%v16,%%v31,256(%0)" : : "a"(save) : "memory");
    asm volatile("vstm %%v0,%%v15,0(%0)\n\tvstm %%v16,%%v31,256(%0)" : : "a"(back) : "memory");
    check(memcmp(save, back, sizeof(save)) == 0, "vlm/vstm round trip");

    /* FPR2 is the leftmost doubleword of VR2. */
    uint64_t f2;
    asm volatile("lgdr %0,%%f2" : "=d"(f2));
    check(f2 == save[4], "fpr2 %lx vs %lx", f2, save[4]);

    /* VLVG/VLGV element access and VREP. */
    unsigned long e;
    asm volatile("vzero %%v1\n\tvlvgf %%v1,%1,2\n\tvrepf %%v2,%%v1,2\n\tvlgvf %0,%%v2,0"
                 : "=d"(e) : "d"(0x11223344UL) : "v1", "v2");
    check(e == 0x11223344UL, "vlvg/vrep/vlgv %lx", e);
    asm volatile("vgbm %%v3,0x8001\n\tvlgvg %0,%%v3,1" : "=d"(e) : : "v3");
    check(e == 0xffUL, "vgbm low doubleword %lx", e);
    asm volatile("vgbm %%v3,0x8001\n\tvlgvg %0,%%v3,0" : "=d"(e) : : "v3");
    check(e == 0xff00000000000000UL, "vgbm high doubleword %lx", e);

    /* Loops gcc vectorises for z13. */
    for (int i = 0; i < 1000; i++) {
        a32[i] = (uint32_t)i;
        b32[i] = (uint32_t)(3 * i);
    }
    for (int i = 0; i < 1000; i++)
        a32[i] += b32[i];
    uint64_t s = 0;
    for (int i = 0; i < 1000; i++)
        s += a32[i];
    check(s == 4UL * (999UL * 1000 / 2), "vector add/sum %lu", s);
    for (int i = 0; i < 512; i++)
        a64[i] = (uint64_t)i << 33;
    uint64_t s64 = 0;
    for (int i = 0; i < 512; i++)
        s64 += a64[i];
    check(s64 == (511UL * 512 / 2) << 33, "64-bit sum %lx", s64);
    for (int i = 0; i < 4096; i++)
        bytes[i] = (uint8_t)(i * 7);
    int eq = 0;
    for (int i = 0; i < 4096; i++)
        eq += bytes[i] == 0x15;
    check(eq == 16, "byte compare count %d", eq);

    /* Vector instructions with CR0 bit 46 off: data exception, DXC 0xFE. */
    pgm_arm();
    uint64_t cr0 = stctg(0), novx = cr0 & ~(1UL << 17);
    LC32(LC_DXC) = 0;
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1d8\n\tlctlg %%c0,%%c0,%[n]\n\tvzero %%v5\n0:\tlctlg %%c0,%%c0,%[o]\n"
                 : : [n] "Q"(novx), [o] "Q"(cr0) : "r1", "v5", "memory");
    struct pgm_result r = pgm_result();
    check(r.code == 0x0007, "vector disabled: code %x", r.code);
    check(LC32(LC_DXC) == 0xfe, "vector disabled: DXC %x", LC32(LC_DXC));
    return 0;
}
