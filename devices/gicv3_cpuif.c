/* GICv3 CPU interface (ICC_*_EL1). Sections refer to IHI 0069. */
#include "devices/gicv3_cpuif.h"

#include "core/log.h"

#define PRIO_MASK 0xf8u
#define BPR0_MIN 2u             /* 5 preemption bits: group priority [7:3] (§4.8.5, Table 4-7) */
#define BPR1_MIN (BPR0_MIN + 1) /* Group 1 binary point is offset by one (Table 4-8) */
#define CTLR_CBPR (1u << 0)
#define CTLR_EOIMODE (1u << 1)
/* ICC_CTLR_EL1 read-only fields: PRIbits [10:8] = 4 (5 bits), IDbits [13:11] = 0 (16 bits). */
#define CTLR_RO (4u << 8)

void gicv3_cpuif_reset(struct gicv3_cpuif *c)
{
    c->pmr = 0;
    c->bpr0 = BPR0_MIN;
    c->bpr1 = BPR1_MIN;
    c->ctlr = 0;
    c->apr[0] = c->apr[1] = 0;
    c->igrpen[0] = c->igrpen[1] = false;
    if (c->gic)
        gicv3_set_cpu_groups(c->gic, 0);
}

void gicv3_cpuif_init(struct gicv3_cpuif *c, struct gicv3 *gic)
{
    c->gic = gic;
    gicv3_cpuif_reset(c);
}

static void report_groups(struct gicv3_cpuif *c)
{
    gicv3_set_cpu_groups(c->gic, (c->igrpen[0] ? 1u : 0) | (c->igrpen[1] ? 2u : 0));
}

/* Group priority mask (§4.8.5): with CBPR, Group 1 uses BPR0 too. */
static unsigned gprio_mask(const struct gicv3_cpuif *c, unsigned group)
{
    if (group == 0 || (c->ctlr & CTLR_CBPR))
        return (0xffu << (c->bpr0 + 1)) & 0xff;
    return (0xffu << c->bpr1) & 0xff;
}

unsigned gicv3_cpuif_running_priority(const struct gicv3_cpuif *c)
{
    uint32_t all = c->apr[0] | c->apr[1];
    return all ? (unsigned)__builtin_ctz(all) << 3 : 0xff;
}

/* Can the distributor's offer be signalled/acknowledged for `group`? (§4.8.3, §4.8.6) */
static bool can_signal(const struct gicv3_cpuif *c, unsigned group, unsigned *intid_out)
{
    unsigned intid, prio, grp;
    if (!gicv3_highest_pending(c->gic, &intid, &prio, &grp) || grp != group)
        return false;
    if (!c->igrpen[group])
        return false;
    if (prio >= c->pmr)
        return false;
    if ((prio & gprio_mask(c, group)) >= gicv3_cpuif_running_priority(c))
        return false;
    if (intid_out)
        *intid_out = intid;
    return true;
}

bool gicv3_cpuif_irq_pending(const struct gicv3_cpuif *c)
{
    return can_signal(c, 1, NULL);
}

bool gicv3_cpuif_fiq_pending(const struct gicv3_cpuif *c)
{
    return can_signal(c, 0, NULL);
}

static uint64_t read_iar(struct gicv3_cpuif *c, unsigned group)
{
    if (!can_signal(c, group, NULL))
        return GICV3_INTID_SPURIOUS;
    unsigned intid = gicv3_acknowledge(c->gic, group);
    if (intid == GICV3_INTID_SPURIOUS)
        return intid;
    unsigned prio = gicv3_priority(c->gic, intid);
    /* Record the active group priority: this is now the running priority (§4.8.3). */
    c->apr[group] |= 1u << ((prio & gprio_mask(c, group)) >> 3);
    return intid;
}

static uint64_t read_hppir(const struct gicv3_cpuif *c, unsigned group)
{
    unsigned intid, grp;
    if (!gicv3_highest_pending(c->gic, &intid, NULL, &grp) || grp != group)
        return GICV3_INTID_SPURIOUS;
    return intid;
}

/* EOIR: priority drop of the highest active priority, if it belongs to this group, then (EOImode 0)
 * deactivation (§4.1.1, §12.2.9). Special INTIDs 1020-1023 do neither. */
static void write_eoir(struct gicv3_cpuif *c, unsigned group, unsigned intid)
{
    if (intid >= 1020)
        return;
    uint32_t all = c->apr[0] | c->apr[1];
    if (!all) {
        qlog(LOG_GUEST_ERRORS, "gicv3: EOIR%u of INTID %u with no active priority\n", group, intid);
        return;
    }
    uint32_t lowest = all & -all;
    unsigned owner = (c->apr[0] & lowest) ? 0 : 1;
    if (owner != group) {
        qlog(LOG_GUEST_ERRORS, "gicv3: EOIR%u of INTID %u, but the highest active priority is "
             "Group %u: ignored\n", group, intid, owner);
        return;
    }
    c->apr[owner] &= ~lowest;
    if (!(c->ctlr & CTLR_EOIMODE))
        gicv3_deactivate(c->gic, intid);
}

/* SGI generation (§12.2.21 ICC_SGI1R_EL1): TargetList [15:0], Aff1 [23:16], INTID [27:24],
 * Aff2 [39:32], IRM [40], RS [47:44], Aff3 [55:48]. Only PE 0.0.0.0 exists; IRM=1 means "all but
 * self", which is nobody. */
static void write_sgi(struct gicv3_cpuif *c, uint64_t v, unsigned group)
{
    unsigned intid = (v >> 24) & 0xf;
    bool irm = (v >> 40) & 1;
    bool self = !irm && (v & 1) && ((v >> 16) & 0xff) == 0 && ((v >> 32) & 0xff) == 0 &&
                ((v >> 44) & 0xf) == 0 && ((v >> 48) & 0xff) == 0;
    if (self)
        gicv3_send_sgi(c->gic, intid, group);
}

bool gicv3_cpuif_access(struct gicv3_cpuif *c, unsigned enc, bool is_read, uint64_t *val)
{
    uint64_t v = is_read ? 0 : *val;
    switch (enc) {
    case ICC_PMR_EL1:
        if (is_read)
            v = c->pmr;
        else
            c->pmr = (uint8_t)(v & PRIO_MASK);
        break;
    case ICC_BPR0_EL1:
        if (is_read)
            v = c->bpr0;
        else
            c->bpr0 = (v & 7) < BPR0_MIN ? BPR0_MIN : (uint8_t)(v & 7);
        break;
    case ICC_BPR1_EL1:
        /* With CBPR set, BPR1 reads as BPR0 + 1 (saturated) and ignores writes (§12.2.5). */
        if (c->ctlr & CTLR_CBPR) {
            if (is_read)
                v = c->bpr0 + 1 > 7 ? 7 : c->bpr0 + 1;
        } else if (is_read) {
            v = c->bpr1;
        } else {
            c->bpr1 = (v & 7) < BPR1_MIN ? BPR1_MIN : (uint8_t)(v & 7);
        }
        break;
    case ICC_IAR0_EL1: case ICC_IAR1_EL1:
        if (!is_read)
            return false;
        v = read_iar(c, enc == ICC_IAR1_EL1);
        break;
    case ICC_EOIR0_EL1: case ICC_EOIR1_EL1:
        if (is_read)
            return false;
        write_eoir(c, enc == ICC_EOIR1_EL1, (unsigned)(v & 0xffffff));
        break;
    case ICC_HPPIR0_EL1: case ICC_HPPIR1_EL1:
        if (!is_read)
            return false;
        v = read_hppir(c, enc == ICC_HPPIR1_EL1);
        break;
    case ICC_DIR_EL1:
        if (is_read)
            return false;
        if (!(c->ctlr & CTLR_EOIMODE))
            qlog(LOG_GUEST_ERRORS, "gicv3: ICC_DIR_EL1 write with EOImode 0 (UNPREDICTABLE; "
                 "deactivating)\n");
        if ((v & 0xffffff) < 1020)
            gicv3_deactivate(c->gic, (unsigned)(v & 0xffffff));
        break;
    case ICC_RPR_EL1:
        if (!is_read)
            return false;
        v = gicv3_cpuif_running_priority(c);
        break;
    case ICC_SGI0R_EL1: case ICC_SGI1R_EL1:
        if (is_read)
            return false;
        write_sgi(c, v, enc == ICC_SGI1R_EL1);
        break;
    case ICC_ASGI1R_EL1:
        if (is_read)
            return false;
        /* The "other security state" does not exist with DS=1: nothing is generated. */
        qlog(LOG_GUEST_ERRORS, "gicv3: ICC_ASGI1R_EL1 write in a single security state ignored\n");
        break;
    case ICC_CTLR_EL1:
        if (is_read)
            v = c->ctlr | CTLR_RO;
        else
            c->ctlr = (uint32_t)v & (CTLR_CBPR | CTLR_EOIMODE);
        break;
    case ICC_SRE_EL1:
        if (is_read)
            v = 7;          /* SRE, DFB, DIB: RAO/WI */
        break;
    case ICC_IGRPEN0_EL1: case ICC_IGRPEN1_EL1: {
        unsigned g = enc == ICC_IGRPEN1_EL1;
        if (is_read) {
            v = c->igrpen[g];
        } else {
            c->igrpen[g] = v & 1;
            report_groups(c);
        }
        break;
    }
    case ICC_AP0R0_EL1: case ICC_AP1R0_EL1: {
        unsigned g = enc == ICC_AP1R0_EL1;
        if (is_read)
            v = c->apr[g];
        else
            c->apr[g] = (uint32_t)v;
        break;
    }
    default:
        return false;
    }
    if (is_read)
        *val = v;
    return true;
}
