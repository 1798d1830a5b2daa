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
};

struct s390_dat_result {
    uint64_t real;       /* real address of the byte */
    uint64_t frame_size; /* 4 KiB, 1 MiB or 2 GiB */
    bool protected_;     /* DAT protection applies (write would fault with PIC_PROTECTION) */
    bool iep;            /* instruction-execution protection bit */
    int level;           /* 0 page, 1 segment, 2 region-third, ...: where the frame was found */
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
