/* Memory accesses of the EL1&0 regime: alignment checks, the software TLB (one struct tlb_set per
 * privilege view: EL0, EL1, EL1 under PSTATE.PAN; banks selected by ASID), stage-1 translation through
 * mmu/arm_s1.h when SCTLR_EL1.M = 1 (and not HCR_EL2.DC), and the env hook that resolves an IPA to
 * RAM or MMIO. Faults become data/instruction aborts at EL1 (Arm ARM D8 "The AArch64 Virtual Memory
 * System Architecture", D17.2.37 ESR_ELx ISS encodings). */
#include <string.h>

#include "arm64/cpu_model.h"
#include "arm64/internal.h"
#include "core/endian.h"
#include "mmu/arm_s1.h"

enum { T_R = 0, T_W = 1, T_X = 2 };

#define FSC_SEA 0x10u
#define FSC_ALIGN 0x21u

static inline unsigned view_of(const struct arm64_cpu *c, int type, unsigned flags)
{
    if (c->el == 0 || (flags & MEM_UNPRIV))
        return ARM64_TLB_EL0;
    if (type != T_X && c->pan)
        return ARM64_TLB_EL1_PAN;
    return ARM64_TLB_EL1;
}

/* Data or instruction abort to EL1 (EC 0x20/0x21, 0x24/0x25). */
static void raise_abort(struct arm64_cpu *c, uint64_t va, int type, unsigned flags, unsigned fsc, bool s1ptw)
{
    if (type == T_X) {
        arm64_exc_far(c, c->el ? EC_IABT_CUR : EC_IABT_LOW, fsc | (uint32_t)s1ptw << 7, va);
        return;
    }
    uint32_t iss = fsc | (uint32_t)s1ptw << 7;
    if (flags & MEM_CM)
        iss |= 1u << 8;
    if (flags & (MEM_WRITE | MEM_RMW | MEM_CM))
        iss |= 1u << 6; /* WnR */
    arm64_exc_far(c, c->el ? EC_DABT_CUR : EC_DABT_LOW, iss, va);
}

/* ---- stage 1 ---- */

struct walk_ctx {
    struct arm64_cpu *c;
    uint64_t va;
    int type;
    bool debug;
    bool nullified;
};

static int desc_read(void *opaque, uint64_t ipa, int level, uint64_t *desc)
{
    struct walk_ctx *w = opaque;
    struct arm64_cpu *c = w->c;
    struct arm64_access_info info = { w->va, ipa, w->type == T_X ? EC_IABT_LOW : EC_DABT_LOW, 1u << 7, level };
    struct arm64_phys p = { 0 };
    unsigned fl = ARM64_PHYS_READ | ARM64_PHYS_WALK | (w->debug ? ARM64_PHYS_DEBUG : 0);
    enum arm64_phys_result r = c->env->phys(c->env_opaque, c, ipa & ~7ULL, fl, &info, &p);
    if (r == ARM64_PHYS_NULLIFY) {
        w->nullified = true;
        return -1;
    }
    if (r != ARM64_PHYS_OK || !p.host)
        return -1; /* a walk into MMIO is an external abort on the walk */
    *desc = ld_le64(p.host);
    return 0;
}

static void s1_regs(const struct arm64_cpu *c, struct arm_s1_regs *r)
{
    r->sctlr = c->sr.sctlr;
    r->tcr = c->sr.tcr;
    r->ttbr0 = c->sr.ttbr0;
    r->ttbr1 = c->sr.ttbr1;
    r->mair = c->sr.mair;
    r->pa_range = ARM64_MODEL_PARANGE;
    r->hcr_dc = c->el2_present && (c->el2.hcr & HCR_DC);
}

struct xlat {
    uint64_t pa;
    unsigned perm;   /* 1 R, 2 W, 4 X for the view */
    bool large;
    uint8_t attr;
};

enum xlat_result { X_OK, X_FAULT, X_NULLIFIED };

/* Translate va for an access of `type` in `view` (SCTLR_EL1.M = 0 or HCR_EL2.DC: the flat mapping
 * of AArch64.S1DisabledOutput, also done by arm_s1_translate). On a fault fills *fsc / *s1ptw. */
static enum xlat_result translate(struct arm64_cpu *c, uint64_t va, int type, unsigned view, bool debug,
                                  struct xlat *x, unsigned *fsc, bool *s1ptw)
{
    *s1ptw = false;
    struct arm_s1_regs regs;
    s1_regs(c, &regs);
    struct arm_s1_access acc = { va, (enum arm_access)type, view == ARM64_TLB_EL0, view == ARM64_TLB_EL1_PAN };
    struct walk_ctx w = { c, va, type, debug, false };
    struct arm_s1_result res;
    struct arm_s1_fault f;
    memset(&res, 0, sizeof(res));
    memset(&f, 0, sizeof(f));
    if (arm_s1_translate(&regs, &acc, desc_read, &w, &res, &f) != 0) {
        if (w.nullified)
            return X_NULLIFIED;
        *fsc = arm_s1_fsc(&f);
        *s1ptw = f.s1ptw;
        qlog(LOG_MMU, "arm64: stage-1 fault va 0x%016llx type %d fsc 0x%02x\n", (unsigned long long)va, type, *fsc);
        return X_FAULT;
    }
    x->pa = res.pa;
    x->large = res.page_size > TLB_PAGE_SIZE;
    x->attr = res.attr;
    x->perm = 0;
    for (int t = 0; t < 3; t++) {
        struct arm_s1_access a2 = acc;
        a2.type = (enum arm_access)t;
        if (t == T_X)
            a2.pan = false;
        if (arm_s1_permitted(res.prot, &a2, c->sr.sctlr))
            x->perm |= 1u << t;
    }
    x->perm |= 1u << type; /* the walk checked this access */
    return X_OK;
}

/* Ask the env for the IPA; fault/nullify handling. */
static bool phys_lookup(struct arm64_cpu *c, uint64_t va, uint64_t pa, int type, unsigned flags, uint32_t iss,
                        struct arm64_phys *p)
{
    struct arm64_access_info info = { va, pa, type == T_X ? EC_IABT_LOW : EC_DABT_LOW, 0, 0 };
    if (type != T_X) {
        info.iss = iss;
        if (flags & MEM_CM)
            info.iss |= 1u << 8;
        if (flags & (MEM_WRITE | MEM_RMW | MEM_CM))
            info.iss |= 1u << 6;
    }
    memset(p, 0, sizeof(*p));
    enum arm64_phys_result r = c->env->phys(c->env_opaque, c, pa, (unsigned)type, &info, p);
    if (r == ARM64_PHYS_OK)
        return true;
    if (r == ARM64_PHYS_NULLIFY) {
        c->nullified = true;
        return false;
    }
    qlog(LOG_GUEST_ERRORS, "arm64: external abort: pa 0x%016llx (va 0x%016llx)\n", (unsigned long long)pa,
         (unsigned long long)va);
    raise_abort(c, va, type, flags, FSC_SEA, false);
    return false;
}

/* ---- debugger data watchpoints ---- */

/* The access types watched anywhere on the page of va (ARM64_WATCH_R/W). */
static unsigned watch_page_access(const struct arm64_cpu *c, uint64_t va)
{
    uint64_t page = va & ~TLB_PAGE_MASK;
    unsigned acc = 0;
    for (unsigned i = 0; i < c->nwatch; i++) {
        const struct arm64_watch *w = &c->watch[i];
        if (w->len && w->va <= page + TLB_PAGE_MASK && page <= w->va + (w->len - 1))
            acc |= w->access;
    }
    return acc;
}

/* A page just filled: watched access types take the slow path from now on. */
static void watch_mark_page(struct arm64_cpu *c, struct tlb_set *s, uint64_t va)
{
    unsigned acc = watch_page_access(c, va);
    struct tlb_entry *e = tlb_entry_for(s->cur, va);
    if ((acc & ARM64_WATCH_R) && e->tag_r != TLB_INVALID)
        e->tag_r |= TLB_F_SLOW;
    /* read-modify-writes (atomics) translate for write: a read watch slows the write tag too */
    if (acc && e->tag_w != TLB_INVALID)
        e->tag_w |= TLB_F_SLOW;
}

/* After a completed slow-path access: record the first hit of the instruction and ask the run
 * loop to stop once the instruction has completed. */
static void watch_check(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned flags)
{
    unsigned acc = (flags & MEM_WRITE) ? ARM64_WATCH_W : (flags & MEM_RMW) ? ARM64_WATCH_R | ARM64_WATCH_W
                                                                           : ARM64_WATCH_R;
    for (unsigned i = 0; i < c->nwatch; i++) {
        const struct arm64_watch *w = &c->watch[i];
        if (!(w->access & acc) || !w->len || w->va > va + (len - 1) || va > w->va + (w->len - 1))
            continue;
        if (c->watch_hit_valid)
            return;   /* the instruction's first hit is the one reported */
        c->watch_hit = (struct arm64_watch_hit){ va, len, (acc & w->access & ARM64_WATCH_W) != 0, c->pc, i };
        c->watch_hit_valid = true;
        arm64_request_stop(c, ARM64_STOP_WATCH);
        if (c->watch_hook)
            c->watch_hook(c->watch_opaque, c);
        return;
    }
}

void arm64_set_watchpoints(struct arm64_cpu *c, const struct arm64_watch *w, unsigned n,
                           void (*hook)(void *opaque, struct arm64_cpu *cpu), void *opaque)
{
    c->watch = n ? w : NULL;
    c->nwatch = n;
    c->watch_hook = n ? hook : NULL;
    c->watch_opaque = n ? opaque : NULL;
    c->watch_hit_valid = false;
    if (c->stop_request && c->stop_reason == ARM64_STOP_WATCH)   /* a stale hit's stop */
        __atomic_store_n(&c->stop_request, false, __ATOMIC_SEQ_CST);
    arm64_tlb_flush_all(c);
}

/* Resolve the page of va: host pointer for va (RAM) or the MMIO handler in *p, and the PA. */
static bool resolve(struct arm64_cpu *c, uint64_t va, int type, unsigned flags, uint32_t iss,
                    struct arm64_phys *p, uint64_t *pa_out)
{
    unsigned view = view_of(c, type, flags);
    struct tlb_set *s = &c->tlb[view];
    struct tlb_entry *e = tlb_entry_for(s->cur, va);
    uint64_t page = va & ~TLB_PAGE_MASK;
    uint64_t tag = type == T_R ? e->tag_r : type == T_W ? e->tag_w : e->tag_x;
    if ((tag & ~TLB_F_SLOW) == page) {
        uint64_t pa = e->phys_page | (va & TLB_PAGE_MASK);
        *pa_out = pa;
        if (!(tag & TLB_F_SLOW)) {
            memset(p, 0, sizeof(*p));
            p->host = (uint8_t *)(uintptr_t)(va + e->addend);
            return true;
        }
        s->hits_slow++;
        return phys_lookup(c, va, pa, type, flags, iss, p);
    }
    struct xlat x;
    unsigned fsc = 0;
    bool s1ptw = false;
    enum xlat_result xr_ = translate(c, va, type, view, false, &x, &fsc, &s1ptw);
    if (xr_ == X_NULLIFIED) {
        c->nullified = true;
        return false;
    }
    if (xr_ == X_FAULT) {
        raise_abort(c, va, type, flags, fsc, s1ptw);
        return false;
    }
    if (!phys_lookup(c, va, x.pa, type, flags, iss, p))
        return false;
    *pa_out = x.pa;
    unsigned perm = x.perm & (p->perm ? p->perm : 7u);
    uint8_t *host_page = p->host ? p->host - (x.pa & TLB_PAGE_MASK) : NULL;
    tlb_fill(s, va, x.pa, host_page, perm, host_page == NULL, x.attr);
    if (__builtin_expect(c->nwatch != 0, 0))
        watch_mark_page(c, s, va);
    if (x.large)
        c->tlb_has_large = true;
    return true;
}

static bool align_fault(struct arm64_cpu *c, uint64_t va, unsigned flags)
{
    raise_abort(c, va, (flags & MEM_WRITE) ? T_W : T_R, flags, FSC_ALIGN, false);
    return false;
}

static bool mmio_access(struct arm64_cpu *c, uint64_t va, const struct arm64_phys *p, uint8_t *buf,
                        unsigned len, unsigned esize, bool write, unsigned flags)
{
    unsigned step = esize > 8 ? 8 : esize;
    if (step == 0 || (len % step) != 0)
        step = 1;
    for (unsigned i = 0; i < len; i += step) {
        uint64_t v = 0;
        bool ok;
        if (write) {
            for (unsigned k = 0; k < step; k++)
                v |= (uint64_t)buf[i + k] << (8 * k);
            ok = p->ops->write && p->ops->write(p->mmio_opaque, p->mmio_offset + i, step, v);
        } else {
            ok = p->ops->read && p->ops->read(p->mmio_opaque, p->mmio_offset + i, step, &v);
            if (ok)
                for (unsigned k = 0; k < step; k++)
                    buf[i + k] = (uint8_t)(v >> (8 * k));
        }
        if (!ok) {
            raise_abort(c, va + i, write ? T_W : T_R, flags, FSC_SEA, false);
            return false;
        }
    }
    return true;
}

bool arm64_mem(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned esize, void *buf, unsigned flags,
               uint32_t iss)
{
    bool write = flags & MEM_WRITE;
    int type = (write || (flags & MEM_RMW)) ? T_W : T_R;
    /* Alignment: always for exclusives/atomics (whole access), and per element when SCTLR_EL1.A = 1 */
    if ((flags & MEM_ALIGN) && (va & (len - 1)))
        return align_fault(c, va, flags);
    if ((c->sr.sctlr & 2) && esize && (va & (esize - 1)))
        return align_fault(c, va, flags);
    if (__builtin_expect(c->wp_armed, 0) && arm64_watchpoint_hit(c, va, len, flags))
        return false;
    unsigned off = va & TLB_PAGE_MASK;
    if (__builtin_expect(off + len <= TLB_PAGE_SIZE, 1)) {
        uint8_t *h = tlb_fast(&c->tlb[view_of(c, type, flags)], va, len, type);
        if (__builtin_expect(h != NULL, 1)) {
            if (write)
                memcpy(h, buf, len);
            else
                memcpy(buf, h, len);
            return true;
        }
    }
    /* slow path: resolve every page first, so that a fault leaves memory untouched */
    unsigned len1 = off + len <= TLB_PAGE_SIZE ? len : TLB_PAGE_SIZE - off;
    struct arm64_phys p1, p2;
    uint64_t pa1, pa2;
    if (!resolve(c, va, type, flags, iss, &p1, &pa1))
        return false;
    if (len1 < len && !resolve(c, va + len1, type, flags, iss, &p2, &pa2))
        return false;
    uint8_t *b = buf;
    for (int part = 0; part < 2; part++) {
        const struct arm64_phys *p = part ? &p2 : &p1;
        unsigned plen = part ? len - len1 : len1;
        uint8_t *pb = b + (part ? len1 : 0);
        if (plen == 0)
            break;
        if (p->host) {
            if (write)
                memcpy(p->host, pb, plen);
            else
                memcpy(pb, p->host, plen);
        } else if (!mmio_access(c, va + (part ? len1 : 0), p, pb, plen, part || len1 < len ? 1 : esize, write,
                                flags)) {
            return false;
        }
    }
    if (__builtin_expect(c->nwatch != 0, 0))
        watch_check(c, va, len, flags);
    return true;
}

/* Fetch through resolve(): a TLB miss, a slow page or a fault (kept out of line so that the hit path
 * of arm64_fetch stays a leaf without a stack frame). */
static __attribute__((noinline)) bool fetch_slow(struct arm64_cpu *c, uint64_t pc, uint32_t *insn)
{
    struct arm64_phys p;
    uint64_t pa;
    if (!resolve(c, pc, T_X, 0, 0, &p, &pa))
        return false;
    if (!p.host) {
        /* instruction fetch from a device: synchronous external abort on the fetch */
        qlog(LOG_GUEST_ERRORS, "arm64: instruction fetch from MMIO at 0x%016llx\n", (unsigned long long)pc);
        raise_abort(c, pc, T_X, 0, FSC_SEA, false);
        return false;
    }
    *insn = ld_le32(p.host);
    return true;
}

bool arm64_fetch(struct arm64_cpu *c, uint32_t *insn)
{
    uint64_t pc = c->pc;
    if (__builtin_expect(pc & 3, 0)) {
        arm64_exc_far(c, EC_PC_ALIGN, 0, pc); /* PC alignment fault (D1.x "PC alignment checking") */
        return false;
    }
    uint8_t *h = tlb_fast(&c->tlb[c->el ? ARM64_TLB_EL1 : ARM64_TLB_EL0], pc, 4, T_X);
    if (__builtin_expect(h != NULL, 1)) {
        *insn = ld_le32(h);
        return true;
    }
    return fetch_slow(c, pc, insn);
}

bool arm64_va_to_pa(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned flags, uint32_t iss, uint64_t *pa)
{
    (void)len;
    struct arm64_phys p;
    return resolve(c, va, (flags & (MEM_WRITE | MEM_RMW)) ? T_W : T_R, flags, iss, &p, pa);
}

bool arm64_check_sp_align(struct arm64_cpu *c, uint64_t sp)
{
    bool check = c->el ? (c->sr.sctlr & (1u << 3)) : (c->sr.sctlr & (1u << 4));
    if (check && (sp & 15)) {
        arm64_exc(c, EC_SP_ALIGN, 0);
        return false;
    }
    return true;
}

bool arm64_dc_zva(struct arm64_cpu *c, uint64_t va)
{
    uint64_t base = va & ~(uint64_t)(ARM64_MODEL_DCZ_BYTES - 1);
    struct arm64_phys p;
    uint64_t pa;
    if (!resolve(c, base, T_W, MEM_WRITE, 0, &p, &pa))
        return false;
    if (c->nwatch)
        watch_check(c, base, ARM64_MODEL_DCZ_BYTES, MEM_WRITE);
    if (p.host) {
        memset(p.host, 0, ARM64_MODEL_DCZ_BYTES);
        return true;
    }
    uint8_t zero[ARM64_MODEL_DCZ_BYTES] = { 0 };
    return mmio_access(c, base, &p, zero, ARM64_MODEL_DCZ_BYTES, 8, true, MEM_WRITE);
}

bool arm64_dc_va_check(struct arm64_cpu *c, uint64_t va)
{
    struct arm64_phys p;
    uint64_t pa;
    return resolve(c, va, T_R, MEM_CM, 0, &p, &pa);
}

uint64_t arm64_at(struct arm64_cpu *c, uint64_t va, bool write, bool el0)
{
    /* AT S1E1R/W, S1E0R/W (C5.5 "A64 address translation instructions"): a stage-1 walk with the
     * permission check of the access; AT S1E1R/W do not apply PSTATE.PAN (no FEAT_PAN2). */
    struct arm_s1_regs regs;
    s1_regs(c, &regs);
    struct arm_s1_access acc = { va, write ? ARM_ACC_WRITE : ARM_ACC_READ, el0, false };
    struct walk_ctx w = { c, va, write ? T_W : T_R, false, false };
    struct arm_s1_result res;
    struct arm_s1_fault f;
    memset(&res, 0, sizeof(res));
    memset(&f, 0, sizeof(f));
    if (arm_s1_translate(&regs, &acc, desc_read, &w, &res, &f) != 0) {
        if (w.nullified) {
            c->nullified = true;
            return c->sr.par;
        }
        return arm_s1_par_fault(&f, false);
    }
    return arm_s1_par_ok(&res);
}

/* ---- TLB maintenance ---- */

void arm64_tlb_select(struct arm64_cpu *c)
{
    uint64_t ttbr = (c->sr.tcr & (1ULL << 22)) ? c->sr.ttbr1 : c->sr.ttbr0; /* TCR_EL1.A1 */
    uint64_t asid = ttbr >> 48;
    if (!(c->sr.tcr & (1ULL << 36))) /* TCR_EL1.AS = 0: 8-bit ASID */
        asid &= 0xFF;
    for (unsigned v = 0; v < ARM64_TLB_VIEWS; v++)
        tlb_set_select(&c->tlb[v], asid);
}

void arm64_tlbi_all(struct arm64_cpu *c)
{
    for (unsigned v = 0; v < ARM64_TLB_VIEWS; v++)
        tlb_set_flush(&c->tlb[v]);
    c->tlb_has_large = false;
    qlog(LOG_MMU, "arm64: TLB flush all\n");
}

void arm64_tlb_flush_all(struct arm64_cpu *c)
{
    arm64_tlbi_all(c);
}

void arm64_tlbi_asid(struct arm64_cpu *c, uint16_t asid)
{
    if (!(c->sr.tcr & (1ULL << 36)))
        asid &= 0xFF;
    for (unsigned v = 0; v < ARM64_TLB_VIEWS; v++)
        tlb_set_flush_context(&c->tlb[v], asid);
}

void arm64_tlbi_va(struct arm64_cpu *c, uint64_t va)
{
    /* A TLBI by VA removes the whole block containing va; blocks are cached as 4 KiB pieces, so
     * when any larger mapping is cached, flush everything (over-invalidation is always allowed). */
    if (c->tlb_has_large) {
        arm64_tlbi_all(c);
        return;
    }
    for (unsigned v = 0; v < ARM64_TLB_VIEWS; v++)
        for (unsigned b = 0; b < TLB_BANKS; b++) {
            struct tlb_entry *e = tlb_entry_for(&c->tlb[v].bank[b], va);
            e->tag_r = e->tag_w = e->tag_x = TLB_INVALID;
        }
}

/* ---- debugger / semihosting access ---- */

int arm64_debug_translate(struct arm64_cpu *c, uint64_t va, uint64_t *pa)
{
    struct xlat x;
    unsigned fsc;
    bool s1ptw;
    if (translate(c, va, T_R, ARM64_TLB_EL1, true, &x, &fsc, &s1ptw) != X_OK)
        return -1;
    *pa = x.pa;
    return 0;
}

static int debug_access(struct arm64_cpu *c, uint64_t va, uint8_t *buf, size_t len, bool write)
{
    while (len) {
        size_t n = TLB_PAGE_SIZE - (va & TLB_PAGE_MASK);
        if (n > len)
            n = len;
        uint64_t pa;
        if (arm64_debug_translate(c, va, &pa) != 0)
            return -1;
        struct arm64_access_info info = { va, pa, EC_DABT_LOW, 0, 0 };
        struct arm64_phys p = { 0 };
        unsigned fl = (write ? ARM64_PHYS_WRITE : ARM64_PHYS_READ) | ARM64_PHYS_DEBUG;
        if (c->env->phys(c->env_opaque, c, pa, fl, &info, &p) != ARM64_PHYS_OK || !p.host)
            return -1;
        if (write)
            memcpy(p.host, buf, n);
        else
            memcpy(buf, p.host, n);
        va += n;
        buf += n;
        len -= n;
    }
    return 0;
}

int arm64_read_va(struct arm64_cpu *c, uint64_t va, void *buf, size_t len)
{
    return debug_access(c, va, buf, len, false);
}

int arm64_write_va(struct arm64_cpu *c, uint64_t va, const void *buf, size_t len)
{
    return debug_access(c, va, (uint8_t *)(uintptr_t)buf, len, true);
}
