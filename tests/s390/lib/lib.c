/* Test runtime: printk to the SCLP console (lib/sclp.c), the saesim DIAG 0x5A00 console, string
 * helpers, and test_done(). */
#include <stdarg.h>

#include "s390test.h"

int test_failures;

void diag_write(const char *s, size_t len)
{
    register unsigned long r2 asm("2") = (unsigned long)s;
    register unsigned long r3 asm("3") = len;
    /* The function code is the second-operand address: it needs a base register (D2 is 12 bits). */
    asm volatile("diag %0,%1,0(%2)" : : "d"(r2), "d"(r3), "a"(0x5a00UL) : "memory");
}

void puts_diag(const char *s) { diag_write(s, strlen(s)); }

void print(const char *s) { console_write(s, strlen(s)); }

void *memset(void *d, int c, size_t n)
{
    volatile unsigned char *p = d;
    while (n--)
        *p++ = (unsigned char)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    if (p < q) {
        while (n--)
            *p++ = *q++;
    } else {
        while (n--)
            p[n] = q[n];
    }
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return p[i] < q[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static char outbuf[256];
static size_t outlen;

static void flush(void)
{
    if (outlen)
        console_write(outbuf, outlen);
    outlen = 0;
}

static void out(char c)
{
    outbuf[outlen++] = c;
    if (outlen == sizeof(outbuf) || c == '\n')
        flush();
}

static void out_num(unsigned long v, unsigned base, bool neg)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg)
        out('-');
    while (n)
        out(tmp[--n]);
}

void printk(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            out(*p);
            continue;
        }
        bool lng = false;
        if (p[1] == 'l') {
            lng = true;
            p++;
        }
        switch (*++p) {
        case 's': for (const char *s = va_arg(ap, const char *); *s; s++) out(*s); break;
        case 'c': out((char)va_arg(ap, int)); break;
        case 'd': {
            long v = lng ? va_arg(ap, long) : va_arg(ap, int);
            out_num(v < 0 ? -(unsigned long)v : (unsigned long)v, 10, v < 0);
            break;
        }
        case 'u': out_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, false); break;
        case 'x': out_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, false); break;
        case '%': out('%'); break;
        default: out('?'); break;
        }
    }
    va_end(ap);
    flush();
}

void test_done(bool pass)
{
    static struct psw wait_psw __attribute__((aligned(8)));
    if (test_failures)
        pass = false;
    printk("%s (%d failures)\n", pass ? "PASS" : "FAIL", test_failures);
    wait_psw.mask = PSW_MASK_WAIT | PSW_MASK_64;
    wait_psw.addr = pass ? 0xfff : 0;
    asm volatile("lpswe %0" : : "Q"(wait_psw) : "memory");
    for (;;)
        ;
}
