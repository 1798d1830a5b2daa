/* Exclusives, load-acquire/store-release and compare-and-swap (Arm ARM C6.2 LDXR/LDAXR/STXR/STLXR,
 * LDXP/LDAXP/STXP/STLXP, LDAR/STLR, CAS, CASP; B2.9 "Synchronization and semaphores"; the local monitor
 * of one PE, pseudocode AArch64.ExclusiveMonitorsPass). Ordering semantics have no further effect on a
 * single in-order PE. These accesses are always alignment checked. */
#include "arm64/internal.h"

static bool excl_base(struct arm64_cpu *c, unsigned rn, uint64_t *addr)
{
    if (rn == 31) {
        *addr = *arm64_cur_sp(c);
        return arm64_check_sp_align(c, *addr);
    }
    *addr = c->x[rn];
    return true;
}

static uint64_t le_val(const uint8_t *b, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)b[i] << (8 * i);
    return v;
}

static void le_put(uint8_t *b, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

/* Load-exclusive of `len` bytes: the data, then mark the PA exclusive. */
static bool load_excl(struct arm64_cpu *c, uint64_t addr, unsigned len, unsigned esize, uint8_t *b)
{
    if (!arm64_mem(c, addr, len, esize, b, MEM_ALIGN, 0))
        return false;
    uint64_t pa;
    if (!arm64_va_to_pa(c, addr, len, 0, 0, &pa))
        return false;
    c->excl_valid = true;
    c->excl_pa = pa;
    c->excl_va = addr;
    c->excl_size = len;
    return true;
}

/* Store-exclusive: alignment is checked first; the store happens only if the monitor holds this
 * address; the local monitor is cleared either way. Returns 0 (stored), 1 (failed), -1 (fault). */
static int store_excl(struct arm64_cpu *c, uint64_t addr, unsigned len, unsigned esize, const uint8_t *b)
{
    if (addr & (len - 1)) {
        uint8_t dummy[16] = { 0 };
        arm64_mem(c, addr, len, esize, dummy, MEM_WRITE | MEM_ALIGN, 0); /* raises the alignment fault */
        return -1;
    }
    if (!c->excl_valid || c->excl_va != addr) {
        c->excl_valid = false;
        return 1;
    }
    uint64_t pa;
    if (!arm64_va_to_pa(c, addr, len, MEM_WRITE, 0, &pa))
        return -1;
    bool pass = pa == c->excl_pa;
    c->excl_valid = false;
    if (!pass)
        return 1;
    uint8_t tmp[16];
    for (unsigned i = 0; i < len; i++)
        tmp[i] = b[i];
    if (!arm64_mem(c, addr, len, esize, tmp, MEM_WRITE | MEM_ALIGN, 0))
        return -1;
    return 0;
}

void exec_excl(struct arm64_cpu *c, uint32_t insn)
{
    unsigned size = 1u << BITS(insn, 31, 30), rt = RT(insn), rs = RS(insn);
    bool load = BIT(insn, 22);
    uint64_t addr;
    if (!excl_base(c, RN(insn), &addr))
        return;
    uint8_t b[8];
    if (load) {
        if (load_excl(c, addr, size, size, b))
            set_xr(c, rt, le_val(b, size));
        return;
    }
    le_put(b, size, xr(c, rt));
    int r = store_excl(c, addr, size, size, b);
    if (r >= 0)
        set_wr(c, rs, (uint32_t)r);
}

void exec_excl_pair(struct arm64_cpu *c, uint32_t insn)
{
    unsigned esize = BIT(insn, 30) ? 8 : 4, rt = RT(insn), rt2 = RT2(insn), rs = RS(insn);
    bool load = BIT(insn, 22);
    uint64_t addr;
    if (!excl_base(c, RN(insn), &addr))
        return;
    uint8_t b[16];
    if (load) {
        if (load_excl(c, addr, 2 * esize, esize, b)) {
            set_xr(c, rt, le_val(b, esize));
            set_xr(c, rt2, le_val(b + esize, esize));
        }
        return;
    }
    le_put(b, esize, xr(c, rt));
    le_put(b + esize, esize, xr(c, rt2));
    int r = store_excl(c, addr, 2 * esize, esize, b);
    if (r >= 0)
        set_wr(c, rs, (uint32_t)r);
}

void exec_ldar_stlr(struct arm64_cpu *c, uint32_t insn)
{
    unsigned size = 1u << BITS(insn, 31, 30), rt = RT(insn);
    bool load = BIT(insn, 22);
    uint64_t addr;
    if (!excl_base(c, RN(insn), &addr))
        return;
    uint32_t iss = iss_sreg(size, false, rt, size == 8, true);
    uint8_t b[8];
    if (load) {
        if (arm64_mem(c, addr, size, size, b, MEM_ALIGN, iss))
            set_xr(c, rt, le_val(b, size));
    } else {
        le_put(b, size, xr(c, rt));
        arm64_mem(c, addr, size, size, b, MEM_WRITE | MEM_ALIGN, iss);
    }
}

void exec_cas(struct arm64_cpu *c, uint32_t insn)
{
    unsigned size = 1u << BITS(insn, 31, 30), rt = RT(insn), rs = RS(insn);
    uint64_t addr;
    if (!excl_base(c, RN(insn), &addr))
        return;
    uint64_t mask = size == 8 ? ~0ULL : (1ULL << (8 * size)) - 1;
    uint8_t b[8];
    /* read for write: a read-only location faults as a write (WnR = 1) even if the compare fails */
    if (!arm64_mem(c, addr, size, size, b, MEM_ALIGN | MEM_RMW, 0))
        return;
    uint64_t old = le_val(b, size);
    if (old == (xr(c, rs) & mask)) {
        le_put(b, size, xr(c, rt));
        if (!arm64_mem(c, addr, size, size, b, MEM_WRITE | MEM_ALIGN, 0))
            return;
    }
    set_xr(c, rs, old);
}

void exec_casp(struct arm64_cpu *c, uint32_t insn)
{
    unsigned esize = BIT(insn, 30) ? 8 : 4, rt = RT(insn), rs = RS(insn);
    if ((rs & 1) || (rt & 1)) { /* Rs and Rt must be even */
        arm64_undef(c);
        return;
    }
    uint64_t addr;
    if (!excl_base(c, RN(insn), &addr))
        return;
    uint64_t mask = esize == 8 ? ~0ULL : 0xFFFFFFFFULL;
    uint8_t b[16];
    if (!arm64_mem(c, addr, 2 * esize, esize, b, MEM_ALIGN | MEM_RMW, 0))
        return;
    uint64_t o1 = le_val(b, esize), o2 = le_val(b + esize, esize);
    if (o1 == (xr(c, rs) & mask) && o2 == (xr(c, rs + 1) & mask)) {
        le_put(b, esize, xr(c, rt));
        le_put(b + esize, esize, xr(c, rt + 1));
        if (!arm64_mem(c, addr, 2 * esize, esize, b, MEM_WRITE | MEM_ALIGN, 0))
            return;
    }
    set_xr(c, rs, o1);
    set_xr(c, rs + 1, o2);
}
