/* The FAKE debug target (see fake_target.h): enough of a machine to test the debug shell, the
 * gdbstub and the trace tools against known behaviour, with real encodings so Capstone and gdb agree. */
#include "tests/tools/fake_target.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/endian.h"
#include "core/fdt_builder.h"

/* _start:  movz x0, #5 ; movz x1, #0x4000, lsl #16 ; add x1, x1, #0x800 ; movz x3, #3
 * loop:    add x0, x0, #1 ; str x0, [x1] ; ldr x2, [x1, #8] ; hvc #4 ; sub x3, x3, #1 ;
 *          cbnz x3, loop ; nop ; hlt #0 */
const uint32_t fake_arm_prog[] = {
    0xd28000a0, 0xd2a80001, 0x91200021, 0xd2800063,
    0x91000400, 0xf9000020, 0xf9400422, 0xd4000082, 0xd1000463, 0xb5ffff63, 0xd503201f, 0xd4400000,
};
const unsigned fake_arm_prog_len = sizeof(fake_arm_prog) / sizeof(fake_arm_prog[0]);

/* lghi %r1,5 ; aghi %r1,1 ; nopr %r7 ; j .-6 */
static const uint8_t s390_prog[] = { 0xa7, 0x19, 0x00, 0x05, 0xa7, 0x1b, 0x00, 0x01, 0x07, 0x07,
                                     0xa7, 0xf4, 0xff, 0xfd };

struct fake_target {
    struct dbg_target dbg;
    uint8_t mem[FAKE_MEM_SIZE];
    uint64_t arm[FA_NREGS][2];
    uint64_t s390[FS_NREGS][2];
    uint64_t icount[2];
    unsigned active;
    unsigned last_icptr;
    bool ended;
    int exit_status;
    struct symtab syms[2];
    void *dtb;
    size_t dtb_size;
};

static struct dbg_reg arm_regs[FA_NREGS];
static struct dbg_reg s390_regs[FS_NREGS];
static char reg_names[200][8];

static void init_reg_tables(void)
{
    unsigned k = 0;
    for (unsigned i = 0; i < 31; i++) {
        snprintf(reg_names[k], 8, "x%u", i);
        arm_regs[FA_X0 + i] = (struct dbg_reg){ reg_names[k++], 64, DBG_REG_GPR };
    }
    arm_regs[FA_SP] = (struct dbg_reg){ "sp", 64, DBG_REG_SP };
    arm_regs[FA_PC] = (struct dbg_reg){ "pc", 64, DBG_REG_PC };
    arm_regs[FA_CPSR] = (struct dbg_reg){ "cpsr", 32, DBG_REG_FLAGS };
    for (unsigned i = 0; i < 32; i++) {
        snprintf(reg_names[k], 8, "v%u", i);
        arm_regs[FA_V0 + i] = (struct dbg_reg){ reg_names[k++], 128, DBG_REG_VECTOR };
    }
    arm_regs[FA_FPSR] = (struct dbg_reg){ "fpsr", 32, DBG_REG_VECTOR };
    arm_regs[FA_FPCR] = (struct dbg_reg){ "fpcr", 32, DBG_REG_VECTOR };
    arm_regs[FA_SCTLR] = (struct dbg_reg){ "sctlr_el1", 64, DBG_REG_SYSREG };
    arm_regs[FA_VBAR] = (struct dbg_reg){ "vbar_el1", 64, DBG_REG_SYSREG };
    arm_regs[FA_ESR] = (struct dbg_reg){ "esr_el1", 64, DBG_REG_SYSREG };
    arm_regs[FA_ELR] = (struct dbg_reg){ "elr_el1", 64, DBG_REG_SYSREG };

    s390_regs[FS_PSWM] = (struct dbg_reg){ "pswm", 64, DBG_REG_FLAGS };
    s390_regs[FS_PSWA] = (struct dbg_reg){ "pswa", 64, DBG_REG_PC };
    for (unsigned i = 0; i < 16; i++) {
        snprintf(reg_names[k], 8, "r%u", i);
        s390_regs[FS_R0 + i] = (struct dbg_reg){ reg_names[k++], 64, DBG_REG_GPR };
        snprintf(reg_names[k], 8, "acr%u", i);
        s390_regs[FS_ACR0 + i] = (struct dbg_reg){ reg_names[k++], 32, DBG_REG_VECTOR };
        snprintf(reg_names[k], 8, "f%u", i);
        s390_regs[FS_F0 + i] = (struct dbg_reg){ reg_names[k++], 64, DBG_REG_VECTOR };
    }
    s390_regs[FS_FPC] = (struct dbg_reg){ "fpc", 32, DBG_REG_VECTOR };
    s390_regs[FS_CR0] = (struct dbg_reg){ "cr0", 64, DBG_REG_SYSREG };
}

static const char *const arm_spaces[] = { "va", "ipa", "abs" };
static const char *const s390_spaces[] = { "real", "abs", "va" };

/* Host-absolute offset of [addr, addr+len) in space, or -1. */
static int64_t map(unsigned ctx, unsigned space, uint64_t addr)
{
    uint64_t base = 0;
    if (ctx == 0 && space == 0)
        base = FAKE_ARM_VA;
    else if (ctx == 0 && space == 1)
        base = FAKE_ARM_IPA;
    if (addr < base || addr - base >= FAKE_MEM_SIZE)
        return -1;
    return (int64_t)(addr - base);
}

static size_t fk_mem_read(void *opaque, unsigned ctx, unsigned space, uint64_t addr, void *buf, size_t len)
{
    struct fake_target *f = opaque;
    size_t i;
    for (i = 0; i < len; i++) {
        int64_t off = map(ctx, space, addr + i);
        if (off < 0)
            break;
        ((uint8_t *)buf)[i] = f->mem[off];
    }
    return i;
}

static size_t fk_mem_write(void *opaque, unsigned ctx, unsigned space, uint64_t addr, const void *buf,
                           size_t len)
{
    struct fake_target *f = opaque;
    size_t i;
    for (i = 0; i < len; i++) {
        int64_t off = map(ctx, space, addr + i);
        if (off < 0)
            break;
        f->mem[off] = ((const uint8_t *)buf)[i];
    }
    return i;
}

static int fk_reg_read(void *opaque, unsigned ctx, unsigned idx, uint64_t val[2])
{
    struct fake_target *f = opaque;
    if (idx >= (ctx ? FS_NREGS : FA_NREGS))
        return -1;
    memcpy(val, ctx ? f->s390[idx] : f->arm[idx], 16);
    return 0;
}

static int fk_reg_write(void *opaque, unsigned ctx, unsigned idx, const uint64_t val[2])
{
    struct fake_target *f = opaque;
    if (idx >= (ctx ? FS_NREGS : FA_NREGS))
        return -1;
    uint64_t *r = ctx ? f->s390[idx] : f->arm[idx];
    unsigned bits = ctx ? s390_regs[idx].bits : arm_regs[idx].bits;
    r[0] = bits == 32 ? (uint32_t)val[0] : val[0];
    r[1] = bits == 128 ? val[1] : 0;
    return 0;
}

static void arm_exception(struct fake_target *f, uint64_t esr, uint64_t vec_off, uint64_t ret,
                          struct dbg_stop *st, const char *what)
{
    f->arm[FA_ESR][0] = esr;
    f->arm[FA_ELR][0] = ret;
    f->arm[FA_CPSR][0] = 0x3c5;  /* EL1h, DAIF masked */
    f->arm[FA_PC][0] = f->arm[FA_VBAR][0] + vec_off;
    st->kind = DBG_STOP_EXCEPTION;
    snprintf(st->text, sizeof(st->text), "%s to EL1, ESR 0x%08" PRIx64, what, esr);
}

/* One A64 instruction. set may be NULL (plain step: no watchpoints). */
static void arm_exec(struct fake_target *f, const struct dbg_stopset *set, struct dbg_stop *st)
{
#define X(n) f->arm[n][0]
    uint64_t pc = X(FA_PC);
    int64_t off = map(0, 0, pc);
    st->ctx = 0;
    st->kind = DBG_STOP_STEP;
    if (off < 0 || off + 4 > FAKE_MEM_SIZE) {
        arm_exception(f, 0x86000000, 0x200, pc, st, "instruction abort");
        f->icount[0]++;
        return;
    }
    uint32_t insn = ld_le32(f->mem + off);
    unsigned rd = insn & 31, rn = (insn >> 5) & 31;
    uint64_t next = pc + 4;
    f->icount[0]++;
    if ((insn & 0xff800000) == 0xd2800000) {          /* MOVZ Xd, #imm16, LSL #hw*16 */
        unsigned hw = (insn >> 21) & 3;
        X(rd) = (uint64_t)((insn >> 5) & 0xffff) << (16 * hw);
    } else if ((insn & 0xff000000) == 0x91000000 || (insn & 0xff000000) == 0xd1000000) { /* ADD/SUB imm */
        uint64_t imm = (insn >> 10) & 0xfff;
        if (insn & (1u << 22))
            imm <<= 12;
        uint64_t a = rn == 31 ? X(FA_SP) : X(rn);
        uint64_t r = (insn & 0x40000000) ? a - imm : a + imm;
        if (rd == 31)
            X(FA_SP) = r;
        else
            X(rd) = r;
    } else if ((insn & 0xffc00000) == 0xf9000000 || (insn & 0xffc00000) == 0xf9400000) { /* STR/LDR X */
        bool load = insn & (1u << 22);
        uint64_t ea = (rn == 31 ? X(FA_SP) : X(rn)) + (((insn >> 10) & 0xfff) << 3);
        int64_t moff = map(0, 0, ea);
        if (moff < 0 || moff + 8 > FAKE_MEM_SIZE) {
            arm_exception(f, 0x96000000, 0x200, pc, st, "data abort");
            return;
        }
        if (load) {
            if (rd != 31)
                X(rd) = ld_le64(f->mem + moff);
        } else {
            st_le64(f->mem + moff, rd == 31 ? 0 : X(rd));
        }
        const struct dbg_watchpoint *w = set ? dbg_stopset_wp(set, 0, ea, 8, !load) : NULL;
        if (w) {
            st->kind = DBG_STOP_WATCHPOINT;
            st->addr = ea;
            st->write = !load;
        }
    } else if ((insn & 0xfc000000) == 0x14000000) {   /* B */
        int64_t imm = (int64_t)((uint64_t)(insn & 0x03ffffff) << 38) >> 36;
        next = pc + (uint64_t)imm;
    } else if ((insn & 0xff000000) == 0xb5000000) {   /* CBNZ X */
        int64_t imm = (int64_t)((uint64_t)((insn >> 5) & 0x7ffff) << 45) >> 43;
        if (X(rd))
            next = pc + (uint64_t)imm;
    } else if (insn == 0xd503201f) {                  /* NOP */
    } else if ((insn & 0xffe0001f) == 0xd4000001) {   /* SVC */
        arm_exception(f, 0x56000000 | ((insn >> 5) & 0xffff), 0x400, next, st, "SVC");
        return;
    } else if ((insn & 0xffe0001f) == 0xd4000002) {   /* HVC: the fake's "SAE exit" */
        f->last_icptr = (insn >> 5) & 0xffff;
        X(FA_PC) = next;
        if (!set || dbg_stopset_sae(set, f->last_icptr)) {
            st->kind = DBG_STOP_SAE_EXIT;
            st->icptr = f->last_icptr;
            snprintf(st->text, sizeof(st->text), "(fake HVC #%u)", f->last_icptr);
        }
        return;
    } else if ((insn & 0xffe0001f) == 0xd4400000) {   /* HLT: guest end */
        f->ended = true;
        f->exit_status = (insn >> 5) & 0xffff;
        st->kind = DBG_STOP_GUEST_END;
        st->exit_status = f->exit_status;
        snprintf(st->text, sizeof(st->text), "HLT");
        X(FA_PC) = next;
        return;
    } else {
        arm_exception(f, 0x02000000, 0x200, pc, st, "UNDEFINED instruction");
        return;
    }
    X(FA_PC) = next;
#undef X
}

static void s390_exec(struct fake_target *f, struct dbg_stop *st)
{
    uint64_t pc = f->s390[FS_PSWA][0];
    st->ctx = 1;
    st->kind = DBG_STOP_STEP;
    if (pc + 6 > FAKE_MEM_SIZE) {
        st->kind = DBG_STOP_EXCEPTION;
        snprintf(st->text, sizeof(st->text), "addressing exception");
        return;
    }
    const uint8_t *p = f->mem + pc;
    f->icount[1]++;
    unsigned r1 = p[1] >> 4;
    uint64_t *r = &f->s390[FS_R0 + r1][0];
    int16_t i2 = (int16_t)ld_be16(p + 2);
    if (p[0] == 0xa7 && (p[1] & 15) == 9) {            /* LGHI */
        *r = (uint64_t)(int64_t)i2;
        pc += 4;
    } else if (p[0] == 0xa7 && (p[1] & 15) == 11) {    /* AGHI (condition code not modelled) */
        *r += (uint64_t)(int64_t)i2;
        pc += 4;
    } else if (p[0] == 0xa7 && (p[1] & 15) == 4) {     /* BRC: the fake takes it when M1 = 15 */
        pc = r1 == 15 ? pc + (uint64_t)((int64_t)i2 * 2) : pc + 4;
    } else if (p[0] == 0x07 && (p[1] >> 4) == 0) {     /* BCR 0,R2: no branch */
        pc += 2;
    } else {
        st->kind = DBG_STOP_EXCEPTION;
        snprintf(st->text, sizeof(st->text), "operation exception at 0x%" PRIx64, pc);
        return;
    }
    f->s390[FS_PSWA][0] = pc;
}

static void fk_step(void *opaque, unsigned ctx, struct dbg_stop *st)
{
    struct fake_target *f = opaque;
    if (f->ended) {
        st->kind = DBG_STOP_GUEST_END;
        st->exit_status = f->exit_status;
        return;
    }
    if (ctx == 0)
        arm_exec(f, NULL, st);
    else
        s390_exec(f, st);
}

static void fk_run(void *opaque, const struct dbg_stopset *set, struct dbg_stop *st)
{
    struct fake_target *f = opaque;
    unsigned ctx = f->active;
    uint64_t n = 0;
    st->ctx = ctx;
    for (;;) {
        if (f->ended) {
            st->kind = DBG_STOP_GUEST_END;
            st->exit_status = f->exit_status;
            return;
        }
        if (dbg_stopset_interrupted(set)) {
            st->kind = DBG_STOP_INTERRUPT;
            return;
        }
        if (set->max_insns && n == set->max_insns) {
            st->kind = DBG_STOP_LIMIT;
            return;
        }
        uint64_t pc = ctx ? f->s390[FS_PSWA][0] : f->arm[FA_PC][0];
        if (n > 0 && dbg_stopset_bp(set, ctx, pc)) {
            st->kind = DBG_STOP_BREAKPOINT;
            st->addr = pc;
            return;
        }
        if (ctx == 0)
            arm_exec(f, set, st);
        else
            s390_exec(f, st);
        n++;
        if (st->kind != DBG_STOP_STEP && !(st->kind == DBG_STOP_EXCEPTION && ctx == 0))
            return;
    }
}

static uint64_t fk_insn_count(void *opaque, unsigned ctx)
{
    return ((struct fake_target *)opaque)->icount[ctx];
}

static int fk_text(void *opaque, unsigned ctx, enum dbg_text what, uint64_t arg, char *buf, size_t len)
{
    struct fake_target *f = opaque;
    switch (what) {
    case DBG_TEXT_FLAGS:
        if (ctx == 0) {
            /* SPSR format (Arm ARM C5.2.18): M[3:2] = EL, M[0] = SP select, N Z C V in 31:28. */
            uint32_t c = (uint32_t)f->arm[FA_CPSR][0];
            snprintf(buf, len, "cpsr: EL%u%c NZCV=%u%u%u%u DAIF=%u%u%u%u", (c >> 2) & 3, c & 1 ? 'h' : 't',
                     c >> 31, (c >> 30) & 1, (c >> 29) & 1, (c >> 28) & 1, (c >> 9) & 1, (c >> 8) & 1,
                     (c >> 7) & 1, (c >> 6) & 1);
        } else {
            snprintf(buf, len, "psw: mask 0x%016" PRIx64 " addr 0x%016" PRIx64, f->s390[FS_PSWM][0],
                     f->s390[FS_PSWA][0]);
        }
        return 0;
    case DBG_TEXT_SAE:
        snprintf(buf, len, "fake SAE block\n  icptr  0x%02x (last intercept)\n", f->last_icptr);
        return 0;
    case DBG_TEXT_TLB:
        snprintf(buf, len, "fake TLB: 0 entries");
        return 0;
    case DBG_TEXT_XLATE:
        if (ctx != 0)
            return -1;
        if (map(0, 0, arg) < 0)
            snprintf(buf, len, "va 0x%016" PRIx64 ": translation fault (level 0)", arg);
        else
            snprintf(buf, len, "va 0x%016" PRIx64 " -> ipa 0x%016" PRIx64 " -> abs 0x%016" PRIx64, arg,
                     arg - FAKE_ARM_VA + FAKE_ARM_IPA, arg - FAKE_ARM_VA);
        return 0;
    }
    return -1;
}

static const void *fk_dtb(void *opaque, size_t *size)
{
    struct fake_target *f = opaque;
    *size = f->dtb_size;
    return f->dtb;
}

static const struct dbg_target_ops fake_ops = {
    .reg_read = fk_reg_read, .reg_write = fk_reg_write, .mem_read = fk_mem_read,
    .mem_write = fk_mem_write, .step = fk_step, .run = fk_run, .insn_count = fk_insn_count,
    .text = fk_text, .dtb = fk_dtb,
};

static struct dbg_context contexts[2];

struct fake_target *fake_target_new(void)
{
    struct fake_target *f = calloc(1, sizeof(*f));
    if (!f)
        return NULL;
    init_reg_tables();
    for (unsigned i = 0; i < fake_arm_prog_len; i++)
        st_le32(f->mem + 4 * i, fake_arm_prog[i]);
    memcpy(f->mem + FAKE_S390_START, s390_prog, sizeof(s390_prog));
    f->arm[FA_PC][0] = FAKE_ARM_VA;
    f->arm[FA_SP][0] = FAKE_ARM_VA + 0x8000;
    f->arm[FA_CPSR][0] = 0x3c5;
    f->arm[FA_VBAR][0] = FAKE_ARM_VA + 0x4000;
    f->arm[FA_V0 + 1][0] = 0x1122334455667788ULL;
    f->arm[FA_V0 + 1][1] = 0x99aabbccddeeff00ULL;
    f->s390[FS_PSWM][0] = 0x0000000180000000ULL;  /* EA+BA: 64-bit addressing mode */
    f->s390[FS_PSWA][0] = FAKE_S390_START;
    for (unsigned c = 0; c < 2; c++)
        symtab_init(&f->syms[c]);
    symtab_add(&f->syms[0], "_start", FAKE_ARM_VA, 16);
    symtab_add(&f->syms[0], "loop", FAKE_ARM_VA + 16, 32);
    symtab_add(&f->syms[0], "data", FAKE_ARM_DATA, 16);
    symtab_add(&f->syms[0], "vectors", FAKE_ARM_VA + 0x4000, 0x800);
    symtab_add(&f->syms[1], "host_start", FAKE_S390_START, sizeof(s390_prog));
    symtab_finish(&f->syms[0]);
    symtab_finish(&f->syms[1]);

    struct fdt_builder b;
    char err[128];
    if (fdtb_init(&b, 4096) == 0) {
        fdtb_begin_node(&b, "");
        fdtb_prop_str(&b, "compatible", "saesim,fake");
        fdtb_prop_u32(&b, "#address-cells", 2);
        fdtb_prop_u32(&b, "#size-cells", 2);
        fdtb_begin_node(&b, "memory@40000000");
        fdtb_prop_str(&b, "device_type", "memory");
        const uint32_t reg[4] = { 0, 0x40000000, 0, FAKE_MEM_SIZE };
        fdtb_prop_cells(&b, "reg", reg, 4);
        fdtb_end_node(&b);
        fdtb_begin_node(&b, "chosen");
        fdtb_prop_str(&b, "bootargs", "console=ttyAMA0");
        fdtb_end_node(&b);
        fdtb_end_node(&b);
        if (fdtb_finish(&b, &f->dtb, &f->dtb_size, err, sizeof(err)) != 0)
            f->dtb = NULL;
    }

    contexts[0] = (struct dbg_context){ "arm", DISAS_AARCH64, arm_regs, FA_NREGS, FA_PC, arm_spaces, 3, NULL };
    contexts[1] = (struct dbg_context){ "s390", DISAS_S390X, s390_regs, FS_NREGS, FS_PSWA, s390_spaces, 3, NULL };
    f->dbg.ops = &fake_ops;
    f->dbg.opaque = f;
    f->dbg.ctx = contexts;
    f->dbg.nctx = 2;
    contexts[0].syms = &f->syms[0];
    contexts[1].syms = &f->syms[1];
    return f;
}

void fake_target_free(struct fake_target *f)
{
    if (!f)
        return;
    symtab_destroy(&f->syms[0]);
    symtab_destroy(&f->syms[1]);
    free(f->dtb);
    free(f);
}

struct dbg_target *fake_target_dbg(struct fake_target *f)
{
    return &f->dbg;
}

void fake_target_set_active(struct fake_target *f, unsigned ctx)
{
    f->active = ctx;
}

uint8_t *fake_target_mem(struct fake_target *f)
{
    return f->mem;
}
