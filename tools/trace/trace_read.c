/* Binary trace reader and text formatter (the library half of saesim-trace-fmt). */
#include "core/trace_bin.h"

#include <inttypes.h>
#include <string.h>

#include "core/disas.h"

static int get_byte(struct trace_reader *r, uint8_t *b)
{
    int c = getc(r->f);
    if (c == EOF)
        return -1;
    *b = (uint8_t)c;
    return 0;
}

static int get_uleb(struct trace_reader *r, uint64_t *v)
{
    uint64_t val = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        uint8_t b;
        if (get_byte(r, &b))
            return -1;
        val |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = val;
            return 0;
        }
    }
    return -1;
}

static int get_sleb(struct trace_reader *r, int64_t *v)
{
    uint64_t val = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        uint8_t b;
        if (get_byte(r, &b))
            return -1;
        val |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            shift += 7;
            if (shift < 64 && (b & 0x40))
                val |= ~0ULL << shift;
            *v = (int64_t)val;
            return 0;
        }
    }
    return -1;
}

int trace_reader_open(struct trace_reader *r, FILE *f, char *err, size_t errlen)
{
    memset(r, 0, sizeof(*r));
    r->f = f;
    uint8_t h[16];
    if (fread(h, 1, sizeof(h), f) != sizeof(h) || memcmp(h, TRACE_BIN_MAGIC, 8) != 0) {
        snprintf(err, errlen, "not a saesim binary trace (bad magic)");
        return -1;
    }
    unsigned version = h[8] | (unsigned)h[9] << 8;
    if (version != TRACE_BIN_VERSION) {
        snprintf(err, errlen, "unsupported trace version %u (this formatter reads %u)", version,
                 TRACE_BIN_VERSION);
        return -1;
    }
    r->arch_mask = h[10] | (unsigned)h[11] << 8;
    return 0;
}

static int truncated(char *err, size_t errlen, long pos)
{
    snprintf(err, errlen, "truncated or malformed record at offset %ld", pos);
    return -1;
}

int trace_reader_next(struct trace_reader *r, struct trace_rec *rec, char *err, size_t errlen)
{
    if (r->ended)
        return 0;
    long pos = ftell(r->f);
    uint8_t tag;
    if (get_byte(r, &tag)) {
        snprintf(err, errlen, "file ends without an END record (truncated trace)");
        return -1;
    }
    memset(rec, 0, sizeof(*rec));
    unsigned a = (tag & TRACE_TAG_S390) != 0;
    rec->arch = a ? TRACE_ARCH_S390X : TRACE_ARCH_AARCH64;
    rec->kind = (enum trace_rec_kind)(tag & TRACE_TAG_KIND);
    switch (rec->kind) {
    case TRACE_REC_INSN: {
        int64_t delta = 0;
        uint64_t count = 1;
        if (!(tag & TRACE_TAG_SEQ) && get_sleb(r, &delta))
            return truncated(err, errlen, pos);
        if ((tag & TRACE_TAG_ICOUNT) && get_uleb(r, &count))
            return truncated(err, errlen, pos);
        rec->pc = r->next_pc[a] + (uint64_t)delta;
        if (get_byte(r, &rec->code[0]))
            return truncated(err, errlen, pos);
        static const unsigned s390_len[4] = { 2, 4, 4, 6 };
        rec->len = a ? s390_len[rec->code[0] >> 6] : 4;
        for (unsigned i = 1; i < rec->len; i++)
            if (get_byte(r, &rec->code[i]))
                return truncated(err, errlen, pos);
        r->icount[a] += count;
        rec->icount = r->icount[a];
        r->next_pc[a] = rec->pc + rec->len;
        return 1;
    }
    case TRACE_REC_REG:
        if (get_uleb(r, &rec->value) || rec->value > 0xffff)
            return truncated(err, errlen, pos);
        rec->reg = (unsigned)rec->value;
        if (get_uleb(r, &rec->value))
            return truncated(err, errlen, pos);
        return 1;
    case TRACE_REC_EVENT: {
        uint8_t k;
        if (tag & ~TRACE_TAG_KIND || get_byte(r, &k) || get_uleb(r, &rec->a) || get_uleb(r, &rec->b))
            return truncated(err, errlen, pos);
        rec->event = (enum trace_event_kind)k;
        return 1;
    }
    case TRACE_REC_END:
        r->ended = true;
        return 0;
    }
    snprintf(err, errlen, "unknown record tag 0x%02x at offset %ld", tag, pos);
    return -1;
}

static void reg_name(const struct trace_rec *rec, char *out, size_t outlen)
{
    if (rec->arch == TRACE_ARCH_AARCH64) {
        if (rec->reg <= 30)
            snprintf(out, outlen, "x%u", rec->reg);
        else if (rec->reg == TRACE_REG_A64_SP)
            snprintf(out, outlen, "sp");
        else if (rec->reg == TRACE_REG_A64_PC)
            snprintf(out, outlen, "pc");
        else if (rec->reg == TRACE_REG_A64_PSTATE)
            snprintf(out, outlen, "pstate");
        else
            snprintf(out, outlen, "reg%u", rec->reg);
    } else {
        if (rec->reg <= 15)
            snprintf(out, outlen, "r%u", rec->reg);
        else if (rec->reg == TRACE_REG_S390_PSWM)
            snprintf(out, outlen, "pswm");
        else if (rec->reg == TRACE_REG_S390_PSWA)
            snprintf(out, outlen, "pswa");
        else
            snprintf(out, outlen, "reg%u", rec->reg);
    }
}

static const char *event_name(enum trace_event_kind k)
{
    switch (k) {
    case TRACE_EV_EXCEPTION: return "exception esr=0x%" PRIx64 " el=%" PRIu64;
    case TRACE_EV_ERET: return "eret pc=0x%" PRIx64 " spsr=0x%" PRIx64;
    case TRACE_EV_INTERRUPT: return "interrupt class=0x%" PRIx64 " code=0x%" PRIx64;
    case TRACE_EV_SAE_ENTER: return "sae-enter sd=0x%" PRIx64 " (%" PRIu64 ")";
    case TRACE_EV_SAE_EXIT: return "sae-exit icptr=0x%" PRIx64 " pc=0x%" PRIx64;
    case TRACE_EV_MARK: return "mark a=0x%" PRIx64 " b=0x%" PRIx64;
    }
    return NULL;
}

void trace_format_rec(const struct trace_rec *rec, char *out, size_t outlen)
{
    const char *an = rec->arch == TRACE_ARCH_S390X ? "s390" : "arm ";
    switch (rec->kind) {
    case TRACE_REC_INSN: {
        char hex[16], dis[128];
        size_t off = 0;
        for (unsigned i = 0; i < rec->len; i++)
            off += (size_t)snprintf(hex + off, sizeof(hex) - off, "%02x", rec->code[i]);
        if (rec->arch == TRACE_ARCH_AARCH64)  /* show the word as the Arm ARM writes encodings */
            snprintf(hex, sizeof(hex), "%02x%02x%02x%02x", rec->code[3], rec->code[2], rec->code[1],
                     rec->code[0]);
        disas_one(rec->arch == TRACE_ARCH_S390X ? DISAS_S390X : DISAS_AARCH64, rec->pc, rec->code,
                  rec->len, dis, sizeof(dis));
        snprintf(out, outlen, "%s %10" PRIu64 " %016" PRIx64 ": %-12s %s", an, rec->icount, rec->pc,
                 hex, dis);
        return;
    }
    case TRACE_REC_REG: {
        char name[16];
        reg_name(rec, name, sizeof(name));
        snprintf(out, outlen, "%s            %s = 0x%016" PRIx64, an, name, rec->value);
        return;
    }
    case TRACE_REC_EVENT: {
        const char *fmt = event_name(rec->event);
        char text[128];
        if (fmt)
            snprintf(text, sizeof(text), fmt, rec->a, rec->b);
        else
            snprintf(text, sizeof(text), "event%u a=0x%" PRIx64 " b=0x%" PRIx64, (unsigned)rec->event,
                     rec->a, rec->b);
        snprintf(out, outlen, "---- %s", text);
        return;
    }
    case TRACE_REC_END:
        snprintf(out, outlen, "---- end");
        return;
    }
    snprintf(out, outlen, "?");
}

int trace_format_file(FILE *f, FILE *out, FILE *errf)
{
    struct trace_reader r;
    char err[128];
    if (trace_reader_open(&r, f, err, sizeof(err)) != 0) {
        fprintf(errf, "saesim-trace-fmt: %s\n", err);
        return 1;
    }
    struct trace_rec rec;
    int rc;
    char line[256];
    while ((rc = trace_reader_next(&r, &rec, err, sizeof(err))) == 1) {
        trace_format_rec(&rec, line, sizeof(line));
        fprintf(out, "%s\n", line);
    }
    if (rc < 0) {
        fprintf(errf, "saesim-trace-fmt: %s\n", err);
        return 1;
    }
    return 0;
}
