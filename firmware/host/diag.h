/* The firmware side of saesim's DIAGNOSE interface (firmware/include/saesim-hostif.h): every call is
 * `diag %r2,%r4,0(%r1)` with GR1 = function code (the second-operand address, D2 = 0, B2 = 1),
 * A = r2, B = r3, C = r4, D = r5; results come back in r2 and r3. */
#ifndef FW_DIAG_H
#define FW_DIAG_H

#include <stdint.h>

#include "saesim-hostif.h"

extern uint64_t fw_diag_count;

#ifdef FW_HOSTIF_STUB
/* Debug builds for an s390 machine without saesim's DIAGs (e.g. QEMU): calls go to a stub that the
 * debug build links in. Never defined by the meson build. */
uint64_t hostif_stub(uint32_t code, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t *b_out);
#define hostif_call hostif_stub
#else
static inline uint64_t hostif_call(uint32_t code, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t *b_out)
{
    register uint64_t r1 __asm__("r1") = code;
    register uint64_t r2 __asm__("r2") = a;
    register uint64_t r3 __asm__("r3") = b;
    register uint64_t r4 __asm__("r4") = c;
    register uint64_t r5 __asm__("r5") = d;
    fw_diag_count++;
    __asm__ volatile("diag %%r2,%%r4,0(%%r1)" : "+d"(r2), "+d"(r3) : "d"(r1), "d"(r4), "d"(r5) : "memory");
    if (b_out)
        *b_out = r3;
    return r2;
}
#endif

#endif
