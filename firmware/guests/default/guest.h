/* The default guest: platform addresses (QEMU virt, which saesim's -M sae platform follows) and
 * small access helpers. */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include <stdint.h>

#define UART_BASE   0x09000000ul   /* PL011 */
#define GICD_BASE   0x08000000ul   /* GICv3 distributor */
#define GICR_BASE   0x080a0000ul   /* GICv3 redistributor of CPU 0: RD_base, SGI_base at +64 KiB */
#define RAM_BASE    0x40000000ul

#define PPI_VTIMER  27u            /* virtual timer PPI (Arm BSA / QEMU virt) */

/* MMIO through single LDR/STR without writeback: a stage-2 abort on them has ESR.ISV = 1, which the
 * hypervisor needs to emulate the access (Arm ARM D17.2.37 ESR_EL2 ISS encoding for a data abort). */
static inline uint32_t mmio_read32(uintptr_t a)
{
    uint32_t v;
    __asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
    return v;
}
static inline void mmio_write32(uintptr_t a, uint32_t v)
{
    __asm__ volatile("str %w0, [%1]" : : "rZ"(v), "r"(a) : "memory");
}
static inline void mmio_write8(uintptr_t a, uint8_t v)
{
    __asm__ volatile("strb %w0, [%1]" : : "rZ"(v), "r"(a) : "memory");
}
static inline uint64_t mmio_read64(uintptr_t a)
{
    uint64_t v;
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory");
    return v;
}
static inline void mmio_write64(uintptr_t a, uint64_t v)
{
    __asm__ volatile("str %0, [%1]" : : "rZ"(v), "r"(a) : "memory");
}

#define read_sysreg(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)) : "memory")
#define isb() __asm__ volatile("isb" : : : "memory")

struct exc_frame {
    uint64_t x[31];
    uint64_t elr;
    uint64_t spsr;
    uint64_t pad;
};

void guest_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
