/* Service-call logical processor (SCLP), reached with SERVICE CALL (B220). The SCCB is a real
 * address; the command completes synchronously and a service-signal external interruption (0x2401)
 * with the SCCB address as parameter reports completion, as on a real machine (PoP "Service-Signal",
 * Linux drivers/s390/char/sclp*.c for the SCCB layouts):
 *   Read SCP Info (0x00020001, forced 0x00120001): memory increments, CPU entries (AEF bit at
 *     byte 4, 0x80 when the SAE facility is installed: sae-architecture 2.1), highest CPU address;
 *   Read CPU Info (0x00010001);
 *   Write Event Mask (0x00780005), Write Event Data (0x00760005), Read Event Data (0x00770005)
 *     with line-mode messages (type 0x02, EBCDIC MTOs) and the VT220 console (type 0x1A). */
#include "s390/sclp.h"

#include <string.h>

#include "core/endian.h"
#include "core/log.h"
#include "s390/ebcdic.h"
#include "s390/interrupt.h"

#define SCLP_CMD_READ_SCP_INFO        0x00020001u
#define SCLP_CMD_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_CMD_READ_CPU_INFO        0x00010001u
#define SCLP_CMD_WRITE_EVENT_DATA     0x00760005u
#define SCLP_CMD_READ_EVENT_DATA      0x00770005u
#define SCLP_CMD_WRITE_EVENT_MASK     0x00780005u

#define RC_NORMAL_READ      0x0010
#define RC_NORMAL           0x0020
#define RC_BOUNDARY         0x0100
#define RC_INVALID_COMMAND  0x01F0
#define RC_INSUFFICIENT_LEN 0x0300
#define RC_INVALID_MASK_LEN 0x74F0
#define RC_NO_EVENTS        0x60F0

#define EV_OPCMD  0x01
#define EV_MSG    0x02
#define EV_VT220  0x1A
static uint32_t ev_mask(unsigned type) { return 0x80000000u >> (type - 1); }

/* What the SCLP accepts from the program and may send to it. */
#define SCLP_RECEIVE_MASK (ev_mask(EV_MSG) | ev_mask(EV_VT220))
#define SCLP_SEND_MASK    (ev_mask(EV_VT220))

#define SCCB_MAX 4096
#define READ_INFO_CPU_OFF 144

static void console_out(struct s390_cpu *c, const uint8_t *buf, size_t len)
{
    if (len && c->env && c->env->console_write)
        c->env->console_write(c->env->opaque, buf, len);
}

static uint16_t read_scp_info(struct s390_cpu *c, uint8_t *s, unsigned len)
{
    unsigned ncpu = 1;
    if (len < READ_INFO_CPU_OFF + 16 * ncpu)
        return RC_INSUFFICIENT_LEN;
    memset(s + 8, 0, len - 8);
    uint64_t mb = c->ram->size >> 20;
    if (mb <= 0xffff) {
        st_be16(s + 8, (uint16_t)mb);   /* rnmax: increments */
        s[10] = 1;                      /* rnsize: 1 MiB */
    } else {
        st_be32(s + 100, 256);          /* rnsize2 (MiB) */
        st_be64(s + 104, mb / 256);     /* rnmax2 */
    }
    st_be16(s + 16, (uint16_t)ncpu);    /* ncpurl */
    st_be16(s + 18, READ_INFO_CPU_OFF); /* cpuoff */
    memset(s + 24, 0x40, 8);            /* loadparm: EBCDIC blanks */
    s[99] = 0;                          /* hamaxpow 0: no limit below 2^64 */
    st_be16(s + 120, (uint16_t)(ncpu - 1)); /* highest CPU address */
    uint8_t *e = s + READ_INFO_CPU_OFF;
    e[0] = (uint8_t)c->cpu_addr;        /* core id */
    if (c->aef_installed)
        e[4] |= 0x80;                   /* aef */
    e[14] = 0;                          /* CPU type: CP */
    return RC_NORMAL_READ;
}

static uint16_t read_cpu_info(struct s390_cpu *c, uint8_t *s, unsigned len)
{
    if (len < 24 + 16)
        return RC_INSUFFICIENT_LEN;
    memset(s + 8, 0, len - 8);
    st_be16(s + 8, 1);      /* configured */
    st_be16(s + 10, 24);    /* offset of configured entries */
    st_be16(s + 12, 0);     /* standby */
    st_be16(s + 14, 40);
    s[24] = (uint8_t)c->cpu_addr;
    if (c->aef_installed)
        s[28] |= 0x80;
    return RC_NORMAL_READ;
}

static uint32_t get_mask(const uint8_t *p, unsigned n)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; i++)
        v = (v << 8) | (i < n ? p[i] : 0);
    return v;
}

static void put_mask(uint8_t *p, unsigned n, uint32_t v)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = i < 4 ? (uint8_t)(v >> (24 - 8 * i)) : 0;
}

static uint16_t write_event_mask(struct s390_cpu *c, uint8_t *s, unsigned len)
{
    unsigned ml = ld_be16(s + 10);
    if (ml == 0 || ml > 1021 || 12 + 4 * ml > len)
        return RC_INVALID_MASK_LEN;
    uint8_t *m = s + 12;
    c->sclp.cp_receive_mask = get_mask(m, ml);
    c->sclp.cp_send_mask = get_mask(m + ml, ml);
    put_mask(m + 2 * ml, ml, SCLP_RECEIVE_MASK);
    put_mask(m + 3 * ml, ml, SCLP_SEND_MASK);
    qlog(LOG_GUEST_ERRORS, "s390: sclp event mask cp_receive 0x%08x cp_send 0x%08x\n",
         c->sclp.cp_receive_mask, c->sclp.cp_send_mask);
    return RC_NORMAL;
}

/* A line-mode message: MDB header (12 bytes) then objects; message-text objects (type 4) carry
 * EBCDIC text after a 10-byte header. Each MTO is one line. */
static void write_msg_event(struct s390_cpu *c, const uint8_t *ev, unsigned evlen)
{
    if (evlen < 6 + 12)
        return;
    const uint8_t *mdb = ev + 6;
    unsigned mdblen = ld_be16(mdb);
    if (mdblen > evlen - 6)
        mdblen = evlen - 6;
    for (unsigned off = 12; off + 4 <= mdblen;) {
        const uint8_t *obj = mdb + off;
        unsigned olen = ld_be16(obj), type = ld_be16(obj + 2);
        if (olen < 4 || off + olen > mdblen)
            break;
        if (type == 4 && olen >= 10) {
            uint8_t line[512];
            unsigned n = 0;
            for (unsigned i = 10; i < olen && n < sizeof(line) - 1; i++)
                line[n++] = ebcdic_to_ascii(obj[i]);
            line[n++] = '\n';
            console_out(c, line, n);
        }
        off += olen;
    }
}

static uint16_t write_event_data(struct s390_cpu *c, uint8_t *s, unsigned len)
{
    if (len < 8 + 6)
        return RC_INSUFFICIENT_LEN;
    for (unsigned off = 8; off + 6 <= len;) {
        uint8_t *ev = s + off;
        unsigned evlen = ld_be16(ev);
        if (evlen < 6 || off + evlen > len)
            break;
        switch (ev[2]) {
        case EV_VT220:
            console_out(c, ev + 6, evlen - 6);
            ev[3] |= 0x80;
            break;
        case EV_MSG:
            write_msg_event(c, ev, evlen);
            ev[3] |= 0x80;
            break;
        default:
            qlog(LOG_UNIMP, "s390: sclp write event type 0x%02x ignored\n", ev[2]);
            break;
        }
        off += evlen;
    }
    return RC_NORMAL;
}

static void fill_input(struct s390_cpu *c)
{
    struct s390_sclp *sc = &c->sclp;
    if (sc->input_len < sizeof(sc->input) && c->env && c->env->console_read)
        sc->input_len += (unsigned)c->env->console_read(c->env->opaque, sc->input + sc->input_len,
                                                        sizeof(sc->input) - sc->input_len);
}

static bool events_pending(struct s390_cpu *c)
{
    return c->sclp.input_len && (c->sclp.cp_receive_mask & ev_mask(EV_VT220));
}

static uint16_t read_event_data(struct s390_cpu *c, uint8_t *s, unsigned len)
{
    struct s390_sclp *sc = &c->sclp;
    fill_input(c);
    if (!events_pending(c) || len < 8 + 6 + 1)
        return RC_NO_EVENTS;
    unsigned n = sc->input_len;
    if (n > len - 8 - 6)
        n = len - 8 - 6;
    uint8_t *ev = s + 8;
    st_be16(ev, (uint16_t)(6 + n));
    ev[2] = EV_VT220;
    ev[3] = 0;
    st_be16(ev + 4, 0);
    memcpy(ev + 6, sc->input, n);
    memmove(sc->input, sc->input + n, sc->input_len - n);
    sc->input_len -= n;
    st_be16(s, (uint16_t)(8 + 6 + n));
    return RC_NORMAL;
}

void s390_sclp_poll_input(struct s390_cpu *c)
{
    fill_input(c);
    if (events_pending(c) && !c->sclp.attention_sent && !c->service_pending) {
        c->sclp.attention_sent = true;
        s390_post_service_signal(c, 1); /* unsolicited: event buffer pending, no SCCB */
    }
}

int s390_sclp_service(struct s390_cpu *c, uint32_t cmd, uint64_t sccb)
{
    /* SCCB: 8-byte aligned real address below 2 GiB (specification exception otherwise). */
    if (sccb & ~0x7ffffff8ULL)
        s390_program_exception(c, PGM_SPECIFICATION);
    uint8_t s[SCCB_MAX];
    if (s390_real_read(c, sccb, s, 8) != 0)
        s390_program_exception(c, PGM_ADDRESSING);
    unsigned len = ld_be16(s);
    if (len < 8)
        s390_program_exception(c, PGM_SPECIFICATION);
    if (c->service_pending && !c->sclp.attention_sent)
        return 2; /* busy: the previous command's completion is still pending */
    uint16_t rc;
    if ((sccb & 0xfff) + len > SCCB_MAX) {
        rc = RC_BOUNDARY;
        len = 8;
    } else {
        if (s390_real_read(c, sccb, s, len) != 0)
            s390_program_exception(c, PGM_ADDRESSING);
        switch (cmd & 0xffff00ffu) {
        case SCLP_CMD_READ_SCP_INFO:
        case SCLP_CMD_READ_SCP_INFO_FORCED: rc = read_scp_info(c, s, len); break;
        case SCLP_CMD_READ_CPU_INFO: rc = read_cpu_info(c, s, len); break;
        case SCLP_CMD_WRITE_EVENT_MASK: rc = write_event_mask(c, s, len); break;
        case SCLP_CMD_WRITE_EVENT_DATA: rc = write_event_data(c, s, len); break;
        case SCLP_CMD_READ_EVENT_DATA: rc = read_event_data(c, s, len); break;
        default:
            qlog(LOG_UNIMP, "s390: sclp command 0x%08x not implemented\n", cmd);
            rc = RC_INVALID_COMMAND;
            break;
        }
        len = ld_be16(s) > len ? len : ld_be16(s);
        if (len < 8)
            len = 8;
    }
    st_be16(s + 6, rc);
    s390_real_write(c, sccb, s, len);
    c->sclp.attention_sent = false;
    fill_input(c);
    s390_post_service_signal(c, (uint32_t)(sccb & ~7ULL) | (events_pending(c) ? 1 : 0));
    return 0;
}
