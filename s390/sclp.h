/* SCLP (service-call logical processor) behind SERVICE CALL: see s390/sclp.c. */
#ifndef S390_SCLP_H
#define S390_SCLP_H

#include <stdint.h>

#include "s390/cpu.h"

/* Perform SERVICE CALL command `cmd` on the SCCB at real address `sccb`. Returns the condition
 * code (0 accepted, 2 busy); raises specification/addressing exceptions for a bad SCCB address. */
int s390_sclp_service(struct s390_cpu *c, uint32_t cmd, uint64_t sccb);
/* Poll the console input hook; posts an unsolicited service signal when input can be read. The
 * machine calls it periodically (e.g. from a clock event). */
void s390_sclp_poll_input(struct s390_cpu *c);

#endif
