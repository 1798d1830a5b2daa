/* Translated-code page map (see code_pages.h). */
#include "mmu/code_pages.h"

#include <stdlib.h>
#include <string.h>

int code_pages_init(struct code_pages *cp, uint64_t mem_size)
{
    memset(cp, 0, sizeof(*cp));
    cp->npages = (mem_size + (1ULL << CODE_PAGE_BITS) - 1) >> CODE_PAGE_BITS;
    uint64_t words = (cp->npages + 63) / 64;
    if (words == 0)
        words = 1;
    cp->bits = calloc(words, sizeof(uint64_t));
    if (!cp->bits) {
        cp->npages = 0;
        return -1;
    }
    return 0;
}

void code_pages_destroy(struct code_pages *cp)
{
    free(cp->bits);
    memset(cp, 0, sizeof(*cp));
}

bool code_page_mark(struct code_pages *cp, uint64_t addr)
{
    uint64_t pg = addr >> CODE_PAGE_BITS;
    if (pg >= cp->npages)
        return false;
    uint64_t bit = 1ULL << (pg % 64);
    uint64_t old = __atomic_fetch_or(&cp->bits[pg / 64], bit, __ATOMIC_RELAXED);
    if (old & bit)
        return false;
    __atomic_fetch_add(&cp->marked, 1, __ATOMIC_RELAXED);
    return true;
}

bool code_page_clear(struct code_pages *cp, uint64_t addr)
{
    uint64_t pg = addr >> CODE_PAGE_BITS;
    if (pg >= cp->npages)
        return false;
    uint64_t bit = 1ULL << (pg % 64);
    uint64_t old = __atomic_fetch_and(&cp->bits[pg / 64], ~bit, __ATOMIC_RELAXED);
    if (!(old & bit))
        return false;
    __atomic_fetch_sub(&cp->marked, 1, __ATOMIC_RELAXED);
    return true;
}

bool code_page_hit(struct code_pages *cp, uint64_t addr, uint64_t len)
{
    if (len == 0)
        return false;
    uint64_t last = addr + len - 1;
    if (last < addr)
        last = ~0ULL;
    for (uint64_t pg = addr >> CODE_PAGE_BITS; pg <= last >> CODE_PAGE_BITS; pg++) {
        if (pg >= cp->npages)
            break;
        if (code_page_test(cp, pg << CODE_PAGE_BITS)) {
            __atomic_fetch_add(&cp->hits, 1, __ATOMIC_RELAXED);
            return true;
        }
    }
    return false;
}

void code_pages_clear_all(struct code_pages *cp)
{
    if (cp->bits)
        memset(cp->bits, 0, ((cp->npages + 63) / 64 ? (cp->npages + 63) / 64 : 1) * sizeof(uint64_t));
    cp->marked = 0;
}
