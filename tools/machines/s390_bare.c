/* -M s390-bare: placeholder until the machine is wired (owned by the CPU room's engineer). */
#include <stdio.h>

#include "core/log.h"
#include "tools/machines/machine.h"

static int run(const struct saesim_config *cfg)
{
    (void)cfg;
    error_report("machine 's390-bare' is not implemented in this build");
    return EXIT_EMULATOR;
}

const struct machine_def machine_s390_bare = { "s390-bare", run };
