/* Inline wrappers for the s390 instructions the firmware issues: the SAE facility's LASRM, STIASRM,
 * SASR, EASR and QAAF (§3.3-§3.6), PTFF (§3.7), and the classic STCK, STAP, STFLE, SERVC and
 * control-register accesses (Principles of Operation, ch. 10 "Control Instructions").
 * The SAE opcodes are new, so they are emitted with .insn (RRE) or as raw bytes (RIE-h), with the
 * register numbers pinned by register variables. SAE itself is the assembler routine sae_enter()
 * in start.S, because it makes GPRs 0-13 unpredictable (§7.9, MD-40). */
#ifndef FW_SAE_INSN_H
#define FW_SAE_INSN_H

#include <stdint.h>

/* start.S: SAE with GR2 = real address of the SD; saves and restores r6-r15 around it. */
void sae_enter(uint64_t sd_real);
/* start.S: set VR0-VR31 to zero (the guest's V0-V31 at reset, §9). */
void vr_zero_all(void);

/* LASRM (B9A6, RRE): load the guest system registers from the SA into this CPU (§3.3). */
static inline void lasrm(void *sa)
{
    __asm__ volatile(".insn rre,0xb9a60000,%0,0" : : "a"(sa) : "memory");
}

/* STIASRM (B9A7, RRE): store them back and invalidate the loaded context (§3.4). */
static inline void stiasrm(void *sa)
{
    __asm__ volatile(".insn rre,0xb9a70000,%0,0" : : "a"(sa) : "memory");
}

/* SASR (ED99) / EASR (ED9B), RIE-h, 6 bytes (§3.5):
 *   ED | R1<<4 | R3<<4 | I2>>12 | (I2>>4)&0xff | (I2&0xf)<<4 | M4 | 99/9B
 * R1 = GR2 (value), R3 = GR3 (SA address). id and m4 must be compile-time constants. */
#define SASR(id, val, sa, m4)                                                                       \
    do {                                                                                            \
        register uint64_t __v __asm__("r2") = (uint64_t)(val);                                     \
        register uint64_t __sa __asm__("r3") = (uint64_t)(uintptr_t)(sa);                          \
        __asm__ volatile(".byte 0xed,0x20,0x30|((%[i]>>12)&15),(%[i]>>4)&255,((%[i]&15)<<4)|%[m],0x99" \
                         : : [i] "i"(id), [m] "i"(m4), "d"(__v), "a"(__sa) : "memory");            \
    } while (0)

#define EASR(id, sa, m4)                                                                            \
    ({                                                                                              \
        register uint64_t __v __asm__("r2");                                                       \
        register uint64_t __sa __asm__("r3") = (uint64_t)(uintptr_t)(sa);                          \
        __asm__ volatile(".byte 0xed,0x20,0x30|((%[i]>>12)&15),(%[i]>>4)&255,((%[i]&15)<<4)|%[m],0x9b" \
                         : "=d"(__v) : [i] "i"(id), [m] "i"(m4), "a"(__sa) : "memory");            \
        __v;                                                                                        \
    })

/* QAAF (B9AD, RRE): GR0 = function code (| saf << 8 for fc 2), R1 = 4 KiB output block (§3.6). */
static inline void qaaf(uint64_t gr0, void *block)
{
    register uint64_t r0 __asm__("r0") = gr0;
    __asm__ volatile(".insn rre,0xb9ad0000,%1,0" : "+d"(r0) : "a"(block) : "memory");
}

/* PTFF (0104, E): GR0 = function code, GR1 = parameter block. Returns the condition code. */
static inline int ptff(unsigned fc, void *pb)
{
    register uint64_t r0 __asm__("r0") = fc;
    register uint64_t r1 __asm__("r1") = (uint64_t)(uintptr_t)pb;
    int cc;
    __asm__ volatile(".insn e,0x0104\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r0), "d"(r1) : "cc", "memory");
    return cc;
}

/* STORE CLOCK (B205): the TOD clock, bit 51 = 1 microsecond. */
static inline uint64_t stck(void)
{
    uint64_t v;
    __asm__ volatile(".insn s,0xb2050000,%0" : "=Q"(v) : : "cc");
    return v;
}

/* STORE CPU ADDRESS (B212). */
static inline uint16_t stap(void)
{
    uint16_t v;
    __asm__ volatile(".insn s,0xb2120000,%0" : "=Q"(v));
    return v;
}

/* STORE FACILITY LIST EXTENDED (B2B0): GR0 = doublewords - 1. Returns the condition code. */
static inline int stfle(uint64_t *list, unsigned ndw)
{
    register uint64_t r0 __asm__("r0") = ndw - 1;
    int cc;
    __asm__ volatile(".insn s,0xb2b00000,0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc), "+d"(r0) : "a"(list) : "cc", "memory");
    return cc;
}

/* SERVICE CALL (B220, RRE): R1 = SCLP command word, R2 = SCCB real address. Returns the CC. */
static inline int servc(uint32_t cmd, void *sccb)
{
    int cc;
    __asm__ volatile(".insn rre,0xb2200000,%1,%2\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc) : "d"((uint64_t)cmd), "a"(sccb) : "cc", "memory");
    return cc;
}

/* STCTG / LCTLG of control register 0. */
static inline uint64_t stctg_cr0(void)
{
    uint64_t v;
    __asm__ volatile(".insn rsy,0xeb0000000025,0,0,%0" : "=QS"(v));
    return v;
}

static inline void lctlg_cr0(uint64_t v)
{
    __asm__ volatile(".insn rsy,0xeb000000002f,0,0,%0" : : "QS"(v) : "memory");
}

#endif
