#include "tools/machines/run_summary.h"

#include <time.h>

double run_wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *const icpt_names[16] = {
    "spurious", "validity", "host-access", "synchronous", "timer", "pe-intercomm", "address-size",
    "stop", "sysreg/mio", "pmu", "maintenance", "0x0b", "0x0c", "0x0d", "0x0e", "0x0f",
};

void run_summary_print(const struct run_summary *s, FILE *out)
{
    uint64_t total = s->s390_insns + s->arm_insns;
    double mips = s->wall_s > 0 ? (double)total / s->wall_s / 1e6 : 0;
    fprintf(out, "saesim: run summary (%s): %s\n", s->machine, s->end_reason ? s->end_reason : "ended");
    if (s->has_s390)
        fprintf(out, "saesim:   s390 instructions   %llu\n", (unsigned long long)s->s390_insns);
    if (s->has_arm)
        fprintf(out, "saesim:   arm64 instructions  %llu\n", (unsigned long long)s->arm_insns);
    if (s->has_sae) {
        fprintf(out, "saesim:   SAE entries         %llu\n", (unsigned long long)s->sae_entries);
        fprintf(out, "saesim:   intercepts         ");
        bool any = false;
        for (unsigned i = 0; i < 16; i++) {
            if (s->icpt[i]) {
                fprintf(out, " %s=%llu", icpt_names[i], (unsigned long long)s->icpt[i]);
                any = true;
            }
        }
        fprintf(out, "%s\n", any ? "" : " none");
        fprintf(out, "saesim:   host DIAG calls     %llu (mmio r/w %llu/%llu, stage-2 maps %llu, hvc %llu, "
                     "sysreg traps %llu, waits %llu, timer irqs %llu, device irqs %llu)\n",
                (unsigned long long)s->diag_calls, (unsigned long long)s->mmio_reads,
                (unsigned long long)s->mmio_writes, (unsigned long long)s->stage2_maps,
                (unsigned long long)s->hvc_calls, (unsigned long long)s->sysreg_traps,
                (unsigned long long)s->wfi_waits, (unsigned long long)s->timer_irqs,
                (unsigned long long)s->device_irqs);
    }
    fprintf(out, "saesim:   virtual time        %.6f s\n", (double)s->virtual_ns * 1e-9);
    fprintf(out, "saesim:   wall time           %.3f s (%.1f MIPS)\n", s->wall_s, mips);
}
