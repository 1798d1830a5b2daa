/* Integer workload (sieve + CRC-32 + sort + hashing), compiled -march=z13 -O2: prints a checksum
 * that must match the value computed by the same C on the build host (tests/s390/workload.expected).
 * Also a throughput benchmark for docs/performance.md (run with --stats). */
#ifdef HOST_BUILD
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#else
#include "lib/s390test.h"
#endif

#define SIEVE_N 200000
#define SORT_N 20000
#define CRC_LEN 65536
#define ROUNDS 3

static uint8_t flags[SIEVE_N];
static uint32_t crc_table[256];
static int32_t arr[SORT_N];
static uint8_t buf[CRC_LEN];

static uint32_t sieve(void)
{
    uint32_t count = 0;
    for (uint32_t i = 2; i < SIEVE_N; i++)
        flags[i] = 1;
    for (uint32_t i = 2; i < SIEVE_N; i++) {
        if (!flags[i])
            continue;
        count++;
        for (uint32_t j = 2 * i; j < SIEVE_N; j += i)
            flags[j] = 0;
    }
    return count;
}

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, uint32_t n)
{
    uint32_t c = ~0u;
    for (uint32_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return ~c;
}

static uint64_t rng_state = 0x123456789abcdefULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void sort(int32_t *a, int lo, int hi)
{
    while (lo < hi) {
        int32_t p = a[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) {
                int32_t t = a[i]; a[i] = a[j]; a[j] = t;
                i++; j--;
            }
        }
        if (j - lo < hi - i) {
            sort(a, lo, j);
            lo = i;
        } else {
            sort(a, i, hi);
            hi = j;
        }
    }
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

static uint64_t run(void)
{
    uint64_t h = 0;
    crc_init();
    for (int r = 0; r < ROUNDS; r++) {
        h = mix(h, sieve());
        for (uint32_t i = 0; i < CRC_LEN; i++)
            buf[i] = (uint8_t)rng();
        h = mix(h, crc32(buf, CRC_LEN));
        for (int i = 0; i < SORT_N; i++)
            arr[i] = (int32_t)(rng() >> 17) - (1 << 20);
        sort(arr, 0, SORT_N - 1);
        for (int i = 1; i < SORT_N; i++)
            if (arr[i - 1] > arr[i])
                h = mix(h, 0xdead);
        h = mix(h, (uint64_t)(int64_t)arr[SORT_N / 2]);
        int64_t s = 0;
        for (int i = 0; i < SORT_N; i++)
            s += arr[i] / 7 + arr[i] % 7;
        h = mix(h, (uint64_t)s);
        uint64_t d = rng() | 1;
        h = mix(h, (h / d) ^ (h % d));
    }
    return h;
}

#ifdef HOST_BUILD
int main(void)
{
    printf("workload checksum %016llx\n", (unsigned long long)run());
    return 0;
}
#else
int main(void)
{
    uint64_t h = run();
    printk("workload checksum %lx\n", h);
    return 0;
}
#endif
