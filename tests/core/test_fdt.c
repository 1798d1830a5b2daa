/* Device-tree builder: build a small tree, validate it, read it back with libfdt. */
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/fdt_builder.h"

static char err[256];

START_TEST(build_and_read_back)
{
    struct fdt_builder b;
    ck_assert_int_eq(fdtb_init(&b, 4096), 0);
    fdtb_begin_node(&b, "");
    fdtb_prop_u32(&b, "#address-cells", 2);
    fdtb_prop_u32(&b, "#size-cells", 2);
    fdtb_prop_str(&b, "model", "saesim-virt");
    fdtb_begin_node(&b, "memory@40000000");
    fdtb_prop_str(&b, "device_type", "memory");
    const uint32_t reg[4] = { 0, 0x40000000, 0x1, 0x0 };
    fdtb_prop_cells(&b, "reg", reg, 4);
    fdtb_end_node(&b);
    fdtb_begin_node(&b, "pl011@9000000");
    static const char *const compat[] = { "arm,pl011", "arm,primecell" };
    fdtb_prop_strlist(&b, "compatible", compat, 2);
    fdtb_prop_u64(&b, "clock-frequency64", 0x123456789abcdef0ULL);
    fdtb_prop_empty(&b, "dma-coherent");
    fdtb_end_node(&b);
    fdtb_begin_node(&b, "chosen");
    fdtb_prop_str(&b, "bootargs", "console=ttyAMA0");
    fdtb_end_node(&b);
    fdtb_end_node(&b);
    void *blob;
    size_t size;
    ck_assert_msg(fdtb_finish(&b, &blob, &size, err, sizeof(err)) == 0, "%s", err);
    ck_assert_ptr_null(b.blob);
    ck_assert_int_eq(fdt_check_header(blob), 0);
    ck_assert_uint_eq(fdt_totalsize(blob), size);
    ck_assert_uint_lt(size, 4096); /* packed, not the 1 MiB working buffer */
    ck_assert_int_eq(fdt_validate(blob, size, err, sizeof(err)), 0);

    int len;
    const fdt32_t *ac = fdt_getprop(blob, 0, "#address-cells", &len);
    ck_assert_ptr_nonnull(ac);
    ck_assert_int_eq(len, 4);
    ck_assert_uint_eq(fdt32_to_cpu(*ac), 2);
    ck_assert_str_eq(fdt_getprop(blob, 0, "model", &len), "saesim-virt");
    int mem = fdt_path_offset(blob, "/memory@40000000");
    ck_assert_int_ge(mem, 0);
    const fdt32_t *r = fdt_getprop(blob, mem, "reg", &len);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(fdt32_to_cpu(r[1]), 0x40000000);
    ck_assert_uint_eq(fdt32_to_cpu(r[2]), 1);
    ck_assert_mem_eq(r, "\0\0\0\0\x40\0\0\0\0\0\0\x01\0\0\0\0", 16); /* big-endian cells */
    int uart = fdt_path_offset(blob, "/pl011@9000000");
    ck_assert_int_ge(uart, 0);
    const char *c = fdt_getprop(blob, uart, "compatible", &len);
    ck_assert_int_eq(len, (int)sizeof("arm,pl011\0arm,primecell"));
    ck_assert_mem_eq(c, "arm,pl011\0arm,primecell", (size_t)len);
    ck_assert_int_eq(fdt_node_check_compatible(blob, uart, "arm,primecell"), 0);
    const void *f = fdt_getprop(blob, uart, "clock-frequency64", &len);
    ck_assert_int_eq(len, 8);
    ck_assert_uint_eq(fdt64_ld(f), 0x123456789abcdef0ULL); /* properties are only 4-byte aligned */
    ck_assert_ptr_nonnull(fdt_getprop(blob, uart, "dma-coherent", &len));
    ck_assert_int_eq(len, 0);
    ck_assert_str_eq(fdt_getprop(blob, fdt_path_offset(blob, "/chosen"), "bootargs", &len), "console=ttyAMA0");
    ck_assert_int_lt(fdt_path_offset(blob, "/nope"), 0);

    /* fdt_validate: truncation and corruption. */
    ck_assert_int_eq(fdt_validate(blob, size - 1, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "truncated"));
    ck_assert_int_eq(fdt_validate(blob, 16, err, sizeof(err)), -1);
    ((uint8_t *)blob)[0] ^= 0xff;
    ck_assert_int_eq(fdt_validate(blob, size, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "not a valid device tree"));
    free(blob);
}
END_TEST

START_TEST(unbalanced_tree_rejected)
{
    struct fdt_builder b;
    ck_assert_int_eq(fdtb_init(&b, 0), 0);
    fdtb_begin_node(&b, "");
    fdtb_end_node(&b);
    fdtb_end_node(&b); /* one end too many: libfdt's sequential writer does not notice */
    void *blob = (void *)1;
    size_t size = 5;
    ck_assert_int_eq(fdtb_finish(&b, &blob, &size, err, sizeof(err)), -1);
    ck_assert_ptr_null(blob);
    ck_assert_uint_eq(size, 0);
    ck_assert_ptr_nonnull(strstr(err, "device tree"));
    ck_assert_ptr_null(b.blob);

    /* Unclosed nodes are reported too (fdt_finish sees the missing END_NODE). */
    ck_assert_int_eq(fdtb_init(&b, 0), 0);
    fdtb_begin_node(&b, "");
    fdtb_begin_node(&b, "child");
    fdtb_end_node(&b);
    ck_assert_int_eq(fdtb_finish(&b, &blob, &size, err, sizeof(err)), -1);
}
END_TEST

START_TEST(nospace_reported)
{
    struct fdt_builder b;
    ck_assert_int_eq(fdtb_init(&b, 0), 0);
    fdtb_begin_node(&b, "");
    static uint8_t big[600 * 1024];
    fdtb_prop(&b, "a", big, sizeof(big));
    ck_assert_int_eq(b.error, 0);
    fdtb_prop(&b, "b", big, sizeof(big)); /* exceeds the 1 MiB buffer */
    ck_assert_int_eq(b.error, -FDT_ERR_NOSPACE);
    fdtb_prop_u32(&b, "c", 1); /* sticky: later calls are ignored, the first error is kept */
    fdtb_end_node(&b);
    ck_assert_int_eq(b.error, -FDT_ERR_NOSPACE);
    void *blob;
    size_t size;
    ck_assert_int_eq(fdtb_finish(&b, &blob, &size, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "larger than"));
}
END_TEST

/* fdt_validate() faces user files: random corruption must be rejected or accepted, never crash. */
START_TEST(validate_corrupted_blobs)
{
    struct fdt_builder b;
    ck_assert_int_eq(fdtb_init(&b, 0), 0);
    fdtb_begin_node(&b, "");
    fdtb_prop_u32(&b, "#address-cells", 2);
    fdtb_begin_node(&b, "chosen");
    fdtb_prop_str(&b, "bootargs", "console=ttyAMA0 earlycon");
    fdtb_end_node(&b);
    fdtb_end_node(&b);
    void *blob;
    size_t size;
    ck_assert_int_eq(fdtb_finish(&b, &blob, &size, err, sizeof(err)), 0);
    uint8_t *copy = malloc(size);
    uint32_t seed = 777;
    unsigned rejected = 0;
    for (int iter = 0; iter < 3000; iter++) {
        memcpy(copy, blob, size);
        for (int k = 0; k <= iter % 3; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % size;
            seed = seed * 1103515245u + 12345u;
            copy[at] = (uint8_t)(seed >> 16);
        }
        if (fdt_validate(copy, size, err, sizeof(err)) != 0)
            rejected++;
    }
    ck_assert_uint_gt(rejected, 300);
    free(copy);
    free(blob);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fdt");
    TCase *tc = tcase_create("fdt");
    tcase_add_test(tc, build_and_read_back);
    tcase_add_test(tc, unbalanced_tree_rejected);
    tcase_add_test(tc, nospace_reported);
    tcase_add_test(tc, validate_corrupted_blobs);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
