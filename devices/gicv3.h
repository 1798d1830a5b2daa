/* GICv3 distributor and one redistributor (one CPU), as on QEMU's virt board with gic-version=3.
 * Reference: Arm Generic Interrupt Controller Architecture Specification, GIC architecture version 3
 * and version 4 (IHI 0069), chapters 4 (interrupt handling), 8 (programmers' model) and 12 (registers).
 *
 * Configuration modelled: one security state (GICD_CTLR.DS = 1, RAO/WI), affinity routing always on
 * (ARE RAO/WI; no legacy GICv2 operation), no LPIs/ITS, no message-based SPIs, no extended INTID
 * ranges. INTIDs 0-15 are SGIs and 16-31 PPIs (redistributor SGI_base frame), 32..32+N-1 SPIs
 * (distributor). With DS=1 there are two groups: Group 0 (signalled as FIQ) and Group 1 (IRQ).
 * Priorities have 5 implemented bits ([7:3]; bits [2:0] RAZ/WI), so there are 32 preemption levels.
 * Register writes take effect at once (RWP/UWP read 0).
 *
 * Frames: GICD 64 KiB at 0x0800_0000 (gicv3_dist_mmio_ops); GICR 128 KiB at 0x080A_0000
 * (gicv3_redist_mmio_ops): RD_base at +0 and SGI_base at +0x10000. opaque = the struct gicv3 *.
 *
 * CPU-interface side. The distributor knows no priority mask or running priority: it offers its
 * highest-priority pending interrupt that is enabled, whose group is enabled in GICD_CTLR, that is
 * not already active, whose group the CPU interface has enabled (gicv3_set_cpu_groups: the CPU
 * interface reports ICC_IGRPEN<n>_EL1 to the redistributor, §4.7; default both), that is routed to CPU 0 (GICD_IROUTER: IRM=1 or affinity 0.0.0.0) and while
 * the redistributor is awake (GICR_WAKER.ProcessorSleep = 0). Ties go to the lower INTID.
 *   - gicv3_highest_pending() reports it (an ICC_HPPIRn_EL1 view);
 *   - gicv3_acknowledge() makes it active (pending latch cleared; a level-sensitive interrupt whose
 *     line is still high becomes active and pending), returning its INTID, or 1023 if there is none
 *     or it is of the other group;
 *   - gicv3_deactivate() clears the active state (ICC_DIR_EL1 / EOI with EOImode 0); gicv3_eoi() is
 *     the same thing, for callers that keep priority-drop state themselves (e.g. list registers).
 * devices/gicv3_cpuif.h builds the ICC_*_EL1 system registers (PMR, BPR, running priority, active
 * priorities) on top of these. Callers that poll the IRQ line may register a change callback
 * (gicv3_set_notify) that runs whenever the distributor's offer may have changed. */
#ifndef DEVICES_GICV3_H
#define DEVICES_GICV3_H

#include <stdbool.h>
#include <stdint.h>

#include "core/bus.h"

#define GICV3_DIST_BASE 0x08000000ull
#define GICV3_DIST_SIZE 0x10000u
#define GICV3_REDIST_BASE 0x080a0000ull
#define GICV3_REDIST_SIZE 0x20000u

#define GICV3_NUM_SGI_PPI 32
#define GICV3_MAX_INTID 1020        /* INTIDs 1020-1023 are special */
#define GICV3_INTID_SPURIOUS 1023

struct gicv3;

/* num_spis is rounded up to a multiple of 32 (QEMU's virt board has 256); at most 988. Returns NULL
 * if it is out of range or memory runs out. */
struct gicv3 *gicv3_create(unsigned num_spis);
void gicv3_destroy(struct gicv3 *gic);
void gicv3_reset(struct gicv3 *gic);

/* Number of implemented INTIDs (32 + SPIs). */
unsigned gicv3_num_irqs(const struct gicv3 *gic);

extern const struct mmio_ops gicv3_dist_mmio_ops;
extern const struct mmio_ops gicv3_redist_mmio_ops;

/* Interrupt input for a PPI (16-31) or SPI (32..): the level of the device's line. Edge-triggered
 * interrupts (GICD_ICFGR) latch pending on a rising edge; level-sensitive ones are pending while
 * the line is high (or while set pending by GICD_ISPENDR). Other INTIDs are ignored (logged). */
void gicv3_set_irq(struct gicv3 *gic, unsigned intid, bool level);
/* The same, with the irq_sink_fn signature of devices/irq.h (opaque = the struct gicv3 *). */
void gicv3_irq_input(void *gic, unsigned intid, bool level);

/* Make SGI `intid` (0-15) pending on CPU 0 if it is configured as Group `group` (ICC_SGI0R_EL1 /
 * ICC_SGI1R_EL1 generate Group 0 / Group 1 SGIs; a mismatch is not forwarded). */
void gicv3_send_sgi(struct gicv3 *gic, unsigned intid, unsigned group);

/* Highest-priority pending interrupt offered to CPU 0 (see above). Returns 1 and fills the outputs
 * (any of which may be NULL) if there is one, else 0. */
int gicv3_highest_pending(const struct gicv3 *gic, unsigned *intid, unsigned *prio, unsigned *group);
unsigned gicv3_acknowledge(struct gicv3 *gic, unsigned group);
void gicv3_deactivate(struct gicv3 *gic, unsigned intid);
void gicv3_eoi(struct gicv3 *gic, unsigned intid);

/* State queries (tests, debug shell, SAE firmware). */
bool gicv3_is_pending(const struct gicv3 *gic, unsigned intid);
bool gicv3_is_active(const struct gicv3 *gic, unsigned intid);
unsigned gicv3_priority(const struct gicv3 *gic, unsigned intid);
unsigned gicv3_group(const struct gicv3 *gic, unsigned intid);

/* The CPU interface's group enables (bit 0 = Group 0, bit 1 = Group 1); gicv3_cpuif does this. */
void gicv3_set_cpu_groups(struct gicv3 *gic, unsigned mask);

/* Called (with opaque) after any change that may alter gicv3_highest_pending()'s answer. */
void gicv3_set_notify(struct gicv3 *gic, void (*fn)(void *opaque), void *opaque);

#endif
