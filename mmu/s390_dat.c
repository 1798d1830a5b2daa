/* z/Architecture dynamic address translation (Principles of Operation, ch. 3 "Dynamic Address
 * Translation", "Translation Process"). Bit names use IBM numbering in comments; masks are LSB-0
 * values.
 *
 * Order of checks at each table level, as the PoP lays out the translation process: table-length
 * (and table-offset) check of the index against the designating ASCE/entry, fetch of the entry
 * (addressing exception if outside storage), invalid bit, table-type check, then the entry's
 * contents. The DAT-protection bit is honoured in page- and segment-table entries always and in
 * region-table entries when EDAT-1 is installed. */
#include "mmu/s390_dat.h"

/* Region- and segment-table entry fields. */
#define E_INVALID   0x020ULL           /* bit 58: region/segment invalid */
#define E_TT(e)     ((unsigned)(((e) >> 2) & 3))  /* bits 60-61: table type */
#define E_TL(e)     ((unsigned)((e) & 3))         /* bits 62-63: next table length (regions) */
#define E_TF(e)     ((unsigned)(((e) >> 6) & 3))  /* bits 56-57: next table offset (regions) */
#define E_P         0x200ULL           /* bit 54: DAT protection */
#define E_IEP       0x100ULL           /* bit 55: instruction-execution protection (frames) */
#define E_FC        0x400ULL           /* bit 53: format control (EDAT frame) */
#define E_ORIGIN    (~0xfffULL)        /* bits 0-51: next region/segment table origin */
#define STE_PTO     (~0x7ffULL)        /* bits 0-52: page-table origin */
#define STE_SFAA    (~0xfffffULL)      /* bits 0-43: segment-frame absolute address */
#define RTTE_RFAA   (~0x7fffffffULL)   /* bits 0-32: region-frame absolute address */

/* Page-table entry fields. */
#define PTE_ZERO    0x800ULL           /* bit 52: must be zero */
#define PTE_INVALID 0x400ULL           /* bit 53 */
#define PTE_P       0x200ULL           /* bit 54 */
#define PTE_IEP     0x100ULL           /* bit 55 */
#define PTE_PFRA    (~0xfffULL)

/* Index shifts of RFX, RSX, RTX and SX, by table type (0 segment .. 3 region-first). */
static const unsigned idx_shift[4] = { 20, 31, 42, 53 };
/* Exception for an invalid entry or a length/offset violation in a table of that type. */
static const uint16_t tt_pic[4] = {
    PIC_SEGMENT_TRANSLATION, PIC_REGION_THIRD, PIC_REGION_SECOND, PIC_REGION_FIRST,
};

static uint64_t teid_for(uint64_t vaddr, bool write, const struct s390_dat_opts *opts)
{
    return (vaddr & ~0xfffULL) | (write ? S390_TEID_FSI_STORE : S390_TEID_FSI_FETCH) |
           (opts->as_id & 3u);
}

static int dat_fault(struct s390_dat_fault *f, uint16_t pic, uint64_t teid)
{
    f->pic = pic;
    f->teid = teid;
    return -1;
}

/* Table origins and entries are real addresses: prefixing gives the absolute address read. */
static int read_real(const struct s390_dat_opts *opts, s390_entry_read_fn rd, void *opaque,
                     uint64_t real, uint64_t *entry)
{
    return rd(opaque, s390_prefix(real, opts->prefix), entry);
}

int s390_dat_translate(uint64_t asce, uint64_t vaddr, bool write, const struct s390_dat_opts *opts,
                       s390_entry_read_fn read_entry, void *opaque,
                       struct s390_dat_result *res, struct s390_dat_fault *fault)
{
    uint64_t teid = teid_for(vaddr, write, opts);
    res->iep = false;
    res->protected_ = false;
    res->absolute = false;

    /* Real-space designation: the virtual address is the real address, no tables. */
    if (asce & S390_ASCE_R) {
        res->real = vaddr;
        res->frame_size = 4096;
        res->level = 0;
        return 0;
    }

    /* ASCE-type exception: the address needs a higher-level table than the ASCE designates. */
    unsigned dt = S390_ASCE_DT(asce);
    if (dt < 3 && (vaddr >> idx_shift[dt + 1]) != 0)
        return dat_fault(fault, PIC_ASCE_TYPE, teid);

    uint64_t origin = asce & S390_ASCE_ORIGIN;
    unsigned tf = 0, tl = S390_ASCE_TL(asce);
    bool prot = false;

    for (int tt = (int)dt; tt >= 0; tt--) {
        unsigned idx = (unsigned)(vaddr >> idx_shift[tt]) & 0x7ff;
        /* Table-length / table-offset check: the leftmost two index bits against TL (and TF). */
        if ((idx >> 9) < tf || (idx >> 9) > tl)
            return dat_fault(fault, tt_pic[tt], teid);
        uint64_t e;
        if (read_real(opts, read_entry, opaque, origin + (uint64_t)idx * 8, &e) != 0)
            return dat_fault(fault, PIC_ADDRESSING, 0);
        if (e & E_INVALID)
            return dat_fault(fault, tt_pic[tt], teid);
        if (E_TT(e) != (unsigned)tt)
            return dat_fault(fault, PIC_TRANSLATION_SPEC, 0);

        if (tt > 0) {
            /* EDAT-2: a region-third entry with FC = 1 maps a 2 GiB absolute frame. */
            if (tt == 1 && opts->edat2 && (e & E_FC)) {
                prot |= (e & E_P) != 0;
                res->real = (e & RTTE_RFAA) | (vaddr & ~RTTE_RFAA);
                res->frame_size = 1ULL << 31;
                res->level = 2;
                res->iep = (e & E_IEP) != 0;
                res->absolute = true;
                goto done;
            }
            if (opts->edat1 && (e & E_P))
                prot = true;
            tf = E_TF(e);
            tl = E_TL(e);
            origin = e & E_ORIGIN;
            continue;
        }

        /* Segment-table entry. */
        prot |= (e & E_P) != 0;
        if (opts->edat1 && (e & E_FC)) {
            /* EDAT-1: 1 MiB absolute segment frame. */
            res->real = (e & STE_SFAA) | (vaddr & ~STE_SFAA);
            res->frame_size = 1ULL << 20;
            res->level = 1;
            res->iep = (e & E_IEP) != 0;
            res->absolute = true;
            goto done;
        }
        uint64_t pte;
        unsigned px = (unsigned)(vaddr >> 12) & 0xff;
        if (read_real(opts, read_entry, opaque, (e & STE_PTO) + (uint64_t)px * 8, &pte) != 0)
            return dat_fault(fault, PIC_ADDRESSING, 0);
        if (pte & PTE_INVALID)
            return dat_fault(fault, PIC_PAGE_TRANSLATION, teid);
        if (pte & PTE_ZERO)
            return dat_fault(fault, PIC_TRANSLATION_SPEC, 0);
        prot |= (pte & PTE_P) != 0;
        res->real = (pte & PTE_PFRA) | (vaddr & 0xfff);
        res->frame_size = 4096;
        res->level = 0;
        res->iep = (pte & PTE_IEP) != 0;
        goto done;
    }
    /* not reached: the segment level always ends the loop */
    return dat_fault(fault, PIC_TRANSLATION_SPEC, 0);

done:
    res->protected_ = prot;
    if (write && prot)
        return dat_fault(fault, PIC_PROTECTION, teid | S390_TEID_DAT_PROT);
    return 0;
}

bool s390_low_address_protected(uint64_t addr, uint64_t cr0, bool dat, uint64_t asce)
{
    if (!(cr0 & (1ULL << (63 - 35))))
        return false;
    if (dat && (asce & S390_ASCE_P))
        return false;
    return (addr >> 13) == 0 && (addr & 0xfff) < 512;
}

bool s390_key_protected(uint8_t storage_key, uint8_t access_key, bool write)
{
    unsigned acc = access_key & 0xf;
    if (acc == 0 || acc == (unsigned)(storage_key >> 4))
        return false;
    return write || (storage_key & 0x08);
}
