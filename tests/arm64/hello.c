/* The smallest program: semihosting output (SYS_WRITE0, SYS_OPEN ":tt" + SYS_WRITE, SYS_WRITEC) and
 * exit status 0 through SYS_EXIT. */
#include "lib/t.h"

int main(void)
{
    t_puts("hello from arm64-bare\n");
    uint64_t open_block[3] = { (uint64_t)":tt", 4, 3 }; /* mode 4 = "w": the console output */
    long fd = t_semihost(0x01, (uint64_t)open_block);
    CHECK(fd >= 0);
    uint64_t block[3] = { (uint64_t)fd, (uint64_t)"SYS_WRITE ok\n", 13 };
    long r = t_semihost(0x05, (uint64_t)block);
    CHECK_EQ(r, 0); /* bytes not written */
    t_putc('!');
    t_putc('\n');
    return t_failures;
}
