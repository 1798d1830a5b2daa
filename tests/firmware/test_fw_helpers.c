/* Host-compiled unit tests of the firmware's pure helpers: the stage-2 DAT table builder (checked
 * against the mmu room's z/Architecture DAT walker), ESR decoding for MMIO emulation, trapped
 * system-register emulation, PSCI/SMCCC, list-register encoding, TOD conversions, the guest's FDT
 * reader, the shared printf, and the layout of the saesim <-> firmware contract header. */
#include <check.h>
#include <libfdt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dat.h"
#include "esr.h"
#include "fdt_read.h"
#include "fwlib.h"
#include "mmu/s390_dat.h"
#include "psci.h"
#include "saesim-hostif.h"
#include "sysreg_emul.h"
#include "timer.h"
#include "vgic.h"

/* ---- DAT: tables in a host buffer; "real address" = offset + BASE ---- */
#define ARENA_BASE 0x100000ull
#define ARENA_SIZE (4u << 20)
struct arena {
    uint8_t *mem;
    uint64_t next;
    uint64_t limit;
};

static uint64_t arena_alloc(void *opaque, uint64_t size, uint64_t align)
{
    struct arena *a = opaque;
    uint64_t p = (a->next + align - 1) & ~(align - 1);
    if (p + size > a->limit)
        return 0;
    a->next = p + size;
    memset(a->mem + (p - ARENA_BASE), 0, size);
    return p;
}

static void *arena_ptr(void *opaque, uint64_t real)
{
    struct arena *a = opaque;
    ck_assert_uint_ge(real, ARENA_BASE);
    ck_assert_uint_lt(real, ARENA_BASE + ARENA_SIZE);
    return a->mem + (real - ARENA_BASE);
}

static struct arena arena;
static struct s2_map map;

static void dat_setup(bool edat1, uint64_t limit)
{
    arena.mem = calloc(1, ARENA_SIZE);
    ck_assert_ptr_nonnull(arena.mem);
    arena.next = ARENA_BASE;
    arena.limit = ARENA_BASE + limit;
    struct s2_ops ops = { &arena, arena_alloc, arena_ptr };
    ck_assert_int_eq(s2_init(&map, &ops, edat1), 0);
}

static void dat_teardown(void)
{
    free(arena.mem);
}

static uint64_t be64_at(uint64_t real)
{
    const uint8_t *p = arena_ptr(&arena, real);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

static int read_entry(void *opaque, uint64_t abs, uint64_t *entry)
{
    (void)opaque;
    if (abs < ARENA_BASE || abs + 8 > ARENA_BASE + ARENA_SIZE)
        return -1;
    *entry = be64_at(abs);
    return 0;
}

/* Translate with the mmu room's DAT (the walker SAE's stage 2 uses). Returns 0 or the PIC. */
static unsigned mmu_translate(uint64_t hba, bool edat1, uint64_t *real)
{
    struct s390_dat_opts o = { .edat1 = edat1, .edat2 = false, .prefix = 0, .as_id = 0 };
    struct s390_dat_result r;
    struct s390_dat_fault f;
    memset(&r, 0, sizeof(r));
    memset(&f, 0, sizeof(f));
    if (s390_dat_translate(map.asce, hba, false, &o, read_entry, 0, &r, &f))
        return f.pic;
    *real = r.real;
    return 0;
}

START_TEST(dat_init_all_invalid)
{
    dat_setup(true, ARENA_SIZE);
    ck_assert_uint_eq(map.asce & 0xfff, ASCE_TYPE_REGION3 | ASCE_TL_FULL);
    ck_assert_uint_eq(map.asce & ~0xfffull, map.r3t);
    ck_assert_uint_eq(map.r3t & 0xfff, 0);
    for (unsigned i = 0; i < S2_TABLE_ENTRIES; i++)
        ck_assert_uint_eq(be64_at(map.r3t + 8 * i), RTE_TYPE_R3 | RTE_INVALID);
    uint64_t real;
    ck_assert_int_eq(s2_lookup(&map, 0x40000000, &real), -1);
    dat_teardown();
}
END_TEST

START_TEST(dat_edat1_segment)
{
    dat_setup(true, ARENA_SIZE);
    ck_assert_int_eq(s2_map_segment(&map, 0x40023456, 0x1f00000 + 0x54321), 0);
    uint64_t real;
    ck_assert_int_eq(s2_lookup(&map, 0x40000000, &real), 0);
    ck_assert_uint_eq(real, 0x1f00000);
    ck_assert_int_eq(s2_lookup(&map, 0x400fffff, &real), 0);
    ck_assert_uint_eq(real, 0x1ffffff);
    ck_assert_int_eq(s2_lookup(&map, 0x40100000, &real), -1);
    ck_assert_int_eq(s2_lookup(&map, 0x3ff00000, &real), -1);
    ck_assert_uint_eq(map.tables, 1); /* one segment table, no page table */
    dat_teardown();
}
END_TEST

START_TEST(dat_4k_segment_and_page)
{
    dat_setup(false, ARENA_SIZE);
    ck_assert_int_eq(s2_map_segment(&map, 0x40200000, 0x3000000), 0);
    uint64_t real;
    for (uint64_t off = 0; off < S2_SEGMENT; off += 0x1234)
        ck_assert(s2_lookup(&map, 0x40200000 + off, &real) == 0 && real == 0x3000000 + off);
    ck_assert_int_eq(s2_map_page(&map, 0x80001000, 0x5000abc), 0);
    ck_assert_int_eq(s2_lookup(&map, 0x80001010, &real), 0);
    ck_assert_uint_eq(real, 0x5000010);
    ck_assert_int_eq(s2_lookup(&map, 0x80002000, &real), -1); /* neighbour page stays invalid */
    ck_assert_uint_eq(map.tables, 4); /* 2 segment tables (two 2 GiB regions) + 2 page tables */
    dat_teardown();
}
END_TEST

START_TEST(dat_errors)
{
    dat_setup(false, S2_TABLE_BYTES + S2_TABLE_BYTES + 100); /* r3t + one segment table, no page table */
    ck_assert_int_eq(s2_map_segment(&map, S2_LIMIT, 0), -2);
    ck_assert_int_eq(s2_map_segment(&map, 0x40000000, 0x2000000), -1);
    dat_teardown();
}
END_TEST

static void dat_cross_check(bool edat1)
{
    dat_setup(edat1, ARENA_SIZE);
    uint64_t real = 0;
    ck_assert_uint_eq(mmu_translate(0x40000000, edat1, &real), PIC_REGION_THIRD);
    ck_assert_int_eq(s2_map_segment(&map, 0x40000000, 0x2000000), 0);
    ck_assert_uint_eq(mmu_translate(0x40000abc, edat1, &real), 0);
    ck_assert_uint_eq(real, 0x2000abc);
    ck_assert_uint_eq(mmu_translate(0x400ff008, edat1, &real), 0);
    ck_assert_uint_eq(real, 0x20ff008);
    ck_assert_uint_eq(mmu_translate(0x40100000, edat1, &real), PIC_SEGMENT_TRANSLATION);
    if (!edat1) {
        ck_assert_int_eq(s2_map_page(&map, 0x40100000, 0x7000000), 0);
        ck_assert_uint_eq(mmu_translate(0x40100ff0, edat1, &real), 0);
        ck_assert_uint_eq(real, 0x7000ff0);
        ck_assert_uint_eq(mmu_translate(0x40101000, edat1, &real), PIC_PAGE_TRANSLATION);
    }
    dat_teardown();
}

START_TEST(dat_matches_mmu_walker_edat1) { dat_cross_check(true); }
END_TEST
START_TEST(dat_matches_mmu_walker_4k) { dat_cross_check(false); }
END_TEST

/* ---- ESR decoding ---- */
static uint64_t dabt(uint32_t iss) { return (uint64_t)EC_DABT_LOW << 26 | ESR_IL | iss; }

START_TEST(esr_mmio_load_store)
{
    struct mmio_access a;
    /* LDR W3, [Xn] on a device page: ISV, SAS = word, SRT = 3 */
    uint64_t esr = dabt(DABT_ISV | 2u << 22 | 3u << 16);
    ck_assert_int_eq(abort_classify(esr, 0x09000000ull | 0x800 /* FSI */, 0xffff000009000018ull, &a), ABORT_MMIO);
    ck_assert_uint_eq(a.ipa, 0x09000018);
    ck_assert_uint_eq(a.size, 4);
    ck_assert(!a.write);
    ck_assert_uint_eq(a.rt, 3);
    /* STRB W7: WnR, SAS = byte, SRT = 7 */
    esr = dabt(DABT_ISV | 0u << 22 | 7u << 16 | DABT_WNR);
    ck_assert_int_eq(abort_classify(esr, 0x0a000000ull, 0x123, &a), ABORT_MMIO);
    ck_assert_uint_eq(a.ipa, 0x0a000123);
    ck_assert_uint_eq(a.size, 1);
    ck_assert(a.write);
    ck_assert_uint_eq(mmio_store_value(&a, 0x11223344), 0x44);
    a.rt = 31;
    ck_assert_uint_eq(mmio_store_value(&a, 0x11223344), 0);
    a.rt = 1;
    a.size = 8;
    ck_assert_uint_eq(mmio_store_value(&a, 0x8877665544332211ull), 0x8877665544332211ull);
}
END_TEST

START_TEST(esr_abort_kinds)
{
    struct mmio_access a;
    ck_assert_int_eq(abort_classify(dabt(0x10), 0, 0, &a), ABORT_SEA_DATA);              /* ISV = 0 (LDP...) */
    ck_assert_int_eq(abort_classify(dabt(DABT_S1PTW | 0x7), 0, 0, &a), ABORT_SEA_DATA);
    ck_assert_int_eq(abort_classify(dabt(DABT_CM | DABT_WNR), 0, 0, &a), ABORT_SKIP);
    ck_assert_int_eq(abort_classify((uint64_t)EC_IABT_LOW << 26 | ESR_IL | 0x6, 0, 0, &a), ABORT_SEA_INSN);
}
END_TEST

START_TEST(esr_load_extension)
{
    struct mmio_access a = { 0, 1, false, true, true, 0 };      /* LDRSB Xt */
    ck_assert_uint_eq(mmio_load_result(&a, 0x80), 0xffffffffffffff80ull);
    ck_assert_uint_eq(mmio_load_result(&a, 0x17f), 0x7f);
    a.size = 2;
    a.sf = false;                                               /* LDRSH Wt */
    ck_assert_uint_eq(mmio_load_result(&a, 0x8000), 0xffff8000ull);
    a.sign_extend = false;                                      /* LDRH */
    ck_assert_uint_eq(mmio_load_result(&a, 0xabcd8000), 0x8000);
    a.size = 4;
    a.sf = true;                                                /* LDRSW */
    a.sign_extend = true;
    ck_assert_uint_eq(mmio_load_result(&a, 0x80000000), 0xffffffff80000000ull);
    a.size = 8;
    ck_assert_uint_eq(mmio_load_result(&a, 0x8000000000000001ull), 0x8000000000000001ull);
}
END_TEST

static uint64_t sys64_esr(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2, unsigned rt, int read)
{
    return (uint64_t)EC_SYS64 << 26 | ESR_IL | (uint64_t)op0 << 20 | (uint64_t)op2 << 17 | (uint64_t)op1 << 14 |
           (uint64_t)crn << 10 | (uint64_t)rt << 5 | (uint64_t)crm << 1 | (unsigned)read;
}

START_TEST(esr_sys64_decode)
{
    struct sys64 s;
    esr_decode_sys64(sys64_esr(3, 0, 0, 4, 0, 5, 1), &s);       /* MRS X5, ID_AA64PFR0_EL1 */
    ck_assert(s.op0 == 3 && s.op1 == 0 && s.crn == 0 && s.crm == 4 && s.op2 == 0 && s.rt == 5 && s.read);
    esr_decode_sys64(sys64_esr(3, 2, 0, 0, 0, 30, 0), &s);      /* MSR CSSELR_EL1, X30 */
    ck_assert(s.op0 == 3 && s.op1 == 2 && s.crn == 0 && s.crm == 0 && s.op2 == 0 && s.rt == 30 && !s.read);
}
END_TEST

/* ---- trapped system registers ---- */
static uint8_t qmc[4096];

static void qmc_set(unsigned idx, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        qmc[0x10 + 8 * idx + (unsigned)i] = (uint8_t)(v >> (56 - 8 * i));
}

static enum sysreg_result emul(struct sysreg_ctx *c, unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                               unsigned op2, int read, uint64_t wval, uint64_t *out)
{
    struct sys64 s;
    esr_decode_sys64(sys64_esr(op0, op1, crn, crm, op2, 1, read), &s);
    return sysreg_emulate(c, &s, wval, out);
}

START_TEST(sysreg_id_registers)
{
    memset(qmc, 0, sizeof(qmc));
    qmc_set(0x02, 0x000F0000);
    qmc_set(0x22, 0x1100000001000011ull);
    qmc_set(0x3A, 0x100025);
    qmc_set(0x2A, 0x101006);
    qmc_set(0x43, 0x9444C004);
    qmc_set(0x3F, 0xdeadull);       /* unallocated encoding: must not be what CRm 7 op2 7 reads */
    uint64_t csselr = 0, v = 0;
    struct sysreg_ctx c = { qmc, &csselr, 0 };
    ck_assert_int_eq(emul(&c, 3, 0, 0, 4, 0, 1, 0, &v), SYSREG_DONE);
    ck_assert_uint_eq(v, 0x1100000001000011ull);
    ck_assert_int_eq(emul(&c, 3, 0, 0, 7, 0, 1, 0, &v), SYSREG_DONE);
    ck_assert_uint_eq(v, 0x100025);
    ck_assert_int_eq(emul(&c, 3, 0, 0, 5, 0, 1, 0, &v), SYSREG_DONE);   /* ID_AA64DFR0_EL1 */
    ck_assert_uint_eq(v, 0x101006);
    ck_assert_int_eq(emul(&c, 3, 0, 0, 7, 7, 1, 0, &v), SYSREG_DONE);   /* reserved, RAZ */
    ck_assert_uint_eq(v, 0);
    ck_assert_int_eq(emul(&c, 3, 0, 0, 0, 0, 1, 0, &v), SYSREG_DONE);   /* MIDR */
    ck_assert_uint_eq(v, 0x000F0000);
    ck_assert_int_eq(emul(&c, 3, 0, 0, 4, 0, 0, 5, &v), SYSREG_UNDEF);  /* write to an ID register */
    ck_assert_int_eq(emul(&c, 3, 3, 0, 0, 1, 1, 0, &v), SYSREG_DONE);   /* CTR_EL0 */
    ck_assert_uint_eq(v, 0x9444C004);
    ck_assert_int_eq(emul(&c, 3, 0, 15, 2, 0, 1, 0, &v), SYSREG_UNDEF); /* IMP DEF (TIDCP) */
}
END_TEST

START_TEST(sysreg_cache_geometry)
{
    memset(qmc, 0, sizeof(qmc));
    uint64_t csselr = 0, v = 0;
    struct sysreg_ctx c = { qmc, &csselr, 0 };
    ck_assert_int_eq(emul(&c, 3, 1, 0, 0, 1, 1, 0, &v), SYSREG_DONE);   /* CLIDR */
    ck_assert_uint_eq(v, EMUL_CLIDR);
    ck_assert_int_eq(emul(&c, 3, 2, 0, 0, 0, 0, 2, &v), SYSREG_DONE);   /* CSSELR = L2 */
    ck_assert_uint_eq(csselr, 2);
    ck_assert_int_eq(emul(&c, 3, 2, 0, 0, 0, 1, 0, &v), SYSREG_DONE);
    ck_assert_uint_eq(v, 2);
    ck_assert_int_eq(emul(&c, 3, 1, 0, 0, 0, 1, 0, &v), SYSREG_DONE);   /* CCSIDR */
    ck_assert_uint_eq(v, EMUL_CCSIDR_L2);
    ck_assert_uint_eq((v >> 13 & 0x7fff) + 1, 1024);                    /* 1 MiB / (64 B x 16 ways) sets */
    emul(&c, 3, 2, 0, 0, 0, 0, 1, &v);                                  /* L1 instruction */
    emul(&c, 3, 1, 0, 0, 0, 1, 0, &v);
    ck_assert_uint_eq(v, EMUL_CCSIDR_L1);
    emul(&c, 3, 2, 0, 0, 0, 0, 6, &v);                                  /* L4: none */
    emul(&c, 3, 1, 0, 0, 0, 1, 0, &v);
    ck_assert_uint_eq(v, 0);
    ck_assert_int_eq(emul(&c, 3, 0, 12, 11, 5, 0, 0x1000001, &v), SYSREG_DONE); /* ICC_SGI1R_EL1 */
    ck_assert_uint_eq(c.sgi_writes, 1);
    ck_assert_int_eq(emul(&c, 3, 0, 12, 11, 5, 1, 0, &v), SYSREG_UNDEF);
    struct sys64 s = { 3, 1, 0, 0, 1, 0, true };
    ck_assert_str_eq(sysreg_name(&s), "CLIDR_EL1");
    s.crn = 15;
    ck_assert_ptr_null(sysreg_name(&s));
}
END_TEST

/* ---- PSCI / SMCCC ---- */
static int64_t psci(uint64_t x0, uint64_t x1, uint64_t x2, enum psci_action *act)
{
    struct psci_result r;
    psci_call(x0, x1, x2, 0, 0x80000000ull, &r);
    if (act)
        *act = r.action;
    return r.x0;
}

START_TEST(psci_calls)
{
    enum psci_action act;
    ck_assert_int_eq(psci(PSCI_FN_VERSION, 0, 0, &act), 0x10001);
    ck_assert_int_eq(act, PSCI_ACT_NONE);
    ck_assert_int_eq(psci(0xffffffff00000000ull | PSCI_FN_VERSION, 0, 0, NULL), 0x10001); /* W0 only */
    ck_assert_int_eq(psci(PSCI_FN_FEATURES, PSCI_FN_SYSTEM_OFF, 0, NULL), 0);
    ck_assert_int_eq(psci(PSCI_FN_FEATURES, SMCCC_FN_VERSION, 0, NULL), 0);
    ck_assert_int_eq(psci(PSCI_FN_FEATURES, 0x84000012u /* SYSTEM_RESET2 */, 0, NULL), PSCI_RET_NOT_SUPPORTED);
    ck_assert_int_eq(psci(PSCI_FN64_CPU_ON, 0, 0x40080000, NULL), PSCI_RET_ALREADY_ON);
    ck_assert_int_eq(psci(PSCI_FN64_CPU_ON, 1, 0x40080000, NULL), PSCI_RET_INVALID_PARAMS);
    ck_assert_int_eq(psci(PSCI_FN64_CPU_ON, 0x100, 0x40080000, NULL), PSCI_RET_INVALID_PARAMS);
    ck_assert_int_eq(psci(PSCI_FN_CPU_ON, 0xffffffff00000000ull, 0, NULL), PSCI_RET_ALREADY_ON); /* 32-bit call */
    ck_assert_int_eq(psci(PSCI_FN64_AFFINITY_INFO, 0, 0, NULL), 0);
    ck_assert_int_eq(psci(PSCI_FN64_AFFINITY_INFO, 2, 0, NULL), PSCI_RET_INVALID_PARAMS);
    ck_assert_int_eq(psci(PSCI_FN64_AFFINITY_INFO, 2, 1, NULL), 0);   /* Aff0 ignored at level 1 */
    ck_assert_int_eq(psci(PSCI_FN64_AFFINITY_INFO, 0, 4, NULL), PSCI_RET_INVALID_PARAMS);
    ck_assert_int_eq(psci(PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, NULL), 2);
    psci(PSCI_FN_SYSTEM_OFF, 0, 0, &act);
    ck_assert_int_eq(act, PSCI_ACT_SYSTEM_OFF);
    psci(PSCI_FN_SYSTEM_RESET, 0, 0, &act);
    ck_assert_int_eq(act, PSCI_ACT_SYSTEM_RESET);
    psci(PSCI_FN_CPU_OFF, 0, 0, &act);
    ck_assert_int_eq(act, PSCI_ACT_CPU_OFF);
    ck_assert_int_eq(psci(PSCI_FN64_CPU_SUSPEND, 0, 0, &act), 0);
    ck_assert_int_eq(act, PSCI_ACT_WAIT);
    ck_assert_int_eq(psci(SMCCC_FN_VERSION, 0, 0, NULL), 0x10001);
    ck_assert_int_eq(psci(SMCCC_FN_ARCH_FEATURES, SMCCC_FN_ARCH_FEATURES, 0, NULL), 0);
    ck_assert_int_eq(psci(SMCCC_FN_ARCH_FEATURES, SMCCC_FN_WORKAROUND_1, 0, NULL), SMCCC_RET_NOT_REQUIRED);
    ck_assert_int_eq(psci(SMCCC_FN_ARCH_FEATURES, 0x80000002u, 0, NULL), PSCI_RET_NOT_SUPPORTED);
    ck_assert_int_eq(psci(0xc2000000u, 0, 0, &act), PSCI_RET_NOT_SUPPORTED);
    ck_assert_int_eq(act, PSCI_ACT_NONE);
}
END_TEST

/* ---- list registers, time ---- */
START_TEST(lr_encoding)
{
    uint64_t lr = lr_make(PPI_VTIMER, 0xa0, 1, true);
    ck_assert_uint_eq(lr, (1ull << 62) | (1ull << 61) | (1ull << 60) | (0xa0ull << 48) | (27ull << 32) | 27);
    lr = lr_make(33, 0x80, 0, false);
    ck_assert_uint_eq(lr, (1ull << 62) | (1ull << 41) | (0x80ull << 48) | 33);
    ck_assert_uint_eq(lr_intid(lr), 33);
    ck_assert(!lr_idle(lr));
    ck_assert(lr_idle(lr & ~LR_STATE_MASK));
}
END_TEST

START_TEST(tod_conversion)
{
    ck_assert_uint_eq(ns_to_tod(1000), 4096);        /* 1 us = bit 51 */
    ck_assert_uint_eq(ns_to_tod(125), 512);
    ck_assert_uint_eq(ns_to_tod(1), 5);              /* 4.096, rounded up */
    ck_assert_uint_eq(ns_to_tod(0), 0);
    ck_assert_uint_eq(ns_to_tod(10000000), 40960000); /* 10 ms */
    ck_assert_uint_eq(ns_to_tod(UINT64_MAX), UINT64_MAX);
    ck_assert_uint_eq(timer_deadline_tod(100, 100, 5000), 1);
    ck_assert_uint_eq(timer_deadline_tod(10000100, 100, 5000), 5000 + 40960000);
    ck_assert_uint_eq(timer_deadline_tod(UINT64_MAX, 0, UINT64_MAX - 10), UINT64_MAX);
}
END_TEST

/* ---- FDT reader (blob built by libfdt) ---- */
static char fdt_buf[4096];

static void build_fdt(void)
{
    ck_assert_int_eq(fdt_create(fdt_buf, sizeof(fdt_buf)), 0);
    ck_assert_int_eq(fdt_finish_reservemap(fdt_buf), 0);
    ck_assert_int_eq(fdt_begin_node(fdt_buf, ""), 0);
    fdt_property_string(fdt_buf, "model", "saesim-test");
    fdt_property(fdt_buf, "compatible", "a,b\0linux,dummy-virt", 21);
    fdt_property_u32(fdt_buf, "#address-cells", 2);
    fdt_property_u32(fdt_buf, "#size-cells", 2);
    fdt_begin_node(fdt_buf, "chosen");
    fdt_property_string(fdt_buf, "bootargs", "console=ttyAMA0 saesim.test=abort");
    fdt_end_node(fdt_buf);
    fdt_begin_node(fdt_buf, "memory@40000000");
    fdt_property_string(fdt_buf, "device_type", "memory");
    uint32_t reg[4] = { cpu_to_fdt32(0), cpu_to_fdt32(0x40000000), cpu_to_fdt32(1), cpu_to_fdt32(0) };
    fdt_property(fdt_buf, "reg", reg, sizeof(reg));
    fdt_end_node(fdt_buf);
    fdt_begin_node(fdt_buf, "cpus");
    fdt_begin_node(fdt_buf, "cpu@0");
    fdt_property_string(fdt_buf, "enable-method", "psci");
    fdt_end_node(fdt_buf);
    fdt_end_node(fdt_buf);
    fdt_end_node(fdt_buf);
    ck_assert_int_eq(fdt_finish(fdt_buf), 0);
}

START_TEST(fdt_reader)
{
    build_fdt();
    uint32_t size = fdtr_check_header(fdt_buf, sizeof(fdt_buf));
    ck_assert_uint_eq(size, fdt_totalsize(fdt_buf));
    ck_assert_uint_eq(fdtr_check_header(fdt_buf, size - 1), 0);
    ck_assert_int_eq(fdtr_count_nodes(fdt_buf), 5);
    int root = fdtr_path_offset(fdt_buf, "/");
    ck_assert_int_ge(root, 0);
    uint32_t len = 0;
    ck_assert_str_eq(fdtr_prop(fdt_buf, root, "model", &len), "saesim-test");
    const char *compat = fdtr_prop(fdt_buf, root, "compatible", &len);
    ck_assert_uint_eq(len, 21);
    ck_assert_str_eq(compat + 4, "linux,dummy-virt");
    int chosen = fdtr_path_offset(fdt_buf, "/chosen");
    /* fdtr offsets count from the blob start, libfdt ones from the structure block */
    const int sb = (int)fdt_off_dt_struct(fdt_buf);
    ck_assert_int_eq(chosen, sb + fdt_path_offset(fdt_buf, "/chosen"));
    ck_assert_str_eq(fdtr_prop(fdt_buf, chosen, "bootargs", &len), "console=ttyAMA0 saesim.test=abort");
    int mem = fdtr_path_offset(fdt_buf, "/memory");
    ck_assert_int_eq(mem, sb + fdt_path_offset(fdt_buf, "/memory@40000000"));
    const uint8_t *reg = fdtr_prop(fdt_buf, mem, "reg", &len);
    ck_assert_uint_eq(len, 16);
    ck_assert_uint_eq(fdtr_read_cells(reg, 2), 0x40000000);
    ck_assert_uint_eq(fdtr_read_cells(reg + 8, 2), 0x100000000ull);
    ck_assert_int_eq(fdtr_path_offset(fdt_buf, "/cpus/cpu@0"), sb + fdt_path_offset(fdt_buf, "/cpus/cpu@0"));
    ck_assert_int_eq(fdtr_path_offset(fdt_buf, "/cpus/cpu@1"), -1);
    ck_assert_int_eq(fdtr_path_offset(fdt_buf, "/nope"), -1);
    ck_assert_ptr_null(fdtr_prop(fdt_buf, mem, "missing", &len));
    ck_assert_ptr_null(fdtr_prop(fdt_buf, root, "bootargs", &len)); /* not a root property */
    fdt_buf[0] = 0;
    ck_assert_uint_eq(fdtr_check_header(fdt_buf, sizeof(fdt_buf)), 0);
    ck_assert_int_eq(fdtr_path_offset(fdt_buf, "/"), -1);
}
END_TEST

/* ---- printf subset, CRC ---- */
START_TEST(format_and_crc)
{
    char a[160], b[160];
    fw_snprintf(a, sizeof(a), "%d|%5d|%05d|%u|%x|%X|%08lx|%s|%c|%%|%lu|%ld|%p", -42, 7, -3, 4000000000u, 0xbeefu,
                0xbeefu, 0x1234ul, "str", 'z', 18446744073709551615ul, -9000000000l, (void *)0x1000);
    snprintf(b, sizeof(b), "%d|%5d|%05d|%u|%x|%X|%08lx|%s|%c|%%|%lu|%ld|%p", -42, 7, -3, 4000000000u, 0xbeefu,
             0xbeefu, 0x1234ul, "str", 'z', 18446744073709551615ul, -9000000000l, (void *)0x1000);
    ck_assert_str_eq(a, b);
    ck_assert_int_eq(fw_snprintf(a, 4, "%s", "abcdef"), 6);
    ck_assert_str_eq(a, "abc");
    ck_assert_uint_eq(fw_crc32(0, "123456789", 9), 0xCBF43926u);
    const char *args = "console=ttyAMA0 saesim.test=reset";
    ck_assert_ptr_eq(fw_strstr(args, "saesim.test=reset"), args + 16);
    ck_assert_ptr_null(fw_strstr(args, "saesim.test=abort"));
}
END_TEST

/* ---- the contract header ---- */
START_TEST(hostif_layout)
{
    ck_assert_uint_eq(sizeof(struct saesim_bpb), SAESIM_BPB_SIZE);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, ram_ipa), 0x10);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, ram_host), 0x20);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, kernel_entry), 0x40);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, kernel_kind), 0x48);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, initrd_host), 0x50);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, dtb_ipa), 0x78);
    ck_assert_uint_eq(offsetof(struct saesim_bpb, ipa_limit), 0x80);
    ck_assert_uint_eq(sizeof(struct saesim_fw_stats), SAESIM_STATS_SIZE);
    ck_assert_uint_eq(offsetof(struct saesim_fw_stats, stage2_maps), 0x90);
    ck_assert_uint_eq(offsetof(struct saesim_fw_stats, resets), 0xE8);
    ck_assert_uint_le(SAESIM_BPB_ADDR + SAESIM_BPB_MAX_SIZE, SAESIM_FW_LOAD_ADDR);
    ck_assert_uint_ge(SAESIM_DIAG_QUERY, SAESIM_DIAG_FIRST);
    ck_assert_uint_le(SAESIM_DIAG_STATS, SAESIM_DIAG_LAST);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("firmware-helpers");
    TCase *t = tcase_create("dat");
    tcase_add_test(t, dat_init_all_invalid);
    tcase_add_test(t, dat_edat1_segment);
    tcase_add_test(t, dat_4k_segment_and_page);
    tcase_add_test(t, dat_errors);
    suite_add_tcase(s, t);
    t = tcase_create("dat-vs-mmu");
    tcase_add_test(t, dat_matches_mmu_walker_edat1);
    tcase_add_test(t, dat_matches_mmu_walker_4k);
    suite_add_tcase(s, t);
    t = tcase_create("esr");
    tcase_add_test(t, esr_mmio_load_store);
    tcase_add_test(t, esr_abort_kinds);
    tcase_add_test(t, esr_load_extension);
    tcase_add_test(t, esr_sys64_decode);
    suite_add_tcase(s, t);
    t = tcase_create("sysreg");
    tcase_add_test(t, sysreg_id_registers);
    tcase_add_test(t, sysreg_cache_geometry);
    suite_add_tcase(s, t);
    t = tcase_create("psci");
    tcase_add_test(t, psci_calls);
    suite_add_tcase(s, t);
    t = tcase_create("misc");
    tcase_add_test(t, lr_encoding);
    tcase_add_test(t, tod_conversion);
    tcase_add_test(t, fdt_reader);
    tcase_add_test(t, format_and_crc);
    tcase_add_test(t, hostif_layout);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
