/* Arm semihosting (HLT #0xF000) output and exit for the bare-metal arm64 harnesses: SYS_WRITE0 (0x04)
 * and SYS_EXIT (0x18) with the AArch64 parameter-block form {ADP_Stopped_ApplicationExit, code}. */
	.text
	.global plat_write          /* void plat_write(const char *buf, size_t len) */
plat_write:                         /* SYS_WRITE0 of a NUL-terminated copy, in chunks: it needs no */
	stp x29, x30, [sp, #-16]!   /* file handle, so the ELF also runs under QEMU's semihosting */
	mov x29, sp
	sub sp, sp, #272
	mov x3, x0                  /* x3 = next byte, x4 = bytes left */
	mov x4, x1
1:	cbz x4, 3f
	mov x5, #0
2:	ldrb w6, [x3], #1
	strb w6, [sp, x5]
	add x5, x5, #1
	sub x4, x4, #1
	cmp x5, #256
	ccmp x4, #0, #4, ne         /* stop when the chunk is full or the input is done */
	b.ne 2b
	strb wzr, [sp, x5]
	mov x0, #0x04               /* SYS_WRITE0 */
	mov x1, sp
	hlt #0xf000
	b 1b
3:	mov sp, x29
	ldp x29, x30, [sp], #16
	ret

	.global plat_exit           /* void plat_exit(int code) */
plat_exit:
	sub sp, sp, #16
	sxtw x0, w0
	ldr x2, =0x20026            /* ADP_Stopped_ApplicationExit */
	stp x2, x0, [sp]
	mov x0, #0x18               /* SYS_EXIT */
	mov x1, sp
	hlt #0xf000
	b plat_exit
