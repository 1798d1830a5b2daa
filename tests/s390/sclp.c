/* SCLP: Read SCP Info (memory size, CPU entries, AEF bit), Read CPU Info, an invalid command,
 * the service-signal parameter, and console output in line mode and VT220 mode. */
#include "lib/s390test.h"

static uint8_t info[4096] __attribute__((aligned(4096)));

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

int main(void)
{
    uint16_t cpu;
    asm volatile("stap %0" : "=Q"(cpu));

    memset(info, 0, sizeof(info));
    info[0] = 0x10; info[1] = 0x00; /* SCCB length 4096 */
    uint16_t rc = sclp_call(0x00020001, info);
    check(rc == 0x0010, "read scp info rc %x", rc);
    check(sclp_last_ext_param == (uint32_t)(uintptr_t)info, "ext param %x", sclp_last_ext_param);
    check(LC16(LC_EXT_CODE) == 0x2401, "ext code %x", LC16(LC_EXT_CODE));
    unsigned long mb = (unsigned long)be16(info + 8) * info[10];
    check(mb == 128, "memory %lu MiB", mb);
    uint16_t ncpu = be16(info + 16), off = be16(info + 18);
    check(ncpu == 1, "ncpurl %u", ncpu);
    check(off >= 128 && off < 4096, "cpuoff %u", off);
    check(info[off] == cpu, "core id %u vs stap %u", info[off], cpu);
    printk("aef=%d\n", (info[off + 4] & 0x80) ? 1 : 0);

    memset(info, 0, sizeof(info));
    info[0] = 0x10;
    rc = sclp_call(0x00120001, info);  /* forced variant */
    check(rc == 0x0010, "forced read scp info rc %x", rc);

    memset(info, 0, sizeof(info));
    info[0] = 0x10;
    rc = sclp_call(0x00010001, info);
    check(rc == 0x0010, "read cpu info rc %x", rc);
    check(be16(info + 8) == 1, "configured cpus %u", be16(info + 8));

    memset(info, 0, sizeof(info));
    info[0] = 0x10;
    rc = sclp_call(0x00990001, info);
    check(rc == 0x01F0, "invalid command rc %x", rc);

    /* Too short an SCCB for Read SCP Info. */
    memset(info, 0, sizeof(info));
    info[1] = 16;
    rc = sclp_call(0x00020001, info);
    check(rc == 0x0300, "short sccb rc %x", rc);

    sclp_setup();
    sclp_print_line("line mode hello");
    sclp_print_vt220("vt220 hello\n");
    return 0;
}
