#include "tools/machines/boot_inputs.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/fdt_builder.h"
#include "core/log.h"
#include "core/mem.h"

int arm_kernel_load(const char *path, struct arm_kernel *k)
{
    char err[LOADER_ERR_MAX];
    memset(k, 0, sizeof(*k));
    if (file_read_all(path, &k->data, &k->len, err, sizeof(err)) != 0) {
        error_report("-kernel %s", err);
        return EXIT_INPUT;
    }
    if (is_elf(k->data, k->len)) {
        k->kind = ARM_KERNEL_ELF;
        int rc = elf_load_buffer(k->data, k->len, path, EM_AARCH64, &k->elf, err, sizeof(err));
        free(k->data);
        k->data = NULL;
        k->len = 0;
        if (rc != 0) {
            error_report("-kernel %s", err);
            return EXIT_INPUT;
        }
        return 0;
    }
    if (arm64_image_probe(k->data, k->len)) {
        k->kind = ARM_KERNEL_IMAGE;
        if (arm64_image_parse(k->data, k->len, &k->image, err, sizeof(err)) != 0) {
            error_report("-kernel %s: %s", path, err);
            arm_kernel_free(k);
            return EXIT_INPUT;
        }
        return 0;
    }
    k->kind = ARM_KERNEL_RAW;
    return 0;
}

void arm_kernel_free(struct arm_kernel *k)
{
    if (k->kind == ARM_KERNEL_ELF)
        elf_image_free(&k->elf);
    free(k->data);
    memset(k, 0, sizeof(*k));
}

int s390_program_load(const char *path, struct elf_image *img)
{
    char err[LOADER_ERR_MAX];
    if (elf_load_file(path, EM_S390, img, err, sizeof(err)) != 0) {
        error_report("-kernel %s", err);
        return EXIT_INPUT;
    }
    return 0;
}

int blob_load(const char *what, const char *path, uint8_t **buf, size_t *len)
{
    char err[LOADER_ERR_MAX];
    if (file_read_all(path, buf, len, err, sizeof(err)) != 0) {
        error_report("%s %s", what, err);
        return EXIT_INPUT;
    }
    return 0;
}

int dtb_load(const char *path, uint8_t **buf, size_t *len)
{
    char err[LOADER_ERR_MAX];
    int rc = blob_load("-dtb", path, buf, len);
    if (rc)
        return rc;
    if (fdt_validate(*buf, *len, err, sizeof(err)) != 0) {
        error_report("-dtb %s: not a valid device tree blob: %s", path, err);
        free(*buf);
        *buf = NULL;
        return EXIT_INPUT;
    }
    return 0;
}

int check_mem_size(uint64_t bytes)
{
    struct ram probe;
    char err[256];
    if (ram_init(&probe, bytes, err, sizeof(err)) != 0) {
        error_report("-m: cannot reserve %llu bytes of guest memory: %s", (unsigned long long)bytes, err);
        return EXIT_USAGE;
    }
    ram_destroy(&probe);
    return 0;
}
