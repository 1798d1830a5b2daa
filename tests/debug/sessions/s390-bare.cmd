info
break main
continue
stepi
step 2
regs
disas $pswa 3
mem $r15 32
mem 0x20ce0 16 abs
sysregs cr0
vregs
xlate $pswa
watch outlen 8 w
continue
delete
continue
info
