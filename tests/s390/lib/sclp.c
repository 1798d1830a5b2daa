/* SCLP console for the tests: Write Event Mask, line-mode messages (type 2, EBCDIC text in a
 * message-text object) and VT220 writes (type 0x1A), each completed by the service-signal external
 * interruption. */
#include "s390test.h"

static const uint8_t a2e[128] = {
    0x00, 0x01, 0x02, 0x03, 0x37, 0x2d, 0x2e, 0x2f, 0x16, 0x05, 0x25, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x3c, 0x3d, 0x32, 0x26, 0x18, 0x19, 0x3f, 0x27, 0x1c, 0x1d, 0x1e, 0x1f,
    0x40, 0x5a, 0x7f, 0x7b, 0x5b, 0x6c, 0x50, 0x7d, 0x4d, 0x5d, 0x5c, 0x4e, 0x6b, 0x60, 0x4b, 0x61,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0x7a, 0x5e, 0x4c, 0x7e, 0x6e, 0x6f,
    0x7c, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6,
    0xd7, 0xd8, 0xd9, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xba, 0xe0, 0xbb, 0xb0, 0x6d,
    0x79, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xc0, 0x4f, 0xd0, 0xa1, 0x07,
};

static uint8_t sccb[4096] __attribute__((aligned(4096)));
uint32_t sclp_last_ext_param;

/* The external-interruption subclass masks are CR0 bits 48-63 (PoP "Control-Register
 * Allocation"); bit 54 is the service-signal subclass. While waiting for the service signal only
 * that subclass is enabled, so a clock comparator, CPU timer or SIGP signal that a test left pending
 * stays pending for the test instead of ending this wait. */
#define CR0_EXT_SUBCLASSES 0xffffUL
#define CR0_SERVICE_SIGNAL 0x200UL
#define EXT_SERVICE_SIGNAL 0x2401

/* The addressing-mode bits (PSW bits 31-32) of the current PSW, from EXTRACT PSW: the external
 * new PSW and the wait PSW keep the caller's mode, so a program IPLed in the 31-bit mode (raw-ipl)
 * returns to its 31-bit caller in the 31-bit mode. */
static uint64_t current_amode(void)
{
    unsigned long hi = 0, lo = 0;
    asm volatile("epsw %0,%1" : "+d"(hi), "+d"(lo));
    return (hi & 1UL) << 32 | (lo & 0x80000000UL);
}

uint16_t sclp_call(uint32_t cmd, void *block)
{
    uint64_t amode = current_amode();
    static struct psw wait_psw __attribute__((aligned(8)));
    uint64_t cr0 = stctg(0);
    lctlg0((cr0 & ~CR0_EXT_SUBCLASSES) | CR0_SERVICE_SIGNAL);
    int cc;
    register unsigned long r2 asm("2") = cmd;
    register unsigned long r3 asm("3") = (unsigned long)block;
    asm volatile(".insn rre,0xb2200000,%1,%2\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r2), "d"(r3) : "cc", "memory");
    if (cc == 0) {
        /* SERVICE CALL only starts the command: the SCCB is valid after the service-signal
         * interruption (PoP ch. 6 "Service Signal"), taken here from an enabled wait. */
        do {
            LC16(LC_EXT_CODE) = 0;
            set_new_psw(LC_EXT_NEW, amode, 0);
            wait_psw.mask = PSW_MASK_EXT | PSW_MASK_WAIT | amode;
            /* LLGTR: in the 31-bit mode LARL leaves bits 0-31 of R1 unchanged. */
            asm volatile("larl %%r1,0f\n\t"
                         "llgtr %%r1,%%r1\n\t"
                         "stg %%r1,8+%0\n\t"
                         "stg %%r1,0x1b8\n\t"
                         "lpswe %0\n"
                         "0:\n" : "+Q"(wait_psw) : : "r1", "memory");
        } while (LC16(LC_EXT_CODE) != EXT_SERVICE_SIGNAL);
        sclp_last_ext_param = LC32(LC_EXT_PARAMS);
    }
    lctlg0(cr0);
    return cc == 0 ? *(volatile uint16_t *)((uint8_t *)block + 6) : 0xffff;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)(v >> 16)); put16(p + 2, (uint16_t)v); }

static bool console_ready;

void sclp_setup(void)
{
    console_ready = true;
    memset(sccb, 0, sizeof(sccb));
    put16(sccb, 8 + 4 + 16);
    put16(sccb + 10, 4);                     /* mask length */
    put32(sccb + 12, 0x00000040);            /* cp receive: VT220 */
    put32(sccb + 16, 0x40000040);            /* cp send: message, VT220 */
    sclp_call(0x00780005, sccb);
}

void sclp_print_line(const char *s)
{
    size_t n = strlen(s);
    memset(sccb, 0, 8 + 6 + 12 + 56 + 10 + n);
    uint8_t *ev = sccb + 8, *mdb = ev + 6, *go = mdb + 12, *mto = go + 56;
    put16(sccb, (uint16_t)(8 + 6 + 12 + 56 + 10 + n));
    put16(ev, (uint16_t)(6 + 12 + 56 + 10 + n));
    ev[2] = 0x02;
    put16(mdb, (uint16_t)(12 + 56 + 10 + n));
    put16(mdb + 2, 1);
    put32(mdb + 4, 0xD4C4C240);              /* "MDB " */
    put32(mdb + 8, 1);
    put16(go, 56);
    put16(go + 2, 1);
    put16(mto, (uint16_t)(10 + n));
    put16(mto + 2, 4);
    put16(mto + 4, 0x1000);                  /* line type: data */
    for (size_t i = 0; i < n; i++)
        mto[10 + i] = a2e[(unsigned char)s[i] & 0x7f];
    sclp_call(0x00760005, sccb);
}

void sclp_print_vt220(const char *s)
{
    size_t n = strlen(s);
    memset(sccb, 0, 8 + 6 + n);
    put16(sccb, (uint16_t)(8 + 6 + n));
    put16(sccb + 8, (uint16_t)(6 + n));
    sccb[10] = 0x1A;
    memcpy(sccb + 14, s, n);
    sclp_call(0x00760005, sccb);
}

/* The test console: VT220 writes, the one console QEMU's s390-ccw-virtio machine has on -serial
 * and the one saesim's s390-bare machine has on stdout. The interruption fields of the lowcore
 * (external old/new PSW, code, parameter, CPU address) are saved and restored around the call, so
 * printing a diagnostic never disturbs what a test is about to inspect there. */
static uint8_t con_sccb[4096] __attribute__((aligned(4096)));

void console_write(const char *s, size_t n)
{
    uint8_t saved_fields[8], saved_old[16], saved_new[16];
    uint32_t saved_param = sclp_last_ext_param;
    memcpy(saved_fields, (void *)(uintptr_t)LC_EXT_PARAMS, 8);
    memcpy(saved_old, (void *)(uintptr_t)LC_EXT_OLD, 16);
    memcpy(saved_new, (void *)(uintptr_t)LC_EXT_NEW, 16);
    if (!console_ready)
        sclp_setup();
    while (n) {
        size_t k = n < sizeof(con_sccb) - 8 - 6 ? n : sizeof(con_sccb) - 8 - 6;
        memset(con_sccb, 0, 8 + 6);
        put16(con_sccb, (uint16_t)(8 + 6 + k));
        put16(con_sccb + 8, (uint16_t)(6 + k));
        con_sccb[10] = 0x1A;
        memcpy(con_sccb + 14, s, k);
        sclp_call(0x00760005, con_sccb);
        s += k;
        n -= k;
    }
    memcpy((void *)(uintptr_t)LC_EXT_PARAMS, saved_fields, 8);
    memcpy((void *)(uintptr_t)LC_EXT_OLD, saved_old, 16);
    memcpy((void *)(uintptr_t)LC_EXT_NEW, saved_new, 16);
    sclp_last_ext_param = saved_param;
}
