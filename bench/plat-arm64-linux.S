/* Linux user-mode platform of the benchmark, AArch64 (qemu-aarch64-static). */
	.text
	.global _start
_start:
	bl main
	mov x8, #93                 /* exit */
	svc #0

	.global bench_write         /* void bench_write(const char *buf, size_t len) */
bench_write:
	mov x2, x1
	mov x1, x0
	mov x0, #1
	mov x8, #64                 /* write */
	svc #0
	ret
