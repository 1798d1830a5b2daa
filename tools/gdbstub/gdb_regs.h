/* GDB register layouts: the registers gdb numbers, in order, for each architecture, and the target
 * description XML built from them. */
#ifndef TOOLS_GDBSTUB_GDB_REGS_H
#define TOOLS_GDBSTUB_GDB_REGS_H

#include <stdbool.h>
#include <stddef.h>

#include "tools/debug/target.h"

#define GDB_MAX_REGS 160

struct gdb_reg {
    char name[24];
    unsigned bits;
    const char *type;     /* gdb tdesc type */
    const char *group;    /* NULL = gdb's default */
    unsigned feature;     /* index into the layout's feature names */
    int target_idx;       /* register index in the dbg_context, -1 if the target lacks it */
    bool in_g;            /* part of the g/G packet */
};

struct gdb_layout {
    const char *arch;               /* <architecture> */
    bool big_endian;
    const char *const *features;
    unsigned nfeatures;
    struct gdb_reg regs[GDB_MAX_REGS];
    unsigned nregs;
};

/* Build the layout for context ctx of t (by its disassembler architecture). */
void gdb_layout_build(struct gdb_layout *l, const struct dbg_target *t, unsigned ctx);
/* The target description XML for the layout into buf. Returns its length. */
size_t gdb_layout_xml(const struct gdb_layout *l, char *buf, size_t len);

#endif
