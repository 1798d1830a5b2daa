/* Bare-metal platform for the arm64 harnesses (saesim -M arm64-bare; entered at EL1h, DAIF masked,
 * MMU off): stack, BSS, main. Output and exit: semihost.S. */
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
2:	bl main
	b plat_exit

