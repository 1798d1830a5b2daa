/* Symbols of a loaded ELF, kept for the debugger, the gdbstub and traces. */
#ifndef CORE_SYMTAB_H
#define CORE_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symbol {
    char *name;
    uint64_t addr;
    uint64_t size;
};

struct symtab {
    struct symbol *syms;  /* sorted by addr after symtab_finish() */
    size_t count, cap;
};

void symtab_init(struct symtab *t);
void symtab_destroy(struct symtab *t);
int symtab_add(struct symtab *t, const char *name, uint64_t addr, uint64_t size);
void symtab_finish(struct symtab *t);
/* Address of a symbol by name; false if absent. */
bool symtab_lookup(const struct symtab *t, const char *name, uint64_t *addr);
/* The symbol covering addr (or the nearest one below it), with the offset; NULL if none. */
const struct symbol *symtab_find(const struct symtab *t, uint64_t addr, uint64_t *offset);

#endif
