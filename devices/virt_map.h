/* The memory map and interrupt assignment of QEMU's `virt` board (hw/arm/virt.c, 'virt' machine
 * with gic-version=3), as far as saesim models it. Both Arm machines (arm64-bare and sae) place the
 * device models at these guest physical addresses, and virt_dt.c describes them in the DTB.
 * SPI n is INTID 32 + n (GICv3 §2.2.1); PPI n is INTID 16 + n. */
#ifndef DEVICES_VIRT_MAP_H
#define DEVICES_VIRT_MAP_H

#define VIRT_GICD_BASE    0x08000000ull
#define VIRT_GICD_SIZE    0x00010000ull
#define VIRT_GICR_BASE    0x080a0000ull
#define VIRT_GICR_SIZE    0x00020000ull   /* one redistributor (RD_base + SGI_base) */
#define VIRT_UART_BASE    0x09000000ull
#define VIRT_UART_SIZE    0x00001000ull
#define VIRT_RTC_BASE     0x09010000ull
#define VIRT_RTC_SIZE     0x00001000ull
#define VIRT_VIRTIO_BASE  0x0a000000ull
#define VIRT_VIRTIO_SIZE  0x00000200ull   /* per transport; transport n at BASE + n * SIZE */
#define VIRT_VIRTIO_COUNT 32
#define VIRT_RAM_BASE     0x40000000ull

/* SPI numbers (the DT's interrupt specifier cell) and the matching INTIDs. */
#define VIRT_UART_SPI     1
#define VIRT_RTC_SPI      2
#define VIRT_VIRTIO_SPI0  16
#define VIRT_SPI_INTID(spi) (32u + (spi))

/* Generic timer PPIs (Arm ARM D11.2.4; QEMU's virt DT): INTID = 16 + PPI. */
#define VIRT_TIMER_S_EL1_PPI   13   /* INTID 29, secure physical */
#define VIRT_TIMER_NS_EL1_PPI  14   /* INTID 30, non-secure physical */
#define VIRT_TIMER_VIRT_PPI    11   /* INTID 27, virtual */
#define VIRT_TIMER_NS_EL2_PPI  10   /* INTID 26, hypervisor physical */
#define VIRT_PPI_INTID(ppi) (16u + (ppi))

/* QEMU's virt board has 256 SPIs. */
#define VIRT_NUM_SPIS 256

#endif
