break vectors+0x280
continue
step 10
regs
sysregs vbar_el1
disas
sae
delete
continue
info
