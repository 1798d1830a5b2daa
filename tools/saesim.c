/* saesim: entry point. Parses the command line, sets up logging, and hands over to the machine. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/log.h"
#include "tools/machines/machine.h"

int main(int argc, char **argv)
{
    struct saesim_config cfg;
    int rc = cli_parse(argc, argv, &cfg);
    if (rc == 1)
        return EXIT_GUEST_OK;
    if (rc != 0)
        return rc;

    char err[256];
    if (cfg.log_spec) {
        unsigned mask;
        if (log_parse_flags(cfg.log_spec, &mask, err, sizeof(err)) != 0) {
            error_report("-d: %s", err);
            return EXIT_USAGE;
        }
        log_mask = mask;
    }
    /* A run refused for bad input must leave nothing behind: remember whether -D creates a file. */
    bool log_created = cfg.log_path && access(cfg.log_path, F_OK) != 0;
    if (cfg.log_path && log_set_file(cfg.log_path, err, sizeof(err)) != 0) {
        error_report("-D: %s", err);
        return EXIT_USAGE;
    }
    const struct machine_def *m = machine_find(cfg.machine);
    if (!m) {
        error_report("unknown machine '%s'", cfg.machine);
        return EXIT_USAGE;
    }
    rc = m->run(&cfg);
    log_close();
    if (log_created && (rc == EXIT_USAGE || rc == EXIT_INPUT))
        unlink(cfg.log_path);
    return rc;
}
