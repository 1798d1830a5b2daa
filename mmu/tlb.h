/* Software TLB shared by both CPU models: direct-mapped, one host-pointer addend per entry, so a RAM
 * hit costs one index, one compare and one add, with no table walk and no lock (the QEMU softmmu idea).
 *
 * Tagging: a CPU keeps several banks (struct tlb), one per (privilege view x context) it has seen
 * recently. A context is whatever the architecture switches without requiring invalidation: the Arm
 * ASID, the s390 ASCE (or the SAE control block + hbasce/mso/msl). Switching context selects (or
 * recycles) a bank instead of flushing: see tlb_set_select(). Global entries (Arm nG = 0) are simply
 * refilled in each bank.
 *
 * Entries record separate read/write/execute tags, so permission is part of the hit test. Pages that
 * are MMIO, watched, or hold translated code carry TLB_F_SLOW in the tag's low bits and therefore never
 * hit the fast path. */
#ifndef MMU_TLB_H
#define MMU_TLB_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define TLB_PAGE_BITS 12
#define TLB_PAGE_SIZE (1ULL << TLB_PAGE_BITS)
#define TLB_PAGE_MASK (TLB_PAGE_SIZE - 1)
#define TLB_ENTRIES 512
#define TLB_BANKS 4

/* Low bits of a tag (a page-aligned VA otherwise). */
#define TLB_INVALID 1ULL   /* never matches a page-aligned VA */
#define TLB_F_SLOW  2ULL   /* matches only in the slow path: MMIO, watchpoint, code page */

struct tlb_entry {
    uint64_t tag_r, tag_w, tag_x;  /* page VA, or page VA | TLB_F_SLOW, or TLB_INVALID */
    uintptr_t addend;              /* host address = va + addend (RAM pages) */
    uint64_t phys_page;            /* physical / absolute page address */
    uint32_t attrs;                /* architecture-specific (e.g. Arm MAIR byte, s390 key) */
};

struct tlb {
    uint64_t context;              /* tag of this bank (ASID, ASCE...) */
    uint64_t last_use;
    bool valid;
    struct tlb_entry e[TLB_ENTRIES];
    /* Smallest naturally aligned region covering every entry filled from a mapping larger than a
     * TLB page (Arm blocks, 64K pages, s390 EDAT frames). A by-VA invalidation that hits it must
     * drop the whole bank, because the architecture invalidates the whole block (Arm ARM D8.13
     * "TLB maintenance": an entry is invalidated if it would translate the VA). Valid when
     * has_large. (The QEMU softmmu "large page" idea.) */
    uint64_t large_addr, large_mask;
    bool has_large;
};

/* A CPU's set of banks for one privilege view. */
struct tlb_set {
    struct tlb bank[TLB_BANKS];
    struct tlb *cur;
    uint64_t clock;
    /* statistics */
    uint64_t hits_slow, misses, flushes;
    uint64_t flush_pages, flush_contexts, switches, large_flushes;
};

static inline struct tlb_entry *tlb_entry_for(struct tlb *t, uint64_t va)
{
    return &t->e[(va >> TLB_PAGE_BITS) & (TLB_ENTRIES - 1)];
}

static inline void tlb_bank_clear(struct tlb *t)
{
    for (unsigned i = 0; i < TLB_ENTRIES; i++) {
        t->e[i].tag_r = t->e[i].tag_w = t->e[i].tag_x = TLB_INVALID;
    }
    t->large_addr = t->large_mask = 0;
    t->has_large = false;
}

static inline void tlb_set_init(struct tlb_set *s)
{
    memset(s, 0, sizeof(*s));
    for (unsigned b = 0; b < TLB_BANKS; b++)
        tlb_bank_clear(&s->bank[b]);
    s->cur = &s->bank[0];
    s->cur->valid = true;
}

/* Select the bank for `context`, recycling the least recently used one if none matches. */
static inline void tlb_set_select(struct tlb_set *s, uint64_t context)
{
    if (s->cur->valid && s->cur->context == context)
        return;
    s->switches++;
    /* The bank we leave was in use until now: stamp it so it is not the LRU victim. */
    s->cur->last_use = ++s->clock;
    struct tlb *lru = NULL;
    for (unsigned b = 0; b < TLB_BANKS; b++) {
        struct tlb *t = &s->bank[b];
        if (t->valid && t->context == context) {
            s->cur = t;
            t->last_use = ++s->clock;
            return;
        }
        /* Prefer an unused bank; among used banks, the least recently used. */
        if (!lru || (!t->valid && lru->valid) ||
            (t->valid == lru->valid && t->last_use < lru->last_use))
            lru = t;
    }
    tlb_bank_clear(lru);
    lru->valid = true;
    lru->context = context;
    lru->last_use = ++s->clock;
    s->cur = lru;
}

/* Invalidate everything in every bank. */
static inline void tlb_set_flush(struct tlb_set *s)
{
    for (unsigned b = 0; b < TLB_BANKS; b++) {
        tlb_bank_clear(&s->bank[b]);
        s->bank[b].valid = false;
    }
    s->cur->valid = true;
    s->cur->last_use = ++s->clock;
    s->flushes++;
}

/* Invalidate one context's bank (e.g. TLBI ASIDE1). */
static inline void tlb_set_flush_context(struct tlb_set *s, uint64_t context)
{
    for (unsigned b = 0; b < TLB_BANKS; b++)
        if (s->bank[b].valid && s->bank[b].context == context)
            tlb_bank_clear(&s->bank[b]);
    s->flush_contexts++;
}

/* Invalidate the entries of one VA page in every bank (e.g. TLBI VAAE1, IPTE). */
static inline void tlb_set_flush_page(struct tlb_set *s, uint64_t va)
{
    uint64_t page = va & ~TLB_PAGE_MASK;
    for (unsigned b = 0; b < TLB_BANKS; b++) {
        struct tlb *t = &s->bank[b];
        if (t->has_large && (va & t->large_mask) == t->large_addr) {
            tlb_bank_clear(t);     /* va lies in a block some entries came from */
            s->large_flushes++;
            continue;
        }
        struct tlb_entry *e = tlb_entry_for(t, va);
        if ((e->tag_r & ~3ULL) == page || (e->tag_w & ~3ULL) == page || (e->tag_x & ~3ULL) == page)
            e->tag_r = e->tag_w = e->tag_x = TLB_INVALID;
    }
    s->flush_pages++;
}

/* Invalidate [va, va + len) in every bank: page by page for small ranges, everything otherwise
 * (over-invalidation is always allowed). */
static inline void tlb_set_flush_range(struct tlb_set *s, uint64_t va, uint64_t len)
{
    if (len == 0)
        return;
    uint64_t first = va & ~TLB_PAGE_MASK;
    uint64_t last = (va + len - 1) & ~TLB_PAGE_MASK;
    if (last < first || ((last - first) >> TLB_PAGE_BITS) >= 64) {
        tlb_set_flush(s);
        return;
    }
    for (uint64_t p = first;; p += TLB_PAGE_SIZE) {
        tlb_set_flush_page(s, p);
        if (p == last)
            break;
    }
}

/* Fast path: host pointer for an access of `size` bytes at va that stays inside one page,
 * or NULL (take the slow path). `which` is 0 read, 1 write, 2 execute. */
static inline uint8_t *tlb_fast(struct tlb_set *s, uint64_t va, unsigned size, int which)
{
    struct tlb_entry *e = tlb_entry_for(s->cur, va);
    uint64_t tag = which == 0 ? e->tag_r : which == 1 ? e->tag_w : e->tag_x;
    if (__builtin_expect(tag == (va & ~TLB_PAGE_MASK), 1) &&
        __builtin_expect((va & TLB_PAGE_MASK) + size <= TLB_PAGE_SIZE, 1))
        return (uint8_t *)(uintptr_t)(va + e->addend);
    return NULL;
}

/* Install a translation for the page of va in the current bank. host_page is NULL for MMIO/slow
 * pages. perm bits: 1 read, 2 write, 4 execute. `slow` forces the slow path (but keeps the entry so
 * the slow path can skip the walk). */
static inline void tlb_fill(struct tlb_set *s, uint64_t va, uint64_t phys_page, uint8_t *host_page,
                            unsigned perm, bool slow, uint32_t attrs)
{
    struct tlb_entry *e = tlb_entry_for(s->cur, va);
    uint64_t page = va & ~TLB_PAGE_MASK;
    uint64_t t = page | ((slow || !host_page) ? TLB_F_SLOW : 0);
    e->tag_r = (perm & 1) ? t : TLB_INVALID;
    e->tag_w = (perm & 2) ? t : TLB_INVALID;
    e->tag_x = (perm & 4) ? t : TLB_INVALID;
    e->addend = host_page ? (uintptr_t)host_page - (uintptr_t)page : 0;
    e->phys_page = phys_page & ~TLB_PAGE_MASK;
    e->attrs = attrs;
    s->misses++;
}

/* tlb_fill for a translation that came from a mapping of `map_size` bytes (a power of two >= the
 * TLB page): remembers the block so that a by-VA flush anywhere in it drops the entries. */
static inline void tlb_fill_sized(struct tlb_set *s, uint64_t va, uint64_t phys_page,
                                  uint8_t *host_page, unsigned perm, bool slow, uint32_t attrs,
                                  uint64_t map_size)
{
    tlb_fill(s, va, phys_page, host_page, perm, slow, attrs);
    if (map_size <= TLB_PAGE_SIZE)
        return;
    struct tlb *t = s->cur;
    uint64_t mask = ~(map_size - 1);
    if (!t->has_large) {
        t->has_large = true;
        t->large_mask = mask;
        t->large_addr = va & mask;
        return;
    }
    /* Widen the region until it covers both the old region and the new block (m may reach 0:
     * the whole address space). */
    uint64_t m = t->large_mask & mask;
    while (m && (t->large_addr & m) != (va & m))
        m <<= 1;
    t->large_mask = m;
    t->large_addr = va & m;
}

/* Slow-path lookup: the entry for va in the current bank if it matches for access `which`
 * (0 read, 1 write, 2 execute) with or without TLB_F_SLOW, so the slow path can skip the walk;
 * NULL on a miss. */
static inline struct tlb_entry *tlb_lookup(struct tlb_set *s, uint64_t va, int which)
{
    struct tlb_entry *e = tlb_entry_for(s->cur, va);
    uint64_t tag = which == 0 ? e->tag_r : which == 1 ? e->tag_w : e->tag_x;
    if ((tag & ~TLB_F_SLOW) == (va & ~TLB_PAGE_MASK)) {
        s->hits_slow++;
        return e;
    }
    return NULL;
}

/* Force the slow path for writes to physical page `phys` in every bank (a page that just became
 * translated code: stores must reach the code-page check). Reads and fetches keep the fast path. */
static inline void tlb_set_slow_writes_phys(struct tlb_set *s, uint64_t phys)
{
    uint64_t pp = phys & ~TLB_PAGE_MASK;
    for (unsigned b = 0; b < TLB_BANKS; b++)
        for (unsigned i = 0; i < TLB_ENTRIES; i++) {
            struct tlb_entry *e = &s->bank[b].e[i];
            if (e->phys_page == pp && e->tag_w != TLB_INVALID)
                e->tag_w |= TLB_F_SLOW;
        }
}

/* Invalidate the entries that map physical page `phys` in every bank (e.g. an s390 IPTE, where the
 * host knows the frame but not every VA that maps it). */
static inline void tlb_set_flush_phys(struct tlb_set *s, uint64_t phys)
{
    uint64_t pp = phys & ~TLB_PAGE_MASK;
    for (unsigned b = 0; b < TLB_BANKS; b++)
        for (unsigned i = 0; i < TLB_ENTRIES; i++) {
            struct tlb_entry *e = &s->bank[b].e[i];
            if (e->phys_page == pp)
                e->tag_r = e->tag_w = e->tag_x = TLB_INVALID;
        }
}

#endif
