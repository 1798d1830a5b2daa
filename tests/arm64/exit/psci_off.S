/* PSCI SYSTEM_OFF over HVC: saesim exits 0. */
    .global _start
_start:
    ldr     x0, =0x84000008
    hvc     #0
    b       .
