/* Command-line parsing. Options follow QEMU's spelling (single dash, separate argument); saesim's
 * own options are long (--name or -name, "--name=value" also accepted). Every problem is reported as
 * one line "saesim: ..." and EXIT_USAGE, before anything is created. */
#include "core/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/mem.h"

enum opt_id {
    OPT_M, OPT_KERNEL, OPT_INITRD, OPT_APPEND, OPT_DTB, OPT_BIOS, OPT_MEM, OPT_HOSTMEM, OPT_SMP,
    OPT_SERIAL, OPT_D, OPT_DFILE, OPT_S, OPT_GDB, OPT_GDBTARGET, OPT_FREEZE, OPT_DEBUG, OPT_NOGRAPHIC, OPT_NOSAE,
    OPT_STATS, OPT_QUIET, OPT_DUMPDTB, OPT_CLOCK, OPT_TIMEOUT, OPT_MAXINSNS, OPT_TRACEBIN, OPT_HELP, OPT_VERSION,
};

struct opt {
    const char *name;     /* without leading dashes */
    enum opt_id id;
    const char *arg;      /* argument name for --help, NULL if none */
    const char *help;
    bool qemu;            /* QEMU's spelling (shown with one dash) */
};

static const struct opt opts[] = {
    { "M", OPT_M, "MACHINE", "machine: sae (default: s390 firmware runs the Arm guest via SAE), "
                             "arm64-bare, s390-bare; 'help' lists them", true },
    { "machine", OPT_M, "MACHINE", "same as -M", true },
    { "kernel", OPT_KERNEL, "FILE", "guest kernel: AArch64 ELF, arm64 Image or flat binary (sae, "
                                   "arm64-bare); s390x ELF or raw image (s390-bare)", true },
    { "initrd", OPT_INITRD, "FILE", "initial ramdisk for the Arm guest", true },
    { "append", OPT_APPEND, "CMDLINE", "guest kernel command line (/chosen/bootargs)", true },
    { "dtb", OPT_DTB, "FILE", "use this device-tree blob instead of the generated one", true },
    { "bios", OPT_BIOS, "FILE", "s390 host firmware ELF for -M sae (default: the bundled one)", true },
    { "firmware", OPT_BIOS, "FILE", "same as -bios", false },
    { "m", OPT_MEM, "SIZE", "guest RAM size, e.g. 512M, 2G, 64G (default 128M; unit M if none)", true },
    { "host-mem", OPT_HOSTMEM, "SIZE", "s390 host storage for -M sae (default: guest RAM + 64M)", false },
    { "smp", OPT_SMP, "N", "number of CPUs (this version models 1)", true },
    { "serial", OPT_SERIAL, "DEV", "guest console: stdio (default), null, file:PATH, unix:PATH", true },
    { "d", OPT_D, "ITEMS", "log items, comma separated (-d help lists them)", true },
    { "D", OPT_DFILE, "FILE", "write the -d log to FILE instead of stderr", true },
    { "s", OPT_S, NULL, "GDB stub on tcp::1234 (shorthand for -gdb tcp::1234)", true },
    { "gdb", OPT_GDB, "tcp::PORT", "GDB remote stub listening on PORT", true },
    { "gdb-target", OPT_GDBTARGET, "arm|s390", "which CPU the GDB stub serves (default arm: the Arm guest)", false },
    { "S", OPT_FREEZE, NULL, "do not start the CPU: enter the debug shell (or wait for gdb)", true },
    { "debug", OPT_DEBUG, NULL, "run under the interactive debug shell", false },
    { "nographic", OPT_NOGRAPHIC, NULL, "accepted for QEMU compatibility (saesim has no display)", true },
    { "no-sae", OPT_NOSAE, NULL, "model an s390 without the SAE facility (AEF not installed)", false },
    { "dump-dtb", OPT_DUMPDTB, "FILE", "write the generated device tree to FILE and exit (like QEMU's dumpdtb)", false },
    { "stats", OPT_STATS, NULL, "print the run summary at exit (default for -M sae)", false },
    { "quiet", OPT_QUIET, NULL, "no run summary", false },
    { "clock", OPT_CLOCK, "MODE", "virtual time: icount (default; 1 ns/insn), icount,shift=N, host", false },
    { "timeout", OPT_TIMEOUT, "SECONDS", "stop with exit 4 after this much virtual time", false },
    { "max-insns", OPT_MAXINSNS, "N", "stop with exit 4 after N instructions", false },
    { "trace-bin", OPT_TRACEBIN, "FILE", "write a compact binary execution trace (see tools/trace-fmt)", false },
    { "help", OPT_HELP, NULL, "show this help", false },
    { "h", OPT_HELP, NULL, NULL, false },
    { "version", OPT_VERSION, NULL, "show the version", false },
};

void cli_usage(FILE *out)
{
    fprintf(out, "usage: saesim [options]\n"
                 "saesim models an IBM z/Architecture machine with the Start Arm Execution (SAE) facility.\n"
                 "With no options it boots the bundled default Arm guest through the bundled s390 host\n"
                 "firmware and SAE.\n\noptions:\n");
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
        if (!opts[i].help)
            continue;
        char left[48];
        snprintf(left, sizeof(left), "%s%s %s", opts[i].qemu ? "-" : "--", opts[i].name,
                 opts[i].arg ? opts[i].arg : "");
        fprintf(out, "  %-26s %s\n", left, opts[i].help);
    }
    fprintf(out, "\nlog items (-d): %s\n", log_flag_names());
    fprintf(out, "\nexit status: 0 guest powered off / passed; 1 guest reported failure; 2 usage error;\n"
                 "             3 unusable input file; 4 emulator error, validity intercept or timeout.\n"
                 "             Under semihosting (arm64-bare) the guest's exit code is the status.\n");
}

static int usage_error(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "saesim: ");
    fprintf(stderr, fmt, a, b);
    fprintf(stderr, " (see saesim --help)\n");
    return EXIT_USAGE;
}

static const struct opt *find_opt(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        return -1;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return -1;
    *v = x;
    return 0;
}

int cli_parse(int argc, char **argv, struct saesim_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->machine = "sae";
    cfg->mem_size = 128ULL << 20;
    cfg->smp = 1;
    cfg->serial = "stdio";
    cfg->sae_installed = true;
    cfg->clock_mode = VCLOCK_ICOUNT;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            return usage_error("unexpected argument '%s'%s", a, "");
        const char *name = a + 1 + (a[1] == '-');
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const struct opt *o = find_opt(name, len);
        if (!o)
            return usage_error("unknown option '%s'%s", a, "");
        const char *val = NULL;
        if (o->arg) {
            if (eq) {
                val = eq + 1;
            } else {
                if (i + 1 >= argc)
                    return usage_error("option '%s' needs an argument (%s)", a, o->arg);
                val = argv[++i];
            }
        } else if (eq) {
            return usage_error("option '%s' takes no argument%s", a, "");
        }
        char err[160];
        uint64_t n;
        switch (o->id) {
        case OPT_M:
            if (strcmp(val, "help") == 0) {
                printf("sae          s390 host firmware runs the Arm guest through SAE (default)\n"
                       "arm64-bare   bare-metal AArch64 program directly on the Arm core (virt map)\n"
                       "s390-bare    bare-metal s390x program directly on the s390 core\n");
                return 1;
            }
            if (strcmp(val, "sae") && strcmp(val, "arm64-bare") && strcmp(val, "s390-bare"))
                return usage_error("unknown machine '%s'%s (try -M help)", val, "");
            cfg->machine = val;
            break;
        case OPT_KERNEL: cfg->kernel = val; break;
        case OPT_INITRD: cfg->initrd = val; break;
        case OPT_APPEND: cfg->append = val; break;
        case OPT_DTB: cfg->dtb = val; break;
        case OPT_BIOS: cfg->firmware = val; break;
        case OPT_MEM:
        case OPT_HOSTMEM:
            if (parse_mem_size(val, &n, err, sizeof(err)) != 0)
                return usage_error("invalid memory size '%s': %s", val, err);
            if (o->id == OPT_MEM)
                cfg->mem_size = n;
            else
                cfg->host_mem_size = n;
            break;
        case OPT_SMP:
            if (parse_u64(val, &n) != 0 || n == 0)
                return usage_error("invalid CPU count '%s'%s", val, "");
            if (n != 1)
                return usage_error("-smp %s: this version of saesim models one CPU%s", val, "");
            cfg->smp = (unsigned)n;
            break;
        case OPT_SERIAL:
            if (strcmp(val, "stdio") && strcmp(val, "null") && strncmp(val, "file:", 5) &&
                strncmp(val, "unix:", 5))
                return usage_error("invalid -serial '%s'%s (stdio, null, file:PATH, unix:PATH)", val, "");
            if ((!strncmp(val, "file:", 5) || !strncmp(val, "unix:", 5)) && !val[5])
                return usage_error("-serial '%s': missing path%s", val, "");
            cfg->serial = val;
            break;
        case OPT_D: {
            unsigned mask;
            if (strcmp(val, "help") == 0) {
                printf("log items: %s\n", log_flag_names());
                return 1;
            }
            if (log_parse_flags(val, &mask, err, sizeof(err)) != 0)
                return usage_error("-d: %s%s", err, "");
            cfg->log_spec = val;
            break;
        }
        case OPT_DFILE: cfg->log_path = val; break;
        case OPT_S: cfg->gdb = "tcp::1234"; break;
        case OPT_GDB:
            if (strncmp(val, "tcp::", 5) != 0 || parse_u64(val + 5, &n) != 0 || n == 0 || n > 65535)
                return usage_error("invalid -gdb '%s'%s (expected tcp::PORT)", val, "");
            cfg->gdb = val;
            break;
        case OPT_GDBTARGET:
            if (strcmp(val, "arm") && strcmp(val, "s390"))
                return usage_error("invalid --gdb-target '%s'%s (arm or s390)", val, "");
            cfg->gdb_target = val;
            break;
        case OPT_FREEZE: cfg->freeze = true; break;
        case OPT_DEBUG: cfg->debug_shell = true; break;
        case OPT_NOGRAPHIC: cfg->nographic = true; break;
        case OPT_NOSAE: cfg->sae_installed = false; break;
        case OPT_DUMPDTB: cfg->dump_dtb = val; break;
        case OPT_STATS: cfg->stats = true; break;
        case OPT_QUIET: cfg->quiet = true; break;
        case OPT_CLOCK:
            if (vclock_parse_mode(val, &cfg->clock_mode, &cfg->icount_shift) != 0)
                return usage_error("invalid --clock '%s'%s (icount, icount,shift=N, host)", val, "");
            break;
        case OPT_TIMEOUT: {
            char *end;
            errno = 0;
            double t = strtod(val, &end);
            if (errno || *end || !(t > 0) || t > 1e9)
                return usage_error("invalid --timeout '%s'%s (positive seconds)", val, "");
            cfg->timeout_s = t;
            break;
        }
        case OPT_MAXINSNS:
            if (parse_u64(val, &n) != 0 || n == 0)
                return usage_error("invalid --max-insns '%s'%s", val, "");
            cfg->max_insns = n;
            break;
        case OPT_TRACEBIN: cfg->trace_bin = val; break;
        case OPT_HELP: cli_usage(stdout); return 1;
        case OPT_VERSION: printf("saesim %s\n", SAESIM_VERSION); return 1;
        }
    }
    return 0;
}
