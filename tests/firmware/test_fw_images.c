/* The built firmware images, read with saesim's own loaders (core/loader.h) the way -M sae will:
 * the s390 host firmware ELF must load at SAESIM_FW_LOAD_ADDR, below SAESIM_FW_AREA_END and clear of
 * the boot parameter block; the default guest must be an AArch64 ELF at 0x4008_0000 whose raw form
 * is a valid arm64 Image (text_offset 0x80000) with the same bytes.
 * usage: test_fw_images FIRMWARE.elf GUEST.elf GUEST.Image */
#include <check.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/loader.h"
#include "saesim-hostif.h"

static const char *fw_path, *guest_path, *image_path;
static char err[LOADER_ERR_MAX];

START_TEST(host_firmware_elf)
{
    struct elf_image img;
    ck_assert_msg(elf_load_file(fw_path, EM_S390, &img, err, sizeof(err)) == 0, "%s", err);
    ck_assert(img.big_endian);
    ck_assert_uint_eq(img.entry, SAESIM_FW_LOAD_ADDR);
    ck_assert_uint_ge(img.lowest, SAESIM_FW_LOAD_ADDR);
    ck_assert_uint_gt(img.lowest, SAESIM_BPB_ADDR + SAESIM_BPB_MAX_SIZE - 1);
    /* Image plus .bss must leave most of the firmware area for the heap (stage-2 tables). */
    ck_assert_uint_lt(img.highest, SAESIM_FW_AREA_END / 4);
    for (size_t i = 0; i < img.nsegs; i++)
        ck_assert_uint_ge(img.segs[i].paddr, SAESIM_FW_LOAD_ADDR);
    /* The SAE wrapper and the entry point are where the run loop and the loader expect them. */
    uint64_t a;
    ck_assert(symtab_lookup(&img.symbols, "sae_enter", &a));
    ck_assert(symtab_lookup(&img.symbols, "fw_main", &a));
    elf_image_free(&img);
}
END_TEST

START_TEST(default_guest_elf_and_image)
{
    struct elf_image img;
    ck_assert_msg(elf_load_file(guest_path, EM_AARCH64, &img, err, sizeof(err)) == 0, "%s", err);
    ck_assert(!img.big_endian);
    ck_assert_uint_eq(img.entry, SAESIM_GUEST_RAM_IPA + 0x80000);
    ck_assert_uint_eq(img.lowest, SAESIM_GUEST_RAM_IPA + 0x80000);
    uint8_t *raw;
    size_t len;
    ck_assert_msg(file_read_all(image_path, &raw, &len, err, sizeof(err)) == 0, "%s", err);
    ck_assert(arm64_image_probe(raw, len));
    struct arm64_image_header h;
    ck_assert_msg(arm64_image_parse(raw, len, &h, err, sizeof(err)) == 0, "%s", err);
    ck_assert_uint_eq(h.text_offset, 0x80000);
    ck_assert(!h.big_endian);
    /* image_size covers .bss (the stack), so it extends to the ELF's highest address. */
    ck_assert_uint_eq(h.image_size, img.highest - img.lowest);
    ck_assert_uint_le(len, h.image_size);
    /* The Image is the ELF's first PT_LOAD bytes. */
    ck_assert_uint_ge(img.segs[0].filesz, len);
    ck_assert_int_eq(memcmp(img.segs[0].data, raw, len), 0);
    free(raw);
    elf_image_free(&img);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s FIRMWARE.elf GUEST.elf GUEST.Image\n", argv[0]);
        return 2;
    }
    fw_path = argv[1];
    guest_path = argv[2];
    image_path = argv[3];
    Suite *s = suite_create("firmware-images");
    TCase *t = tcase_create("images");
    tcase_add_test(t, host_firmware_elf);
    tcase_add_test(t, default_guest_elf_and_image);
    suite_add_tcase(s, t);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
