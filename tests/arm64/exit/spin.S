/* Never ends: only --timeout / --max-insns stop it. */
    .global _start
_start:
    b       _start
