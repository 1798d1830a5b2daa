/* The SAE control block ("state description", SD, Linux `kvm_sae_block`): 4 KiB, 4 KiB aligned,
 * designated by a real address, every multi-byte field big-endian (it is s390 storage).
 * Offsets, interception reason codes (icptr), validity reason codes (vir), timer-interception bits
 * (tir) and wait-in-progress values (wip) of the SAE interface (sae-architecture §4, §6, §8).
 * Names follow Linux so host code and model code use the same words. */
#ifndef SAE_SD_H
#define SAE_SD_H

#define SAE_SD_SIZE            0x1000u
#define SAE_SD_ALIGN_MASK      0xFFFull      /* SD must be 4 KiB aligned (MD-8) */

/* ---- field offsets (§4) ---- */
#define SD_ICPTR               0x080u  /* 1: interception reason (machine) */
#define SD_SCAD                0x088u  /* 8: SCA designation; must be 0 (single vCPU) */
#define SD_CNTP_CTL            0x110u  /* 4: guest CNTP_CTL_EL0 (ISTATUS written by the machine) */
#define SD_CNTV_CTL            0x114u  /* 4: guest CNTV_CTL_EL0 */
#define SD_IRQ_CTL             0x118u  /* 1: interrupt-controller type selector (0 = GICv3 vCPU if) */
#define SD_ICH_HCR             0x120u  /* 8: ICH_HCR_EL2 (EOIcount updated by the machine) */
#define SD_ICH_VMCR            0x128u  /* 8: ICH_VMCR_EL2 */
#define SD_ICH_AP0R0           0x130u  /* 8: ICH_AP0R0_EL2 */
#define SD_ICH_AP1R0           0x138u  /* 8: ICH_AP1R0_EL2 */
#define SD_ICH_LR0             0x150u  /* 4 x 8: ICH_LR0..3_EL2 */
#define SD_ICH_LR(n)           (SD_ICH_LR0 + 8u * (n))
#define SD_ICH_NUM_LR          4u
#define SD_CONTEXTIDR_EL1      0x1F0u  /* 8 */
#define SD_WIP                 0x1F8u  /* 4: wait in progress (machine) */
#define SD_SDF                 0x200u  /* 1: SD format; only 0 */
#define SD_MSO                 0x208u  /* 8: main-storage origin */
#define SD_MSL                 0x210u  /* 8: main-storage limit (MD-26) */
#define SD_HBASCE              0x218u  /* 8: host-base ASCE */
#define SD_GPTO                0x228u  /* 8: guest physical time offset */
#define SD_IC                  0x230u  /* 8: interception controls: ignored (MD-30) */
#define SD_EC                  0x238u  /* 8: execution controls: ignored (MD-30) */
#define SD_SAVE_AREA           0x240u  /* 8: real address of the vCPU's SA */
#define SD_LRCPUA              0x286u  /* 2: last-running host CPU address (machine) */
#define SD_PSTATE              0x288u  /* 8: guest PSTATE, SPSR_ELx layout */
#define SD_PC                  0x290u  /* 8 */
#define SD_SP_EL0              0x298u  /* 8 */
#define SD_SP_EL1              0x2A0u  /* 8 */
#define SD_FPCR                0x2B0u  /* 8 (upper 32 bits RES0) */
#define SD_FPSR                0x2B8u  /* 8 (upper 32 bits RES0) */
#define SD_SVE_PREG0           0x2C0u  /* 16 x 2: P0..P15 (VL 128) */
#define SD_SVE_PREG(n)         (SD_SVE_PREG0 + 2u * (n))
#define SD_SVE_FFR             0x2E0u  /* 2 */
#define SD_GPR0                0x300u  /* 31 x 8: X0..X30 */
#define SD_GPR(n)              (SD_GPR0 + 8u * (n))
#define SD_ICPTD               0x400u  /* 0x40: interception data, layout by icptr (§6.2) */
#define SD_ICPTD_SIZE          0x40u

/* ---- interception data layouts (§6.2) ---- */
#define SD_VIR                 0x400u  /* 2: validity reason (icptr 0x01) */
#define SD_HAI_ESR_ELZ         0x400u  /* 8: ESR_EL2-format syndrome (icptr 0x02/0x03/0x06) */
#define SD_HAI_PIC             0x40Eu  /* 2: s390 PIC of the host-base DAT exception */
#define SD_HAI_TEID            0x410u  /* 8: IPA>>12 in IBM bits 0-51, FSI in bits 52-53 */
#define SD_HAI_FAR_ELZ         0x418u  /* 8: guest virtual address */
#define SD_HAI_VADDR           0x420u  /* 8: host-base address */
#define SD_HAI_SUPPL           0x428u  /* 8: 0 */
#define SD_HAI_GLTL            0x430u  /* 1: guest stage-1 table level when S1PTW */
#define SD_TRAP_ESR_ELZ        SD_HAI_ESR_ELZ
#define SD_TRAP_FAR_ELZ        SD_HAI_FAR_ELZ
#define SD_TIR                 0x400u  /* 1: timer interception reasons (icptr 0x04) */
#define SD_MNT_MISR            0x400u  /* 8: ICH_MISR_EL2 (icptr 0x0A, MD-50) */
#define SD_MNT_EISR            0x408u  /* 8: ICH_EISR_EL2 */
#define SD_MNT_ELRSR           0x410u  /* 8: ICH_ELRSR_EL2 */

/* TEID FSI values (IBM bits 52-53 = LSB-0 bits 11:10). */
#define SAE_TEID_FSI_SHIFT     10
#define SAE_TEID_FSI_WRITE     1u
#define SAE_TEID_FSI_FETCH     2u

/* ---- interception reason codes, icptr (§6.1) ---- */
enum sae_icptr {
    SAE_ICPT_SPURIOUS = 0x00,
    SAE_ICPT_VALIDITY = 0x01,
    SAE_ICPT_HOST_ACCESS_EXCEPTION = 0x02,
    SAE_ICPT_SYNCHRONOUS_EXCEPTION = 0x03,
    SAE_ICPT_TIMER = 0x04,
    SAE_ICPT_PE_INTERCOMM = 0x05,       /* never generated (MD-48) */
    SAE_ICPT_GUEST_ADDRESS_SIZE = 0x06,
    SAE_ICPT_STOP = 0x07,               /* never generated (MD-48) */
    SAE_ICPT_MIO_ADDRESS = 0x08,        /* v1-v4: SYSTEM_REGISTER; never generated (MD-48) */
    SAE_ICPT_PMU = 0x09,                /* never generated (MD-48) */
    SAE_ICPT_MAINTENANCE = 0x0A,
};

/* ---- validity reason codes, vir (§8); the comment gives the check order ---- */
enum sae_vir {
    SAE_VIR_UNKNOWN = 0x00,       /* model-internal; never produced by the ten checks */
    SAE_VIR_UNSUPP_FORMAT = 0x01, /* 1: sdf != 0 */
    SAE_VIR_MSO_BOUNDS = 0x02,    /* 7: mso + LIPA overflows */
    SAE_VIR_MSLA = 0x03,          /* 5: msl == 0 */
    SAE_VIR_MGPAS = 0x04,         /* 8: LIPA >= 2^PARange */
    SAE_VIR_INVAL_SYSREG = 0x05,  /* 10: pstate mode invalid */
    SAE_VIR_HOST_CONTROL = 0x06,  /* 9: SAE_HCR_EL2.RW = 0, E2H = 0 or TGE = 1 */
    SAE_VIR_SCA = 0x07,           /* 2: scad != 0 */
    SAE_VIR_MSO_ALIGN = 0x08,     /* 6: mso not 1 MiB aligned */
    SAE_VIR_HLC = 0x09,           /* 3: save-area linkage / loaded context */
    SAE_VIR_IRPTC = 0x0A,         /* 4: irq_ctl != 0 */
};

/* ---- tir bits (§6.2) ---- */
#define SAE_TIR_PHYS           0x80u   /* EL1 physical timer (CNTP) */
#define SAE_TIR_VIRT           0x40u   /* virtual timer (CNTV) */

/* ---- wip values (§7.7, MD-32) ---- */
enum sae_wip { SAE_WIP_NONE = 0, SAE_WIP_WFI = 1, SAE_WIP_WFE = 2 };

#endif
