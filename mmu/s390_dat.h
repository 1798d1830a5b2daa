/* z/Architecture dynamic address translation (Principles of Operation, ch. 3 "Dynamic Address
 * Translation"): ASCE types region-first .. segment, 4 KiB pages, EDAT-1 1 MiB segment frames and
 * EDAT-2 2 GiB region-third frames, DAT protection, invalid bits, table-length/offset checks, and the
 * exact program-interruption code for every fault. Prefixing (real <-> absolute) is here too.
 * Table entries are read through a callback (absolute address, big-endian doubleword). */
#ifndef MMU_S390_DAT_H
#define MMU_S390_DAT_H

#include <stdbool.h>
#include <stdint.h>

/* Program-interruption codes of DAT (PoP ch. 6 "Program-Interruption Conditions"). */
enum s390_pic {
    PIC_PROTECTION = 0x0004,
    PIC_ADDRESSING = 0x0005,
    PIC_SEGMENT_TRANSLATION = 0x0010,
    PIC_PAGE_TRANSLATION = 0x0011,
    PIC_TRANSLATION_SPEC = 0x0012,
    PIC_ASCE_TYPE = 0x0038,
    PIC_REGION_FIRST = 0x0039,
    PIC_REGION_SECOND = 0x003A,
    PIC_REGION_THIRD = 0x003B,
};

/* Reads the 8-byte entry at absolute address `abs`. Returns 0, or -1 if it is outside storage
 * (the translation then fails with PIC_ADDRESSING). */
typedef int (*s390_entry_read_fn)(void *opaque, uint64_t abs, uint64_t *entry);

struct s390_dat_opts {
    bool edat1;         /* 1 MiB segment frames honoured (STFLE bit 8) */
    bool edat2;         /* 2 GiB region-third frames honoured (STFLE bit 78) */
    uint32_t prefix;    /* prefix register: tables are real addresses, prefixing applies */
    uint8_t as_id;      /* TEID bits 62-63: ASCE that was used (0 primary, 1 AR, 2 secondary, 3 home) */
};

struct s390_dat_result {
    uint64_t real;       /* real address of the byte */
    uint64_t frame_size; /* 4 KiB, 1 MiB or 2 GiB */
    bool protected_;     /* DAT protection applies (write would fault with PIC_PROTECTION) */
    bool iep;            /* instruction-execution protection bit */
    int level;           /* 0 page, 1 segment, 2 region-third, ...: where the frame was found */
    bool absolute;       /* EDAT segment/region frame: the frame address is already absolute
                            (PoP: "segment-frame / region-frame absolute address"); do not prefix */
};

struct s390_dat_fault {
    uint16_t pic;
    uint64_t teid;       /* translation-exception identification (PoP "Translation-Exception
                            Identification"): address bits 0-51, fetch/store bits, AS bits */
};

/* Translate a virtual address through `asce`. `write` selects the protection check and the
 * TEID fetch/store indication. Returns 0 or -1 with fault filled. */
int s390_dat_translate(uint64_t asce, uint64_t vaddr, bool write, const struct s390_dat_opts *opts,
                       s390_entry_read_fn read_entry, void *opaque,
                       struct s390_dat_result *res, struct s390_dat_fault *fault);

/* TEID bits (LSB-0 values of IBM bits 52-53, 61 and 62-63). */
#define S390_TEID_FSI_STORE 0x400ULL   /* bits 52-53 = 01: the access was a store */
#define S390_TEID_FSI_FETCH 0x800ULL   /* bits 52-53 = 10: the access was a fetch */
#define S390_TEID_DAT_PROT  0x004ULL   /* bit 61: protection exception was DAT protection */

/* ASCE fields (PoP "Address-Space-Control Element"). */
#define S390_ASCE_ORIGIN  (~0xfffULL)
#define S390_ASCE_P       0x100ULL     /* private-space control */
#define S390_ASCE_R       0x020ULL     /* real-space control */
#define S390_ASCE_DT(a)   ((unsigned)(((a) >> 2) & 3))
#define S390_ASCE_TL(a)   ((unsigned)((a) & 3))

/* Low-address protection (PoP "Low-Address Protection"): with CR0 bit 35 set, stores to effective
 * addresses 0-511 and 4096-4607 are prohibited, except for accesses translated by DAT through an
 * ASCE with the private-space control set. `dat` says whether the access is DAT-translated and
 * `asce` is the ASCE used. The CPU raises PIC_PROTECTION (TEID bit 61 = 0). */
bool s390_low_address_protected(uint64_t addr, uint64_t cr0, bool dat, uint64_t asce);

/* Key-controlled protection (PoP "Key-Controlled Protection"): storage_key is the 7-bit key
 * (ACC bits 0-3 as 0xf0, F 0x08, R 0x04, C 0x02). Access key 0 matches everything; otherwise a
 * mismatching key prohibits stores, and fetches too when F is set. Returns true if prohibited. */
bool s390_key_protected(uint8_t storage_key, uint8_t access_key, bool write);

/* Prefixing (PoP "Prefixing"): real <-> absolute. The same function serves both directions. */
static inline uint64_t s390_prefix(uint64_t addr, uint32_t prefix)
{
    uint64_t p = prefix & 0x7fffe000u;
    if ((addr & ~0x1fffULL) == 0)
        return addr | p;
    if ((addr & ~0x1fffULL) == p)
        return addr & 0x1fff;
    return addr;
}

#endif
