/* Bare-metal platform of the benchmark, AArch64 (saesim -M arm64-bare): the shared bare-metal runtime
 * (tests/arm64/lib/start.S) starts it and exits with main's result through semihosting; output is
 * its semihosting plat_write. */
	.text
	.global bench_write         /* void bench_write(const char *buf, size_t len) */
bench_write:
	b plat_write
