/* GICv3 CPU interface: the ICC_*_EL1 system registers of one PE, on top of devices/gicv3.h.
 * Reference: IHI 0069 (GICv3/v4) §4.8 (priority, preemption), §12.2 (ICC_* registers).
 *
 * The arm64-bare machine's MRS/MSR handler calls gicv3_cpuif_access() for op0=3 encodings; when it
 * returns false the access is not to an implemented ICC register (or is the wrong direction, e.g.
 * MSR to ICC_IAR1_EL1) and the CPU must raise UNDEFINED. After each instruction block or on a GIC
 * change (gicv3_set_notify) the CPU samples gicv3_cpuif_irq_pending()/fiq_pending().
 *
 * Model: one security state (GICD_CTLR.DS=1), so Group 0 is signalled as FIQ and Group 1 as IRQ;
 * 5 priority and 5 preemption bits (ICC_CTLR_EL1.PRIbits = 4), hence one active-priorities register
 * per group (ICC_AP0R0_EL1, ICC_AP1R0_EL1; AP{0,1}R1-3 are UNDEFINED); 16-bit INTIDs (IDbits 0);
 * SRE is RAO/WI (no memory-mapped GICC); no virtual interface (ICH_* / ICV_*).
 * Implemented: PMR, BPR0, BPR1, IAR0, IAR1, EOIR0, EOIR1, DIR, HPPIR0, HPPIR1, RPR, IGRPEN0,
 * IGRPEN1, CTLR (CBPR, EOImode writable), SRE, AP0R0, AP1R0, SGI0R, SGI1R, ASGI1R (single security
 * state: generates nothing, logged). */
#ifndef DEVICES_GICV3_CPUIF_H
#define DEVICES_GICV3_CPUIF_H

#include <stdbool.h>
#include <stdint.h>

#include "devices/gicv3.h"

/* sysreg_enc = op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2 */
#define GICV3_SYSREG(op0, op1, crn, crm, op2) \
    (((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

#define ICC_PMR_EL1     GICV3_SYSREG(3, 0, 4, 6, 0)
#define ICC_IAR0_EL1    GICV3_SYSREG(3, 0, 12, 8, 0)
#define ICC_EOIR0_EL1   GICV3_SYSREG(3, 0, 12, 8, 1)
#define ICC_HPPIR0_EL1  GICV3_SYSREG(3, 0, 12, 8, 2)
#define ICC_BPR0_EL1    GICV3_SYSREG(3, 0, 12, 8, 3)
#define ICC_AP0R0_EL1   GICV3_SYSREG(3, 0, 12, 8, 4)
#define ICC_AP1R0_EL1   GICV3_SYSREG(3, 0, 12, 9, 0)
#define ICC_DIR_EL1     GICV3_SYSREG(3, 0, 12, 11, 1)
#define ICC_RPR_EL1     GICV3_SYSREG(3, 0, 12, 11, 3)
#define ICC_SGI1R_EL1   GICV3_SYSREG(3, 0, 12, 11, 5)
#define ICC_ASGI1R_EL1  GICV3_SYSREG(3, 0, 12, 11, 6)
#define ICC_SGI0R_EL1   GICV3_SYSREG(3, 0, 12, 11, 7)
#define ICC_IAR1_EL1    GICV3_SYSREG(3, 0, 12, 12, 0)
#define ICC_EOIR1_EL1   GICV3_SYSREG(3, 0, 12, 12, 1)
#define ICC_HPPIR1_EL1  GICV3_SYSREG(3, 0, 12, 12, 2)
#define ICC_BPR1_EL1    GICV3_SYSREG(3, 0, 12, 12, 3)
#define ICC_CTLR_EL1    GICV3_SYSREG(3, 0, 12, 12, 4)
#define ICC_SRE_EL1     GICV3_SYSREG(3, 0, 12, 12, 5)
#define ICC_IGRPEN0_EL1 GICV3_SYSREG(3, 0, 12, 12, 6)
#define ICC_IGRPEN1_EL1 GICV3_SYSREG(3, 0, 12, 12, 7)

struct gicv3_cpuif {
    struct gicv3 *gic;
    uint8_t pmr;            /* ICC_PMR_EL1.Priority */
    uint8_t bpr0, bpr1;     /* binary points (minimum 2 and 3 with 5 preemption bits) */
    uint32_t ctlr;          /* CBPR (bit 0), EOImode (bit 1) */
    uint32_t apr[2];        /* ICC_AP0R0_EL1 / ICC_AP1R0_EL1: bit n = active group priority n<<3 */
    bool igrpen[2];
};

/* Initialise in the reset state (PMR 0: everything masked; groups disabled). */
void gicv3_cpuif_init(struct gicv3_cpuif *c, struct gicv3 *gic);
void gicv3_cpuif_reset(struct gicv3_cpuif *c);

/* MRS (is_read) or MSR of an ICC register. Returns false if the encoding/direction is not an
 * implemented ICC register: the caller raises UNDEFINED. */
bool gicv3_cpuif_access(struct gicv3_cpuif *c, unsigned sysreg_enc, bool is_read, uint64_t *val);

/* Interrupt signals to the PE (§4.8): the distributor's highest-priority pending interrupt of the
 * group, with the group enabled here, priority above the PMR and group priority above the running
 * priority. Group 1 -> IRQ, Group 0 -> FIQ. */
bool gicv3_cpuif_irq_pending(const struct gicv3_cpuif *c);
bool gicv3_cpuif_fiq_pending(const struct gicv3_cpuif *c);

/* ICC_RPR_EL1: the running priority (0xff when idle). */
unsigned gicv3_cpuif_running_priority(const struct gicv3_cpuif *c);

#endif
