/* The bare-metal AArch64 runtime shared by the Arm test programs (tests/arm64, tests/mmu/bare,
 * tests/difftest/arm64) and the benchmark: start-up, the EL1 vector table calling the C hook
 * rt_exception with a saved frame, EL0 calls, Arm semihosting. Entered at EL1h with DAIF masked and
 * the MMU off (saesim -M arm64-bare; qemu-system-aarch64 -M virt -kernel). Interface: rt.h; layout:
 * link.ld. */
#include "rt.h"

#define SPSR_EL1H_DAIF_MASKED 0x3c5     /* M = EL1h, D/A/I/F set (Arm ARM C5.2.18, SPSR_EL1) */
#define SYS_WRITE0 0x04                 /* Semihosting for AArch32 and AArch64, 5.x */
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

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
2:	adr x0, rt_vectors
	msr vbar_el1, x0
	isb                             /* the new VBAR_EL1 before any exception (Arm ARM D17.1) */
	bl rt_init
	bl main
	b plat_exit                     /* main's result is the exit status */

	.text
	.weak rt_init
rt_init:
	ret

/* Each entry saves X29/X30 in the frame it allocates and passes its index in X30. VBAR_EL1 needs
 * 2 KiB alignment, each of the 16 entries is 0x80 bytes (Arm ARM D1.10.2). */
.macro RT_VENTRY idx
	.balign 0x80
	sub sp, sp, #RT_FRAME_SIZE
	stp x29, x30, [sp, #232]
	mov x30, #\idx
	b rt_exc_entry
.endm

	.balign 2048
	.global rt_vectors
rt_vectors:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	RT_VENTRY \n
	.endr

rt_exc_entry:
	RT_X0_X27 stp, sp
	str x28, [sp, #224]
	mrs x0, elr_el1
	mrs x1, spsr_el1
	stp x0, x1, [sp, #RT_FRAME_ELR]
	mov w1, w30
	mov x0, sp
	bl rt_exception                 /* (struct rt_frame *, unsigned vector) */
	cbnz w0, rt_end_el0_call
	ldp x0, x1, [sp, #RT_FRAME_ELR]
	msr elr_el1, x0
	msr spsr_el1, x1
	RT_X0_X27 ldp, sp
	ldr x28, [sp, #224]
	ldp x29, x30, [sp, #232]
	add sp, sp, #RT_FRAME_SIZE
	eret

/* The hook ended an EL0 call: an exception return (not a branch) to rt_el0_exit, so that PSTATE is
 * EL1h with DAIF masked and PAN, SS, NZCV clear there whatever the handler's PSTATE was. */
rt_end_el0_call:
	add sp, sp, #RT_FRAME_SIZE
	ldr x0, =rt_el0_exit
	msr elr_el1, x0
	mov x0, #SPSR_EL1H_DAIF_MASKED
	msr spsr_el1, x0
	eret

	.global rt_run_el0
rt_run_el0:
	RT_EL0_SAVE_CTX
	msr elr_el1, x0
	msr sp_el0, x1
	msr spsr_el1, x2
	mov x0, x3
	mov x1, x4
	mov x2, x5
	ldr x30, =rt_el0_return
	isb
	eret

	.global rt_el0_return
rt_el0_return:                          /* an EL0 function's return address */
	svc #RT_SVC_EL0_RETURN
	b rt_el0_return

rt_el0_exit:
	ldr x9, =rt_el1_ctx
	RT_X19_X30 ldp, x9
	ldr x10, [x9, #RT_EL1_CTX_SP]
	mov sp, x10
	ldr x9, =rt_el0_ret
	ldp x0, x1, [x9]
	ret

/* Default hook: an exception in a program that expects none is a test bug. Prints the vector,
 * ESR_EL1 and ELR_EL1 and exits with status 3. (A file that #includes this one and defines its own
 * hook defines RT_OWN_EXCEPTION_HOOK first: one assembly can hold only one definition.) */
	.global rt_unexpected
#ifndef RT_OWN_EXCEPTION_HOOK
	.weak rt_exception
rt_exception:
#endif
rt_unexpected:
	mov x19, x0
	mov w20, w1
	adr x0, msg_unexpected
	bl plat_puts
	mov x0, x20
	bl rt_put_hex
	adr x0, msg_esr
	bl plat_puts
	mrs x0, esr_el1
	bl rt_put_hex
	adr x0, msg_elr
	bl plat_puts
	ldr x0, [x19, #RT_FRAME_ELR]
	bl rt_put_hex
	adr x0, msg_nl
	bl plat_puts
	mov w0, #3
	b plat_exit

	.global rt_semihost             /* long rt_semihost(long op, uint64_t arg) */
rt_semihost:
	hlt #0xf000
	ret

	.global plat_puts               /* void plat_puts(const char *nul_terminated) */
plat_puts:
	mov x1, x0
	mov x0, #SYS_WRITE0
	hlt #0xf000
	ret

	.global plat_write              /* void plat_write(const char *buf, size_t len) */
plat_write:                             /* SYS_WRITE0 of a NUL-terminated copy, in chunks: it needs no */
	stp x29, x30, [sp, #-16]!       /* file handle, so the ELF also runs under QEMU's semihosting */
	mov x29, sp
	sub sp, sp, #272
	mov x3, x0                      /* x3 = next byte, x4 = bytes left */
	mov x4, x1
1:	cbz x4, 3f
	mov x5, #0
2:	ldrb w6, [x3], #1
	strb w6, [sp, x5]
	add x5, x5, #1
	sub x4, x4, #1
	cmp x5, #256
	ccmp x4, #0, #4, ne             /* stop when the chunk is full or the input is done */
	b.ne 2b
	strb wzr, [sp, x5]
	mov x0, #SYS_WRITE0
	mov x1, sp
	hlt #0xf000
	b 1b
3:	mov sp, x29
	ldp x29, x30, [sp], #16
	ret

	.global rt_put_hex              /* void rt_put_hex(uint64_t v) */
rt_put_hex:
	stp x29, x30, [sp, #-48]!
	mov x29, sp
	mov w2, #'0'
	mov w3, #'x'
	strb w2, [sp, #16]
	strb w3, [sp, #17]
	add x3, sp, #18
	mov x4, #60
1:	lsr x5, x0, x4
	and x5, x5, #15
	cmp x5, #10
	add x6, x5, #'0'
	add x7, x5, #('a' - 10)
	csel x5, x6, x7, lo
	strb w5, [x3], #1
	subs x4, x4, #4
	b.ge 1b
	strb wzr, [x3]
	add x0, sp, #16
	bl plat_puts
	ldp x29, x30, [sp], #48
	ret

	.global plat_exit               /* void plat_exit(int code) */
plat_exit:                              /* SYS_EXIT with the AArch64 parameter block {reason, code} */
	sub sp, sp, #16
	sxtw x0, w0
	ldr x2, =ADP_STOPPED_APPLICATION_EXIT
	stp x2, x0, [sp]
	mov x0, #SYS_EXIT
	mov x1, sp
	hlt #0xf000
	b plat_exit

msg_unexpected:
	.asciz "FAIL unexpected exception: vector "
msg_esr:
	.asciz " esr "
msg_elr:
	.asciz " elr "
msg_nl:
	.asciz "\n"
	.balign 4

	.bss
	.balign 16
	.global rt_el1_ctx, rt_el0_ret
rt_el1_ctx:                             /* X19..X30 and SP of rt_run_el0's caller */
	.skip 112
rt_el0_ret:
	.skip 16
