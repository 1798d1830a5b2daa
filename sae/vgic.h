/* The GICv3 virtual CPU interface of SAE (sae-architecture §7.5; MD-21, MD-29, MD-49..MD-52), with
 * its state in the SD: ICH_HCR_EL2, ICH_VMCR_EL2, ICH_AP0R0/AP1R0_EL2 and four list registers.
 * Semantics follow the GIC architecture specification (Arm IHI 0069, "Virtual CPU interface" and
 * the ICV_* / ICH_* register descriptions) with ICH_VTR_EL2 = 0x90100003: 5 priority bits and
 * 5 preemption bits (so group priority = priority[7:3] and only APxR0 exists), 16-bit IDs. */
#ifndef SAE_VGIC_H
#define SAE_VGIC_H

#include <stdbool.h>
#include <stdint.h>

#define SAE_VGIC_NUM_LR  4u
#define SAE_INTID_SPURIOUS 1023u

/* ICH_HCR_EL2 */
#define ICH_HCR_EN        (1ull << 0)
#define ICH_HCR_UIE       (1ull << 1)
#define ICH_HCR_LRENPIE   (1ull << 2)
#define ICH_HCR_NPIE      (1ull << 3)
#define ICH_HCR_VGRP0EIE  (1ull << 4)
#define ICH_HCR_VGRP0DIE  (1ull << 5)
#define ICH_HCR_VGRP1EIE  (1ull << 6)
#define ICH_HCR_VGRP1DIE  (1ull << 7)
#define ICH_HCR_TC        (1ull << 10)
#define ICH_HCR_TALL0     (1ull << 11)
#define ICH_HCR_TALL1     (1ull << 12)
#define ICH_HCR_TSEI      (1ull << 13)
#define ICH_HCR_TDIR      (1ull << 14)
#define ICH_HCR_EOICOUNT_SHIFT 27
#define ICH_HCR_EOICOUNT_MASK  (0x1Full << ICH_HCR_EOICOUNT_SHIFT)

/* ICH_VMCR_EL2 */
#define ICH_VMCR_VENG0    (1ull << 0)
#define ICH_VMCR_VENG1    (1ull << 1)
#define ICH_VMCR_VACKCTL  (1ull << 2)
#define ICH_VMCR_VFIQEN   (1ull << 3)
#define ICH_VMCR_VCBPR    (1ull << 4)
#define ICH_VMCR_VEOIM    (1ull << 9)
#define ICH_VMCR_VBPR1_SHIFT 18
#define ICH_VMCR_VBPR0_SHIFT 21
#define ICH_VMCR_VPMR_SHIFT  24

/* ICH_LR<n>_EL2 */
#define ICH_LR_VINTID_MASK 0xFFFFFFFFull
#define ICH_LR_PINTID_SHIFT 32
#define ICH_LR_PINTID_MASK  (0x1FFFull << ICH_LR_PINTID_SHIFT)
#define ICH_LR_EOI        (1ull << 41)   /* when HW = 0 */
#define ICH_LR_PRIO_SHIFT 48
#define ICH_LR_GROUP      (1ull << 60)
#define ICH_LR_HW         (1ull << 61)
#define ICH_LR_STATE_SHIFT 62
#define ICH_LR_PENDING    (1ull << 62)
#define ICH_LR_ACTIVE     (1ull << 63)
enum { SAE_LR_INVALID = 0, SAE_LR_PENDING = 1, SAE_LR_ACTIVE = 2, SAE_LR_PENDING_ACTIVE = 3 };

/* ICH_MISR_EL2 */
#define ICH_MISR_EOI      (1ull << 0)
#define ICH_MISR_U        (1ull << 1)
#define ICH_MISR_LRENP    (1ull << 2)
#define ICH_MISR_NP       (1ull << 3)
#define ICH_MISR_VGRP0E   (1ull << 4)
#define ICH_MISR_VGRP0D   (1ull << 5)
#define ICH_MISR_VGRP1E   (1ull << 6)
#define ICH_MISR_VGRP1D   (1ull << 7)

/* The SD-held interface state, as loaded from / stored to the SD (8-byte fields). */
struct sae_vgic {
    uint64_t hcr, vmcr, ap0r0, ap1r0;
    uint64_t lr[SAE_VGIC_NUM_LR];
};

void sae_vgic_load(struct sae_vgic *g, const uint8_t *sd);
void sae_vgic_store(const struct sae_vgic *g, uint8_t *sd);

static inline unsigned sae_lr_state(uint64_t lr) { return (unsigned)(lr >> ICH_LR_STATE_SHIFT); }
static inline unsigned sae_lr_prio(uint64_t lr) { return (unsigned)(lr >> ICH_LR_PRIO_SHIFT) & 0xF8; }
static inline unsigned sae_lr_group(uint64_t lr) { return (lr & ICH_LR_GROUP) ? 1 : 0; }
static inline uint32_t sae_lr_vintid(uint64_t lr) { return (uint32_t)(lr & ICH_LR_VINTID_MASK); }
static inline unsigned sae_lr_pintid(uint64_t lr) { return (unsigned)((lr & ICH_LR_PINTID_MASK) >> ICH_LR_PINTID_SHIFT); }

/* Index of the highest-priority pending LR whose group is enabled (lowest index on ties, MD-52), or -1. */
int sae_vgic_hppi(const struct sae_vgic *g);
/* The running priority (ICV_RPR): group priority of the highest active priority, or 0xFF (idle). */
unsigned sae_vgic_running_prio(const struct sae_vgic *g);
/* Whether LR idx can be signalled: En, priority < VPMR, group priority above the running priority. */
bool sae_vgic_can_signal(const struct sae_vgic *g, unsigned idx);

struct sae_vlines { bool irq, fiq, serror; };
/* The virtual interrupt lines to EL1: the signalled LR (Group 1 -> vIRQ, Group 0 -> vFIQ) ORed with
 * SAE_HCR_EL2.VI / VF, gated by IMO / FMO; vSError = VSE with AMO (§7.5, Arm ARM D1 "Virtual interrupts"). */
struct sae_vlines sae_vgic_lines(const struct sae_vgic *g, uint64_t hcr_el2);

/* Maintenance state (MD-50); misr is 0 when ICH_HCR.En = 0. */
uint64_t sae_vgic_eisr(const struct sae_vgic *g);
uint64_t sae_vgic_elrsr(const struct sae_vgic *g);
uint64_t sae_vgic_misr(const struct sae_vgic *g);

/* True when some LR has HW = 1, the given pINTID and State != 0 (the timer link of §7.6). */
bool sae_vgic_hw_linked(const struct sae_vgic *g, unsigned pintid);

/* Guest EL1 access to a GIC CPU-interface system register (ICC_* encodings, I2 packing). */
enum sae_vgic_result {
    SAE_VGIC_NOT_GIC = 0,   /* not a GIC CPU-interface register: the caller decides */
    SAE_VGIC_HANDLED,       /* performed (read value in *val) */
    SAE_VGIC_TRAP,          /* trap to EL2: icptr 0x03, EC 0x18 */
    SAE_VGIC_UNDEF,         /* UNDEFINED at EL1: the guest takes EC 0x00 */
};
/* hcr_el2 / icc_sre_el2: the loaded context's values. *deact_pintid (may be NULL) receives the
 * pINTID of an HW = 1 LR deactivated by this access, or -1. */
enum sae_vgic_result sae_vgic_sysreg(struct sae_vgic *g, uint64_t hcr_el2, uint64_t icc_sre_el2,
                                     uint16_t enc, bool is_read, uint64_t *val, int *deact_pintid);

/* The register name of a GIC CPU-interface encoding (ICC_* form), or NULL. */
const char *sae_vgic_reg_name(uint16_t enc);

#endif
