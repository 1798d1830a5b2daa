/* Helpers shared by the machines' debug targets: the texts (dbg_target_ops.text: a bounded text
 * buffer, PSTATE and the s390 PSW decoded, a software TLB entry by entry) and the page-by-page
 * memory copy of mem_read/mem_write. */
#ifndef TOOLS_MACHINES_DEBUG_TEXT_H
#define TOOLS_MACHINES_DEBUG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mmu/tlb.h"
#include "s390/cpu.h"

struct dbg_tb {
    char *buf;
    size_t len, used;
};

/* Append to b (truncating at its end; the buffer stays NUL-terminated). */
void dbg_tb_out(struct dbg_tb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* PSTATE in SPSR layout (Arm ARM C5.2.18 SPSR_EL1): "EL1h NZCV=0100 DAIF=1111 PAN=0 ...". */
void dbg_arm_flags_text(struct dbg_tb *b, uint64_t pstate);
/* The PSW mask fields (Principles of Operation, "Program-Status Word"). */
void dbg_s390_flags_text(struct dbg_tb *b, const struct s390_cpu *c);
/* The valid entries of a TLB set (the first 64), then their number; what names the view. */
void dbg_tlb_text(struct dbg_tb *b, const struct tlb_set *set, const char *what);

/* Host pointer to the n bytes at addr (n never crosses a 4 KiB boundary), or NULL. */
typedef uint8_t *(*dbg_map_fn)(void *opaque, uint64_t addr, size_t n);
/* Copy len bytes between buf and the guest at addr, 4 KiB piece by piece (translations are per
 * page at least); returns the bytes copied (fewer: the byte at addr + return has no mapping). */
size_t dbg_mem_copy(dbg_map_fn map, void *opaque, uint64_t addr, uint8_t *buf, size_t len, bool write);

#endif
