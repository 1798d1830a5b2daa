/* tests/arm64 test library, on the shared bare-metal runtime (rt.h): semihosting output/exit,
 * checks, exception recording, EL0 calls. */
#ifndef T_H
#define T_H

#include <stdint.h>
#include "rt.h"

typedef unsigned long size_t;

#define t_frame rt_frame   /* the runtime's exception frame: x[31], elr, spsr */

/* last exception recorded by the handler */
struct t_exc {
    unsigned count;
    unsigned vector;      /* 0..15: (group << 2) | type; group 0 EL1t, 1 EL1h, 2 EL0 AArch64 */
    uint64_t esr, far, elr, spsr;
};
extern volatile struct t_exc t_last;

/* Optional hook: return 1 if it handled the exception (and adjusted f->elr itself). */
extern int (*t_exc_hook)(struct t_frame *f, unsigned vector, uint64_t esr);

static inline long t_semihost(long op, uint64_t arg) { return rt_semihost(op, arg); }
static inline void t_puts(const char *s) { plat_puts(s); }
static inline void t_putc(char c) { rt_semihost(0x03, (uint64_t)&c); }   /* SYS_WRITEC */
static inline void t_put_hex(uint64_t v) { rt_put_hex(v); }
static inline __attribute__((noreturn)) void t_exit(int code) { plat_exit(code); }

extern int t_failures;
void t_fail(const char *file, int line, const char *what, uint64_t got, uint64_t want);

#define CHECK_EQ(got, want)                                                                       \
    do {                                                                                          \
        uint64_t g_ = (uint64_t)(got), w_ = (uint64_t)(want);                                     \
        if (g_ != w_)                                                                             \
            t_fail(__FILE__, __LINE__, #got, g_, w_);                                             \
    } while (0)
#define CHECK(cond) CHECK_EQ(!!(cond), 1)

/* Run fn(arg) at EL0 and return its result (fn must return normally). The ERET uses SPSR_EL1 =
 * t_el0_spsr (0: EL0t, DAIF and NZCV clear). */
extern uint64_t t_el0_spsr;
uint64_t t_run_el0(uint64_t (*fn)(uint64_t), uint64_t arg);

static inline void t_reset_exc(void) { t_last.count = 0; t_last.esr = t_last.far = t_last.elr = 0; }

#define READ_SYSREG(r) ({ uint64_t v_; __asm__ volatile("mrs %0, " #r : "=r"(v_)); v_; })
#define WRITE_SYSREG(r, v) __asm__ volatile("msr " #r ", %0" ::"r"((uint64_t)(v)) : "memory")

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
