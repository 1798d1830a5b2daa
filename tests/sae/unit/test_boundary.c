/* Boundary ordering (§7.8, MD-39) and the WFI/WFE rule (§7.7, MD-33). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sae/boundary.h"
#include "sae/el2.h"
#include "sae/sd.h"

static struct sae_vgic g;
static struct sae_timers ts;
static struct sae_boundary_in in;
static struct sae_boundary_out out;

#define HCR (SAE_HCR_IMO | SAE_HCR_FMO | SAE_HCR_AMO | SAE_HCR_RW | SAE_HCR_E2H)

static void setup(void)
{
    memset(&g, 0, sizeof(g));
    memset(&ts, 0, sizeof(ts));
    g.hcr = ICH_HCR_EN;
    g.vmcr = ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | (0xF8ull << ICH_VMCR_VPMR_SHIFT);
    in = (struct sae_boundary_in){ false, &g, &ts, 1000, HCR, 0x5 /* EL1h, unmasked */ };
    memset(&out, 0xEE, sizeof(out));
}

static void pend_irq(void) { g.lr[0] = (1ull << 62) | (1ull << 60) | (0x80ull << 48) | 40; }
static void fire_vtimer(void) { ts.t[SAE_TIMER_VIRT] = (struct sae_timer){ CNT_CTL_ENABLE, 10 }; }
static void maint(void) { g.hcr |= ICH_HCR_NPIE; }   /* no LR pending -> NP */

START_TEST(test_order)
{
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_CONTINUE);
    /* all four conditions: host interruption first */
    pend_irq();
    fire_vtimer();
    g.lr[1] = 0;
    g.hcr |= ICH_HCR_UIE;                          /* one valid LR -> U */
    in.host_interrupt = true;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_END);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_SPURIOUS);
    ck_assert_uint_eq(out.tir, 0);
    /* then maintenance, with MISR/EISR/ELRSR */
    in.host_interrupt = false;
    sae_boundary(&in, &out);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_MAINTENANCE);
    ck_assert_uint_eq(out.misr, ICH_MISR_U);
    ck_assert_uint_eq(out.eisr, 0);
    ck_assert_uint_eq(out.elrsr, 0xE);
    /* then the timer */
    g.hcr &= ~ICH_HCR_UIE;
    sae_boundary(&in, &out);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_TIMER);
    ck_assert_uint_eq(out.tir, SAE_TIR_VIRT);
    /* then the virtual IRQ */
    ts.t[SAE_TIMER_VIRT].ctl = 0;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_TAKE_VIRQ);
}
END_TEST

START_TEST(test_timer_independent_of_masks)
{
    fire_vtimer();
    in.pstate = 0x3C5;                 /* DAIF all set */
    in.hcr_el2 = SAE_HCR_RW | SAE_HCR_E2H;     /* IMO = 0 */
    sae_boundary(&in, &out);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_TIMER);
    /* maintenance is host-directed too */
    ts.t[SAE_TIMER_VIRT].ctl = 0;
    maint();
    sae_boundary(&in, &out);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_MAINTENANCE);
    ck_assert_uint_eq(out.misr, ICH_MISR_NP);
}
END_TEST

START_TEST(test_virtual_exceptions)
{
    in.hcr_el2 = HCR | SAE_HCR_VSE | SAE_HCR_VF | SAE_HCR_VI;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_TAKE_VSERROR);
    in.pstate |= SAE_PSTATE_A;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_TAKE_VFIQ);
    in.pstate |= SAE_PSTATE_F;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_TAKE_VIRQ);
    in.pstate |= SAE_PSTATE_I;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_CONTINUE);
    /* masks apply at EL0 as well (the target is EL1) */
    in.pstate = SAE_PSTATE_I;              /* EL0t */
    in.hcr_el2 = HCR | SAE_HCR_VI;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_CONTINUE);
    in.pstate = 0;
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_TAKE_VIRQ);
    /* an LR-signalled IRQ */
    in.hcr_el2 = HCR;
    pend_irq();
    sae_boundary(&in, &out);
    ck_assert_int_eq(out.action, SAE_BND_TAKE_VIRQ);
}
END_TEST

START_TEST(test_wfx)
{
    struct sae_wfx_in w = { false, false, false, 0, &in };
    bool clr;
    /* WFI with nothing signalled waits */
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_WAIT);
    /* a signalled vIRQ completes it even when masked */
    pend_irq();
    in.pstate = 0x3C5;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_COMPLETE);
    /* and then TWI does not trap (only a WFx that would wait traps) */
    in.hcr_el2 = HCR | SAE_HCR_TWI;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_COMPLETE);
    g.lr[0] = 0;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_TRAP_EL2);
    /* EL0 with SCTLR_EL1.nTWI = 0 traps to EL1 first */
    w.el0 = true;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_TRAP_EL1);
    w.sctlr_el1 = 1ull << 16;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_TRAP_EL2);
    w.el0 = false;
    in.hcr_el2 = HCR;
    /* a physical wake-up event: the WFI completes and SAE ends with that code */
    fire_vtimer();
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_END_EVENT);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_TIMER);
    ts.t[SAE_TIMER_VIRT].ctl = 0;
    in.host_interrupt = true;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_END_EVENT);
    ck_assert_uint_eq(out.icptr, SAE_ICPT_SPURIOUS);
    in.host_interrupt = false;
    /* WFE: the event register is consumed; without it, wait; TWE traps the waiting case */
    w.is_wfe = true;
    w.event_register = true;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_COMPLETE);
    ck_assert(clr);
    w.event_register = false;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_WAIT);
    ck_assert(!clr);
    in.hcr_el2 = HCR | SAE_HCR_TWE;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_TRAP_EL2);
    in.hcr_el2 = HCR | SAE_HCR_TWI;
    ck_assert_int_eq(sae_wfx(&w, &out, &clr), SAE_WFX_WAIT);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sae-boundary");
    TCase *tc = tcase_create("boundary");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_order);
    tcase_add_test(tc, test_timer_independent_of_masks);
    tcase_add_test(tc, test_virtual_exceptions);
    tcase_add_test(tc, test_wfx);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
