/* The SAE save area (SA, Linux `kvm_sae_save_area`): 4 KiB, 4 KiB aligned, big-endian.
 * Header of §5.1 and the format-0 register image of §5.2 (slot s = doubleword at 0x20 + 8*s).
 * The slot layout itself lives in sae/regids.c. */
#ifndef SAE_SA_H
#define SAE_SA_H

#define SAE_SA_SIZE            0x1000u
#define SAE_SA_ALIGN_MASK      0xFFFull

#define SA_SAF                 0x00u   /* 1: save-area format; only 0 */
#define SA_SAS                 0x06u   /* 2: save-area status */
#define SA_SDO                 0x08u   /* 8: real address of the owning SD */
#define SA_REGS                0x20u   /* 508 x 8: register image */
#define SA_NSLOTS              508u
#define SA_SLOT_OFF(s)         (SA_REGS + 8u * (s))

#define SAE_SAS_VALID          0x0001u /* complete machine-produced image (MD-24) */
#define SAE_SAF_FORMAT0        0x00u

/* Slot ranges of format 0 (MD-23). */
#define SA_SLOT_IFACE_LAST     52u     /* 0-52: the interface slots reachable through SASR/EASR */
#define SA_SLOT_RSVD_FIRST     53u     /* 53-63: reserved, zero in the template, preserved */
#define SA_SLOT_PRIV_FIRST     64u     /* 64-507: model-private */

#endif
