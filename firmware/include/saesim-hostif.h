/* saesim-hostif.h: the contract between saesim's -M sae machine and the s390 host firmware
 * (firmware/host/saesim-fw.elf). Included by both sides, so it is plain C: fixed-width types and
 * #defines only, no functions. The full description is docs/firmware.md.
 *
 * Two parts:
 *   1. The boot parameter block (BPB): saesim writes it at SAESIM_BPB_ADDR in s390 absolute storage
 *      before the firmware's first instruction. It says where guest RAM and the boot images are.
 *   2. The DIAGNOSE interface (codes 0x5A10-0x5A2F): saesim's stand-in for the VMM and the in-kernel
 *      interrupt controller of a real KVM deployment. The firmware forwards guest MMIO, interrupt
 *      controller traffic, idle waits, console output and the final exit through it.
 *
 * Every multi-byte field in s390 storage is big-endian (Principles of Operation, ch. 3 "Storage"):
 * saesim must read and write these structures with explicit big-endian helpers (core/endian.h).
 */
#ifndef SAESIM_HOSTIF_H
#define SAESIM_HOSTIF_H

#include <stdint.h>

#define SAESIM_HOSTIF_VERSION 1u

/* ---------------------------------------------------------------------------------------------
 * Host storage layout (s390 absolute addresses; the firmware runs with DAT off and prefix 0).
 *   0x0000-0x1FFF  low core (PSWs, interruption codes)
 *   0x8000-0x8FFF  the boot parameter block (written by saesim)
 *   0x10000-       the firmware ELF (linked there), then its stack and heap (DAT tables, SD, SA)
 *   SAESIM_FW_AREA_END-  free for saesim: guest RAM and the boot images must lie at or above it.
 * ------------------------------------------------------------------------------------------- */
#define SAESIM_BPB_ADDR        0x8000u
#define SAESIM_BPB_MAX_SIZE    0x1000u
#define SAESIM_FW_LOAD_ADDR    0x10000u
#define SAESIM_FW_AREA_END     0x01000000u   /* 16 MiB */

/* ---------------------------------------------------------------------------------------------
 * 1. Boot parameter block
 * ------------------------------------------------------------------------------------------- */
#define SAESIM_BPB_MAGIC       0x53414542u   /* "SAEB" */
#define SAESIM_BPB_VERSION     1u

/* Arm guest platform constants the BPB values are expected to follow (QEMU virt, arm64 booting.rst). */
#define SAESIM_GUEST_RAM_IPA       0x40000000ull
#define SAESIM_GUEST_DTB_WINDOW    0x20000000ull   /* the DTB must lie in the first 512 MiB of RAM */
#define SAESIM_GUEST_IMAGE_ALIGN   0x200000ull     /* an Image is loaded at a 2 MiB aligned base + text_offset */
#define SAESIM_GUEST_DEFAULT_IPA_LIMIT (1ull << 40) /* msl when the BPB gives 0 (KVM's default 40-bit IPA) */

/* kernel_kind */
#define SAESIM_KERNEL_ELF      1u   /* segments already placed; entry = e_entry */
#define SAESIM_KERNEL_IMAGE    2u   /* arm64 Image; kernel_ipa = 2 MiB aligned base + text_offset, entry = kernel_ipa */
#define SAESIM_KERNEL_RAW      3u   /* flat binary; entry = kernel_ipa */

/* flags */
#define SAESIM_BPB_F_QUIET     0x1u /* no banner and no run summary on the firmware console */
#define SAESIM_BPB_F_VERBOSE   0x2u /* one console line per interception (debugging) */
#define SAESIM_BPB_F_NO_EDAT1  0x4u /* map guest RAM with 4 KiB pages even if EDAT-1 is installed */

/* Each boot image is described by {host, size, ipa}: `host` is the s390 absolute address where saesim
 * put the bytes, `ipa` the guest physical address where they must appear. If host differs from
 * ram_host + (ipa - ram_ipa), the firmware copies (memmove) the bytes there before the first SAE; if
 * saesim placed them in guest RAM already (always the case for ELF kernels) nothing is copied.
 * size = 0 means "absent" (initrd, DTB). All fields are big-endian. */
struct saesim_bpb {
    uint32_t magic;          /* 0x00 SAESIM_BPB_MAGIC */
    uint16_t version;        /* 0x04 SAESIM_BPB_VERSION */
    uint16_t length;         /* 0x06 sizeof(struct saesim_bpb) as written by saesim */
    uint64_t flags;          /* 0x08 SAESIM_BPB_F_* */
    uint64_t ram_ipa;        /* 0x10 guest RAM base IPA (SAESIM_GUEST_RAM_IPA) */
    uint64_t ram_size;       /* 0x18 guest RAM size in bytes, a multiple of 1 MiB */
    uint64_t ram_host;       /* 0x20 s390 absolute address of guest RAM byte 0, 1 MiB aligned, >= SAESIM_FW_AREA_END */
    uint64_t kernel_host;    /* 0x28 */
    uint64_t kernel_size;    /* 0x30 */
    uint64_t kernel_ipa;     /* 0x38 */
    uint64_t kernel_entry;   /* 0x40 IPA of the first guest instruction (PC at reset) */
    uint32_t kernel_kind;    /* 0x48 SAESIM_KERNEL_* */
    uint32_t reserved_4c;    /* 0x4C 0 */
    uint64_t initrd_host;    /* 0x50 */
    uint64_t initrd_size;    /* 0x58 */
    uint64_t initrd_ipa;     /* 0x60 */
    uint64_t dtb_host;       /* 0x68 */
    uint64_t dtb_size;       /* 0x70 */
    uint64_t dtb_ipa;        /* 0x78 8-byte aligned, below ram_ipa + 512 MiB; X0 at reset */
    uint64_t ipa_limit;      /* 0x80 msl for the SD (exclusive limit); 0 = SAESIM_GUEST_DEFAULT_IPA_LIMIT */
    uint64_t reserved[7];    /* 0x88-0xBF 0 */
};
#define SAESIM_BPB_SIZE 0xC0u

/* ---------------------------------------------------------------------------------------------
 * 2. DIAGNOSE interface
 *
 * Instruction: DIAGNOSE (83, RS-a) `diag R1,R3,D2(B2)`. The function code is the second-operand
 * address D2 + (B2), bits 48-63 of it (the 12-bit displacement cannot hold 0x5Axx, so the firmware
 * puts the code in a base register: B2 = 1, D2 = 0). Operands, by register field:
 *     A = GR R1, B = GR R1+1 (R1 even), C = GR R3, D = GR R3+1 (R3 even).
 * The firmware always issues `diag %r2,%r4,0(%r1)` with GR1 = code: A = r2, B = r3, C = r4, D = r5.
 * Results are returned in A (and B); other registers and the condition code are unchanged.
 * DIAGNOSE is privileged. An unassigned code in 0x5A10-0x5A2F gives a specification exception.
 * Addresses passed in registers are s390 absolute addresses (the firmware runs with DAT off, prefix 0).
 * ------------------------------------------------------------------------------------------- */
#define SAESIM_DIAG_FIRST        0x5A10u
#define SAESIM_DIAG_LAST         0x5A2Fu

/* 0x5A10 QUERY. out: A = SAESIM_HOSTIF_VERSION, B = address of the BPB. */
#define SAESIM_DIAG_QUERY        0x5A10u
/* 0x5A11 CONSOLE_WRITE: write bytes to saesim's console (stdout, next to the PL011 output).
 * in: A = address, B = length. out: A = 0. */
#define SAESIM_DIAG_CONSOLE      0x5A11u
/* 0x5A12 MMIO_READ: a guest load from a device. in: A = IPA, B = size (1, 2, 4 or 8).
 * out: A = status (SAESIM_MMIO_*), B = value (zero-extended; little-endian device register value). */
#define SAESIM_DIAG_MMIO_READ    0x5A12u
/* 0x5A13 MMIO_WRITE: a guest store to a device. in: A = IPA, B = size, C = value (low `size` bytes).
 * out: A = status. */
#define SAESIM_DIAG_MMIO_WRITE   0x5A13u
#define SAESIM_MMIO_OK           0u
#define SAESIM_MMIO_NO_DEVICE    1u   /* nothing at this IPA: the firmware injects an external abort */
#define SAESIM_MMIO_BAD_ACCESS   2u   /* a device is there but refuses this size/alignment: external abort */

/* 0x5A14 IRQ_PENDING: the interrupt the GICv3 distributor/redistributor model offers to vCPU 0
 * (enabled, group enabled, not active, highest priority; gicv3_highest_pending()).
 * in: A = vCPU id (0). out: A = INTID or 1023 (none), B = priority (bits 7:0) | group << 8. */
#define SAESIM_DIAG_IRQ_PENDING  0x5A14u
/* 0x5A15 IRQ_ACK: the firmware has put the interrupt into a list register; the model makes it
 * active (gicv3_acknowledge(group)). in: A = INTID from IRQ_PENDING, B = group.
 * out: A = the INTID made active (1023 if none: the offer changed). */
#define SAESIM_DIAG_IRQ_ACK      0x5A15u
/* 0x5A16 IRQ_DEACTIVATE: the guest has deactivated the virtual interrupt (its list register went
 * back to invalid): the model clears the active state (gicv3_deactivate()). A level-sensitive
 * interrupt whose line is still high becomes pending again. in: A = INTID. out: A = 0. */
#define SAESIM_DIAG_IRQ_DEACTIVATE 0x5A16u
/* 0x5A17 IRQ_LINE: set the level of an interrupt line the firmware owns (the generic-timer PPIs 27
 * virtual and 30 physical; gicv3_set_irq()). in: A = INTID, B = level (0/1). out: A = 0. */
#define SAESIM_DIAG_IRQ_LINE     0x5A17u
/* 0x5A18 WAIT: the vCPU is idle (WFI). Block until the TOD clock reaches the deadline, or earlier when
 * a device event makes an interrupt pending (IRQ_PENDING would return one) or saesim wants control.
 * in: A = deadline as a TOD clock value (STCK format, bit 51 = 1 us); 0 = no timer deadline.
 * out: A = SAESIM_WAIT_* reason. With no deadline and no event source saesim may end the run as a
 * stuck guest (--timeout). A deadline already in the past returns SAESIM_WAIT_DEADLINE at once. */
#define SAESIM_DIAG_WAIT         0x5A18u
#define SAESIM_WAIT_DEADLINE     0u
#define SAESIM_WAIT_EVENT        1u
#define SAESIM_WAIT_HOST         2u   /* saesim interrupted the wait (e.g. a debugger stop) */
/* 0x5A19 EXIT: report the end (or a reset) of the guest. in: A = SAESIM_EXIT_*, B = address of a
 * message (may be 0), C = message length, D = status/detail (e.g. the vir code, PSCI function).
 * Only SAESIM_EXIT_RESET may return: out A = 0 means "saesim has put the boot images back in place;
 * the firmware resets the vCPU and starts the guest again"; any other value or no return ends it. */
#define SAESIM_DIAG_EXIT         0x5A19u
#define SAESIM_EXIT_SYSTEM_OFF   0u   /* PSCI SYSTEM_OFF: saesim exits 0 */
#define SAESIM_EXIT_RESET        1u   /* PSCI SYSTEM_RESET */
#define SAESIM_EXIT_FATAL        2u   /* validity intercept, firmware error: exit non-zero with the message */
#define SAESIM_EXIT_HALTED       3u   /* the guest can never run again (PSCI CPU_OFF of its only vCPU) */
/* 0x5A1A STATS_REGISTER: tell saesim where the firmware keeps its counters (struct saesim_fw_stats),
 * so that it can print them in the run summary and on demand. in: A = address. out: A = 0. */
#define SAESIM_DIAG_STATS        0x5A1Au

/* The firmware's counters (big-endian, updated by the firmware as it runs). */
#define SAESIM_STATS_MAGIC       0x53544154u  /* "STAT" */
#define SAESIM_STATS_NICPT       16u
struct saesim_fw_stats {
    uint32_t magic;              /* 0x00 SAESIM_STATS_MAGIC */
    uint32_t version;            /* 0x04 1 */
    uint64_t sae_entries;        /* 0x08 SAE instructions issued */
    uint64_t icpt[SAESIM_STATS_NICPT]; /* 0x10 interceptions by icptr code 0x00-0x0F */
    uint64_t stage2_maps;        /* 0x90 guest RAM frames faulted in (host access on RAM) */
    uint64_t mmio_reads;         /* 0x98 */
    uint64_t mmio_writes;        /* 0xA0 */
    uint64_t hvc_calls;          /* 0xA8 HVC/SMC (PSCI, SMCCC) */
    uint64_t sysreg_traps;       /* 0xB0 EC 0x18 emulated */
    uint64_t wfi_waits;          /* 0xB8 WAIT DIAGs (icptr 0 with wip, trapped WFx) */
    uint64_t timer_irqs;         /* 0xC0 timer PPIs injected */
    uint64_t device_irqs;        /* 0xC8 device interrupts put into list registers */
    uint64_t injected_aborts;    /* 0xD0 synchronous external aborts injected */
    uint64_t injected_undefs;    /* 0xD8 UNDEFINED exceptions injected */
    uint64_t diag_calls;         /* 0xE0 DIAGNOSE calls issued by the firmware */
    uint64_t resets;             /* 0xE8 guest restarts after SYSTEM_RESET */
    uint64_t reserved[2];        /* 0xF0 */
};
#define SAESIM_STATS_SIZE 0x100u

#endif
