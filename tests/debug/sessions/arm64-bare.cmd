info
break main
continue
step
step 2
regs
disas $pc 3
mem $sp 32
mem 0x40000850 16 pa
sysregs sctlr_el1
vregs
xlate $pc
watch 0x40012fb0 8 w
continue
regs
delete
continue
info
continue
