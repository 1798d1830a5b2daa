/* Bare-metal platform of the benchmark, s390x (saesim -M s390-bare): 64-bit mode, DAT off. CR0
 * gets the AFP-register and vector-enablement controls (bits 45, 46) because gcc -march=z13 may use
 * vector registers. Output DIAG 0x5A00 (R1 = address, R3 = length), exit DIAG 0x5A01 (R1 = status). */
	.section .text.start, "ax"
	.global _start
_start:
	larl %r15,__stack_top
	aghi %r15,-160
	xc 0(8,%r15),0(%r15)
	stctg %c0,%c0,8(%r15)
	oi 13(%r15),0x06            /* CR0 bits 45-46 */
	lctlg %c0,%c0,8(%r15)
	larl %r2,__bss_start
	larl %r3,__bss_end
1:	clgr %r2,%r3
	jhe 2f
	mvi 0(%r2),0
	la %r2,1(%r2)
	j 1b
2:	brasl %r14,main
	lghi %r1,0x5a01
	diag %r2,%r0,0(%r1)
	lpswe 3f
	.align 8
3:	.quad 0x0002000180000000, 0

	.text
	.global bench_write
bench_write:
	lghi %r1,0x5a00
	diag %r2,%r3,0(%r1)
	br %r14
