/* s390 differential-test harness: runs every generated sequence from its initial state and prints
 * one line of final state per sequence. The same source is linked into a Linux static ELF (for
 * qemu-s390x-static) and a bare-metal ELF (for saesim -M s390-bare); only plat_write/plat_exit differ
 * (plat-linux.S, plat-bare.S). Output line:
 *   S<index> <r0> ... <r15> <final CC word> <hash of the scratch buffer> <CC trail bytes>
 * (hex). R12 (the context) and R13 (the scratch base) are printed relative to their expected values,
 * so both must be 0. With seq_full_dump set, the scratch buffer follows as "M<offset> ..." lines. */
#include <stdint.h>
#include <stddef.h>

#define SCRATCH 2048
#define TRAIL_MAX 256

struct ctx {
    uint64_t r[16];
    uint64_t cc_init;          /* CC << 28 in the low word, for SPM */
    uint64_t cc_final;         /* IPM result in the low word */
    uint64_t save[10];         /* R6-R15 of the caller */
    uint64_t base;
    uint8_t trail[TRAIL_MAX];  /* one IPM byte per CC-setting instruction */
};

_Static_assert(__builtin_offsetof(struct ctx, cc_init) == 128, "layout");
_Static_assert(__builtin_offsetof(struct ctx, save) == 144, "layout");
_Static_assert(__builtin_offsetof(struct ctx, trail) == 232, "layout");

struct seq_entry {
    void (*fn)(struct ctx *);
    uint64_t index, cc, scratch_seed, trail_len;
    uint64_t r[16];
};

extern const struct seq_entry seq_table[];
extern const uint64_t seq_count, seq_full_dump;
void plat_write(const char *buf, size_t len);
void plat_exit(int code) __attribute__((noreturn));
int main(void);

static uint8_t scratch[SCRATCH] __attribute__((aligned(4096)));
static struct ctx ctx __attribute__((aligned(16)));
static char obuf[16384];
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

static void puthex(uint64_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = (digits - 1) * 4; i >= 0; i -= 4)
        putch(hex[(v >> i) & 15]);
}

int main(void)
{
    for (uint64_t s = 0; s < seq_count; s++) {
        const struct seq_entry *e = &seq_table[s];
        uint64_t st = e->scratch_seed;
        uint64_t *w = (uint64_t *)scratch;
        for (size_t i = 0; i < SCRATCH / 8; i++) {     /* xorshift64 fill */
            st ^= st << 13;
            st ^= st >> 7;
            st ^= st << 17;
            w[i] = st;
        }
        for (int i = 0; i < 16; i++)
            ctx.r[i] = e->r[i];
        ctx.base = (uint64_t)(uintptr_t)scratch;
        ctx.r[12] = (uint64_t)(uintptr_t)&ctx;
        ctx.r[13] = ctx.base;
        ctx.cc_init = e->cc;
        for (int i = 0; i < TRAIL_MAX; i++)
            ctx.trail[i] = 0xee;
        e->fn(&ctx);
        ctx.r[12] -= (uint64_t)(uintptr_t)&ctx;
        ctx.r[13] -= ctx.base;
        uint64_t h = 0xcbf29ce484222325ull;            /* FNV-1a over 64-bit words */
        for (size_t i = 0; i < SCRATCH / 8; i++)
            h = (h ^ w[i]) * 0x100000001b3ull;
        putch('S');
        puthex(e->index, 16);
        for (int i = 0; i < 16; i++) {
            putch(' ');
            puthex(ctx.r[i], 16);
        }
        putch(' ');
        puthex(ctx.cc_final & 0xffffffffu, 8);
        putch(' ');
        puthex(h, 16);
        putch(' ');
        putch('T');
        for (uint64_t i = 0; i < e->trail_len && i < TRAIL_MAX; i++)
            puthex(ctx.trail[i], 2);
        putch('\n');
#ifdef FLUSH_EACH
        flush();
#endif
        if (seq_full_dump) {
            for (size_t i = 0; i < SCRATCH / 8; i += 4) {
                putch('M');
                puthex(i * 8, 16);
                for (size_t j = 0; j < 4; j++) {
                    putch(' ');
                    puthex(w[i + j], 16);
                }
                putch('\n');
            }
        }
    }
    const char *end = "END\n";
    while (*end)
        putch(*end++);
    flush();
    return 0;
}
