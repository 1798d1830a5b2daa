/* -M arm64-bare: placeholder until the machine is wired (owned by the CPU room's engineer). */
#include <stdio.h>

#include "core/log.h"
#include "tools/machines/machine.h"

static int run(const struct saesim_config *cfg)
{
    (void)cfg;
    error_report("machine 'arm64-bare' is not implemented in this build");
    return EXIT_EMULATOR;
}

const struct machine_def machine_arm64_bare = { "arm64-bare", run };
