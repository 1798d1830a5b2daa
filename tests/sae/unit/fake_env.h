/* A fake s390 storage environment for the SAE instruction sequences: 1 MiB of absolute storage,
 * logical = absolute + dat_off, one page that raises a DAT exception and one that is store-protected. */
#ifndef TESTS_SAE_FAKE_ENV_H
#define TESTS_SAE_FAKE_ENV_H

#include <stdlib.h>
#include <string.h>

#include "sae/context.h"

#define FAKE_MEM_SIZE (1u << 20)

struct fake_mem {
    uint8_t *mem;
    uint64_t dat_off;        /* abs = logical - dat_off */
    uint64_t fault_page;     /* logical page giving fault_pic; ~0 = none */
    uint16_t fault_pic;
    uint64_t prot_page;      /* logical page that is store-protected (PIC 4); ~0 = none */
    unsigned translations, stores;
};

static uint16_t fake_translate(void *opaque, uint64_t logical, unsigned len, bool write, uint64_t *abs)
{
    struct fake_mem *f = opaque;
    f->translations++;
    if ((logical & ~0xFFFull) == f->fault_page)
        return f->fault_pic;
    if (len && write && (logical & ~0xFFFull) == f->prot_page)
        return 0x0004;
    *abs = logical - f->dat_off;
    return 0;
}

static uint8_t *fake_abs_ptr(void *opaque, uint64_t abs, unsigned len, bool write)
{
    struct fake_mem *f = opaque;
    if (abs >= FAKE_MEM_SIZE || len > FAKE_MEM_SIZE - abs)
        return NULL;
    if (write)
        f->stores++;
    return f->mem + abs;
}

static struct fake_mem fmem;
static struct sae_storage_ops fops = { &fmem, fake_translate, fake_abs_ptr };
static struct sae_insn_env fenv;

static inline void fake_env_init(void)
{
    if (!fmem.mem)
        fmem.mem = calloc(1, FAKE_MEM_SIZE);
    memset(fmem.mem, 0, FAKE_MEM_SIZE);
    fmem.dat_off = 0;
    fmem.fault_page = ~0ull;
    fmem.fault_pic = 0x11;
    fmem.prot_page = ~0ull;
    fmem.translations = fmem.stores = 0;
    fenv.mode.aef_installed = true;
    fenv.mode.problem_state = false;
    fenv.mode.amode64 = true;
    fenv.mode.prefix = 0;
    fenv.ops = &fops;
}

#endif
