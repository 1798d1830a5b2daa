/* Loading and validating what the user hands a machine: the Arm guest kernel (ELF, arm64 Image or
 * flat binary), the initrd, a DTB, and s390 programs. Every failure prints one line
 * "saesim: <file>: <problem>" and returns EXIT_INPUT, before any machine state exists. */
#ifndef TOOLS_MACHINES_BOOT_INPUTS_H
#define TOOLS_MACHINES_BOOT_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/loader.h"

enum arm_kernel_kind { ARM_KERNEL_ELF, ARM_KERNEL_IMAGE, ARM_KERNEL_RAW };

struct arm_kernel {
    enum arm_kernel_kind kind;
    struct elf_image elf;              /* ARM_KERNEL_ELF */
    struct arm64_image_header image;   /* ARM_KERNEL_IMAGE */
    uint8_t *data;                     /* IMAGE / RAW: file contents */
    size_t len;
};

/* An AArch64 kernel: ELF (must be EM_AARCH64), else an arm64 Image (by its magic), else raw. */
int arm_kernel_load(const char *path, struct arm_kernel *k);
void arm_kernel_free(struct arm_kernel *k);

/* An s390x program: ELF (must be EM_S390). */
int s390_program_load(const char *path, struct elf_image *img);

/* A whole file that must not be empty (initrd). */
int blob_load(const char *what, const char *path, uint8_t **buf, size_t *len);
/* A DTB: must pass the FDT header checks. */
int dtb_load(const char *path, uint8_t **buf, size_t *len);

/* Check a requested guest RAM size against what the host can reserve; prints and returns EXIT_USAGE. */
int check_mem_size(uint64_t bytes);

#endif
