/* SAE stage 2 and the `hai` builder (sae-architecture §6.2, §6.3, §7.3), and stage-1 + stage-2
 * combined: an Arm guest's tables live in host storage and every descriptor read is itself a
 * stage-2 translation through host DAT tables. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "mmu/arm_s1.h"
#include "mmu/sae_hai.h"
#include "mmu/sae_stage2.h"
#include "mmu/sae_xlate.h"

#define MEMSZ (16u << 20)   /* host absolute storage */
static uint8_t *mem;
static uint64_t bump;

static int host_rd(void *opaque, uint64_t abs, uint64_t *e)
{
    (void)opaque;
    if (abs > MEMSZ - 8)
        return -1;
    *e = ld_be64(mem + abs);
    return 0;
}

static void setup(void)
{
    if (!mem)
        mem = calloc(1, MEMSZ);
    memset(mem, 0, MEMSZ);
    bump = 0x200000;
}

/* ---- host DAT: a segment-table ASCE mapping host-base pages ---- */
#define I_BIT 0x20ULL
#define PTE_I 0x400ULL
#define P_BIT 0x200ULL

static uint64_t host_st;   /* segment table (covers host-base 0 .. 2 GiB) */

static uint64_t host_asce(void)
{
    host_st = 0x100000;
    for (unsigned i = 0; i < 2048; i++)
        st_be64(mem + host_st + i * 8, I_BIT);
    return host_st | 3;      /* DT = segment, TL = 3 */
}

/* Map host-base page hb -> absolute frame abs (4K), creating page tables. */
static void host_map(uint64_t hb, uint64_t abs, uint64_t pte_bits)
{
    uint64_t sa = host_st + ((hb >> 20) & 0x7ff) * 8;
    uint64_t ste = ld_be64(mem + sa);
    if (ste & I_BIT) {
        bump = (bump + 0x7ff) & ~0x7ffULL;
        uint64_t pt = bump;
        bump += 0x800;
        for (unsigned i = 0; i < 256; i++)
            st_be64(mem + pt + i * 8, PTE_I);
        ste = pt;
        st_be64(mem + sa, ste);
    }
    st_be64(mem + (ste & ~0x7ffULL) + ((hb >> 12) & 0xff) * 8, abs | pte_bits);
}

static void host_unmap(uint64_t hb)
{
    uint64_t ste = ld_be64(mem + host_st + ((hb >> 20) & 0x7ff) * 8);
    st_be64(mem + (ste & ~0x7ffULL) + ((hb >> 12) & 0xff) * 8, PTE_I);
}

static struct sae_stage2 s2_for(uint64_t asce, uint64_t mso, uint64_t msl)
{
    struct sae_stage2 s = { 0 };
    s.hbasce = asce;
    s.mso = mso;
    s.msl = msl;
    s.read_entry = host_rd;
    s.storage_size = MEMSZ;
    return s;
}

/* ---- plain stage 2 ---- */

START_TEST(lipa_rule)
{
    ck_assert_uint_eq(sae_lipa(1ULL << 30), (1ULL << 30) - 1);          /* K: exclusive 2^n */
    ck_assert_uint_eq(sae_lipa((3ULL << 30) - 1), (3ULL << 30) - 1);    /* v2-v4: k GiB - 1 */
    ck_assert_uint_eq(sae_lipa((5ULL << 20) - 1), (5ULL << 20) - 1);    /* k MiB - 1 */
    ck_assert_uint_eq(sae_lipa(0x123456), 0x1fffff);                    /* rounded up */
}
END_TEST

START_TEST(address_size_before_dat)
{
    /* msl as 2^n: LIPA = 2^22 - 1. */
    struct sae_stage2 s = s2_for(host_asce(), 0x100000, 1ULL << 22);
    host_map(0x100000 + 0x3ff000, 0x500000, 0);
    uint64_t abs;
    struct sae_s2_fault f;
    ck_assert_int_eq(sae_stage2_translate(&s, 0x3ff123, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x500123);
    f.pic = 0x55;
    ck_assert_int_eq(sae_stage2_translate(&s, 0x400000, false, &abs, &f), S2_ADDRESS_SIZE);
    ck_assert_uint_eq(f.pic, 0);
    ck_assert_uint_eq(f.hostbase, 0x500000);
    /* Before DAT: even an unusable hbasce is not looked at. */
    s.hbasce = 0x7ffff000000ULL;
    ck_assert_int_eq(sae_stage2_translate(&s, 0x400000, false, &abs, &f), S2_ADDRESS_SIZE);
    /* msl as k * 2^20 - 1 (inclusive): 4 MiB - 1 allows up to 0x3fffff. */
    s = s2_for(host_asce(), 0, (4ULL << 20) - 1);
    host_map(0x3ff000, 0x501000, 0);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x3fffff, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x501fff);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x400000, true, &abs, &f), S2_ADDRESS_SIZE);
}
END_TEST

START_TEST(dat_faults)
{
    struct sae_stage2 s = s2_for(host_asce(), 0x40000000, 1ULL << 30);
    uint64_t abs;
    struct sae_s2_fault f;
    /* Segment invalid. */
    ck_assert_int_eq(sae_stage2_translate(&s, 0x1000, false, &abs, &f), S2_HOST_ACCESS);
    ck_assert_uint_eq(f.pic, PIC_SEGMENT_TRANSLATION);
    ck_assert_uint_eq(f.hostbase, 0x40001000);
    /* Page invalid. */
    host_map(0x40002000, 0x600000, 0);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x1000, false, &abs, &f), S2_HOST_ACCESS);
    ck_assert_uint_eq(f.pic, PIC_PAGE_TRANSLATION);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x2010, true, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x600010);
    /* Protection on write only. */
    host_map(0x40003000, 0x601000, P_BIT);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x3000, false, &abs, &f), S2_OK);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x3000, true, &abs, &f), S2_HOST_ACCESS);
    ck_assert_uint_eq(f.pic, PIC_PROTECTION);
    /* Frame outside configured storage: addressing. */
    host_map(0x40004000, 0x7f000000, 0);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x4000, false, &abs, &f), S2_HOST_ACCESS);
    ck_assert_uint_eq(f.pic, PIC_ADDRESSING);
    /* ASCE-type: host-base beyond 2 GiB with a segment-table ASCE. */
    s.mso = 0x80000000;
    ck_assert_int_eq(sae_stage2_translate(&s, 0x4000, false, &abs, &f), S2_HOST_ACCESS);
    ck_assert_uint_eq(f.pic, PIC_ASCE_TYPE);
}
END_TEST

START_TEST(real_space_and_prefix)
{
    /* R = 1: host-base is the real address; prefixing converts it to absolute. */
    struct sae_stage2 s = s2_for(0x20, 0x100000, 1ULL << 30);
    s.dat.prefix = 0x100000;
    uint64_t abs;
    struct sae_s2_fault f;
    ck_assert_int_eq(sae_stage2_translate(&s, 0x10, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x10);          /* real 0x100010 is in the prefix area -> abs 0x10 */
    ck_assert_int_eq(sae_stage2_translate(&s, 0x2000, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x102000);
    s.mso = 0;
    ck_assert_int_eq(sae_stage2_translate(&s, 0x10, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x100010);      /* real 0x10 -> prefix area */
    ck_assert_int_eq(sae_stage2_translate(&s, MEMSZ, false, &abs, &f), S2_HOST_ACCESS);
    ck_assert_uint_eq(f.pic, PIC_ADDRESSING);
    /* A DAT page frame at real 0 is prefixed; an EDAT-1 frame (absolute) is not. */
    s = s2_for(host_asce(), 0, 1ULL << 30);
    s.dat.prefix = 0xa00000;   /* away from the host tables, which are real addresses too */
    s.dat.edat1 = true;
    host_map(0x5000, 0x0, 0);
    ck_assert_int_eq(sae_stage2_translate(&s, 0x5004, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0xa00004);
    st_be64(mem + host_st + 8 * 8, 0x0 | 0x400);   /* SX 8: 1 MiB frame at absolute 0 */
    ck_assert_int_eq(sae_stage2_translate(&s, 0x800004, false, &abs, &f), S2_OK);
    ck_assert_uint_eq(abs, 0x4);
}
END_TEST

/* ---- stage 1 + stage 2 ---- */

struct combo {
    struct sae_stage2 s2;
    enum sae_s2_status st;
    struct sae_s2_fault f;
    uint64_t ipa;
};

/* Descriptor read: an IPA access through stage 2 with FSI = fetch (§7.3.2). */
static int s1_read_via_s2(void *opaque, uint64_t ipa, int level, uint64_t *desc)
{
    (void)level;
    struct combo *c = opaque;
    uint64_t abs;
    c->ipa = ipa;
    c->st = sae_stage2_translate(&c->s2, ipa, false, &abs, &c->f);
    if (c->st != S2_OK)
        return -1;
    *desc = ld_le64(mem + abs);   /* guest descriptors are little-endian in host storage */
    return 0;
}

#define MSO 0x400000ULL
/* Guest IPA layout: tables at IPA 0x10000.., data page at IPA 0x80000. Host-base = IPA + MSO is
 * mapped 1:1 to absolute (hb -> hb). */
static void guest_store_desc(uint64_t ipa, uint64_t v) { st_le64(mem + ipa + MSO, v); }

static struct arm_s1_regs guest_tables(void)
{
    /* 4K granule, T0SZ = 25: start level 1; tables at IPA 0x10000 (L1), 0x11000 (L2), 0x12000 (L3). */
    guest_store_desc(0x10000 + 0 * 8, 0x11000 | 3);
    guest_store_desc(0x11000 + 0 * 8, 0x12000 | 3);
    guest_store_desc(0x12000 + 5 * 8, 0x80000 | (1 << 10) | 3);   /* VA 0x5000 -> IPA 0x80000 */
    guest_store_desc(0x12000 + 6 * 8, 0x3ff000 | (1 << 10) | 3);  /* VA 0x6000 -> IPA 0x3ff000 */
    guest_store_desc(0x12000 + 7 * 8, 0x400000 | (1 << 10) | 3);  /* VA 0x7000 -> above LIPA */
    struct arm_s1_regs r = { 0 };
    r.sctlr = 1;
    r.tcr = 25 | (5ULL << 32);
    r.ttbr0 = 0x10000;
    r.pa_range = 5;
    return r;
}

static void combo_init(struct combo *c)
{
    memset(c, 0, sizeof(*c));
    c->s2 = s2_for(host_asce(), MSO, 1ULL << 22);   /* LIPA 0x3fffff */
    for (uint64_t ipa = 0x10000; ipa < 0x13000; ipa += 0x1000)
        host_map(ipa + MSO, ipa + MSO, 0);
    host_map(0x80000 + MSO, 0x80000 + MSO, P_BIT);
    host_map(0x3ff000 + MSO, 0x3ff000 + MSO, 0);
}

START_TEST(walk_ok_then_data_fault)
{
    struct combo c;
    combo_init(&c);
    struct arm_s1_regs r = guest_tables();
    struct arm_s1_access a = { 0x5018, ARM_ACC_WRITE, false, false };
    struct arm_s1_result res;
    struct arm_s1_fault f;
    ck_assert_int_eq(arm_s1_translate(&r, &a, s1_read_via_s2, &c, &res, &f), 0);
    ck_assert_uint_eq(res.pa, 0x80018);
    /* The data write hits the host's DAT protection: icptr 0x02, PIC 4. */
    uint64_t abs;
    struct sae_s2_fault sf;
    enum sae_s2_status st = sae_stage2_translate(&c.s2, res.pa, true, &abs, &sf);
    ck_assert_int_eq(st, S2_HOST_ACCESS);
    struct sae_hai_in in = { 0 };
    in.kind = SAE_ACC_WRITE;
    in.ls = (struct sae_ldst_info){ true, false, 2, false, 7, false, false };  /* STR w7 */
    in.ipa = res.pa;
    in.va = a.va;
    in.status = st;
    in.s2 = sf;
    struct sae_hai h;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.icptr, 0x02);
    ck_assert_uint_eq(h.pic, PIC_PROTECTION);
    ck_assert_uint_eq(h.esr_elz, (0x24ULL << 26) | (1ULL << 25) | (1ULL << 24) | (2ULL << 22) |
                                 (7ULL << 16) | (1ULL << 6) | 0x0f);
    ck_assert_uint_eq(h.teid, 0x80000 | 0x400);
    ck_assert_uint_eq(h.far_elz, 0x5018);
    ck_assert_uint_eq(h.vaddr, 0x80018 + MSO);
    ck_assert_uint_eq(h.gltl, 0);
    /* A read of the same page is fine. */
    ck_assert_int_eq(sae_stage2_translate(&c.s2, res.pa, false, &abs, &sf), S2_OK);
    ck_assert_uint_eq(abs, 0x80018 + MSO);
}
END_TEST

START_TEST(walk_faults_at_stage2)
{
    for (int lvl = 1; lvl <= 3; lvl++) {
        setup();
        struct combo c;
        combo_init(&c);
        struct arm_s1_regs r = guest_tables();
        uint64_t table_ipa = 0x10000 + 0x1000 * (uint64_t)(lvl - 1);
        host_unmap(table_ipa + MSO);
        for (int fetch = 0; fetch < 2; fetch++) {
            struct arm_s1_access a = { 0x5abc, fetch ? ARM_ACC_EXEC : ARM_ACC_READ, false, false };
            struct arm_s1_result res;
            struct arm_s1_fault f;
            ck_assert_int_eq(arm_s1_translate(&r, &a, s1_read_via_s2, &c, &res, &f), -1);
            ck_assert_int_eq(f.type, ARM_FAULT_WALK_ABORT);
            ck_assert(f.s1ptw);
            ck_assert_int_eq(f.level, lvl);
            ck_assert_int_eq(c.st, S2_HOST_ACCESS);
            struct sae_hai_in in = { 0 };
            in.kind = SAE_ACC_S1WALK;
            in.walk_for = fetch ? SAE_ACC_IFETCH : SAE_ACC_READ;
            in.walk_level = f.level;
            in.ipa = f.desc_ipa;
            in.va = a.va;
            in.status = c.st;
            in.s2 = c.f;
            struct sae_hai h;
            sae_hai_build(&in, &h);
            ck_assert_uint_eq(h.icptr, 0x02);
            ck_assert_uint_eq(h.pic, PIC_PAGE_TRANSLATION);
            uint64_t ec = fetch ? 0x20 : 0x24;
            ck_assert_uint_eq(h.esr_elz, (ec << 26) | (1ULL << 25) | (1ULL << 7) | 0x07);
            ck_assert_uint_eq(h.teid, table_ipa | 0x800);       /* FSI fetch for walks */
            ck_assert_uint_eq(h.gltl, (unsigned)lvl);
            ck_assert_uint_eq(h.far_elz, 0x5abc);
            ck_assert_uint_eq(h.vaddr, f.desc_ipa + MSO);
        }
    }
}
END_TEST

START_TEST(ipa_above_lipa)
{
    struct combo c;
    combo_init(&c);
    struct arm_s1_regs r = guest_tables();
    struct arm_s1_access a = { 0x7010, ARM_ACC_READ, false, false };
    struct arm_s1_result res;
    struct arm_s1_fault f;
    ck_assert_int_eq(arm_s1_translate(&r, &a, s1_read_via_s2, &c, &res, &f), 0);
    uint64_t abs;
    struct sae_s2_fault sf;
    enum sae_s2_status st = sae_stage2_translate(&c.s2, res.pa, false, &abs, &sf);
    ck_assert_int_eq(st, S2_ADDRESS_SIZE);
    struct sae_hai_in in = { 0 };
    in.kind = SAE_ACC_READ;
    in.ls = (struct sae_ldst_info){ true, false, 3, false, 3, true, false };   /* LDR x3 */
    in.ipa = res.pa;
    in.va = a.va;
    in.status = st;
    in.s2 = sf;
    struct sae_hai h;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.icptr, 0x06);
    ck_assert_uint_eq(h.pic, 0);
    ck_assert_uint_eq(h.esr_elz & 0x3f, 0);          /* FSC address size level 0 */
    ck_assert_uint_eq(h.esr_elz, (0x24ULL << 26) | (1ULL << 25) | (1ULL << 24) | (3ULL << 22) |
                                 (3ULL << 16) | (1ULL << 15));
    ck_assert_uint_eq(h.teid, 0x400000 | 0x800);
    ck_assert_uint_eq(h.vaddr, 0x400010 + MSO);
    /* The last valid page is still reachable. */
    a.va = 0x6ff8;
    ck_assert_int_eq(arm_s1_translate(&r, &a, s1_read_via_s2, &c, &res, &f), 0);
    ck_assert_int_eq(sae_stage2_translate(&c.s2, res.pa, false, &abs, &sf), S2_OK);
    /* A stage-1 table above LIPA: icptr 0x06 with S1PTW. */
    r.ttbr0 = 0x400000;
    a.va = 0x5000;
    ck_assert_int_eq(arm_s1_translate(&r, &a, s1_read_via_s2, &c, &res, &f), -1);
    ck_assert_int_eq(c.st, S2_ADDRESS_SIZE);
    in = (struct sae_hai_in){ 0 };
    in.kind = SAE_ACC_S1WALK;
    in.walk_for = SAE_ACC_WRITE;
    in.walk_level = f.level;
    in.ipa = f.desc_ipa;
    in.status = c.st;
    in.s2 = c.f;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.icptr, 0x06);
    ck_assert_uint_eq(h.esr_elz, (0x24ULL << 26) | (1ULL << 25) | (1ULL << 7));
    ck_assert_uint_eq(h.gltl, 1);
}
END_TEST

/* The packaged path: sae_translate over the same tables. */
START_TEST(sae_translate_paths)
{
    struct combo c;
    combo_init(&c);
    struct arm_s1_regs r = guest_tables();
    struct sae_xlate x;
    struct arm_s1_access a = { 0x5008, ARM_ACC_READ, false, false };
    ck_assert_int_eq(sae_translate(&r, &a, SAE_ACC_READ, &c.s2, &x), SAE_X_OK);
    ck_assert_uint_eq(x.ipa, 0x80008);
    ck_assert_uint_eq(x.abs, 0x80008 + MSO);
    /* Stage-2 protection on the data write. */
    a.type = ARM_ACC_WRITE;
    ck_assert_int_eq(sae_translate(&r, &a, SAE_ACC_WRITE, &c.s2, &x), SAE_X_STAGE2);
    ck_assert_int_eq(x.hai.kind, SAE_ACC_WRITE);
    ck_assert_uint_eq(x.hai.ipa, 0x80008);
    ck_assert_uint_eq(x.hai.s2.pic, PIC_PROTECTION);
    ck_assert_uint_eq(x.hai.va, 0x5008);
    /* Guest fault (unmapped VA 0x9000): stage 1, for the guest. */
    a.va = 0x9000;
    ck_assert_int_eq(sae_translate(&r, &a, SAE_ACC_WRITE, &c.s2, &x), SAE_X_STAGE1);
    ck_assert_int_eq(x.s1_fault.type, ARM_FAULT_TRANSLATION);
    ck_assert_int_eq(x.s1_fault.level, 3);
    /* Walk fault at stage 2 (level-2 table unmapped on the host). */
    host_unmap(0x11000 + MSO);
    a.va = 0x5000;
    a.type = ARM_ACC_EXEC;
    ck_assert_int_eq(sae_translate(&r, &a, SAE_ACC_IFETCH, &c.s2, &x), SAE_X_STAGE2);
    ck_assert_int_eq(x.hai.kind, SAE_ACC_S1WALK);
    ck_assert_int_eq(x.hai.walk_for, SAE_ACC_IFETCH);
    ck_assert_int_eq(x.hai.walk_level, 2);
    ck_assert_uint_eq(x.hai.ipa, 0x11000);
    struct sae_hai h;
    sae_hai_build(&x.hai, &h);
    ck_assert_uint_eq(h.esr_elz, (0x20ULL << 26) | (1ULL << 25) | (1ULL << 7) | 0x07);
    ck_assert_uint_eq(h.gltl, 2);
    /* IPA above LIPA for the data. */
    host_map(0x11000 + MSO, 0x11000 + MSO, 0);
    a.va = 0x7000;
    a.type = ARM_ACC_READ;
    ck_assert_int_eq(sae_translate(&r, &a, SAE_ACC_READ, &c.s2, &x), SAE_X_STAGE2);
    ck_assert_int_eq(x.hai.status, S2_ADDRESS_SIZE);
}
END_TEST

/* ---- the hai builder against the §6.3 tables ---- */

START_TEST(fsc_table)
{
    static const struct { uint16_t pic; unsigned fsc; } t[] = {
        { 0x38, 0x04 }, { 0x39, 0x04 }, { 0x3a, 0x04 }, { 0x3b, 0x05 }, { 0x10, 0x06 },
        { 0x11, 0x07 }, { 0x04, 0x0f }, { 0x05, 0x10 }, { 0x12, 0x10 },
    };
    for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        ck_assert_uint_eq(sae_hai_fsc(S2_HOST_ACCESS, t[i].pic), t[i].fsc);
    ck_assert_uint_eq(sae_hai_fsc(S2_ADDRESS_SIZE, 0), 0x00);
}
END_TEST

START_TEST(kind_table)
{
    /* kind, WnR, FSI write, CM */
    static const struct { enum sae_acc_kind k; bool wnr, fsiw, cm; } t[] = {
        { SAE_ACC_READ, false, false, false },  { SAE_ACC_WRITE, true, true, false },
        { SAE_ACC_ATOMIC, true, true, false },  { SAE_ACC_LDEX, false, false, false },
        { SAE_ACC_STEX, true, true, false },    { SAE_ACC_DCZVA, true, true, false },
        { SAE_ACC_CMAINT, true, false, true },
    };
    for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct sae_hai_in in = { 0 };
        in.kind = t[i].k;
        in.ipa = 0x1234567;
        in.va = 0xffff000012345678ULL;
        in.status = S2_HOST_ACCESS;
        in.s2.pic = PIC_SEGMENT_TRANSLATION;
        in.s2.hostbase = 0x91234567;
        struct sae_hai h;
        sae_hai_build(&in, &h);
        ck_assert_uint_eq(h.esr_elz >> 26, 0x24);
        ck_assert_uint_eq((h.esr_elz >> 6) & 1, t[i].wnr);
        ck_assert_uint_eq((h.esr_elz >> 8) & 1, t[i].cm);
        ck_assert_uint_eq((h.esr_elz >> 24) & 1, 0);     /* single_gpr unset: no ISV */
        ck_assert_uint_eq(h.teid, 0x1234000 | (t[i].fsiw ? 0x400 : 0x800));
        ck_assert_uint_eq(h.esr_elz & 0x3f, 0x06);
        ck_assert_uint_eq(h.vaddr, 0x91234567);
        ck_assert_uint_eq(h.far_elz, 0xffff000012345678ULL);
        ck_assert_uint_eq(h.suppl, 0);
    }
}
END_TEST

START_TEST(isv_rules)
{
    struct sae_hai_in in = { 0 };
    in.status = S2_HOST_ACCESS;
    in.s2.pic = PIC_PAGE_TRANSLATION;
    struct sae_hai h;
    /* LDRSH w9: SAS 1, SSE, SRT 9, SF 0. */
    in.kind = SAE_ACC_READ;
    in.ls = (struct sae_ldst_info){ true, false, 1, true, 9, false, false };
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz & 0x1ffffff, (1u << 24) | (1u << 22) | (1u << 21) | (9u << 16) | 7);
    /* LDAR x31 (XZR): AR, SF, SRT 31. */
    in.ls = (struct sae_ldst_info){ true, false, 3, false, 31, true, true };
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz & 0x1ffffff,
                      (1u << 24) | (3u << 22) | (31u << 16) | (1u << 15) | (1u << 14) | 7);
    /* STLRB: no SSE even if claimed; WnR. */
    in.kind = SAE_ACC_WRITE;
    in.ls = (struct sae_ldst_info){ true, false, 0, true, 2, false, true };
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz & 0x1ffffff, (1u << 24) | (2u << 16) | (1u << 14) | (1u << 6) | 7);
    /* Writeback (LDR x1, [x2], #8): no ISV. */
    in.kind = SAE_ACC_READ;
    in.ls = (struct sae_ldst_info){ true, true, 3, false, 1, true, false };
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz & 0x1ffffff, 7);
    /* Pair / SIMD: no ISV. */
    in.ls = (struct sae_ldst_info){ false, false, 3, false, 1, true, false };
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz & 0x1ffffff, 7);
    /* Exclusive / atomic with register info: still no ISV. */
    in.ls = (struct sae_ldst_info){ true, false, 3, false, 1, true, false };
    in.kind = SAE_ACC_LDEX;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq((h.esr_elz >> 24) & 1, 0);
    in.kind = SAE_ACC_ATOMIC;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq((h.esr_elz >> 24) & 1, 0);
    /* Instruction fetch: EC 0x20, IL, IFSC only. */
    in.kind = SAE_ACC_IFETCH;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz, (0x20ULL << 26) | (1ULL << 25) | 7);
    ck_assert_uint_eq(h.teid & 0xfff, 0x800);
    /* Walk for a cache-maintenance instruction: CM and S1PTW, WnR 0, FSI fetch; level -1. */
    in.kind = SAE_ACC_S1WALK;
    in.walk_for = SAE_ACC_CMAINT;
    in.walk_level = -1;
    sae_hai_build(&in, &h);
    ck_assert_uint_eq(h.esr_elz, (0x24ULL << 26) | (1ULL << 25) | (1ULL << 8) | (1ULL << 7) | 7);
    ck_assert_uint_eq(h.gltl, 0xff);
}
END_TEST

START_TEST(store_layout)
{
    struct sae_hai h = { 0x02, 0x1122334455667788ULL, 0x0011, 0xaabbccddeeff0800ULL,
                         0x0102030405060708ULL, 0x1112131415161718ULL, 0, 3 };
    uint8_t area[64];
    memset(area, 0xee, sizeof(area));
    sae_hai_store(&h, area);
    ck_assert_uint_eq(ld_be64(area), 0x1122334455667788ULL);
    for (unsigned i = 8; i < 14; i++)
        ck_assert_uint_eq(area[i], 0);
    ck_assert_uint_eq(ld_be16(area + 0x0e), 0x0011);
    ck_assert_uint_eq(ld_be64(area + 0x10), 0xaabbccddeeff0800ULL);
    ck_assert_uint_eq(ld_be64(area + 0x18), 0x0102030405060708ULL);
    ck_assert_uint_eq(ld_be64(area + 0x20), 0x1112131415161718ULL);
    ck_assert_uint_eq(ld_be64(area + 0x28), 0);
    ck_assert_uint_eq(area[0x30], 3);
    for (unsigned i = 0x31; i < 0x40; i++)
        ck_assert_uint_eq(area[i], 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sae_stage2");
    TCase *tc = tcase_create("stage2");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, lipa_rule);
    tcase_add_test(tc, address_size_before_dat);
    tcase_add_test(tc, dat_faults);
    tcase_add_test(tc, real_space_and_prefix);
    tcase_add_test(tc, walk_ok_then_data_fault);
    tcase_add_test(tc, walk_faults_at_stage2);
    tcase_add_test(tc, ipa_above_lipa);
    tcase_add_test(tc, sae_translate_paths);
    suite_add_tcase(s, tc);
    TCase *th = tcase_create("hai");
    tcase_add_test(th, fsc_table);
    tcase_add_test(th, kind_table);
    tcase_add_test(th, isv_rules);
    tcase_add_test(th, store_layout);
    suite_add_tcase(s, th);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
