/* A program that never ends: --timeout (virtual seconds) stops it with exit status 4. */
#include "lib/s390test.h"

int main(void)
{
    for (;;)
        asm volatile("" ::: "memory");
    return 1;
}
