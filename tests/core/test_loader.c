/* Loaders: real cross-compiled AArch64 and s390x ELFs (paths in argv), corrupted variants built in
 * memory or in a temporary directory, file_read_all errors and the arm64 Image header. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "core/endian.h"
#include "core/loader.h"

static const char *arm_elf_path, *s390_elf_path;
static char err[LOADER_ERR_MAX];
static char tmpdir[64];

static uint8_t *read_file(const char *path, size_t *len)
{
    uint8_t *buf;
    ck_assert_msg(file_read_all(path, &buf, len, err, sizeof(err)) == 0, "%s", err);
    return buf;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

struct guest_mem {
    uint8_t bytes[1 << 20];
    uint64_t base;
};

static int mem_writer(void *opaque, uint64_t addr, const void *data, size_t len)
{
    struct guest_mem *m = opaque;
    if (addr < m->base || addr - m->base > sizeof(m->bytes) || len > sizeof(m->bytes) - (addr - m->base))
        return -1;
    memcpy(m->bytes + (addr - m->base), data, len);
    return 0;
}

static void check_real_elf(const char *path, uint16_t machine, bool be, uint64_t base)
{
    size_t len;
    uint8_t *orig = read_file(path, &len);
    struct elf_image img;
    ck_assert_msg(elf_load_file(path, machine, &img, err, sizeof(err)) == 0, "%s", err);
    ck_assert_uint_eq(img.machine, machine);
    ck_assert(img.big_endian == be);
    ck_assert_uint_eq(img.file_len, len);
    ck_assert_mem_eq(img.file, orig, len); /* libelf must not have converted our copy in place */
    ck_assert_uint_ge(img.nsegs, 1);
    ck_assert_uint_eq(img.lowest, base);
    ck_assert_uint_gt(img.highest, img.lowest);

    uint64_t start, marker, bss;
    ck_assert(symtab_lookup(&img.symbols, "_start", &start));
    ck_assert(symtab_lookup(&img.symbols, "test_marker", &marker));
    ck_assert(symtab_lookup(&img.symbols, "test_bss", &bss));
    ck_assert_uint_eq(img.entry, start);
    uint64_t off;
    const struct symbol *s = symtab_find(&img.symbols, start + 2, &off);
    ck_assert_str_eq(s->name, "_start");
    ck_assert_uint_eq(off, 2);
    for (size_t i = 1; i < img.symbols.count; i++)
        ck_assert_uint_le(img.symbols.syms[i - 1].addr, img.symbols.syms[i].addr);
    bool has_bss = false;
    for (size_t i = 0; i < img.nsegs; i++)
        has_bss |= img.segs[i].memsz > img.segs[i].filesz;
    ck_assert(has_bss);

    /* Place with a bias into poisoned memory: data lands, .bss is zero-filled. */
    static struct guest_mem m;
    memset(m.bytes, 0xff, sizeof(m.bytes));
    m.base = base + 0x1000;
    ck_assert_msg(elf_place(&img, 0x1000, mem_writer, &m, err, sizeof(err)) == 0, "%s", err);
    const uint8_t *mk = m.bytes + (marker + 0x1000 - m.base);
    ck_assert_uint_eq(be ? ld_be32(mk) : ld_le32(mk), 0x5a5e0001u);
    const uint8_t *z = m.bytes + (bss + 0x1000 - m.base);
    for (size_t i = 0; i < 8192; i++)
        ck_assert_uint_eq(z[i], 0);
    /* The first instruction is where the file says. */
    ck_assert_uint_ne(ld_le32(m.bytes + (start + 0x1000 - m.base)), 0xffffffffu);
    /* A bias that moves the image out of the writable window names the segment. */
    ck_assert_int_eq(elf_place(&img, 0x200000, mem_writer, &m, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "segment"));
    ck_assert_ptr_nonnull(strstr(err, "does not fit"));
    elf_image_free(&img);
    free(orig);
}

START_TEST(real_aarch64_elf)
{
    check_real_elf(arm_elf_path, EM_AARCH64, false, 0x40080000);
}
END_TEST

START_TEST(real_s390x_elf)
{
    check_real_elf(s390_elf_path, EM_S390, true, 0x10000);
}
END_TEST

START_TEST(wrong_machine)
{
    struct elf_image img;
    ck_assert_int_eq(elf_load_file(s390_elf_path, EM_AARCH64, &img, err, sizeof(err)), -1);
    char want[512];
    snprintf(want, sizeof(want), "%s: ELF is for machine s390 (22), expected AArch64", s390_elf_path);
    ck_assert_str_eq(err, want);
    ck_assert_int_eq(elf_load_file(arm_elf_path, EM_S390, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "ELF is for machine AArch64 (183), expected s390"));
}
END_TEST

START_TEST(truncated_elf)
{
    size_t len;
    uint8_t *buf = read_file(arm_elf_path, &len);
    char path[128];
    snprintf(path, sizeof(path), "%s/truncated.elf", tmpdir);
    struct elf_image img;
    /* Cut inside the segments' file data. */
    write_file(path, buf, len / 2);
    ck_assert_int_eq(elf_load_file(path, EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "truncated") || strstr(err, "beyond the end"), "%s", err);
    ck_assert_ptr_nonnull(strstr(err, path));
    /* Cut inside the ELF header. */
    write_file(path, buf, 40);
    ck_assert_int_eq(elf_load_file(path, EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "truncated ELF header"));
    /* Cut inside the program headers. */
    write_file(path, buf, sizeof(Elf64_Ehdr) + 8);
    ck_assert_int_eq(elf_load_file(path, EM_AARCH64, &img, err, sizeof(err)), -1);
    unlink(path);
    free(buf);
}
END_TEST

START_TEST(non_elf_and_bad_headers)
{
    struct elf_image img;
    static const uint8_t text[] = "#!/bin/sh\necho this is not an ELF file at all, really not\n";
    ck_assert_int_eq(elf_load_buffer(text, sizeof(text), "script", EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "script: not an ELF file");
    ck_assert(!is_elf(text, sizeof(text)));

    size_t len;
    uint8_t *orig = read_file(arm_elf_path, &len);
    ck_assert(is_elf(orig, len));
    uint8_t *b = malloc(len);

    memcpy(b, orig, len);
    b[EI_CLASS] = ELFCLASS32;
    ck_assert_int_eq(elf_load_buffer(b, len, "k", EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "not a 64-bit ELF"));

    /* Big-endian AArch64 (machine field byte-swapped to match): rejected for its byte order. */
    memcpy(b, orig, len);
    b[EI_DATA] = ELFDATA2MSB;
    st_be16(b + offsetof(Elf64_Ehdr, e_machine), EM_AARCH64);
    st_be16(b + offsetof(Elf64_Ehdr, e_type), ET_EXEC);
    ck_assert_int_eq(elf_load_buffer(b, len, "k", EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "k: big-endian ELF, but AArch64 is little-endian");

    memcpy(b, orig, len);
    st_le16(b + offsetof(Elf64_Ehdr, e_type), ET_DYN);
    ck_assert_int_eq(elf_load_buffer(b, len, "k", EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "ET_DYN"));

    /* A PT_LOAD whose physical range wraps, and one whose file data lies beyond the end. */
    uint64_t phoff = ld_le64(b + offsetof(Elf64_Ehdr, e_phoff));
    unsigned phnum = ld_le16(b + offsetof(Elf64_Ehdr, e_phnum));
    size_t load = 0;
    bool found = false;
    for (unsigned i = 0; i < phnum && !found; i++) {
        size_t at = phoff + i * sizeof(Elf64_Phdr);
        if (ld_le32(b + at + offsetof(Elf64_Phdr, p_type)) == PT_LOAD) {
            load = at;
            found = true;
        }
    }
    ck_assert(found);
    memcpy(b, orig, len);
    st_le64(b + load + offsetof(Elf64_Phdr, p_paddr), UINT64_MAX - 0x10);
    ck_assert_int_eq(elf_load_buffer(b, len, "k", EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "wraps"));
    memcpy(b, orig, len);
    st_le64(b + load + offsetof(Elf64_Phdr, p_offset), len - 4);
    ck_assert_int_eq(elf_load_buffer(b, len, "k", EM_AARCH64, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "beyond the end of the file"));

    /* The unmodified buffer loads, and the caller's buffer may be freed afterwards (copied). */
    memcpy(b, orig, len);
    ck_assert_msg(elf_load_buffer(b, len, "k", EM_AARCH64, &img, err, sizeof(err)) == 0, "%s", err);
    memset(b, 0, len);
    ck_assert_uint_eq(img.segs[0].data[0], orig[ld_le64(orig + load + offsetof(Elf64_Phdr, p_offset))]);
    elf_image_free(&img);
    free(b);
    free(orig);
}
END_TEST

/* Corrupt headers at random (fixed seed): every variant must load or be rejected, never crash or
 * read outside the buffer (run under ASan to make that check bite). */
START_TEST(corrupted_headers_never_crash)
{
    const char *paths[2] = { arm_elf_path, s390_elf_path };
    const uint16_t machines[2] = { EM_AARCH64, EM_S390 };
    uint32_t seed = 12345;
    unsigned rejected = 0;
    for (int f = 0; f < 2; f++) {
        size_t len;
        uint8_t *orig = read_file(paths[f], &len);
        uint8_t *b = malloc(len);
        for (int iter = 0; iter < 1500; iter++) {
            memcpy(b, orig, len);
            int nflips = 1 + iter % 4;
            for (int k = 0; k < nflips; k++) {
                seed = seed * 1103515245u + 12345u;
                /* Mostly the ELF header and program headers; sometimes anywhere. */
                size_t span = (seed >> 28) < 12 ? 0x140 : len;
                seed = seed * 1103515245u + 12345u;
                size_t at = (seed >> 8) % span;
                seed = seed * 1103515245u + 12345u;
                b[at] = (uint8_t)(seed >> 16);
            }
            seed = seed * 1103515245u + 12345u;
            size_t cut = iter % 7 == 0 ? (seed >> 8) % len : len;
            struct elf_image img;
            if (elf_load_buffer(b, cut, "fuzz", machines[f], &img, err, sizeof(err)) == 0) {
                for (size_t i = 0; i < img.nsegs; i++)
                    ck_assert(img.segs[i].data + img.segs[i].filesz <= img.file + img.file_len);
                elf_image_free(&img);
            } else {
                ck_assert_uint_gt(strlen(err), 6);
                rejected++;
            }
        }
        free(b);
        free(orig);
    }
    ck_assert_uint_gt(rejected, 100);
}
END_TEST

START_TEST(file_read_errors)
{
    uint8_t *buf = (uint8_t *)1;
    size_t len = 7;
    char path[128];
    snprintf(path, sizeof(path), "%s/missing.bin", tmpdir);
    ck_assert_int_eq(file_read_all(path, &buf, &len, err, sizeof(err)), -1);
    char want[256];
    snprintf(want, sizeof(want), "%s: No such file or directory", path);
    ck_assert_str_eq(err, want);
    ck_assert_ptr_null(buf);
    ck_assert_int_eq(file_read_all(tmpdir, &buf, &len, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "Is a directory"));
    snprintf(path, sizeof(path), "%s/empty.bin", tmpdir);
    write_file(path, "", 0);
    ck_assert_int_eq(file_read_all(path, &buf, &len, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "empty"));
    struct elf_image img;
    ck_assert_int_eq(elf_load_file(path, EM_S390, &img, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "empty"));
    unlink(path);
    /* A file without a size (procfs) is read to EOF. */
    ck_assert_msg(file_read_all("/proc/self/status", &buf, &len, err, sizeof(err)) == 0, "%s", err);
    ck_assert_uint_gt(len, 10);
    ck_assert_mem_eq(buf, "Name:", 5);
    free(buf);
    snprintf(path, sizeof(path), "%s/data.bin", tmpdir);
    write_file(path, "hello", 5);
    ck_assert_int_eq(file_read_all(path, &buf, &len, err, sizeof(err)), 0);
    ck_assert_uint_eq(len, 5);
    ck_assert_mem_eq(buf, "hello", 5);
    free(buf);
    unlink(path);
}
END_TEST

static void make_image_header(uint8_t *h, uint64_t text_offset, uint64_t image_size, uint64_t flags)
{
    memset(h, 0, 64);
    st_le32(h, 0x14000010);  /* code0: b +0x40, as the kernel's own header */
    st_le64(h + 8, text_offset);
    st_le64(h + 16, image_size);
    st_le64(h + 24, flags);
    st_le32(h + 56, ARM64_IMAGE_MAGIC);
}

START_TEST(arm64_image_header)
{
    uint8_t img[4096];
    memset(img, 0, sizeof(img));
    struct arm64_image_header h;
    /* LE, 4K pages, physically anywhere. */
    make_image_header(img, 0x80000, 0x200000, (1u << 1) | (1u << 3));
    ck_assert(memcmp(img + 56, "ARM\x64", 4) == 0);
    ck_assert(arm64_image_probe(img, sizeof(img)));
    ck_assert_msg(arm64_image_parse(img, sizeof(img), &h, err, sizeof(err)) == 0, "%s", err);
    ck_assert_uint_eq(h.text_offset, 0x80000);
    ck_assert_uint_eq(h.image_size, 0x200000);
    ck_assert_uint_eq(h.flags, 0xa);
    ck_assert(!h.big_endian);
    ck_assert_uint_eq(h.page_size, 4096);
    ck_assert(h.phys_anywhere);
    static const unsigned pages[4] = { 0, 4096, 16384, 65536 };
    for (unsigned p = 0; p < 4; p++) {
        make_image_header(img, 0, 0x10000, p << 1);
        ck_assert_int_eq(arm64_image_parse(img, sizeof(img), &h, err, sizeof(err)), 0);
        ck_assert_uint_eq(h.page_size, pages[p]);
        ck_assert(!h.phys_anywhere);
    }
    /* Old kernels: image_size 0 means "the file". */
    make_image_header(img, 0x80000, 0, 0);
    ck_assert_int_eq(arm64_image_parse(img, sizeof(img), &h, err, sizeof(err)), 0);
    ck_assert_uint_eq(h.image_size, sizeof(img));
    /* Big-endian image. */
    make_image_header(img, 0x80000, 0x10000, 1);
    ck_assert_int_eq(arm64_image_parse(img, sizeof(img), &h, err, sizeof(err)), -1);
    ck_assert(h.big_endian);
    ck_assert_ptr_nonnull(strstr(err, "big-endian"));
    /* Truncated header. */
    make_image_header(img, 0x80000, 0x10000, 0);
    ck_assert(!arm64_image_probe(img, 63));
    ck_assert_int_eq(arm64_image_parse(img, 63, &h, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "truncated"));
    /* No magic. */
    img[56] = 'X';
    ck_assert(!arm64_image_probe(img, sizeof(img)));
    ck_assert_int_eq(arm64_image_parse(img, sizeof(img), &h, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "magic"));
    /* An ELF is not an Image. */
    size_t len;
    uint8_t *elf = read_file(arm_elf_path, &len);
    ck_assert(!arm64_image_probe(elf, len));
    free(elf);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s AARCH64_ELF S390X_ELF\n", argv[0]);
        return EXIT_FAILURE;
    }
    arm_elf_path = argv[1];
    s390_elf_path = argv[2];
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/saesim-loader-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("loader");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, real_aarch64_elf);
    tcase_add_test(tc, real_s390x_elf);
    tcase_add_test(tc, wrong_machine);
    tcase_add_test(tc, truncated_elf);
    tcase_add_test(tc, non_elf_and_bad_headers);
    tcase_add_test(tc, corrupted_headers_never_crash);
    tcase_add_test(tc, file_read_errors);
    tcase_add_test(tc, arm64_image_header);
    suite_add_tcase(s, tc);
    int rc = run_suite(s);
    rmdir(tmpdir);
    return rc;
}
