/* The gdbstub against the fake target, for the RSP tests: `fake-gdb-server [arm|s390]` listens on a
 * free loopback port, prints "PORT <n>" on stdout, serves one gdb connection and exits with
 * 0 (detached), 10 (killed), 20 + status (guest ended) or 4 (error). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/disas.h"
#include "tests/tools/fake_target.h"
#include "tools/gdbstub/gdbstub.h"

int main(int argc, char **argv)
{
    unsigned ctx = argc > 1 && strcmp(argv[1], "s390") == 0 ? 1 : 0;
    struct fake_target *f = fake_target_new();
    if (!f)
        return 4;
    fake_target_set_active(f, ctx);
    char err[128];
    struct gdbstub *g = gdbstub_open(fake_target_dbg(f), ctx, "tcp::0", err, sizeof(err));
    if (!g) {
        fprintf(stderr, "fake-gdb-server: %s\n", err);
        return 4;
    }
    if (gdbstub_pending(g)) {  /* nobody can have connected yet */
        fprintf(stderr, "fake-gdb-server: gdbstub_pending before any connection\n");
        return 4;
    }
    printf("PORT %d\n", gdbstub_port(g));
    fflush(stdout);
    /* Like a free-running machine with -s: poll for the connection instead of blocking in accept. */
    for (int i = 0; i < 20000 && !gdbstub_pending(g); i++)
        usleep(1000);
    if (!gdbstub_pending(g)) {
        fprintf(stderr, "fake-gdb-server: no gdb connected within 20 s\n");
        return 4;
    }
    int status = 0;
    enum gdbstub_result r = gdbstub_serve(g, &status);
    gdbstub_close(g);
    fake_target_free(f);
    disas_shutdown();
    switch (r) {
    case GDBSTUB_DETACHED: return 0;
    case GDBSTUB_KILLED: return 10;
    case GDBSTUB_GUEST_ENDED: return 20 + status;
    default: return 4;
    }
}
