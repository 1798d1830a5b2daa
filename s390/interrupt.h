/* Interruption delivery and storage internals shared inside s390/ (PoP ch. 6 "Interruptions"). */
#ifndef S390_INTERRUPT_H
#define S390_INTERRUPT_H

#include <stdint.h>

#include "s390/cpu.h"

/* SUPERVISOR CALL interruption: old PSW points after the SVC (or the EX), code at 0x8A. */
void s390_svc_interrupt(struct s390_cpu *c, uint8_t code);
/* Take the highest-priority pending and enabled asynchronous interruption (restart, external,
 * I/O). Returns true if one was taken. */
bool s390_deliver_pending(struct s390_cpu *c);
/* Is any asynchronous interruption pending and enabled (no side effects)? */
bool s390_async_pending(struct s390_cpu *c);
/* Early PSW-format specification exception (ILC 0, PSW unchanged). */
_Noreturn void s390_early_spec(struct s390_cpu *c);

/* Instruction fetch (up to 6 bytes, zero-padded) with the access exceptions of instruction fetching. */
void s390_fetch_insn(struct s390_cpu *c, uint64_t addr, uint8_t code[6]);
/* Byte/page helpers for string instructions. */
uint8_t s390_ld8(struct s390_cpu *c, uint64_t addr);
void s390_st8(struct s390_cpu *c, uint64_t addr, uint8_t v);
uint8_t *s390_page_ptr(struct s390_cpu *c, uint64_t addr, unsigned len, int which);
/* Real-address scalar access (lowcore); errors read as zero / are ignored. */
uint64_t s390_real_ld(struct s390_cpu *c, uint64_t real, unsigned size);
void s390_real_st(struct s390_cpu *c, uint64_t real, unsigned size, uint64_t v);

/* DAT table-entry reader for mmu/s390_dat.h (absolute address, big-endian). */
int s390_dat_read_entry(void *opaque, uint64_t abs, uint64_t *entry);

/* Timers (s390/tod.c). */
void s390_timers_init(struct s390_cpu *c);
void s390_rearm_timers(struct s390_cpu *c);
uint64_t s390_tod_to_ns(const struct s390_cpu *c, uint64_t tod);

#endif
