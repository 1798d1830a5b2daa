/* The CPU model: ONE table of z/Architecture facilities (STFLE bit numbers, PoP "Facility
 * Indications") with whether this model installs each. STFL/STFLE, SCLP and the docs read it. */
#ifndef S390_CPU_MODEL_H
#define S390_CPU_MODEL_H

#include <stdbool.h>
#include <stddef.h>

struct s390_cpu;

struct s390_facility {
    unsigned bit;
    const char *name;
    bool installed;
};

extern const struct s390_facility s390_facilities[];
extern const size_t s390_facility_count;

/* CPU identification (STIDP): version, serial, machine type 2964 (z13). */
#define S390_CPU_TYPE 0x2964
#define S390_CPU_SERIAL 0x0A5E51

/* Fill c->stfle (and edat1/edat2) from the table. */
void s390_cpu_model_init(struct s390_cpu *c);
/* Is facility bit `bit` installed on this CPU? */
bool s390_has_facility(const struct s390_cpu *c, unsigned bit);

#endif
