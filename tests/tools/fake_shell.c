/* The debug shell on stdin/stdout against the fake target: for trying the shell by hand (libedit on
 * a terminal) and for pipe-driven scripts. Exit status: the guest's, or 0 if it did not end. */
#include <stdio.h>

#include "core/disas.h"
#include "tests/tools/fake_target.h"
#include "tools/debug/shell.h"

int main(void)
{
    struct fake_target *f = fake_target_new();
    struct dbg_shell *s = f ? dbg_shell_new(fake_target_dbg(f), stdin, stdout) : NULL;
    if (!s)
        return 4;
    int rc = dbg_shell_run(s);
    dbg_shell_free(s);
    fake_target_free(f);
    disas_shutdown();
    return rc < 0 ? 0 : rc;
}
