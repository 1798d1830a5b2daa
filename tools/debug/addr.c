/* Address expressions for the debug shell and symbol labels: "0x40080000", "4096", "_start",
 * "loop+0x10", "$pc-4". Numbers are decimal unless prefixed 0x, as in gdb. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tools/debug/shell_int.h"

static int parse_term(const struct dbg_target *t, unsigned ctx, const char *tok, uint64_t *val,
                      char *err, size_t errlen)
{
    if (tok[0] == '\0') {
        snprintf(err, errlen, "missing address");
        return -1;
    }
    if (isdigit((unsigned char)tok[0])) {
        if (!dbg_parse_count(tok, val)) {
            snprintf(err, errlen, "bad number '%s'", tok);
            return -1;
        }
        return 0;
    }
    if (tok[0] == '$') {
        int r = dbg_target_find_reg(t, ctx, tok + 1);
        uint64_t v[2];
        if (r < 0 || t->ops->reg_read(t->opaque, ctx, (unsigned)r, v) != 0) {
            snprintf(err, errlen, "no register '%s' in context %s", tok + 1, t->ctx[ctx].name);
            return -1;
        }
        *val = v[0];
        return 0;
    }
    const struct symtab *st = t->ctx[ctx].syms;
    if (st && symtab_lookup(st, tok, val))
        return 0;
    snprintf(err, errlen, "no symbol '%s' in context %s", tok, t->ctx[ctx].name);
    return -1;
}

int dbg_parse_addr(const struct dbg_target *t, unsigned ctx, const char *expr, uint64_t *val,
                   char *err, size_t errlen)
{
    uint64_t sum = 0;
    char sign = '+';
    const char *p = expr;
    for (;;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        /* A term ends at + or - (symbol names may contain '.', '_' and '$'). */
        while (*p && *p != '+' && *p != '-' && *p != ' ')
            p++;
        char tok[128];
        size_t n = (size_t)(p - start);
        if (n >= sizeof(tok)) {
            snprintf(err, errlen, "address term too long");
            return -1;
        }
        memcpy(tok, start, n);
        tok[n] = '\0';
        uint64_t v;
        if (parse_term(t, ctx, tok, &v, err, errlen) != 0)
            return -1;
        sum = sign == '+' ? sum + v : sum - v;
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        sign = *p++;
    }
    *val = sum;
    return 0;
}

bool dbg_parse_count(const char *str, uint64_t *v)
{
    if (!str[0] || str[0] == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(str, &end, (str[0] == '0' && (str[1] == 'x' || str[1] == 'X')) ? 16 : 10);
    if (errno || *end)
        return false;
    *v = x;
    return true;
}

void dbg_format_sym(const struct dbg_target *t, unsigned ctx, uint64_t addr, char *out, size_t outlen)
{
    out[0] = '\0';
    const struct symtab *st = t->ctx[ctx].syms;
    uint64_t off;
    const struct symbol *sym = st ? symtab_find(st, addr, &off) : NULL;
    /* A symbol "covers" addr if addr is inside its size, or within 64 KiB when the size is unknown. */
    if (!sym || (sym->size ? off >= sym->size : off >= 0x10000))
        return;
    if (off)
        snprintf(out, outlen, "<%s+0x%" PRIx64 ">", sym->name, off);
    else
        snprintf(out, outlen, "<%s>", sym->name);
}
