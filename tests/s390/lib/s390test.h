/* Minimal runtime for saesim's bare-metal s390x tests (tests/s390/lib): console output through the
 * SCLP VT220 console (architected: the same ELF prints under saesim -M s390-bare and
 * qemu-system-s390x) or saesim's DIAGNOSE 0x5A00, lowcore access, and the disabled-wait "done"
 * convention (PSW address 0xfff = pass, 0 = fail). */
#ifndef S390TEST_H
#define S390TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Lowcore (prefix area) locations used by the tests (PoP "Assigned Storage Locations"). */
#define LC_EXT_PARAMS   0x080
#define LC_EXT_CPU_ADDR 0x084
#define LC_EXT_CODE     0x086
#define LC_SVC_ILC      0x088
#define LC_SVC_CODE     0x08A
#define LC_PGM_ILC      0x08C
#define LC_PGM_CODE     0x08E
#define LC_DXC          0x090
#define LC_TEID         0x0A8
#define LC_STFL         0x0C8
#define LC_RESTART_OLD  0x120
#define LC_EXT_OLD      0x130
#define LC_SVC_OLD      0x140
#define LC_PGM_OLD      0x150
#define LC_RESTART_NEW  0x1A0
#define LC_EXT_NEW      0x1B0
#define LC_SVC_NEW      0x1C0
#define LC_PGM_NEW      0x1D0

#define PSW_MASK_64     0x0000000180000000UL  /* EA + BA */
#define PSW_MASK_EXT    0x0100000000000000UL
#define PSW_MASK_IO     0x0200000000000000UL
#define PSW_MASK_WAIT   0x0002000000000000UL
#define PSW_MASK_PSTATE 0x0001000000000000UL

#define LC8(off)  (*(volatile uint8_t *)(uintptr_t)(off))
#define LC16(off) (*(volatile uint16_t *)(uintptr_t)(off))
#define LC32(off) (*(volatile uint32_t *)(uintptr_t)(off))
#define LC64(off) (*(volatile uint64_t *)(uintptr_t)(off))

struct psw { uint64_t mask, addr; };

static inline void set_new_psw(unsigned long off, uint64_t mask, uint64_t addr)
{
    LC64(off) = mask;
    LC64(off + 8) = addr;
}

/* saesim-only console (DIAGNOSE 0x5A00; a specification exception elsewhere). */
void diag_write(const char *s, size_t len);
void puts_diag(const char *s);
/* Architected console: VT220 event writes through the SCLP; leaves the lowcore as it was. */
void console_write(const char *s, size_t len);
void print(const char *s);
/* SCLP console: line-mode message (type 2) and VT220 (type 0x1A) writes. */
void sclp_setup(void);
void sclp_print_line(const char *s);   /* one line-mode message (EBCDIC MTO) */
void sclp_print_vt220(const char *s);  /* raw ASCII bytes */
/* Issue SERVICE CALL and wait for the service-signal interruption; returns the SCCB response code. */
uint16_t sclp_call(uint32_t cmd, void *sccb);
extern uint32_t sclp_last_ext_param;

/* printf-like output to the SCLP console (console_write): %s %d %u %x %lx %lu %ld %c %%. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Counters of the check() macro. */
extern int test_failures;
#define check(cond, ...) do { if (!(cond)) { test_failures++; printk("FAIL %s:%d: ", __FILE__, __LINE__); \
    printk(__VA_ARGS__); printk("\n"); } } while (0)

/* Load a disabled-wait PSW: address 0xfff when pass, 0 otherwise. Never returns. */
void test_done(bool pass) __attribute__((noreturn));

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

static inline uint64_t stck(void)
{
    uint64_t v;
    asm volatile("stck %0" : "=Q"(v) : : "cc", "memory");
    return v;
}
static inline uint64_t stckf(void)
{
    uint64_t v;
    asm volatile("stckf %0" : "=Q"(v) : : "cc", "memory");
    return v;
}
static inline uint64_t stctg(int cr_unused_0)
{
    (void)cr_unused_0;
    uint64_t v;
    asm volatile("stctg %%c0,%%c0,%0" : "=Q"(v));
    return v;
}
static inline void lctlg0(uint64_t v)
{
    asm volatile("lctlg %%c0,%%c0,%0" : : "Q"(v) : "memory");
}

#endif
