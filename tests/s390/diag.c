/* saesim's DIAGNOSE 0x5A00 console (tools/machines/s390_bare.c): GR R1 = address, GR R3 = length,
 * the bytes go to stdout unchanged, interleaved in order with the SCLP console. saesim-only: on
 * other machines an unassigned DIAGNOSE code is a specification exception. */
#include "lib/s390test.h"

int main(void)
{
    puts_diag("hello from DIAG 0x5A00\n");
    print("then the SCLP console\n");
    diag_write("partial line", 7);
    puts_diag("\n");
    return 0;
}
