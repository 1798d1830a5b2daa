context s390
regs
stepi
info
stepi
info
stepi 3
info
regs arm
break sae_enter
continue
stepi 3
info
context arm
regs
step
info
quit
