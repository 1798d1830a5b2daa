#include "tools/machines/machine.h"

#include <string.h>

static const struct machine_def *const machines[] = {
    &machine_sae,
    &machine_arm64_bare,
    &machine_s390_bare,
};

const struct machine_def *machine_find(const char *name)
{
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
        if (strcmp(machines[i]->name, name) == 0)
            return machines[i];
    return NULL;
}
