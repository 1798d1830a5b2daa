/* Symbol table for the debugger, gdbstub and traces: a sorted array, searched by binary search. */
#include "core/symtab.h"

#include <stdlib.h>
#include <string.h>

void symtab_init(struct symtab *t)
{
    memset(t, 0, sizeof(*t));
}

void symtab_destroy(struct symtab *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->syms[i].name);
    free(t->syms);
    memset(t, 0, sizeof(*t));
}

int symtab_add(struct symtab *t, const char *name, uint64_t addr, uint64_t size)
{
    if (t->count == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 32;
        struct symbol *n = realloc(t->syms, ncap * sizeof(*n));
        if (!n)
            return -1;
        t->syms = n;
        t->cap = ncap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -1;
    t->syms[t->count++] = (struct symbol){ .name = copy, .addr = addr, .size = size };
    return 0;
}

static int cmp_sym(const void *a, const void *b)
{
    const struct symbol *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    /* Prefer sized symbols (functions, objects) over labels at the same address: put them last,
     * so the "last symbol at or below addr" search finds them. */
    if (x->size != y->size)
        return x->size < y->size ? -1 : 1;
    return strcmp(x->name, y->name);
}

void symtab_finish(struct symtab *t)
{
    if (t->count > 1)
        qsort(t->syms, t->count, sizeof(*t->syms), cmp_sym);
}

bool symtab_lookup(const struct symtab *t, const char *name, uint64_t *addr)
{
    for (size_t i = 0; i < t->count; i++) {
        if (strcmp(t->syms[i].name, name) == 0) {
            *addr = t->syms[i].addr;
            return true;
        }
    }
    return false;
}

const struct symbol *symtab_find(const struct symtab *t, uint64_t addr, uint64_t *offset)
{
    /* Last symbol with sym.addr <= addr. */
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->syms[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct symbol *s = &t->syms[lo - 1];
    if (offset)
        *offset = addr - s->addr;
    return s;
}
