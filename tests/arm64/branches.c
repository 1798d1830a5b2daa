/* Branches: B, BL, BR, BLR, RET, CBZ/CBNZ, TBZ/TBNZ and B.cond for every condition and NZCV value. */
#include "lib/t.h"

static uint64_t leaf(uint64_t x) { return x + 1; }

/* ConditionHolds() from the Arm ARM, written out independently of the core */
static int holds(unsigned cond, unsigned nzcv)
{
    int n = nzcv >> 3 & 1, z = nzcv >> 2 & 1, c = nzcv >> 1 & 1, v = nzcv & 1, r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = 1; break;
    }
    if ((cond & 1) && cond != 15)
        r = !r;
    return r;
}

#define BCOND(cc, idx)                                                                   \
    __asm__ volatile("mov %0, #0\n msr nzcv, %1\n b." cc " 1f\n b 2f\n1: mov %0, #1\n2:" \
                     : "=&r"(taken) : "r"((uint64_t)f << 28));                           \
    CHECK_EQ(taken, holds(idx, f))

int main(void)
{
    uint64_t r, lr, x;
    __asm__ volatile("mov %0, #1\n b 1f\n mov %0, #2\n1:" : "=&r"(r));
    CHECK_EQ(r, 1);
    __asm__ volatile("mov x9, x30\n bl 1f\n1: mov %0, x30\n mov x30, x9\n adr %1, 1b" : "=r"(lr), "=r"(x) : : "x9", "x30");
    CHECK_EQ(lr, x);
    uint64_t (*fp)(uint64_t) = leaf;
    __asm__ volatile("mov x0, #41\n blr %1\n mov %0, x0" : "=r"(r) : "r"(fp) : "x0", "x1", "x30", "memory");
    CHECK_EQ(r, 42);
    __asm__ volatile("adr x9, 1f\n mov %0, #0\n br x9\n mov %0, #5\n1: add %0, %0, #1" : "=&r"(r) : : "x9");
    CHECK_EQ(r, 1);
    /* BLR X30 branches to the old X30 */
    __asm__ volatile("mov x9, x30\n adr x30, 1f\n mov %0, #0\n blr x30\n mov %0, #9\n1: adr x10, 1b\n"
                     "sub %0, x30, x10\n mov x30, x9" : "=&r"(r) : : "x9", "x10", "x30");
    CHECK_EQ(r, (uint64_t)-4); /* X30 = address of the instruction after BLR = label - 4 */
    __asm__ volatile("mov x9, x30\n adr x30, 1f\n mov %0, #3\n ret\n mov %0, #4\n1: mov x30, x9" : "=&r"(r) : : "x9", "x30");
    CHECK_EQ(r, 3);
    /* CBZ / CBNZ: the W form looks at 32 bits only */
    x = 0x100000000ULL;
    __asm__ volatile("mov %0, #0\n cbz %w1, 1f\n mov %0, #1\n1:" : "=&r"(r) : "r"(x));
    CHECK_EQ(r, 0);
    __asm__ volatile("mov %0, #0\n cbz %1, 1f\n mov %0, #1\n1:" : "=&r"(r) : "r"(x));
    CHECK_EQ(r, 1);
    __asm__ volatile("mov %0, #0\n cbnz %1, 1f\n mov %0, #1\n1:" : "=&r"(r) : "r"(x));
    CHECK_EQ(r, 0);
    /* TBZ / TBNZ */
    x = 0x8000000000000000ULL;
    __asm__ volatile("mov %0, #0\n tbnz %1, #63, 1f\n mov %0, #1\n1:" : "=&r"(r) : "r"(x));
    CHECK_EQ(r, 0);
    __asm__ volatile("mov %0, #0\n tbz %1, #63, 1f\n mov %0, #1\n1:" : "=&r"(r) : "r"(x));
    CHECK_EQ(r, 1);
    __asm__ volatile("mov %0, #0\n tbz %w1, #3, 1f\n mov %0, #1\n1:" : "=&r"(r) : "r"((uint64_t)8));
    CHECK_EQ(r, 1);
    /* B.cond: all 16 conditions x 16 flag values */
    uint64_t taken;
    for (unsigned f = 0; f < 16; f++) {
        BCOND("eq", 0); BCOND("ne", 1); BCOND("cs", 2); BCOND("cc", 3);
        BCOND("mi", 4); BCOND("pl", 5); BCOND("vs", 6); BCOND("vc", 7);
        BCOND("hi", 8); BCOND("ls", 9); BCOND("ge", 10); BCOND("lt", 11);
        BCOND("gt", 12); BCOND("le", 13); BCOND("al", 14); BCOND("nv", 15);
    }
    /* a loop */
    __asm__ volatile("mov %0, #0\n mov x9, #10\n1: add %0, %0, x9\n subs x9, x9, #1\n b.ne 1b" : "=&r"(r) : : "x9");
    CHECK_EQ(r, 55);
    return t_failures;
}
