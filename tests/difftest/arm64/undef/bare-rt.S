/* Bare-metal side of the unallocated-encoding sweep, on the shared bare-metal runtime
 * (tests/arm64/lib/start.S: start-up, vectors, semihosting): the EL1 set-up, the EL0 trampoline and
 * the exception hook that ends each slot. */
#include "../../../arm64/lib/rt.h"

#define SCTLR_RES1   ((1 << 29) | (1 << 28) | (1 << 23) | (1 << 22) | (1 << 20) | (1 << 11))
#define SCTLR_UCT    (1 << 15)   /* EL0 CTR_EL0 access allowed (as Linux) */
#define SCTLR_DZE    (1 << 14)   /* EL0 DC ZVA allowed (as Linux) */
#define SCTLR_UCI    (1 << 26)   /* EL0 cache maintenance allowed (as Linux) */
/* nTWI = nTWE = 0: WFI/WFE at EL0 trap (they are excluded from the sweep anyway); M = 0 (MMU off). */
#define VECTOR_LOWER_A64_SYNC 8

	.text
	.global rt_init             /* run by the runtime before main */
rt_init:
	mov x0, #(3 << 20)          /* CPACR_EL1.FPEN = 0b11 */
	msr cpacr_el1, x0
	ldr x0, =(SCTLR_RES1 | SCTLR_UCT | SCTLR_DZE | SCTLR_UCI)
	msr sctlr_el1, x0
	isb
	ret

	.global sync_icache
sync_icache:
	dsb ish
	ic iallu
	dsb ish
	isb
	ret

	/* struct el0_result run_el0(uint32_t *slot): runs the slot at EL0 with every register and
	 * SP_EL0 set to the guard address; the hook below returns {ESR_EL1, ELR_EL1} in X0/X1 as if
	 * from this call. */
	.global run_el0
run_el0:
	RT_EL0_SAVE_CTX
	msr elr_el1, x0
	mov x1, #0x3c0              /* SPSR: EL0t, D/A/I/F masked, NZCV = 0 */
	msr spsr_el1, x1
	movz x0, #0x4000, lsl #32   /* the guard address */
	msr sp_el0, x0
	.irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov x\r, x0
	.endr
	eret

	/* int rt_exception(struct rt_frame *f, unsigned vector): a synchronous exception from EL0 ends
	 * the slot; any other exception (at EL1, or asynchronous) is a harness bug. */
	.global rt_exception
rt_exception:
	cmp w1, #VECTOR_LOWER_A64_SYNC
	b.ne rt_unexpected
	mrs x2, esr_el1
	ldr x3, [x0, #RT_FRAME_ELR]
	ldr x4, =rt_el0_ret
	stp x2, x3, [x4]
	mov w0, #1
	ret
