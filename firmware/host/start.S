/* Entry, interruption handlers and the SAE wrapper of the host firmware.
 * saesim (-M sae) loads this ELF like a -M s390-bare program and starts it at _start in 64-bit
 * addressing mode, supervisor state, DAT off, all interruptions disabled, prefix 0. */

    .section .text.start, "ax"
    .globl _start
_start:
    /* Clear .bss (it also holds the stacks): 256-byte XC steps, bounds are 256-aligned (fw.ld). */
    larl    %r2, __bss_start
    larl    %r3, __bss_end
1:  clgr    %r2, %r3
    jhe     2f
    xc      0(256,%r2), 0(%r2)
    aghi    %r2, 256
    j       1b
2:  larl    %r15, fw_stack_top
    aghi    %r15, -160
    xc      0(8,%r15), 0(%r15)          /* back chain 0 */
    /* New PSWs in low core (PoP ch. 4 "Assigned Storage Locations"): external 0x1B0, SVC 0x1C0,
     * program 0x1D0, machine check 0x1E0, I/O 0x1F0. */
    larl    %r1, psw_ext_new
    mvc     0x1b0(16), 0(%r1)
    larl    %r1, psw_stop_svc
    mvc     0x1c0(16), 0(%r1)
    larl    %r1, psw_pgm_new
    mvc     0x1d0(16), 0(%r1)
    larl    %r1, psw_stop_mck
    mvc     0x1e0(16), 0(%r1)
    larl    %r1, psw_stop_io
    mvc     0x1f0(16), 0(%r1)
    brasl   %r14, fw_main
    larl    %r1, psw_stop_ret           /* not reached: fw_main never returns */
    lpswe   0(%r1)

/* External interruption: only the SCLP service signal is enabled, and only while the firmware sits
 * in an enabled wait for it (sclp.c). Resume after the wait, disabled: clear the wait bit (PSW bit
 * 14) and the external mask (bit 7) in the external old PSW at 0x130. Uses no register. */
ext_handler:
    ni      0x131, 0xfd
    ni      0x130, 0xfe
    lpswe   0x130

/* Program interruption: report it (C, own stack) and stop. */
pgm_handler:
    larl    %r15, pgm_stack_top
    aghi    %r15, -160
    xc      0(8,%r15), 0(%r15)
    brasl   %r14, fw_program_check
    lpswe   0x1c0                       /* not reached */

/* void sae_enter(uint64_t sd_real): SAE with GR2 = the SD (§3.2). GPRs 0-13 are unpredictable
 * afterwards (§7.9, MD-40), so save the callee-saved r6-r15 in the caller's register save area. */
    .globl sae_enter
sae_enter:
    stmg    %r6, %r15, 48(%r15)
    .insn   rre, 0xb9a50000, %r2, 0
    lmg     %r6, %r15, 48(%r15)
    br      %r14

/* void vr_zero_all(void): VGBM Vn,0 (VECTOR GENERATE BYTE MASK, VRI-a E7 V1 . I2 M3|RXB 44) for
 * n = 0..31; RXB bit 0 (0x08) extends V1 to V16-V31. CR0 vector enablement must be on. */
    .globl vr_zero_all
vr_zero_all:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    .byte   0xe7, \n << 4, 0, 0, 0x00, 0x44
    .endr
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    .byte   0xe7, \n << 4, 0, 0, 0x08, 0x44
    .endr
    br      %r14

    .section .rodata
    .balign 16
/* 64-bit mode PSWs (EA = BA = 1): mask doubleword, then the instruction address. */
psw_ext_new:    .quad 0x0000000180000000, ext_handler
psw_pgm_new:    .quad 0x0000000180000000, pgm_handler
psw_stop_svc:   .quad 0x0002000180000000, 0xdead0c0  /* disabled wait: unexpected SVC */
psw_stop_mck:   .quad 0x0002000180000000, 0xdead0e0  /* disabled wait: machine check */
psw_stop_io:    .quad 0x0002000180000000, 0xdead0f0  /* disabled wait: I/O interruption */
psw_stop_ret:   .quad 0x0002000180000000, 0xdead000

    .section .bss
    .balign 256
fw_stack:       .skip 65536
fw_stack_top:
pgm_stack:      .skip 8192
pgm_stack_top:
    .section .note.GNU-stack,"",@progbits
