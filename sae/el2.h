/* Bits of the virtual-EL2 controls the SAE machine honours (sae-architecture §7.2, MD-43), in Arm
 * LSB-0 numbering (Arm ARM D19 "SAE_HCR_EL2", "SAE_CPTR_EL2" (E2H = 1 layout), "SAE_CNTHCTL_EL2" (E2H = 1 layout),
 * "SAE_MDCR_EL2", "ICC_SRE_EL2"). */
#ifndef SAE_EL2_H
#define SAE_EL2_H

#define SAE_HCR_VM      (1ull << 0)
#define SAE_HCR_FMO     (1ull << 3)
#define SAE_HCR_IMO     (1ull << 4)
#define SAE_HCR_AMO     (1ull << 5)
#define SAE_HCR_VF      (1ull << 6)
#define SAE_HCR_VI      (1ull << 7)
#define SAE_HCR_VSE     (1ull << 8)
#define SAE_HCR_DC      (1ull << 12)
#define SAE_HCR_TWI     (1ull << 13)
#define SAE_HCR_TWE     (1ull << 14)
#define SAE_HCR_TID1    (1ull << 16)
#define SAE_HCR_TID2    (1ull << 17)
#define SAE_HCR_TID3    (1ull << 18)
#define SAE_HCR_TSC     (1ull << 19)
#define SAE_HCR_TIDCP   (1ull << 20)
#define SAE_HCR_TACR    (1ull << 21)
#define SAE_HCR_TSW     (1ull << 22)
#define SAE_HCR_TPCP    (1ull << 23)
#define SAE_HCR_TPU     (1ull << 24)
#define SAE_HCR_TTLB    (1ull << 25)
#define SAE_HCR_TVM     (1ull << 26)
#define SAE_HCR_TGE     (1ull << 27)
#define SAE_HCR_TDZ     (1ull << 28)
#define SAE_HCR_HCD     (1ull << 29)
#define SAE_HCR_TRVM    (1ull << 30)
#define SAE_HCR_RW      (1ull << 31)
#define SAE_HCR_E2H     (1ull << 34)

#define SAE_HCRX_MSCEN  (1ull << 11)

#define SAE_CPTR_ZEN_SHIFT   16
#define SAE_CPTR_FPEN_SHIFT  20
#define SAE_CPTR_TCPAC  (1ull << 31)

#define SAE_CNTHCTL_EL1PCTEN (1ull << 10)
#define SAE_CNTHCTL_EL1PCEN  (1ull << 11)

#define SAE_MDCR_TDE    (1ull << 8)
#define SAE_MDCR_TDA    (1ull << 9)
#define SAE_MDCR_TDOSA  (1ull << 10)
#define SAE_MDCR_TDRA   (1ull << 11)

#define SAE_ICC_SRE_EL2_ENABLE (1ull << 3)

/* PSTATE in SPSR layout (§4 `pstate`). */
#define SAE_PSTATE_F    (1ull << 6)
#define SAE_PSTATE_I    (1ull << 7)
#define SAE_PSTATE_A    (1ull << 8)
#define SAE_PSTATE_D    (1ull << 9)

#endif
