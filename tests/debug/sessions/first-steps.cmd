step
step 3
info
sae
quit
