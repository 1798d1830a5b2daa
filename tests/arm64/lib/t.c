/* tests/arm64 test library: checks, exception recording and EL0 calls on the shared runtime (rt.h). */
#include "t.h"

volatile struct t_exc t_last;
int (*t_exc_hook)(struct t_frame *f, unsigned vector, uint64_t esr);
int t_failures;
uint64_t t_el0_spsr;

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

uint64_t t_run_el0(uint64_t (*fn)(uint64_t), uint64_t arg)
{
    return rt_run_el0((uint64_t)fn, (uint64_t)__el0_stack_top, t_el0_spsr, arg, 0, 0);
}

/* The runtime's hook. Records the exception; by default returns past the faulting instruction
 * (SVC/HVC already have ELR = next instruction). SVC #0xffff from EL0 (rt_el0_return) ends the
 * t_run_el0 call with the function's result. */
int rt_exception(struct rt_frame *f, unsigned vector)
{
    uint64_t esr = READ_SYSREG(esr_el1);
    unsigned ec = (unsigned)(esr >> 26) & 0x3f;
    if ((vector & 3) == 0 && vector >= 8 && ec == 0x15 && (esr & 0xffff) == RT_SVC_EL0_RETURN) {
        rt_el0_ret[0] = f->x[0]; /* t_run_el0's return: not a test event */
        return 1;
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
        return 0;
    }
    if (t_exc_hook && t_exc_hook(f, vector, esr))
        return 0;
    if (ec != 0x15 && ec != 0x16 && ec != 0x17)
        f->elr += 4;
    return 0;
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
