/* Arm PrimeCell UART (PL011), as on QEMU's virt board at 0x0900_0000 (SPI 1 = INTID 33).
 * Reference: PrimeCell UART (PL011) Technical Reference Manual, ARM DDI 0183, chapter 3.
 *
 * Implemented: DR, RSR/ECR, FR (TXFE RXFE TXFF RXFF BUSY), ILPR, IBRD, FBRD, LCR_H (FEN selects a
 * 16-entry receive FIFO, as PL011 revisions before r1p5 have, or a 1-entry holding register),
 * CR (LBE loopback), IFLS, IMSC, RIS, MIS, ICR, DMACR (stored; no DMA), PeriphID0-3 / PCellID0-3.
 * Transmission is instantaneous: the TX FIFO is always empty, so
 * FR.TXFE=1, TXFF=0, BUSY=0, and each DR write sets the TX interrupt (the FIFO drained through the
 * trigger level, DDI 0183 §3.4.3). Receive: RXIS when the FIFO fill reaches the IFLS trigger level (or
 * any character with FIFOs disabled); RTIS (receive timeout) when characters are waiting below the
 * trigger at the end of an input burst, since the model has no bit clock to time 32 bit periods.
 * Like QEMU, UARTEN/TXE/RXE are not required for data to flow. Baud rate, parity, break and modem
 * lines have no effect. Unknown offsets read as 0 and ignore writes (logged: LOG_GUEST_ERRORS). */
#ifndef DEVICES_PL011_H
#define DEVICES_PL011_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/bus.h"
#include "devices/irq.h"

#define PL011_MMIO_SIZE 0x1000u

struct pl011;

/* serial_spec: "stdio", "null", "file:PATH" (created/truncated), "unix:PATH" (connects to a listening
 * socket). NULL means "stdio". Returns NULL with a message in err on failure. */
struct pl011 *pl011_create(const char *serial_spec, char *err, size_t errlen);
/* Flushes pending output and frees the device (NULL accepted). */
void pl011_destroy(struct pl011 *u);

/* Register handlers; opaque = the struct pl011 *. Accesses of 1, 2 or 4 bytes (8 is split). */
extern const struct mmio_ops pl011_mmio_ops;

/* Interrupt output (UARTINTR): level = (RIS & IMSC) != 0. */
bool pl011_irq_level(const struct pl011 *u);

/* Optional: connect the interrupt output; sink(opaque, line, level) is called on every change
 * (e.g. sink = gicv3_irq_input, opaque = the GIC, line = 33). See devices/irq.h. */
void pl011_connect_irq(struct pl011 *u, irq_sink_fn sink, void *opaque, unsigned line);

/* Move whatever input the back end has right now into the RX FIFO (never blocks; takes no more than
 * the FIFO has room for, the rest stays with the host). Also flushes pending TX output, so prompts
 * without a newline appear. Call it periodically from the machine's main loop. */
void pl011_poll_input(struct pl011 *u);

/* Feed received characters directly (tests, debug shell). Returns how many fitted into the FIFO. */
size_t pl011_receive(struct pl011 *u, const uint8_t *buf, size_t n);

/* Room left in the RX FIFO. */
size_t pl011_rx_space(const struct pl011 *u);

#endif
