/* Pages that hold translated code: one bit per 4 KiB physical (Arm-bare) or absolute (s390) page.
 * The translator marks a page when it translates code from it and then calls
 * tlb_set_slow_writes_phys() on every CPU's TLB set, so stores to the page leave the fast path;
 * the store slow path tests code_page_test() and, if set, invalidates the translations of that
 * page (sae-architecture §7.3.4 item 4 asks the same for host writes to guest memory). The bitmap
 * is calloc'ed (untouched parts cost no memory), and bit updates are atomic so that several CPU
 * threads may share one map. */
#ifndef MMU_CODE_PAGES_H
#define MMU_CODE_PAGES_H

#include <stdbool.h>
#include <stdint.h>

#define CODE_PAGE_BITS 12

struct code_pages {
    uint64_t *bits;
    uint64_t npages;
    uint64_t marked;      /* statistics: pages currently marked */
    uint64_t hits;        /* statistics: code_page_hit() calls that found a marked page */
};

/* Size the map for `mem_size` bytes of storage. Returns 0, or -1 (out of memory). */
int code_pages_init(struct code_pages *cp, uint64_t mem_size);
void code_pages_destroy(struct code_pages *cp);

static inline bool code_page_test(const struct code_pages *cp, uint64_t addr)
{
    uint64_t pg = addr >> CODE_PAGE_BITS;
    if (pg >= cp->npages)
        return false;
    return (__atomic_load_n(&cp->bits[pg / 64], __ATOMIC_RELAXED) >> (pg % 64)) & 1;
}

/* Mark / unmark the page holding addr; return true if the bit changed. Out-of-range: false. */
bool code_page_mark(struct code_pages *cp, uint64_t addr);
bool code_page_clear(struct code_pages *cp, uint64_t addr);

/* Store slow path: true if [addr, addr+len) touches a marked page (counts a hit). */
bool code_page_hit(struct code_pages *cp, uint64_t addr, uint64_t len);

/* Forget every mark (the translation cache was flushed). */
void code_pages_clear_all(struct code_pages *cp);

#endif
