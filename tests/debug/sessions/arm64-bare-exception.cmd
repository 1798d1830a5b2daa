break 0x400008ac
continue
step
info
delete
continue
