/* Firmware console: formatted output through the CONSOLE DIAG (saesim-hostif.h 0x5A11), line
 * buffered; and the exit path (EXIT DIAG 0x5A19). */
#include <stdarg.h>

#include "diag.h"
#include "fw.h"

uint64_t fw_diag_count;
bool fw_quiet;

static char line[256];
static unsigned line_len;

void fw_flush(void)
{
    if (line_len)
        hostif_call(SAESIM_DIAG_CONSOLE, (uint64_t)(uintptr_t)line, line_len, 0, 0, 0);
    line_len = 0;
}

static void put(void *opaque, char c)
{
    (void)opaque;
    line[line_len++] = c;
    if (c == '\n' || line_len == sizeof(line))
        fw_flush();
}

void fw_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fw_vformat(put, 0, fmt, ap);
    va_end(ap);
}

static char exit_msg[256];

/* Disabled wait: the CPU stops for good (PoP "Wait State"). Used if saesim returns from EXIT. */
static void __attribute__((noreturn)) stop(void)
{
    static const uint64_t psw[2] __attribute__((aligned(16))) = { 0x0002000180000000ull, 0xdead000ull };
    for (;;)
        __asm__ volatile("lpswe %0" : : "Q"(psw) : "memory");
}

void fw_exit(uint32_t kind, uint64_t detail, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = fw_vsnprintf(exit_msg, sizeof(exit_msg), fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(exit_msg))
        n = sizeof(exit_msg) - 1;
    if (kind == SAESIM_EXIT_FATAL || !fw_quiet)
        fw_printf("saesim-fw: %s\n", exit_msg);
    fw_flush();
    hostif_call(SAESIM_DIAG_EXIT, kind, (uint64_t)(uintptr_t)exit_msg, (uint64_t)n, detail, 0);
    stop();
}
