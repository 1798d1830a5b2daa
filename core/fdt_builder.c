/* Device-tree construction over libfdt's sequential-write API (Devicetree Specification v0.4,
 * ch. 5 "Flattened Devicetree (DTB) Format"). Sequential write cannot be resumed in a larger buffer
 * once it runs out of space, so the builder starts with a generous buffer (the virt-platform tree
 * is a few KiB) and reports -FDT_ERR_NOSPACE honestly if it is ever exceeded. */
#include "core/fdt_builder.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FDTB_DEFAULT_SIZE (1u << 20)

static void note(struct fdt_builder *b, int rc)
{
    if (rc < 0 && b->error == 0)
        b->error = rc;
}

int fdtb_init(struct fdt_builder *b, size_t initial_size)
{
    memset(b, 0, sizeof(*b));
    if (initial_size < FDTB_DEFAULT_SIZE)
        initial_size = FDTB_DEFAULT_SIZE;
    if (initial_size > INT32_MAX)
        initial_size = INT32_MAX;
    b->blob = calloc(1, initial_size);
    if (!b->blob) {
        b->error = -FDT_ERR_NOSPACE;
        return -1;
    }
    b->cap = initial_size;
    note(b, fdt_create(b->blob, (int)b->cap));
    note(b, fdt_finish_reservemap(b->blob));
    return b->error ? -1 : 0;
}

void fdtb_begin_node(struct fdt_builder *b, const char *name)
{
    if (!b->error)
        note(b, fdt_begin_node(b->blob, name));
}

void fdtb_end_node(struct fdt_builder *b)
{
    if (!b->error)
        note(b, fdt_end_node(b->blob));
}

void fdtb_prop(struct fdt_builder *b, const char *name, const void *data, size_t len)
{
    if (b->error)
        return;
    if (len > INT32_MAX) {
        note(b, -FDT_ERR_BADVALUE);
        return;
    }
    note(b, fdt_property(b->blob, name, data, (int)len));
}

void fdtb_prop_empty(struct fdt_builder *b, const char *name)
{
    fdtb_prop(b, name, NULL, 0);
}

void fdtb_prop_u32(struct fdt_builder *b, const char *name, uint32_t v)
{
    fdt32_t c = cpu_to_fdt32(v);
    fdtb_prop(b, name, &c, sizeof(c));
}

void fdtb_prop_u64(struct fdt_builder *b, const char *name, uint64_t v)
{
    fdt64_t c = cpu_to_fdt64(v);
    fdtb_prop(b, name, &c, sizeof(c));
}

void fdtb_prop_str(struct fdt_builder *b, const char *name, const char *s)
{
    fdtb_prop(b, name, s, strlen(s) + 1);
}

void fdtb_prop_strlist(struct fdt_builder *b, const char *name, const char *const *strs, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(strs[i]) + 1;
    char *buf = malloc(total ? total : 1);
    if (!buf) {
        note(b, -FDT_ERR_NOSPACE);
        return;
    }
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(strs[i]) + 1;
        memcpy(buf + off, strs[i], l);
        off += l;
    }
    fdtb_prop(b, name, buf, total);
    free(buf);
}

void fdtb_prop_cells(struct fdt_builder *b, const char *name, const uint32_t *cells, size_t n)
{
    fdt32_t *buf = malloc(n ? n * sizeof(*buf) : 1);
    if (!buf) {
        note(b, -FDT_ERR_NOSPACE);
        return;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = cpu_to_fdt32(cells[i]);
    fdtb_prop(b, name, buf, n * sizeof(*buf));
    free(buf);
}

int fdtb_finish(struct fdt_builder *b, void **blob, size_t *size, char *err, size_t errlen)
{
    *blob = NULL;
    *size = 0;
    if (!b->error)
        note(b, fdt_finish(b->blob));
    if (!b->error)
        note(b, fdt_pack(b->blob));
    /* Sequential write does not check node nesting (an unbalanced end_node goes unnoticed until
     * a reader trips over it): verify the finished structure block as a whole. */
    if (!b->error)
        note(b, fdt_check_full(b->blob, fdt_totalsize(b->blob)));
    if (b->error) {
        snprintf(err, errlen, "building the device tree failed: %s%s", fdt_strerror(b->error),
                 b->error == -FDT_ERR_NOSPACE ? " (tree larger than the builder's buffer)" : "");
        fdtb_abort(b);
        return -1;
    }
    size_t n = fdt_totalsize(b->blob);
    void *shrunk = realloc(b->blob, n);
    *blob = shrunk ? shrunk : b->blob;
    *size = n;
    b->blob = NULL;
    b->cap = 0;
    return 0;
}

void fdtb_abort(struct fdt_builder *b)
{
    free(b->blob);
    b->blob = NULL;
    b->cap = 0;
}

int fdt_validate(const void *blob, size_t len, char *err, size_t errlen)
{
    if (len < sizeof(struct fdt_header)) {
        snprintf(err, errlen, "device tree blob truncated: %zu bytes, the header needs %zu", len,
                 sizeof(struct fdt_header));
        return -1;
    }
    int rc = fdt_check_header(blob);
    if (rc != 0) {
        snprintf(err, errlen, "not a valid device tree blob: %s", fdt_strerror(rc));
        return -1;
    }
    if (fdt_totalsize(blob) > len) {
        snprintf(err, errlen, "device tree blob truncated: header says %u bytes, file has %zu",
                 (unsigned)fdt_totalsize(blob), len);
        return -1;
    }
    /* The kernel walks the whole structure block early in boot; reject a malformed one here. */
    rc = fdt_check_full(blob, len);
    if (rc != 0) {
        snprintf(err, errlen, "malformed device tree blob: %s", fdt_strerror(rc));
        return -1;
    }
    return 0;
}
