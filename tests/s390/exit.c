/* DIAGNOSE 0x5A01 (saesim EXIT): ends the run with GR R1 as the exit status. */
#include "lib/s390test.h"

int main(void)
{
    register unsigned long r2 asm("2") = 7;
    asm volatile("diag %0,0,0(%1)" : : "d"(r2), "a"(0x5a01UL) : "memory");
    return 1; /* not reached */
}
