/* ELF executable loader (System V gABI; ELF for the Arm 64-bit Architecture; s390x ELF ABI
 * supplement). The header fields that decide whether the file is usable at all (magic, class, byte
 * order) are checked on the raw bytes before libelf sees them, so every rejection has a precise
 * message; libelf then supplies program headers and symbols in host order. */
#include "core/loader.h"

#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"

bool is_elf(const uint8_t *buf, size_t len)
{
    return len >= SELFMAG && memcmp(buf, ELFMAG, SELFMAG) == 0;
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_S390: return "s390";
    case EM_AARCH64: return "AArch64";
    case EM_ARM: return "ARM";
    case EM_X86_64: return "x86-64";
    case EM_386: return "i386";
    case EM_PPC64: return "PowerPC64";
    case EM_PPC: return "PowerPC";
    case EM_RISCV: return "RISC-V";
    case EM_MIPS: return "MIPS";
    case EM_SPARCV9: return "SPARC V9";
    default: return "unknown";
    }
}

static const char *type_name(unsigned t)
{
    switch (t) {
    case ET_NONE: return "ET_NONE";
    case ET_REL: return "ET_REL (relocatable object)";
    case ET_EXEC: return "ET_EXEC";
    case ET_DYN: return "ET_DYN (shared object / PIE)";
    case ET_CORE: return "ET_CORE (core dump)";
    default: return "unknown";
    }
}

void elf_image_free(struct elf_image *img)
{
    free(img->segs);
    symtab_destroy(&img->symbols);
    free(img->file);
    memset(img, 0, sizeof(*img));
}

/* Collect named FUNC/OBJECT/NOTYPE symbols defined in a section. Arm mapping symbols ($x, $d, ...)
 * and section/file symbols carry no name a user would look for and are skipped. */
static int read_symbols(Elf *e, struct elf_image *img, const char *name, char *err, size_t errlen)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) {
            snprintf(err, errlen, "%s: bad section header: %s", name, elf_errmsg(-1));
            return -1;
        }
        if (sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        if (!d) {
            snprintf(err, errlen, "%s: cannot read the symbol table: %s", name, elf_errmsg(-1));
            return -1;
        }
        size_t n = sh.sh_size / sh.sh_entsize;
        for (size_t i = 1; i < n; i++) {
            GElf_Sym s;
            if (!gelf_getsym(d, (int)i, &s))
                break;
            unsigned type = GELF_ST_TYPE(s.st_info);
            if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE)
                continue;
            if (s.st_shndx == SHN_UNDEF)
                continue;
            const char *sn = elf_strptr(e, sh.sh_link, s.st_name);
            if (!sn || !*sn || sn[0] == '$')
                continue;
            if (symtab_add(&img->symbols, sn, s.st_value, s.st_size) != 0) {
                snprintf(err, errlen, "%s: out of memory reading symbols", name);
                return -1;
            }
        }
    }
    symtab_finish(&img->symbols);
    return 0;
}

static int load_owned(uint8_t *file, size_t len, const char *name, uint16_t expect_machine,
                      struct elf_image *img, char *err, size_t errlen)
{
    Elf *e = NULL;
    memset(img, 0, sizeof(*img));
    symtab_init(&img->symbols);
    img->file = file;
    img->file_len = len;

    if (!is_elf(file, len)) {
        snprintf(err, errlen, "%s: not an ELF file", name);
        goto fail;
    }
    if (len < sizeof(Elf64_Ehdr)) {
        snprintf(err, errlen, "%s: truncated ELF header (%zu bytes)", name, len);
        goto fail;
    }
    if (file[EI_CLASS] != ELFCLASS64) {
        snprintf(err, errlen, "%s: not a 64-bit ELF (class %u)", name, file[EI_CLASS]);
        goto fail;
    }
    unsigned data = file[EI_DATA];
    if (data != ELFDATA2LSB && data != ELFDATA2MSB) {
        snprintf(err, errlen, "%s: invalid ELF data encoding %u", name, data);
        goto fail;
    }
    bool be = data == ELFDATA2MSB;
    const Elf64_Ehdr *raw = (const Elf64_Ehdr *)(const void *)file;
    unsigned type = be ? ld_be16(&raw->e_type) : ld_le16(&raw->e_type);
    unsigned machine = be ? ld_be16(&raw->e_machine) : ld_le16(&raw->e_machine);
    if (machine != expect_machine) {
        snprintf(err, errlen, "%s: ELF is for machine %s (%u), expected %s", name, machine_name(machine),
                 machine, machine_name(expect_machine));
        goto fail;
    }
    /* s390x is big-endian only (PoP ch. 3); saesim's Arm guests are little-endian. */
    bool want_be = machine == EM_S390;
    if (be != want_be) {
        snprintf(err, errlen, "%s: %s-endian ELF, but %s is %s-endian", name, be ? "big" : "little",
                 machine_name(machine), want_be ? "big" : "little");
        goto fail;
    }
    if (type != ET_EXEC) {
        snprintf(err, errlen, "%s: ELF type is %s, expected ET_EXEC (a statically linked executable)",
                 name, type_name(type));
        goto fail;
    }

    e = elf_memory((char *)file, len);
    if (!e) {
        snprintf(err, errlen, "%s: %s", name, elf_errmsg(-1));
        goto fail;
    }
    GElf_Ehdr eh;
    if (!gelf_getehdr(e, &eh)) {
        snprintf(err, errlen, "%s: bad ELF header: %s", name, elf_errmsg(-1));
        goto fail_elf;
    }
    img->machine = machine;
    img->big_endian = be;
    img->entry = eh.e_entry;

    size_t phnum;
    if (elf_getphdrnum(e, &phnum) != 0) {
        snprintf(err, errlen, "%s: cannot read program headers: %s", name, elf_errmsg(-1));
        goto fail_elf;
    }
    if (phnum == 0) {
        snprintf(err, errlen, "%s: ELF has no program headers", name);
        goto fail_elf;
    }
    if (eh.e_phoff > len || (uint64_t)phnum * eh.e_phentsize > len - eh.e_phoff) {
        snprintf(err, errlen, "%s: program headers extend beyond the end of the file (truncated?)", name);
        goto fail_elf;
    }
    img->segs = calloc(phnum, sizeof(*img->segs));
    if (!img->segs) {
        snprintf(err, errlen, "%s: out of memory", name);
        goto fail_elf;
    }
    img->lowest = UINT64_MAX;
    img->highest = 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            snprintf(err, errlen, "%s: bad program header %zu: %s", name, i, elf_errmsg(-1));
            goto fail_elf;
        }
        if (ph.p_type != PT_LOAD)
            continue;
        if (ph.p_offset > len || ph.p_filesz > len - ph.p_offset) {
            snprintf(err, errlen, "%s: segment %zu (offset 0x%llx, size 0x%llx) extends beyond the end "
                     "of the file (%zu bytes; truncated?)", name, i, (unsigned long long)ph.p_offset,
                     (unsigned long long)ph.p_filesz, len);
            goto fail_elf;
        }
        if (ph.p_filesz > ph.p_memsz) {
            snprintf(err, errlen, "%s: segment %zu has filesz 0x%llx larger than memsz 0x%llx", name, i,
                     (unsigned long long)ph.p_filesz, (unsigned long long)ph.p_memsz);
            goto fail_elf;
        }
        if (ph.p_memsz == 0)
            continue;
        if (ph.p_paddr + ph.p_memsz < ph.p_paddr || ph.p_vaddr + ph.p_memsz < ph.p_vaddr) {
            snprintf(err, errlen, "%s: segment %zu (paddr 0x%llx, memsz 0x%llx) wraps around the address "
                     "space", name, i, (unsigned long long)ph.p_paddr, (unsigned long long)ph.p_memsz);
            goto fail_elf;
        }
        struct elf_segment *s = &img->segs[img->nsegs++];
        s->paddr = ph.p_paddr;
        s->vaddr = ph.p_vaddr;
        s->filesz = ph.p_filesz;
        s->memsz = ph.p_memsz;
        s->data = file + ph.p_offset;
        if (s->paddr < img->lowest)
            img->lowest = s->paddr;
        if (s->paddr + s->memsz > img->highest)
            img->highest = s->paddr + s->memsz;
    }
    if (img->nsegs == 0) {
        snprintf(err, errlen, "%s: ELF has no loadable segments", name);
        goto fail_elf;
    }
    if (read_symbols(e, img, name, err, errlen) != 0)
        goto fail_elf;
    elf_end(e);
    return 0;

fail_elf:
fail:
    if (e)
        elf_end(e);
    elf_image_free(img);
    return -1;
}

static bool libelf_ready(char *err, size_t errlen)
{
    static int ok = -1;
    if (ok < 0)
        ok = elf_version(EV_CURRENT) != EV_NONE;
    if (!ok)
        snprintf(err, errlen, "libelf is too old: %s", elf_errmsg(-1));
    return ok;
}

int elf_load_buffer(const uint8_t *buf, size_t len, const char *name, uint16_t expect_machine,
                    struct elf_image *img, char *err, size_t errlen)
{
    memset(img, 0, sizeof(*img));
    if (!libelf_ready(err, errlen))
        return -1;
    if (len == 0) {
        snprintf(err, errlen, "%s: empty file", name);
        return -1;
    }
    uint8_t *copy = malloc(len);
    if (!copy) {
        snprintf(err, errlen, "%s: out of memory", name);
        return -1;
    }
    memcpy(copy, buf, len);
    return load_owned(copy, len, name, expect_machine, img, err, errlen);
}

int elf_load_file(const char *path, uint16_t expect_machine, struct elf_image *img, char *err, size_t errlen)
{
    memset(img, 0, sizeof(*img));
    if (!libelf_ready(err, errlen))
        return -1;
    uint8_t *buf;
    size_t len;
    if (file_read_all(path, &buf, &len, err, errlen) != 0)
        return -1;
    return load_owned(buf, len, path, expect_machine, img, err, errlen);
}

int elf_place(const struct elf_image *img, int64_t bias, load_write_fn write, void *opaque,
              char *err, size_t errlen)
{
    static const uint8_t zeros[65536];
    for (size_t i = 0; i < img->nsegs; i++) {
        const struct elf_segment *s = &img->segs[i];
        uint64_t addr = s->paddr + (uint64_t)bias;
        if ((bias >= 0 && addr < s->paddr) || (bias < 0 && addr > s->paddr) ||
            addr + s->memsz < addr) {
            snprintf(err, errlen, "segment %zu (paddr 0x%llx, memsz 0x%llx) wraps around the address "
                     "space after relocation by %lld", i, (unsigned long long)s->paddr,
                     (unsigned long long)s->memsz, (long long)bias);
            return -1;
        }
        bool ok = s->filesz == 0 || write(opaque, addr, s->data, (size_t)s->filesz) == 0;
        for (uint64_t off = s->filesz; ok && off < s->memsz;) {
            uint64_t n = s->memsz - off;
            if (n > sizeof(zeros))
                n = sizeof(zeros);
            ok = write(opaque, addr + off, zeros, (size_t)n) == 0;
            off += n;
        }
        if (!ok) {
            snprintf(err, errlen, "segment %zu [0x%llx, 0x%llx) does not fit in guest memory", i,
                     (unsigned long long)addr, (unsigned long long)(addr + s->memsz));
            return -1;
        }
    }
    return 0;
}
