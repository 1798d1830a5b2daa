info
regs
step
quit
