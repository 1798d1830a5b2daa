/* The s390 CPU as a debug context (see debug_s390.h). */
#include "tools/machines/debug_s390.h"

#include <inttypes.h>
#include <stdio.h>

#include "core/endian.h"
#include "core/mem.h"
#include "mmu/s390_dat.h"
#include "tools/machines/debug_text.h"

const char *const dbg_s390_spaces[3] = { "real", "abs", "va" };

void dbg_s390_reg_table(struct dbg_reg *regs, char (*names)[24])
{
    static const struct { const char *fmt; unsigned first, bits; enum dbg_reg_group group; } sets[] = {
        { "r%u", S_R0, 64, DBG_REG_GPR },
        { "acr%u", S_ACR0, 32, DBG_REG_VECTOR },
        { "f%u", S_F0, 64, DBG_REG_VECTOR },
        { "cr%u", S_CR0, 64, DBG_REG_SYSREG },
    };
    regs[S_PSWM] = (struct dbg_reg){ "pswm", 64, DBG_REG_FLAGS };
    regs[S_PSWA] = (struct dbg_reg){ "pswa", 64, DBG_REG_PC };
    for (unsigned s = 0; s < 4; s++)
        for (unsigned i = 0; i < 16; i++) {
            char *name = names[s * 16 + i];
            snprintf(name, 24, sets[s].fmt, i);
            regs[sets[s].first + i] = (struct dbg_reg){ name, sets[s].bits, sets[s].group };
        }
    regs[S_FPC] = (struct dbg_reg){ "fpc", 32, DBG_REG_VECTOR };
    regs[S_PREFIX] = (struct dbg_reg){ "prefix", 32, DBG_REG_SYSREG };
}

int dbg_s390_reg(struct s390_cpu *c, unsigned idx, uint64_t val[2], const uint64_t *wr)
{
    val[1] = 0;
    if (idx == S_PSWM) {
        if (wr)
            s390_load_psw(c, wr[0], c->psw.addr);
        val[0] = s390_psw_mask(c);
    } else if (idx == S_PSWA) {
        if (wr)
            s390_load_psw(c, s390_psw_mask(c), wr[0]);
        val[0] = c->psw.addr;
    } else if (idx >= S_R0 && idx < S_R0 + 16) {
        if (wr)
            c->gr[idx - S_R0] = wr[0];
        val[0] = c->gr[idx - S_R0];
    } else if (idx >= S_ACR0 && idx < S_ACR0 + 16) {
        if (wr)
            c->ar[idx - S_ACR0] = (uint32_t)wr[0];
        val[0] = c->ar[idx - S_ACR0];
    } else if (idx >= S_F0 && idx < S_F0 + 16) {
        if (wr)
            c->vr[idx - S_F0].d[0] = wr[0];   /* FPR n is the leftmost doubleword of VR n */
        val[0] = c->vr[idx - S_F0].d[0];
    } else if (idx >= S_CR0 && idx < S_CR0 + 16) {
        if (wr) {
            c->cr[idx - S_CR0] = wr[0];
            s390_tlb_flush(c);
        }
        val[0] = c->cr[idx - S_CR0];
    } else if (idx == S_FPC) {
        if (wr)
            c->fpc = (uint32_t)wr[0];
        val[0] = c->fpc;
    } else if (idx == S_PREFIX) {
        if (wr) {
            c->prefix = (uint32_t)wr[0] & 0x7FFFE000u;
            s390_tlb_flush(c);
        }
        val[0] = c->prefix;
    } else {
        return -1;
    }
    return 0;
}

static int dat_read_entry(void *opaque, uint64_t abs, uint64_t *entry)
{
    struct s390_cpu *c = opaque;
    uint8_t *p = ram_ptr(c->ram, abs, 8);
    if (!p)
        return -1;
    *entry = ld_be64(p);
    return 0;
}

bool dbg_s390_va_to_abs(struct s390_cpu *c, uint64_t va, uint64_t *abs)
{
    if (!(c->psw.mask & PSW_MASK_DAT)) {
        *abs = s390_prefix(va, c->prefix);
        return true;
    }
    struct s390_dat_opts o = { c->edat1, c->edat2, c->prefix, 0 };
    struct s390_dat_result r;
    struct s390_dat_fault f;
    if (s390_dat_translate(c->cr[1], va, false, &o, dat_read_entry, c, &r, &f) != 0)
        return false;
    *abs = r.absolute ? r.real : s390_prefix(r.real, c->prefix);
    return true;
}

bool dbg_s390_to_abs(struct s390_cpu *c, unsigned space, uint64_t addr, uint64_t *abs)
{
    if (space == 1) {
        *abs = addr;
        return true;
    }
    if (space == 0) {
        *abs = s390_prefix(addr, c->prefix);
        return true;
    }
    return dbg_s390_va_to_abs(c, addr, abs);
}

struct map_ctx {
    struct s390_cpu *c;
    unsigned space;
};

static uint8_t *map(void *opaque, uint64_t addr, size_t n)
{
    struct map_ctx *m = opaque;
    uint64_t abs;
    return dbg_s390_to_abs(m->c, m->space, addr, &abs) ? ram_ptr(m->c->ram, abs, n) : NULL;
}

size_t dbg_s390_mem(struct s390_cpu *c, unsigned space, uint64_t addr, uint8_t *buf, size_t len, bool write)
{
    struct map_ctx m = { c, space };
    size_t done = dbg_mem_copy(map, &m, addr, buf, len, write);
    if (write && done)
        s390_tlb_flush(c);
    return done;
}

int dbg_s390_text(struct dbg_tb *b, struct s390_cpu *c, enum dbg_text what, uint64_t va, const char *label)
{
    uint64_t abs;
    switch (what) {
    case DBG_TEXT_FLAGS:
        dbg_s390_flags_text(b, c);
        return 0;
    case DBG_TEXT_TLB:
        dbg_tb_out(b, "s390 %s TLB\n", label);
        dbg_tlb_text(b, &c->tlb, label);
        return 0;
    case DBG_TEXT_XLATE:
        /* primary-space DAT (Principles of Operation, "Dynamic Address Translation") */
        dbg_tb_out(b, "s390 VA 0x%016" PRIx64 ": DAT %s, primary ASCE (CR1) 0x%016" PRIx64 "\n", va,
                   c->psw.mask & PSW_MASK_DAT ? "on" : "off", c->cr[1]);
        if (dbg_s390_va_to_abs(c, va, &abs))
            dbg_tb_out(b, "  -> absolute 0x%016" PRIx64 " (prefix 0x%08x)\n", abs, c->prefix);
        else
            dbg_tb_out(b, "  translation exception\n");
        return 0;
    default:
        return -1;
    }
}

void dbg_s390_watch_stop(struct s390_cpu *c, const struct s390_watch *list, unsigned n, struct dbg_stop *st)
{
    const struct s390_watch_hit *h = &c->watch_hit;
    const struct s390_watch *w = &list[h->index < n ? h->index : 0];
    st->kind = DBG_STOP_WATCHPOINT;
    st->addr = h->addr > w->addr ? h->addr : w->addr;
    st->write = h->write;
    snprintf(st->text, sizeof(st->text), "(%" PRIu64 "-byte %s at 0x%016" PRIx64 " by the instruction at 0x%016" PRIx64
             ")", h->len, h->write ? "store" : "fetch", h->addr, h->ia);
    c->watch_hit_valid = false;
}
