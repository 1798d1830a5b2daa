/* The s390 CPU as a debug context, shared by the -M sae target (its "s390" context, the host) and
 * the -M s390-bare target: the register list (PSW, GPRs, access, floating-point and control
 * registers, FPC, prefix), register access, and storage in the real / absolute / virtual spaces,
 * all without side effects on the machine (Principles of Operation, "Storage Addressing"). */
#ifndef TOOLS_MACHINES_DEBUG_S390_H
#define TOOLS_MACHINES_DEBUG_S390_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "s390/cpu.h"
#include "tools/debug/target.h"

/* Register indices of an s390 context. */
enum { S_PSWM = 0, S_PSWA = 1, S_R0 = 2, S_ACR0 = 18, S_F0 = 34, S_FPC = 50, S_CR0 = 51, S_PREFIX = 67,
       S_NREGS = 68 };
/* Address spaces of an s390 context: 0 real (the default), 1 absolute, 2 primary virtual. */
extern const char *const dbg_s390_spaces[3];

/* Fill regs[S_NREGS]; the numbered names are written into names[0..63]. */
void dbg_s390_reg_table(struct dbg_reg *regs, char (*names)[24]);
/* Read register idx into val (val[1] = 0), after writing wr[0] first if wr is not NULL. 0 or -1. */
int dbg_s390_reg(struct s390_cpu *c, unsigned idx, uint64_t val[2], const uint64_t *wr);
/* Virtual (primary space, CR1; real when DAT is off) -> absolute, no side effects. */
bool dbg_s390_va_to_abs(struct s390_cpu *c, uint64_t va, uint64_t *abs);
/* Address in space (see dbg_s390_spaces) -> absolute. */
bool dbg_s390_to_abs(struct s390_cpu *c, unsigned space, uint64_t addr, uint64_t *abs);
/* Copy between buf and storage; returns the bytes copied. A write flushes the TLB (the CPU may run
 * code just written). */
size_t dbg_s390_mem(struct s390_cpu *c, unsigned space, uint64_t addr, uint8_t *buf, size_t len, bool write);
/* st = the CPU's pending watchpoint hit (list: the installed watch list of n entries), which is
 * cleared. The reported address is inside both the access and the watched range (what gdb
 * matches against its watchpoints). */
void dbg_s390_watch_stop(struct s390_cpu *c, const struct s390_watch *list, unsigned n, struct dbg_stop *st);
/* The s390 texts of dbg_target_ops.text (flags, TLB, xlate of va) into b; -1 for another text.
 * label names the CPU in the TLB listing ("host", "cpu"). */
struct dbg_tb;
int dbg_s390_text(struct dbg_tb *b, struct s390_cpu *c, enum dbg_text what, uint64_t va, const char *label);

#endif
