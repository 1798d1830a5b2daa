/* Bare-metal test runtime (semihosting via HLT #0xF000). */
#include "t.h"

volatile struct t_exc t_last;
int (*t_exc_hook)(struct t_frame *f, unsigned vector, uint64_t esr);
int t_failures;
uint64_t t_el0_spsr;

long t_semihost(long op, uint64_t arg)
{
    register long x0 __asm__("x0") = op;
    register uint64_t x1 __asm__("x1") = arg;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

void t_puts(const char *s) { t_semihost(0x04, (uint64_t)s); }
void t_putc(char c) { t_semihost(0x03, (uint64_t)&c); }

void t_put_hex(uint64_t v)
{
    char b[19];
    b[0] = '0';
    b[1] = 'x';
    for (int i = 0; i < 16; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
    b[18] = 0;
    t_puts(b);
}

void t_exit(int code)
{
    uint64_t block[2] = { 0x20026, (uint64_t)code };
    t_semihost(0x18, (uint64_t)block);
    for (;;)
        ;
}

static void put_dec(int v)
{
    char b[12];
    int i = 11;
    b[i] = 0;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v && i > 0);
    t_puts(&b[i]);
}

void t_fail(const char *file, int line, const char *what, uint64_t got, uint64_t want)
{
    t_failures++;
    t_puts("FAIL ");
    t_puts(file);
    t_putc(':');
    put_dec(line);
    t_puts(": ");
    t_puts(what);
    t_puts(" = ");
    t_put_hex(got);
    t_puts(", expected ");
    t_put_hex(want);
    t_putc('\n');
}

extern char t_back_to_el1[];

/* Called from the vectors. Records the exception; by default returns past the faulting instruction
 * (SVC/HVC already have ELR = next instruction). SVC #0xffff from EL0 returns to t_run_el0's caller. */
void t_exception(struct t_frame *f, unsigned vector)
{
    uint64_t esr = READ_SYSREG(esr_el1);
    unsigned ec = (unsigned)(esr >> 26) & 0x3f;
    if ((vector & 3) == 0 && vector >= 8 && ec == 0x15 && (esr & 0xffff) == 0xffff) {
        f->elr = (uint64_t)t_back_to_el1; /* t_run_el0's return: not a test event */
        f->spsr = 0x3c5;                  /* EL1h, DAIF masked */
        return;
    }
    t_last.count++;
    t_last.vector = vector;
    t_last.esr = esr;
    t_last.far = READ_SYSREG(far_el1);
    t_last.elr = f->elr;
    t_last.spsr = f->spsr;
    if ((vector & 3) != 0) { /* IRQ/FIQ/SError: the hook acknowledges; else mask and resume */
        if (!t_exc_hook || !t_exc_hook(f, vector, esr))
            f->spsr |= 0x1c0;
        return;
    }
    if (t_exc_hook && t_exc_hook(f, vector, esr))
        return;
    if (ec != 0x15 && ec != 0x16 && ec != 0x17)
        f->elr += 4;
}

void *memset(void *d, int c, size_t n)
{
    unsigned char *p = d;
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

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}
