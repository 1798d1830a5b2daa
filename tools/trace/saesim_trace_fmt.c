/* saesim-trace-fmt: print a --trace-bin file as text, one line per record, disassembled. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/disas.h"
#include "core/trace_bin.h"

int main(int argc, char **argv)
{
    if (argc != 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fprintf(argc == 2 ? stdout : stderr,
                "usage: saesim-trace-fmt FILE   (FILE from saesim --trace-bin; '-' reads stdin)\n");
        return argc == 2 ? 0 : 2;
    }
    FILE *f = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "saesim-trace-fmt: cannot open '%s': %s\n", argv[1], strerror(errno));
        return 2;
    }
    int rc = trace_format_file(f, stdout, stderr);
    if (f != stdin)
        fclose(f);
    disas_shutdown();
    return rc;
}
