/* Entry and exit of one generated sequence (tests/difftest/arm64/gen.py).
 * Called from C as void seq_N(struct ctx *c): saves the AAPCS64 callee-saved registers, makes SP the
 * context pointer (generated code never names SP), loads NZCV and X0-X30 from the context (X28 = the
 * scratch base), runs the body, then stores X0-X30 and NZCV back and returns. Context layout is
 * struct ctx in harness.c: x[31] at 0, nzcv at 248, saved sp at 256, scratch base at 264. The
 * register groups are the bare-metal runtime's (tests/arm64/lib/regs.h). */
#include "../../arm64/lib/regs.h"

.macro SEQ_ENTER
	sub sp, sp, #96
	RT_X19_X30 stp, sp
	mov x1, sp
	str x1, [x0, #256]
	mov sp, x0
	ldr x1, [sp, #248]
	msr nzcv, x1
	RT_X0_X27 ldp, sp
	ldr x28, [sp, #264]
	ldp x29, x30, [sp, #232]
.endm

.macro SEQ_LEAVE
	RT_X0_X27 stp, sp
	stp x28, x29, [sp, #224]
	str x30, [sp, #240]
	mrs x0, nzcv
	str x0, [sp, #248]
	ldr x1, [sp, #256]
	mov sp, x1
	RT_X19_X30 ldp, sp
	add sp, sp, #96
	ret
.endm
