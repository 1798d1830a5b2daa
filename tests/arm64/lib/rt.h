/* Interface of the bare-metal AArch64 runtime (start.S, laid out by link.ld) that every bare-metal
 * Arm test program and the benchmark link: start-up, the EL1 vector table with a C hook, EL0 calls
 * and Arm semihosting. Usable from C and from assembler. */
#ifndef TESTS_ARM64_LIB_RT_H
#define TESTS_ARM64_LIB_RT_H

#define RT_FRAME_SIZE 272          /* sizeof(struct rt_frame) */
#define RT_FRAME_ELR 248
#define RT_FRAME_SPSR 256
#define RT_EL1_CTX_SP 96           /* SP's slot in rt_el1_ctx, after X19..X30 (regs.h) */
#define RT_SVC_EL0_RETURN 0xffff   /* the SVC immediate of rt_el0_return */

#ifdef __ASSEMBLER__
#include "regs.h"

/* Save the caller's callee-saved registers and SP in rt_el1_ctx before an ERET to EL0 (as
 * rt_run_el0 does); rt_exception returning nonzero brings them back. Clobbers X9, X10. For EL0
 * trampolines that set up EL0's registers themselves. */
.macro RT_EL0_SAVE_CTX
	ldr x9, =rt_el1_ctx
	RT_X19_X30 stp, x9
	mov x10, sp
	str x10, [x9, #RT_EL1_CTX_SP]
.endm

#else
#include <stdint.h>

/* Exception frame on the EL1 stack: X0..X30 and ELR_EL1/SPSR_EL1 as taken; both are written back
 * before the ERET, so a hook may change them. */
struct rt_frame {
    uint64_t x[31];
    uint64_t elr, spsr, pad;
};

/* The hook every exception calls, vector = VBAR_EL1 offset / 0x80 (0..15: (group << 2) | type;
 * group 0 current EL with SP0, 1 current EL with SPx, 2 lower EL AArch64, 3 lower EL AArch32; type 0
 * synchronous, 1 IRQ, 2 FIQ, 3 SError; Arm ARM D1.10.2). Return 0 to resume at f->elr with f->spsr;
 * nonzero to end the current rt_run_el0 call: it returns rt_el0_ret[0] (and rt_el0_ret[1] in X1) at
 * EL1h with DAIF masked. A program that defines none gets rt_unexpected. */
int rt_exception(struct rt_frame *f, unsigned vector);
void rt_unexpected(struct rt_frame *f, unsigned vector) __attribute__((noreturn)); /* report, exit 3 */
extern uint64_t rt_el0_ret[2];

/* Optional EL1 set-up run after the vector table is installed and before main (default: none). */
void rt_init(void);

/* ERET to EL0 at pc with SP_EL0 = sp_el0, SPSR_EL1 = spsr, X0..X2 = a0..a2 and X30 = rt_el0_return
 * (which executes SVC #RT_SVC_EL0_RETURN: a hook that recognises it ends the call); returns when the
 * hook ends the call. */
uint64_t rt_run_el0(uint64_t pc, uint64_t sp_el0, uint64_t spsr, uint64_t a0, uint64_t a1, uint64_t a2);
extern char rt_el0_return[];

/* Arm semihosting (HLT #0xF000): op in W0, parameter block in X1, result in X0. */
long rt_semihost(long op, uint64_t arg);
void plat_puts(const char *s);                          /* SYS_WRITE0 */
void plat_write(const char *buf, unsigned long len);    /* SYS_WRITE0 of copies, 256-byte chunks */
void rt_put_hex(uint64_t v);                            /* "0x" and 16 hex digits */
void plat_exit(int code) __attribute__((noreturn));     /* SYS_EXIT, ADP_Stopped_ApplicationExit */

/* Linker-script symbols (link.ld). */
extern char __stack_top[], __el0_stack_top[], __user_start[], __user_end[];
#endif

#endif
