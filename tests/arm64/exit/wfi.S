/* Waits for an interrupt that can never come (DAIF masked, no timer): the machine reports it stuck. */
    .global _start
_start:
    wfi
    b       _start
