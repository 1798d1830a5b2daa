/* Helpers shared by the debug targets (see debug_text.h). */
#include "tools/machines/debug_text.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void dbg_tb_out(struct dbg_tb *b, const char *fmt, ...)
{
    if (b->used + 1 >= b->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->buf + b->used, b->len - b->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        b->used += (size_t)n < b->len - b->used ? (size_t)n : b->len - b->used - 1;
}

void dbg_arm_flags_text(struct dbg_tb *b, uint64_t p)
{
    unsigned el = (p >> 2) & 3;
    dbg_tb_out(b, "EL%u%s NZCV=%u%u%u%u DAIF=%u%u%u%u PAN=%u UAO=%u SS=%u IL=%u SSBS=%u", el,
               el ? (p & 1 ? "h" : "t") : "", (unsigned)(p >> 31) & 1, (unsigned)(p >> 30) & 1,
               (unsigned)(p >> 29) & 1, (unsigned)(p >> 28) & 1, (unsigned)(p >> 9) & 1, (unsigned)(p >> 8) & 1,
               (unsigned)(p >> 7) & 1, (unsigned)(p >> 6) & 1, (unsigned)(p >> 22) & 1, (unsigned)(p >> 23) & 1,
               (unsigned)(p >> 21) & 1, (unsigned)(p >> 20) & 1, (unsigned)(p >> 12) & 1);
}

void dbg_s390_flags_text(struct dbg_tb *b, const struct s390_cpu *c)
{
    uint64_t m = s390_psw_mask(c);
#define BIT(n) (unsigned)((m >> (63 - (n))) & 1)
    dbg_tb_out(b, "PER=%u DAT=%u IO=%u EXT=%u KEY=%u MCHK=%u WAIT=%u PROB=%u AS=%u CC=%u PM=%x EA=%u BA=%u",
               BIT(1), BIT(5), BIT(6), BIT(7), (unsigned)(m >> 52) & 15, BIT(13), BIT(14), BIT(15),
               (unsigned)(m >> 46) & 3, (unsigned)(m >> 44) & 3, (unsigned)(m >> 40) & 15, BIT(31), BIT(32));
#undef BIT
}

void dbg_tlb_text(struct dbg_tb *b, const struct tlb_set *set, const char *what)
{
    unsigned n = 0;
    for (unsigned k = 0; k < TLB_BANKS; k++) {
        const struct tlb *t = &set->bank[k];
        if (!t->valid)
            continue;
        for (unsigned i = 0; i < TLB_ENTRIES; i++) {
            const struct tlb_entry *e = &t->e[i];
            uint64_t tag = e->tag_r != TLB_INVALID ? e->tag_r : e->tag_w != TLB_INVALID ? e->tag_w : e->tag_x;
            if (tag == TLB_INVALID)
                continue;
            if (n++ < 64)
                dbg_tb_out(b, "  %s bank %u ctx 0x%" PRIx64 ": va 0x%016" PRIx64 " -> 0x%016" PRIx64 " %c%c%c%s\n",
                           what, k, (uint64_t)t->context, (uint64_t)(tag & ~TLB_PAGE_MASK), (uint64_t)e->phys_page,
                           e->tag_r != TLB_INVALID ? 'r' : '-', e->tag_w != TLB_INVALID ? 'w' : '-',
                           e->tag_x != TLB_INVALID ? 'x' : '-', (tag & TLB_F_SLOW) ? " slow" : "");
        }
    }
    dbg_tb_out(b, "  %u %s entr%s%s\n", n, what, n == 1 ? "y" : "ies", n > 64 ? " (first 64 shown)" : "");
}

size_t dbg_mem_copy(dbg_map_fn map, void *opaque, uint64_t addr, uint8_t *buf, size_t len, bool write)
{
    size_t done = 0;
    while (done < len) {
        uint64_t a = addr + done;
        size_t n = 4096 - (a & 4095);
        if (n > len - done)
            n = len - done;
        uint8_t *p = map(opaque, a, n);
        if (!p)
            break;
        if (write)
            memcpy(p, buf + done, n);
        else
            memcpy(buf + done, p, n);
        done += n;
    }
    return done;
}
