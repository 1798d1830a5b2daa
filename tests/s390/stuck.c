/* An enabled wait with no interruption source armed can never end: saesim stops it (exit 4). */
#include "lib/s390test.h"

int main(void)
{
    static struct psw w __attribute__((aligned(8)));
    lctlg0(0);  /* no external subclass enabled */
    w.mask = PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_WAIT | PSW_MASK_64;
    w.addr = 0x2000;
    asm volatile("lpswe %0" : : "Q"(w) : "memory");
    return 1;
}
