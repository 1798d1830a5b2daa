/* The run summary every machine prints at the end (and the debug shell's `info`): instructions per
 * architecture, SAE entries and intercepts by reason, host DIAG calls, virtual and wall time, MIPS. */
#ifndef TOOLS_MACHINES_RUN_SUMMARY_H
#define TOOLS_MACHINES_RUN_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct run_summary {
    const char *machine;
    uint64_t s390_insns;
    uint64_t arm_insns;
    bool has_s390, has_arm;
    bool has_sae;
    uint64_t sae_entries;
    uint64_t icpt[16];          /* interceptions by icptr code */
    uint64_t diag_calls;
    uint64_t mmio_reads, mmio_writes, stage2_maps, hvc_calls, sysreg_traps, wfi_waits;
    uint64_t timer_irqs, device_irqs;
    uint64_t virtual_ns;
    double wall_s;
    const char *end_reason;
};

/* Host monotonic time in seconds. */
double run_wall_now(void);
void run_summary_print(const struct run_summary *s, FILE *out);

#endif
