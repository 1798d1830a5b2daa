/* STORE FACILITY LIST (EXTENDED). Everywhere: the facilities these -march=z13 programs cannot run
 * without, the architected dependencies between facility bits, CC 3 and R0 for too short a list,
 * and STFL. Under saesim (STSI 1.1.1 model "SAESIM") also the exact bits of its CPU-model table
 * (s390/cpu_model.c): present ones and ones it must not advertise because it does not implement
 * them. Other machines (qemu-system-s390x) legitimately install other optional facilities. */
#include "lib/expect.h"

static uint64_t fl[4];
static uint8_t sysib[4096] __attribute__((aligned(4096)));

static bool has(unsigned bit) { return (fl[bit / 64] >> (63 - bit % 64)) & 1; }

/* STSI 1.1.1 (basic-machine configuration): model at bytes 64-79, EBCDIC. */
static bool machine_is_saesim(void)
{
    static const uint8_t saesim[6] = { 0xe2, 0xc1, 0xc5, 0xe2, 0xc9, 0xd4 }; /* "SAESIM" */
    register unsigned long r0 asm("0") = 0x10000001UL;
    register unsigned long r1 asm("1") = 1;
    int cc;
    asm volatile("stsi %[b]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [b] "=Q"(sysib), [cc] "=d"(cc) : "d"(r0), "d"(r1) : "cc", "memory");
    return cc == 0 && memcmp(sysib + 64, saesim, sizeof(saesim)) == 0 && sysib[70] == 0x40;
}

int main(void)
{
    register unsigned long r0 asm("0") = 3;
    int cc;
    asm volatile("stfle %[fl]\n\tipm %[cc]\n\tsrl %[cc],28" : [fl] "=Q"(fl), [cc] "=d"(cc), "+d"(r0) : : "cc");
    check(cc == 0, "stfle cc %d", cc);
    unsigned ndw = (unsigned)(r0 & 0xff) + 1;
    check(ndw >= 3 && ndw <= 4, "stfle doublewords %u (vector facility 129 needs at least 3)", ndw);

    /* Required: z/Architecture installed and active (1, 2), STFLE (7), and the facilities gcc
     * -march=z13 code and lib/start.S use: long displacement (18), extended immediate (21),
     * general-instructions extension (34), distinct operands / high word / LOC / popcount (45),
     * miscellaneous-instruction-extensions / execution hint / load-and-trap (49), LOC-2 and
     * load-and-zero-rightmost-byte (53), vector (129). */
    static const unsigned need[] = { 1, 2, 7, 18, 21, 34, 45, 49, 53, 129 };
    for (unsigned i = 0; i < sizeof(need) / sizeof(need[0]); i++)
        check(has(need[i]), "facility %u missing", need[i]);
    /* Architected dependencies (PoP "Facility Indications"): EDAT-2 (78) requires EDAT-1 (8);
     * MSA extensions 3 (76) and 4 (77) require MSA (17), 4 requires 3; constrained transactional
     * execution (50) requires transactional execution (73); 3 (IDTE) with DAT needs 2. */
    check(!has(78) || has(8), "EDAT-2 without EDAT-1");
    check(!has(76) || has(17), "MSA-3 without MSA");
    check(!has(77) || has(76), "MSA-4 without MSA-3");
    check(!has(50) || has(73), "constrained TX without TX");

    if (machine_is_saesim()) {
        static const unsigned want[] = { 0, 1, 2, 3, 7, 8, 18, 21, 25, 34, 35, 45, 49, 52, 53, 78, 129, 138 };
        for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++)
            check(has(want[i]), "saesim model: facility %u missing", want[i]);
        static const unsigned absent[] = { 17, 42, 50, 73, 76, 77 };
        for (unsigned i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
            check(!has(absent[i]), "saesim model: facility %u unexpectedly present", absent[i]);
        check(ndw == 3, "saesim model: stfle doublewords %u", ndw);
    }

    /* Too short a list: CC 3 and R0 tells the needed size; the first doubleword is stored. */
    uint64_t one[1];
    r0 = 0;
    asm volatile("stfle %[fl]\n\tipm %[cc]\n\tsrl %[cc],28" : [fl] "=Q"(one), [cc] "=d"(cc), "+d"(r0) : : "cc");
    check(cc == 3, "short stfle cc %d", cc);
    check((r0 & 0xff) + 1 == ndw, "short stfle r0 %lu", r0 & 0xff);
    check(one[0] == fl[0], "short stfle first doubleword");

    /* STFL stores the first word at 0xC8. */
    asm volatile("stfl 0" : : : "memory");
    check(LC32(LC_STFL) == (uint32_t)(fl[0] >> 32), "stfl %x", LC32(LC_STFL));
    return 0;
}
