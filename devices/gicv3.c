/* GICv3 distributor + one redistributor. Section numbers refer to IHI 0069 (GICv3/v4 spec). */
#include "devices/gicv3.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"

#define WORDS (1024 / 32)
#define PRIO_MASK 0xf8u                 /* 5 implemented priority bits (§4.8.1) */

/* GICD_CTLR in a single security state (§12.9.4). */
#define CTLR_ENGRP0 (1u << 0)
#define CTLR_ENGRP1 (1u << 1)
#define CTLR_ARE (1u << 4)
#define CTLR_DS (1u << 6)

/* GICR_WAKER (§12.11.43). */
#define WAKER_PS (1u << 1)
#define WAKER_CA (1u << 2)

#define IIDR_VALUE 0x0000043bu          /* implementer Arm (JEP106 0x43b), product/revision 0 */

/* Bit banks, one bit per INTID (GICD_IGROUPR ... GICD_ICACTIVER, §12.9). */
enum bank {
    BANK_GROUP = 0x080, BANK_SENABLE = 0x100, BANK_CENABLE = 0x180, BANK_SPEND = 0x200,
    BANK_CPEND = 0x280, BANK_SACTIVE = 0x300, BANK_CACTIVE = 0x380,
};

struct gicv3 {
    unsigned num_irq;                   /* 32 + SPIs, a multiple of 32 */
    uint32_t ctlr;                      /* EnableGrp0 | EnableGrp1 */
    uint32_t waker;
    unsigned cpu_groups;                /* group enables of the CPU interface (bit g = Group g) */
    uint32_t group[WORDS], enabled[WORDS], pend_latch[WORDS], active[WORDS];
    uint32_t line[WORDS];               /* input line levels */
    uint32_t edge[WORDS];               /* 1 = edge-triggered (GICD_ICFGR Int_config[1]) */
    uint8_t prio[1024];
    uint64_t irouter[1024];
    /* Cached answer of gicv3_highest_pending(); recomputed after a change. */
    bool hppi_valid, hppi_found;
    unsigned hppi_intid, hppi_prio, hppi_group;
    void (*notify)(void *opaque);
    void *notify_opaque;
};

/* PIDR4-7, PIDR0-3, CIDR0-3 at 0xFFD0-0xFFFC; PIDR2[7:4] = ArchRev 3 identifies GICv3 (§12.1.13). */
static const uint8_t gic_ids[12] = { 0x44, 0, 0, 0, 0x92, 0xb4, 0x30, 0, 0x0d, 0xf0, 0x05, 0xb1 };

static inline bool bit(const uint32_t *bm, unsigned n) { return (bm[n / 32] >> (n % 32)) & 1; }

static void changed(struct gicv3 *g)
{
    g->hppi_valid = false;
    if (g->notify)
        g->notify(g->notify_opaque);
}

void gicv3_reset(struct gicv3 *g)
{
    unsigned n = g->num_irq;
    void (*fn)(void *) = g->notify;
    void *op = g->notify_opaque;
    memset(g, 0, sizeof(*g));
    g->num_irq = n;
    g->notify = fn;
    g->notify_opaque = op;
    g->waker = WAKER_PS | WAKER_CA;     /* the redistributor resets asleep (§11.1) */
    g->cpu_groups = 3;
    g->edge[0] = 0x0000ffffu;           /* SGIs are always edge-triggered (§12.11.7) */
    changed(g);
}

struct gicv3 *gicv3_create(unsigned num_spis)
{
    if (num_spis > GICV3_MAX_INTID - GICV3_NUM_SGI_PPI)
        return NULL;
    num_spis = (num_spis + 31) & ~31u;          /* at most 992: INTIDs up to 1023, 1020+ special */
    struct gicv3 *g = calloc(1, sizeof(*g));
    if (!g)
        return NULL;
    g->num_irq = num_spis + GICV3_NUM_SGI_PPI;
    gicv3_reset(g);
    return g;
}

void gicv3_destroy(struct gicv3 *g)
{
    free(g);
}

unsigned gicv3_num_irqs(const struct gicv3 *g)
{
    return g->num_irq > GICV3_MAX_INTID ? GICV3_MAX_INTID : g->num_irq;
}

void gicv3_set_cpu_groups(struct gicv3 *g, unsigned mask)
{
    if ((mask & 3) != g->cpu_groups) {
        g->cpu_groups = mask & 3;
        changed(g);
    }
}

void gicv3_set_notify(struct gicv3 *g, void (*fn)(void *opaque), void *opaque)
{
    g->notify = fn;
    g->notify_opaque = opaque;
}

static bool valid_intid(const struct gicv3 *g, unsigned intid)
{
    return intid < g->num_irq && intid < GICV3_MAX_INTID;
}

/* Pending state (§4.1.2): the latch (edge, GICD_ISPENDR, SGI) or, when level-sensitive, the line. */
static uint32_t pending_word(const struct gicv3 *g, unsigned w)
{
    return g->pend_latch[w] | (g->line[w] & ~g->edge[w]);
}

/* SPI routing with affinity routing (§4.5.4, GICD_IROUTER): to CPU 0 (affinity 0.0.0.0), or to any
 * participating PE if IRM = 1. An SPI routed to an absent PE is never delivered. */
static bool routed_here(const struct gicv3 *g, unsigned intid)
{
    if (intid < GICV3_NUM_SGI_PPI)
        return true;
    uint64_t r = g->irouter[intid];
    if (r & (1ull << 31))
        return true;
    return (r & 0xff00ffffffull) == 0;
}

static void compute_hppi(struct gicv3 *g)
{
    g->hppi_valid = true;
    g->hppi_found = false;
    if (g->waker & WAKER_PS)
        return;             /* ProcessorSleep: nothing is forwarded to the CPU interface (§11.1) */
    unsigned best_prio = 0x100, best = 0;
    for (unsigned w = 0; w < g->num_irq / 32; w++) {
        uint32_t cand = pending_word(g, w) & g->enabled[w] & ~g->active[w];
        if (!(g->ctlr & CTLR_ENGRP0) || !(g->cpu_groups & 1))
            cand &= g->group[w];
        if (!(g->ctlr & CTLR_ENGRP1) || !(g->cpu_groups & 2))
            cand &= ~g->group[w];
        while (cand) {
            unsigned b = (unsigned)__builtin_ctz(cand);
            cand &= cand - 1;
            unsigned intid = w * 32 + b;
            if (intid >= GICV3_MAX_INTID || !routed_here(g, intid))
                continue;
            if (g->prio[intid] < best_prio) {
                best_prio = g->prio[intid];
                best = intid;
            }
        }
    }
    if (best_prio < 0x100) {
        g->hppi_found = true;
        g->hppi_intid = best;
        g->hppi_prio = best_prio;
        g->hppi_group = bit(g->group, best);
    }
}

int gicv3_highest_pending(const struct gicv3 *gic, unsigned *intid, unsigned *prio, unsigned *group)
{
    struct gicv3 *g = (struct gicv3 *)gic;  /* only the cache is updated */
    if (!g->hppi_valid)
        compute_hppi(g);
    if (!g->hppi_found)
        return 0;
    if (intid)
        *intid = g->hppi_intid;
    if (prio)
        *prio = g->hppi_prio;
    if (group)
        *group = g->hppi_group;
    return 1;
}

unsigned gicv3_acknowledge(struct gicv3 *g, unsigned group)
{
    unsigned intid, grp;
    if (!gicv3_highest_pending(g, &intid, NULL, &grp) || grp != group)
        return GICV3_INTID_SPURIOUS;
    /* Pending -> active (or active and pending if a level-sensitive line is still high). */
    g->pend_latch[intid / 32] &= ~(1u << (intid % 32));
    g->active[intid / 32] |= 1u << (intid % 32);
    changed(g);
    return intid;
}

void gicv3_deactivate(struct gicv3 *g, unsigned intid)
{
    if (!valid_intid(g, intid)) {
        if (intid < 1020)
            qlog(LOG_GUEST_ERRORS, "gicv3: deactivate of unimplemented INTID %u\n", intid);
        return;
    }
    if (!bit(g->active, intid))
        qlog(LOG_GUEST_ERRORS, "gicv3: deactivate of INTID %u, which is not active\n", intid);
    g->active[intid / 32] &= ~(1u << (intid % 32));
    changed(g);
}

void gicv3_eoi(struct gicv3 *g, unsigned intid)
{
    gicv3_deactivate(g, intid);
}

bool gicv3_is_pending(const struct gicv3 *g, unsigned intid)
{
    return valid_intid(g, intid) && ((pending_word(g, intid / 32) >> (intid % 32)) & 1);
}

bool gicv3_is_active(const struct gicv3 *g, unsigned intid)
{
    return valid_intid(g, intid) && bit(g->active, intid);
}

unsigned gicv3_priority(const struct gicv3 *g, unsigned intid)
{
    return valid_intid(g, intid) ? g->prio[intid] : 0;
}

unsigned gicv3_group(const struct gicv3 *g, unsigned intid)
{
    return valid_intid(g, intid) ? bit(g->group, intid) : 0;
}

void gicv3_set_irq(struct gicv3 *g, unsigned intid, bool level)
{
    if (intid < 16 || !valid_intid(g, intid)) {
        qlog(LOG_GUEST_ERRORS, "gicv3: input for INTID %u, which is not a PPI/SPI\n", intid);
        return;
    }
    unsigned w = intid / 32;
    uint32_t m = 1u << (intid % 32);
    bool old = (g->line[w] & m) != 0;
    if (old == level)
        return;
    if (level) {
        g->line[w] |= m;
        if (g->edge[w] & m)
            g->pend_latch[w] |= m;      /* rising edge (§4.1.1) */
    } else {
        g->line[w] &= ~m;
    }
    changed(g);
}

void gicv3_irq_input(void *gic, unsigned intid, bool level)
{
    gicv3_set_irq(gic, intid, level);
}

void gicv3_send_sgi(struct gicv3 *g, unsigned intid, unsigned group)
{
    if (intid >= 16)
        return;
    if (bit(g->group, intid) != (group & 1)) {
        qlog(LOG_GUEST_ERRORS, "gicv3: SGI %u generated for Group %u but configured Group %u\n",
             intid, group, bit(g->group, intid));
        return;
    }
    g->pend_latch[0] |= 1u << intid;
    changed(g);
}

/* ---- Register banks shared by GICD (words 1..) and GICR SGI_base (word 0) ---- */

static uint32_t bank_read(const struct gicv3 *g, enum bank b, unsigned w)
{
    switch (b) {
    case BANK_GROUP: return g->group[w];
    case BANK_SENABLE: case BANK_CENABLE: return g->enabled[w];
    case BANK_SPEND: case BANK_CPEND: return pending_word(g, w);
    case BANK_SACTIVE: case BANK_CACTIVE: return g->active[w];
    }
    return 0;
}

static void bank_write(struct gicv3 *g, enum bank b, unsigned w, uint32_t v)
{
    switch (b) {
    case BANK_GROUP: g->group[w] = v; break;
    case BANK_SENABLE: g->enabled[w] |= v; break;
    case BANK_CENABLE: g->enabled[w] &= ~v; break;
    /* Writing ICPENDR clears the latch only: a level-sensitive interrupt whose line is asserted
     * stays pending (§12.9.8). */
    case BANK_SPEND: g->pend_latch[w] |= v; break;
    case BANK_CPEND: g->pend_latch[w] &= ~v; break;
    case BANK_SACTIVE: g->active[w] |= v; break;
    case BANK_CACTIVE: g->active[w] &= ~v; break;
    }
    changed(g);
}

/* Decode a bit-bank offset (0x080-0x3FF): the bank and the word index within it. */
static bool bank_decode(uint32_t off, enum bank *b, unsigned *w)
{
    if (off < 0x080 || off >= 0x400)
        return false;
    *b = (enum bank)(off & ~0x7fu);
    *w = (off & 0x7f) / 4;
    return true;
}

/* ICFGR word k covers INTIDs 16k..16k+15; Int_config[1] (bit 2i+1) = edge. */
static uint32_t icfgr_read(const struct gicv3 *g, unsigned k)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 16; i++)
        if (bit(g->edge, k * 16 + i))
            v |= 2u << (2 * i);
    return v;
}

static void icfgr_write(struct gicv3 *g, unsigned k, uint32_t v)
{
    for (unsigned i = 0; i < 16; i++) {
        unsigned n = k * 16 + i;
        if (v & (2u << (2 * i)))
            g->edge[n / 32] |= 1u << (n % 32);
        else
            g->edge[n / 32] &= ~(1u << (n % 32));
    }
    changed(g);
}

static uint32_t prio_read(const struct gicv3 *g, unsigned first, unsigned size)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint32_t)g->prio[first + i] << (8 * i);
    return v;
}

static void prio_write(struct gicv3 *g, unsigned first, unsigned size, uint32_t v)
{
    for (unsigned i = 0; i < size; i++)
        g->prio[first + i] = (uint8_t)(v >> (8 * i)) & PRIO_MASK;
    changed(g);
}

static uint32_t id_read(uint32_t off)
{
    return gic_ids[(off - 0xffd0) / 4];
}

/* ---- Distributor (GICD, §12.9) ---- */

static bool spi_word(const struct gicv3 *g, unsigned w)
{
    /* With affinity routing, word 0 (SGIs/PPIs) lives in the redistributor: RAZ/WI here. */
    return w >= 1 && w < g->num_irq / 32;
}

static bool dist_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct gicv3 *g = opaque;
    uint32_t off = (uint32_t)offset;
    enum bank b;
    unsigned w;

    *value = 0;
    if (offset >= GICV3_DIST_SIZE)
        goto bad;
    if (off >= 0x400 && off < 0x800) {              /* GICD_IPRIORITYR<n>: byte accessible */
        if (size > 4 || (off & (size - 1)))
            goto bad;
        unsigned first = off - 0x400;
        if (first >= GICV3_NUM_SGI_PPI && first + size <= g->num_irq)
            *value = prio_read(g, first, size);
        return true;
    }
    if (off >= 0x6000 && off < 0x8000) {            /* GICD_IROUTER<n>: 64-bit, or 32-bit halves */
        unsigned n = (off - 0x6000) / 8;
        if ((size != 8 && size != 4) || (off & (size - 1)))
            goto bad;
        if (n >= GICV3_NUM_SGI_PPI && n < g->num_irq) {
            uint64_t r = g->irouter[n];
            *value = size == 8 ? r : (uint32_t)(r >> ((off & 4) * 8));
        }
        return true;
    }
    if (size != 4 || (off & 3))
        goto bad;
    if (bank_decode(off, &b, &w)) {
        if (spi_word(g, w))
            *value = bank_read(g, b, w);
        return true;
    }
    if (off >= 0xc00 && off < 0xd00) {              /* GICD_ICFGR<n> */
        unsigned k = (off - 0xc00) / 4;
        if (k >= 2 && k < g->num_irq / 16)
            *value = icfgr_read(g, k);
        return true;
    }
    if (off >= 0xffd0)
        *value = id_read(off);
    else if (off == 0x0000)
        *value = g->ctlr | CTLR_ARE | CTLR_DS;
    else if (off == 0x0004)                         /* GICD_TYPER (§12.9.38) */
        *value = (g->num_irq / 32 - 1) | (9u << 19);
    else if (off == 0x0008)
        *value = IIDR_VALUE;
    else if (off == 0x000c || off == 0x0010 || (off >= 0x800 && off < 0xc00) ||
             (off >= 0xd00 && off < 0xf30))
        ; /* TYPER2, STATUSR, ITARGETSR, IGRPMODR (RES0 with DS=1), NSACR, SGIR, C/SPENDSGIR:
           * RAZ/WI with affinity routing and one security state */
    else
        goto bad;
    return true;
bad:
    qlog(LOG_GUEST_ERRORS, "gicv3: GICD %u-byte read of offset 0x%x: unimplemented, RAZ\n", size, off);
    *value = 0;
    return true;
}

static bool dist_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct gicv3 *g = opaque;
    uint32_t off = (uint32_t)offset;
    enum bank b;
    unsigned w;

    if (offset >= GICV3_DIST_SIZE)
        goto bad;
    if (off >= 0x400 && off < 0x800) {
        if (size > 4 || (off & (size - 1)))
            goto bad;
        unsigned first = off - 0x400;
        if (first >= GICV3_NUM_SGI_PPI && first + size <= g->num_irq)
            prio_write(g, first, size, (uint32_t)value);
        return true;
    }
    if (off >= 0x6000 && off < 0x8000) {
        unsigned n = (off - 0x6000) / 8;
        if ((size != 8 && size != 4) || (off & (size - 1)))
            goto bad;
        if (n >= GICV3_NUM_SGI_PPI && n < g->num_irq) {
            uint64_t r = g->irouter[n];
            if (size == 8)
                r = value;
            else if (off & 4)
                r = (r & 0xffffffffull) | (value << 32);
            else
                r = (r & ~0xffffffffull) | (uint32_t)value;
            g->irouter[n] = r & 0xff80ffffffull;     /* Aff3, IRM, Aff2-0 */
            changed(g);
        }
        return true;
    }
    if (size != 4 || (off & 3))
        goto bad;
    if (bank_decode(off, &b, &w)) {
        if (spi_word(g, w))
            bank_write(g, b, w, (uint32_t)value);
        return true;
    }
    if (off >= 0xc00 && off < 0xd00) {
        unsigned k = (off - 0xc00) / 4;
        if (k >= 2 && k < g->num_irq / 16)
            icfgr_write(g, k, (uint32_t)value);
        return true;
    }
    if (off == 0x0000) {                            /* GICD_CTLR: only the group enables are RW */
        g->ctlr = (uint32_t)value & (CTLR_ENGRP0 | CTLR_ENGRP1);
        changed(g);
    } else if (off == 0x0004 || off == 0x0008 || off >= 0xffd0) {
        qlog(LOG_GUEST_ERRORS, "gicv3: write to read-only GICD offset 0x%x\n", off);
    } else if (off == 0x000c || off == 0x0010 || (off >= 0x800 && off < 0xc00) ||
               (off >= 0xd00 && off < 0xf30)) {
        ; /* RAZ/WI, as above */
    } else {
        goto bad;
    }
    return true;
bad:
    qlog(LOG_GUEST_ERRORS, "gicv3: GICD %u-byte write of offset 0x%x: unimplemented, ignored\n",
         size, off);
    return true;
}

const struct mmio_ops gicv3_dist_mmio_ops = { .read = dist_read, .write = dist_write };

/* ---- Redistributor (GICR, §12.10 RD_base and §12.11 SGI_base) ---- */

#define SGI_BASE 0x10000u

static bool redist_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct gicv3 *g = opaque;
    uint32_t off = (uint32_t)offset;
    enum bank b;
    unsigned w;

    *value = 0;
    if (offset >= GICV3_REDIST_SIZE)
        goto bad;
    if (off == 0x0008 || off == 0x000c) {           /* GICR_TYPER: 64-bit, or 32-bit halves */
        /* Affinity 0.0.0.0, Processor_Number 0, Last = 1 (the only redistributor), no LPIs. */
        uint64_t typer = 1u << 4;
        if (size == 8 && off == 0x0008)
            *value = typer;
        else if (size == 4)
            *value = (uint32_t)(typer >> ((off & 4) * 8));
        else
            goto bad;
        return true;
    }
    if (off == 0x0070 || off == 0x0078) {           /* PROPBASER / PENDBASER: no LPIs, RAZ */
        if (size != 8 && size != 4)
            goto bad;
        return true;
    }
    if (off >= SGI_BASE + 0x400 && off < SGI_BASE + 0x420) {   /* GICR_IPRIORITYR0-7 */
        if (size > 4 || (off & (size - 1)))
            goto bad;
        *value = prio_read(g, off - SGI_BASE - 0x400, size);
        return true;
    }
    if (size != 4 || (off & 3))
        goto bad;
    if (off >= SGI_BASE && bank_decode(off - SGI_BASE, &b, &w)) {
        if (w == 0)
            *value = bank_read(g, b, 0);
        else
            goto bad;
        return true;
    }
    switch (off) {
    case 0x0000: break;                             /* GICR_CTLR: no LPIs, RWP/UWP 0 */
    case 0x0004: *value = IIDR_VALUE; break;
    case 0x0010: break;                             /* GICR_STATUSR */
    case 0x0014: *value = g->waker; break;
    case SGI_BASE + 0xc00: *value = icfgr_read(g, 0); break;   /* SGIs: edge, read-only */
    case SGI_BASE + 0xc04: *value = icfgr_read(g, 1); break;
    case SGI_BASE + 0xd00: case SGI_BASE + 0xe00: break;       /* IGRPMODR0 / NSACR: RAZ (DS=1) */
    default:
        if (off >= 0xffd0 && off < 0x10000)
            *value = id_read(off);
        else if (off >= SGI_BASE + 0xffd0)
            *value = id_read(off - SGI_BASE);
        else
            goto bad;
    }
    return true;
bad:
    qlog(LOG_GUEST_ERRORS, "gicv3: GICR %u-byte read of offset 0x%x: unimplemented, RAZ\n", size, off);
    *value = 0;
    return true;
}

static bool redist_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct gicv3 *g = opaque;
    uint32_t off = (uint32_t)offset;
    enum bank b;
    unsigned w;

    if (offset >= GICV3_REDIST_SIZE)
        goto bad;
    if (off == 0x0070 || off == 0x0078) {
        if (size != 8 && size != 4)
            goto bad;
        return true;
    }
    if (off >= SGI_BASE + 0x400 && off < SGI_BASE + 0x420) {
        if (size > 4 || (off & (size - 1)))
            goto bad;
        prio_write(g, off - SGI_BASE - 0x400, size, (uint32_t)value);
        return true;
    }
    if (size != 4 || (off & 3))
        goto bad;
    if (off >= SGI_BASE && bank_decode(off - SGI_BASE, &b, &w)) {
        if (w != 0)
            goto bad;
        bank_write(g, b, 0, (uint32_t)value);
        return true;
    }
    switch (off) {
    case 0x0000:
        if (value & 1)
            qlog(LOG_UNIMP, "gicv3: GICR_CTLR.EnableLPIs set, but LPIs are not implemented\n");
        break;
    case 0x0014:
        /* Power handshake (§11.1): clearing ProcessorSleep wakes the redistributor, and the model
         * reports ChildrenAsleep = ProcessorSleep immediately. Bit 0 is IMPLEMENTATION DEFINED. */
        g->waker = ((uint32_t)value & WAKER_PS) ? (WAKER_PS | WAKER_CA) : 0;
        changed(g);
        break;
    case SGI_BASE + 0xc00:
        qlog(LOG_GUEST_ERRORS, "gicv3: GICR_ICFGR0 (SGIs) is read-only\n");
        break;
    case SGI_BASE + 0xc04:                          /* PPIs: programmable */
        icfgr_write(g, 1, (uint32_t)value);
        break;
    case SGI_BASE + 0xd00: case SGI_BASE + 0xe00: case 0x0010:
        break;
    default:
        if (off == 0x0004 || off == 0x0008 || off == 0x000c || (off >= 0xffd0 && off < 0x10000) ||
            off >= SGI_BASE + 0xffd0)
            qlog(LOG_GUEST_ERRORS, "gicv3: write to read-only GICR offset 0x%x\n", off);
        else
            goto bad;
    }
    return true;
bad:
    qlog(LOG_GUEST_ERRORS, "gicv3: GICR %u-byte write of offset 0x%x: unimplemented, ignored\n",
         size, off);
    return true;
}

const struct mmio_ops gicv3_redist_mmio_ops = { .read = redist_read, .write = redist_write };
