/* Binary trace writer: a 64 KiB buffer of variable-length records, flushed with fwrite.
 * The common record (a sequential AArch64 instruction) costs 5 bytes: tag + encoding. */
#include "core/trace_bin.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define BUF_SIZE 65536
#define REC_MAX 40  /* largest record: tag + sleb(10) + uleb(10) + 6 code bytes, or an event */

bool trace_bin_enabled;

static struct {
    FILE *f;
    uint8_t buf[BUF_SIZE];
    size_t used;
    bool failed;
    uint64_t next_pc[2];
    uint64_t pending[2];  /* instructions since the last INSN record of this arch, minus one */
} tw;

static void flush(void)
{
    if (tw.used && fwrite(tw.buf, 1, tw.used, tw.f) != tw.used)
        tw.failed = true;
    tw.used = 0;
}

static inline uint8_t *reserve(void)
{
    if (BUF_SIZE - tw.used < REC_MAX)
        flush();
    return tw.buf + tw.used;
}

static inline uint8_t *put_uleb(uint8_t *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

static inline uint8_t *put_sleb(uint8_t *p, int64_t v)
{
    for (;;) {
        uint8_t byte = v & 0x7f;
        v >>= 7;  /* arithmetic shift: gcc defines it for signed values */
        if ((v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40))) {
            *p++ = byte;
            return p;
        }
        *p++ = byte | 0x80;
    }
}

/* z/Architecture instruction length from the two leftmost opcode bits (PoP ch. 5, "Instruction
 * Format"): 00 -> 2 bytes, 01 or 10 -> 4, 11 -> 6. */
static unsigned s390_ilen(uint8_t op0)
{
    static const unsigned len[4] = { 2, 4, 4, 6 };
    return len[op0 >> 6];
}

int trace_bin_open(const char *path, unsigned arch_mask, char *err, size_t errlen)
{
    if (tw.f) {
        snprintf(err, errlen, "a binary trace is already open");
        return -1;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errlen, "cannot create '%s': %s", path, strerror(errno));
        return -1;
    }
    memset(&tw, 0, sizeof(tw));
    tw.f = f;
    uint8_t *p = tw.buf;
    memcpy(p, TRACE_BIN_MAGIC, 8);
    p[8] = TRACE_BIN_VERSION & 0xff;
    p[9] = TRACE_BIN_VERSION >> 8;
    p[10] = arch_mask & 0xff;
    p[11] = (arch_mask >> 8) & 0xff;
    memset(p + 12, 0, 4);
    tw.used = 16;
    trace_bin_enabled = true;
    return 0;
}

void trace_bin_insn(enum trace_arch arch, uint64_t pc, uint64_t insn, unsigned len)
{
    if (!tw.f)
        return;
    unsigned a = arch == TRACE_ARCH_S390X;
    if (a ? (len < 2 || len > 6 || s390_ilen((uint8_t)(insn >> (8 * (len - 1)))) != len) : len != 4) {
        tw.failed = true;  /* caller bug: an unparseable record would corrupt the stream */
        return;
    }
    uint8_t *start = reserve(), *p = start + 1;
    uint8_t tag = TRACE_REC_INSN | (a ? TRACE_TAG_S390 : 0);
    if (pc == tw.next_pc[a])
        tag |= TRACE_TAG_SEQ;
    else
        p = put_sleb(p, (int64_t)(pc - tw.next_pc[a]));
    if (tw.pending[a]) {
        tag |= TRACE_TAG_ICOUNT;
        p = put_uleb(p, tw.pending[a] + 1);
        tw.pending[a] = 0;
    }
    if (a) {
        for (unsigned i = 0; i < len; i++)
            *p++ = (uint8_t)(insn >> (8 * (len - 1 - i)));
    } else {
        for (unsigned i = 0; i < 4; i++)
            *p++ = (uint8_t)(insn >> (8 * i));
    }
    *start = tag;
    tw.used = (size_t)(p - tw.buf);
    tw.next_pc[a] = pc + len;
}

void trace_bin_skip(enum trace_arch arch, uint64_t n)
{
    if (tw.f)
        tw.pending[arch == TRACE_ARCH_S390X] += n;
}

void trace_bin_reg(enum trace_arch arch, unsigned reg, uint64_t value)
{
    if (!tw.f)
        return;
    uint8_t *start = reserve(), *p = start + 1;
    *start = TRACE_REC_REG | (arch == TRACE_ARCH_S390X ? TRACE_TAG_S390 : 0);
    p = put_uleb(p, reg);
    p = put_uleb(p, value);
    tw.used = (size_t)(p - tw.buf);
}

void trace_bin_event(enum trace_event_kind kind, uint64_t a, uint64_t b)
{
    if (!tw.f)
        return;
    uint8_t *start = reserve(), *p = start + 1;
    *start = TRACE_REC_EVENT;
    *p++ = (uint8_t)kind;
    p = put_uleb(p, a);
    p = put_uleb(p, b);
    tw.used = (size_t)(p - tw.buf);
}

int trace_bin_close(void)
{
    if (!tw.f)
        return 0;
    uint8_t *p = reserve();
    *p = TRACE_REC_END;
    tw.used++;
    flush();
    bool failed = tw.failed;
    if (fclose(tw.f) != 0)
        failed = true;
    tw.f = NULL;
    trace_bin_enabled = false;
    return failed ? -1 : 0;
}
