/* Runtime of the AArch64 MMU test: the shared bare-metal runtime (tests/arm64/lib/start.S: start-up,
 * vectors, EL0 entry, semihosting), adapted to the interface arm_mmu.c uses, and the test's EL0
 * code. It includes the shared runtime so that this one file is a program's whole runtime:
 * bench/mmu/run links it alone with bench.c. */
#define RT_OWN_EXCEPTION_HOOK
#include "../../arm64/lib/start.S"

	.text
/* uint64_t run_user(uint64_t entry, uint64_t sp_el0, uint64_t a0, uint64_t a1, uint64_t a2):
 * enter EL0t at entry with x0..x2 = a0..a2, all interrupts unmasked (none are enabled); returns the
 * user's x0 at its SVC (or the value exc_handler chose when it ends the user run). */
	.global run_user
run_user:
	mov x5, x4
	mov x4, x3
	mov x3, x2
	mov x2, #0                  /* SPSR: EL0t, DAIF clear */
	b rt_run_el0

/* The runtime's hook: exc_handler(frame, vector) returns 0 to resume at frame->elr, 1 to end the
 * user run with user_result. */
	.global rt_exception
rt_exception:
	stp x29, x30, [sp, #-16]!
	mov x29, sp
	bl exc_handler
	cbz x0, 1f
	ldr x1, =user_result
	ldr x1, [x1]
	ldr x2, =rt_el0_ret
	str x1, [x2]
	mov w0, #1
1:	ldp x29, x30, [sp], #16
	ret

/* EL0 code: mapped on its own at a user VA, executable at EL0 only. x0 = user data VA, x1 =
 * kernel-only page VA, x2 = kernel (identity block) VA. Each forbidden access is skipped by the
 * handler; the result in x0 counts the successful steps. */
	.section .user_text, "ax"
	.global user_entry
user_entry:
	mov x4, #0x55
	mov x5, #0x66
	ldr x3, [x0]                /* user RW: ok */
	add x3, x3, #1
	str x3, [x0]                /* ok */
	ldr x4, [x1]                /* EL0 no access (AP = 00 page): permission fault, level 3 */
	ldr x5, [x2]                /* kernel block: permission fault at the block's level */
	adr x6, user_entry
	str x3, [x6]                /* EL0 read-only code page: permission fault, WnR */
	ldr x7, [x6]                /* readable: ok */
	cmp x4, #0x55               /* the faulting loads did not write their registers */
	b.ne 1f
	cmp x5, #0x66
	b.ne 1f
	mov x0, x3
	svc #0
1:	mov x0, #0
	svc #0
	.global user_entry_end
user_entry_end:
