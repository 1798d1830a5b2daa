/* A minimal read-only flattened-device-tree reader (Devicetree Specification v0.4, ch. 5 "Flattened
 * Devicetree (DTB) Format"): header check, node lookup by path, property lookup. Pure C with no
 * architecture code, so the unit tests run it on the build host against libfdt-built blobs. */
#ifndef GUEST_FDT_READ_H
#define GUEST_FDT_READ_H

#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC_VALUE 0xd00dfeedu

/* Big-endian 32/64-bit cell reads (DTB data is big-endian, DT spec 5.1). */
uint32_t fdtr_rd32(const void *p);
uint64_t fdtr_rd64(const void *p);

/* Validate the header (magic, version >= 16, offsets inside totalsize, totalsize <= max_size).
 * Returns totalsize, or 0 if the blob is not usable. */
uint32_t fdtr_check_header(const void *blob, uint32_t max_size);

/* Offset of the FDT_BEGIN_NODE token of the node at `path` ("/" or "/a/b"); a path component
 * without '@' also matches a node name with a unit address ("memory" matches "memory@40000000").
 * Returns -1 if absent. */
int fdtr_path_offset(const void *blob, const char *path);

/* Value of property `name` of the node at `node_off` (from fdtr_path_offset); sets *len.
 * Returns NULL if absent. */
const void *fdtr_prop(const void *blob, int node_off, const char *name, uint32_t *len);

/* Read a cells-encoded number of `cells` 32-bit cells (1 or 2) at p. */
uint64_t fdtr_read_cells(const void *p, uint32_t cells);

/* Number of nodes in the tree (for the banner). */
int fdtr_count_nodes(const void *blob);

#endif
