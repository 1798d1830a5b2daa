/* GDB register layouts as data. AArch64 follows gdb's features/aarch64-core.xml and aarch64-fpu.xml
 * (x0-x30, sp, pc, cpsr; v0-v31, fpsr, fpcr), s390x follows s390x-core64.xml, s390-acr.xml and
 * s390-fpr.xml (pswm, pswa, r0-r15; acr0-acr15; fpc, f0-f15). The Arm system registers the target
 * lists go into a feature of our own, so `info registers system` in gdb shows them. */
#include "tools/gdbstub/gdb_regs.h"

#include <stdio.h>
#include <string.h>

static const char *const a64_features[] = { "org.gnu.gdb.aarch64.core", "org.gnu.gdb.aarch64.fpu",
                                            "org.saesim.aarch64.sysregs" };
static const char *const s390_features[] = { "org.gnu.gdb.s390.core", "org.gnu.gdb.s390.acr",
                                             "org.gnu.gdb.s390.fpr" };

static void add(struct gdb_layout *l, const struct dbg_target *t, unsigned ctx, const char *name,
                unsigned bits, const char *type, const char *group, unsigned feature, bool in_g)
{
    if (l->nregs == GDB_MAX_REGS)
        return;
    struct gdb_reg *r = &l->regs[l->nregs++];
    snprintf(r->name, sizeof(r->name), "%s", name);
    r->bits = bits;
    r->type = type;
    r->group = group;
    r->feature = feature;
    r->target_idx = dbg_target_find_reg(t, ctx, name);
    r->in_g = in_g;
}

void gdb_layout_build(struct gdb_layout *l, const struct dbg_target *t, unsigned ctx)
{
    memset(l, 0, sizeof(*l));
    char name[16];
    if (t->ctx[ctx].arch == DISAS_AARCH64) {
        l->arch = "aarch64";
        l->features = a64_features;
        l->nfeatures = 3;
        for (unsigned i = 0; i < 31; i++) {
            snprintf(name, sizeof(name), "x%u", i);
            add(l, t, ctx, name, 64, "uint64", NULL, 0, true);
        }
        add(l, t, ctx, "sp", 64, "data_ptr", NULL, 0, true);
        add(l, t, ctx, "pc", 64, "code_ptr", NULL, 0, true);
        add(l, t, ctx, "cpsr", 32, "cpsr_flags", NULL, 0, true);
        for (unsigned i = 0; i < 32; i++) {
            snprintf(name, sizeof(name), "v%u", i);
            add(l, t, ctx, name, 128, "aarch64v", "vector", 1, true);
        }
        add(l, t, ctx, "fpsr", 32, "int", "float", 1, true);
        add(l, t, ctx, "fpcr", 32, "int", "float", 1, true);
        const struct dbg_context *c = &t->ctx[ctx];
        for (unsigned i = 0; i < c->nregs; i++)
            if (c->regs[i].group == DBG_REG_SYSREG)
                add(l, t, ctx, c->regs[i].name, c->regs[i].bits, c->regs[i].bits > 32 ? "uint64" : "uint32",
                    "system", 2, false);
    } else {
        l->arch = "s390:64-bit";
        l->big_endian = true;
        l->features = s390_features;
        l->nfeatures = 3;
        add(l, t, ctx, "pswm", 64, "uint64", "psw", 0, true);
        add(l, t, ctx, "pswa", 64, "uint64", "psw", 0, true);
        for (unsigned i = 0; i < 16; i++) {
            snprintf(name, sizeof(name), "r%u", i);
            add(l, t, ctx, name, 64, "uint64", "general", 0, true);
        }
        for (unsigned i = 0; i < 16; i++) {
            snprintf(name, sizeof(name), "acr%u", i);
            add(l, t, ctx, name, 32, "uint32", "access", 1, true);
        }
        add(l, t, ctx, "fpc", 32, "uint32", "float", 2, true);
        for (unsigned i = 0; i < 16; i++) {
            snprintf(name, sizeof(name), "f%u", i);
            add(l, t, ctx, name, 64, "ieee_double", "float", 2, true);
        }
    }
}

/* The AArch64 vector union and flags types, written the way gdb's aarch64-fpu.xml / -core.xml
 * describe them (the names are what gdb shows: $v0.d.u, $v0.s.f ...). */
static const char a64_fpu_types[] =
    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>"
    "<vector id=\"v2u\" type=\"uint64\" count=\"2\"/>"
    "<vector id=\"v2i\" type=\"int64\" count=\"2\"/>"
    "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>"
    "<vector id=\"v4u\" type=\"uint32\" count=\"4\"/>"
    "<vector id=\"v4i\" type=\"int32\" count=\"4\"/>"
    "<vector id=\"v8u\" type=\"uint16\" count=\"8\"/>"
    "<vector id=\"v8i\" type=\"int16\" count=\"8\"/>"
    "<vector id=\"v16u\" type=\"uint8\" count=\"16\"/>"
    "<vector id=\"v16i\" type=\"int8\" count=\"16\"/>"
    "<vector id=\"v1u\" type=\"uint128\" count=\"1\"/>"
    "<vector id=\"v1i\" type=\"int128\" count=\"1\"/>"
    "<union id=\"vnd\"><field name=\"f\" type=\"v2d\"/><field name=\"u\" type=\"v2u\"/><field name=\"s\" type=\"v2i\"/></union>"
    "<union id=\"vns\"><field name=\"f\" type=\"v4f\"/><field name=\"u\" type=\"v4u\"/><field name=\"s\" type=\"v4i\"/></union>"
    "<union id=\"vnh\"><field name=\"u\" type=\"v8u\"/><field name=\"s\" type=\"v8i\"/></union>"
    "<union id=\"vnb\"><field name=\"u\" type=\"v16u\"/><field name=\"s\" type=\"v16i\"/></union>"
    "<union id=\"vnq\"><field name=\"u\" type=\"v1u\"/><field name=\"s\" type=\"v1i\"/></union>"
    "<union id=\"aarch64v\"><field name=\"d\" type=\"vnd\"/><field name=\"s\" type=\"vns\"/>"
    "<field name=\"h\" type=\"vnh\"/><field name=\"b\" type=\"vnb\"/><field name=\"q\" type=\"vnq\"/></union>";

static const char a64_core_types[] =
    "<flags id=\"cpsr_flags\" size=\"4\">"
    "<field name=\"SP\" start=\"0\" end=\"0\"/><field name=\"EL\" start=\"2\" end=\"3\"/>"
    "<field name=\"nRW\" start=\"4\" end=\"4\"/><field name=\"F\" start=\"6\" end=\"6\"/>"
    "<field name=\"I\" start=\"7\" end=\"7\"/><field name=\"A\" start=\"8\" end=\"8\"/>"
    "<field name=\"D\" start=\"9\" end=\"9\"/><field name=\"V\" start=\"28\" end=\"28\"/>"
    "<field name=\"C\" start=\"29\" end=\"29\"/><field name=\"Z\" start=\"30\" end=\"30\"/>"
    "<field name=\"N\" start=\"31\" end=\"31\"/></flags>";

size_t gdb_layout_xml(const struct gdb_layout *l, char *buf, size_t len)
{
    size_t off = 0;
#define OUT(...) do { int n_ = snprintf(buf + off, off < len ? len - off : 0, __VA_ARGS__); \
                      if (n_ > 0) off += (size_t)n_; } while (0)
    OUT("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n");
    OUT("<architecture>%s</architecture>\n", l->arch);
    for (unsigned f = 0; f < l->nfeatures; f++) {
        bool any = false;
        for (unsigned i = 0; i < l->nregs; i++)
            any |= l->regs[i].feature == f;
        if (!any)
            continue;
        OUT("<feature name=\"%s\">\n", l->features[f]);
        if (!l->big_endian && f == 0)
            OUT("%s\n", a64_core_types);
        if (!l->big_endian && f == 1)
            OUT("%s\n", a64_fpu_types);
        for (unsigned i = 0; i < l->nregs; i++) {
            const struct gdb_reg *r = &l->regs[i];
            if (r->feature != f)
                continue;
            OUT("<reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%u\"", r->name, r->bits, r->type, i);
            if (r->group)
                OUT(" group=\"%s\"", r->group);
            OUT("/>\n");
        }
        OUT("</feature>\n");
    }
    OUT("</target>\n");
#undef OUT
    return off < len ? off : (len ? len - 1 : 0);
}
