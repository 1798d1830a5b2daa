/* Unallocated-encoding sweep, Linux side (qemu-aarch64-static): each test word runs at EL0 in its
 * own 16-byte slot { MOVZ X16,#0x4000,LSL #32 ; word ; BRK #1 ; BRK #2 } with every register and SP
 * set to the guard address 0x4000_0000_0000 (unmapped), so loads, stores and register branches
 * fault harmlessly; immediate branches were rewritten by the generator to land on BRK #2. The signal
 * handler (on an alternate stack) classifies the outcome and resumes the harness by rewriting the PC
 * in the ucontext. Output: one hex digit per word ('0' = SIGILL at the word: UNDEFINED), see
 * undef.py. Built -nostdlib: syscalls are made directly. */
#include <stdint.h>
#include <stddef.h>

#define SLOT_WORDS 4
#define BATCH 65536

extern const uint32_t sweep_words[];
extern const uint64_t sweep_count;
extern void run_word(uint32_t *slot);  /* undef-linux.S: returns after the handler redirects */
extern void resume_point(void);
extern void sig_restorer(void);
extern void sync_icache(void *begin, void *end);   /* DC CVAU / IC IVAU over the range */
long sys6(long nr, long a, long b, long c, long d, long e, long f);

volatile int sig_result;

/* Kernel ABI (arm64): struct sigaction {handler, flags, restorer, mask}; ucontext with
 * uc_mcontext (struct sigcontext) at offset 176: fault_address, regs[31], sp (432), pc (440). */
struct ksigaction {
    void (*handler)(int, void *, void *);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};
#define UC_PC 440
#define SA_SIGINFO 4ul
#define SA_ONSTACK 0x08000000ul
#define SA_RESTORER 0x04000000ul

static uint8_t altstack[65536] __attribute__((aligned(16)));
static char obuf[8192];
static size_t olen;
static uint32_t *slots;

static void flush(void)
{
    if (olen)
        sys6(64, 1, (long)obuf, (long)olen, 0, 0, 0);
    olen = 0;
}

static void putch(char c)
{
    if (olen == sizeof(obuf))
        flush();
    obuf[olen++] = c;
}

static uint64_t cur_slot;   /* base of the slot being run */

static void handler(int sig, void *info, void *ucv)
{
    (void)info;
    uint8_t *uc = ucv;
    uint64_t pc = *(uint64_t *)(uc + UC_PC);
    int r;
    if (sig == 4)                          /* SIGILL */
        r = (pc == cur_slot + 4) ? 0 : 1;
    else if (sig == 5)                     /* SIGTRAP: BRK after the word, or BRK as the word */
        r = 2;
    else if (sig == 11)                    /* SIGSEGV */
        r = 3;
    else if (sig == 7)                     /* SIGBUS */
        r = 4;
    else
        r = 5;
    sig_result = r;
    *(uint64_t *)(uc + UC_PC) = (uint64_t)(uintptr_t)resume_point;
}

int main(void);
int main(void)
{
    struct { void *sp; int flags; size_t size; } ss = { altstack, 0, sizeof(altstack) };
    sys6(132, (long)&ss, 0, 0, 0, 0, 0);                      /* sigaltstack */
    struct ksigaction sa = { handler, SA_SIGINFO | SA_ONSTACK | SA_RESTORER, sig_restorer, 0 };
    static const int sigs[] = { 4, 5, 7, 8, 11, 31 };
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sys6(134, sigs[i], (long)&sa, 0, 8, 0, 0);            /* rt_sigaction */
    long m = sys6(222, 0, BATCH * SLOT_WORDS * 4, 7, 0x22, -1, 0);   /* mmap RWX, private anon */
    if (m < 0 && m > -4096)
        return 3;
    slots = (uint32_t *)m;
    for (uint64_t base = 0; base < sweep_count; base += BATCH) {
        uint64_t n = sweep_count - base < BATCH ? sweep_count - base : BATCH;
        for (uint64_t i = 0; i < n; i++) {
            uint32_t *s = slots + i * SLOT_WORDS;
            s[0] = 0xd2e80010;             /* movz x16, #0x4000, lsl #32 */
            s[1] = sweep_words[base + i];
            s[2] = 0xd4200020;             /* brk #1 */
            s[3] = 0xd4200040;             /* brk #2 */
        }
        sync_icache(slots, slots + n * SLOT_WORDS);
        for (uint64_t i = 0; i < n; i++) {
            cur_slot = (uint64_t)(uintptr_t)(slots + i * SLOT_WORDS);
            sig_result = 9;
            run_word(slots + i * SLOT_WORDS);
            putch("0123456789"[sig_result]);
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
