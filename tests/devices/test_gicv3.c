/* GICv3 distributor/redistributor/CPU-interface tests (IHI 0069). */
#include <check.h>
#include <stdlib.h>

#include "devices/gicv3.h"
#include "devices/gicv3_cpuif.h"

static struct gicv3 *gic;
static struct gicv3_cpuif cpu;

static uint64_t drd(uint32_t off, unsigned size)
{
    uint64_t v = 0xdead;
    ck_assert(gicv3_dist_mmio_ops.read(gic, off, size, &v));
    return v;
}
static void dwr(uint32_t off, unsigned size, uint64_t v)
{
    ck_assert(gicv3_dist_mmio_ops.write(gic, off, size, v));
}
static uint64_t rrd(uint32_t off, unsigned size)
{
    uint64_t v = 0xdead;
    ck_assert(gicv3_redist_mmio_ops.read(gic, off, size, &v));
    return v;
}
static void rwr(uint32_t off, unsigned size, uint64_t v)
{
    ck_assert(gicv3_redist_mmio_ops.write(gic, off, size, v));
}
static uint64_t icc_rd(unsigned enc)
{
    uint64_t v = 0xdead;
    ck_assert(gicv3_cpuif_access(&cpu, enc, true, &v));
    return v;
}
static void icc_wr(unsigned enc, uint64_t v)
{
    ck_assert(gicv3_cpuif_access(&cpu, enc, false, &v));
}

#define SGI_BASE 0x10000u

static void setup(void)
{
    gic = gicv3_create(256);
    ck_assert_ptr_nonnull(gic);
    gicv3_cpuif_init(&cpu, gic);
}

static void teardown(void)
{
    gicv3_destroy(gic);
}

/* What Linux's GICv3 driver does at boot, roughly: wake the redistributor, everything Group 1,
 * enable Group 1 and the CPU interface with PMR 0xf0. */
static void linux_like_init(void)
{
    rwr(0x14, 4, 0);
    for (unsigned w = 1; w < 9; w++)
        dwr(0x80 + 4 * w, 4, 0xffffffff);
    rwr(SGI_BASE + 0x80, 4, 0xffffffff);
    dwr(0x0, 4, 0x2);
    icc_wr(ICC_PMR_EL1, 0xf0);
    icc_wr(ICC_IGRPEN1_EL1, 1);
}

static void spi_setup(unsigned intid, unsigned prio)
{
    dwr(0x400 + intid, 1, prio);
    dwr(0x100 + 4 * (intid / 32), 4, 1u << (intid % 32));
}

START_TEST(identification)
{
    ck_assert_uint_eq(drd(0xffe8, 4), 0x30);              /* GICD_PIDR2: ArchRev 3 */
    ck_assert_uint_eq(rrd(0xffe8, 4), 0x30);              /* GICR_PIDR2 */
    ck_assert_uint_eq(drd(0xfff0, 4), 0x0d);
    ck_assert_uint_eq(drd(0xfffc, 4), 0xb1);
    uint64_t typer = drd(0x4, 4);
    ck_assert_uint_eq(typer & 0x1f, 8);                   /* (256 + 32) / 32 - 1 */
    ck_assert_uint_eq((typer >> 19) & 0x1f, 9);           /* 10 INTID bits */
    ck_assert_uint_eq(gicv3_num_irqs(gic), 288);
    ck_assert_uint_eq(drd(0x0, 4), 0x50);                 /* ARE | DS, groups disabled */
    dwr(0x0, 4, 0xffffffff);
    ck_assert_uint_eq(drd(0x0, 4), 0x53);                 /* only the enables are writable */
    ck_assert_uint_eq(drd(0x8, 4) & 0xfff, 0x43b);
    ck_assert_uint_eq(rrd(0x4, 4) & 0xfff, 0x43b);
    ck_assert_uint_eq(rrd(0x8, 8), 0x10);                 /* GICR_TYPER: Last, affinity 0 */
    ck_assert_uint_eq(rrd(0x8, 4), 0x10);
    ck_assert_uint_eq(rrd(0xc, 4), 0);
    ck_assert_uint_eq(drd(0x1234, 4), 0);                 /* unimplemented: RAZ, no fault */
}
END_TEST

START_TEST(waker_handshake)
{
    ck_assert_uint_eq(rrd(0x14, 4), 0x6);                 /* ProcessorSleep | ChildrenAsleep */
    rwr(SGI_BASE + 0x80, 4, 0xffffffff);
    dwr(0x0, 4, 0x2);
    icc_wr(ICC_IGRPEN1_EL1, 1);
    rwr(SGI_BASE + 0x100, 4, 1u << 27);                   /* enable PPI 27 */
    gicv3_set_irq(gic, 27, true);
    ck_assert(gicv3_is_pending(gic, 27));
    ck_assert_int_eq(gicv3_highest_pending(gic, NULL, NULL, NULL), 0); /* asleep: not forwarded */
    rwr(0x14, 4, 0);
    ck_assert_uint_eq(rrd(0x14, 4), 0);                   /* ChildrenAsleep follows at once */
    unsigned id, prio, grp;
    ck_assert_int_eq(gicv3_highest_pending(gic, &id, &prio, &grp), 1);
    ck_assert_uint_eq(id, 27);
    ck_assert_uint_eq(grp, 1);
    rwr(0x14, 4, 2);
    ck_assert_uint_eq(rrd(0x14, 4), 6);
    ck_assert_int_eq(gicv3_highest_pending(gic, NULL, NULL, NULL), 0);
}
END_TEST

START_TEST(registers)
{
    linux_like_init();
    /* Priority: 5 bits, byte and word access. */
    dwr(0x400 + 40, 1, 0xff);
    ck_assert_uint_eq(drd(0x400 + 40, 1), 0xf8);
    dwr(0x400 + 44, 4, 0x11223344);
    ck_assert_uint_eq(drd(0x400 + 44, 4), 0x10203040);
    ck_assert_uint_eq(gicv3_priority(gic, 46), 0x20);
    /* SGI/PPI priorities live in the redistributor; the GICD copies are RAZ/WI. */
    dwr(0x400, 4, 0x80808080);
    ck_assert_uint_eq(drd(0x400, 4), 0);
    rwr(SGI_BASE + 0x400 + 24, 4, 0xa0a0a0a0);
    ck_assert_uint_eq(rrd(SGI_BASE + 0x400 + 24, 4), 0xa0a0a0a0);
    ck_assert_uint_eq(gicv3_priority(gic, 27), 0xa0);
    /* Enable set/clear. */
    dwr(0x104, 4, 0x5);                                   /* ISENABLER1: INTIDs 32, 34 */
    ck_assert_uint_eq(drd(0x104, 4), 0x5);
    ck_assert_uint_eq(drd(0x184, 4), 0x5);
    dwr(0x184, 4, 0x1);
    ck_assert_uint_eq(drd(0x104, 4), 0x4);
    ck_assert_uint_eq(drd(0x100, 4), 0);                  /* word 0 is RAZ in GICD with ARE */
    /* Pending set/clear, active set/clear. */
    dwr(0x204, 4, 0x8);
    ck_assert(gicv3_is_pending(gic, 35));
    ck_assert_uint_eq(drd(0x284, 4), 0x8);
    dwr(0x284, 4, 0x8);
    ck_assert(!gicv3_is_pending(gic, 35));
    dwr(0x304, 4, 0x10);
    ck_assert(gicv3_is_active(gic, 36));
    dwr(0x384, 4, 0x10);
    ck_assert(!gicv3_is_active(gic, 36));
    /* Group. */
    dwr(0x84, 4, 0xfffffffe);
    ck_assert_uint_eq(gicv3_group(gic, 32), 0);
    ck_assert_uint_eq(gicv3_group(gic, 33), 1);
    /* ICFGR: SGIs read-only edge, PPIs and SPIs programmable. */
    ck_assert_uint_eq(rrd(SGI_BASE + 0xc00, 4), 0xaaaaaaaa);
    rwr(SGI_BASE + 0xc00, 4, 0);
    ck_assert_uint_eq(rrd(SGI_BASE + 0xc00, 4), 0xaaaaaaaa);
    dwr(0xc08, 4, 0x8);                                   /* INTID 33 edge */
    ck_assert_uint_eq(drd(0xc08, 4), 0x8);
    /* IROUTER: 64-bit and halves. */
    dwr(0x6000 + 8 * 40, 8, 0x0000000100000203ull);
    ck_assert_uint_eq(drd(0x6000 + 8 * 40, 8), 0x0000000100000203ull);
    ck_assert_uint_eq(drd(0x6000 + 8 * 40 + 4, 4), 1);
    dwr(0x6000 + 8 * 40 + 4, 4, 0);
    ck_assert_uint_eq(drd(0x6000 + 8 * 40, 8), 0x203);
    ck_assert_uint_eq(drd(0x6000 + 8 * 5, 8), 0);         /* no IROUTER for SGIs/PPIs */
}
END_TEST

START_TEST(level_ack_eoi)
{
    linux_like_init();
    spi_setup(40, 0x80);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    gicv3_set_irq(gic, 40, true);
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert(!gicv3_cpuif_fiq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_HPPIR1_EL1), 40);
    ck_assert_uint_eq(icc_rd(ICC_HPPIR0_EL1), 1023);
    ck_assert_uint_eq(icc_rd(ICC_IAR0_EL1), 1023);        /* wrong group */
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 40);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x80);
    ck_assert(gicv3_is_active(gic, 40));
    ck_assert(gicv3_is_pending(gic, 40));                 /* level still high: active+pending */
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 1023);
    icc_wr(ICC_EOIR1_EL1, 40);
    ck_assert(!gicv3_is_active(gic, 40));
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0xff);
    ck_assert(gicv3_cpuif_irq_pending(&cpu));             /* line still asserted */
    gicv3_set_irq(gic, 40, false);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    ck_assert(!gicv3_is_pending(gic, 40));
    /* ICPENDR cannot clear a level interrupt whose line is high. */
    gicv3_set_irq(gic, 40, true);
    dwr(0x284, 4, 1u << 8);
    ck_assert(gicv3_is_pending(gic, 40));
    /* Disabled interrupts and disabled groups are not signalled. */
    dwr(0x184, 4, 1u << 8);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    dwr(0x104, 4, 1u << 8);
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    icc_wr(ICC_IGRPEN1_EL1, 0);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 1023);
    icc_wr(ICC_IGRPEN1_EL1, 1);
    dwr(0x0, 4, 0);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
}
END_TEST

START_TEST(edge_triggered)
{
    linux_like_init();
    dwr(0xc08, 4, 2u << (2 * 4));                         /* INTID 36 edge */
    spi_setup(36, 0x80);
    gicv3_set_irq(gic, 36, true);
    gicv3_set_irq(gic, 36, false);
    ck_assert(gicv3_is_pending(gic, 36));                 /* latched */
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 36);
    ck_assert(!gicv3_is_pending(gic, 36));
    /* A new edge while active makes it active and pending; delivered after deactivation. */
    gicv3_set_irq(gic, 36, true);
    ck_assert(gicv3_is_pending(gic, 36));
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    icc_wr(ICC_EOIR1_EL1, 36);
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 36);
    icc_wr(ICC_EOIR1_EL1, 36);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
}
END_TEST

START_TEST(priority_and_preemption)
{
    linux_like_init();
    spi_setup(33, 0xa0);
    spi_setup(34, 0x40);
    rwr(SGI_BASE + 0x400 + 27, 1, 0x60);
    rwr(SGI_BASE + 0x100, 4, 1u << 27);
    gicv3_set_irq(gic, 33, true);
    gicv3_set_irq(gic, 34, true);
    gicv3_set_irq(gic, 27, true);
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 34);          /* highest priority first */
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x40);
    ck_assert_uint_eq(icc_rd(ICC_HPPIR1_EL1), 27);        /* next best, though it cannot preempt */
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 1023);
    gicv3_set_irq(gic, 34, false);
    icc_wr(ICC_EOIR1_EL1, 34);
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 27);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x60);
    /* A higher priority interrupt preempts the running one; nesting unwinds in order. */
    spi_setup(35, 0x20);
    gicv3_set_irq(gic, 35, true);
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 35);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x20);
    ck_assert_uint_eq(icc_rd(ICC_AP1R0_EL1), (1u << 4) | (1u << 12));
    gicv3_set_irq(gic, 35, false);
    icc_wr(ICC_EOIR1_EL1, 35);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x60);
    gicv3_set_irq(gic, 27, false);
    icc_wr(ICC_EOIR1_EL1, 27);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0xff);
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 33);
    gicv3_set_irq(gic, 33, false);
    icc_wr(ICC_EOIR1_EL1, 33);
    /* Equal priorities: lower INTID wins. */
    spi_setup(50, 0x80);
    spi_setup(45, 0x80);
    gicv3_set_irq(gic, 50, true);
    gicv3_set_irq(gic, 45, true);
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 45);
    /* BPR1 = 5 -> group priority mask 0xe0: 0x48 (group 0x40) preempts a running 0x60. */
    icc_wr(ICC_EOIR1_EL1, 45);
    gicv3_set_irq(gic, 45, false);
    gicv3_set_irq(gic, 50, false);
    icc_wr(ICC_BPR1_EL1, 0);
    ck_assert_uint_eq(icc_rd(ICC_BPR1_EL1), 3);           /* clamped to the minimum */
    icc_wr(ICC_BPR1_EL1, 5);
    spi_setup(60, 0x60);
    spi_setup(61, 0x48);
    gicv3_set_irq(gic, 60, true);
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 60);
    gicv3_set_irq(gic, 61, true);
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 61);
}
END_TEST

START_TEST(binary_point_preemption)
{
    linux_like_init();
    icc_wr(ICC_BPR1_EL1, 6);                              /* group priority [7:6] */
    spi_setup(60, 0x60);
    spi_setup(61, 0x48);
    spi_setup(62, 0x20);
    gicv3_set_irq(gic, 60, true);
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 60);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x40);         /* 0x60 & 0xc0 */
    gicv3_set_irq(gic, 61, true);                         /* same group priority 0x40 */
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    gicv3_set_irq(gic, 62, true);                         /* group priority 0x00 preempts */
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 62);
    /* CBPR: Group 1 uses BPR0 and BPR1 reads BPR0 + 1. */
    icc_wr(ICC_CTLR_EL1, 1);
    ck_assert_uint_eq(icc_rd(ICC_BPR1_EL1), 3);
    ck_assert_uint_eq(icc_rd(ICC_CTLR_EL1), 0x401);       /* PRIbits = 4 */
}
END_TEST

START_TEST(pmr_masking)
{
    linux_like_init();
    spi_setup(40, 0xf0);
    gicv3_set_irq(gic, 40, true);
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));            /* 0xf0 is not above PMR 0xf0 */
    ck_assert_uint_eq(icc_rd(ICC_HPPIR1_EL1), 40);        /* but it is the highest pending */
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 1023);
    icc_wr(ICC_PMR_EL1, 0xff);
    ck_assert_uint_eq(icc_rd(ICC_PMR_EL1), 0xf8);         /* 5 implemented bits */
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
}
END_TEST

START_TEST(group0_fiq_and_eoimode)
{
    linux_like_init();
    icc_wr(ICC_IGRPEN0_EL1, 1);
    dwr(0x0, 4, 0x3);
    dwr(0x84, 4, 0);                                      /* SPIs 32-63 Group 0 */
    spi_setup(41, 0x80);
    gicv3_set_irq(gic, 41, true);
    ck_assert(gicv3_cpuif_fiq_pending(&cpu));
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 1023);
    icc_wr(ICC_CTLR_EL1, 2);                              /* EOImode 1: EOIR only drops priority */
    ck_assert_uint_eq(icc_rd(ICC_IAR0_EL1), 41);
    ck_assert_uint_eq(icc_rd(ICC_AP0R0_EL1), 1u << 16);
    icc_wr(ICC_EOIR1_EL1, 41);                            /* wrong group: ignored */
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0x80);
    icc_wr(ICC_EOIR0_EL1, 41);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0xff);
    ck_assert(gicv3_is_active(gic, 41));
    icc_wr(ICC_DIR_EL1, 41);
    ck_assert(!gicv3_is_active(gic, 41));
}
END_TEST

START_TEST(cpu_group_enables)
{
    linux_like_init();
    dwr(0x0, 4, 0x3);
    dwr(0x84, 4, ~1u);                                    /* INTID 32 Group 0, the rest Group 1 */
    spi_setup(32, 0x10);
    spi_setup(33, 0x80);
    gicv3_set_irq(gic, 32, true);
    gicv3_set_irq(gic, 33, true);
    /* IGRPEN0 = 0: the redistributor is told, and offers the best Group 1 interrupt instead. */
    ck_assert(!gicv3_cpuif_fiq_pending(&cpu));
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_HPPIR1_EL1), 33);
    icc_wr(ICC_IGRPEN0_EL1, 1);
    ck_assert(gicv3_cpuif_fiq_pending(&cpu));
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));            /* Group 0 at 0x10 is now the best */
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 1023);
    ck_assert_uint_eq(icc_rd(ICC_IAR0_EL1), 32);
}
END_TEST

START_TEST(spi_routing)
{
    linux_like_init();
    spi_setup(70, 0x80);
    dwr(0x6000 + 8 * 70, 8, 0x1);                         /* Aff0 = 1: no such PE */
    gicv3_set_irq(gic, 70, true);
    ck_assert(gicv3_is_pending(gic, 70));
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    dwr(0x6000 + 8 * 70, 8, 1ull << 32);                  /* Aff3 = 1 */
    ck_assert(!gicv3_cpuif_irq_pending(&cpu));
    dwr(0x6000 + 8 * 70, 8, (1ull << 31) | 1);           /* IRM: any PE (Aff ignored) */
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    dwr(0x6000 + 8 * 70, 8, 0);                           /* PE 0.0.0.0 */
    ck_assert(gicv3_cpuif_irq_pending(&cpu));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 70);
}
END_TEST

START_TEST(sgis)
{
    linux_like_init();
    rwr(SGI_BASE + 0x100, 4, 0xffff);
    rwr(SGI_BASE + 0x400 + 4, 4, 0x80808080);
    icc_wr(ICC_SGI1R_EL1, (5ull << 24) | 0x2);            /* TargetList {1}: nobody */
    ck_assert(!gicv3_is_pending(gic, 5));
    icc_wr(ICC_SGI1R_EL1, (5ull << 24) | (1ull << 40) | 1);  /* IRM: all but self */
    ck_assert(!gicv3_is_pending(gic, 5));
    icc_wr(ICC_SGI0R_EL1, (5ull << 24) | 1);              /* Group 0 SGI, but SGI 5 is Group 1 */
    ck_assert(!gicv3_is_pending(gic, 5));
    icc_wr(ICC_SGI1R_EL1, (5ull << 24) | 1);
    ck_assert(gicv3_is_pending(gic, 5));
    ck_assert_uint_eq(icc_rd(ICC_IAR1_EL1), 5);
    icc_wr(ICC_EOIR1_EL1, 5);
    ck_assert(!gicv3_is_active(gic, 5));
    ck_assert(!gicv3_is_pending(gic, 5));
}
END_TEST

START_TEST(sysreg_decode)
{
    uint64_t v = 0;
    ck_assert(!gicv3_cpuif_access(&cpu, ICC_IAR1_EL1, false, &v));   /* MSR to a RO register */
    ck_assert(!gicv3_cpuif_access(&cpu, ICC_EOIR1_EL1, true, &v));   /* MRS of a WO register */
    ck_assert(!gicv3_cpuif_access(&cpu, GICV3_SYSREG(3, 0, 12, 8, 5), true, &v)); /* AP0R1 */
    ck_assert(!gicv3_cpuif_access(&cpu, GICV3_SYSREG(3, 0, 1, 0, 0), true, &v));  /* SCTLR */
    ck_assert_uint_eq(icc_rd(ICC_SRE_EL1), 7);
    ck_assert_uint_eq(icc_rd(ICC_PMR_EL1), 0);
    ck_assert_uint_eq(icc_rd(ICC_BPR0_EL1), 2);
    ck_assert_uint_eq(icc_rd(ICC_RPR_EL1), 0xff);
    ck_assert_uint_eq(GICV3_SYSREG(3, 0, 12, 12, 0), 0xc660);         /* ICC_IAR1_EL1 */
}
END_TEST

static int notified;
static void note(void *opaque) { (void)opaque; notified++; }

START_TEST(notify)
{
    gicv3_set_notify(gic, note, NULL);
    notified = 0;
    gicv3_set_irq(gic, 40, true);
    ck_assert_int_gt(notified, 0);
    int n = notified;
    gicv3_set_irq(gic, 40, true);                         /* no change, no callback */
    ck_assert_int_eq(notified, n);
    ck_assert_ptr_null(gicv3_create(2000));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gicv3");
    TCase *tc = tcase_create("gic");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, identification);
    tcase_add_test(tc, waker_handshake);
    tcase_add_test(tc, registers);
    tcase_add_test(tc, level_ack_eoi);
    tcase_add_test(tc, edge_triggered);
    tcase_add_test(tc, priority_and_preemption);
    tcase_add_test(tc, binary_point_preemption);
    tcase_add_test(tc, pmr_masking);
    tcase_add_test(tc, group0_fiq_and_eoimode);
    tcase_add_test(tc, cpu_group_enables);
    tcase_add_test(tc, spi_routing);
    tcase_add_test(tc, sgis);
    tcase_add_test(tc, sysreg_decode);
    tcase_add_test(tc, notify);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
