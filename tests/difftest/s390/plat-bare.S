/* Bare-metal platform for the s390 harnesses (saesim -M s390-bare: 64-bit mode, supervisor state,
 * DAT off, prefix 0; the start code enables the AFP registers and vectors in CR0, since gcc may
 * spill to FPRs 8-15). Output is saesim's DIAG 0x5A00 (R1 = address, R3 = length), exit DIAG
 * 0x5A01 (R1 = status). */
	.section .text.start, "ax"
	.global _start
_start:
	larl %r15,__stack_top
	aghi %r15,-160
	xc 0(8,%r15),0(%r15)
	stctg %c0,%c0,8(%r15)       /* CR0 bits 45-46: AFP-register and vector enablement */
	oi 13(%r15),0x06            /* controls (gcc may spill to FPRs 8-15 or use VRs) */
	lctlg %c0,%c0,8(%r15)
	larl %r2,__bss_start
	larl %r3,__bss_end
1:	clgr %r2,%r3
	jhe 2f
	mvi 0(%r2),0
	la %r2,1(%r2)
	j 1b
2:	brasl %r14,main
	jg plat_exit

	.text
	.global plat_write          /* void plat_write(const char *buf, size_t len) */
plat_write:                         /* the function code is the second-operand address, */
	lghi %r1,0x5a00             /* 0x5a00 does not fit the 12-bit displacement: use a base */
	diag %r2,%r3,0(%r1)
	br %r14

	.global plat_exit           /* void plat_exit(int code) */
plat_exit:
	lghi %r1,0x5a01
	diag %r2,%r0,0(%r1)
	lpswe 1f                    /* not expected: disabled wait at 0 (failure) */
	.align 8
1:	.quad 0x0002000180000000, 0
