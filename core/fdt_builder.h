/* A small device-tree builder over libfdt's sequential-write API. Errors are sticky: the first
 * failure is remembered and fdtb_finish() reports it, so node-building code stays linear. */
#ifndef CORE_FDT_BUILDER_H
#define CORE_FDT_BUILDER_H

#include <stddef.h>
#include <stdint.h>

struct fdt_builder {
    void *blob;
    size_t cap;
    int error;          /* first libfdt error (negative), 0 if none */
};

int fdtb_init(struct fdt_builder *b, size_t initial_size);
void fdtb_begin_node(struct fdt_builder *b, const char *name);
void fdtb_end_node(struct fdt_builder *b);
void fdtb_prop(struct fdt_builder *b, const char *name, const void *data, size_t len);
void fdtb_prop_empty(struct fdt_builder *b, const char *name);
void fdtb_prop_u32(struct fdt_builder *b, const char *name, uint32_t v);
void fdtb_prop_u64(struct fdt_builder *b, const char *name, uint64_t v);
void fdtb_prop_str(struct fdt_builder *b, const char *name, const char *s);
/* A list of NUL-separated strings (e.g. compatible = "arm,pl011", "arm,primecell"). */
void fdtb_prop_strlist(struct fdt_builder *b, const char *name, const char *const *strs, size_t n);
/* n 32-bit cells, big-endian as the DT requires. */
void fdtb_prop_cells(struct fdt_builder *b, const char *name, const uint32_t *cells, size_t n);
/* Finish and pack; on success returns 0 and hands over the blob (caller frees with free()). */
int fdtb_finish(struct fdt_builder *b, void **blob, size_t *size, char *err, size_t errlen);
void fdtb_abort(struct fdt_builder *b);

/* Validate a DTB given by the user (-dtb). Returns 0 or -1 with a message. */
int fdt_validate(const void *blob, size_t len, char *err, size_t errlen);

#endif
