/* Linux user-mode platform for the arm64 harnesses (run under qemu-aarch64-static). */
	.text
	.global _start
_start:
	bl main
	b plat_exit

	.global plat_write          /* void plat_write(const char *buf, size_t len) */
plat_write:
	mov x2, x1
	mov x1, x0
	mov x0, #1
	mov x8, #64                 /* write */
	svc #0
	ret

	.global plat_exit           /* void plat_exit(int code) */
plat_exit:
	mov x8, #93                 /* exit */
	svc #0
	b plat_exit
