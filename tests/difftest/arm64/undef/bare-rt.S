/* Bare-metal side of the unallocated-encoding sweep: EL1 set-up, the vector table and the EL0
 * trampoline. Output/exit through semihosting (../plat-bare.S). */
#define SCTLR_RES1   ((1 << 29) | (1 << 28) | (1 << 23) | (1 << 22) | (1 << 20) | (1 << 11))
#define SCTLR_UCT    (1 << 15)   /* EL0 CTR_EL0 access allowed (as Linux) */
#define SCTLR_DZE    (1 << 14)   /* EL0 DC ZVA allowed (as Linux) */
#define SCTLR_UCI    (1 << 26)   /* EL0 cache maintenance allowed (as Linux) */
/* nTWI = nTWE = 0: WFI/WFE at EL0 trap (they are excluded from the sweep anyway); M = 0 (MMU off). */

	.section .text.start, "ax"
	.global _start
_start:
	ldr x0, =__stack_top
	mov sp, x0
	ldr x0, =__bss_start
	ldr x1, =__bss_end
1:	cmp x0, x1
	b.hs 2f
	str xzr, [x0], #8
	b 1b
2:	adr x0, vectors
	msr vbar_el1, x0
	mov x0, #(3 << 20)          /* CPACR_EL1.FPEN = 0b11 */
	msr cpacr_el1, x0
	ldr x0, =(SCTLR_RES1 | SCTLR_UCT | SCTLR_DZE | SCTLR_UCI)
	msr sctlr_el1, x0
	isb
	bl main
	b plat_exit

	.text
	.global sync_icache
sync_icache:
	dsb ish
	ic iallu
	dsb ish
	isb
	ret

	/* struct el0_result run_el0(uint32_t *slot): runs the slot at EL0; the EL0 synchronous
	 * exception vector returns {ESR_EL1, ELR_EL1} in X0/X1 as if from this call. */
	.global run_el0
run_el0:
	adrp x9, save_area
	add x9, x9, :lo12:save_area
	stp x19, x20, [x9, #0]
	stp x21, x22, [x9, #16]
	stp x23, x24, [x9, #32]
	stp x25, x26, [x9, #48]
	stp x27, x28, [x9, #64]
	stp x29, x30, [x9, #80]
	mov x10, sp
	str x10, [x9, #96]
	msr elr_el1, x0
	mov x1, #0x3c0              /* SPSR: EL0t, D/A/I/F masked, NZCV = 0 */
	msr spsr_el1, x1
	movz x0, #0x4000, lsl #32   /* the guard address */
	msr sp_el0, x0
	.irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov x\r, x0
	.endr
	eret

el0_sync:
	mrs x0, esr_el1
	mrs x1, elr_el1
	adrp x9, save_area
	add x9, x9, :lo12:save_area
	ldp x19, x20, [x9, #0]
	ldp x21, x22, [x9, #16]
	ldp x23, x24, [x9, #32]
	ldp x25, x26, [x9, #48]
	ldp x27, x28, [x9, #64]
	ldp x29, x30, [x9, #80]
	ldr x10, [x9, #96]
	mov sp, x10
	ret

unexpected:                         /* an exception at EL1 or an asynchronous one: harness bug */
	mov x19, x0
	adr x0, msg_unexpected
	mov x1, #(msg_end - msg_unexpected)
	bl plat_write
	mov w0, #3
	b plat_exit

	.p2align 11
vectors:
	.irp n, 0,1,2,3,4,5,6,7
	.p2align 7
	mov x0, #\n
	b unexpected
	.endr
	.p2align 7
	b el0_sync                  /* lower EL, AArch64, synchronous */
	.irp n, 9,10,11,12,13,14,15
	.p2align 7
	mov x0, #\n
	b unexpected
	.endr

msg_unexpected:
	.ascii "undef sweep: unexpected exception at EL1\n"
msg_end:

	.bss
	.p2align 4
save_area:
	.skip 112
