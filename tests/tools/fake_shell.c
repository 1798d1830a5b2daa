/* The debug shell on stdin/stdout against the fake target: for trying the shell by hand (libedit on
 * a terminal) and for pipe- and pty-driven scripts. `--spin` replaces the first guest instruction
 * with "b ." so that `continue` runs until Ctrl-C. Exit status: the guest's, or 0 if it did not end. */
#include <stdio.h>
#include <string.h>

#include "core/endian.h"

#include "core/disas.h"
#include "tests/tools/fake_target.h"
#include "tools/debug/shell.h"

int main(int argc, char **argv)
{
    struct fake_target *f = fake_target_new();
    if (f && argc > 1 && strcmp(argv[1], "--spin") == 0)
        st_le32(fake_target_mem(f), 0x14000000);  /* b . */
    struct dbg_shell *s = f ? dbg_shell_new(fake_target_dbg(f), stdin, stdout) : NULL;
    if (!s)
        return 4;
    int rc = dbg_shell_run(s);
    dbg_shell_free(s);
    fake_target_free(f);
    disas_shutdown();
    return rc < 0 ? 0 : rc;
}
