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
};

/* A CPU's set of banks for one privilege view. */
struct tlb_set {
    struct tlb bank[TLB_BANKS];
    struct tlb *cur;
    uint64_t clock;
    /* statistics */
    uint64_t hits_slow, misses, flushes;
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
    struct tlb *lru = &s->bank[0];
    for (unsigned b = 0; b < TLB_BANKS; b++) {
        struct tlb *t = &s->bank[b];
        if (t->valid && t->context == context) {
            s->cur = t;
            t->last_use = ++s->clock;
            return;
        }
        if (!t->valid || t->last_use < lru->last_use)
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
    s->flushes++;
}

/* Invalidate one context's bank (e.g. TLBI ASIDE1). */
static inline void tlb_set_flush_context(struct tlb_set *s, uint64_t context)
{
    for (unsigned b = 0; b < TLB_BANKS; b++)
        if (s->bank[b].valid && s->bank[b].context == context)
            tlb_bank_clear(&s->bank[b]);
}

/* Invalidate the entries of one VA page in every bank (e.g. TLBI VAAE1, IPTE). */
static inline void tlb_set_flush_page(struct tlb_set *s, uint64_t va)
{
    for (unsigned b = 0; b < TLB_BANKS; b++) {
        struct tlb_entry *e = tlb_entry_for(&s->bank[b], va);
        uint64_t page = va & ~TLB_PAGE_MASK;
        if ((e->tag_r & ~3ULL) == page || (e->tag_w & ~3ULL) == page || (e->tag_x & ~3ULL) == page)
            e->tag_r = e->tag_w = e->tag_x = TLB_INVALID;
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

#endif
