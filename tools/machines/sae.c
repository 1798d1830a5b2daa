/* -M sae: the s390 host firmware runs the Arm guest through SAE. Until the SAE facility and the
 * firmware land, this machine validates its inputs and then reports that it cannot run. */
#include <stdio.h>
#include <stdlib.h>

#include "core/log.h"
#include "tools/machines/boot_inputs.h"
#include "tools/machines/machine.h"

static int run(const struct saesim_config *cfg)
{
    int rc = check_mem_size(cfg->mem_size);
    if (rc)
        return rc;
    if (cfg->kernel) {
        struct arm_kernel k;
        rc = arm_kernel_load(cfg->kernel, &k);
        if (rc)
            return rc;
        arm_kernel_free(&k);
    }
    if (cfg->initrd) {
        uint8_t *b;
        size_t n;
        rc = blob_load("-initrd", cfg->initrd, &b, &n);
        if (rc)
            return rc;
        free(b);
    }
    if (cfg->dtb) {
        uint8_t *b;
        size_t n;
        rc = dtb_load(cfg->dtb, &b, &n);
        if (rc)
            return rc;
        free(b);
    }
    error_report("machine 'sae' cannot run yet: the SAE facility and host firmware are not in this build");
    return EXIT_EMULATOR;
}

const struct machine_def machine_sae = { "sae", run };
