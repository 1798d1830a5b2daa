/* The fake target's built-in Arm program (fake_target.c: fake_arm_prog) as an ELF, so gdb has the
 * symbols. Linked at 0x40000000, the fake's guest virtual address of its memory. */
    .text
    .globl _start
_start:
    movz x0, #5
    movz x1, #0x4000, lsl #16
    add x1, x1, #0x800
    movz x3, #3
    .globl loop
loop:
    add x0, x0, #1
    str x0, [x1]
    ldr x2, [x1, #8]
    hvc #4
    sub x3, x3, #1
    cbnz x3, loop
    nop
    hlt #0
