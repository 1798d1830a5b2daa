/* z/Architecture DAT (stub: replaced shortly). */
#include "mmu/s390_dat.h"

int s390_dat_translate(uint64_t asce, uint64_t vaddr, bool write, const struct s390_dat_opts *opts,
                       s390_entry_read_fn read_entry, void *opaque,
                       struct s390_dat_result *res, struct s390_dat_fault *fault)
{
    (void)asce; (void)opts; (void)read_entry; (void)opaque; (void)res;
    fault->pic = PIC_SEGMENT_TRANSLATION;
    fault->teid = (vaddr & ~0xfffULL) | (write ? 0x400 : 0x800);
    return -1;
}
