/* Decoder: format field extraction (PoP ch. 5 "Instruction Formats") and the merged opcode lookup. */
#include "s390/decode.h"

#include <stdio.h>
#include <string.h>

#include "core/disas.h"

/* Where the extended opcode lives, by first opcode byte (PoP appendix B): none, the whole second
 * byte (E/RRE/RRF/S/SIL/SSE), bits 12-15 (RI/RIL/SSF), or byte 5 (RXE/RXF/RXY/RSY/RIE/RIS/RRS/SIY/V*). */
enum ext_kind { EXT_NONE, EXT_BYTE1, EXT_NIBBLE, EXT_BYTE5 };

static enum ext_kind ext_kind_of(uint8_t op)
{
    switch (op) {
    case 0x01: case 0xB2: case 0xB3: case 0xB9: case 0xE5:
        return EXT_BYTE1;
    case 0xA5: case 0xA7: case 0xC0: case 0xC2: case 0xC4: case 0xC6: case 0xC8: case 0xCC:
        return EXT_NIBBLE;
    case 0xE3: case 0xE7: case 0xEB: case 0xEC: case 0xED:
        return EXT_BYTE5;
    default:
        return EXT_NONE;
    }
}

uint16_t s390_opcode_key(const uint8_t *code)
{
    uint8_t op = code[0];
    switch (ext_kind_of(op)) {
    case EXT_BYTE1: return (uint16_t)(op << 8 | code[1]);
    case EXT_NIBBLE: return (uint16_t)(op << 8 | (code[1] & 0x0F));
    case EXT_BYTE5: return (uint16_t)(op << 8 | code[5]);
    default: return (uint16_t)(op << 8);
    }
}

static const struct s390_insn *lookup[65536];
static bool initialised;
static unsigned generation = 1;

unsigned s390_decode_generation(void) { return generation; }

#define MAX_REGISTERED 16
static struct { const struct s390_insn *rows; size_t n; } registered[MAX_REGISTERED];
static size_t nregistered;

static void add_rows(const struct s390_insn *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        lookup[rows[i].opcode] = &rows[i];
}

void s390_decode_init(void)
{
    if (initialised)
        return;
    add_rows(s390_insns_general, s390_insns_general_count);
    add_rows(s390_insns_branch, s390_insns_branch_count);
    add_rows(s390_insns_string, s390_insns_string_count);
    add_rows(s390_insns_fp, s390_insns_fp_count);
    add_rows(s390_insns_vector, s390_insns_vector_count);
    add_rows(s390_insns_vfp, s390_insns_vfp_count);
    add_rows(s390_insns_cond, s390_insns_cond_count);
    add_rows(s390_insns_control, s390_insns_control_count);
    for (size_t i = 0; i < nregistered; i++)
        add_rows(registered[i].rows, registered[i].n);
    initialised = true;
}

/* The extension position a format implies, to validate registered rows. */
static bool fmt_matches_kind(enum s390_fmt f, enum ext_kind k)
{
    switch (f) {
    case FMT_E: case FMT_RRE: case FMT_RRFa: case FMT_RRFb: case FMT_RRFc: case FMT_RRFd:
    case FMT_RRFe: case FMT_S: case FMT_SIL: case FMT_SSE:
        return k == EXT_BYTE1;
    case FMT_RIa: case FMT_RIb: case FMT_RIc: case FMT_RILa: case FMT_RILb: case FMT_RILc: case FMT_SSF:
        return k == EXT_NIBBLE;
    case FMT_RXE: case FMT_RXF: case FMT_RXYa: case FMT_RXYb: case FMT_RSYa: case FMT_RSYb:
    case FMT_RIEa: case FMT_RIEb: case FMT_RIEc: case FMT_RIEd: case FMT_RIEe: case FMT_RIEf:
    case FMT_RIEg: case FMT_RIEh: case FMT_RIS: case FMT_RRS: case FMT_SIY:
    case FMT_VRIa: case FMT_VRIb: case FMT_VRIc: case FMT_VRId: case FMT_VRIe: case FMT_VRRa:
    case FMT_VRRb: case FMT_VRRc: case FMT_VRRd: case FMT_VRRe: case FMT_VRRf: case FMT_VRSa:
    case FMT_VRSb: case FMT_VRSc: case FMT_VRV: case FMT_VRX:
        return k == EXT_BYTE5;
    default:
        return k == EXT_NONE;
    }
}

int s390_register_insn(const struct s390_insn *rows, size_t n)
{
    if (nregistered >= MAX_REGISTERED)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!fmt_matches_kind(rows[i].fmt, ext_kind_of((uint8_t)(rows[i].opcode >> 8))))
            return -1;
    registered[nregistered].rows = rows;
    registered[nregistered].n = n;
    nregistered++;
    if (initialised)
        add_rows(rows, n);
    generation++;
    return 0;
}

const struct s390_insn *s390_lookup(uint16_t key)
{
    if (!initialised)
        s390_decode_init();
    return lookup[key];
}

/* Field of `len` bits starting at IBM bit `pos` of the 48-bit left-justified instruction. */
#define FLD(pos, len) ((unsigned)((raw >> (48 - (pos) - (len))) & ((1ULL << (len)) - 1)))

static int32_t sext(uint64_t v, unsigned bits)
{
    return (int32_t)((int64_t)(v << (64 - bits)) >> (64 - bits));
}

static void decode_fields(enum s390_fmt f, uint64_t raw, struct s390_args *a)
{
    unsigned rxb = FLD(36, 4);
#define V(pos, bit) ((uint8_t)(FLD(pos, 4) | (((rxb >> (3 - (bit))) & 1) << 4)))
#define DL20 (sext((uint64_t)FLD(32, 8) << 12 | FLD(20, 12), 20))
    switch (f) {
    case FMT_E:
        break;
    case FMT_I:
        a->i2 = FLD(8, 8);
        break;
    case FMT_RR:
        a->r1 = FLD(8, 4); a->r2 = FLD(12, 4);
        break;
    case FMT_RRE:
        a->r1 = FLD(24, 4); a->r2 = FLD(28, 4);
        break;
    case FMT_RRFa: case FMT_RRFb: case FMT_RRFc: case FMT_RRFd: case FMT_RRFe:
        a->r3 = FLD(16, 4); a->m3 = FLD(16, 4); a->m4 = FLD(20, 4);
        a->r1 = FLD(24, 4); a->r2 = FLD(28, 4);
        break;
    case FMT_RXa: case FMT_RXb:
        a->r1 = FLD(8, 4); a->x2 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12);
        break;
    case FMT_RXE:
        a->r1 = FLD(8, 4); a->x2 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12);
        a->m3 = FLD(32, 4);
        break;
    case FMT_RXF:
        a->r3 = FLD(8, 4); a->x2 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12);
        a->r1 = FLD(32, 4);
        break;
    case FMT_RXYa: case FMT_RXYb:
        a->r1 = FLD(8, 4); a->x2 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = DL20;
        break;
    case FMT_RSa: case FMT_RSb:
        a->r1 = FLD(8, 4); a->r3 = FLD(12, 4); a->m3 = FLD(12, 4); a->b2 = FLD(16, 4);
        a->d2 = (int32_t)FLD(20, 12);
        break;
    case FMT_RSYa: case FMT_RSYb:
        a->r1 = FLD(8, 4); a->r3 = FLD(12, 4); a->m3 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = DL20;
        break;
    case FMT_RSI:
        a->r1 = FLD(8, 4); a->r3 = FLD(12, 4); a->i2 = FLD(16, 16);
        break;
    case FMT_RIa: case FMT_RIb: case FMT_RIc:
        a->r1 = FLD(8, 4); a->i2 = FLD(16, 16);
        break;
    case FMT_RIEa:
        a->r1 = FLD(8, 4); a->i2 = FLD(16, 16); a->m3 = FLD(32, 4);
        break;
    case FMT_RIEb:
        a->r1 = FLD(8, 4); a->r2 = FLD(12, 4); a->i4 = FLD(16, 16); a->m3 = FLD(32, 4);
        break;
    case FMT_RIEc:
        a->r1 = FLD(8, 4); a->m3 = FLD(12, 4); a->i4 = FLD(16, 16); a->i2 = FLD(32, 8);
        break;
    case FMT_RIEd: case FMT_RIEe:
        a->r1 = FLD(8, 4); a->r3 = FLD(12, 4); a->i2 = FLD(16, 16);
        break;
    case FMT_RIEf:
        a->r1 = FLD(8, 4); a->r2 = FLD(12, 4); a->i3 = FLD(16, 8); a->i4 = FLD(24, 8); a->i5 = FLD(32, 8);
        break;
    case FMT_RIEg:
        a->r1 = FLD(8, 4); a->m3 = FLD(12, 4); a->i2 = FLD(16, 16);
        break;
    case FMT_RIEh: /* sae-architecture 3.5: R1 8-11, (12-15 ignored), R3 16-19, I2 20-35, M4 36-39 */
        a->r1 = FLD(8, 4); a->r3 = FLD(16, 4); a->i2 = FLD(20, 16); a->m4 = FLD(36, 4);
        break;
    case FMT_RILa: case FMT_RILb: case FMT_RILc:
        a->r1 = FLD(8, 4); a->i2 = FLD(16, 32);
        break;
    case FMT_RIS:
        a->r1 = FLD(8, 4); a->m3 = FLD(12, 4); a->b4 = FLD(16, 4); a->d4 = (int32_t)FLD(20, 12);
        a->i2 = FLD(32, 8);
        break;
    case FMT_RRS:
        a->r1 = FLD(8, 4); a->r2 = FLD(12, 4); a->b4 = FLD(16, 4); a->d4 = (int32_t)FLD(20, 12);
        a->m3 = FLD(32, 4);
        break;
    case FMT_S:
        a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12);
        break;
    case FMT_SI:
        a->i2 = FLD(8, 8); a->b1 = FLD(16, 4); a->d1 = (int32_t)FLD(20, 12);
        break;
    case FMT_SIY:
        a->i2 = FLD(8, 8); a->b1 = FLD(16, 4); a->d1 = DL20;
        break;
    case FMT_SIL:
        a->b1 = FLD(16, 4); a->d1 = (int32_t)FLD(20, 12); a->i2 = FLD(32, 16);
        break;
    case FMT_SSa: case FMT_SSb: case FMT_SSc: case FMT_SSd: case FMT_SSe: case FMT_SSf:
        a->l1 = (uint8_t)FLD(8, 8);
        a->r1 = FLD(8, 4); a->r3 = FLD(12, 4); a->l2 = FLD(12, 4);
        a->b1 = FLD(16, 4); a->d1 = (int32_t)FLD(20, 12);
        a->b2 = FLD(32, 4); a->d2 = (int32_t)FLD(36, 12);
        if (f == FMT_SSb) {
            a->l1 = FLD(8, 4);
        } else if (f == FMT_SSe) { /* R1,R3,D2(B2),D4(B4) */
            a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12);
            a->b4 = FLD(32, 4); a->d4 = (int32_t)FLD(36, 12);
        } else if (f == FMT_SSf) {
            a->l2 = (uint8_t)FLD(8, 8);
        }
        break;
    case FMT_SSE:
        a->b1 = FLD(16, 4); a->d1 = (int32_t)FLD(20, 12); a->b2 = FLD(32, 4); a->d2 = (int32_t)FLD(36, 12);
        break;
    case FMT_SSF:
        a->r3 = FLD(8, 4); a->b1 = FLD(16, 4); a->d1 = (int32_t)FLD(20, 12);
        a->b2 = FLD(32, 4); a->d2 = (int32_t)FLD(36, 12);
        break;
    case FMT_VRIa:
        a->v1 = V(8, 0); a->i2 = FLD(16, 16); a->m3 = FLD(32, 4);
        break;
    case FMT_VRIb:
        a->v1 = V(8, 0); a->i2 = FLD(16, 8); a->i3 = FLD(24, 8); a->m4 = FLD(32, 4);
        break;
    case FMT_VRIc:
        a->v1 = V(8, 0); a->v3 = V(12, 1); a->i2 = FLD(16, 16); a->m4 = FLD(32, 4);
        break;
    case FMT_VRId:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->v3 = V(16, 2); a->i4 = FLD(24, 8); a->m5 = FLD(32, 4);
        break;
    case FMT_VRIe:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->i3 = FLD(16, 12); a->m5 = FLD(28, 4); a->m4 = FLD(32, 4);
        break;
    case FMT_VRRa:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->m5 = FLD(24, 4); a->m4 = FLD(28, 4); a->m3 = FLD(32, 4);
        break;
    case FMT_VRRb:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->v3 = V(16, 2); a->m5 = FLD(24, 4); a->m4 = FLD(32, 4);
        break;
    case FMT_VRRc:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->v3 = V(16, 2); a->m6 = FLD(24, 4); a->m5 = FLD(28, 4);
        a->m4 = FLD(32, 4);
        break;
    case FMT_VRRd:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->v3 = V(16, 2); a->m5 = FLD(20, 4); a->m6 = FLD(24, 4);
        a->v4 = V(32, 3);
        break;
    case FMT_VRRe:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->v3 = V(16, 2); a->m6 = FLD(20, 4); a->m5 = FLD(28, 4);
        a->v4 = V(32, 3);
        break;
    case FMT_VRRf:
        a->v1 = V(8, 0); a->r2 = FLD(12, 4); a->r3 = FLD(16, 4);
        break;
    case FMT_VRSa:
        a->v1 = V(8, 0); a->v3 = V(12, 1); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12); a->m4 = FLD(32, 4);
        break;
    case FMT_VRSb:
        a->v1 = V(8, 0); a->r3 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12); a->m4 = FLD(32, 4);
        break;
    case FMT_VRSc:
        a->r1 = FLD(8, 4); a->v3 = V(12, 1); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12); a->m4 = FLD(32, 4);
        break;
    case FMT_VRV:
        a->v1 = V(8, 0); a->v2 = V(12, 1); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12); a->m3 = FLD(32, 4);
        break;
    case FMT_VRX:
        a->v1 = V(8, 0); a->x2 = FLD(12, 4); a->b2 = FLD(16, 4); a->d2 = (int32_t)FLD(20, 12); a->m3 = FLD(32, 4);
        break;
    case FMT_COUNT:
        break;
    }
#undef V
#undef DL20
}

const struct s390_insn *s390_decode(const uint8_t *code, struct s390_args *a)
{
    const struct s390_insn *row = s390_lookup(s390_opcode_key(code));
    unsigned ilen = s390_ilen(code[0]);
    uint64_t raw = 0;
    for (unsigned i = 0; i < ilen; i++)
        raw |= (uint64_t)code[i] << (40 - 8 * i);
    memset(a, 0, sizeof(*a));
    a->ilen = ilen;
    a->raw = raw;
    if (row)
        decode_fields(row->fmt, raw, a);
    return row;
}

static const char *const fmt_names[FMT_COUNT] = {
    "E", "I", "RR", "RRE", "RRF-a", "RRF-b", "RRF-c", "RRF-d", "RRF-e",
    "RX-a", "RX-b", "RXE", "RXF", "RXY-a", "RXY-b", "RS-a", "RS-b", "RSY-a", "RSY-b",
    "RSI", "RI-a", "RI-b", "RI-c",
    "RIE-a", "RIE-b", "RIE-c", "RIE-d", "RIE-e", "RIE-f", "RIE-g", "RIE-h",
    "RIL-a", "RIL-b", "RIL-c", "RIS", "RRS", "S", "SI", "SIY", "SIL",
    "SS-a", "SS-b", "SS-c", "SS-d", "SS-e", "SS-f", "SSE", "SSF",
    "VRI-a", "VRI-b", "VRI-c", "VRI-d", "VRI-e",
    "VRR-a", "VRR-b", "VRR-c", "VRR-d", "VRR-e", "VRR-f",
    "VRS-a", "VRS-b", "VRS-c", "VRV", "VRX",
};

const char *s390_fmt_name(enum s390_fmt f)
{
    return f < FMT_COUNT ? fmt_names[f] : "?";
}

void s390_for_each_insn(void (*fn)(const struct s390_insn *row, void *opaque), void *opaque)
{
    if (!initialised)
        s390_decode_init();
    for (unsigned k = 0; k < 65536; k++)
        if (lookup[k])
            fn(lookup[k], opaque);
}

/* ---- disassembly in assembler operand order (PoP appendix B) ---- */

static int fmt_d(char *o, size_t n, int32_t d, unsigned x, unsigned b)
{
    if (x)
        return snprintf(o, n, "%d(%%r%u,%%r%u)", d, x, b);
    if (b)
        return snprintf(o, n, "%d(%%r%u)", d, b);
    return snprintf(o, n, "%d", d);
}

unsigned s390_disas(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen)
{
    if (len < 2 || len < s390_ilen(code[0]))
        return 0;
    struct s390_args a;
    const struct s390_insn *row = s390_decode(code, &a);
    if (!row)
        return 0;
    char ops[96] = "";
    char dbuf[40], dbuf2[40];
    const char *rp = (row->flags & IF_FPR) ? "%f" : (row->flags & IF_CREG) ? "%c" : (row->flags & IF_AREG) ? "%a" : "%r";
    int64_t rel16 = (int16_t)a.i2, rel32 = (int32_t)a.i2;
    switch (row->fmt) {
    case FMT_E: break;
    case FMT_I: snprintf(ops, sizeof(ops), "%u", (unsigned)a.i2); break;
    case FMT_RR: case FMT_RRE:
        snprintf(ops, sizeof(ops), "%s%u,%s%u", rp, a.r1, rp, a.r2); break;
    case FMT_RRFa: case FMT_RRFb:
        snprintf(ops, sizeof(ops), "%s%u,%s%u,%s%u", rp, a.r1, rp, a.r2, rp, a.r3); break;
    case FMT_RRFc: case FMT_RRFd: case FMT_RRFe:
        snprintf(ops, sizeof(ops), "%s%u,%s%u,%u", rp, a.r1, rp, a.r2, row->fmt == FMT_RRFd ? a.m4 : a.m3); break;
    case FMT_RXa: case FMT_RXb: case FMT_RXE: case FMT_RXYa: case FMT_RXYb:
        fmt_d(dbuf, sizeof(dbuf), a.d2, a.x2, a.b2);
        snprintf(ops, sizeof(ops), "%s%u,%s", (row->fmt == FMT_RXb || row->fmt == FMT_RXYb) ? "" : rp, a.r1, dbuf);
        break;
    case FMT_RXF:
        fmt_d(dbuf, sizeof(dbuf), a.d2, a.x2, a.b2);
        snprintf(ops, sizeof(ops), "%s%u,%s%u,%s", rp, a.r1, rp, a.r3, dbuf); break;
    case FMT_RSa: case FMT_RSYa:
        fmt_d(dbuf, sizeof(dbuf), a.d2, 0, a.b2);
        snprintf(ops, sizeof(ops), "%s%u,%s%u,%s", rp, a.r1, rp, a.r3, dbuf); break;
    case FMT_RSb: case FMT_RSYb:
        fmt_d(dbuf, sizeof(dbuf), a.d2, 0, a.b2);
        snprintf(ops, sizeof(ops), "%s%u,%u,%s", rp, a.r1, a.m3, dbuf); break;
    case FMT_RSI: case FMT_RIEe:
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,0x%llx", a.r1, a.r3,
                 (unsigned long long)(addr + 2 * rel16)); break;
    case FMT_RIa:
        snprintf(ops, sizeof(ops), "%%r%u,%lld", a.r1, (long long)rel16); break;
    case FMT_RIb:
        snprintf(ops, sizeof(ops), "%%r%u,0x%llx", a.r1, (unsigned long long)(addr + 2 * rel16)); break;
    case FMT_RIc:
        snprintf(ops, sizeof(ops), "%u,0x%llx", a.r1, (unsigned long long)(addr + 2 * rel16)); break;
    case FMT_RIEa:
        snprintf(ops, sizeof(ops), "%%r%u,%lld,%u", a.r1, (long long)rel16, a.m3); break;
    case FMT_RIEb:
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,%u,0x%llx", a.r1, a.r2, a.m3,
                 (unsigned long long)(addr + 2 * (int16_t)a.i4)); break;
    case FMT_RIEc:
        snprintf(ops, sizeof(ops), "%%r%u,%u,%u,0x%llx", a.r1, (unsigned)a.i2, a.m3,
                 (unsigned long long)(addr + 2 * (int16_t)a.i4)); break;
    case FMT_RIEd:
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,%lld", a.r1, a.r3, (long long)rel16); break;
    case FMT_RIEf:
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,%u,%u,%u", a.r1, a.r2, (unsigned)a.i3, (unsigned)a.i4,
                 (unsigned)a.i5); break;
    case FMT_RIEg:
        snprintf(ops, sizeof(ops), "%%r%u,%lld,%u", a.r1, (long long)rel16, a.m3); break;
    case FMT_RIEh:
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,0x%x,%u", a.r1, a.r3, (unsigned)a.i2, a.m4); break;
    case FMT_RILa:
        snprintf(ops, sizeof(ops), "%%r%u,%lld", a.r1, (long long)rel32); break;
    case FMT_RILb:
        snprintf(ops, sizeof(ops), "%%r%u,0x%llx", a.r1, (unsigned long long)(addr + 2 * rel32)); break;
    case FMT_RILc:
        snprintf(ops, sizeof(ops), "%u,0x%llx", a.r1, (unsigned long long)(addr + 2 * rel32)); break;
    case FMT_RIS:
        fmt_d(dbuf, sizeof(dbuf), a.d4, 0, a.b4);
        snprintf(ops, sizeof(ops), "%%r%u,%d,%u,%s", a.r1, (int8_t)a.i2, a.m3, dbuf); break;
    case FMT_RRS:
        fmt_d(dbuf, sizeof(dbuf), a.d4, 0, a.b4);
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,%u,%s", a.r1, a.r2, a.m3, dbuf); break;
    case FMT_S:
        fmt_d(ops, sizeof(ops), a.d2, 0, a.b2); break;
    case FMT_SI: case FMT_SIY: case FMT_SIL:
        fmt_d(dbuf, sizeof(dbuf), a.d1, 0, a.b1);
        snprintf(ops, sizeof(ops), "%s,%u", dbuf, (unsigned)a.i2); break;
    case FMT_SSa: case FMT_SSf:
        snprintf(dbuf, sizeof(dbuf), "%d(%u,%%r%u)", a.d1, (row->fmt == FMT_SSa ? a.l1 : 0) + 1u, a.b1);
        if (row->fmt == FMT_SSf)
            snprintf(dbuf, sizeof(dbuf), "%d(%%r%u)", a.d1, a.b1);
        fmt_d(dbuf2, sizeof(dbuf2), a.d2, 0, a.b2);
        snprintf(ops, sizeof(ops), "%s,%s", dbuf, dbuf2); break;
    case FMT_SSb: case FMT_SSc:
        snprintf(ops, sizeof(ops), "%d(%u,%%r%u),%d(%u,%%r%u)", a.d1, a.l1 + 1u, a.b1, a.d2, a.l2 + 1u, a.b2);
        break;
    case FMT_SSd: case FMT_SSe:
        fmt_d(dbuf, sizeof(dbuf), row->fmt == FMT_SSd ? a.d1 : a.d2, 0, row->fmt == FMT_SSd ? a.b1 : a.b2);
        fmt_d(dbuf2, sizeof(dbuf2), row->fmt == FMT_SSd ? a.d2 : a.d4, 0, row->fmt == FMT_SSd ? a.b2 : a.b4);
        snprintf(ops, sizeof(ops), "%%r%u,%%r%u,%s,%s", a.r1, a.r3, dbuf, dbuf2); break;
    case FMT_SSE: case FMT_SSF:
        fmt_d(dbuf, sizeof(dbuf), a.d1, 0, a.b1);
        fmt_d(dbuf2, sizeof(dbuf2), a.d2, 0, a.b2);
        if (row->fmt == FMT_SSF)
            snprintf(ops, sizeof(ops), "%s,%s,%%r%u", dbuf, dbuf2, a.r3);
        else
            snprintf(ops, sizeof(ops), "%s,%s", dbuf, dbuf2);
        break;
    case FMT_VRIa:
        snprintf(ops, sizeof(ops), "%%v%u,%u,%u", a.v1, (unsigned)a.i2, a.m3); break;
    case FMT_VRIb:
        snprintf(ops, sizeof(ops), "%%v%u,%u,%u,%u", a.v1, (unsigned)a.i2, (unsigned)a.i3, a.m4); break;
    case FMT_VRIc:
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%u,%u", a.v1, a.v3, (unsigned)a.i2, a.m4); break;
    case FMT_VRId:
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%%v%u,%u,%u", a.v1, a.v2, a.v3, (unsigned)a.i4, a.m5); break;
    case FMT_VRIe:
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%u,%u,%u", a.v1, a.v2, (unsigned)a.i3, a.m4, a.m5); break;
    case FMT_VRRa:
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%u,%u,%u", a.v1, a.v2, a.m3, a.m4, a.m5); break;
    case FMT_VRRb: case FMT_VRRc:
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%%v%u,%u", a.v1, a.v2, a.v3, a.m4); break;
    case FMT_VRRd: case FMT_VRRe:
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%%v%u,%%v%u", a.v1, a.v2, a.v3, a.v4); break;
    case FMT_VRRf:
        snprintf(ops, sizeof(ops), "%%v%u,%%r%u,%%r%u", a.v1, a.r2, a.r3); break;
    case FMT_VRSa:
        fmt_d(dbuf, sizeof(dbuf), a.d2, 0, a.b2);
        snprintf(ops, sizeof(ops), "%%v%u,%%v%u,%s,%u", a.v1, a.v3, dbuf, a.m4); break;
    case FMT_VRSb:
        fmt_d(dbuf, sizeof(dbuf), a.d2, 0, a.b2);
        snprintf(ops, sizeof(ops), "%%v%u,%%r%u,%s,%u", a.v1, a.r3, dbuf, a.m4); break;
    case FMT_VRSc:
        fmt_d(dbuf, sizeof(dbuf), a.d2, 0, a.b2);
        snprintf(ops, sizeof(ops), "%%r%u,%%v%u,%s,%u", a.r1, a.v3, dbuf, a.m4); break;
    case FMT_VRV: case FMT_VRX:
        fmt_d(dbuf, sizeof(dbuf), a.d2, a.x2, a.b2);
        snprintf(ops, sizeof(ops), "%%v%u,%s,%u", a.v1, dbuf, a.m3); break;
    case FMT_COUNT: break;
    }
    snprintf(out, outlen, ops[0] ? "%s %s" : "%s", row->mnemonic, ops);
    return a.ilen;
}

static unsigned disas_hook(uint64_t addr, const uint8_t *code, size_t len, char *out, size_t outlen)
{
    return s390_disas(addr, code, len, out, outlen);
}

void s390_disas_register(void)
{
    disas_set_hook(DISAS_S390X, disas_hook);
}
