/* Start-up, program-check handler and platform calls for the s390 MMU test (saesim -M s390-bare:
 * 64-bit mode, supervisor state, DAT off, prefix 0). Output: DIAG 0x5A00 (R1 = address, R3 =
 * length); exit: DIAG 0x5A01 (R1 = status). Pass ends in a disabled wait with address 0xFFF. */
	.section .text.start, "ax"
	.global _start
_start:
	larl %r15,__stack_top
	aghi %r15,-160
	xc 0(8,%r15),0(%r15)
	larl %r2,__bss_start
	larl %r3,__bss_end
1:	clgr %r2,%r3
	jhe 2f
	mvi 0(%r2),0
	la %r2,1(%r2)
	j 1b
2:	larl %r2,pgm_new_psw        /* program-check new PSW (lowcore 0x1D0) */
	mvc 0x1d0(16,%r0),0(%r2)
	brasl %r14,main
	jg plat_exit

	.text
	.global plat_write          /* void plat_write(const char *buf, size_t len) */
plat_write:                         /* DIAG code = low 16 bits of the second-operand address */
	lghi %r1,0x5a00
	diag %r2,%r3,0(%r1)
	br %r14

	.global plat_exit           /* void plat_exit(int code) */
plat_exit:
	lghi %r1,0x5a01
	diag %r2,%r0,0(%r1)
	larl %r1,fail_psw
	lpswe 0(%r1)

	.global plat_pass           /* disabled wait at 0xFFF */
plat_pass:
	larl %r1,pass_psw
	lpswe 0(%r1)

/* Program interruption: DAT off (real = absolute, prefix 0). Registers are saved in the lowcore
 * at 0x200; the C handler may change the old PSW at 0x150, which is then resumed. */
pgm_handler:
	stmg %r0,%r15,0x200(%r0)
	larl %r15,handler_stack_top
	aghi %r15,-160
	brasl %r14,pgm_check
	lmg %r0,%r15,0x200(%r0)
	lpswe 0x150(%r0)

	.global set_cr0             /* void set_cr0(uint64_t) */
set_cr0:
	stg %r2,0x280(%r0)
	lctlg %c0,%c0,0x280(%r0)
	br %r14
	.global get_cr0
get_cr0:
	stctg %c0,%c0,0x280(%r0)
	lg %r2,0x280(%r0)
	br %r14
	.global set_cr1             /* primary ASCE */
set_cr1:
	stg %r2,0x280(%r0)
	lctlg %c1,%c1,0x280(%r0)
	br %r14
	.global dat_on
dat_on:
	stosm 0x288(%r0),0x04       /* PSW bit 5 */
	br %r14
	.global dat_off
dat_off:
	stnsm 0x288(%r0),0xfb
	br %r14
	.global do_ipte             /* void do_ipte(uint64_t pto, uint64_t va) */
do_ipte:
	ipte %r2,%r3
	br %r14
	.global do_ptlb
do_ptlb:
	ptlb
	br %r14

	.section .rodata
	.balign 8
pgm_new_psw:
	.quad 0x0000000180000000, pgm_handler
pass_psw:
	.quad 0x0002000180000000, 0xfff
fail_psw:
	.quad 0x0002000180000000, 0xbad

	.bss
	.balign 16
handler_stack:
	.skip 8192
handler_stack_top:
