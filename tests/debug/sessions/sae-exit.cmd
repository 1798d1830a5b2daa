break guest_main+0x8b4
continue
step
regs
break sae 2
continue
sae
step
delete
context s390
stepi 2
context arm
step
xlate $pc
mem $pc 16 ipa
continue
