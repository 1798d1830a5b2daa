/* Start-up, interruption handlers and the SAE-family instruction stubs of the SAE bare-metal host
 * tests (saesim -M s390-bare: 64-bit mode, supervisor state, DAT off, prefix 0).
 * Output: DIAG 0x5A00 (R1 = address, R3 = length); exit: DIAG 0x5A01 (R1 = status). */
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
2:	larl %r2,pgm_new_psw
	mvc 0x1d0(16,%r0),0(%r2)
	larl %r2,ext_new_psw
	mvc 0x1b0(16,%r0),0(%r2)
	brasl %r14,main
	lghi %r1,0x5a01
	diag %r2,%r0,0(%r1)
	larl %r1,fail_psw
	lpswe 0(%r1)

	.text
	.global plat_write           /* void plat_write(const char *buf, size_t len) */
plat_write:
	lghi %r1,0x5a00
	diag %r2,%r3,0(%r1)
	br %r14

/* Program and external interruptions: registers saved at 0x200 / 0x300 (DAT off), a C handler, and
 * the old PSW resumed (the C handler may change it). */
pgm_handler:
	stmg %r0,%r15,0x200(%r0)
	larl %r15,handler_stack_top
	aghi %r15,-160
	brasl %r14,pgm_check
	lmg %r0,%r15,0x200(%r0)
	lpswe 0x150(%r0)
ext_handler:
	stmg %r0,%r15,0x300(%r0)
	larl %r15,handler_stack_top
	aghi %r15,-160
	brasl %r14,ext_int
	lmg %r0,%r15,0x300(%r0)
	lpswe 0x130(%r0)

/* SAE clobbers GPRs 0-13 by contract (§7.9): save the callee-saved ones like Linux's __sae64a. */
	.global sae_run              /* void sae_run(uint64_t sd_real) */
sae_run:
	stmg %r6,%r13,48(%r15)
	.insn rre,0xb9a50000,%r2,0
	lmg %r6,%r13,48(%r15)
	br %r14
	.global lasrm                /* void lasrm(void *sa) */
lasrm:
	.insn rre,0xb9a60000,%r2,0
	br %r14
	.global stiasrm
stiasrm:
	.insn rre,0xb9a70000,%r2,0
	br %r14
	.global qaaf                 /* void qaaf(uint64_t gr0, void *block) */
qaaf:
	lgr %r0,%r2
	.insn rre,0xb9ad0000,%r3,0
	br %r14
	.global ptff                 /* int ptff(uint64_t fc, void *block): condition code */
ptff:
	lgr %r0,%r2
	lgr %r1,%r3
	.insn e,0x0104
	ipm %r2
	srl %r2,28
	llgfr %r2,%r2
	br %r14
	.global lasrm_problem_state  /* void lasrm_problem_state(void *sa, void *psw_buf) */
lasrm_problem_state:
	larl %r1,1f
	stg %r1,8(%r3)
	lpswe 0(%r3)
1:	.insn rre,0xb9a60000,%r2,0   /* privileged: the handler returns to the supervisor state */
	br %r14
	.global get_cr0
get_cr0:
	stctg %c0,%c0,0x280(%r0)
	lg %r2,0x280(%r0)
	br %r14
	.global set_cr0
set_cr0:
	stg %r2,0x280(%r0)
	lctlg %c0,%c0,0x280(%r0)
	br %r14
	.global tod_now              /* uint64_t tod_now(void) */
tod_now:
	stck 0x288(%r0)
	lg %r2,0x288(%r0)
	br %r14
	.global set_ckc
set_ckc:
	stg %r2,0x290(%r0)
	sckc 0x290(%r0)
	br %r14
	.global ext_enable
ext_enable:
	stosm 0x298(%r0),0x01
	br %r14
	.global ext_disable
ext_disable:
	stnsm 0x298(%r0),0xfe
	br %r14

/* SASR / EASR with GR2 = value (R1) and GR3 = SA (R3): one 8-byte stub (6-byte instruction + BR 14)
 * per register id and mode, so the C code can loop over every id (I2 is an immediate). Order: the
 * 53 slot ids of §5.2, then the 12 SD-held ids of §5.3. */
#define SAE_IDS 0xC081,0xC288,0xC289,0xDF00,0xDF12,0xDF1A,0xC609,0xC000,0x808C,0xC3A0,0x8084,0xC080, \
	0xC082,0xC600,0xC290,0xC102,0xC510,0xC100,0xC101,0xC300,0xDE82,0xC684,0xDE83,0xC708,0xC090,   \
	0xDE87,0xC687,0xC10A,0xC10B,0xC108,0xC109,0xC118,0xC119,0xC112,0xC113,0xC110,0xC111,0x8012,   \
	0xC201,0xC200,0xE088,0xE092,0xE08A,0xE089,0xE708,0xE08C,0xE08D,0xE08E,0xE18C,0xE18D,0xE293,   \
	0xE64D,0xE005,0xDF11,0xDF19,0xC681,0xE208,0xE658,0xE65F,0xE640,0xE648,0xE660,0xE661,0xE662,   \
	0xE663
	.macro asr_table name, op, m4
	.global \name
	.balign 8
\name:
	.irp i2, SAE_IDS
	.byte 0xed, 0x23, 0x30 | ((\i2 >> 12) & 0xf), (\i2 >> 4) & 0xff, ((\i2 & 0xf) << 4) | \m4, \op
	br %r14
	.endr
	.endm
	asr_table sasr0_tab, 0x99, 0
	asr_table sasr8_tab, 0x99, 8
	asr_table easr0_tab, 0x9b, 0
	asr_table easr8_tab, 0x9b, 8

	.section .rodata
	.balign 8
pgm_new_psw:
	.quad 0x0000000180000000, pgm_handler
ext_new_psw:
	.quad 0x0000000180000000, ext_handler
fail_psw:
	.quad 0x0002000180000000, 0xdead
	.global pass_psw
pass_psw:
	.quad 0x0002000180000000, 0xfff

	.bss
	.balign 16
	.space 8192
handler_stack_top:
