/* The machines saesim models (-M). A machine wires CPUs, memory and devices from the config and runs
 * until the guest ends; its run() returns the process exit status (enum saesim_exit). */
#ifndef TOOLS_MACHINES_MACHINE_H
#define TOOLS_MACHINES_MACHINE_H

#include "core/cli.h"

struct machine_def {
    const char *name;
    int (*run)(const struct saesim_config *cfg);
};

extern const struct machine_def machine_sae;
extern const struct machine_def machine_arm64_bare;
extern const struct machine_def machine_s390_bare;

const struct machine_def *machine_find(const char *name);

#endif
