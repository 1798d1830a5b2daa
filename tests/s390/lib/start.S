/* Entry of the bare-metal test programs: 64-bit mode, supervisor state, DAT off, interruptions
 * disabled (what -M s390-bare and qemu-system-s390x -kernel provide). Sets up a stack, enables the
 * AFP registers and the vector facility (CR0 bits 45-46: gcc -march=z13 may emit vector
 * instructions anywhere), clears .bss, calls main() and reports its result through test_done(). */
    .section .text.start, "ax"
    .globl _start
_start:
    larl    %r15, __stack_top
    aghi    %r15, -160
    larl    %r1, cr0_tmp
    stctg   %c0, %c0, 0(%r1)
    oilh    %r0, 0          /* keep r0 defined */
    lg      %r0, 0(%r1)
    oilh    %r0, 0x0006     /* CR0 bits 45 (AFP) and 46 (vector): 0x60000 */
    stg     %r0, 0(%r1)
    lctlg   %c0, %c0, 0(%r1)
    larl    %r2, __bss_start
    larl    %r3, __bss_end
1:  clgr    %r2, %r3
    jhe     2f
    mvi     0(%r2), 0
    la      %r2, 1(%r2)
    j       1b
2:  brasl   %r14, main
    ltr     %r2, %r2
    lghi    %r2, 1
    je      3f
    lghi    %r2, 0
3:  brasl   %r14, test_done
    j       .

    .section .bss
    .balign 8
cr0_tmp:
    .quad 0

    .section .note.GNU-stack,"",@progbits
