/* Minimal FDT reader (see fdt_read.h). The structure block is a token stream (DT spec 5.4):
 * FDT_BEGIN_NODE name\0 (padded to 4), FDT_PROP len nameoff value (padded), FDT_END_NODE, FDT_NOP,
 * FDT_END. */
#include "fdt_read.h"

#include "../../lib/fwlib.h"

#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u

uint32_t fdtr_rd32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint64_t fdtr_rd64(const void *p)
{
    return (uint64_t)fdtr_rd32(p) << 32 | fdtr_rd32((const uint8_t *)p + 4);
}

struct fdt_hdr_view {
    uint32_t totalsize, off_struct, off_strings, size_struct, size_strings;
};

static int hdr(const void *blob, struct fdt_hdr_view *h)
{
    const uint8_t *b = blob;
    if (fdtr_rd32(b) != FDT_MAGIC_VALUE)
        return -1;
    h->totalsize = fdtr_rd32(b + 4);
    h->off_struct = fdtr_rd32(b + 8);
    h->off_strings = fdtr_rd32(b + 12);
    h->size_strings = fdtr_rd32(b + 32);
    h->size_struct = fdtr_rd32(b + 36);
    return 0;
}

uint32_t fdtr_check_header(const void *blob, uint32_t max_size)
{
    struct fdt_hdr_view h;
    if (!blob || hdr(blob, &h))
        return 0;
    const uint8_t *b = blob;
    uint32_t version = fdtr_rd32(b + 20);
    if (version < 16 || h.totalsize < 40 || h.totalsize > max_size)
        return 0;
    if (h.off_struct > h.totalsize || h.size_struct > h.totalsize - h.off_struct)
        return 0;
    if (h.off_strings > h.totalsize || h.size_strings > h.totalsize - h.off_strings)
        return 0;
    if (h.off_struct & 3)
        return 0;
    return h.totalsize;
}

static uint32_t align4(uint32_t v) { return (v + 3u) & ~3u; }

/* Token at structure offset `off` (relative to the blob start); -1 past the block. */
static uint32_t token(const struct fdt_hdr_view *h, const uint8_t *b, uint32_t off)
{
    if (off + 4 > h->off_struct + h->size_struct)
        return FDT_END;
    return fdtr_rd32(b + off);
}

/* Offset just past the node-name / property at `off` (which holds a BEGIN_NODE or PROP token). */
static uint32_t skip_item(const struct fdt_hdr_view *h, const uint8_t *b, uint32_t off)
{
    uint32_t t = token(h, b, off);
    if (t == FDT_BEGIN_NODE) {
        const char *name = (const char *)b + off + 4;
        uint32_t max = h->off_struct + h->size_struct - (off + 4);
        return off + 4 + align4((uint32_t)fw_strnlen(name, max) + 1);
    }
    if (t == FDT_PROP)
        return off + 12 + align4(fdtr_rd32(b + off + 4));
    return off + 4;
}

/* Name compare: `comp` (len n, no '@') matches "comp" or "comp@unit"; with '@' it must match fully. */
static int name_match(const char *node, const char *comp, size_t n)
{
    if (fw_strncmp(node, comp, n) != 0)
        return 0;
    return node[n] == '\0' || (node[n] == '@' && !fw_strstr(comp, "@"));
}

int fdtr_path_offset(const void *blob, const char *path)
{
    struct fdt_hdr_view h;
    const uint8_t *b = blob;
    if (hdr(blob, &h) || path[0] != '/')
        return -1;
    uint32_t off = h.off_struct;
    while (token(&h, b, off) == FDT_NOP)
        off += 4;
    if (token(&h, b, off) != FDT_BEGIN_NODE)
        return -1;
    const char *p = path + 1;
    for (;;) {
        while (*p == '/')
            p++;
        if (!*p)
            return (int)off;
        size_t n = 0;
        while (p[n] && p[n] != '/')
            n++;
        /* Scan the children of the node at off for component p[0..n). */
        uint32_t cur = skip_item(&h, b, off);
        int depth = 0, found = -1;
        for (;;) {
            uint32_t t = token(&h, b, cur);
            if (t == FDT_BEGIN_NODE) {
                if (depth == 0 && name_match((const char *)b + cur + 4, p, n)) {
                    found = (int)cur;
                    break;
                }
                depth++;
            } else if (t == FDT_END_NODE) {
                if (depth == 0)
                    break;
                depth--;
            } else if (t == FDT_END) {
                break;
            } else if (t != FDT_PROP && t != FDT_NOP) {
                return -1;
            }
            cur = skip_item(&h, b, cur);
        }
        if (found < 0)
            return -1;
        off = (uint32_t)found;
        p += n;
    }
}

const void *fdtr_prop(const void *blob, int node_off, const char *name, uint32_t *len)
{
    struct fdt_hdr_view h;
    const uint8_t *b = blob;
    if (node_off < 0 || hdr(blob, &h))
        return NULL;
    uint32_t cur = skip_item(&h, b, (uint32_t)node_off);
    for (;;) {
        uint32_t t = token(&h, b, cur);
        if (t == FDT_PROP) {
            uint32_t plen = fdtr_rd32(b + cur + 4), nameoff = fdtr_rd32(b + cur + 8);
            if (nameoff < h.size_strings && cur + 12 + plen <= h.off_struct + h.size_struct) {
                const char *pname = (const char *)b + h.off_strings + nameoff;
                size_t maxn = h.size_strings - nameoff;
                size_t nl = fw_strnlen(name, 256);
                if (fw_strncmp(pname, name, maxn < nl + 1 ? maxn : nl + 1) == 0 && nl < maxn) {
                    if (len)
                        *len = plen;
                    return b + cur + 12;
                }
            }
        } else if (t != FDT_NOP) {
            return NULL; /* properties precede subnodes (DT spec 5.4.2) */
        }
        cur = skip_item(&h, b, cur);
    }
}

uint64_t fdtr_read_cells(const void *p, uint32_t cells)
{
    return cells >= 2 ? fdtr_rd64(p) : fdtr_rd32(p);
}

int fdtr_count_nodes(const void *blob)
{
    struct fdt_hdr_view h;
    const uint8_t *b = blob;
    if (hdr(blob, &h))
        return -1;
    int n = 0;
    for (uint32_t off = h.off_struct; off < h.off_struct + h.size_struct;) {
        uint32_t t = token(&h, b, off);
        if (t == FDT_END)
            break;
        if (t == FDT_BEGIN_NODE)
            n++;
        else if (t != FDT_END_NODE && t != FDT_PROP && t != FDT_NOP)
            return -1;
        off = skip_item(&h, b, off);
    }
    return n;
}
