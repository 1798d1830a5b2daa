/* Arm PrimeCell Real Time Clock (PL031), as on QEMU's virt board at 0x0901_0000 (SPI 2 = INTID 34).
 * Reference: PrimeCell Real Time Clock (PL031) Technical Reference Manual, ARM DDI 0224, chapter 3.
 *
 * The 32-bit counter (RTCDR) counts seconds of saesim virtual time (core/vclock.h) from a start
 * epoch fixed at creation, so icount runs (and tests, which pass a fixed epoch) are deterministic;
 * a machine that wants wall-clock time passes time(NULL). RTCLR loads the counter, RTCMR sets the
 * match value: when the counter reaches it RTCRIS is set and, if RTCIMSC unmasks it, the interrupt
 * output rises until RTCICR clears it. RTCCR.RTCStart reads as 1 from reset: like QEMU's model the
 * clock is battery backed and already running (writes of 0 cannot stop it, DDI 0224 §3.3.4).
 * Not modelled: the test registers (RTCITCR etc.). Unknown offsets read 0 (LOG_GUEST_ERRORS). */
#ifndef DEVICES_PL031_H
#define DEVICES_PL031_H

#include <stdbool.h>
#include <stdint.h>

#include "core/bus.h"
#include "core/vclock.h"
#include "devices/irq.h"

#define PL031_MMIO_SIZE 0x1000u

struct pl031;

/* epoch_s: the counter value at virtual time 0 (seconds; truncated to 32 bits). The clock must
 * outlive the device. Returns NULL only when out of memory. */
struct pl031 *pl031_create(struct vclock *clk, uint64_t epoch_s);
void pl031_destroy(struct pl031 *rtc);

/* Register handlers; opaque = the struct pl031 *. */
extern const struct mmio_ops pl031_mmio_ops;

/* Interrupt output (RTCINTR): RTCRIS & RTCIMSC. */
bool pl031_irq_level(const struct pl031 *rtc);
void pl031_connect_irq(struct pl031 *rtc, irq_sink_fn sink, void *opaque, unsigned line);

#endif
