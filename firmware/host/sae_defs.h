/* SAE interface definitions used by the host firmware: the control block (SD, "kvm_sae_block"), the
 * interception codes and data, the save-area header, the system-register identifiers of SASR/EASR,
 * and the QAAF output indexes. Section numbers (§n) refer to the SAE architecture reference
 * (docs/firmware.md summarises what the firmware relies on). Big-endian native layout: this header
 * is only used by the s390 build. */
#ifndef FW_SAE_DEFS_H
#define FW_SAE_DEFS_H

#include <stddef.h>
#include <stdint.h>

/* §6.1 interception reason codes (icptr) */
#define ICPT_SPURIOUS     0x00  /* host interruption, WFI/WFE wait (wip), internal */
#define ICPT_VALIDITY     0x01
#define ICPT_HOST_ACCESS  0x02  /* host-base DAT fault of a guest access */
#define ICPT_SYNC         0x03  /* guest exception routed to EL2 (HVC, traps) */
#define ICPT_TIMER        0x04
#define ICPT_ADDR_SIZE    0x06  /* IPA above the msl limit */
#define ICPT_MAINTENANCE  0x0A

/* §6.2 interception data at SD 0x400 */
struct sae_hai {                /* icptr 0x02 / 0x03 / 0x06 */
    uint64_t esr;               /* 0x400 ESR_EL2 format */
    uint8_t res408[6];
    uint16_t pic;               /* 0x40E host DAT program-interruption code */
    uint64_t teid;              /* 0x410 IPA >> 12 in IBM bits 0-51, FSI in 52-53 */
    uint64_t far;               /* 0x418 guest VA */
    uint64_t vaddr;             /* 0x420 host-base address */
    uint64_t suppl;             /* 0x428 */
    uint8_t gltl;               /* 0x430 */
    uint8_t res431[15];
};

struct sae_maint {              /* icptr 0x0A (MD-50) */
    uint64_t misr, eisr, elrsr;
    uint8_t res[0x28];
};

union sae_icptd {
    uint8_t raw[0x40];
    uint16_t vir;               /* icptr 0x01 */
    uint8_t tir;                /* icptr 0x04: 0x40 virtual, 0x80 physical timer */
    struct sae_hai hai;
    struct sae_maint maint;
};

#define TIR_VIRT 0x40
#define TIR_PHYS 0x80

/* §4 the control block, 4 KiB, 4 KiB aligned, designated by its real address */
struct sae_sd {
    uint8_t res000[0x80];
    uint8_t icptr;              /* 0x080 */
    uint8_t res081[7];
    uint64_t scad;              /* 0x088 must be 0 */
    uint8_t res090[0x80];
    uint32_t cntp_ctl;          /* 0x110 */
    uint32_t cntv_ctl;          /* 0x114 */
    uint8_t irq_ctl;            /* 0x118 0 = GICv3 virtual CPU interface */
    uint8_t res119[7];
    uint64_t ich_hcr;           /* 0x120 */
    uint64_t ich_vmcr;          /* 0x128 */
    uint64_t ich_ap0r0;         /* 0x130 */
    uint64_t ich_ap1r0;         /* 0x138 */
    uint8_t res140[0x10];
    uint64_t ich_lr[4];         /* 0x150 */
    uint8_t res170[0x80];
    uint64_t contextidr;        /* 0x1F0 */
    uint32_t wip;               /* 0x1F8 0 none, 1 WFI, 2 WFE */
    uint32_t res1fc;
    uint8_t sdf;                /* 0x200 format 0 */
    uint8_t res201[7];
    uint64_t mso;               /* 0x208 */
    uint64_t msl;               /* 0x210 */
    uint64_t hbasce;            /* 0x218 */
    uint64_t res220;
    uint64_t gpto;              /* 0x228 */
    uint64_t ic;                /* 0x230 */
    uint64_t ec;                /* 0x238 */
    uint64_t save_area;         /* 0x240 real address of the SA */
    uint8_t res248[0x3E];
    uint16_t lrcpua;            /* 0x286 */
    uint64_t pstate;            /* 0x288 SPSR layout */
    uint64_t pc;                /* 0x290 */
    uint64_t sp_el0;            /* 0x298 */
    uint64_t sp_el1;            /* 0x2A0 */
    uint64_t res2a8;
    uint64_t fpcr;              /* 0x2B0 */
    uint64_t fpsr;              /* 0x2B8 */
    uint16_t sve_p[16];         /* 0x2C0 */
    uint16_t sve_ffr;           /* 0x2E0 */
    uint8_t res2e2[0x1E];
    uint64_t gpr[31];           /* 0x300 X0-X30 */
    uint64_t res3f8;
    union sae_icptd icptd;      /* 0x400 */
    uint8_t res440[0xBC0];
};

_Static_assert(offsetof(struct sae_sd, icptr) == 0x080, "icptr");
_Static_assert(offsetof(struct sae_sd, cntp_ctl) == 0x110, "cntp_ctl");
_Static_assert(offsetof(struct sae_sd, ich_hcr) == 0x120, "ich_hcr");
_Static_assert(offsetof(struct sae_sd, ich_lr) == 0x150, "ich_lr");
_Static_assert(offsetof(struct sae_sd, contextidr) == 0x1F0, "contextidr");
_Static_assert(offsetof(struct sae_sd, wip) == 0x1F8, "wip");
_Static_assert(offsetof(struct sae_sd, mso) == 0x208, "mso");
_Static_assert(offsetof(struct sae_sd, gpto) == 0x228, "gpto");
_Static_assert(offsetof(struct sae_sd, save_area) == 0x240, "save_area");
_Static_assert(offsetof(struct sae_sd, lrcpua) == 0x286, "lrcpua");
_Static_assert(offsetof(struct sae_sd, pstate) == 0x288, "pstate");
_Static_assert(offsetof(struct sae_sd, fpcr) == 0x2B0, "fpcr");
_Static_assert(offsetof(struct sae_sd, sve_p) == 0x2C0, "sve_p");
_Static_assert(offsetof(struct sae_sd, gpr) == 0x300, "gpr");
_Static_assert(offsetof(struct sae_sd, icptd) == 0x400, "icptd");
_Static_assert(sizeof(struct sae_sd) == 4096, "SD size");
_Static_assert(offsetof(struct sae_hai, pic) == 0x0E && offsetof(struct sae_hai, teid) == 0x10 &&
               offsetof(struct sae_hai, far) == 0x18 && offsetof(struct sae_hai, gltl) == 0x30, "hai");

/* §5.1 save-area header (the register image behind it is model-private, §5.2 / MD-23) */
#define SA_OFF_SAF 0x00
#define SA_OFF_SAS 0x06
#define SA_OFF_SDO 0x08

/* §5.2/§5.3 SASR/EASR register identifiers: op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2 */
#define SYSREG_ID(op0, op1, crn, crm, op2) (((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))
#define ID_SCTLR_EL1    0xC080
#define ID_CPACR_EL1    0xC082
#define ID_TTBR0_EL1    0xC100
#define ID_TTBR1_EL1    0xC101
#define ID_TCR_EL1      0xC102
#define ID_ESR_EL1      0xC290
#define ID_FAR_EL1      0xC300
#define ID_MAIR_EL1     0xC510
#define ID_VBAR_EL1     0xC600
#define ID_TPIDR_EL1    0xC684
#define ID_ELR_EL1      0xC201
#define ID_SPSR_EL1     0xC200
#define ID_MIDR_EL1     0xC000
#define ID_OSLAR_EL1    0x8084
#define ID_CNTFRQ_EL0   0xDF00
#define ID_CNTP_CVAL    0xDF12
#define ID_CNTV_CVAL    0xDF1A
#define ID_HCR_EL2      0xE088
#define ID_HCRX_EL2     0xE092
#define ID_CPTR_EL2     0xE08A
#define ID_CNTHCTL_EL2  0xE708
#define ID_ICC_SRE_EL2  0xE64D
#define ID_VMPIDR_EL2   0xE005

/* SASR/EASR M4 flag (§3.5, MD-14): operate on the SA memory image instead of the loaded context */
#define SASR_M4_LOADED 0x0
#define SASR_M4_MEMORY 0x8

/* §3.6 QAAF */
#define QAAF_FC_QMC    1
#define QAAF_FC_GISRSA 2
#define QMC_OFF_SSDF    0x08
#define QMC_OFF_SSAF    0x0A
#define QMC_OFF_MAXNCPU 0x0E
#define QMC_REG_OFF(idx) (0x10 + 8 * (idx))
#define QAAF_MIDR      0x02
#define QAAF_MPIDR     0x07
#define QAAF_REVIDR    0x08
#define QAAF_AA64PFR0  0x22
#define QAAF_AA64MMFR0 0x3A
#define QAAF_CNTFRQ    0x42
#define QAAF_CTR       0x43
#define QAAF_AIDR      0x44
#define QAAF_IRPTC     0x4A
#define QAAF_ICH_VTR   0x4C

/* §3.7 PTFF function codes */
#define PTFF_QAF   0x00
#define PTFF_QAGTO 0x10
#define PTFF_QAGPT 0x11

/* §9 reset values programmed like Linux KVM (K) */
#define RESET_PSTATE      0x3C5ull               /* EL1h, D A I F masked */
#define RESET_SCTLR_EL1   0x00C50078ull
#define RESET_UNKNOWN     0x1DE7EC7EDBADC0DEull  /* arm64 "unknown" pattern (MAIR, TPIDR) */
#define RESET_CNTFRQ      0x3B9ACA00ull          /* 1 GHz, MD-36 */
/* E2H RW | TLOR TID4 TID5 | TIDCP TSC TID3 TID2 TID1 | AMO IMO FMO PTW (Linux's value, §9) */
#define RESET_HCR_EL2     0x0402000C801F003Cull
#define RESET_CPTR_EL2    0x300000ull            /* FPEN = 0b11 */
#define RESET_CNTHCTL_EL2 0xC00ull               /* EL1PCTEN | EL1PCEN */
#define RESET_ICC_SRE_EL2 0xFull
#define RESET_VMPIDR_EL2  0x80000000ull

/* ICH_HCR_EL2 bits (GICv3 IHI 0069 12.4.6) */
#define ICH_HCR_EN  (1ull << 0)
#define ICH_HCR_UIE (1ull << 1)

/* PSTATE bits cleared when an instruction is skipped (Linux kvm_skip_instr) */
#define PSTATE_BTYPE (3ull << 10)
#define PSTATE_SS    (1ull << 21)

#endif
