/* GDB remote serial protocol over TCP ("Remote Protocol" appendix of the GDB manual): packet framing
 * and acks, and the all-stop command set gdb-multiarch uses for a bare-metal target: qSupported,
 * QStartNoAckMode, qXfer:features:read, ?, g/G, p/P, m/M/X, c/s, vCont, Z0-Z4/z0-z4, qAttached, qC,
 * qfThreadInfo, H, T, k, D and the 0x03 interrupt byte. */
#include "tools/gdbstub/gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tools/gdbstub/gdb_regs.h"

#define PACKET_MAX 16384
#define MAX_POINTS 64

struct gdbstub {
    struct dbg_target *t;
    unsigned ctx;
    int listen_fd, fd, port;
    struct gdb_layout layout;
    char xml[32768];
    size_t xml_len;
    struct dbg_breakpoint bp[MAX_POINTS];
    unsigned nbp;
    struct dbg_watchpoint wp[MAX_POINTS];
    unsigned nwp;
    volatile sig_atomic_t interrupt;
    bool ended;
    int exit_status;
    bool no_ack;  /* QStartNoAckMode: TCP is reliable, gdb and the stub stop sending +/- */
    /* Bytes received but not yet consumed (the interrupt reader may read ahead). */
    uint8_t in[PACKET_MAX * 2 + 16];
    size_t in_len, in_pos;
};

static const char hexd[] = "0123456789abcdef";

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

struct gdbstub *gdbstub_open(struct dbg_target *t, unsigned ctx, const char *spec, char *err, size_t errlen)
{
    const char *p = spec;
    if (strncmp(p, "tcp:", 4) == 0)
        p += 4;
    char host[64] = "";
    const char *colon = strrchr(p, ':');
    if (colon) {
        size_t n = (size_t)(colon - p);
        if (n >= sizeof(host)) {
            snprintf(err, errlen, "bad gdb address '%s'", spec);
            return NULL;
        }
        memcpy(host, p, n);
        host[n] = '\0';
        p = colon + 1;
    }
    char *end;
    long port = strtol(p, &end, 10);
    if (!*p || *end || port < 0 || port > 65535) {
        snprintf(err, errlen, "bad gdb port in '%s' (expected tcp::PORT)", spec);
        return NULL;
    }
    if (ctx >= t->nctx) {
        snprintf(err, errlen, "no debug context %u", ctx);
        return NULL;
    }
    struct gdbstub *g = calloc(1, sizeof(*g));
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->t = t;
    g->ctx = ctx;
    g->fd = -1;
    g->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (g->listen_fd < 0) {
        snprintf(err, errlen, "socket: %s", strerror(errno));
        free(g);
        return NULL;
    }
    int one = 1;
    setsockopt(g->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    /* QEMU's "tcp::PORT" listens on all interfaces; saesim keeps the stub on loopback unless a host
     * is named, since the protocol has no authentication. */
    if (!host[0] || strcmp(host, "localhost") == 0)
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else if (inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
        snprintf(err, errlen, "bad gdb host '%s' (numeric IPv4 expected)", host);
        close(g->listen_fd);
        free(g);
        return NULL;
    }
    socklen_t sl = sizeof(sa);
    if (bind(g->listen_fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(g->listen_fd, 1) != 0
        || getsockname(g->listen_fd, (struct sockaddr *)&sa, &sl) != 0) {
        snprintf(err, errlen, "cannot listen on port %ld: %s", port, strerror(errno));
        close(g->listen_fd);
        free(g);
        return NULL;
    }
    g->port = ntohs(sa.sin_port);
    gdb_layout_build(&g->layout, t, ctx);
    g->xml_len = gdb_layout_xml(&g->layout, g->xml, sizeof(g->xml));
    return g;
}

int gdbstub_port(const struct gdbstub *g)
{
    return g->port;
}

bool gdbstub_pending(const struct gdbstub *g)
{
    struct pollfd p = { g->listen_fd, POLLIN, 0 };
    return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

const char *gdbstub_target_xml(struct gdbstub *g)
{
    return g->xml;
}

void gdbstub_close(struct gdbstub *g)
{
    if (!g)
        return;
    if (g->fd >= 0)
        close(g->fd);
    if (g->listen_fd >= 0)
        close(g->listen_fd);
    free(g);
}

/* --- framing --------------------------------------------------------------------------------- */

static int get_byte(struct gdbstub *g)
{
    if (g->in_pos == g->in_len) {
        g->in_pos = g->in_len = 0;
        ssize_t n;
        do
            n = read(g->fd, g->in, sizeof(g->in));
        while (n < 0 && errno == EINTR);
        if (n <= 0)
            return -1;
        g->in_len = (size_t)n;
    }
    return g->in[g->in_pos++];
}

static int write_all(int fd, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Send one packet and wait for its '+' (resending on '-'). */
static int send_packet(struct gdbstub *g, const char *data, size_t len)
{
    static char buf[PACKET_MAX * 2 + 8];
    if (len > PACKET_MAX * 2)
        len = PACKET_MAX * 2;
    buf[0] = '$';
    uint8_t sum = 0;
    for (size_t i = 0; i < len; i++) {
        buf[1 + i] = data[i];
        sum = (uint8_t)(sum + (uint8_t)data[i]);
    }
    buf[1 + len] = '#';
    buf[2 + len] = hexd[sum >> 4];
    buf[3 + len] = hexd[sum & 15];
    for (int tries = 0; tries < 10; tries++) {
        if (write_all(g->fd, buf, len + 4) != 0)
            return -1;
        if (g->no_ack)
            return 0;
        int c;
        do
            c = get_byte(g);
        while (c >= 0 && c != '+' && c != '-');  /* a 0x03 here is stale: the target is stopped */
        if (c < 0)
            return -1;
        if (c == '+')
            return 0;
    }
    return -1;
}

static int send_str(struct gdbstub *g, const char *s)
{
    return send_packet(g, s, strlen(s));
}

/* Receive one packet into buf (NUL-terminated, escapes kept). Returns its length, -1 on EOF,
 * or -2 for a lone interrupt byte. */
static int recv_packet(struct gdbstub *g, char *buf, size_t cap)
{
    for (;;) {
        int c;
        do {
            c = get_byte(g);
            if (c == 3)
                return -2;
        } while (c >= 0 && c != '$');
        if (c < 0)
            return -1;
        size_t n = 0;
        uint8_t sum = 0;
        bool overflow = false;
        while ((c = get_byte(g)) >= 0 && c != '#') {
            sum = (uint8_t)(sum + c);
            if (n + 1 < cap)
                buf[n++] = (char)c;
            else
                overflow = true;
        }
        if (c < 0)
            return -1;
        int h = get_byte(g), l = get_byte(g);
        if (h < 0 || l < 0)
            return -1;
        buf[n] = '\0';
        if (hexval(h) < 0 || hexval(l) < 0 || (uint8_t)(hexval(h) << 4 | hexval(l)) != sum || overflow) {
            if (!g->no_ack && write_all(g->fd, "-", 1) != 0)
                return -1;
            continue;
        }
        if (!g->no_ack && write_all(g->fd, "+", 1) != 0)
            return -1;
        return (int)n;
    }
}

/* --- registers ------------------------------------------------------------------------------- */

/* Append register r as hex in target byte order ("xx.." if unavailable). */
static size_t put_reg(struct gdbstub *g, unsigned r, char *out)
{
    const struct gdb_reg *gr = &g->layout.regs[r];
    unsigned bytes = gr->bits / 8;
    uint64_t v[2] = { 0, 0 };
    if (gr->target_idx < 0 || g->t->ops->reg_read(g->t->opaque, g->ctx, (unsigned)gr->target_idx, v) != 0) {
        memset(out, 'x', 2 * bytes);
        return 2 * bytes;
    }
    for (unsigned i = 0; i < bytes; i++) {
        unsigned bi = g->layout.big_endian ? bytes - 1 - i : i;  /* byte index, least significant = 0 */
        uint8_t b = (uint8_t)(v[bi / 8] >> (8 * (bi % 8)));
        out[2 * i] = hexd[b >> 4];
        out[2 * i + 1] = hexd[b & 15];
    }
    return 2 * bytes;
}

/* Parse register r from hex at in; returns characters consumed or 0 on error. */
static size_t get_reg(struct gdbstub *g, unsigned r, const char *in, bool write)
{
    const struct gdb_reg *gr = &g->layout.regs[r];
    unsigned bytes = gr->bits / 8;
    uint64_t v[2] = { 0, 0 };
    if (strnlen(in, 2 * bytes) < 2 * bytes)
        return 0;
    for (unsigned i = 0; i < bytes; i++) {
        if (in[2 * i] == 'x')
            return 2 * bytes;  /* "unavailable": leave the register alone */
        int h = hexval(in[2 * i]), l = h >= 0 ? hexval(in[2 * i + 1]) : -1;
        if (l < 0)
            return 0;
        unsigned bi = g->layout.big_endian ? bytes - 1 - i : i;
        v[bi / 8] |= (uint64_t)(h << 4 | l) << (8 * (bi % 8));
    }
    if (write && gr->target_idx >= 0)
        g->t->ops->reg_write(g->t->opaque, g->ctx, (unsigned)gr->target_idx, v);
    return 2 * bytes;
}

/* --- run control ----------------------------------------------------------------------------- */

struct irq_reader {
    struct gdbstub *g;
    int wake[2];
};

/* While the target runs, watch the socket for gdb's interrupt byte (0x03). */
static void *irq_thread(void *arg)
{
    struct irq_reader *r = arg;
    struct gdbstub *g = r->g;
    for (;;) {
        struct pollfd p[2] = { { g->fd, POLLIN, 0 }, { r->wake[0], POLLIN, 0 } };
        if (poll(p, 2, -1) < 0 && errno != EINTR)
            break;
        if (p[1].revents)
            break;
        if (p[0].revents) {
            uint8_t c;
            ssize_t n = read(g->fd, &c, 1);
            if (n <= 0) {
                g->interrupt = 1;  /* gdb went away: stop and let the main loop see EOF */
                break;
            }
            if (c == 3)
                g->interrupt = 1;
            else if (g->in_len < sizeof(g->in))
                g->in[g->in_len++] = c;  /* in_pos == in_len here: the main loop is not reading */
        }
    }
    return NULL;
}

static void run_target(struct gdbstub *g, bool step, struct dbg_stop *st)
{
    memset(st, 0, sizeof(*st));
    st->ctx = g->ctx;
    if (g->ended) {
        st->kind = DBG_STOP_GUEST_END;
        st->exit_status = g->exit_status;
        return;
    }
    if (step) {
        g->t->ops->step(g->t->opaque, g->ctx, st);
    } else {
        struct dbg_stopset set = { .bp = g->bp, .nbp = g->nbp, .wp = g->wp, .nwp = g->nwp,
                                   .interrupt = &g->interrupt };
        struct irq_reader r = { g, { -1, -1 } };
        pthread_t th;
        bool threaded = false;
        g->interrupt = 0;
        /* Drop consumed input so the reader can append. */
        memmove(g->in, g->in + g->in_pos, g->in_len - g->in_pos);
        g->in_len -= g->in_pos;
        g->in_pos = 0;
        if (pipe(r.wake) == 0 && pthread_create(&th, NULL, irq_thread, &r) == 0)
            threaded = true;
        g->t->ops->run(g->t->opaque, &set, st);
        if (threaded) {
            if (write(r.wake[1], "x", 1) < 0) { /* the reader also ends on EOF */ }
            pthread_join(th, NULL);
        }
        if (r.wake[0] >= 0) {
            close(r.wake[0]);
            close(r.wake[1]);
        }
        g->interrupt = 0;
    }
    if (st->kind == DBG_STOP_GUEST_END) {
        g->ended = true;
        g->exit_status = st->exit_status;
    }
}

static void stop_reply(struct gdbstub *g, const struct dbg_stop *st, char *out, size_t len)
{
    switch (st->kind) {
    case DBG_STOP_GUEST_END:
        snprintf(out, len, "W%02x", st->exit_status & 0xff);
        return;
    case DBG_STOP_INTERRUPT:
        snprintf(out, len, "T02thread:1;");
        return;
    case DBG_STOP_BREAKPOINT:
        snprintf(out, len, "T05swbreak:;thread:1;");
        return;
    case DBG_STOP_WATCHPOINT: {
        const struct dbg_watchpoint *w = NULL;
        for (unsigned i = 0; i < g->nwp && !w; i++)
            if (st->addr >= g->wp[i].addr && st->addr < g->wp[i].addr + g->wp[i].len)
                w = &g->wp[i];
        const char *kind = !w || w->access == DBG_WATCH_W ? "watch" : w->access == DBG_WATCH_R ? "rwatch" : "awatch";
        snprintf(out, len, "T05%s:%" PRIx64 ";thread:1;", kind, st->addr);
        return;
    }
    default:
        snprintf(out, len, "T05thread:1;");
        return;
    }
}

/* --- packets --------------------------------------------------------------------------------- */

static bool parse_hex(const char **p, uint64_t *v)
{
    uint64_t x = 0;
    int d, n = 0;
    while ((d = hexval(**p)) >= 0) {
        x = x << 4 | (uint64_t)d;
        (*p)++;
        n++;
    }
    *v = x;
    return n > 0;
}

static int handle_point(struct gdbstub *g, const char *pkt)
{
    bool insert = pkt[0] == 'Z';
    int type = pkt[1] - '0';
    const char *p = pkt + 2;
    uint64_t addr, kind;
    if (*p++ != ',' || !parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &kind))
        return send_str(g, "E01");
    if (type == 0 || type == 1) {
        for (unsigned i = 0; i < g->nbp; i++) {
            if (g->bp[i].addr == addr) {
                if (!insert)
                    g->bp[i] = g->bp[--g->nbp];
                return send_str(g, "OK");
            }
        }
        if (!insert)
            return send_str(g, "OK");
        if (g->nbp == MAX_POINTS)
            return send_str(g, "E0c");
        g->bp[g->nbp] = (struct dbg_breakpoint){ g->nbp + 1, g->ctx, addr };
        g->nbp++;
        return send_str(g, "OK");
    }
    if (type >= 2 && type <= 4) {
        enum dbg_watch_access acc = type == 2 ? DBG_WATCH_W : type == 3 ? DBG_WATCH_R : DBG_WATCH_RW;
        for (unsigned i = 0; i < g->nwp; i++) {
            if (g->wp[i].addr == addr && g->wp[i].len == kind && g->wp[i].access == acc) {
                if (!insert)
                    g->wp[i] = g->wp[--g->nwp];
                return send_str(g, "OK");
            }
        }
        if (!insert)
            return send_str(g, "OK");
        if (g->nwp == MAX_POINTS || kind == 0)
            return send_str(g, "E0c");
        g->wp[g->nwp] = (struct dbg_watchpoint){ g->nwp + 1, g->ctx, addr, kind, acc };
        g->nwp++;
        return send_str(g, "OK");
    }
    return send_str(g, "");
}

static int handle_xfer(struct gdbstub *g, const char *pkt)
{
    const char *p = pkt + strlen("qXfer:features:read:");
    if (strncmp(p, "target.xml:", 11) != 0)
        return send_str(g, "E00");
    p += 11;
    uint64_t off, len;
    if (!parse_hex(&p, &off) || *p++ != ',' || !parse_hex(&p, &len))
        return send_str(g, "E01");
    static char out[PACKET_MAX * 2];
    if (off >= g->xml_len)
        return send_str(g, "l");
    size_t n = g->xml_len - off;
    if (n > len)
        n = len;
    if (n > PACKET_MAX - 16)
        n = PACKET_MAX - 16;
    size_t o = 0;
    out[o++] = off + n < g->xml_len ? 'm' : 'l';
    for (size_t i = 0; i < n; i++) {
        char c = g->xml[off + i];
        if (c == '#' || c == '$' || c == '}' || c == '*') {
            out[o++] = '}';
            c ^= 0x20;
        }
        out[o++] = c;
    }
    return send_packet(g, out, o);
}

static int handle_mem_read(struct gdbstub *g, const char *pkt)
{
    const char *p = pkt + 1;
    uint64_t addr, len;
    if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len))
        return send_str(g, "E01");
    if (len > PACKET_MAX / 2 - 8)
        len = PACKET_MAX / 2 - 8;
    static uint8_t buf[PACKET_MAX];
    static char out[PACKET_MAX + 8];
    size_t got = g->t->ops->mem_read(g->t->opaque, g->ctx, 0, addr, buf, len);
    if (got == 0 && len)
        return send_str(g, "E14");  /* EFAULT */
    for (size_t i = 0; i < got; i++) {
        out[2 * i] = hexd[buf[i] >> 4];
        out[2 * i + 1] = hexd[buf[i] & 15];
    }
    return send_packet(g, out, 2 * got);
}

/* M addr,len:hex  or  X addr,len:binary (escaped with '}'). */
static int handle_mem_write(struct gdbstub *g, const char *pkt, size_t pkt_len)
{
    const char *p = pkt + 1;
    uint64_t addr, len;
    if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len) || *p++ != ':' || len > PACKET_MAX)
        return send_str(g, "E01");
    static uint8_t buf[PACKET_MAX];
    const char *end = pkt + pkt_len;
    for (uint64_t i = 0; i < len; i++) {
        if (pkt[0] == 'M') {
            int h = p < end ? hexval(p[0]) : -1, l = p + 1 < end ? hexval(p[1]) : -1;
            if (h < 0 || l < 0)
                return send_str(g, "E01");
            buf[i] = (uint8_t)(h << 4 | l);
            p += 2;
        } else {
            if (p >= end)
                return send_str(g, "E01");
            uint8_t c = (uint8_t)*p++;
            if (c == '}') {
                if (p >= end)
                    return send_str(g, "E01");
                c = (uint8_t)(*p++ ^ 0x20);
            }
            buf[i] = c;
        }
    }
    size_t put = g->t->ops->mem_write(g->t->opaque, g->ctx, 0, addr, buf, len);
    return send_str(g, put == len ? "OK" : "E14");
}

static int resume(struct gdbstub *g, bool step)
{
    struct dbg_stop st;
    run_target(g, step, &st);
    char reply[128];
    stop_reply(g, &st, reply, sizeof(reply));
    return send_str(g, reply);
}

/* One packet; returns 0 to go on, 1 for detach, 2 for kill, -1 on a socket error. */
static int handle(struct gdbstub *g, char *pkt, size_t len)
{
    static char out[PACKET_MAX * 2];
    uint64_t v;
    const char *p;
    switch (pkt[0]) {
    case '?': {
        if (g->ended) {
            snprintf(out, sizeof(out), "W%02x", g->exit_status & 0xff);
            return send_str(g, out);
        }
        return send_str(g, "T05thread:1;");
    }
    case 'g': {
        size_t o = 0;
        for (unsigned r = 0; r < g->layout.nregs; r++)
            if (g->layout.regs[r].in_g)
                o += put_reg(g, r, out + o);
        return send_packet(g, out, o);
    }
    case 'G': {
        p = pkt + 1;
        for (unsigned r = 0; r < g->layout.nregs && *p; r++) {
            if (!g->layout.regs[r].in_g)
                continue;
            size_t n = get_reg(g, r, p, true);
            if (!n)
                return send_str(g, "E01");
            p += n;
        }
        return send_str(g, "OK");
    }
    case 'p':
        p = pkt + 1;
        if (!parse_hex(&p, &v) || v >= g->layout.nregs)
            return send_str(g, "E01");
        return send_packet(g, out, put_reg(g, (unsigned)v, out));
    case 'P':
        p = pkt + 1;
        if (!parse_hex(&p, &v) || *p++ != '=' || v >= g->layout.nregs)
            return send_str(g, "E01");
        if (strlen(p) < g->layout.regs[v].bits / 4 || !get_reg(g, (unsigned)v, p, true))
            return send_str(g, "E01");
        return send_str(g, "OK");
    case 'm':
        return handle_mem_read(g, pkt);
    case 'M':
    case 'X':
        return handle_mem_write(g, pkt, len);
    case 'c':
    case 's':
        p = pkt + 1;
        if (parse_hex(&p, &v)) {  /* "c ADDR": resume at ADDR */
            uint64_t pcv[2] = { v, 0 };
            g->t->ops->reg_write(g->t->opaque, g->ctx, g->t->ctx[g->ctx].pc_reg, pcv);
        }
        return resume(g, pkt[0] == 's');
    case 'Z':
    case 'z':
        return handle_point(g, pkt);
    case 'H':
    case 'T':
        return send_str(g, "OK");
    case 'k':
        return 2;
    case 'D':
        send_str(g, "OK");
        return 1;
    case 'Q':
        if (strcmp(pkt, "QStartNoAckMode") == 0) {
            int rc = send_str(g, "OK");  /* this reply is still acknowledged */
            g->no_ack = true;
            return rc;
        }
        return send_str(g, "");
    case 'v':
        if (strcmp(pkt, "vCont?") == 0)
            return send_str(g, "vCont;c;C;s;S");
        if (strncmp(pkt, "vCont;", 6) == 0) {
            /* One thread: the first action decides (s/S = step, c/C = continue); signals ignored. */
            char a = pkt[6];
            if (a != 's' && a != 'S' && a != 'c' && a != 'C')
                return send_str(g, "E01");
            return resume(g, a == 's' || a == 'S');
        }
        if (strncmp(pkt, "vKill", 5) == 0) {
            send_str(g, "OK");
            return 2;
        }
        return send_str(g, "");
    case 'q':
        if (strncmp(pkt, "qSupported", 10) == 0) {
            snprintf(out, sizeof(out),
                     "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+",
                     PACKET_MAX);
            return send_str(g, out);
        }
        if (strncmp(pkt, "qXfer:features:read:", 20) == 0)
            return handle_xfer(g, pkt);
        if (strcmp(pkt, "qAttached") == 0)
            return send_str(g, "1");
        if (strcmp(pkt, "qC") == 0)
            return send_str(g, "QC1");
        if (strcmp(pkt, "qfThreadInfo") == 0)
            return send_str(g, "m1");
        if (strcmp(pkt, "qsThreadInfo") == 0)
            return send_str(g, "l");
        if (strncmp(pkt, "qThreadExtraInfo", 16) == 0) {
            const char *name = g->t->ctx[g->ctx].arch == DISAS_AARCH64 ? "Arm guest vCPU" : "s390 host CPU";
            size_t o = 0;
            for (const char *c = name; *c; c++) {
                out[o++] = hexd[(uint8_t)*c >> 4];
                out[o++] = hexd[*c & 15];
            }
            return send_packet(g, out, o);
        }
        if (strcmp(pkt, "qSymbol::") == 0)
            return send_str(g, "OK");
        return send_str(g, "");
    default:
        return send_str(g, "");
    }
}

enum gdbstub_result gdbstub_serve(struct gdbstub *g, int *exit_status)
{
    int fd;
    do
        fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return GDBSTUB_ERROR;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    g->fd = fd;
    g->in_len = g->in_pos = 0;
    g->no_ack = false;
    static char pkt[PACKET_MAX * 2 + 8];
    enum gdbstub_result res = GDBSTUB_DETACHED;
    for (;;) {
        int n = recv_packet(g, pkt, sizeof(pkt));
        if (n == -1)
            break;  /* connection closed: treat as detach */
        if (n == -2) {  /* interrupt while stopped: report the stop again */
            if (send_str(g, "T02thread:1;") != 0)
                break;
            continue;
        }
        if (n == 0) {
            if (send_str(g, "") != 0)
                break;
            continue;
        }
        int rc = handle(g, pkt, (size_t)n);
        if (rc < 0) {
            res = GDBSTUB_ERROR;
            break;
        }
        if (rc == 1)
            break;
        if (rc == 2) {
            res = GDBSTUB_KILLED;
            break;
        }
    }
    close(g->fd);
    g->fd = -1;
    if (g->ended && res == GDBSTUB_DETACHED)
        res = GDBSTUB_GUEST_ENDED;
    if (exit_status)
        *exit_status = g->exit_status;
    return res;
}
