/* Decode table and disassembly of SAE, LASRM, STIASRM, QAAF (RRE) and SASR, EASR (RIE-h)
 * (sae-architecture §3.2-§3.6). RRE: B9 xx 00 R1<<4|R2 (bits 16-23 and R2 ignored, MD-6).
 * RIE-h: ED, R1<<4, R3<<4|I2>>12, (I2>>4)&0xFF, (I2&0xF)<<4|M4, 99/9B (bits 12-15 ignored). */
#include "sae/insn_names.h"

#include <stdio.h>

#include "sae/regids.h"

const struct sae_insn_desc sae_insns[SAE_INSN_COUNT] = {
    [SAE_INSN_SAE] = { 0xB9A5, "sae", SAE_FMT_RRE, 4,
        SAE_IF_PRIV | SAE_IF_RD_R1 | SAE_IF_MEM_RD | SAE_IF_MEM_WR | SAE_IF_ENDS_BLOCK | SAE_IF_RD_VR,
        "Start Arm Execution" },
    [SAE_INSN_LASRM] = { 0xB9A6, "lasrm", SAE_FMT_RRE, 4,
        SAE_IF_PRIV | SAE_IF_RD_R1 | SAE_IF_MEM_RD | SAE_IF_ENDS_BLOCK,
        "Load Arm System Register Multiple" },
    [SAE_INSN_STIASRM] = { 0xB9A7, "stiasrm", SAE_FMT_RRE, 4,
        SAE_IF_PRIV | SAE_IF_RD_R1 | SAE_IF_MEM_WR | SAE_IF_ENDS_BLOCK,
        "Store and Invalidate Arm System Register Multiple" },
    [SAE_INSN_QAAF] = { 0xB9AD, "qaaf", SAE_FMT_RRE, 4,
        SAE_IF_PRIV | SAE_IF_RD_R1 | SAE_IF_RD_GR0 | SAE_IF_MEM_WR,
        "Query Available Arm Features" },
    [SAE_INSN_SASR] = { 0xED99, "sasr", SAE_FMT_RIE_H, 6,
        SAE_IF_PRIV | SAE_IF_RD_R1 | SAE_IF_RD_R3 | SAE_IF_MEM_RD | SAE_IF_MEM_WR,
        "Set Arm System Register" },
    [SAE_INSN_EASR] = { 0xED9B, "easr", SAE_FMT_RIE_H, 6,
        SAE_IF_PRIV | SAE_IF_WR_R1 | SAE_IF_RD_R3 | SAE_IF_MEM_RD,
        "Extract Arm System Register" },
};

const struct sae_insn_desc *sae_insn_decode(const uint8_t *code, size_t len)
{
    if (len < 2)
        return NULL;
    for (unsigned i = 0; i < SAE_INSN_COUNT; i++) {
        const struct sae_insn_desc *d = &sae_insns[i];
        if (len < d->len)
            continue;
        uint16_t op = d->fmt == SAE_FMT_RRE ? (uint16_t)(code[0] << 8 | code[1])
                                            : (uint16_t)(code[0] << 8 | code[5]);
        if (op == d->opcode)
            return d;
    }
    return NULL;
}

void sae_insn_fields(const struct sae_insn_desc *d, const uint8_t *code, struct sae_insn_fields *f)
{
    if (d->fmt == SAE_FMT_RRE) {
        f->r1 = code[3] >> 4;
        f->r3 = 0;
        f->i2 = 0;
        f->m4 = 0;
    } else {
        f->r1 = code[1] >> 4;
        f->r3 = code[2] >> 4;
        f->i2 = (uint16_t)((code[2] & 0xF) << 12 | code[3] << 4 | code[4] >> 4);
        f->m4 = code[4] & 0xF;
    }
}

unsigned sae_disas(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen)
{
    (void)addr;
    const struct sae_insn_desc *d = sae_insn_decode(code, len);
    if (!d)
        return 0;
    struct sae_insn_fields f;
    sae_insn_fields(d, code, &f);
    if (d->fmt == SAE_FMT_RRE) {
        snprintf(out, outlen, "%s %%r%u", d->mnemonic, f.r1);
    } else {
        const char *name = sae_regid_name(f.i2);
        if (name)
            snprintf(out, outlen, "%s %%r%u,%%r%u,%s,%u", d->mnemonic, f.r1, f.r3, name, f.m4);
        else
            snprintf(out, outlen, "%s %%r%u,%%r%u,0x%04x,%u", d->mnemonic, f.r1, f.r3, f.i2, f.m4);
    }
    return d->len;
}
