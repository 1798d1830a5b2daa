/* The firmware's vGIC: the GICv3 virtual CPU interface state in the SD (§7.5: ICH_HCR_EL2, 4 list
 * registers) fed from saesim's distributor/redistributor model through the IRQ DIAGs. List-register
 * layout (IHI 0069 12.4.8 ICH_LR<n>_EL2): State [63:62], HW [61], Group [60], Priority [55:48],
 * pINTID [44:32] (HW = 1) or EOI [41] (HW = 0), vINTID [31:0]. The helpers here are pure C. */
#ifndef FW_VGIC_H
#define FW_VGIC_H

#include <stdbool.h>
#include <stdint.h>

#define VGIC_NR_LR        4u
#define LR_STATE_SHIFT    62
#define LR_STATE_MASK     (3ull << LR_STATE_SHIFT)
#define LR_STATE_PENDING  (1ull << LR_STATE_SHIFT)
#define LR_STATE_ACTIVE   (2ull << LR_STATE_SHIFT)
#define LR_HW             (1ull << 61)
#define LR_GROUP1         (1ull << 60)
#define LR_EOI            (1ull << 41)
#define INTID_NONE        1023u
#define PPI_VTIMER        27u     /* MD-51 */
#define PPI_PTIMER        30u

/* Build a pending list register. HW interrupts (the timer PPIs) are linked to pINTID = the PPI so
 * SAE suppresses the timer interception until the guest deactivates (§7.6); others request an EOI
 * maintenance interrupt so the firmware learns when a level-sensitive device interrupt is done. */
static inline uint64_t lr_make(unsigned intid, unsigned prio, unsigned group, bool hw)
{
    uint64_t lr = LR_STATE_PENDING | (uint64_t)(prio & 0xff) << 48 | (intid & 0xffffffffu);
    if (group)
        lr |= LR_GROUP1;
    if (hw)
        lr |= LR_HW | (uint64_t)(intid & 0x1fff) << 32;
    else
        lr |= LR_EOI;
    return lr;
}

static inline unsigned lr_intid(uint64_t lr) { return (unsigned)(lr & 0xffffffffu); }
static inline bool lr_idle(uint64_t lr) { return (lr & LR_STATE_MASK) == 0; }

/* Firmware bookkeeping: which LRs it filled (an LR whose state returned to 0 was deactivated). */
struct vgic {
    bool used[VGIC_NR_LR];
    unsigned intid[VGIC_NR_LR];
    bool hw[VGIC_NR_LR];
    bool overflow;              /* more pending than free LRs: UIE requested */
};

#endif
