#!/bin/sh
# Exit statuses of saesim -M arm64-bare (docs/arm64.md): guest exit code, PSCI SYSTEM_OFF, --timeout,
# --max-insns, a stuck WFI, and bad inputs. Usage: exit_codes.sh SAESIM DIR_WITH_ELFS
S="$1"; D="$2"; fail=0; errline=0
check() { # expected-status description command...
    want=$1; what=$2; shift 2
    "$@" >/dev/null 2>/tmp/saesim-exit-$$.err; got=$?
    if [ "$got" != "$want" ]; then echo "FAIL $what: exit $got, expected $want"; cat /tmp/saesim-exit-$$.err; fail=1; fi
    lines=$(wc -l < /tmp/saesim-exit-$$.err)
    if [ "$errline" = 1 ] && [ "$lines" -ne 1 ]; then echo "FAIL $what: expected one line on stderr, got $lines"; fail=1; fi
}
check 7 "SYS_EXIT 7" "$S" -M arm64-bare -kernel "$D/exit7.elf"
check 0 "PSCI SYSTEM_OFF" "$S" -M arm64-bare -kernel "$D/psci_off.elf"
errline=1 # from here on: one line "saesim: ..." on stderr
check 4 "--timeout" "$S" -M arm64-bare -kernel "$D/spin.elf" --timeout 0.001
check 4 "--max-insns" "$S" -M arm64-bare -kernel "$D/spin.elf" --max-insns 1000
check 4 "SYSTEM_RESET loop, --max-insns at a reset" "$S" -M arm64-bare -kernel "$D/reset.elf" --max-insns 21
check 4 "stuck WFI" "$S" -M arm64-bare -kernel "$D/wfi.elf" -serial null
check 3 "missing kernel" "$S" -M arm64-bare -kernel "$D/does-not-exist.elf"
check 2 "no kernel" "$S" -M arm64-bare
grep -q "^saesim: " /tmp/saesim-exit-$$.err || { echo "FAIL: message does not start with 'saesim: '"; fail=1; }
rm -f /tmp/saesim-exit-$$.err
exit $fail
