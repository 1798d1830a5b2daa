/* Bits of the virtual-EL2 controls the SAE machine honours (sae-architecture §7.2, MD-43), in Arm
 * LSB-0 numbering (Arm ARM D19 "HCR_EL2", "CPTR_EL2" (E2H = 1 layout), "CNTHCTL_EL2" (E2H = 1 layout),
 * "MDCR_EL2", "ICC_SRE_EL2"). */
#ifndef SAE_EL2_H
#define SAE_EL2_H

#define HCR_VM      (1ull << 0)
#define HCR_FMO     (1ull << 3)
#define HCR_IMO     (1ull << 4)
#define HCR_AMO     (1ull << 5)
#define HCR_VF      (1ull << 6)
#define HCR_VI      (1ull << 7)
#define HCR_VSE     (1ull << 8)
#define HCR_DC      (1ull << 12)
#define HCR_TWI     (1ull << 13)
#define HCR_TWE     (1ull << 14)
#define HCR_TID1    (1ull << 16)
#define HCR_TID2    (1ull << 17)
#define HCR_TID3    (1ull << 18)
#define HCR_TSC     (1ull << 19)
#define HCR_TIDCP   (1ull << 20)
#define HCR_TACR    (1ull << 21)
#define HCR_TSW     (1ull << 22)
#define HCR_TPCP    (1ull << 23)
#define HCR_TPU     (1ull << 24)
#define HCR_TTLB    (1ull << 25)
#define HCR_TVM     (1ull << 26)
#define HCR_TGE     (1ull << 27)
#define HCR_TDZ     (1ull << 28)
#define HCR_HCD     (1ull << 29)
#define HCR_TRVM    (1ull << 30)
#define HCR_RW      (1ull << 31)
#define HCR_E2H     (1ull << 34)

#define HCRX_MSCEN  (1ull << 11)

#define CPTR_ZEN_SHIFT   16
#define CPTR_FPEN_SHIFT  20
#define CPTR_TCPAC  (1ull << 31)

#define CNTHCTL_EL1PCTEN (1ull << 10)
#define CNTHCTL_EL1PCEN  (1ull << 11)

#define MDCR_TDE    (1ull << 8)
#define MDCR_TDA    (1ull << 9)
#define MDCR_TDOSA  (1ull << 10)
#define MDCR_TDRA   (1ull << 11)

#define ICC_SRE_EL2_ENABLE (1ull << 3)

/* PSTATE in SPSR layout (§4 `pstate`). */
#define PSTATE_F    (1ull << 6)
#define PSTATE_I    (1ull << 7)
#define PSTATE_A    (1ull << 8)
#define PSTATE_D    (1ull << 9)

#endif
