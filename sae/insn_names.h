/* The six SAE-facility opcodes as data (sae-architecture §1.4, §3) with per-instruction metadata
 * for the decoder, tracer and debugger, and their disassembly in the core/disas.h hook form. */
#ifndef SAE_INSN_NAMES_H
#define SAE_INSN_NAMES_H

#include <stddef.h>
#include <stdint.h>

enum sae_insn_fmt { SAE_FMT_RRE, SAE_FMT_RIE_H };

/* Metadata flags. */
#define SAE_IF_PRIV       0x0001u  /* privileged (MD-1) */
#define SAE_IF_RD_R1      0x0002u  /* reads GR R1 */
#define SAE_IF_WR_R1      0x0004u  /* writes GR R1 (EASR) */
#define SAE_IF_RD_R3      0x0008u  /* reads GR R3 (SASR/EASR) */
#define SAE_IF_RD_GR0     0x0010u  /* reads GR0 (QAAF) */
#define SAE_IF_MEM_RD     0x0020u  /* fetches from storage */
#define SAE_IF_MEM_WR     0x0040u  /* stores to storage */
#define SAE_IF_ENDS_BLOCK 0x0080u  /* ends a translation block (SAE runs a guest; LASRM/STIASRM change
                                      the loaded context) */
#define SAE_IF_RD_VR      0x0100u  /* reads/writes VR0-VR31 (SAE: guest V registers) */

enum sae_insn_id { SAE_INSN_SAE, SAE_INSN_LASRM, SAE_INSN_STIASRM, SAE_INSN_QAAF, SAE_INSN_SASR,
                   SAE_INSN_EASR, SAE_INSN_COUNT };

struct sae_insn_desc {
    uint16_t opcode;        /* RRE: bytes 0-1 (0xB9A5); RIE-h: byte 0 << 8 | byte 5 (0xED99) */
    const char *mnemonic;
    uint8_t fmt;            /* enum sae_insn_fmt */
    uint8_t len;            /* bytes */
    uint16_t flags;
    const char *summary;
};

extern const struct sae_insn_desc sae_insns[SAE_INSN_COUNT];

/* The descriptor for the instruction at code[0..len), or NULL when it is not an SAE opcode. */
const struct sae_insn_desc *sae_insn_decode(const uint8_t *code, size_t len);

/* Fields of a decoded instruction. */
struct sae_insn_fields { unsigned r1, r3, m4; uint16_t i2; };
void sae_insn_fields(const struct sae_insn_desc *d, const uint8_t *code, struct sae_insn_fields *f);

/* disas_hook_fn (core/disas.h): "sae %r2", "sasr %r2,%r3,SAE_HCR_EL2,0" ... Returns the length, or 0
 * when the bytes are not an SAE-family instruction (the caller then tries Capstone). */
unsigned sae_disas(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen);

#endif
