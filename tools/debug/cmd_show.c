/* Inspection commands: regs, sysregs, vregs, mem, disas, sae, tlb, xlate, dt. Values come straight
 * from the target's accessors; text blocks (flags decode, SAE block, TLB, walks) are the target's. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tools/debug/shell_int.h"

static void print_reg(struct dbg_shell *s, unsigned ctx, unsigned idx, char *line, size_t *off, size_t cap)
{
    const struct dbg_reg *r = &s->t->ctx[ctx].regs[idx];
    uint64_t v[2] = { 0, 0 };
    bool ok = s->t->ops->reg_read(s->t->opaque, ctx, idx, v) == 0;
    int n;
    if (!ok)
        n = snprintf(line + *off, cap - *off, "%-6s <unavailable>     ", r->name);
    else if (r->bits > 64)
        n = snprintf(line + *off, cap - *off, "%-6s 0x%016" PRIx64 "%016" PRIx64 "  ", r->name, v[1], v[0]);
    else if (r->bits > 32)
        n = snprintf(line + *off, cap - *off, "%-6s 0x%016" PRIx64 "  ", r->name, v[0]);
    else
        n = snprintf(line + *off, cap - *off, "%-6s 0x%08" PRIx64 "          ", r->name, v[0]);
    if (n > 0)
        *off += (size_t)n < cap - *off ? (size_t)n : cap - *off - 1;
}

/* Registers of the groups in mask, `per_line` to a line. */
static void print_group(struct dbg_shell *s, unsigned ctx, unsigned mask, unsigned per_line)
{
    const struct dbg_context *c = &s->t->ctx[ctx];
    char line[512];
    size_t off = 0;
    unsigned k = 0;
    for (unsigned i = 0; i < c->nregs; i++) {
        if (!(mask & (1u << c->regs[i].group)))
            continue;
        print_reg(s, ctx, i, line, &off, sizeof(line));
        if (++k % per_line == 0) {
            while (off && line[off - 1] == ' ')
                off--;
            line[off] = '\0';
            fprintf(s->out, "%s\n", line);
            off = 0;
        }
    }
    if (off) {
        while (off && line[off - 1] == ' ')
            off--;
        line[off] = '\0';
        fprintf(s->out, "%s\n", line);
    }
}

static int ctx_arg(struct dbg_shell *s, int argc, char **argv, unsigned *ctx)
{
    *ctx = s->cur;
    if (argc > 1) {
        int c = dbg_target_find_ctx(s->t, argv[1]);
        if (c < 0)
            return dbg_error(s, "no context '%s'", argv[1]);
        *ctx = (unsigned)c;
    }
    return 0;
}

int cmd_regs(struct dbg_shell *s, int argc, char **argv)
{
    unsigned ctx;
    if (ctx_arg(s, argc, argv, &ctx) != 0)
        return -1;
    const struct dbg_context *c = &s->t->ctx[ctx];
    uint64_t pc = dbg_target_pc(s->t, ctx);
    char sym[96];
    dbg_format_sym(s->t, ctx, pc, sym, sizeof(sym));
    fprintf(s->out, "[%s] pc 0x%016" PRIx64 " %s\n", c->name, pc, sym);
    print_group(s, ctx, 1u << DBG_REG_GPR, 4);
    print_group(s, ctx, 1u << DBG_REG_SP | 1u << DBG_REG_PC | 1u << DBG_REG_FLAGS, 4);
    char text[1024];
    if (s->t->ops->text && s->t->ops->text(s->t->opaque, ctx, DBG_TEXT_FLAGS, 0, text, sizeof(text)) == 0)
        fprintf(s->out, "%s\n", text);
    return 0;
}

int cmd_sysregs(struct dbg_shell *s, int argc, char **argv)
{
    const struct dbg_context *c = &s->t->ctx[s->cur];
    if (argc > 1) {
        int r = dbg_target_find_reg(s->t, s->cur, argv[1]);
        if (r < 0)
            return dbg_error(s, "no register '%s' in context %s", argv[1], c->name);
        char line[128];
        size_t off = 0;
        print_reg(s, s->cur, (unsigned)r, line, &off, sizeof(line));
        while (off && line[off - 1] == ' ')
            off--;
        line[off] = '\0';
        fprintf(s->out, "%s\n", line);
        return 0;
    }
    print_group(s, s->cur, 1u << DBG_REG_SYSREG, 2);
    return 0;
}

int cmd_vregs(struct dbg_shell *s, int argc, char **argv)
{
    (void)argc, (void)argv;
    print_group(s, s->cur, 1u << DBG_REG_VECTOR, 2);
    return 0;
}

static int space_arg(struct dbg_shell *s, const char *name, unsigned *space)
{
    const struct dbg_context *c = &s->t->ctx[s->cur];
    for (unsigned i = 0; i < c->nspaces; i++)
        if (strcmp(c->spaces[i], name) == 0) {
            *space = i;
            return 0;
        }
    char list[128] = "";
    size_t off = 0;
    for (unsigned i = 0; i < c->nspaces && off < sizeof(list); i++)
        off += (size_t)snprintf(list + off, sizeof(list) - off, "%s%s", i ? ", " : "", c->spaces[i]);
    return dbg_error(s, "no address space '%s' in context %s (%s)", name, c->name, list);
}

int cmd_mem(struct dbg_shell *s, int argc, char **argv)
{
    if (argc < 2 || argc > 4)
        return dbg_error(s, "usage: mem <addr> [len] [space]");
    char err[128];
    uint64_t addr, len = 64;
    unsigned space = 0;
    if (dbg_parse_addr(s->t, s->cur, argv[1], &addr, err, sizeof(err)) != 0)
        return dbg_error(s, "%s", err);
    for (int i = 2; i < argc; i++) {
        if (isdigit((unsigned char)argv[i][0])) {
            if (!dbg_parse_count(argv[i], &len) || len == 0 || len > 65536)
                return dbg_error(s, "bad length '%s' (1..65536)", argv[i]);
        } else if (space_arg(s, argv[i], &space) != 0) {
            return -1;
        }
    }
    uint8_t *buf = malloc(len);
    if (!buf)
        return dbg_error(s, "out of memory");
    size_t got = s->t->ops->mem_read(s->t->opaque, s->cur, space, addr, buf, len);
    for (size_t off = 0; off < got; off += 16) {
        size_t n = got - off < 16 ? got - off : 16;
        fprintf(s->out, "0x%016" PRIx64 ":", addr + off);
        for (size_t i = 0; i < 16; i++) {
            if (i < n)
                fprintf(s->out, " %02x", buf[off + i]);
            else
                fputs("   ", s->out);
        }
        fputs("  |", s->out);
        for (size_t i = 0; i < n; i++)
            fputc(isprint(buf[off + i]) ? buf[off + i] : '.', s->out);
        fputs("|\n", s->out);
    }
    free(buf);
    if (got < len)
        return dbg_error(s, "cannot access %s memory at 0x%016" PRIx64, s->t->ctx[s->cur].spaces[space],
                         addr + got);
    return 0;
}

unsigned dbg_disas_line(struct dbg_shell *s, unsigned ctx, uint64_t addr, char *out, size_t outlen)
{
    const struct dbg_context *c = &s->t->ctx[ctx];
    uint8_t code[6];
    size_t got = s->t->ops->mem_read(s->t->opaque, ctx, 0, addr, code, c->arch == DISAS_S390X ? 6 : 4);
    /* An s390x instruction may end less than 6 bytes before the end of readable memory. */
    if (got == 0 || (c->arch == DISAS_AARCH64 && got < 4))
        return 0;
    char text[128], sym[96], hex[16];
    unsigned len = disas_one(c->arch, addr, code, got, text, sizeof(text));
    if (len > got)
        return 0;
    if (c->arch == DISAS_AARCH64)  /* the word as the Arm ARM writes encodings */
        snprintf(hex, sizeof(hex), "%02x%02x%02x%02x", code[3], code[2], code[1], code[0]);
    else
        for (unsigned i = 0; i < len; i++)
            snprintf(hex + 2 * i, sizeof(hex) - 2 * i, "%02x", code[i]);
    dbg_format_sym(s->t, ctx, addr, sym, sizeof(sym));
    snprintf(out, outlen, "%s 0x%016" PRIx64 " %-14s %-12s %s", c->name, addr, sym, hex, text);
    return len;
}

int cmd_disas(struct dbg_shell *s, int argc, char **argv)
{
    char err[128];
    uint64_t pc = dbg_target_pc(s->t, s->cur), addr = pc, n = 8;
    if (argc > 1 && dbg_parse_addr(s->t, s->cur, argv[1], &addr, err, sizeof(err)) != 0)
        return dbg_error(s, "%s", err);
    if (argc > 2 && (!dbg_parse_count(argv[2], &n) || n == 0 || n > 4096))
        return dbg_error(s, "bad count '%s'", argv[2]);
    for (uint64_t i = 0; i < n; i++) {
        char line[256];
        unsigned len = dbg_disas_line(s, s->cur, addr, line, sizeof(line));
        if (!len)
            return dbg_error(s, "cannot read memory at 0x%016" PRIx64, addr);
        fprintf(s->out, "%s %s\n", addr == pc ? "=>" : "  ", line);
        addr += len;
    }
    return 0;
}

static int show_text(struct dbg_shell *s, enum dbg_text what, uint64_t arg, const char *name)
{
    size_t cap = 65536;
    char *buf = malloc(cap);
    if (!buf)
        return dbg_error(s, "out of memory");
    buf[0] = '\0';
    int rc = s->t->ops->text ? s->t->ops->text(s->t->opaque, s->cur, what, arg, buf, cap) : -1;
    if (rc == 0) {
        size_t n = strlen(buf);
        fprintf(s->out, "%s%s", buf, n && buf[n - 1] == '\n' ? "" : "\n");
    }
    free(buf);
    if (rc != 0)
        return dbg_error(s, "%s is not available in context %s", name, s->t->ctx[s->cur].name);
    return 0;
}

int cmd_sae(struct dbg_shell *s, int argc, char **argv)
{
    (void)argc, (void)argv;
    return show_text(s, DBG_TEXT_SAE, 0, "sae");
}

int cmd_tlb(struct dbg_shell *s, int argc, char **argv)
{
    (void)argc, (void)argv;
    return show_text(s, DBG_TEXT_TLB, 0, "tlb");
}

int cmd_xlate(struct dbg_shell *s, int argc, char **argv)
{
    if (argc != 2)
        return dbg_error(s, "usage: xlate <va>");
    char err[128];
    uint64_t va;
    if (dbg_parse_addr(s->t, s->cur, argv[1], &va, err, sizeof(err)) != 0)
        return dbg_error(s, "%s", err);
    return show_text(s, DBG_TEXT_XLATE, va, "xlate");
}

int cmd_dt(struct dbg_shell *s, int argc, char **argv)
{
    (void)argc, (void)argv;
    size_t size = 0;
    const void *blob = s->t->ops->dtb ? s->t->ops->dtb(s->t->opaque, &size) : NULL;
    if (!blob)
        return dbg_error(s, "this machine has no guest device tree");
    if (dbg_print_dtb(s->out, blob, size) != 0)
        return dbg_error(s, "the guest device tree blob is invalid");
    return 0;
}
