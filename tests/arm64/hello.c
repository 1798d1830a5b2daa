/* The smallest program: semihosting output and exit status 0. */
#include "lib/t.h"

int main(void)
{
    t_puts("hello from arm64-bare\n");
    uint64_t block[3] = { 1, (uint64_t)"SYS_WRITE ok\n", 13 };
    long r = t_semihost(0x05, (uint64_t)block);
    CHECK_EQ(r, 0);
    return t_failures;
}
