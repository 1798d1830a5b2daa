/* Register identifiers of the SAE interface (sae-architecture §5.2, §5.3) and the model's save-area
 * slot layout (MD-23), as data.
 *
 * Identifier format: I2 = op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2, i.e. Linux sys_reg() >> 5 and
 * MRS/MSR instruction bits 20:5 (Arm ARM C5.3 "A64 system instructions for ... system registers").
 * The same packing keys the slot <-> Arm system register mapping the arm64 glue uses. */
#ifndef SAE_REGIDS_H
#define SAE_REGIDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SAE_SYSREG(op0, op1, crn, crm, op2) \
    ((uint16_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))
#define SAE_SYSREG_OP0(e) (((e) >> 14) & 3u)
#define SAE_SYSREG_OP1(e) (((e) >> 11) & 7u)
#define SAE_SYSREG_CRN(e) (((e) >> 7) & 15u)
#define SAE_SYSREG_CRM(e) (((e) >> 3) & 15u)
#define SAE_SYSREG_OP2(e) ((e) & 7u)

/* How the glue moves a slot between the context and the Arm core. */
enum sae_reg_kind {
    SAE_RK_EL1,       /* guest EL0/EL1 register; the key is the register's own MRS/MSR encoding */
    SAE_RK_EL2CTL,    /* virtual-EL2 control the machine honours (SAE_HCR_EL2 ...); key = EL2 encoding */
    SAE_RK_GUESTVIEW, /* value the guest reads through another register (MIDR slot, VMPIDR_EL2) */
    SAE_RK_OSLAR,     /* OSLAR_EL1: write-only; the slot keeps the last value written (MD-17) */
    SAE_RK_SD,        /* held in the SD, not in a slot (§5.3) */
};

/* One identifier SASR/EASR accept (MD-15). */
struct sae_regid {
    uint16_t i2;
    const char *name;
    uint8_t kind;        /* enum sae_reg_kind */
    uint16_t slot;       /* SA slot (kind != SAE_RK_SD) */
    uint16_t sd_off;     /* SD offset (kind == SAE_RK_SD) */
    uint8_t size;        /* bytes of the SD field (4 or 8); 8 for slots */
};

/* One described save-area slot: an interface slot (0-52) or a model-private slot (64-507). */
struct sae_slot_desc {
    uint16_t slot;
    uint16_t key;        /* Arm encoding the glue maps the slot to (see enum sae_reg_kind) */
    uint8_t kind;
    const char *name;
    uint64_t reset;      /* QAAF fc 2 template value (MD-25); slot 7 takes the QAAF MIDR value */
};

/* Slots of the interface layout the machine itself reads (§5.2). */
enum {
    SAE_SLOT_CNTFRQ_EL0 = 3, SAE_SLOT_CNTP_CVAL_EL0 = 4, SAE_SLOT_CNTV_CVAL_EL0 = 5,
    SAE_SLOT_MIDR_EL1 = 7, SAE_SLOT_OSLSR_EL1 = 8, SAE_SLOT_OSLAR_EL1 = 10, SAE_SLOT_SCTLR_EL1 = 11,
    SAE_SLOT_CPACR_EL1 = 12, SAE_SLOT_VBAR_EL1 = 13, SAE_SLOT_ESR_EL1 = 14, SAE_SLOT_FAR_EL1 = 19,
    SAE_SLOT_ELR_EL1 = 38, SAE_SLOT_SPSR_EL1 = 39,
    SAE_SLOT_HCR_EL2 = 40, SAE_SLOT_HCRX_EL2 = 41, SAE_SLOT_CPTR_EL2 = 42, SAE_SLOT_MDCR_EL2 = 43,
    SAE_SLOT_CNTHCTL_EL2 = 44, SAE_SLOT_HFGRTR_EL2 = 45, SAE_SLOT_HFGWTR_EL2 = 46,
    SAE_SLOT_HFGITR_EL2 = 47, SAE_SLOT_HDFGRTR_EL2 = 48, SAE_SLOT_HDFGWTR_EL2 = 49,
    SAE_SLOT_VSESR_EL2 = 50, SAE_SLOT_ICC_SRE_EL2 = 51, SAE_SLOT_VMPIDR_EL2 = 52,
};

/* I2 values used by name elsewhere. */
#define SAE_I2_OSLAR_EL1   0x8084u
#define SAE_I2_OSLSR_EL1   0x808Cu
#define SAE_I2_HCR_EL2     0xE088u
#define SAE_I2_MIDR_EL1    0xC000u
#define SAE_I2_MPIDR_EL1   0xC005u

/* The 65 accepted identifiers (53 slot-held, 12 SD-held), in §5.2 slot order then §5.3 order. */
extern const struct sae_regid sae_regids[];
extern const size_t sae_regids_count;

/* The identifier with this I2, or NULL (then SASR/EASR give a specification exception). */
const struct sae_regid *sae_regid_lookup(uint16_t i2);
/* The accepted identifier held in `slot`, or NULL. */
const struct sae_regid *sae_regid_for_slot(unsigned slot);
/* Register name for an I2 value: accepted ids first, then model-private slot names; NULL if none. */
const char *sae_regid_name(uint16_t i2);

/* Every described slot (interface 0-52, then model-private), ascending slot order. */
extern const struct sae_slot_desc sae_slots[];
extern const size_t sae_slots_count;
/* The description of `slot`, or NULL (reserved 53-63, unassigned private slots). */
const struct sae_slot_desc *sae_slot_desc(unsigned slot);
/* The slot that holds the guest-visible state of Arm register `enc` (SAE_RK_EL1, SAE_RK_OSLAR,
 * SAE_RK_GUESTVIEW keyed by the guest encoding, and private slots), or -1. EL2 controls are found
 * by their EL2 encoding too. */
int sae_slot_for_sysreg(uint16_t enc);

#endif
