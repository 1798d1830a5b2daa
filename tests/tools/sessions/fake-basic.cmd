info
step
regs
break loop+8
continue
mem data 16
watch data 8 w
delete 1
continue
break sae 4
continue
sae
disas
context s390
stepi 3
regs
context arm
xlate loop
sysregs vbar_el1
info
delete
continue
step
quit
