/* Machine discovery (§2.4 probing order): SCLP Read SCP Info for the storage size and the AEF bit
 * (§2.1), STAP, STFLE for EDAT-1. PTFF and QAAF are probed in main.c.
 *
 * The SCLP is driven as Linux's early SCLP code does: SERVICE CALL with the Read-SCP-Info command
 * word and a 4 KiB SCCB, then an enabled wait until the service-signal external interruption
 * (code 0x2401) reports completion; the response code 0x0010 means normal completion. */
#include "fw.h"
#include "sae_insn.h"

#define SCLP_CMDW_READ_SCP_INFO        0x00020001u
#define SCLP_CMDW_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_RC_NORMAL_COMPLETION      0x0010u
#define SCLP_RC_INVALID_COMMAND        0x01F0u
#define CR0_SERVICE_SIGNAL             0x200ull   /* CR0 bit 54: service-signal subclass mask */

static uint8_t sccb[4096] __attribute__((aligned(4096)));

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }

/* Enabled wait for one external interruption; start.S's handler resumes after it, disabled. */
static void wait_for_service_signal(void)
{
    static uint64_t wait_psw[2] __attribute__((aligned(16)));
    wait_psw[0] = 0x0102000180000000ull;          /* external mask, wait, EA, BA */
    __asm__ volatile("larl %%r1,0f\n\t"
                     "stg %%r1,%0\n\t"
                     "lpswe %1\n"
                     "0:"
                     : "=Q"(wait_psw[1])
                     : "Q"(wait_psw[0])
                     : "r1", "memory", "cc");
}

static int sclp_cmd(uint32_t cmd)
{
    for (unsigned i = 0; i < 4096; i++)
        sccb[i] = 0;
    sccb[0] = 0x10;                               /* header.length = 4096 */
    sccb[1] = 0x00;
    sccb[2] = 0x80;                               /* function code (variable-length response) */
    sccb[5] = 0x80;                               /* control mask: variable-length response */
    int cc;
    unsigned tries = 0;
    do {
        cc = servc(cmd, sccb);
    } while (cc == 2 && ++tries < 1000);          /* busy */
    if (cc != 0)
        return -1;
    uint64_t cr0 = stctg_cr0();
    lctlg_cr0(cr0 | CR0_SERVICE_SIGNAL);
    for (unsigned i = 0; i < 16 && be16(sccb + 6) == 0; i++)
        wait_for_service_signal();
    lctlg_cr0(cr0);
    return be16(sccb + 6);
}

void sclp_discover(struct machine_info *mi)
{
    mi->cpu_addr = stap();
    int rc = sclp_cmd(SCLP_CMDW_READ_SCP_INFO);
    if (rc == SCLP_RC_INVALID_COMMAND)
        rc = sclp_cmd(SCLP_CMDW_READ_SCP_INFO_FORCED);
    if (rc == SCLP_RC_NORMAL_COMPLETION) {
        /* Read SCP Info layout (Linux struct read_info_sccb): rnmax 8, rnsize 10, ncpurl 16,
         * cpuoff 18, rnsize2 100, rnmax2 104. */
        uint64_t rnmax = be16(sccb + 8), rnsize = sccb[10];
        if (!rnmax)
            rnmax = be64(sccb + 104);
        if (!rnsize)
            rnsize = be32(sccb + 100);
        mi->storage_size = rnmax * rnsize << 20;
        unsigned ncpu = be16(sccb + 16), cpuoff = be16(sccb + 18);
        for (unsigned i = 0; i < ncpu && cpuoff + 16 * (i + 1) <= sizeof(sccb); i++) {
            const uint8_t *e = sccb + cpuoff + 16 * i;
            if (e[0] == (mi->cpu_addr & 0xff))
                mi->aef = (e[4] & 0x80) != 0;      /* §2.1: byte 4, leftmost bit */
        }
        mi->sclp_ok = true;
    }
    uint64_t fac[4] = { 0, 0, 0, 0 };
    (void)stfle(fac, 4);                           /* CC 3 only means "list truncated" */
    mi->edat1 = (fac[0] >> (63 - 8)) & 1;         /* facility 8: EDAT-1 */
}
