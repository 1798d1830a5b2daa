/* Linux side of the unallocated-encoding sweep: entry, raw syscalls and the EL0 trampoline. The
 * saved registers use the bare-metal runtime's register groups (tests/arm64/lib/regs.h). */
#include "../../../arm64/lib/regs.h"
	.text
	.global _start
_start:
	bl main
	mov x8, #93                 /* exit */
	svc #0

	.global sys6                /* long sys6(nr, a, b, c, d, e, f) */
sys6:
	mov x8, x0
	mov x0, x1
	mov x1, x2
	mov x2, x3
	mov x3, x4
	mov x4, x5
	mov x5, x6
	svc #0
	ret

	.global sync_icache         /* void sync_icache(void *begin, void *end): 64-byte lines */
sync_icache:
	bic x2, x0, #63
1:	dc cvau, x2
	add x2, x2, #64
	cmp x2, x1
	b.lo 1b
	dsb ish
	bic x2, x0, #63
2:	ic ivau, x2
	add x2, x2, #64
	cmp x2, x1
	b.lo 2b
	dsb ish
	isb
	ret

	.global sig_restorer
sig_restorer:
	mov x8, #139                /* rt_sigreturn */
	svc #0

	.global run_word            /* void run_word(uint32_t *slot) */
run_word:
	adrp x9, save_area
	add x9, x9, :lo12:save_area
	RT_X19_X30 stp, x9
	mov x10, sp
	str x10, [x9, #96]
	mov x16, x0
	movz x0, #0x4000, lsl #32   /* the guard address */
	.irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov x\r, x0
	.endr
	mov sp, x0
	msr nzcv, xzr
	br x16

	.global resume_point
resume_point:
	adrp x9, save_area
	add x9, x9, :lo12:save_area
	RT_X19_X30 ldp, x9
	ldr x10, [x9, #96]
	mov sp, x10
	ret

	.bss
	.p2align 4
save_area:
	.skip 112
