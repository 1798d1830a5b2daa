/* fw_vformat: the printf subset used by the firmware and the guests (see fwlib.h). */
#include "fwlib.h"

struct fmt_state {
    fw_putc_fn out;
    void *opaque;
    int count;
};

static void emit(struct fmt_state *st, char c)
{
    st->out(st->opaque, c);
    st->count++;
}

static void emit_num(struct fmt_state *st, uint64_t v, unsigned base, int upper, int neg, int width, char pad)
{
    char tmp[24];
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = 0;
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    int len = n + (neg ? 1 : 0);
    if (neg && pad == '0')
        emit(st, '-');
    for (; len < width; len++)
        emit(st, pad);
    if (neg && pad != '0')
        emit(st, '-');
    while (n)
        emit(st, tmp[--n]);
}

int fw_vformat(fw_putc_fn out, void *opaque, const char *fmt, va_list ap)
{
    struct fmt_state st = { out, opaque, 0 };
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            emit(&st, *p);
            continue;
        }
        p++;
        char pad = ' ';
        int width = 0, lng = 0;
        if (*p == '0') {
            pad = '0';
            p++;
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (*p++ - '0');
        while (*p == 'l' || *p == 'z') {
            lng++;
            p++;
        }
        switch (*p) {
        case '%':
            emit(&st, '%');
            break;
        case 'c':
            emit(&st, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int len = (int)fw_strnlen(s, 4096);
            for (; len < width; len++)
                emit(&st, ' ');
            while (*s)
                emit(&st, *s++);
            break;
        }
        case 'd':
        case 'i': {
            int64_t v = lng ? va_arg(ap, long long) : va_arg(ap, int);
            uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            emit_num(&st, m, 10, 0, v < 0, width, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            uint64_t v = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
            emit_num(&st, v, *p == 'u' ? 10 : 16, *p == 'X', 0, width, pad);
            break;
        }
        case 'p':
            emit(&st, '0');
            emit(&st, 'x');
            emit_num(&st, (uint64_t)(uintptr_t)va_arg(ap, void *), 16, 0, 0, width, pad);
            break;
        case '\0':
            return st.count;
        default:
            emit(&st, '%');
            emit(&st, *p);
            break;
        }
    }
    return st.count;
}

struct buf_sink {
    char *buf;
    size_t size, pos;
};

static void buf_putc(void *opaque, char c)
{
    struct buf_sink *b = opaque;
    if (b->pos + 1 < b->size)
        b->buf[b->pos] = c;
    b->pos++;
}

int fw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buf_sink b = { buf, size, 0 };
    int n = fw_vformat(buf_putc, &b, fmt, ap);
    if (size)
        buf[b.pos < size ? b.pos : size - 1] = '\0';
    return n;
}

int fw_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = fw_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
