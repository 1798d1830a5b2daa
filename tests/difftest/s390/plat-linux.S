/* Linux user-mode platform for the s390 harnesses (run under qemu-s390x-static). */
	.text
	.global _start
_start:
	aghi %r15,-160
	xc 0(8,%r15),0(%r15)
	brasl %r14,main
	jg plat_exit

	.global plat_write          /* void plat_write(const char *buf, size_t len) */
plat_write:
	lgr %r4,%r3
	lgr %r3,%r2
	lghi %r2,1
	svc 4                       /* write */
	br %r14

	.global plat_exit           /* void plat_exit(int code) */
plat_exit:
	svc 1                       /* exit */
	j plat_exit
