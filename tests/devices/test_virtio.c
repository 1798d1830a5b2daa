/* virtio-mmio transport (v2) and virtio console tests, driving real split virtqueues built in a
 * test buffer that stands for guest RAM (Virtio 1.1 §2.6, §4.2, §5.3). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/bus.h"
#include "core/endian.h"
#include "devices/virtio_console.h"
#include "devices/virtio_mmio.h"

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x10000u

static uint8_t ram[RAM_SIZE];
static struct bus bus;
static struct virtio_guest_mem mem;
static struct virtio_mmio *t;
static char err[256];

static uint32_t rd(uint32_t off)
{
    uint64_t v = 0xdead;
    ck_assert(virtio_mmio_ops.read(t, off, 4, &v));
    return (uint32_t)v;
}
static void wr(uint32_t off, uint32_t v)
{
    ck_assert(virtio_mmio_ops.write(t, off, 4, v));
}
static uint8_t *g(uint64_t gpa) { return ram + (gpa - RAM_BASE); }

static void setup(void)
{
    memset(ram, 0, sizeof(ram));
    bus_init(&bus);
    ck_assert_int_eq(bus_add_ram(&bus, "ram", RAM_BASE, RAM_SIZE, ram, err, sizeof(err)), 0);
    mem = virtio_bus_mem(&bus);
    t = virtio_mmio_create(&mem);
    ck_assert_ptr_nonnull(t);
}

static void teardown(void)
{
    virtio_mmio_destroy(t);
    bus_destroy(&bus);
}

/* Queue q's rings: descriptors at +0x1000*(2q+1), avail at +0x100 after, used at +0x200 after. */
#define QNUM 16
static uint64_t q_desc(unsigned q) { return RAM_BASE + 0x1000 * (2 * q + 1); }
static uint64_t q_avail(unsigned q) { return q_desc(q) + 0x100; }
static uint64_t q_used(unsigned q) { return q_desc(q) + 0x200; }

static void setup_queue(unsigned q)
{
    wr(0x030, q);
    ck_assert_uint_eq(rd(0x034), 256);
    ck_assert_uint_eq(rd(0x044), 0);
    wr(0x038, QNUM);
    wr(0x080, (uint32_t)q_desc(q));
    wr(0x084, (uint32_t)(q_desc(q) >> 32));
    wr(0x090, (uint32_t)q_avail(q));
    wr(0x094, 0);
    wr(0x0a0, (uint32_t)q_used(q));
    wr(0x0a4, 0);
    wr(0x044, 1);
    ck_assert_uint_eq(rd(0x044), 1);
}

/* The driver initialisation sequence (§3.1.1). */
static void driver_init(void)
{
    wr(0x070, 0);
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(0x014, 0);
    uint32_t f0 = rd(0x010);
    wr(0x014, 1);
    uint32_t f1 = rd(0x010);
    ck_assert_uint_eq(f0, 1u << VIRTIO_CONSOLE_F_EMERG_WRITE);
    ck_assert_uint_eq(f1, 1u);                  /* VIRTIO_F_VERSION_1 */
    wr(0x024, 0);
    wr(0x020, 0);
    wr(0x024, 1);
    wr(0x020, 1);
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, VIRTIO_STATUS_FEATURES_OK);
    setup_queue(0);
    setup_queue(1);
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK |
              VIRTIO_STATUS_DRIVER_OK);
}

static void put_desc(unsigned q, unsigned i, uint64_t addr, uint32_t len, uint16_t flags,
                     uint16_t next)
{
    uint8_t *d = g(q_desc(q) + 16 * i);
    st_le64(d, addr);
    st_le32(d + 8, len);
    st_le16(d + 12, flags);
    st_le16(d + 14, next);
}

static void make_avail(unsigned q, uint16_t head)
{
    uint8_t *a = g(q_avail(q));
    uint16_t idx = ld_le16(a + 2);
    st_le16(a + 4 + 2 * (idx % QNUM), head);
    st_le16(a + 2, idx + 1);
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

START_TEST(empty_transport)
{
    ck_assert_uint_eq(rd(0x000), 0x74726976);
    ck_assert_uint_eq(rd(0x004), 2);
    ck_assert_uint_eq(rd(0x008), 0);
    ck_assert_uint_eq(rd(0x00c), 0x554d4551);
    wr(0x070, 1);
    ck_assert_uint_eq(rd(0x070), 0);
    ck_assert_uint_eq(rd(0x034), 0);
    ck_assert(!virtio_mmio_has_device(t));
}
END_TEST

START_TEST(handshake_and_tx)
{
    char path[] = "/tmp/saesim-vcon-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    char spec[64];
    snprintf(spec, sizeof(spec), "file:%s", path);
    struct virtio_console *con = virtio_console_create(t, spec, err, sizeof(err));
    ck_assert_msg(con != NULL, "%s", err);
    ck_assert_uint_eq(rd(0x008), 3);
    /* Config space: max_nr_ports = 1 at offset 4; byte access works too. */
    uint64_t v;
    ck_assert(virtio_mmio_ops.read(t, 0x104, 4, &v));
    ck_assert_uint_eq(v, 1);
    ck_assert(virtio_mmio_ops.read(t, 0x104, 1, &v));
    ck_assert_uint_eq(v, 1);
    ck_assert_uint_eq(rd(0x0fc), 0);
    wr(0x030, 2);
    ck_assert_uint_eq(rd(0x034), 0);                    /* only two queues */
    driver_init();
    ck_assert(virtio_mmio_driver_ok(t));

    /* "hello " + "virtio\n" as a two-descriptor chain (head 3 -> 7). */
    memcpy(g(RAM_BASE + 0x8000), "hello ", 6);
    memcpy(g(RAM_BASE + 0x8100), "virtio\n", 7);
    put_desc(1, 3, RAM_BASE + 0x8000, 6, VIRTQ_DESC_F_NEXT, 7);
    put_desc(1, 7, RAM_BASE + 0x8100, 7, 0, 0);
    make_avail(1, 3);
    ck_assert(!virtio_mmio_irq_level(t));
    wr(0x050, 1);                                       /* QueueNotify */
    ck_assert_str_eq(slurp(path), "hello virtio\n");
    uint8_t *u = g(q_used(1));
    ck_assert_uint_eq(ld_le16(u + 2), 1);               /* used->idx */
    ck_assert_uint_eq(ld_le32(u + 4), 3);               /* used->ring[0].id */
    ck_assert_uint_eq(ld_le32(u + 8), 0);               /* nothing written */
    ck_assert_uint_eq(rd(0x060), 1);
    ck_assert(virtio_mmio_irq_level(t));
    wr(0x064, 1);
    ck_assert_uint_eq(rd(0x060), 0);
    ck_assert(!virtio_mmio_irq_level(t));

    /* NO_INTERRUPT suppresses the used-buffer interrupt. */
    st_le16(g(q_avail(1)), VIRTQ_AVAIL_F_NO_INTERRUPT);
    memcpy(g(RAM_BASE + 0x8200), "x", 1);
    put_desc(1, 0, RAM_BASE + 0x8200, 1, 0, 0);
    make_avail(1, 0);
    wr(0x050, 1);
    ck_assert_uint_eq(ld_le16(u + 2), 2);
    ck_assert_uint_eq(rd(0x060), 0);

    /* Emergency write. */
    ck_assert(virtio_mmio_ops.write(t, 0x108, 4, 'E'));
    virtio_console_destroy(con);
    ck_assert_str_eq(slurp(path), "hello virtio\nxE");
    ck_assert_uint_eq(rd(0x008), 0);                    /* unplugged */
    unlink(path);
}
END_TEST

START_TEST(rx)
{
    struct virtio_console *con = virtio_console_create(t, "null", err, sizeof(err));
    ck_assert_ptr_nonnull(con);
    const uint8_t in[] = "abcdefghijk";
    ck_assert_uint_eq(virtio_console_receive(con, in, 11), 0); /* driver not ready */
    driver_init();
    ck_assert_uint_eq(virtio_console_receive(con, in, 11), 0); /* no buffer posted */
    put_desc(0, 0, RAM_BASE + 0x9000, 4, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 1);
    put_desc(0, 1, RAM_BASE + 0x9100, 4, VIRTQ_DESC_F_WRITE, 0);
    make_avail(0, 0);
    ck_assert_uint_eq(virtio_console_receive(con, in, 11), 8);
    ck_assert(memcmp(g(RAM_BASE + 0x9000), "abcd", 4) == 0);
    ck_assert(memcmp(g(RAM_BASE + 0x9100), "efgh", 4) == 0);
    uint8_t *u = g(q_used(0));
    ck_assert_uint_eq(ld_le16(u + 2), 1);
    ck_assert_uint_eq(ld_le32(u + 4), 0);
    ck_assert_uint_eq(ld_le32(u + 8), 8);
    ck_assert_uint_eq(rd(0x060), 1);
    ck_assert(virtio_mmio_irq_level(t));
    virtio_console_destroy(con);
}
END_TEST

START_TEST(feature_negotiation)
{
    struct virtio_console *con = virtio_console_create(t, "null", err, sizeof(err));
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(0x024, 1);
    wr(0x020, 0);                                       /* legacy driver: no VERSION_1 */
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, 0);
    wr(0x070, 0);                                       /* reset */
    ck_assert_uint_eq(rd(0x070), 0);
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(0x024, 0);
    wr(0x020, 1u << 1);                                 /* MULTIPORT: not offered */
    wr(0x024, 1);
    wr(0x020, 1);
    wr(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_FEATURES_OK, 0);
    ck_assert_uint_eq(virtio_mmio_driver_features(t), (1ull << 32) | 2);
    virtio_console_destroy(con);
}
END_TEST

START_TEST(bad_queue_setup_and_chain)
{
    struct virtio_console *con = virtio_console_create(t, "null", err, sizeof(err));
    wr(0x030, 1);
    wr(0x038, 3);                                       /* not a power of two */
    wr(0x080, (uint32_t)q_desc(1));
    wr(0x090, (uint32_t)q_avail(1));
    wr(0x0a0, (uint32_t)q_used(1));
    wr(0x044, 1);
    ck_assert_uint_eq(rd(0x044), 0);
    wr(0x038, 512);                                     /* above QueueNumMax */
    wr(0x044, 1);
    ck_assert_uint_eq(rd(0x044), 0);
    wr(0x038, 16);
    wr(0x080, (uint32_t)q_desc(1) + 8);                 /* misaligned descriptor table */
    wr(0x044, 1);
    ck_assert_uint_eq(rd(0x044), 0);

    driver_init();
    /* A looping chain (2 -> 5 -> 2) must not hang the device: NEEDS_RESET + config interrupt. */
    put_desc(1, 2, RAM_BASE + 0x8000, 1, VIRTQ_DESC_F_NEXT, 5);
    put_desc(1, 5, RAM_BASE + 0x8000, 1, VIRTQ_DESC_F_NEXT, 2);
    make_avail(1, 2);
    wr(0x050, 1);
    ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, VIRTIO_STATUS_NEEDS_RESET);
    ck_assert_uint_eq(rd(0x060) & 2, 2);
    ck_assert(!virtio_mmio_driver_ok(t));
    wr(0x070, 0);
    ck_assert_uint_eq(rd(0x070), 0);
    ck_assert_uint_eq(rd(0x060), 0);

    /* A descriptor outside guest RAM. */
    driver_init();
    put_desc(1, 0, 0x1000, 4, 0, 0);
    make_avail(1, 0);
    wr(0x050, 1);
    ck_assert_uint_eq(rd(0x070) & VIRTIO_STATUS_NEEDS_RESET, VIRTIO_STATUS_NEEDS_RESET);
    virtio_console_destroy(con);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("virtio");
    TCase *tc = tcase_create("mmio");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, empty_transport);
    tcase_add_test(tc, handshake_and_tx);
    tcase_add_test(tc, rx);
    tcase_add_test(tc, feature_negotiation);
    tcase_add_test(tc, bad_queue_setup_and_chain);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
