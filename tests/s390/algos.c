/* Mixed C workload whose output is compared with the same C built for the host
 * (tests/s390/algos.expected): SHA-256, 128-bit arithmetic, bit tricks, switch tables, overlapping
 * moves, string handling and double-precision arithmetic. Built -O2 and -O3 (vectoriser). */
#ifdef HOST_BUILD
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#define printk printf
#else
#include "lib/s390test.h"
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256(const uint8_t *msg, size_t len, uint32_t h[8])
{
    static const uint32_t init[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    for (int i = 0; i < 8; i++)
        h[i] = init[i];
    uint8_t block[64];
    size_t total = ((len + 9 + 63) / 64) * 64;
    for (size_t off = 0; off < total; off += 64) {
        for (int i = 0; i < 64; i++) {
            size_t p = off + (size_t)i;
            uint8_t b = 0;
            if (p < len) b = msg[p];
            else if (p == len) b = 0x80;
            else if (p >= total - 8) b = (uint8_t)(((uint64_t)len * 8) >> (8 * (total - 1 - p)));
            block[i] = b;
        }
        uint32_t w[64];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 | (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
}

static uint8_t data[3000];
static int16_t s16[1024];
static int64_t acc64[256];

__attribute__((noinline)) static int classify(int x)
{
    switch (x) {
    case 0: return 11; case 1: return 23; case 2: return 5; case 3: return 99; case 4: return -4;
    case 5: return 17; case 6: return 3; case 7: return 71; case 9: return 8; default: return x * 3;
    }
}

static void utoa_rev(uint64_t v, char *out)
{
    char t[24];
    int n = 0;
    do { t[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (int i = 0; i < n; i++)
        out[i] = t[n - 1 - i];
    out[n] = 0;
}

int main(void)
{
    for (int i = 0; i < 3000; i++)
        data[i] = (uint8_t)(i * 31 + (i >> 3));
    uint32_t h[8];
    sha256(data, sizeof(data), h);
    printk("sha256 %x %x %x %x\n", h[0], h[1], h[6], h[7]);
    sha256((const uint8_t *)"abc", 3, h);
    printk("sha256(abc) %x...%x\n", h[0], h[7]);

    unsigned __int128 big = (unsigned __int128)0x123456789abcdef0ULL * 0xfedcba9876543210ULL;
    uint64_t q = (uint64_t)(big / 0x1000000007ULL), r = (uint64_t)(big % 0x1000000007ULL);
    __int128 sb = (__int128)(int64_t)-0x1234567890ULL * 977;
    printk("u128 %lx %lx q %lx r %lx s %lx\n", (unsigned long)(uint64_t)(big >> 64), (unsigned long)(uint64_t)big,
           (unsigned long)q, (unsigned long)r, (unsigned long)(uint64_t)(sb >> 3));

    uint64_t bits = 0;
    for (uint64_t x = 1; x < (1ULL << 40); x = x * 3 + 1)
        bits += (uint64_t)__builtin_popcountll(x) + (uint64_t)__builtin_clzll(x) * 7 + (uint64_t)__builtin_ctzll(x) * 13 +
                (__builtin_bswap64(x) >> 50) + (__builtin_bswap32((uint32_t)x) & 0xff);
    printk("bits %lu\n", (unsigned long)bits);

    int sw = 0;
    for (int i = -3; i < 40; i++)
        sw += classify(i) * (i + 5);
    printk("switch %d\n", sw);

    char buf[64];
    memcpy(buf, "0123456789abcdefghijklmnopqrstuvwxyz", 37);
    memmove(buf + 5, buf + 2, 20);
    memmove(buf + 1, buf + 9, 10);
    printk("memmove %s\n", buf);

    for (int i = 0; i < 1024; i++)
        s16[i] = (int16_t)((i * 1103) ^ (i << 7));
    for (int k = 0; k < 256; k++) {
        int64_t sacc = 0;
        for (int i = 0; i < 1024; i += 4)
            sacc += (int64_t)s16[i] * (k - 128) + (s16[(i + k) & 1023] >> 3);
        acc64[k] = sacc;
    }
    int64_t tot = 0, mx = INT64_MIN, mn = INT64_MAX;
    for (int k = 0; k < 256; k++) {
        tot += acc64[k];
        if (acc64[k] > mx) mx = acc64[k];
        if (acc64[k] < mn) mn = acc64[k];
    }
    printk("vec %ld %ld %ld\n", (long)tot, (long)mx, (long)mn);

    uint64_t fact = 1;
    for (int i = 1; i <= 20; i++)
        fact *= (uint64_t)i;
    utoa_rev(fact, buf);
    printk("20! %s len %d\n", buf, (int)strlen(buf));

    double x = 1.0, s = 0.0;
    for (int i = 1; i < 200; i++) {
        x = x * 1.0001 + 1.0 / (double)i;
        s += x / (double)(i + 1);
    }
    long fl = (long)(s * 1000.0);
    printk("double %ld %ld\n", fl, (long)(x * 1e6));
    return 0;
}
