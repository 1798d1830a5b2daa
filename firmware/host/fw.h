/* The host firmware's shared state and services (console, fatal exit, allocator). */
#ifndef FW_FW_H
#define FW_FW_H

#include <stdbool.h>
#include <stdint.h>

#include "../lib/fwlib.h"
#include "dat.h"
#include "sae_defs.h"
#include "saesim-hostif.h"
#include "vgic.h"

#define FW_VERSION "1.0"

/* Boot parameters, copied from the big-endian BPB and checked (main.c). */
struct boot_params {
    uint64_t flags;
    uint64_t ram_ipa, ram_size, ram_host;
    uint64_t kernel_host, kernel_size, kernel_ipa, kernel_entry;
    uint32_t kernel_kind;
    uint64_t initrd_host, initrd_size, initrd_ipa;
    uint64_t dtb_host, dtb_size, dtb_ipa;
    uint64_t ipa_limit;
};

/* What discovery found (§2.4 probing order). */
struct machine_info {
    uint64_t storage_size;      /* SCLP Read SCP Info: rnmax * rnsize */
    bool sclp_ok;
    bool aef;                   /* SCLP core entry byte 4, 0x80 (§2.1) */
    uint16_t cpu_addr;          /* STAP */
    bool ptff_qagto, ptff_qagpt; /* PTFF QAF bits 0x10 / 0x11 (§2.3) */
    bool edat1;                 /* STFLE bit 8 */
};

struct fw {
    struct boot_params bp;
    struct machine_info mi;
    struct s2_map s2;
    struct sae_sd *sd;          /* SD, followed directly by the SA (§10 vCPU creation) */
    uint8_t *sa;
    uint8_t *qmc;               /* QAAF fc 1 output */
    uint8_t *sa_template;       /* QAAF fc 2 output */
    uint64_t gpto;              /* QAGTO(0), once per VM ("epd") */
    uint64_t vmpidr;
    uint64_t hcr;               /* HCR_EL2 shadow, written before every SAE (§10 step 5.3) */
    uint64_t csselr;            /* CSSELR_EL1, held in software (TID2) */
    struct vgic vgic;
    bool timer_fw_masked[2];    /* [0] virtual, [1] physical: IMASK set by the firmware (timer.c) */
    uint32_t timer_masked_ctl[2]; /* CTL.ENABLE|IMASK as the firmware left it */
    bool verbose;
    struct saesim_fw_stats *stats;
};

/* console.c */
extern bool fw_quiet;
void fw_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fw_flush(void);
/* Report to saesim and stop (never returns). */
void __attribute__((noreturn)) fw_exit(uint32_t kind, uint64_t detail, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define fw_fatal(...) fw_exit(SAESIM_EXIT_FATAL, 0, __VA_ARGS__)

/* main.c: bump allocator over the firmware heap (zeroed, aligned); copying the boot images to
 * their IPAs (at boot and after a reset). */
void *fw_alloc(uint64_t size, uint64_t align);
void fw_place_images(struct fw *fw);

/* Big-endian counter increment for the stats block (native on s390). */
#define STAT_INC(fw, field) ((fw)->stats->field++)

/* sclp.c */
void sclp_discover(struct machine_info *mi);

/* vcpu.c */
void vcpu_create(struct fw *fw);
void vcpu_reset(struct fw *fw);
void vcpu_skip_insn(struct fw *fw);
void vcpu_inject_undef(struct fw *fw);
void vcpu_inject_sea(struct fw *fw, bool iabt, uint64_t far, bool wnr);
uint64_t vcpu_guest_counter(struct fw *fw);

/* run_loop.c */
void __attribute__((noreturn)) run_loop(struct fw *fw);
void fw_print_summary(struct fw *fw);

/* mmio.c */
void handle_host_access(struct fw *fw, unsigned icptr);

/* psci.c glue in run_loop.c; timer.c */
void timer_intercept(struct fw *fw, uint8_t tir);
void timer_after_exit(struct fw *fw, unsigned icptr);
void timer_mmio_written(struct fw *fw);
void timer_wait_idle(struct fw *fw);

/* vgic.c (firmware side) */
void vgic_fw_init(struct fw *fw);
void vgic_sync(struct fw *fw);
int vgic_refill(struct fw *fw);
void vgic_maintenance(struct fw *fw);

/* sysreg trap handling (run_loop.c uses sysreg_emul.h) */
void handle_sys64(struct fw *fw, uint64_t esr);

#endif
