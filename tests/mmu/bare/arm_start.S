/* Start-up, exception vectors, EL0 entry/exit and semihosting for the AArch64 MMU test.
 * Semihosting (HLT #0xF000): SYS_WRITE0 (0x04), SYS_EXIT (0x18) with {ADP_Stopped_ApplicationExit,
 * code} (the same platform conventions as tests/difftest/arm64/plat-bare.S). */
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
	isb
	bl main
	b plat_exit

	.text
	.global plat_puts           /* void plat_puts(const char *nul_terminated) */
plat_puts:
	mov x1, x0
	mov x0, #0x04               /* SYS_WRITE0 */
	hlt #0xf000
	ret

	.global plat_exit           /* void plat_exit(int code) */
plat_exit:
	sub sp, sp, #16
	sxtw x0, w0
	ldr x2, =0x20026            /* ADP_Stopped_ApplicationExit */
	stp x2, x0, [sp]
	mov x0, #0x18               /* SYS_EXIT */
	mov x1, sp
	hlt #0xf000
	b plat_exit

/* Exception frame: x0..x30, elr, spsr (34 doublewords incl. padding = 272 bytes). */
.macro ENTRY_SAVE kind
	sub sp, sp, #272
	stp x0, x1, [sp, #0]
	stp x2, x3, [sp, #16]
	stp x4, x5, [sp, #32]
	stp x6, x7, [sp, #48]
	stp x8, x9, [sp, #64]
	stp x10, x11, [sp, #80]
	stp x12, x13, [sp, #96]
	stp x14, x15, [sp, #112]
	stp x16, x17, [sp, #128]
	stp x18, x19, [sp, #144]
	stp x20, x21, [sp, #160]
	stp x22, x23, [sp, #176]
	stp x24, x25, [sp, #192]
	stp x26, x27, [sp, #208]
	stp x28, x29, [sp, #224]
	mrs x0, elr_el1
	mrs x1, spsr_el1
	stp x30, x0, [sp, #240]
	str x1, [sp, #256]
	mov x0, sp
	mov x1, #\kind
	b exc_common
.endm

	.balign 2048
vectors:
	.balign 0x80                /* current EL, SP0 */
	ENTRY_SAVE 0
	.balign 0x80
	ENTRY_SAVE 1
	.balign 0x80
	ENTRY_SAVE 2
	.balign 0x80
	ENTRY_SAVE 3
	.balign 0x80                /* current EL, SPx: sync */
	ENTRY_SAVE 4
	.balign 0x80
	ENTRY_SAVE 5
	.balign 0x80
	ENTRY_SAVE 6
	.balign 0x80
	ENTRY_SAVE 7
	.balign 0x80                /* lower EL, AArch64: sync */
	ENTRY_SAVE 8
	.balign 0x80
	ENTRY_SAVE 9
	.balign 0x80
	ENTRY_SAVE 10
	.balign 0x80
	ENTRY_SAVE 11
	.balign 0x80                /* lower EL, AArch32 */
	ENTRY_SAVE 12
	.balign 0x80
	ENTRY_SAVE 13
	.balign 0x80
	ENTRY_SAVE 14
	.balign 0x80
	ENTRY_SAVE 15

exc_common:
	bl exc_handler              /* returns 0: resume at frame->elr; 1: leave EL0 (user_return) */
	cbnz x0, user_return
	ldp x30, x0, [sp, #240]
	ldr x1, [sp, #256]
	msr elr_el1, x0
	msr spsr_el1, x1
	ldp x0, x1, [sp, #0]
	ldp x2, x3, [sp, #16]
	ldp x4, x5, [sp, #32]
	ldp x6, x7, [sp, #48]
	ldp x8, x9, [sp, #64]
	ldp x10, x11, [sp, #80]
	ldp x12, x13, [sp, #96]
	ldp x14, x15, [sp, #112]
	ldp x16, x17, [sp, #128]
	ldp x18, x19, [sp, #144]
	ldp x20, x21, [sp, #160]
	ldp x22, x23, [sp, #176]
	ldp x24, x25, [sp, #192]
	ldp x26, x27, [sp, #208]
	ldp x28, x29, [sp, #224]
	add sp, sp, #272
	eret

/* uint64_t run_user(uint64_t entry, uint64_t sp_el0, uint64_t a0, uint64_t a1, uint64_t a2):
 * enter EL0t at entry with x0..x2 = a0..a2; returns the user's x0 at its SVC (or at an abort the
 * handler ends with exit_user). */
	.global run_user
run_user:
	ldr x9, =kctx
	stp x19, x20, [x9, #0]
	stp x21, x22, [x9, #16]
	stp x23, x24, [x9, #32]
	stp x25, x26, [x9, #48]
	stp x27, x28, [x9, #64]
	stp x29, x30, [x9, #80]
	mov x10, sp
	str x10, [x9, #96]
	msr sp_el0, x1
	msr elr_el1, x0
	msr spsr_el1, xzr           /* EL0t, all interrupts unmasked (none are enabled) */
	mov x0, x2
	mov x1, x3
	mov x2, x4
	isb
	eret

user_return:                        /* x0 = value for run_user's caller (set by exc_handler) */
	ldr x9, =user_result
	ldr x0, [x9]
	ldr x9, =kctx
	ldp x19, x20, [x9, #0]
	ldp x21, x22, [x9, #16]
	ldp x23, x24, [x9, #32]
	ldp x25, x26, [x9, #48]
	ldp x27, x28, [x9, #64]
	ldp x29, x30, [x9, #80]
	ldr x10, [x9, #96]
	mov sp, x10
	ret

	.bss
	.balign 16
kctx:	.skip 112

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
