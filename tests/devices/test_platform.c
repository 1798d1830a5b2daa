/* The wired virt board: devices reached through a core bus at QEMU's addresses, interrupts
 * travelling device -> GIC -> CPU interface. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/bus.h"
#include "core/endian.h"
#include "devices/virt_dt.h"
#include "devices/virt_platform.h"

#define RAM_SIZE 0x100000u
#define EPOCH 1000000u

static uint8_t *ram;
static struct bus bus;
static struct vclock clk;
static struct virt_platform vp;
static char err[256];

static uint32_t rd(uint64_t a)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, a, 4, false, &v), BUS_OK);
    return (uint32_t)v;
}
static void wr(uint64_t a, uint32_t v)
{
    ck_assert_int_eq(bus_write(&bus, a, 4, false, v), BUS_OK);
}
static uint64_t icc(unsigned enc)
{
    uint64_t v;
    ck_assert(gicv3_cpuif_access(&vp.cpuif, enc, true, &v));
    return v;
}
static void icc_w(unsigned enc, uint64_t v)
{
    ck_assert(gicv3_cpuif_access(&vp.cpuif, enc, false, &v));
}

static void setup(void)
{
    ram = calloc(1, RAM_SIZE);
    bus_init(&bus);
    ck_assert_int_eq(bus_add_ram(&bus, "ram", VIRT_RAM_BASE, RAM_SIZE, ram, err, sizeof(err)), 0);
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    struct virt_platform_config cfg = {
        .serial = "null", .virtio_console = "null", .rtc_epoch = EPOCH,
        .mem = virtio_bus_mem(&bus),
    };
    ck_assert_msg(virt_platform_create(&vp, &cfg, &bus, &clk, err, sizeof(err)) == 0, "%s", err);
    /* GIC bring-up as a guest does it. */
    wr(VIRT_GICR_BASE + 0x14, 0);
    ck_assert_uint_eq(rd(VIRT_GICR_BASE + 0x14), 0);
    wr(VIRT_GICR_BASE + 0x10080, 0xffffffff);
    for (unsigned w = 1; w < 9; w++)
        wr(VIRT_GICD_BASE + 0x80 + 4 * w, 0xffffffff);
    wr(VIRT_GICD_BASE + 0x0, 0x12);
    wr(VIRT_GICD_BASE + 0x104, (1u << 1) | (1u << 2) | (1u << 16));  /* INTIDs 33, 34, 48 */
    wr(VIRT_GICD_BASE + 0x420, 0x80808080);                          /* prio 32-35 */
    wr(VIRT_GICD_BASE + 0x430, 0x80808080);                          /* prio 48-51 */
    icc_w(ICC_PMR_EL1, 0xf0);
    icc_w(ICC_IGRPEN1_EL1, 1);
}

static void teardown(void)
{
    virt_platform_destroy(&vp);
    vclock_destroy(&clk);
    bus_destroy(&bus);
    free(ram);
}

START_TEST(uart_interrupt)
{
    ck_assert_uint_eq(rd(VIRT_UART_BASE + 0xfe0), 0x11);
    wr(VIRT_UART_BASE + 0x038, 0x10);               /* RXIM */
    ck_assert(!gicv3_cpuif_irq_pending(&vp.cpuif));
    ck_assert_uint_eq(pl011_receive(vp.uart, (const uint8_t *)"A", 1), 1);
    ck_assert(gicv3_cpuif_irq_pending(&vp.cpuif));
    ck_assert_uint_eq(icc(ICC_IAR1_EL1), 33);
    ck_assert_uint_eq(rd(VIRT_UART_BASE + 0x000), 'A');
    icc_w(ICC_EOIR1_EL1, 33);
    ck_assert(!gicv3_cpuif_irq_pending(&vp.cpuif));
    ck_assert(!gicv3_is_pending(vp.gic, 33));
}
END_TEST

START_TEST(rtc_interrupt)
{
    ck_assert_uint_eq(rd(VIRT_RTC_BASE + 0x000), EPOCH);
    wr(VIRT_RTC_BASE + 0x004, EPOCH + 2);
    wr(VIRT_RTC_BASE + 0x010, 1);
    vclock_advance(&clk, 2000000000ull);
    ck_assert(!gicv3_cpuif_irq_pending(&vp.cpuif));  /* the event has not run yet */
    ck_assert_uint_eq(vclock_run_due(&clk), 1);
    ck_assert(gicv3_cpuif_irq_pending(&vp.cpuif));
    ck_assert_uint_eq(icc(ICC_IAR1_EL1), 34);
    wr(VIRT_RTC_BASE + 0x01c, 1);
    icc_w(ICC_EOIR1_EL1, 34);
    ck_assert(!gicv3_cpuif_irq_pending(&vp.cpuif));
}
END_TEST

START_TEST(virtio_interrupt)
{
    const uint64_t v0 = VIRT_VIRTIO_BASE, v1 = VIRT_VIRTIO_BASE + 0x200;
    ck_assert_uint_eq(rd(v0 + 0x000), 0x74726976);
    ck_assert_uint_eq(rd(v0 + 0x008), 3);
    ck_assert_uint_eq(rd(v1 + 0x008), 0);
    ck_assert_uint_eq(rd(VIRT_VIRTIO_BASE + 31 * 0x200 + 0x000), 0x74726976);
    wr(VIRT_GICD_BASE + 0xc0c, 2);                  /* INTID 48 edge, as the DT says */
    /* Minimal driver bring-up and one transmit. */
    wr(v0 + 0x070, 3);
    wr(v0 + 0x024, 1);
    wr(v0 + 0x020, 1);
    wr(v0 + 0x070, 11);
    wr(v0 + 0x030, 1);
    wr(v0 + 0x038, 8);
    const uint64_t desc = VIRT_RAM_BASE + 0x1000, avail = desc + 0x100, used = desc + 0x200;
    wr(v0 + 0x080, (uint32_t)desc);
    wr(v0 + 0x090, (uint32_t)avail);
    wr(v0 + 0x0a0, (uint32_t)used);
    wr(v0 + 0x044, 1);
    wr(v0 + 0x070, 15);
    uint8_t *d = ram + 0x1000;
    st_le64(d, VIRT_RAM_BASE + 0x2000);
    st_le32(d + 8, 3);
    memcpy(ram + 0x2000, "hi\n", 3);
    st_le16(ram + 0x1100 + 4, 0);
    st_le16(ram + 0x1100 + 2, 1);
    wr(v0 + 0x050, 1);
    ck_assert_uint_eq(ld_le16(ram + 0x1200 + 2), 1);
    ck_assert(gicv3_cpuif_irq_pending(&vp.cpuif));
    ck_assert_uint_eq(icc(ICC_IAR1_EL1), 48);
    ck_assert_uint_eq(rd(v0 + 0x060), 1);
    wr(v0 + 0x064, 1);
    icc_w(ICC_EOIR1_EL1, 48);
    ck_assert(!gicv3_cpuif_irq_pending(&vp.cpuif));
}
END_TEST

START_TEST(map_and_dt)
{
    uint64_t v;
    ck_assert_int_eq(bus_read(&bus, 0x09020000, 4, false, &v), BUS_UNMAPPED);   /* fw-cfg: none */
    ck_assert_int_eq(bus_read(&bus, VIRT_GICR_BASE + 0x1ffe8 - 0x10000, 4, false, &v), BUS_OK);
    ck_assert_uint_eq(v, 0x30);
    ck_assert_int_eq(bus_read(&bus, VIRT_GICR_BASE + 0x20000, 4, false, &v), BUS_UNMAPPED);
    struct virt_dt_params p;
    virt_dt_default_params(&p, RAM_SIZE);
    p.virtio_mask = virt_platform_virtio_mask(&vp);
    void *blob;
    size_t size;
    ck_assert_msg(virt_dt_build(&p, &blob, &size, err, sizeof(err)) == 0, "%s", err);
    free(blob);
    virt_platform_poll(&vp);                        /* null back ends: nothing, no blocking */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("virt_platform");
    TCase *tc = tcase_create("board");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, uart_interrupt);
    tcase_add_test(tc, rtc_interrupt);
    tcase_add_test(tc, virtio_interrupt);
    tcase_add_test(tc, map_and_dt);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
