/* Bare-metal platform of the benchmark, AArch64 (saesim -M arm64-bare, QEMU virt layout): EL1h,
 * MMU off. Output by semihosting SYS_WRITE0, exit by SYS_EXIT {ADP_Stopped_ApplicationExit, 0}. */
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
	sub sp, sp, #16
	ldr x2, =0x20026
	sxtw x0, w0
	stp x2, x0, [sp]
	mov x0, #0x18               /* SYS_EXIT */
	mov x1, sp
	hlt #0xf000
3:	b 3b

	.text
	.global bench_write         /* void bench_write(const char *buf, size_t len): len < 64 */
bench_write:
	sub sp, sp, #80
	mov x2, #0
1:	cmp x2, x1
	b.hs 2f
	ldrb w3, [x0, x2]
	strb w3, [sp, x2]
	add x2, x2, #1
	b 1b
2:	strb wzr, [sp, x2]
	mov x0, #0x04               /* SYS_WRITE0 */
	mov x1, sp
	hlt #0xf000
	add sp, sp, #80
	ret
