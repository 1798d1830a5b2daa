/* Smallest s390-bare program: prints through DIAGNOSE 0x5A00 and ends in the pass wait state. */
#include "lib/s390test.h"

int main(void)
{
    puts_diag("hello from s390-bare\n");
    printk("%d %u %x %lx %s\n", -42, 42u, 0xbeefu, 0x123456789abcUL, "ok");
    return 0;
}
