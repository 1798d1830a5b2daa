watch ticks 4 w
continue
mem ticks 4
continue
info
delete
watch ticks 4 r
continue
delete
watch ticks 4 rw
continue
continue
delete
break sae 4
continue
sae
quit
