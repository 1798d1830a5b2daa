/* Disassembly: a per-architecture hook (saesim's own decode tables) first, then Capstone 4.
 * Capstone handles are opened on first use so a run without -d in_asm never pays for them. */
#include "core/disas.h"

#include <capstone/capstone.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/endian.h"

struct disas_state {
    csh handle;
    bool opened, failed;
    disas_hook_fn hook;
};

static struct disas_state state[2];

void disas_set_hook(enum disas_arch arch, disas_hook_fn fn)
{
    state[arch == DISAS_S390X].hook = fn;
}

static csh *get_handle(enum disas_arch arch)
{
    struct disas_state *s = &state[arch == DISAS_S390X];
    if (s->opened)
        return &s->handle;
    if (s->failed)
        return NULL;
    cs_err rc = arch == DISAS_S390X ? cs_open(CS_ARCH_SYSZ, CS_MODE_BIG_ENDIAN, &s->handle)
                                    : cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &s->handle);
    if (rc != CS_ERR_OK) {
        s->failed = true;
        return NULL;
    }
    s->opened = true;
    return &s->handle;
}

/* z/Architecture instruction length from the two leftmost opcode bits (PoP ch. 5, "Instruction
 * Format"): 00 -> one halfword, 01 or 10 -> two, 11 -> three. */
static unsigned s390_ilen(uint8_t op0)
{
    static const unsigned len[4] = { 2, 4, 4, 6 };
    return len[op0 >> 6];
}

static void fmt_bytes(char *out, size_t outlen, const uint8_t *code, size_t n)
{
    size_t off = (size_t)snprintf(out, outlen, ".byte");
    for (size_t i = 0; i < n && off < outlen; i++)
        off += (size_t)snprintf(out + off, outlen - off, "%s0x%02x", i ? ", " : " ", code[i]);
}

unsigned disas_one(enum disas_arch arch, uint64_t addr, const uint8_t *code, size_t len,
                   char *out, size_t outlen)
{
    if (outlen == 0)
        return arch == DISAS_S390X ? (len ? s390_ilen(code[0]) : 2) : 4;
    out[0] = '\0';
    bool s390 = arch == DISAS_S390X;
    unsigned ilen = s390 ? (len ? s390_ilen(code[0]) : 2) : 4;
    size_t avail = len < ilen ? len : ilen;

    disas_hook_fn hook = state[s390].hook;
    if (hook && avail == ilen) {
        unsigned n = hook(addr, code, len, out, outlen);
        if (n)
            return n;
        out[0] = '\0';
    }

    csh *h = avail == ilen ? get_handle(arch) : NULL;
    if (h) {
        cs_insn *insn = NULL;
        size_t count = cs_disasm(*h, code, avail, addr, 1, &insn);
        if (count == 1 && insn[0].size == ilen) {
            if (insn[0].op_str[0])
                snprintf(out, outlen, "%s %s", insn[0].mnemonic, insn[0].op_str);
            else
                snprintf(out, outlen, "%s", insn[0].mnemonic);
            cs_free(insn, count);
            return ilen;
        }
        if (count)
            cs_free(insn, count);
    }

    if (!s390 && avail == 4)
        snprintf(out, outlen, ".inst 0x%08x", ld_le32(code));
    else
        fmt_bytes(out, outlen, code, avail);
    return ilen;
}

void disas_shutdown(void)
{
    for (int i = 0; i < 2; i++) {
        if (state[i].opened)
            cs_close(&state[i].handle);
        state[i].opened = false;
        state[i].failed = false;
    }
}
