/* virt board device tree: build the blob, check it with libfdt, and decompile it with dtc
 * (device-tree-compiler) to check the nodes Linux and kvm-unit-tests look for. */
#include <check.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devices/virt_dt.h"

static char err[256];

/* Decompile blob with dtc; returns the DTS text (malloc'ed). */
static char *dtc_decompile(const void *blob, size_t size)
{
    char path[] = "/tmp/saesim-virt-dt-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, blob, size), (ssize_t)size);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "dtc -q -I dtb -O dts %s", path);
    FILE *f = popen(cmd, "r");
    ck_assert_ptr_nonnull(f);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    size_t n;
    while ((n = fread(out + len, 1, cap - 1 - len, f)) > 0)
        len += n;
    out[len] = 0;
    int st = pclose(f);
    unlink(path);
    ck_assert_msg(st == 0, "dtc failed (status %d)", st);
    return out;
}

static void expect(const char *dts, const char *needle)
{
    ck_assert_msg(strstr(dts, needle) != NULL, "missing in DTS: %s", needle);
}

START_TEST(full_tree)
{
    struct virt_dt_params p;
    virt_dt_default_params(&p, 128ull << 20);
    p.bootargs = "console=ttyAMA0 earlycon";
    p.initrd_start = 0x48000000;
    p.initrd_end = 0x48100000;
    void *blob;
    size_t size;
    ck_assert_msg(virt_dt_build(&p, &blob, &size, err, sizeof(err)) == 0, "%s", err);
    ck_assert_int_eq(fdt_check_full(blob, size), 0);

    /* libfdt view: exact property values. */
    int root = fdt_path_offset(blob, "/");
    ck_assert_int_ge(root, 0);
    int len;
    const fdt32_t *ph = fdt_getprop(blob, root, "interrupt-parent", &len);
    ck_assert_int_eq(len, 4);
    int intc = fdt_path_offset(blob, "/intc@8000000");
    ck_assert_int_ge(intc, 0);
    ck_assert_uint_eq(fdt_get_phandle(blob, intc), fdt32_to_cpu(*ph));
    ck_assert_int_eq(fdt_node_check_compatible(blob, intc, "arm,gic-v3"), 0);
    const fdt32_t *reg = fdt_getprop(blob, intc, "reg", &len);
    ck_assert_int_eq(len, 32);
    ck_assert_uint_eq(fdt32_to_cpu(reg[1]), 0x08000000);
    ck_assert_uint_eq(fdt32_to_cpu(reg[3]), 0x10000);
    ck_assert_uint_eq(fdt32_to_cpu(reg[5]), 0x080a0000);
    ck_assert_uint_eq(fdt32_to_cpu(reg[7]), 0x20000);
    int mem = fdt_path_offset(blob, "/memory@40000000");
    ck_assert_int_ge(mem, 0);
    reg = fdt_getprop(blob, mem, "reg", &len);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(fdt32_to_cpu(reg[1]), 0x40000000);
    ck_assert_uint_eq(fdt32_to_cpu(reg[3]), 128u << 20);
    int uart = fdt_path_offset(blob, "/pl011@9000000");
    ck_assert_int_ge(uart, 0);
    const fdt32_t *irq = fdt_getprop(blob, uart, "interrupts", &len);
    ck_assert_int_eq(len, 12);
    ck_assert_uint_eq(fdt32_to_cpu(irq[0]), 0);
    ck_assert_uint_eq(fdt32_to_cpu(irq[1]), 1);
    const fdt32_t *clk = fdt_getprop(blob, uart, "clocks", &len);
    ck_assert_int_eq(len, 8);
    int pclk = fdt_node_offset_by_phandle(blob, fdt32_to_cpu(clk[0]));
    ck_assert_str_eq(fdt_get_name(blob, pclk, NULL), "apb-pclk");
    const fdt32_t *freq = fdt_getprop(blob, pclk, "clock-frequency", &len);
    ck_assert_uint_eq(fdt32_to_cpu(*freq), 24000000);
    int timer = fdt_path_offset(blob, "/timer");
    ck_assert_ptr_null(fdt_getprop(blob, timer, "clock-frequency", &len));
    irq = fdt_getprop(blob, timer, "interrupts", &len);
    ck_assert_int_eq(len, 48);
    ck_assert_uint_eq(fdt32_to_cpu(irq[7]), 11);           /* virtual timer: PPI 11 = INTID 27 */
    int v31 = fdt_path_offset(blob, "/virtio_mmio@a003e00");
    ck_assert_int_ge(v31, 0);
    irq = fdt_getprop(blob, v31, "interrupts", &len);
    ck_assert_uint_eq(fdt32_to_cpu(irq[1]), 16 + 31);
    int chosen = fdt_path_offset(blob, "/chosen");
    const void *is = fdt_getprop(blob, chosen, "linux,initrd-start", &len);
    ck_assert_int_eq(len, 8);
    ck_assert_uint_eq(fdt64_ld(is), 0x48000000); /* DT properties are only 4-byte aligned */

    /* dtc view: the nodes and properties by name, as a reader of the DTS sees them. */
    char *dts = dtc_decompile(blob, size);
    expect(dts, "compatible = \"linux,dummy-virt\";");
    expect(dts, "#address-cells = <0x02>;");
    expect(dts, "#size-cells = <0x02>;");
    expect(dts, "memory@40000000 {");
    expect(dts, "device_type = \"memory\";");
    expect(dts, "cpus {");
    expect(dts, "cpu@0 {");
    expect(dts, "compatible = \"arm,arm-v8\";");
    expect(dts, "device_type = \"cpu\";");
    expect(dts, "enable-method = \"psci\";");
    expect(dts, "psci {");
    expect(dts, "compatible = \"arm,psci-1.0\\0arm,psci-0.2\\0arm,psci\";");
    expect(dts, "method = \"hvc\";");
    expect(dts, "timer {");
    expect(dts, "compatible = \"arm,armv8-timer\\0arm,armv7-timer\";");
    expect(dts, "interrupts = <0x01 0x0d 0x04 0x01 0x0e 0x04 0x01 0x0b 0x04 0x01 0x0a 0x04>;");
    expect(dts, "always-on;");
    expect(dts, "intc@8000000 {");
    expect(dts, "compatible = \"arm,gic-v3\";");
    expect(dts, "interrupt-controller;");
    expect(dts, "#interrupt-cells = <0x03>;");
    expect(dts, "reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0x20000>;");
    expect(dts, "pl011@9000000 {");
    expect(dts, "compatible = \"arm,pl011\\0arm,primecell\";");
    expect(dts, "clock-names = \"uartclk\\0apb_pclk\";");
    expect(dts, "interrupts = <0x00 0x01 0x04>;");
    expect(dts, "apb-pclk {");
    expect(dts, "compatible = \"fixed-clock\";");
    expect(dts, "clock-frequency = <0x16e3600>;");
    expect(dts, "pl031@9010000 {");
    expect(dts, "compatible = \"arm,pl031\\0arm,primecell\";");
    expect(dts, "interrupts = <0x00 0x02 0x04>;");
    expect(dts, "virtio_mmio@a000000 {");
    expect(dts, "compatible = \"virtio,mmio\";");
    expect(dts, "interrupts = <0x00 0x10 0x01>;");
    expect(dts, "reg = <0x00 0xa000000 0x00 0x200>;");
    expect(dts, "virtio_mmio@a003e00 {");
    expect(dts, "serial0 = \"/pl011@9000000\";");
    expect(dts, "chosen {");
    expect(dts, "bootargs = \"console=ttyAMA0 earlycon\";");
    expect(dts, "stdout-path = \"/pl011@9000000\";");
    expect(dts, "linux,initrd-start = <0x00 0x48000000>;");
    expect(dts, "linux,initrd-end = <0x00 0x48100000>;");
    /* 32 transports. */
    unsigned count = 0;
    for (const char *s = dts; (s = strstr(s, "virtio_mmio@")); s++)
        count++;
    ck_assert_uint_eq(count, 32);
    free(dts);
    free(blob);
}
END_TEST

START_TEST(minimal_tree)
{
    struct virt_dt_params p;
    virt_dt_default_params(&p, 1ull << 30);
    p.virtio_mask = 0x5;                /* transports 0 and 2 only */
    p.psci_method = "smc";
    void *blob;
    size_t size;
    ck_assert_msg(virt_dt_build(&p, &blob, &size, err, sizeof(err)) == 0, "%s", err);
    char *dts = dtc_decompile(blob, size);
    ck_assert(strstr(dts, "bootargs") == NULL);
    ck_assert(strstr(dts, "linux,initrd-start") == NULL);
    expect(dts, "method = \"smc\";");
    expect(dts, "virtio_mmio@a000000 {");
    expect(dts, "virtio_mmio@a000400 {");
    ck_assert(strstr(dts, "virtio_mmio@a000200") == NULL);
    expect(dts, "reg = <0x00 0x40000000 0x00 0x40000000>;");
    free(dts);
    free(blob);
}
END_TEST

START_TEST(bad_params)
{
    struct virt_dt_params p;
    void *blob = (void *)1;
    size_t size;
    virt_dt_default_params(&p, 1ull << 30);
    p.num_cpus = 2;
    ck_assert_int_eq(virt_dt_build(&p, &blob, &size, err, sizeof(err)), -1);
    ck_assert(strstr(err, "CPU") != NULL);
    virt_dt_default_params(&p, 0);
    ck_assert_int_eq(virt_dt_build(&p, &blob, &size, err, sizeof(err)), -1);
    virt_dt_default_params(&p, 1 << 20);
    p.initrd_start = 2;
    p.initrd_end = 1;
    ck_assert_int_eq(virt_dt_build(&p, &blob, &size, err, sizeof(err)), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("virt_dt");
    TCase *tc = tcase_create("dt");
    tcase_add_test(tc, full_tree);
    tcase_add_test(tc, minimal_tree);
    tcase_add_test(tc, bad_params);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
