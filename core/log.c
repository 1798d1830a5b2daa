/* Per-area logging (-d / -D). The enabled set is one global mask tested inline by qlog(), so a
 * disabled item costs a single predicted-not-taken branch at the call site. */
#include "core/log.h"

#include <errno.h>
#include <string.h>

unsigned log_mask;
FILE *log_file; /* stderr until -D names a file (set before main runs, see below) */

/* stderr is not a constant expression, so the default is installed by a constructor: code that
 * writes to log_file directly never sees NULL. */
__attribute__((constructor)) static void log_default_file(void)
{
    if (!log_file)
        log_file = stderr;
}

static const struct {
    const char *name;
    unsigned flag;
} log_items[] = {
    { "exec", LOG_EXEC },
    { "in_asm", LOG_IN_ASM },
    { "int", LOG_INT },
    { "mmu", LOG_MMU },
    { "sae", LOG_SAE },
    { "unimp", LOG_UNIMP },
    { "guest_errors", LOG_GUEST_ERRORS },
    { "diag", LOG_DIAG },
    { "cpu", LOG_CPU },
};
#define N_ITEMS (sizeof(log_items) / sizeof(log_items[0]))
#define LOG_ALL (LOG_EXEC | LOG_IN_ASM | LOG_INT | LOG_MMU | LOG_SAE | LOG_UNIMP | LOG_GUEST_ERRORS | \
                 LOG_DIAG | LOG_CPU)

static FILE *out(void)
{
    return log_file ? log_file : stderr;
}

void log_vprintf(const char *fmt, va_list ap)
{
    vfprintf(out(), fmt, ap);
}

void log_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vprintf(fmt, ap);
    va_end(ap);
}

int log_parse_flags(const char *spec, unsigned *mask, char *err, size_t errlen)
{
    unsigned m = 0;
    if (!spec || !*spec) {
        snprintf(err, errlen, "empty log item list (items: %s)", log_flag_names());
        return -1;
    }
    if (strcmp(spec, "help") == 0) {
        *mask = 0;
        return 1; /* caller prints log_flag_names() */
    }
    const char *p = spec;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0) {
            snprintf(err, errlen, "empty log item in '%s'", spec);
            return -1;
        }
        bool found = false;
        if (len == 3 && strncmp(p, "all", 3) == 0) {
            m |= LOG_ALL;
            found = true;
        }
        for (size_t i = 0; !found && i < N_ITEMS; i++) {
            if (strlen(log_items[i].name) == len && strncmp(log_items[i].name, p, len) == 0) {
                m |= log_items[i].flag;
                found = true;
            }
        }
        if (!found) {
            snprintf(err, errlen, "unknown log item '%.*s' (items: %s)", (int)len, p, log_flag_names());
            return -1;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    *mask = m;
    return 0;
}

const char *log_flag_names(void)
{
    return "exec,in_asm,int,mmu,sae,unimp,guest_errors,diag,cpu,all";
}

int log_set_file(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    /* Line buffering keeps the log readable up to a crash without paying for unbuffered writes. */
    setvbuf(f, NULL, _IOLBF, 0);
    log_close();
    log_file = f;
    return 0;
}

void log_close(void)
{
    if (log_file && log_file != stderr && log_file != stdout)
        fclose(log_file);
    log_file = stderr;
}

void error_report(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("saesim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
