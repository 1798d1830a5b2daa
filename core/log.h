/* Logging and tracing selected per area, like QEMU's -d: exec,in_asm,int,mmu,sae,unimp,guest_errors
 * (plus saesim's own: diag, cpu). Output goes to stderr or the -D file.
 * Off costs one test of a global mask (likely-false branch); building with -Dtrace=false removes even
 * that (SAESIM_TRACE = 0 makes every check a constant). */
#ifndef CORE_LOG_H
#define CORE_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "saesim-config.h"

enum log_flag {
    LOG_EXEC = 1u << 0,          /* every executed instruction (pc, encoding) */
    LOG_IN_ASM = 1u << 1,        /* disassembly of executed instructions */
    LOG_INT = 1u << 2,           /* exceptions and interruptions */
    LOG_MMU = 1u << 3,           /* translation faults, TLB maintenance */
    LOG_SAE = 1u << 4,           /* SAE entries, exits, companion instructions */
    LOG_UNIMP = 1u << 5,         /* unimplemented instructions / registers / device features */
    LOG_GUEST_ERRORS = 1u << 6,  /* guest did something architecturally odd */
    LOG_DIAG = 1u << 7,          /* host DIAGNOSE calls */
    LOG_CPU = 1u << 8,           /* register state at each traced instruction */
};

extern unsigned log_mask;
extern FILE *log_file;

#if SAESIM_TRACE
#define log_enabled(flag) __builtin_expect((log_mask & (flag)) != 0, 0)
#else
#define log_enabled(flag) 0
#endif

#define qlog(flag, ...) do { if (log_enabled(flag)) log_printf(__VA_ARGS__); } while (0)

void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_vprintf(const char *fmt, va_list ap);

/* Parse "exec,int,..." (or "help"). Returns the mask, or -1 with the offending name in err. */
int log_parse_flags(const char *spec, unsigned *mask, char *err, size_t errlen);
/* Comma-separated names of all flags, for --help and `trace` in the shell. */
const char *log_flag_names(void);
/* Direct output to a file (-D). Returns 0 or -1 with a message. */
int log_set_file(const char *path, char *err, size_t errlen);
void log_close(void);

/* Fatal emulator error: one line "saesim: <message>" on stderr. Does not exit. */
void error_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
