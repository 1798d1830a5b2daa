/* Entry and exit of one generated s390 sequence (tests/difftest/s390/gen.py).
 * Called from C as void seq_N(struct ctx *c) (R2 = c): saves R6-R15 in the context, sets the initial
 * condition code with SPM (program mask 0, so fixed-point overflow is not an exception), loads R0-R15
 * from the context (R12 = the context, R13 = the scratch base), runs the body, stores R0-R15 and the
 * final CC (IPM) back and returns. Layout is struct ctx in harness.c: r[16] at 0, cc_init at 128,
 * cc_final at 136, save area at 144, CC trail at 232. */
.macro SEQ_ENTER
	stmg %r6,%r15,144(%r2)
	l %r1,132(%r2)
	spm %r1
	lmg %r0,%r15,0(%r2)
.endm

.macro SEQ_LEAVE
	stmg %r0,%r15,0(%r12)
	ipm %r1
	st %r1,140(%r12)
	lmg %r6,%r15,144(%r12)
	br %r14
.endm
