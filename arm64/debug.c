/* Self-hosted hardware breakpoints and watchpoints (Arm ARM D2.8 "Breakpoint exceptions", D2.10
 * "Watchpoint exceptions"): ID_AA64DFR0_EL1 reports 2 of each (BRPs = WRPs = 1), no context-matching
 * comparators (CTX_CMPs = 0). Implemented: unlinked instruction-address breakpoints (BT = 0b0000,
 * BAS = 0b1111) and data-address watchpoints (BAS byte selection or MASK ranges), PMC/PAC privilege
 * filtering, LSC load/store selection, gated by MDSCR_EL1.MDE and AArch64.GenerateDebugExceptions().
 * Linked and context breakpoints never match. */
#include "arm64/internal.h"

#define VA_MASK ((1ULL << 49) - 1) /* DBGBVR/DBGWVR hold VA[48:2]; the rest is a sign extension */

void arm64_debug_update(struct arm64_cpu *c)
{
    bool mde = c->sr.mdscr & (1u << 15);
    c->bp_armed = mde && ((c->sr.dbgbcr[0] | c->sr.dbgbcr[1]) & 1);
    c->wp_armed = mde && ((c->sr.dbgwcr[0] | c->sr.dbgwcr[1]) & 1);
}

/* PMC/PAC privilege control: 0b01 EL1, 0b10 EL0, 0b11 both (HMC = SSC = 0). */
static bool priv_match(unsigned pac, bool el0)
{
    return el0 ? (pac & 2) : (pac & 1);
}

static void debug_exception(struct arm64_cpu *c, unsigned ec_low, uint32_t iss, bool far_valid, uint64_t far)
{
    if (c->el2_present && (c->el2.mdcr & (1u << 8))) { /* MDCR_EL2.TDE */
        arm64_trap_el2(c, ec_low, iss);
        return;
    }
    unsigned ec = c->el ? ec_low + 1 : ec_low;
    if (far_valid)
        arm64_exc_far(c, ec, iss, far);
    else
        arm64_exc(c, ec, iss);
}

bool arm64_breakpoint_hit(struct arm64_cpu *c)
{
    if (!arm64_debug_enabled(c))
        return false;
    for (unsigned n = 0; n < 2; n++) {
        uint64_t ctl = c->sr.dbgbcr[n];
        if (!(ctl & 1) || (ctl >> 20 & 15) != 0 || !priv_match(ctl >> 1 & 3, c->el == 0))
            continue;
        if (((c->pc ^ c->sr.dbgbvr[n]) & VA_MASK & ~3ULL) == 0) {
            qlog(LOG_INT, "arm64: breakpoint %u at 0x%016llx\n", n, (unsigned long long)c->pc);
            debug_exception(c, 0x30, 0x22, false, 0); /* EC 0x30/0x31, IFSC = debug exception */
            return true;
        }
    }
    return false;
}

bool arm64_watchpoint_hit(struct arm64_cpu *c, uint64_t va, unsigned len, unsigned flags)
{
    if (!arm64_debug_enabled(c))
        return false;
    bool store = flags & (MEM_WRITE | MEM_RMW);
    bool el0 = c->el == 0 || (flags & MEM_UNPRIV); /* LDTR/STTR count as EL0 accesses */
    for (unsigned n = 0; n < 2; n++) {
        uint64_t ctl = c->sr.dbgwcr[n];
        unsigned lsc = ctl >> 3 & 3;
        if (!(ctl & 1) || !priv_match(ctl >> 1 & 3, el0))
            continue;
        if (!(store ? (lsc & 2) : (lsc & 1)) && !((flags & MEM_RMW) && lsc))
            continue;
        unsigned mask = ctl >> 24 & 31;
        uint64_t lo, hi; /* watched range [lo, hi) */
        if (mask >= 3) {
            lo = c->sr.dbgwvr[n] & VA_MASK & ~((1ULL << mask) - 1);
            hi = lo + (1ULL << mask);
        } else {
            unsigned bas = ctl >> 5 & 0xFF;
            if (!bas)
                continue;
            uint64_t base = c->sr.dbgwvr[n] & VA_MASK & ~7ULL;
            lo = base + (unsigned)__builtin_ctz(bas);
            hi = base + 32 - (unsigned)__builtin_clz(bas);
        }
        uint64_t a = va & VA_MASK, b = a + len;
        if (a < hi && lo < b) {
            uint64_t far = a > lo ? va : (va & ~VA_MASK) | lo;
            uint32_t iss = 0x22 | (store ? 1u << 6 : 0) | ((flags & MEM_CM) ? 1u << 8 : 0);
            qlog(LOG_INT, "arm64: watchpoint %u: access 0x%016llx+%u\n", n, (unsigned long long)va, len);
            debug_exception(c, 0x34, iss, true, far);
            return true;
        }
    }
    return false;
}
