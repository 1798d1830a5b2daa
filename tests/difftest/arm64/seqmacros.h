/* Entry and exit of one generated sequence (tests/difftest/arm64/gen.py).
 * Called from C as void seq_N(struct ctx *c): saves the AAPCS64 callee-saved registers, makes SP the
 * context pointer (generated code never names SP), loads NZCV and X0-X30 from the context (X28 = the
 * scratch base), runs the body, then stores X0-X30 and NZCV back and returns. Context layout is
 * struct ctx in harness.c: x[31] at 0, nzcv at 248, saved sp at 256, scratch base at 264. */
.macro SEQ_ENTER
	stp x29, x30, [sp, #-96]!
	stp x19, x20, [sp, #16]
	stp x21, x22, [sp, #32]
	stp x23, x24, [sp, #48]
	stp x25, x26, [sp, #64]
	stp x27, x28, [sp, #80]
	mov x1, sp
	str x1, [x0, #256]
	mov sp, x0
	ldr x1, [sp, #248]
	msr nzcv, x1
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
	ldr x28, [sp, #264]
	ldp x29, x30, [sp, #232]
.endm

.macro SEQ_LEAVE
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
	str x30, [sp, #240]
	mrs x0, nzcv
	str x0, [sp, #248]
	ldr x1, [sp, #256]
	mov sp, x1
	ldp x19, x20, [sp, #16]
	ldp x21, x22, [sp, #32]
	ldp x23, x24, [sp, #48]
	ldp x25, x26, [sp, #64]
	ldp x27, x28, [sp, #80]
	ldp x29, x30, [sp], #96
	ret
.endm
