context s390
watch fw_diag_count 8 w
continue
continue
delete
watch fw_quiet 4 r
continue
info
delete
quit
