/* Assembler macros that move groups of general-purpose registers to or from memory, shared by the
 * bare-metal runtime (start.S: exception frame, saved EL1 context) and the difftest sequences and
 * trampolines (tests/difftest/arm64). `op` is stp or ldp; LDP/STP of X registers need only 8-byte
 * alignment of the address, 16 for SP as the base (Arm ARM D1.8.2, SP alignment checking). */
#ifndef TESTS_ARM64_LIB_REGS_H
#define TESTS_ARM64_LIB_REGS_H

/* X0..X27 at [base + 8 * n]: the x[] layout of struct rt_frame (rt.h) and of the difftest context. */
.macro RT_X0_X27 op, base
	\op x0, x1, [\base, #0]
	\op x2, x3, [\base, #16]
	\op x4, x5, [\base, #32]
	\op x6, x7, [\base, #48]
	\op x8, x9, [\base, #64]
	\op x10, x11, [\base, #80]
	\op x12, x13, [\base, #96]
	\op x14, x15, [\base, #112]
	\op x16, x17, [\base, #128]
	\op x18, x19, [\base, #144]
	\op x20, x21, [\base, #160]
	\op x22, x23, [\base, #176]
	\op x24, x25, [\base, #192]
	\op x26, x27, [\base, #208]
.endm

/* The AAPCS64 callee-saved registers X19..X28, FP and LR at [base + 0 .. base + 88] (96 bytes with
 * the slot at base + 96 that the EL0 trampolines use for SP). */
.macro RT_X19_X30 op, base
	\op x19, x20, [\base, #0]
	\op x21, x22, [\base, #16]
	\op x23, x24, [\base, #32]
	\op x25, x26, [\base, #48]
	\op x27, x28, [\base, #64]
	\op x29, x30, [\base, #80]
.endm

#endif
