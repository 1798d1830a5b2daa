/* saesim integer benchmark: a sieve of Eratosthenes, a table-driven CRC-32 and a heap sort over
 * fixed pseudo-random inputs, repeated ROUNDS times, printing one checksum line. Written once and
 * built four ways (AArch64 and s390x, bare-metal for saesim and Linux static for QEMU user mode):
 * only bench_write()/bench_exit() differ (bench/plat-*.S). No libc, no floating point. */
#include <stddef.h>
#include <stdint.h>

#ifndef ROUNDS
#define ROUNDS 4
#endif
#define SIEVE_N (1u << 20)
#define CRC_BYTES (1u << 18)
#define SORT_N (1u << 16)

void bench_write(const char *buf, size_t len);
int main(void);

static uint8_t sieve[SIEVE_N];
static uint8_t crcbuf[CRC_BYTES];
static uint32_t crctab[256];
static uint32_t sortbuf[SORT_N];

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s;
}

static uint32_t run_sieve(void)
{
    for (uint32_t i = 0; i < SIEVE_N; i++)
        sieve[i] = 1;
    sieve[0] = sieve[1] = 0;
    for (uint32_t i = 2; i * i < SIEVE_N; i++)
        if (sieve[i])
            for (uint32_t j = i * i; j < SIEVE_N; j += i)
                sieve[j] = 0;
    uint32_t count = 0, sum = 0;
    for (uint32_t i = 0; i < SIEVE_N; i++)
        if (sieve[i]) {
            count++;
            sum += i;
        }
    return count ^ (sum << 7);
}

static uint32_t run_crc(uint32_t seed)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crctab[i] = c;
    }
    uint32_t s = seed;
    for (uint32_t i = 0; i < CRC_BYTES; i++)
        crcbuf[i] = (uint8_t)(lcg(&s) >> 24);
    uint32_t crc = 0xffffffffu;
    for (uint32_t i = 0; i < CRC_BYTES; i++)
        crc = crctab[(crc ^ crcbuf[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static void sift(uint32_t *a, size_t root, size_t n)
{
    while (2 * root + 1 < n) {
        size_t child = 2 * root + 1;
        if (child + 1 < n && a[child] < a[child + 1])
            child++;
        if (a[root] >= a[child])
            return;
        uint32_t t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

static uint32_t run_sort(uint32_t seed)
{
    uint32_t s = seed;
    for (uint32_t i = 0; i < SORT_N; i++)
        sortbuf[i] = lcg(&s);
    for (size_t i = SORT_N / 2; i-- > 0;)
        sift(sortbuf, i, SORT_N);
    for (size_t n = SORT_N; n > 1; n--) {
        uint32_t t = sortbuf[0];
        sortbuf[0] = sortbuf[n - 1];
        sortbuf[n - 1] = t;
        sift(sortbuf, 0, n - 1);
    }
    uint32_t h = 0;
    for (uint32_t i = 0; i < SORT_N; i++) {
        if (i && sortbuf[i - 1] > sortbuf[i])
            return 0xdeadbeef;              /* not sorted */
        h = h * 31 + sortbuf[i];
    }
    return h;
}

int main(void)
{
    uint32_t check = 0;
    for (uint32_t r = 0; r < ROUNDS; r++) {
        check = check * 33 + run_sieve();
        check = check * 33 + run_crc(r + 1);
        check = check * 33 + run_sort(r + 7);
    }
    char line[32] = "checksum ";
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 8; i++)
        line[9 + i] = hex[(check >> (28 - 4 * i)) & 15];
    line[17] = '\n';
    bench_write(line, 18);
    return 0;
}
