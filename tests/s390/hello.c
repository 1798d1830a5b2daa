/* Smallest s390-bare program: prints through the SCLP console and ends in the pass wait state. */
#include "lib/s390test.h"

int main(void)
{
    print("hello from s390-bare\n");
    printk("%d %u %x %lx %s\n", -42, 42u, 0xbeefu, 0x123456789abcUL, "ok");
    return 0;
}
