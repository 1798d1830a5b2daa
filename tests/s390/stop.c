/* SIGP stop addressed to the only CPU: the machine powers off (exit 0) without reaching test_done. */
#include "lib/s390test.h"

int main(void)
{
    uint16_t cpu;
    asm volatile("stap %0" : "=Q"(cpu));
    print("stopping\n");
    register unsigned long r2 asm("2") = 0;
    register unsigned long a asm("4") = cpu;
    asm volatile("sigp %0,%1,5" : "+d"(r2) : "d"(a) : "cc", "memory");
    print("not reached\n");
    return 1;
}
