/* Storage-to-storage and string instructions as their architected corner cases define them:
 * MVC one-byte overlap propagation, MVCL padding and destructive overlap, CLCL, MVCLE, CLC, XC,
 * TR, TRT, CLST, SRST, MVST, CKSM, EX with a variable length, CS/CSG/CDSG, LAA. */
#include "lib/expect.h"

static uint8_t buf[8192], dst[8192];

int main(void)
{
    /* MVC 1(255,R),0(R) replicates the first byte. */
    memset(buf, 0, 300);
    buf[0] = 0x5a;
    asm volatile("mvc 1(255,%0),0(%0)" : : "a"(buf) : "memory");
    int ok = 1;
    for (int i = 0; i < 256; i++)
        ok &= buf[i] == 0x5a;
    check(ok && buf[256] == 0, "mvc propagation");

    /* MVCL: 5000 bytes from a 3-byte source, pad 0x77; CC 2 (first operand longer). */
    memset(dst, 0, sizeof(dst));
    buf[0] = 1; buf[1] = 2; buf[2] = 3;
    register unsigned long r2 asm("2") = (unsigned long)dst;
    register unsigned long r3 asm("3") = 5000;
    register unsigned long r4 asm("4") = (unsigned long)buf;
    register unsigned long r5 asm("5") = 3 | (0x77UL << 24);
    int cc;
    asm volatile("mvcl %%r2,%%r4\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    check(cc == 2, "mvcl cc %d", cc);
    check(dst[0] == 1 && dst[2] == 3 && dst[3] == 0x77 && dst[4999] == 0x77 && dst[5000] == 0, "mvcl data");
    check(r2 == (unsigned long)dst + 5000 && (r3 & 0xffffff) == 0, "mvcl registers %lx %lx", r2, r3);
    /* Destructive overlap: CC 3, nothing moved. */
    r2 = (unsigned long)buf + 1; r3 = 10; r4 = (unsigned long)buf; r5 = 10;
    buf[1] = 0x99;
    asm volatile("mvcl %%r2,%%r4\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    check(cc == 3 && buf[1] == 0x99, "mvcl overlap cc %d", cc);

    /* CLCL with padding: "ab" vs "ab  " (pad blank) equal; "ab" vs "abc" low. */
    static const char s1[] = "ab", s2[] = "ab  ", s3[] = "abc";
    r2 = (unsigned long)s1; r3 = 2; r4 = (unsigned long)s2; r5 = 4 | (0x20UL << 24);
    asm volatile("clcl %%r2,%%r4\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    check(cc == 0, "clcl padded equal cc %d", cc);
    r2 = (unsigned long)s1; r3 = 2; r4 = (unsigned long)s3; r5 = 3;
    asm volatile("clcl %%r2,%%r4\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    check(cc == 1 && r2 == (unsigned long)s1 + 2, "clcl low cc %d", cc);

    /* MVCLE in a loop until CC != 3 (partial completion allowed). */
    memset(dst, 0xee, sizeof(dst));
    r2 = (unsigned long)dst; r3 = 8000; r4 = (unsigned long)buf; r5 = 0;
    asm volatile("0:\tmvcle %%r2,%%r4,0x41\n\tjo 0b\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    check(cc == 2 && dst[0] == 0x41 && dst[7999] == 0x41 && dst[8000] == 0xee, "mvcle pad cc %d", cc);

    /* CLC, XC. */
    static const char x1[] = "hello", x2[] = "help!";
    asm volatile("clc 0(5,%1),0(%2)\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(x1), "a"(x2) : "cc");
    check(cc == 1, "clc cc %d", cc);
    memset(buf, 0x3c, 64);
    asm volatile("xc 0(64,%1),0(%1)\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(buf) : "cc", "memory");
    check(cc == 0 && buf[0] == 0 && buf[63] == 0, "xc zeroing cc %d", cc);

    /* TR: uppercase via a table; TRT: find the first blank. */
    static uint8_t tab[256];
    for (int i = 0; i < 256; i++)
        tab[i] = (uint8_t)((i >= 'a' && i <= 'z') ? i - 32 : i);
    char word[] = "saesim";
    asm volatile("tr 0(6,%0),0(%1)" : : "a"(word), "a"(tab) : "memory");
    check(memcmp(word, "SAESIM", 6) == 0, "tr result %s", word);
    static uint8_t ttab[256];
    ttab[' '] = 7;
    static const char sent[] = "find the blank";
    register unsigned long g1 asm("1") = 0;
    register unsigned long g2 asm("2") = 0;
    asm volatile("trt 0(14,%3),0(%4)\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(g1), "+d"(g2) : "a"(sent), "a"(ttab) : "cc");
    check(cc == 1 && g1 == (unsigned long)sent + 4 && (g2 & 0xff) == 7, "trt cc %d at %lx sent %lx g2 %lx", cc, g1, (unsigned long)sent, g2);

    /* CLST / SRST / MVST with the ending character 0. */
    static const char c1[] = "abcd", c2[] = "abce";
    register unsigned long z0 asm("0") = 0;
    r2 = (unsigned long)c1; r4 = (unsigned long)c2;
    asm volatile("0:\tclst %%r2,%%r4\n\tjo 0b\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r4) : "d"(z0) : "cc");
    check(cc == 1 && r2 == (unsigned long)c1 + 3, "clst cc %d", cc);
    static const char hay[] = "needle in haystack";
    r2 = (unsigned long)hay + sizeof(hay); r4 = (unsigned long)hay;
    z0 = 'h';
    asm volatile("0:\tsrst %%r2,%%r4\n\tjo 0b\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r4) : "d"(z0) : "cc");
    check(cc == 1 && r2 == (unsigned long)hay + 10, "srst cc %d at %lx", cc, r2);
    char out[32];
    z0 = 0;
    r2 = (unsigned long)out; r4 = (unsigned long)hay;
    asm volatile("0:\tmvst %%r2,%%r4\n\tjo 0b\n\tipm %0\n\tsrl %0,28" : "=d"(cc), "+d"(r2), "+d"(r4) : "d"(z0) : "cc", "memory");
    check(cc == 1 && r2 == (unsigned long)out + sizeof(hay) - 1 && memcmp(out, hay, sizeof(hay)) == 0, "mvst cc %d r2 %lx out %lx", cc, r2, (unsigned long)out);

    /* CKSM over 10 bytes (the last word padded with zeros). */
    static const uint8_t ck[10] = { 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00 };
    register unsigned long acc asm("1") = 0;
    r2 = (unsigned long)ck; r3 = 10;
    asm volatile("0:\tcksm %0,%%r2\n\tjo 0b" : "+d"(acc), "+d"(r2), "+d"(r3) : : "cc");
    /* 0xffffffff + 2 = 0x1_00000001 -> end-around carry 0x00000002, + 0x01000000 */
    check((uint32_t)acc == 0x01000002u, "cksm %lx", acc);

    /* EX of MVC with a register length. */
    memset(dst, 0, 16);
    static const uint8_t src8[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    asm volatile("larl %%r1,1f\n\tex %2,0(%%r1)\n\tj 2f\n1:\tmvc 0(1,%0),0(%1)\n2:\n"
                 : : "a"(dst), "a"(src8), "a"(4UL) : "r1", "memory");
    check(dst[4] == 5 && dst[5] == 0, "ex mvc length");

    /* Compare and swap family, interlocked add. */
    static uint32_t w = 5;
    static uint64_t dw = 9;
    static uint64_t qw[2] __attribute__((aligned(16))) = { 1, 2 };
    uint32_t old = 5;
    asm volatile("cs %0,%3,%1\n\tipm %2\n\tsrl %2,28" : "+d"(old), "+Q"(w), "=&d"(cc) : "d"(7) : "cc");
    check(w == 7 && cc == 0, "cs swap");
    old = 5;
    asm volatile("cs %0,%3,%1\n\tipm %2\n\tsrl %2,28" : "+d"(old), "+Q"(w), "=&d"(cc) : "d"(8) : "cc");
    check(old == 7 && cc == 1, "cs mismatch loads %u", old);
    uint64_t o64 = 9;
    asm volatile("csg %0,%2,%1" : "+d"(o64), "+Q"(dw) : "d"(11UL) : "cc");
    check(dw == 11, "csg");
    register unsigned long e0 asm("2") = 1, e1 asm("3") = 2, n0 asm("4") = 30, n1 asm("5") = 40;
    asm volatile("cdsg %0,%2,%1" : "+d"(e0), "+Q"(qw), "+d"(n0) : "d"(e1), "d"(n1) : "cc");
    check(qw[0] == 30 && qw[1] == 40, "cdsg %lx %lx", qw[0], qw[1]);
    static int32_t counter = 40;
    int32_t prev;
    asm volatile("laa %0,%2,%1" : "=d"(prev), "+Q"(counter) : "d"(2) : "cc");
    check(prev == 40 && counter == 42, "laa %d %d", prev, counter);
    return 0;
}
