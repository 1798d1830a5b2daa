/* Entry point and exception vectors of the default guest.
 * The image starts with an arm64 Image header (Linux Documentation/arch/arm64/booting.rst, "Call
 * the kernel image"), so the same bytes boot as an ELF (entry = _head) or, after objcopy -O binary,
 * as an Image loaded at a 2 MiB aligned RAM base + text_offset (0x80000). At entry: EL1, MMU off,
 * x0 = physical address of the DTB (0 if the loader passes none). */
    .section .text.head, "ax"
    .globl _head
_head:
    b       _start                  /* code0 */
    .long   0                       /* code1 */
    .quad   0x80000                 /* text_offset */
    .quad   _image_end - _head      /* image_size: everything up to the end of .bss */
    .quad   0                       /* flags: little-endian, page size unspecified, base near RAM start */
    .quad   0, 0, 0                 /* res2-res4 */
    .ascii  "ARM\x64"               /* magic */
    .long   0                       /* res5 */

    .text
    .globl _start
_start:
    mov     x19, x0                 /* DTB address */
    /* Clear .bss (holds the stack too), then set SP_EL1. */
    adrp    x1, __bss_start
    add     x1, x1, :lo12:__bss_start
    adrp    x2, __bss_end
    add     x2, x2, :lo12:__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:  adrp    x1, __stack_top
    add     x1, x1, :lo12:__stack_top
    mov     sp, x1
    /* Exception vectors (Arm ARM D1.3.1: VBAR_EL1 is 2 KiB aligned). */
    adrp    x1, vectors
    add     x1, x1, :lo12:vectors
    msr     vbar_el1, x1
    /* No FP/SIMD traps (CPACR_EL1.FPEN = 0b11), although the guest is built general-regs-only. */
    mov     x1, #(3 << 20)
    msr     cpacr_el1, x1
    isb
    mov     x0, x19
    bl      guest_main
3:  wfi
    b       3b

/* Save x0-x30, ELR_EL1 and SPSR_EL1 in a 272-byte frame, call handler(kind, frame), restore, ERET.
 * The handler may change frame->elr (e.g. to skip a faulting instruction). */
.macro VENTRY kind
    .balign 0x80
    sub     sp, sp, #272
    stp     x0, x1, [sp, #0]
    mov     x0, #\kind
    b       exc_common
.endm

    .balign 2048
vectors:
    VENTRY 0    /* current EL, SP_EL0: sync */
    VENTRY 1    /*                     IRQ */
    VENTRY 2    /*                     FIQ */
    VENTRY 3    /*                     SError */
    VENTRY 4    /* current EL, SP_ELx: sync */
    VENTRY 5    /*                     IRQ */
    VENTRY 6    /*                     FIQ */
    VENTRY 7    /*                     SError */
    VENTRY 8    /* lower EL AArch64 */
    VENTRY 9
    VENTRY 10
    VENTRY 11
    VENTRY 12   /* lower EL AArch32 */
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
    mrs     x1, elr_el1
    mrs     x2, spsr_el1
    stp     x30, x1, [sp, #240]
    str     x2, [sp, #256]
    mov     x1, sp
    bl      exception_handler
    ldp     x30, x1, [sp, #240]
    ldr     x2, [sp, #256]
    msr     elr_el1, x1
    msr     spsr_el1, x2
    ldp     x0, x1, [sp, #0]
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
    add     sp, sp, #272
    eret
    .section .note.GNU-stack,"",@progbits
