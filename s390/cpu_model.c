/* Facility list of the modelled CPU (a z13-level subset: only what is implemented is installed). */
#include "s390/cpu_model.h"

#include <string.h>

#include "s390/cpu.h"

const struct s390_facility s390_facilities[] = {
    { 0, "N3 instructions", true },
    { 1, "z/Architecture installed", true },
    { 2, "z/Architecture active", true },
    { 3, "DAT enhancement (IDTE, CSPG)", true },
    { 7, "store-facility-list-extended", true },
    { 8, "enhanced-DAT 1", true },
    { 18, "long-displacement", true },
    { 19, "long-displacement high performance", true },
    { 21, "extended-immediate", true },
    { 25, "store-clock-fast", true },
    { 28, "TOD-clock-steering (PTFF)", true },
    { 34, "general-instructions-extension", true },
    { 35, "execute-extensions", true },
    { 45, "distinct-operands, high-word, load/store-on-condition 1, population-count, interlocked-access 1", true },
    { 49, "execution-hint, load-and-trap, miscellaneous-instruction-extensions, processor-assist", true },
    { 52, "interlocked-access 2", true },
    { 53, "load/store-on-condition 2, load-and-zero-rightmost-byte", true },
    { 78, "enhanced-DAT 2", true },
    { 129, "vector", true },
    { 138, "configuration-z/Architecture-architectural-mode (CZAM)", true },
    /* Not installed (listed so the docs and the table say so explicitly). */
    { 17, "message-security assist", false },
    { 27, "move-with-optional-specifications", false },
    { 37, "floating-point extension", false },
    { 42, "DFP", false },
    { 50, "constrained transactional execution", false },
    { 73, "transactional execution", false },
    { 76, "message-security-assist extension 3", false },
    { 77, "message-security-assist extension 4", false },
};
const size_t s390_facility_count = sizeof(s390_facilities) / sizeof(s390_facilities[0]);

void s390_cpu_model_init(struct s390_cpu *c)
{
    memset(c->stfle, 0, sizeof(c->stfle));
    for (size_t i = 0; i < s390_facility_count; i++)
        if (s390_facilities[i].installed)
            c->stfle[s390_facilities[i].bit / 64] |= 1ULL << (63 - s390_facilities[i].bit % 64);
    c->edat1 = s390_has_facility(c, 8);
    c->edat2 = s390_has_facility(c, 78);
}

bool s390_has_facility(const struct s390_cpu *c, unsigned bit)
{
    return bit < 256 && ((c->stfle[bit / 64] >> (63 - bit % 64)) & 1);
}
