/* Storage access for the CPU (PoP ch. 3): logical -> real (DAT, mmu/s390_dat.h) -> absolute
 * (prefixing), key-controlled protection, low-address protection, DAT protection, reference and change
 * bits, all cached per 4 KiB page in the mmu/tlb.h TLB. An access exception aborts the instruction
 * through s390_program_teid(). */
#include <string.h>

#include "core/endian.h"
#include "mmu/s390_dat.h"
#include "s390/exec.h"
#include "s390/interrupt.h"

/* Storage-key bits (PoP "Storage Keys"): ACC in bits 0-3, then F, R, C. */
#define SKEY_F 0x08
#define SKEY_R 0x04
#define SKEY_C 0x02

int s390_dat_read_entry(void *opaque, uint64_t abs, uint64_t *entry)
{
    struct s390_cpu *c = opaque;
    return ram_ld_be(c->ram, abs, 8, entry);
}

/* Low-address protection (PoP "Low-Address Protection"): stores to effective addresses 0-511 and
 * 4096-4607 are refused when CR0 bit 35 is one. */
static bool lap_hit(const struct s390_cpu *c, uint64_t va)
{
    return (c->cr[0] & CR0_LAP) && ((va & ~0x1ffULL) == 0 || (va & ~0x1ffULL) == 0x1000);
}

/* ...except for DAT-translated accesses through an ASCE with the private-space control. */
static bool lap_applies(const struct s390_cpu *c, uint64_t va, bool dat, uint64_t asce)
{
    return lap_hit(c, va) && !(dat && (asce & S390_ASCE_P));
}

/* Address-space designation for an access: instruction fetches in the secondary-space mode use the
 * primary space; AR mode is treated as primary (ALETs other than 0 are not modelled). */
static uint64_t asce_for(const struct s390_cpu *c, int which, unsigned *asid)
{
    unsigned asc = (unsigned)((c->psw.mask & PSW_MASK_ASC) >> 46);
    if (asc == PSW_ASC_HOME) {
        *asid = 3;
        return c->cr[13];
    }
    if (asc == PSW_ASC_SECONDARY && which != 2) {
        *asid = 2;
        return c->cr[7];
    }
    *asid = 0;
    return c->cr[1];
}

int s390_translate(struct s390_cpu *c, uint64_t va, int which, uint64_t *abs, uint64_t *teid)
{
    uint64_t real = va, asce = 0;
    bool dat = c->psw.mask & PSW_MASK_DAT, absolute = false;
    *teid = 0;
    if (dat) {
        unsigned asid;
        asce = asce_for(c, which, &asid);
        struct s390_dat_opts opts = { c->edat1, c->edat2, c->prefix, (uint8_t)asid };
        struct s390_dat_result res;
        struct s390_dat_fault f;
        if (s390_dat_translate(asce, va, which == 1, &opts, s390_dat_read_entry, c, &res, &f) != 0) {
            *teid = (f.teid & ~3ULL) | asid;
            qlog(LOG_MMU, "s390: DAT fault pic 0x%04x va 0x%016llx teid 0x%016llx\n", f.pic,
                 (unsigned long long)va, (unsigned long long)*teid);
            return f.pic;
        }
        if (which == 1 && res.protected_) {
            *teid = (va & ~0xfffULL) | 0x4 | asid; /* TEID bit 61: DAT protection */
            return PGM_PROTECTION;
        }
        real = res.real;
        absolute = res.absolute;
    }
    if (which == 1 && lap_applies(c, va, dat, asce)) {
        *teid = va & ~0xfffULL;
        return PGM_PROTECTION;
    }
    /* EDAT large frames hold absolute addresses; everything else is real and gets prefixed. */
    uint64_t a = absolute ? real : s390_prefix(real, c->prefix);
    if (!ram_contains(c->ram, a, 1))
        return PGM_ADDRESSING;
    unsigned key = (unsigned)((c->psw.mask & PSW_MASK_KEY) >> 52);
    uint8_t *sk = &c->skeys[a >> 12];
    if (key != 0 && (*sk >> 4) != key && (which == 1 || (*sk & SKEY_F))) {
        *teid = va & ~0xfffULL;
        return PGM_PROTECTION;
    }
    *sk |= SKEY_R | (which == 1 ? SKEY_C : 0);
    *abs = a;
    return 0;
}

/* ---- debugger data watchpoints ---- */

static unsigned watch_page_access(const struct s390_cpu *c, uint64_t va)
{
    uint64_t page = va & ~TLB_PAGE_MASK;
    unsigned acc = 0;
    for (unsigned i = 0; i < c->nwatch; i++) {
        const struct s390_watch *w = &c->watch[i];
        if (w->len && w->addr <= page + TLB_PAGE_MASK && page <= w->addr + (w->len - 1))
            acc |= w->access;
    }
    return acc;
}

/* A completed access of [addr, addr + len) (which: 0 fetch, 1 store): the instruction's first hit is
 * recorded and the run ends after the instruction. */
static void watch_check(struct s390_cpu *c, uint64_t addr, uint64_t len, int which)
{
    unsigned acc = which == 1 ? S390_WATCH_W : S390_WATCH_R;
    if (c->watch_hit_valid || len == 0)
        return;
    for (unsigned i = 0; i < c->nwatch; i++) {
        const struct s390_watch *w = &c->watch[i];
        if (!(w->access & acc) || !w->len || w->addr > addr + (len - 1) || addr > w->addr + (w->len - 1))
            continue;
        c->watch_hit = (struct s390_watch_hit){ addr, len, which == 1, c->int_ia, i };
        c->watch_hit_valid = true;
        s390_stop_run(c, S390_STOP_BREAK, 0);
        return;
    }
}

void s390_set_watchpoints(struct s390_cpu *c, const struct s390_watch *w, unsigned n)
{
    c->watch = n ? w : NULL;
    c->nwatch = n;
    c->watch_hit_valid = false;
    s390_tlb_flush(c);
}

/* Host pointer for byte `va` (logical) for an access of kind `which` (0 fetch, 1 store, 2
 * instruction fetch); fills the TLB. Raises the access exception. */
static uint8_t *host_ptr(struct s390_cpu *c, uint64_t va, int which)
{
    uint64_t abs, teid;
    int pic = s390_translate(c, va, which, &abs, &teid);
    if (pic) {
        if (pic == PGM_ADDRESSING)
            s390_program_exception(c, PGM_ADDRESSING);
        s390_program_teid(c, (uint16_t)pic, teid);
    }
    uint8_t *host = c->ram->host + abs;
    unsigned perm = which == 1 ? 7 : 5;
    bool secondary = ((c->psw.mask & PSW_MASK_ASC) >> 46) == PSW_ASC_SECONDARY && (c->psw.mask & PSW_MASK_DAT);
    if (secondary)
        perm = which == 2 ? 4 : (perm & 3);
    if (which == 1 && (c->cr[0] & CR0_LAP) && va < 0x2000)
        perm &= ~2u; /* keep checking low-address protection per store */
    tlb_fill(&c->tlb, va, abs & ~TLB_PAGE_MASK, host - (va & TLB_PAGE_MASK), perm, false, 0);
    if (__builtin_expect(c->nwatch != 0, 0) && watch_page_access(c, va)) {
        /* watched page: reads and stores take the slow path (a read watch slows stores too, for
         * the pointer accessors of interlocked updates); fetches keep the fast path */
        struct tlb_entry *e = tlb_entry_for(c->tlb.cur, va);
        if (e->tag_r != TLB_INVALID)
            e->tag_r |= TLB_F_SLOW;
        if (e->tag_w != TLB_INVALID)
            e->tag_w |= TLB_F_SLOW;
    }
    return host;
}

static inline uint8_t *page_ptr(struct s390_cpu *c, uint64_t va, unsigned size, int which)
{
    uint8_t *p = tlb_fast(&c->tlb, va, size, which);
    return p ? p : host_ptr(c, va, which);
}

uint64_t s390_ld(struct s390_cpu *c, uint64_t addr, unsigned size)
{
    uint8_t *p = tlb_fast(&c->tlb, addr, size, 0);
    if (__builtin_expect(p != NULL, 1))
        return ld_be(p, size);
    if ((addr & TLB_PAGE_MASK) + size <= TLB_PAGE_SIZE) {
        uint64_t v = ld_be(host_ptr(c, addr, 0), size);
        if (__builtin_expect(c->nwatch != 0, 0))
            watch_check(c, addr, size, 0);
        return v;
    }
    uint8_t buf[8];
    s390_ld_bytes(c, addr, buf, size);
    return ld_be(buf, size);
}

void s390_st(struct s390_cpu *c, uint64_t addr, unsigned size, uint64_t val)
{
    uint8_t *p = tlb_fast(&c->tlb, addr, size, 1);
    if (__builtin_expect(p != NULL, 1)) {
        st_be(p, size, val);
        return;
    }
    if ((addr & TLB_PAGE_MASK) + size <= TLB_PAGE_SIZE && !lap_hit(c, addr + size - 1)) {
        st_be(host_ptr(c, addr, 1), size, val);
        if (__builtin_expect(c->nwatch != 0, 0))
            watch_check(c, addr, size, 1);
        return;
    }
    uint8_t buf[8];
    st_be(buf, size, val);
    s390_st_bytes(c, addr, buf, size);
}

/* Operands may wrap at the end of the addressing mode's range (PoP "Address Wraparound"). */
void s390_probe(struct s390_cpu *c, uint64_t addr, uint64_t len, int which)
{
    uint64_t am = s390_amask(c);
    uint64_t done = 0;
    while (done < len) {
        uint64_t va = (addr + done) & am;
        uint64_t chunk = TLB_PAGE_SIZE - (va & TLB_PAGE_MASK);
        if (which == 1 && lap_hit(c, va))
            host_ptr(c, va, 1);
        if (!tlb_fast(&c->tlb, va, 1, which))
            host_ptr(c, va, which);
        done += chunk;
    }
}

void s390_ld_bytes(struct s390_cpu *c, uint64_t addr, void *buf, size_t len)
{
    uint64_t am = s390_amask(c);
    uint8_t *out = buf;
    size_t done = 0;
    while (done < len) {
        uint64_t va = (addr + done) & am;
        size_t chunk = TLB_PAGE_SIZE - (va & TLB_PAGE_MASK);
        if (chunk > len - done)
            chunk = len - done;
        if ((am & (va + chunk - 1)) != va + chunk - 1)
            chunk = (size_t)(am - va + 1);
        memcpy(out + done, page_ptr(c, va, 1, 0), chunk);
        if (__builtin_expect(c->nwatch != 0, 0))
            watch_check(c, va, chunk, 0);
        done += chunk;
    }
}

void s390_st_bytes(struct s390_cpu *c, uint64_t addr, const void *buf, size_t len)
{
    s390_probe(c, addr, len, 1);
    uint64_t am = s390_amask(c);
    const uint8_t *in = buf;
    size_t done = 0;
    while (done < len) {
        uint64_t va = (addr + done) & am;
        size_t chunk = TLB_PAGE_SIZE - (va & TLB_PAGE_MASK);
        if (chunk > len - done)
            chunk = len - done;
        if ((am & (va + chunk - 1)) != va + chunk - 1)
            chunk = (size_t)(am - va + 1);
        uint8_t *p = tlb_fast(&c->tlb, va, 1, 1);
        if (!p)
            p = host_ptr(c, va, 1);
        memcpy(p, in + done, chunk);
        if (__builtin_expect(c->nwatch != 0, 0))
            watch_check(c, va, chunk, 1);
        done += chunk;
    }
}

/* Byte access through the TLB, for string instructions. */
uint8_t s390_ld8(struct s390_cpu *c, uint64_t addr)
{
    uint8_t *p = tlb_fast(&c->tlb, addr, 1, 0);
    if (__builtin_expect(p != NULL, 1))
        return *p;
    uint8_t v = *host_ptr(c, addr, 0);
    if (__builtin_expect(c->nwatch != 0, 0))
        watch_check(c, addr, 1, 0);
    return v;
}

void s390_st8(struct s390_cpu *c, uint64_t addr, uint8_t v)
{
    uint8_t *p = tlb_fast(&c->tlb, addr, 1, 1);
    if (!p) {
        p = host_ptr(c, addr, 1);
        if (__builtin_expect(c->nwatch != 0, 0))
            watch_check(c, addr, 1, 1);
    }
    *p = v;
}

/* (the caller accesses through the pointer: counted as the access, before it happens) */
uint8_t *s390_page_ptr(struct s390_cpu *c, uint64_t addr, unsigned len, int which)
{
    uint8_t *p = tlb_fast(&c->tlb, addr, len, which);
    if (__builtin_expect(p != NULL, 1))
        return p;
    p = host_ptr(c, addr, which);
    if (__builtin_expect(c->nwatch != 0, 0) && which != 2)
        watch_check(c, addr, len, which);
    return p;
}

void s390_fetch_insn(struct s390_cpu *c, uint64_t addr, uint8_t code[6])
{
    uint8_t *p = tlb_fast(&c->tlb, addr, 6, 2);
    if (__builtin_expect(p != NULL, 1)) {
        memcpy(code, p, 6);
        return;
    }
    uint64_t am = s390_amask(c);
    p = page_ptr(c, addr, 2, 2);
    code[0] = p[0];
    code[1] = p[1];
    unsigned len = s390_ilen(code[0]);
    for (unsigned i = 2; i < 6; i += 2) {
        if (i < len) {
            p = page_ptr(c, (addr + i) & am, 2, 2);
            code[i] = p[0];
            code[i + 1] = p[1];
        } else {
            code[i] = code[i + 1] = 0;
        }
    }
}

int s390_real_read(struct s390_cpu *c, uint64_t real, void *buf, size_t len)
{
    uint8_t *out = buf;
    for (size_t done = 0; done < len;) {
        uint64_t r = real + done;
        size_t chunk = TLB_PAGE_SIZE - (r & TLB_PAGE_MASK);
        if (chunk > len - done)
            chunk = len - done;
        if (ram_read(c->ram, s390_prefix(r, c->prefix), out + done, chunk) != 0)
            return -1;
        done += chunk;
    }
    return 0;
}

int s390_real_write(struct s390_cpu *c, uint64_t real, const void *buf, size_t len)
{
    const uint8_t *in = buf;
    for (size_t done = 0; done < len;) {
        uint64_t r = real + done;
        size_t chunk = TLB_PAGE_SIZE - (r & TLB_PAGE_MASK);
        if (chunk > len - done)
            chunk = len - done;
        if (ram_write(c->ram, s390_prefix(r, c->prefix), in + done, chunk) != 0)
            return -1;
        done += chunk;
    }
    return 0;
}

uint64_t s390_real_ld(struct s390_cpu *c, uint64_t real, unsigned size)
{
    uint8_t b[8] = { 0 };
    s390_real_read(c, real, b, size);
    return ld_be(b, size);
}

void s390_real_st(struct s390_cpu *c, uint64_t real, unsigned size, uint64_t v)
{
    uint8_t b[8];
    st_be(b, size, v);
    s390_real_write(c, real, b, size);
}

static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* A TLB bank per translation context: DAT on/off, address-space control, PSW key and the ASCEs. */
void s390_tlb_update_context(struct s390_cpu *c)
{
    uint64_t m = c->psw.mask & (PSW_MASK_DAT | PSW_MASK_ASC | PSW_MASK_KEY);
    uint64_t ctx = mix64(m);
    if (m & PSW_MASK_DAT)
        ctx = mix64(ctx ^ c->cr[1]) ^ mix64(c->cr[7] + 1) ^ mix64(c->cr[13] + 2);
    if (ctx == c->tlb_context && c->tlb.cur->valid)
        return;
    c->tlb_context = ctx;
    tlb_set_select(&c->tlb, ctx);
}

void s390_tlb_flush(struct s390_cpu *c)
{
    tlb_set_flush(&c->tlb);
    c->tlb.cur->context = c->tlb_context;
}
