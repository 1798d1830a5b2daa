/* Restart interruption requested with SIGP restart to this CPU: old PSW at 0x120, new at 0x1A0. */
#include "lib/expect.h"

int main(void)
{
    uint16_t cpu;
    asm volatile("stap %0" : "=Q"(cpu));
    uint64_t at;
    set_new_psw(LC_RESTART_NEW, PSW_MASK_64, 0);
    LC64(LC_RESTART_OLD + 8) = 0;
    register unsigned long r2 asm("2") = 0;
    register unsigned long a asm("4") = cpu;
    asm volatile("larl %%r1,0f\n\tstg %%r1,0x1a8\n\tlarl %%r1,1f\n\tstg %%r1,%[at]\n"
                 "1:\tsigp %[r2],%[a],6\n\tj .\n0:\n"
                 : [at] "=Q"(at), [r2] "+d"(r2) : [a] "d"(a) : "r1", "cc", "memory");
    check(LC64(LC_RESTART_OLD + 8) == at + 4, "restart old PSW %lx vs %lx", LC64(LC_RESTART_OLD + 8), at);
    return 0;
}
