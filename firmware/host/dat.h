/* Stage-2 for SAE: the z/Architecture DAT tables designated by the SD's hbasce (§7.3.3), which
 * translate host-base addresses (IPA + mso, mso = 0 here) into host real addresses. The firmware
 * uses a region-third ASCE (host-base addresses below 4 TiB), 16 KiB region-third and segment
 * tables, and either EDAT-1 1 MiB segment frames or 2 KiB page tables of 4 KiB pages (Principles of
 * Operation, ch. 3 "Dynamic Address Translation", "Translation Tables"). Like Linux's gmap it starts
 * with every entry invalid and fills entries on demand from host-access interceptions.
 *
 * Pure C: tables are reached through a pointer callback and written big-endian explicitly, so the
 * unit tests build and walk them in a host buffer. */
#ifndef FW_DAT_H
#define FW_DAT_H

#include <stdbool.h>
#include <stdint.h>

/* Entry formats (PoP "Translation Tables"; values as Linux's pgtable.h). */
#define ASCE_TYPE_REGION3   0x04ull  /* DT = 01 */
#define ASCE_TL_FULL        0x03ull  /* TL = 3: 4 x 4 KiB = 2048 entries */
#define RTE_INVALID         0x20ull
#define RTE_TYPE_R3         0x04ull  /* TT = 01 */
#define RTE_TL_FULL         0x03ull
#define STE_INVALID         0x20ull
#define STE_FC_LARGE        0x400ull /* FC = 1: EDAT-1 segment frame */
#define STE_PROTECT         0x200ull
#define PTE_INVALID         0x400ull
#define PTE_PROTECT         0x200ull

#define S2_TABLE_ENTRIES    2048u    /* region-third and segment tables */
#define S2_TABLE_BYTES      (S2_TABLE_ENTRIES * 8u)
#define S2_PT_ENTRIES       256u
#define S2_PT_BYTES         (S2_PT_ENTRIES * 8u)
#define S2_SEGMENT          (1ull << 20)
#define S2_PAGE             (1ull << 12)
#define S2_LIMIT            (1ull << 42) /* a region-third ASCE covers 2048 x 2 GiB */

struct s2_ops {
    void *opaque;
    /* Allocate zeroed table storage; returns its real address, or 0 when storage is exhausted. */
    uint64_t (*alloc)(void *opaque, uint64_t size, uint64_t align);
    /* Pointer through which the firmware reads and writes real address `real`. */
    void *(*ptr)(void *opaque, uint64_t real);
};

struct s2_map {
    struct s2_ops ops;
    uint64_t asce;      /* the value for SD.hbasce */
    uint64_t r3t;       /* real address of the region-third table */
    bool edat1;         /* map 1 MiB segment frames */
    uint64_t tables;    /* tables allocated (segment tables + page tables) */
};

/* Allocate the region-third table, all entries invalid. Returns 0 or -1 (no storage). */
int s2_init(struct s2_map *m, const struct s2_ops *ops, bool edat1);

/* Map the 1 MiB segment that holds host-base address `hba` to the 1 MiB aligned real frame range
 * starting at `real` (hba and real are rounded down to 1 MiB): one segment-table entry with
 * EDAT-1, else a full page table. Returns 0, -1 (no storage) or -2 (hba outside S2_LIMIT). */
int s2_map_segment(struct s2_map *m, uint64_t hba, uint64_t real);

/* Map the single 4 KiB page at `hba` to `real` (page tables only; not with EDAT-1). */
int s2_map_page(struct s2_map *m, uint64_t hba, uint64_t real);

/* Software walk of the tables built here: 0 and *real if `hba` is mapped, -1 if not. */
int s2_lookup(const struct s2_map *m, uint64_t hba, uint64_t *real);

#endif
