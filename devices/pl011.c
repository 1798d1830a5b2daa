/* PrimeCell UART (PL011) register model. Section numbers refer to ARM DDI 0183 (PL011 TRM). */
#include "devices/pl011.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "devices/chardev.h"

/* Register offsets (§3.2, Table 3-1). */
enum {
    UARTDR = 0x000, UARTRSR = 0x004, UARTFR = 0x018, UARTILPR = 0x020, UARTIBRD = 0x024,
    UARTFBRD = 0x028, UARTLCR_H = 0x02c, UARTCR = 0x030, UARTIFLS = 0x034, UARTIMSC = 0x038,
    UARTRIS = 0x03c, UARTMIS = 0x040, UARTICR = 0x044, UARTDMACR = 0x048,
    UARTPERIPHID0 = 0xfe0, UARTPCELLID3 = 0xffc,
};

/* UARTFR bits (§3.3.3). */
#define FR_BUSY (1u << 3)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define FR_RXFF (1u << 6)
#define FR_TXFE (1u << 7)

/* Interrupt bits shared by IMSC/RIS/MIS/ICR (§3.3.13-3.3.16). */
#define INT_RX (1u << 4)
#define INT_TX (1u << 5)
#define INT_RT (1u << 6)
#define INT_OE (1u << 10)
#define INT_ALL 0x7ffu

#define LCR_FEN (1u << 4)   /* UARTLCR_H.FEN: FIFOs enabled (§3.3.7) */
#define CR_LBE (1u << 7)    /* UARTCR.LBE: loopback (§3.3.8) */
#define RSR_OE (1u << 3)    /* UARTRSR.OE: overrun (§3.3.2) */
#define DR_OE (1u << 11)

/* PeriphID2 reports revision 1 (as QEMU's model does), and revisions before r1p5 have 16-entry
 * FIFOs (DDI 0183 §1.3; Linux's amba-pl011 sizes its FIFO from the same field). */
#define PL011_FIFO_DEPTH 16

/* PeriphID0-3 then PCellID0-3 (§4.3): part number 0x011, designer 0x41 ('A'), revision 1,
 * and the PrimeCell identification 0xB105F00D. */
static const uint8_t pl011_id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

struct pl011 {
    struct chardev *chr;
    uint16_t rx_fifo[PL011_FIFO_DEPTH]; /* data + error bits as read from UARTDR */
    unsigned rx_head, rx_count;
    uint32_t rsr, ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, ris, dmacr;
    struct irq_out irq;
};

static unsigned rx_capacity(const struct pl011 *u)
{
    /* With FEN clear the FIFO is a one-character holding register (§2.4.3). */
    return (u->lcr_h & LCR_FEN) ? PL011_FIFO_DEPTH : 1;
}

static unsigned rx_trigger(const struct pl011 *u)
{
    if (!(u->lcr_h & LCR_FEN))
        return 1;
    /* UARTIFLS.RXIFLSEL, bits [5:3] (§3.3.12): 1/8, 1/4, 1/2, 3/4, 7/8 full; reserved values act
     * as the reset value (1/2). */
    static const unsigned level[8] = { 2, 4, 8, 12, 14, 8, 8, 8 };
    return level[(u->ifls >> 3) & 7];
}

static void pl011_update(struct pl011 *u)
{
    irq_out_set(&u->irq, (u->ris & u->imsc) != 0);
}

static void pl011_reset(struct pl011 *u)
{
    u->rx_head = u->rx_count = 0;
    u->rsr = u->ilpr = u->ibrd = u->fbrd = u->lcr_h = u->imsc = u->ris = u->dmacr = 0;
    u->cr = 0x300;    /* TXE | RXE (§3.3.8 reset value) */
    u->ifls = 0x12;   /* both trigger levels at 1/2 (§3.3.12) */
}

struct pl011 *pl011_create(const char *serial_spec, char *err, size_t errlen)
{
    struct chardev *chr = chardev_open(serial_spec, err, errlen);
    if (!chr)
        return NULL;
    struct pl011 *u = calloc(1, sizeof(*u));
    if (!u) {
        chardev_close(chr);
        snprintf(err, errlen, "pl011: out of memory");
        return NULL;
    }
    u->chr = chr;
    pl011_reset(u);
    u->irq.level = false;
    return u;
}

void pl011_destroy(struct pl011 *u)
{
    if (!u)
        return;
    chardev_close(u->chr);
    free(u);
}

bool pl011_irq_level(const struct pl011 *u)
{
    return (u->ris & u->imsc) != 0;
}

void pl011_connect_irq(struct pl011 *u, irq_sink_fn sink, void *opaque, unsigned line)
{
    irq_out_connect(&u->irq, sink, opaque, line);
}

size_t pl011_rx_space(const struct pl011 *u)
{
    unsigned cap = rx_capacity(u);
    return u->rx_count >= cap ? 0 : cap - u->rx_count;
}

/* One received character. A full FIFO overruns: the character is lost and OE is flagged on the
 * character already at the top, as the hardware does (§3.3.2). */
static bool rx_put(struct pl011 *u, uint8_t ch)
{
    if (u->rx_count >= rx_capacity(u)) {
        u->rsr |= RSR_OE;
        u->ris |= INT_OE;
        return false;
    }
    u->rx_fifo[(u->rx_head + u->rx_count) % PL011_FIFO_DEPTH] = ch;
    u->rx_count++;
    if (u->rx_count >= rx_trigger(u))
        u->ris |= INT_RX;
    return true;
}

/* End of an input burst: characters waiting below the trigger level raise the receive timeout
 * interrupt (§3.4.3: no further data for 32 bit periods). */
static void rx_burst_end(struct pl011 *u)
{
    if (u->rx_count)
        u->ris |= INT_RT;
    pl011_update(u);
}

size_t pl011_receive(struct pl011 *u, const uint8_t *buf, size_t n)
{
    size_t done = 0;
    while (done < n && pl011_rx_space(u)) {
        rx_put(u, buf[done]);
        done++;
    }
    if (done)
        rx_burst_end(u);
    return done;
}

void pl011_poll_input(struct pl011 *u)
{
    uint8_t buf[PL011_FIFO_DEPTH];
    chardev_flush(u->chr);
    size_t room = pl011_rx_space(u);
    if (!room)
        return;
    size_t got = chardev_read(u->chr, buf, room);
    if (got)
        pl011_receive(u, buf, got);
}

static uint32_t dr_read(struct pl011 *u)
{
    if (!u->rx_count)
        return 0;
    uint32_t v = u->rx_fifo[u->rx_head];
    u->rx_head = (u->rx_head + 1) % PL011_FIFO_DEPTH;
    u->rx_count--;
    if (u->rsr & RSR_OE) {
        v |= DR_OE;
        u->rsr &= ~RSR_OE;
    }
    /* RXIS clears once the fill drops below the trigger, RTIS once the FIFO is empty (§3.4.3). */
    if (u->rx_count < rx_trigger(u))
        u->ris &= ~INT_RX;
    if (!u->rx_count)
        u->ris &= ~INT_RT;
    pl011_update(u);
    return v;
}

static void dr_write(struct pl011 *u, uint8_t ch)
{
    if (u->cr & CR_LBE) {
        rx_put(u, ch);
        rx_burst_end(u);
    } else {
        chardev_write(u->chr, &ch, 1);
    }
    /* The character leaves the (modelled) TX FIFO at once: the fill passes the trigger level. */
    u->ris |= INT_TX;
    pl011_update(u);
}

static uint32_t pl011_reg_read(struct pl011 *u, uint32_t off)
{
    switch (off) {
    case UARTDR: return dr_read(u);
    case UARTRSR: return u->rsr;
    case UARTFR: {
        uint32_t fr = FR_TXFE;
        if (!u->rx_count)
            fr |= FR_RXFE;
        if (u->rx_count >= rx_capacity(u))
            fr |= FR_RXFF;
        return fr;
    }
    case UARTILPR: return u->ilpr;
    case UARTIBRD: return u->ibrd;
    case UARTFBRD: return u->fbrd;
    case UARTLCR_H: return u->lcr_h;
    case UARTCR: return u->cr;
    case UARTIFLS: return u->ifls;
    case UARTIMSC: return u->imsc;
    case UARTRIS: return u->ris;
    case UARTMIS: return u->ris & u->imsc;
    case UARTDMACR: return u->dmacr;
    case UARTICR:
        qlog(LOG_GUEST_ERRORS, "pl011: read of write-only UARTICR\n");
        return 0;
    default:
        if (off >= UARTPERIPHID0 && off <= UARTPCELLID3)
            return pl011_id[(off - UARTPERIPHID0) >> 2];
        qlog(LOG_GUEST_ERRORS, "pl011: read of unknown offset 0x%03x\n", off);
        return 0;
    }
}

static void pl011_reg_write(struct pl011 *u, uint32_t off, uint32_t v)
{
    switch (off) {
    case UARTDR: dr_write(u, (uint8_t)v); break;
    case UARTRSR: u->rsr = 0; break;               /* UARTECR: any write clears the errors */
    case UARTILPR: u->ilpr = v & 0xff; break;
    case UARTIBRD: u->ibrd = v & 0xffff; break;
    case UARTFBRD: u->fbrd = v & 0x3f; break;
    case UARTLCR_H:
        /* Switching the FIFOs on or off empties them (the holding register and FIFO differ). */
        if ((u->lcr_h ^ v) & LCR_FEN) {
            u->rx_head = u->rx_count = 0;
            u->ris &= ~(INT_RX | INT_RT);
        }
        u->lcr_h = v & 0xff;
        break;
    case UARTCR: u->cr = v & 0xff87; break;        /* bits 6:3 are reserved */
    case UARTIFLS: u->ifls = v & 0x3f; break;
    case UARTIMSC: u->imsc = v & INT_ALL; break;
    case UARTICR: u->ris &= ~(v & INT_ALL); break;
    case UARTDMACR:
        u->dmacr = v & 7;
        if (u->dmacr)
            qlog(LOG_UNIMP, "pl011: DMA requested (DMACR=0x%x) but not modelled\n", u->dmacr);
        break;
    case UARTFR: case UARTRIS: case UARTMIS:
        qlog(LOG_GUEST_ERRORS, "pl011: write to read-only offset 0x%03x\n", off);
        break;
    default:
        qlog(LOG_GUEST_ERRORS, "pl011: write 0x%x to unknown offset 0x%03x\n", v, off);
        break;
    }
    pl011_update(u);
}

static bool pl011_read(void *opaque, uint64_t offset, unsigned size, uint64_t *value)
{
    struct pl011 *u = opaque;
    if (size == 8) {
        uint64_t lo, hi;
        pl011_read(opaque, offset, 4, &lo);
        pl011_read(opaque, offset + 4, 4, &hi);
        *value = lo | hi << 32;
        return true;
    }
    if (offset >= PL011_MMIO_SIZE) {
        qlog(LOG_GUEST_ERRORS, "pl011: read beyond the register block (0x%llx)\n",
             (unsigned long long)offset);
        *value = 0;
        return true;
    }
    uint32_t v = pl011_reg_read(u, (uint32_t)offset & ~3u);
    v >>= (offset & 3) * 8;
    *value = size == 4 ? v : v & ((1u << (size * 8)) - 1);
    return true;
}

static bool pl011_write(void *opaque, uint64_t offset, unsigned size, uint64_t value)
{
    struct pl011 *u = opaque;
    if (size == 8) {
        pl011_write(opaque, offset, 4, value & 0xffffffffu);
        pl011_write(opaque, offset + 4, 4, value >> 32);
        return true;
    }
    if (offset >= PL011_MMIO_SIZE || (offset & 3)) {
        qlog(LOG_GUEST_ERRORS, "pl011: %u-byte write at unaligned/unknown offset 0x%llx ignored\n",
             size, (unsigned long long)offset);
        return true;
    }
    pl011_reg_write(u, (uint32_t)offset, (uint32_t)value);
    return true;
}

const struct mmio_ops pl011_mmio_ops = {
    .read = pl011_read,
    .write = pl011_write,
};
