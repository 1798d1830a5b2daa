/* End to end through the glue: a real s390 CPU executes the SAE-family opcodes and SAE runs a tiny
 * AArch64 guest on the arm64 core (docs/sae-model.md §4). Stage 2 uses a real-space hbasce, so
 * host-base address = real address. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arm64/cpu_model.h"
#include "core/endian.h"
#include "core/mem.h"
#include "core/vclock.h"
#include "mmu/s390_dat.h"
#include "s390/cpu.h"
#include "sae/qaaf.h"
#include "sae/regids.h"
#include "sae/sa.h"
#include "sae/sae_cpu.h"
#include "sae/sd.h"

#define CODE  0x10000ull
#define SD    0x20000ull
#define SA    0x21000ull
#define QBLK  0x22000ull
#define PGMH  0x30000ull      /* program-new PSW address */
#define MSO   0x100000ull     /* guest IPA 0 = host real 1 MiB */
#define GCODE 0x1000ull       /* guest code IPA */

static struct ram ram;
static struct vclock clk;
static struct s390_cpu cpu;
static uint8_t *m;
static uint64_t at;           /* next s390 instruction address */

static void setup(void)
{
    char err[128];
    ck_assert_int_eq(ram_init(&ram, 4u << 20, err, sizeof(err)), 0);
    m = ram.host;
    vclock_init(&clk, VCLOCK_ICOUNT, 0);
    s390_cpu_init(&cpu, &ram, &clk, NULL);
    ck_assert_ptr_nonnull(sae_cpu_attach(&cpu, NULL));
    /* program-new PSW: 64-bit supervisor at PGMH */
    st_be64(m + 0x1D0, PSW_MASK_EA | PSW_MASK_BA);
    st_be64(m + 0x1D8, PGMH);
    at = CODE;
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA, at);
    /* SA from the QAAF template, SD linked to it, guest memory 1 MiB at MSO */
    sae_qaaf_gisrsa(m + SA, arm64_model_qaaf_value);
    st_be64(m + SA + SA_SDO, SD);
    st_be64(m + SA + SA_SLOT_OFF(SAE_SLOT_CPACR_EL1), 0x300000);   /* FPEN: no FP/SIMD trap to EL1 */
    st_be64(m + SD + SD_SAVE_AREA, SA);
    st_be64(m + SD + SD_MSO, MSO);
    st_be64(m + SD + SD_MSL, 0x100000);
    st_be64(m + SD + SD_HBASCE, S390_ASCE_R);
    st_be64(m + SD + SD_PSTATE, 0x3C5);
    st_be64(m + SD + SD_PC, GCODE);
}

static void teardown(void)
{
    sae_cpu_detach(&cpu);
    s390_cpu_destroy(&cpu);
    vclock_destroy(&clk);
    ram_destroy(&ram);
}

/* Execute one instruction placed at the current address. */
static void step_bytes(const uint8_t *b, unsigned len)
{
    memcpy(m + at, b, len);
    s390_load_psw(&cpu, cpu.psw.mask, at);
    s390_step(&cpu);
    at += len;
}
static void rre(uint16_t op, unsigned r1)
{
    uint8_t b[4] = { (uint8_t)(op >> 8), (uint8_t)op, 0, (uint8_t)(r1 << 4) };
    step_bytes(b, 4);
}
static void rie_h(uint8_t op, unsigned r1, unsigned r3, uint16_t i2, unsigned m4)
{
    uint8_t b[6] = { 0xED, (uint8_t)(r1 << 4), (uint8_t)(r3 << 4 | i2 >> 12), (uint8_t)(i2 >> 4),
                     (uint8_t)((i2 & 0xF) << 4 | m4), op };
    step_bytes(b, 6);
}
static void guest(uint64_t ipa, const uint32_t *insns, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        st_le32(m + MSO + ipa + 4 * i, insns[i]);
}
static uint16_t last_pic(void) { return ld_be16(m + 0x8E); }

static void lasrm(void) { cpu.gr[2] = SA; rre(0xB9A6, 2); }
static void sae(void) { cpu.gr[3] = SD; rre(0xB9A5, 3); }

START_TEST(test_qaaf_and_ptff)
{
    cpu.gr[0] = 1;
    cpu.gr[4] = QBLK;
    rre(0xB9AD, 4);
    ck_assert_uint_eq(cpu.psw.addr, at);                         /* completed */
    ck_assert_uint_eq(m[QBLK + 0x08], 0x80);
    ck_assert_uint_eq(ld_be64(m + QBLK + 0x20), arm64_model_qaaf_value(2));  /* MIDR at 0x20 */
    ck_assert_uint_eq(ld_be64(m + QBLK + 0x10 + 8 * 0x3A), arm64_model_qaaf_value(0x3A));
    cpu.gr[0] = 3;
    rre(0xB9AD, 4);
    ck_assert_uint_eq(cpu.psw.addr, PGMH);
    ck_assert_uint_eq(last_pic(), PGM_SPECIFICATION);
    /* PTFF hook and QAF bits */
    ck_assert_uint_eq(cpu.ptff_qaf_extra[2], 0xC0);
    uint64_t out;
    ck_assert_int_eq(cpu.ptff_hook(cpu.ptff_opaque, &cpu, 0x10, 0, &out), 0);
    uint64_t back;
    ck_assert_int_eq(cpu.ptff_hook(cpu.ptff_opaque, &cpu, 0x11, out, &back), 0);
    ck_assert_uint_lt(back, 1000);                               /* QAGPT(QAGTO(0)) ~ 0 */
    ck_assert_int_eq(cpu.ptff_hook(cpu.ptff_opaque, &cpu, 0x12, 0, &out), -1);
}
END_TEST

START_TEST(test_not_installed)
{
    cpu.aef_installed = false;
    cpu.gr[2] = SA;
    rre(0xB9A6, 2);
    ck_assert_uint_eq(last_pic(), PGM_OPERATION);
    at = CODE;
    s390_load_psw(&cpu, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_PSTATE, at);
    cpu.aef_installed = true;
    rre(0xB9A6, 2);
    ck_assert_uint_eq(last_pic(), PGM_PRIVILEGED);
}
END_TEST

START_TEST(test_validity_without_lasrm)
{
    sae();
    ck_assert_msg(cpu.psw.addr == at, "pic 0x%x", last_pic());
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_VALIDITY);
    ck_assert_uint_eq(ld_be16(m + SD + SD_VIR), SAE_VIR_HLC);
}
END_TEST

START_TEST(test_hvc_roundtrip)
{
    static const uint32_t g[] = { 0xD28000A0 /* movz x0,#5 */, 0xD4000002 /* hvc #0 */ };
    guest(GCODE, g, 2);
    lasrm();
    cpu.gr[5] = 0x123;                                            /* SASR TPIDR_EL1 <- 0x123 */
    rie_h(0x99, 5, 2, 0xC684, 0);
    sae();
    ck_assert_uint_eq(cpu.psw.addr, at);
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    uint64_t esr = ld_be64(m + SD + SD_HAI_ESR_ELZ);
    ck_assert_uint_eq(esr >> 26, 0x16);                           /* HVC64 */
    ck_assert_uint_eq(esr & (1u << 25), 1u << 25);                /* IL */
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);        /* after the HVC */
    ck_assert_uint_eq(ld_be64(m + SD + SD_GPR(0)), 5);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), 0);
    ck_assert_uint_eq(cpu.gr[3], SD);                             /* R1 unchanged */
    /* EASR reads the context back; STIASRM writes it */
    rie_h(0x9B, 6, 2, 0xC684, 0);
    ck_assert_uint_eq(cpu.gr[6], 0x123);
    rre(0xB9A7, 2);
    ck_assert_uint_eq(ld_be64(m + SA + SA_SLOT_OFF(21)), 0x123);
    ck_assert_uint_eq(ld_be16(m + SA + SA_SAS), 1);
}
END_TEST

START_TEST(test_limit_and_wfi_and_timer)
{
    /* ldr x1,[x2] with x2 = 2 MiB: above LIPA 0xFFFFF -> icptr 0x06 at the instruction */
    static const uint32_t g[] = { 0xF9400041, 0xD503207F /* wfi */, 0x14000000 /* b . */ };
    guest(GCODE, g, 3);
    st_be64(m + SD + SD_GPR(2), 0x200000);
    lasrm();
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_GUEST_ADDRESS_SIZE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE);
    ck_assert_uint_eq(ld_be16(m + SD + SD_HAI_PIC), 0);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_TEID) & ~0xFFFull, 0x200000);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_FAR_ELZ), 0x200000);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_ESR_ELZ) >> 26, 0x24);
    /* skip it (as a host would after emulation) and run into the WFI */
    st_be64(m + SD + SD_PC, GCODE + 4);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SPURIOUS);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), SAE_WIP_WFI);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);
    /* an enabled virtual timer with CVAL 0 intercepts at entry, before any instruction */
    st_be32(m + SD + SD_CNTV_CTL, CNT_CTL_ENABLE);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_TIMER);
    ck_assert_uint_eq(m[SD + SD_TIR], SAE_TIR_VIRT);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);
    ck_assert_uint_eq(ld_be32(m + SD + SD_CNTV_CTL), CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}
END_TEST

START_TEST(test_vregs_mapping)
{
    /* guest: str q1,[x2] ; ldr q3,[x2] ; hvc #0 -- V registers live in the host VRs (MD-41) */
    static const uint32_t g[] = { 0x3D800041, 0x3DC00043, 0xD4000002 };
    guest(GCODE, g, 3);
    st_be64(m + SD + SD_GPR(2), 0x8000);
    cpu.vr[1].d[0] = 0x1111111111111111ull;   /* leftmost doubleword: Arm V1 bits 127:64 */
    cpu.vr[1].d[1] = 0x0102030405060708ull;   /* element 1: Arm V1.D[0] */
    lasrm();
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    /* little-endian guest storage: byte lane i of V1 at IPA + i */
    ck_assert_uint_eq(ld_le64(m + MSO + 0x8000), 0x0102030405060708ull);
    ck_assert_uint_eq(ld_le64(m + MSO + 0x8008), 0x1111111111111111ull);
    ck_assert_uint_eq(m[MSO + 0x8000], 0x08);  /* Arm lane 0 = VR byte 15 */
    ck_assert_uint_eq(cpu.vr[3].d[0], 0x1111111111111111ull);
    ck_assert_uint_eq(cpu.vr[3].d[1], 0x0102030405060708ull);
    ck_assert_uint_eq(cpu.vr[1].d[1], 0x0102030405060708ull);
}
END_TEST

START_TEST(test_stage2_miss_fetch)
{
    /* hbasce: a segment-table designation at 0x40000 whose entries are all invalid */
    for (unsigned i = 0; i < 512; i++)
        st_be64(m + 0x40000 + 8 * i, 0x20);
    st_be64(m + SD + SD_HBASCE, 0x40000);
    lasrm();
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_HOST_ACCESS_EXCEPTION);
    ck_assert_uint_eq(ld_be16(m + SD + SD_HAI_PIC), 0x0010);                 /* segment translation */
    uint64_t esr = ld_be64(m + SD + SD_HAI_ESR_ELZ);
    ck_assert_uint_eq(esr >> 26, 0x20);                                       /* IABT_LOW */
    ck_assert_uint_eq(esr & 0x3F, 0x06);                                      /* translation, level 2 */
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_TEID), GCODE | (2u << 10));     /* IPA>>12, FSI fetch */
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_FAR_ELZ), GCODE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_VADDR), MSO + GCODE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE);                        /* nullified */
}
END_TEST

static void set_hcr(uint64_t v)
{
    cpu.gr[5] = v;
    rie_h(0x99, 5, 2, 0xE088, 0);
}

START_TEST(test_virq_and_maintenance)
{
    /* guest idles in "b ."; the IRQ vector at VBAR_EL1 + 0x280 acknowledges and calls the host */
    static const uint32_t loop[] = { 0x14000000 };
    static const uint32_t vec[] = { 0xD538CC00 /* mrs x0, icc_iar1_el1 */, 0xD4000002 };
    guest(GCODE, loop, 1);
    guest(0x2000 + 0x280, vec, 2);
    lasrm();
    set_hcr((1ull << 31) | (1ull << 34) | (1ull << 4) | (1ull << 3));        /* RW E2H IMO FMO */
    cpu.gr[5] = 0x2000;
    rie_h(0x99, 5, 2, 0xC600, 0);                                             /* VBAR_EL1 */
    st_be64(m + SD + SD_PSTATE, 0x345);                                       /* EL1h, IRQs unmasked */
    st_be64(m + SD + SD_ICH_HCR, 1);                                          /* En */
    st_be64(m + SD + SD_ICH_VMCR, (0xF8ull << 24) | 2);                       /* VPMR, VENG1 */
    st_be64(m + SD + SD_ICH_LR(0), (1ull << 62) | (1ull << 60) | (0x80ull << 48) | 40);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), 0x2000 + 0x280 + 8);
    ck_assert_uint_eq(ld_be64(m + SD + SD_GPR(0)), 40);                       /* the vINTID */
    ck_assert_uint_eq(ld_be64(m + SD + SD_ICH_LR(0)) >> 62, 2);               /* now active */
    ck_assert_uint_eq(ld_be64(m + SD + SD_ICH_AP1R0), 1u << 16);
    rie_h(0x9B, 6, 2, 0xC201, 0);                                             /* ELR_EL1 */
    ck_assert_uint_eq(cpu.gr[6], GCODE);
    /* maintenance: underflow with at most one valid LR, checked at entry */
    st_be64(m + SD + SD_ICH_HCR, 1 | 2);                                      /* En, UIE */
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_MAINTENANCE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_MNT_MISR), 2);                      /* U */
    ck_assert_uint_eq(ld_be64(m + SD + SD_MNT_ELRSR), 0xE);
}
END_TEST

START_TEST(test_timer_hw_link)
{
    static const uint32_t loop[] = { 0x14000000 };
    guest(GCODE, loop, 1);
    lasrm();
    st_be32(m + SD + SD_CNTV_CTL, CNT_CTL_ENABLE);
    st_be64(m + SD + SD_ICH_HCR, 1);
    /* the host injected the virtual timer through an LR with HW = 1, pINTID 27: no interception;
     * SAE then ends only through a host interruption (here the clock comparator) */
    st_be64(m + SD + SD_ICH_LR(1), (1ull << 62) | (1ull << 61) | (1ull << 60) | (27ull << 32) | 27);
    cpu.cr[0] |= CR0_CKC;
    s390_set_ckc(&cpu, s390_tod_now(&cpu) + 4096 * 5);                        /* 5 us */
    s390_load_psw(&cpu, cpu.psw.mask | PSW_MASK_EXT, at);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SPURIOUS);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), 0);
    ck_assert_uint_eq(ld_be32(m + SD + SD_CNTV_CTL), CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}
END_TEST

START_TEST(test_tid3_trap)
{
    /* mrs x0, id_aa64pfr0_el1 under HCR_EL2.TID3: EC 0x18, PC at the MRS, ISS with the encoding */
    static const uint32_t g[] = { 0xD5380400, 0xD4000002 };
    guest(GCODE, g, 2);
    lasrm();
    set_hcr((1ull << 31) | (1ull << 34) | (1ull << 18));
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    uint64_t esr = ld_be64(m + SD + SD_TRAP_ESR_ELZ);
    ck_assert_uint_eq(esr >> 26, 0x18);
    ck_assert_uint_eq(esr & 0x1FFFFFF, 0x300009);       /* Op0 3, CRm 4, Rt 0, read */
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_TRAP_FAR_ELZ), 0);
    /* without TID3 the guest reads the model value */
    set_hcr((1ull << 31) | (1ull << 34));
    sae();
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_ESR_ELZ) >> 26, 0x16);
    ck_assert_uint_eq(ld_be64(m + SD + SD_GPR(0)), arm64_model_qaaf_value(0x22));
}
END_TEST

START_TEST(test_s1ptw_limit)
{
    /* Guest MMU on, TTBR0 table above the limit: the first descriptor read of the instruction
     * fetch's walk ends SAE with 0x06, S1PTW = 1 and gltl = the table level (1 for T0SZ 25). */
    lasrm();
    cpu.gr[5] = 0x00C50079;                                   /* SCTLR_EL1.M = 1 */
    rie_h(0x99, 5, 2, 0xC080, 0);
    cpu.gr[5] = 25 | (1u << 23);                              /* TCR_EL1: T0SZ 25, 4 KiB, EPD1 */
    rie_h(0x99, 5, 2, 0xC102, 0);
    cpu.gr[5] = 0x200000;                                     /* TTBR0_EL1 */
    rie_h(0x99, 5, 2, 0xC100, 0);
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_GUEST_ADDRESS_SIZE);
    uint64_t esr = ld_be64(m + SD + SD_HAI_ESR_ELZ);
    ck_assert_uint_eq(esr >> 26, 0x20);                       /* walk for an instruction fetch */
    ck_assert_uint_eq(esr & (1u << 7), 1u << 7);              /* S1PTW */
    ck_assert_uint_eq(esr & 0x3F, 0);                         /* address size, level 0 */
    ck_assert_uint_eq(m[SD + SD_HAI_GLTL], 1);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_FAR_ELZ), GCODE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_HAI_TEID), 0x200000 | (2u << 10));
    ck_assert_uint_eq(ld_be16(m + SD + SD_HAI_PIC), 0);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE);
}
END_TEST

START_TEST(test_wfe_event_and_twi)
{
    /* The event register is set at entry (MD-34): the first WFE completes, the second waits. */
    static const uint32_t g[] = { 0xD503205F, 0xD503205F, 0xD503207F /* wfi */ };
    guest(GCODE, g, 3);
    lasrm();
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SPURIOUS);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), SAE_WIP_WFE);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);
    /* WFI under HCR_EL2.TWI: EC 0x01 with TI = 0, PC at the WFI */
    set_hcr((1ull << 31) | (1ull << 34) | (1ull << 13));
    sae();
    ck_assert_uint_eq(m[SD + SD_ICPTR], SAE_ICPT_SYNCHRONOUS_EXCEPTION);
    uint64_t esr = ld_be64(m + SD + SD_TRAP_ESR_ELZ);
    ck_assert_uint_eq(esr >> 26, 0x01);
    ck_assert_uint_eq(esr & 3, 0);
    ck_assert_uint_eq(ld_be64(m + SD + SD_PC), GCODE + 8);
    ck_assert_uint_eq(ld_be32(m + SD + SD_WIP), 0);
}
END_TEST

/* A register/flag/sysreg-heavy guest loop; returns after HVC. */
static const uint32_t mix[] = {
    0x9B020C00,   /* loop: madd x0, x0, x2, x3 */
    0xCAC01C84,   /* eor  x4, x4, x0, ror #7 */
    0x8B0400A5,   /* add  x5, x5, x4 */
    0xD518D080,   /* msr  tpidr_el1, x0 */
    0xF1000421,   /* subs x1, x1, #1 */
    0x54FFFF61,   /* b.ne loop */
    0xD4000002,   /* hvc  #0 */
};

struct mix_result { uint64_t x0, x4, x5, tpidr, pc; unsigned exits; };

static struct mix_result run_mix(uint64_t ckc_period_tod)
{
    guest(GCODE, mix, 7);
    st_be64(m + SD + SD_GPR(1), 20000);
    st_be64(m + SD + SD_GPR(2), 6364136223846793005ull);
    st_be64(m + SD + SD_GPR(3), 1442695040888963407ull);
    st_be64(m + SD + SD_GPR(0), 1);
    lasrm();
    struct mix_result r = { 0, 0, 0, 0, 0, 0 };
    if (ckc_period_tod) {
        cpu.cr[0] |= CR0_CKC;
        s390_load_psw(&cpu, cpu.psw.mask | PSW_MASK_EXT, at);
    }
    if (ckc_period_tod)
        s390_set_ckc(&cpu, s390_tod_now(&cpu) + ckc_period_tod);
    for (;;) {
        sae();
        uint8_t icptr = m[SD + SD_ICPTR];
        if (icptr != SAE_ICPT_SPURIOUS) {
            ck_assert_uint_eq(icptr, SAE_ICPT_SYNCHRONOUS_EXCEPTION);
            break;
        }
        r.exits++;
        ck_assert_uint_lt(r.exits, 100000);
        /* the host "takes" the interruption: re-arm the comparator so it is no longer pending */
        ck_assert(ckc_period_tod != 0);
        s390_set_ckc(&cpu, s390_tod_now(&cpu) + ckc_period_tod);
        if (r.exits % 3 == 0) {                 /* unload and reload the context in between */
            rre(0xB9A7, 2);
            lasrm();
        }
    }
    r.x0 = ld_be64(m + SD + SD_GPR(0));
    r.x4 = ld_be64(m + SD + SD_GPR(4));
    r.x5 = ld_be64(m + SD + SD_GPR(5));
    r.pc = ld_be64(m + SD + SD_PC);
    rie_h(0x9B, 6, 2, 0xC684, 0);
    r.tpidr = cpu.gr[6];
    return r;
}

START_TEST(test_state_survives_exits)
{
    struct mix_result a = run_mix(0);
    ck_assert_uint_eq(a.exits, 0);
    ck_assert_uint_eq(a.pc, GCODE + 7 * 4);
    ck_assert_uint_eq(a.tpidr, a.x0);
    teardown();
    setup();
    struct mix_result b = run_mix(4096 * 3);   /* a clock-comparator interruption every 3 us */
    ck_assert_uint_gt(b.exits, 30);            /* ~120 us of guest time at 1 ns per instruction */
    ck_assert_uint_eq(b.x0, a.x0);
    ck_assert_uint_eq(b.x4, a.x4);
    ck_assert_uint_eq(b.x5, a.x5);
    ck_assert_uint_eq(b.tpidr, a.tpidr);
    ck_assert_uint_eq(b.pc, a.pc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-glue");
    TCase *tc = tcase_create("glue");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_qaaf_and_ptff);
    tcase_add_test(tc, test_not_installed);
    tcase_add_test(tc, test_validity_without_lasrm);
    tcase_add_test(tc, test_hvc_roundtrip);
    tcase_add_test(tc, test_limit_and_wfi_and_timer);
    tcase_add_test(tc, test_vregs_mapping);
    tcase_add_test(tc, test_stage2_miss_fetch);
    tcase_add_test(tc, test_virq_and_maintenance);
    tcase_add_test(tc, test_timer_hw_link);
    tcase_add_test(tc, test_state_survives_exits);
    tcase_add_test(tc, test_tid3_trap);
    tcase_add_test(tc, test_s1ptw_limit);
    tcase_add_test(tc, test_wfe_event_and_twi);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
