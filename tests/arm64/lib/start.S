/* Entry, exception vectors and EL0 helpers of the bare-metal test runtime. Entered in EL1h with
 * DAIF masked (saesim -M arm64-bare, qemu-system-aarch64 -M virt -kernel). */
    .section .text.start, "ax"
    .global _start
_start:
    ldr     x1, =__stack_top
    mov     sp, x1
    adr     x1, vectors
    msr     vbar_el1, x1
    isb
    ldr     x1, =__bss_start
    ldr     x2, =__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:  bl      main
    bl      t_exit
3:  b       3b

/* Exception frame: x0-x30, ELR_EL1, SPSR_EL1, pad = 34 * 8 bytes */
.macro VENTRY idx
    .balign 0x80
    sub     sp, sp, #272
    stp     x0, x1, [sp, #0]
    mov     x0, #\idx
    b       exc_common
.endm

    .text
    .balign 2048
    .global vectors
vectors:
    VENTRY 0
    VENTRY 1
    VENTRY 2
    VENTRY 3
    VENTRY 4
    VENTRY 5
    VENTRY 6
    VENTRY 7
    VENTRY 8
    VENTRY 9
    VENTRY 10
    VENTRY 11
    VENTRY 12
    VENTRY 13
    VENTRY 14
    VENTRY 15

exc_common:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    mrs     x2, elr_el1
    mrs     x3, spsr_el1
    stp     x30, x2, [sp, #240]
    str     x3, [sp, #256]
    mov     x1, x0
    mov     x0, sp
    bl      t_exception           /* (struct t_frame *, unsigned vector) */
    ldp     x30, x2, [sp, #240]
    ldr     x3, [sp, #256]
    msr     elr_el1, x2
    msr     spsr_el1, x3
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #272
    eret

/* uint64_t t_run_el0(uint64_t (*fn)(uint64_t), uint64_t arg): run fn(arg) at EL0t on the EL0 stack;
 * fn returns by `svc #0xffff` with the result in x0 (t_el0_return does that). */
    .global t_run_el0
t_run_el0:
    ldr     x9, =t_el1_ctx
    stp     x19, x20, [x9, #0]
    stp     x21, x22, [x9, #16]
    stp     x23, x24, [x9, #32]
    stp     x25, x26, [x9, #48]
    stp     x27, x28, [x9, #64]
    stp     x29, x30, [x9, #80]
    mov     x10, sp
    str     x10, [x9, #96]
    ldr     x10, =__el0_stack_top
    msr     sp_el0, x10
    msr     elr_el1, x0
    mov     x0, x1
    ldr     x30, =t_el0_return
    ldr     x10, =t_el0_spsr       /* SPSR: EL0t, DAIF clear, NZCV clear, unless a test sets more */
    ldr     x10, [x10]
    msr     spsr_el1, x10
    eret

    .global t_el0_return
t_el0_return:
    svc     #0xffff
    b       t_el0_return

/* Reached by ERET from the exception handler after `svc #0xffff` at EL0 (x0 = fn's result). */
    .global t_back_to_el1
t_back_to_el1:
    ldr     x9, =t_el1_ctx
    ldp     x19, x20, [x9, #0]
    ldp     x21, x22, [x9, #16]
    ldp     x23, x24, [x9, #32]
    ldp     x25, x26, [x9, #48]
    ldp     x27, x28, [x9, #64]
    ldp     x29, x30, [x9, #80]
    ldr     x10, [x9, #96]
    mov     sp, x10
    ret

    .bss
    .balign 16
t_el1_ctx:
    .space 112
