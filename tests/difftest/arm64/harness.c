/* arm64 differential-test harness: runs every generated sequence from its initial state and prints
 * one line of final state per sequence. The same source is linked into a Linux static ELF (for
 * qemu-aarch64-static) and a bare-metal ELF (for saesim -M arm64-bare); only plat_write/plat_exit
 * differ (plat-linux.S, the shared runtime (tests/arm64/lib)). Output line:
 *   S<index> <x0> ... <x30> <nzcv> <hash of the scratch buffer>
 * (hex). X28, the scratch base, is printed as X28 - base, which must be 0. With seq_full_dump set
 * (a single-sequence reproduction build) the scratch buffer follows as hex lines "M<offset> ...". */
#include <stdint.h>
#include <stddef.h>

#define SCRATCH 2048

struct ctx {
    uint64_t x[31];
    uint64_t nzcv;
    uint64_t saved_sp;
    uint64_t base;
};

struct seq_entry {
    void (*fn)(struct ctx *);
    uint64_t index, nzcv, scratch_seed;
    uint64_t x[31];
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

static void puthex(uint64_t v)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 60; i >= 0; i -= 4)
        putch(digits[(v >> i) & 15]);
}

static void putstr(const char *s)
{
    while (*s)
        putch(*s++);
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
        for (int i = 0; i < 31; i++)
            ctx.x[i] = e->x[i];
        ctx.nzcv = e->nzcv;
        ctx.base = (uint64_t)(uintptr_t)scratch + SCRATCH / 2;
        e->fn(&ctx);
        ctx.x[28] -= ctx.base;
        uint64_t h = 0xcbf29ce484222325ull;            /* FNV-1a over 64-bit words */
        for (size_t i = 0; i < SCRATCH / 8; i++)
            h = (h ^ w[i]) * 0x100000001b3ull;
        putch('S');
        puthex(e->index);
        for (int i = 0; i < 31; i++) {
            putch(' ');
            puthex(ctx.x[i]);
        }
        putch(' ');
        puthex(ctx.nzcv);
        putch(' ');
        puthex(h);
        putch('\n');
        if (seq_full_dump) {
            for (size_t i = 0; i < SCRATCH / 8; i += 4) {
                putch('M');
                puthex(i * 8);
                for (size_t j = 0; j < 4; j++) {
                    putch(' ');
                    puthex(w[i + j]);
                }
                putch('\n');
            }
        }
    }
    putstr("END\n");
    flush();
    return 0;
}
