/* A tiny freestanding program, cross-compiled for AArch64 and s390x, used as loader test input.
 * It has a function (_start), an initialised object (.data, file-backed) and a .bss array (memsz
 * beyond filesz, which the loader must zero-fill). */
volatile unsigned int test_marker = 0x5a5e0001u;
volatile unsigned char test_bss[8192];

void _start(void)
{
    test_bss[0] = (unsigned char)test_marker;
    for (;;)
        ;
}
