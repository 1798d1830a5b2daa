/* PL011 register-level tests (ARM DDI 0183). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "devices/pl011.h"

static char err[256];

static uint32_t rd(struct pl011 *u, uint64_t off)
{
    uint64_t v = 0xdeadbeef;
    ck_assert(pl011_mmio_ops.read(u, off, 4, &v));
    return (uint32_t)v;
}

static void wr(struct pl011 *u, uint64_t off, uint32_t v)
{
    ck_assert(pl011_mmio_ops.write(u, off, 4, v));
}

static char *slurp(const char *path)
{
    static char buf[512];
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

START_TEST(reset_and_ids)
{
    struct pl011 *u = pl011_create("null", err, sizeof(err));
    ck_assert_ptr_nonnull(u);
    ck_assert_uint_eq(rd(u, 0x018), 0x90);  /* FR: TXFE | RXFE, not BUSY/TXFF/RXFF */
    ck_assert_uint_eq(rd(u, 0x030), 0x300); /* CR: TXE | RXE */
    ck_assert_uint_eq(rd(u, 0x034), 0x12);  /* IFLS */
    ck_assert_uint_eq(rd(u, 0x03c), 0);     /* RIS */
    static const uint32_t ids[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
    for (unsigned i = 0; i < 8; i++)
        ck_assert_uint_eq(rd(u, 0xfe0 + 4 * i), ids[i]);
    /* Unknown offsets read as zero and do not fail the access. */
    ck_assert_uint_eq(rd(u, 0x100), 0);
    wr(u, 0x100, 0xffffffff);
    ck_assert_uint_eq(rd(u, 0x100), 0);
    /* Plain read/write registers keep their implemented bits only. */
    wr(u, 0x024, 0x12345);
    ck_assert_uint_eq(rd(u, 0x024), 0x2345);
    wr(u, 0x028, 0xff);
    ck_assert_uint_eq(rd(u, 0x028), 0x3f);
    wr(u, 0x02c, 0x70);
    ck_assert_uint_eq(rd(u, 0x02c), 0x70);
    /* Byte access to a register's low byte. */
    uint64_t v;
    ck_assert(pl011_mmio_ops.read(u, 0xfe0, 1, &v));
    ck_assert_uint_eq(v, 0x11);
    pl011_destroy(u);
}
END_TEST

START_TEST(tx_to_file)
{
    char path[] = "/tmp/saesim-pl011-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    char spec[64];
    snprintf(spec, sizeof(spec), "file:%s", path);
    struct pl011 *u = pl011_create(spec, err, sizeof(err));
    ck_assert_ptr_nonnull(u);
    wr(u, 0x038, 0x20);     /* IMSC.TXIM */
    ck_assert(!pl011_irq_level(u));
    const char *msg = "hello\n";
    for (const char *p = msg; *p; p++)
        wr(u, 0x000, (uint8_t)*p);
    ck_assert(pl011_irq_level(u));               /* TX interrupt after the FIFO drained */
    ck_assert_uint_eq(rd(u, 0x040), 0x20);      /* MIS */
    ck_assert_str_eq(slurp(path), "hello\n");   /* flushed at the newline */
    ck_assert(pl011_mmio_ops.write(u, 0, 1, 'x')); /* byte store to DR */
    ck_assert_str_eq(slurp(path), "hello\n");   /* line buffered */
    wr(u, 0x044, 0x20);                         /* ICR clears TXRIS */
    ck_assert(!pl011_irq_level(u));
    ck_assert_uint_eq(rd(u, 0x03c), 0);
    pl011_destroy(u);
    ck_assert_str_eq(slurp(path), "hello\nx");  /* flushed at destroy */
    unlink(path);
}
END_TEST

START_TEST(rx_holding_register)
{
    struct pl011 *u = pl011_create("null", err, sizeof(err));
    ck_assert_ptr_nonnull(u);
    wr(u, 0x038, 0x10);                 /* RXIM */
    ck_assert(!pl011_irq_level(u));
    const uint8_t in[2] = { 'a', 'b' };
    ck_assert_uint_eq(pl011_receive(u, in, 2), 1); /* FEN=0: one-character holding register */
    ck_assert_uint_eq(rd(u, 0x018) & 0xd0, 0xc0);   /* RXFF | TXFE, RXFE clear */
    ck_assert(pl011_irq_level(u));
    ck_assert_uint_eq(rd(u, 0x040) & 0x10, 0x10);
    ck_assert_uint_eq(rd(u, 0x000), 'a');
    ck_assert(!pl011_irq_level(u));
    ck_assert_uint_eq(rd(u, 0x018) & 0x50, 0x10);   /* RXFE */
    ck_assert_uint_eq(rd(u, 0x03c), 0);
    pl011_destroy(u);
}
END_TEST

START_TEST(rx_fifo_trigger_and_timeout)
{
    struct pl011 *u = pl011_create("null", err, sizeof(err));
    ck_assert_ptr_nonnull(u);
    wr(u, 0x02c, 0x70);                 /* LCR_H: FEN, 8 bits */
    wr(u, 0x034, 0x08);                 /* IFLS: RX trigger at 1/4 of 16 = 4 characters */
    wr(u, 0x038, 0x10);                 /* RXIM only */
    uint8_t in[40];
    for (unsigned i = 0; i < sizeof(in); i++)
        in[i] = (uint8_t)('0' + i);
    ck_assert_uint_eq(pl011_receive(u, in, 3), 3);
    ck_assert(!pl011_irq_level(u));              /* below the trigger: RX not raised */
    ck_assert_uint_eq(rd(u, 0x03c) & 0x50, 0x40); /* but the receive timeout is */
    wr(u, 0x038, 0x50);                          /* RXIM | RTIM */
    ck_assert(pl011_irq_level(u));
    ck_assert_uint_eq(pl011_receive(u, in + 3, 1), 1);
    ck_assert_uint_eq(rd(u, 0x03c) & 0x50, 0x50);
    /* Fill up: 16 entries, then full. */
    ck_assert_uint_eq(pl011_receive(u, in + 4, 36), 12);
    ck_assert_uint_eq(pl011_rx_space(u), 0);
    ck_assert_uint_eq(rd(u, 0x018) & 0x50, 0x40);   /* RXFF */
    for (unsigned i = 0; i < 13; i++)
        ck_assert_uint_eq(rd(u, 0x000), in[i]);
    ck_assert_uint_eq(rd(u, 0x03c) & 0x10, 0x00);   /* 3 left: below the trigger */
    ck_assert_uint_eq(rd(u, 0x03c) & 0x40, 0x40);
    for (unsigned i = 13; i < 16; i++)
        ck_assert_uint_eq(rd(u, 0x000), in[i]);
    ck_assert_uint_eq(rd(u, 0x03c), 0);
    ck_assert(!pl011_irq_level(u));
    ck_assert_uint_eq(rd(u, 0x000), 0);              /* empty FIFO reads 0 */
    /* Trigger at 7/8 = 14. */
    wr(u, 0x034, 0x20);
    ck_assert_uint_eq(pl011_receive(u, in, 13), 13);
    ck_assert_uint_eq(rd(u, 0x03c) & 0x10, 0x00);
    ck_assert_uint_eq(pl011_receive(u, in, 1), 1);
    ck_assert_uint_eq(rd(u, 0x03c) & 0x10, 0x10);
    /* Turning the FIFO off empties it. */
    wr(u, 0x02c, 0x60);
    ck_assert_uint_eq(rd(u, 0x018) & 0x10, 0x10);
    ck_assert_uint_eq(rd(u, 0x03c), 0);
    pl011_destroy(u);
}
END_TEST

START_TEST(loopback_overrun)
{
    struct pl011 *u = pl011_create("null", err, sizeof(err));
    ck_assert_ptr_nonnull(u);
    wr(u, 0x030, 0x381);                /* UARTEN | TXE | RXE | LBE */
    wr(u, 0x000, 'q');
    wr(u, 0x000, 'r');                  /* FEN=0: overruns the holding register */
    ck_assert_uint_eq(rd(u, 0x03c) & 0x400, 0x400);
    ck_assert_uint_eq(rd(u, 0x004), 0x8);          /* RSR.OE */
    ck_assert_uint_eq(rd(u, 0x000), 'q' | 0x800);  /* DR carries OE */
    wr(u, 0x004, 0);
    ck_assert_uint_eq(rd(u, 0x004), 0);
    pl011_destroy(u);
}
END_TEST

START_TEST(unix_socket)
{
    char dir[] = "/tmp/saesim-pl011-sock-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128], spec[140];
    snprintf(path, sizeof(path), "%s/s", dir);
    snprintf(spec, sizeof(spec), "unix:%s", path);
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    strcpy(sa.sun_path, path);
    ck_assert_int_eq(bind(ls, (struct sockaddr *)&sa, sizeof(sa)), 0);
    ck_assert_int_eq(listen(ls, 1), 0);
    struct pl011 *u = pl011_create(spec, err, sizeof(err));
    ck_assert_msg(u != NULL, "%s", err);
    int peer = accept(ls, NULL, NULL);
    ck_assert_int_ge(peer, 0);
    pl011_poll_input(u);                /* nothing there: must not block */
    ck_assert_uint_eq(rd(u, 0x018) & 0x10, 0x10);
    ck_assert_int_eq(write(peer, "z", 1), 1);
    for (int i = 0; i < 1000 && (rd(u, 0x018) & 0x10); i++) {
        usleep(1000);
        pl011_poll_input(u);
    }
    ck_assert_uint_eq(rd(u, 0x000), 'z');
    wr(u, 0x000, 'o');
    wr(u, 0x000, 'k');
    pl011_poll_input(u);                /* flushes partial lines */
    char got[4] = { 0 };
    ck_assert_int_eq(read(peer, got, 2), 2);
    ck_assert_str_eq(got, "ok");
    pl011_destroy(u);
    close(peer);
    close(ls);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(bad_specs)
{
    ck_assert_ptr_null(pl011_create("tcp:1234", err, sizeof(err)));
    ck_assert(strstr(err, "tcp:1234") != NULL);
    ck_assert_ptr_null(pl011_create("unix:/nonexistent/dir/sock", err, sizeof(err)));
    ck_assert_ptr_null(pl011_create("file:/nonexistent/dir/out", err, sizeof(err)));
}
END_TEST

static int irq_changes;
static bool irq_last;
static void irq_cb(void *opaque, unsigned line, bool level)
{
    ck_assert_ptr_eq(opaque, &irq_changes);
    ck_assert_uint_eq(line, 33);
    irq_changes++;
    irq_last = level;
}

START_TEST(irq_notify)
{
    struct pl011 *u = pl011_create("null", err, sizeof(err));
    pl011_connect_irq(u, irq_cb, &irq_changes, 33);
    ck_assert_int_eq(irq_changes, 1);   /* connecting reports the current level */
    ck_assert(!irq_last);
    irq_changes = 0;
    wr(u, 0x038, 0x20);
    ck_assert_int_eq(irq_changes, 0);
    wr(u, 0x000, 'a');
    ck_assert_int_eq(irq_changes, 1);
    ck_assert(irq_last);
    wr(u, 0x000, 'b');                  /* still high: no new notification */
    ck_assert_int_eq(irq_changes, 1);
    wr(u, 0x038, 0);                    /* masking lowers the output */
    ck_assert_int_eq(irq_changes, 2);
    ck_assert(!irq_last);
    pl011_destroy(u);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pl011");
    TCase *tc = tcase_create("regs");
    tcase_add_test(tc, reset_and_ids);
    tcase_add_test(tc, tx_to_file);
    tcase_add_test(tc, rx_holding_register);
    tcase_add_test(tc, rx_fifo_trigger_and_timeout);
    tcase_add_test(tc, loopback_overrun);
    tcase_add_test(tc, unix_socket);
    tcase_add_test(tc, bad_specs);
    tcase_add_test(tc, irq_notify);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
