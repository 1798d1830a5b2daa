/* Unallocated-encoding sweep, bare-metal side (saesim -M arm64-bare). Each test word runs at EL0 in
 * its own 16-byte slot { MOVZ X16,#0x4000,LSL #32 ; word ; BRK #1 ; BRK #2 } entered by ERET with
 * every register and SP_EL0 set to the guard address 0x4000_0000_0000 (no memory there), so loads,
 * stores and register branches fault harmlessly. The EL1 vector for synchronous exceptions from
 * EL0 (VBAR_EL1 + 0x400) returns ESR_EL1 and ELR_EL1 to the loop. Output: two hex digits per word,
 * ESR.EC plus 0x40 when ELR is not the word's address; EC 0x00 at the word = UNDEFINED
 * (Arm ARM D1.10.4, "Exceptions from unallocated encodings"). */
#include <stdint.h>
#include <stddef.h>

#define SLOT_WORDS 4
#define BATCH 65536

extern const uint32_t sweep_words[];
extern const uint64_t sweep_count;
struct el0_result { uint64_t esr, elr; };
struct el0_result run_el0(uint32_t *slot);   /* bare-rt.S */
void sync_icache(void);
void plat_write(const char *buf, size_t len);
int main(void);

static uint32_t slots[BATCH * SLOT_WORDS] __attribute__((aligned(4096)));
static char obuf[8192];
static size_t olen;

static void flush(void)
{
    if (olen)
        plat_write(obuf, olen);
    olen = 0;
}

static void putch(char c)
{
    if (olen == sizeof(obuf))
        flush();
    obuf[olen++] = c;
}

int main(void)
{
    static const char hex[] = "0123456789abcdef";
    for (uint64_t base = 0; base < sweep_count; base += BATCH) {
        uint64_t n = sweep_count - base < BATCH ? sweep_count - base : BATCH;
        for (uint64_t i = 0; i < n; i++) {
            uint32_t *s = slots + i * SLOT_WORDS;
            s[0] = 0xd2e80010;             /* movz x16, #0x4000, lsl #32 */
            s[1] = sweep_words[base + i];
            s[2] = 0xd4200020;             /* brk #1 */
            s[3] = 0xd4200040;             /* brk #2 */
        }
        sync_icache();
        for (uint64_t i = 0; i < n; i++) {
            uint32_t *s = slots + i * SLOT_WORDS;
            struct el0_result r = run_el0(s);
            unsigned v = (unsigned)(r.esr >> 26) & 0x3f;
            if (r.elr != (uint64_t)(uintptr_t)(s + 1))
                v |= 0x40;
            putch(hex[v >> 4]);
            putch(hex[v & 15]);
        }
    }
    putch('\n');
    putch('E');
    putch('N');
    putch('D');
    putch('\n');
    flush();
    return 0;
}
