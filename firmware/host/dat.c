/* Stage-2 table builder (see dat.h). Address split for a region-third ASCE (PoP "Translation
 * Process"): RTX = bits 22-32 (hba >> 31), SX = bits 33-43 (hba >> 20), PX = bits 44-51 (hba >> 12);
 * bits 0-21 must be zero. */
#include "dat.h"

static uint64_t rd(const struct s2_map *m, uint64_t real)
{
    const uint8_t *p = m->ops.ptr(m->ops.opaque, real);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

static void wr(struct s2_map *m, uint64_t real, uint64_t v)
{
    uint8_t *p = m->ops.ptr(m->ops.opaque, real);
    for (int i = 7; i >= 0; i--) {
        p[i] = (uint8_t)v;
        v >>= 8;
    }
}

static uint64_t new_table(struct s2_map *m, unsigned entries, uint64_t bytes, uint64_t align, uint64_t empty)
{
    uint64_t t = m->ops.alloc(m->ops.opaque, bytes, align);
    if (!t)
        return 0;
    for (unsigned i = 0; i < entries; i++)
        wr(m, t + 8ull * i, empty);
    return t;
}

int s2_init(struct s2_map *m, const struct s2_ops *ops, bool edat1)
{
    m->ops = *ops;
    m->edat1 = edat1;
    m->tables = 0;
    m->r3t = new_table(m, S2_TABLE_ENTRIES, S2_TABLE_BYTES, 4096, RTE_TYPE_R3 | RTE_INVALID);
    if (!m->r3t)
        return -1;
    m->asce = m->r3t | ASCE_TYPE_REGION3 | ASCE_TL_FULL;
    return 0;
}

/* The segment-table entry address for hba, creating the segment table if needed; 0 on failure. */
static uint64_t ste_addr(struct s2_map *m, uint64_t hba)
{
    uint64_t rte_a = m->r3t + 8 * ((hba >> 31) & 0x7ff);
    uint64_t rte = rd(m, rte_a);
    if (rte & RTE_INVALID) {
        uint64_t st = new_table(m, S2_TABLE_ENTRIES, S2_TABLE_BYTES, 4096, STE_INVALID);
        if (!st)
            return 0;
        m->tables++;
        rte = st | RTE_TYPE_R3 | RTE_TL_FULL;
        wr(m, rte_a, rte);
    }
    return (rte & ~0xfffull) + 8 * ((hba >> 20) & 0x7ff);
}

/* The page-table origin for the segment of hba, creating the page table if needed; 0 on failure. */
static uint64_t page_table(struct s2_map *m, uint64_t ste_a)
{
    uint64_t ste = rd(m, ste_a);
    if (!(ste & STE_INVALID) && !(ste & STE_FC_LARGE))
        return ste & ~0x7ffull;
    uint64_t pt = new_table(m, S2_PT_ENTRIES, S2_PT_BYTES, 2048, PTE_INVALID);
    if (!pt)
        return 0;
    m->tables++;
    wr(m, ste_a, pt); /* format-0 STE: page-table origin, I = 0, TT = 00 */
    return pt;
}

int s2_map_segment(struct s2_map *m, uint64_t hba, uint64_t real)
{
    if (hba >= S2_LIMIT)
        return -2;
    hba &= ~(S2_SEGMENT - 1);
    real &= ~(S2_SEGMENT - 1);
    uint64_t ste_a = ste_addr(m, hba);
    if (!ste_a)
        return -1;
    if (m->edat1) {
        wr(m, ste_a, real | STE_FC_LARGE); /* segment-frame absolute address, FC = 1, valid */
        return 0;
    }
    uint64_t pt = page_table(m, ste_a);
    if (!pt)
        return -1;
    for (unsigned i = 0; i < S2_PT_ENTRIES; i++)
        wr(m, pt + 8ull * i, real + S2_PAGE * i);
    return 0;
}

int s2_map_page(struct s2_map *m, uint64_t hba, uint64_t real)
{
    if (hba >= S2_LIMIT)
        return -2;
    if (m->edat1)
        return s2_map_segment(m, hba, real - (hba & (S2_SEGMENT - 1)));
    uint64_t ste_a = ste_addr(m, hba);
    if (!ste_a)
        return -1;
    uint64_t pt = page_table(m, ste_a);
    if (!pt)
        return -1;
    wr(m, pt + 8 * ((hba >> 12) & 0xff), real & ~(S2_PAGE - 1));
    return 0;
}

int s2_lookup(const struct s2_map *m, uint64_t hba, uint64_t *real)
{
    if (hba >= S2_LIMIT)
        return -1;
    uint64_t rte = rd(m, m->r3t + 8 * ((hba >> 31) & 0x7ff));
    if (rte & RTE_INVALID)
        return -1;
    uint64_t ste = rd(m, (rte & ~0xfffull) + 8 * ((hba >> 20) & 0x7ff));
    if (ste & STE_INVALID)
        return -1;
    if (ste & STE_FC_LARGE) {
        *real = (ste & ~(S2_SEGMENT - 1)) | (hba & (S2_SEGMENT - 1));
        return 0;
    }
    uint64_t pte = rd(m, (ste & ~0x7ffull) + 8 * ((hba >> 12) & 0xff));
    if (pte & PTE_INVALID)
        return -1;
    *real = (pte & ~(S2_PAGE - 1)) | (hba & (S2_PAGE - 1));
    return 0;
}
