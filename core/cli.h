/* Command line: QEMU's conventions where they apply (-M -kernel -initrd -append -dtb -m -smp -serial
 * -d -D -s -S -gdb -nographic), plus saesim's own long options. Parsing only fills a config; machines
 * (tools/machines) act on it. */
#ifndef CORE_CLI_H
#define CORE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/vclock.h"

/* Exit statuses of the saesim executable (documented in docs/user-guide.md). */
enum saesim_exit {
    EXIT_GUEST_OK = 0,      /* guest powered off / passed */
    EXIT_GUEST_FAIL = 1,    /* guest reported failure (disabled wait != 0xfff, semihosting status) */
    EXIT_USAGE = 2,         /* bad command line */
    EXIT_INPUT = 3,         /* unusable input file (kernel, initrd, DTB, firmware) */
    EXIT_EMULATOR = 4,      /* validity intercept, emulator error, --timeout expired, guest stuck */
};

struct saesim_config {
    const char *machine;       /* -M: "sae" (default), "arm64-bare", "s390-bare" */
    const char *kernel;        /* -kernel */
    const char *initrd;        /* -initrd */
    const char *append;        /* -append */
    const char *dtb;           /* -dtb */
    const char *firmware;      /* --firmware / -bios: s390 host firmware ELF (sae machine) */
    uint64_t mem_size;         /* -m, bytes: guest RAM (Arm guest RAM for sae/arm64-bare) */
    uint64_t host_mem_size;    /* --host-mem: s390 storage size (sae machine); 0 = derived */
    unsigned smp;              /* -smp */
    const char *serial;        /* -serial: "stdio" (default), "file:PATH", "null", "unix:PATH" */
    const char *log_spec;      /* -d */
    const char *log_path;      /* -D */
    const char *gdb;           /* -gdb tcp::PORT, or "tcp::1234" for -s */
    const char *gdb_target;    /* --gdb-target: "arm" (default) or "s390" */
    bool freeze;               /* -S: do not start; enter the debug shell / wait for gdb */
    bool debug_shell;          /* --debug */
    bool nographic;            /* -nographic (accepted; saesim has no graphics) */
    bool sae_installed;        /* false with --no-sae */
    bool stats;                /* --stats: print the run summary (default on for sae) */
    bool quiet;                /* --quiet: no run summary */
    enum vclock_mode clock_mode;
    unsigned icount_shift;
    double timeout_s;          /* --timeout SECONDS of virtual time; 0 = none */
    uint64_t max_insns;        /* --max-insns N: stop (exit 4) after N instructions; 0 = none */
    const char *dump_dtb;      /* --dump-dtb FILE: write the generated DTB and exit 0 */
    const char *trace_bin;     /* --trace-bin FILE: compact binary trace */
};

/* Parse argv into cfg. Returns 0 to run, 1 if --help/--version was handled (exit 0), or EXIT_USAGE
 * after printing one line "saesim: <problem>" to stderr. */
int cli_parse(int argc, char **argv, struct saesim_config *cfg);
void cli_usage(FILE *out);

#endif
