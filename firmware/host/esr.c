/* ESR decoding (see esr.h). */
#include "esr.h"

enum abort_action abort_classify(uint64_t esr, uint64_t teid, uint64_t far, struct mmio_access *a)
{
    unsigned ec = ESR_EC(esr);
    uint32_t iss = (uint32_t)(esr & 0x1ffffff);
    if (ec == EC_IABT_LOW || ec == EC_IABT_CUR)
        return ABORT_SEA_INSN;
    if (iss & DABT_S1PTW)
        return ABORT_SEA_DATA;      /* the guest's page tables are not in RAM */
    if (iss & DABT_CM)
        return ABORT_SKIP;          /* DC/IC by VA on a device: nothing to maintain */
    if (!(iss & DABT_ISV))
        return ABORT_SEA_DATA;      /* cannot emulate without a syndrome (pair, SIMD, atomic...) */
    a->ipa = teid_ipa_page(teid) | (far & 0xfff);
    a->size = 1u << ((iss >> 22) & 3);
    a->write = (iss & DABT_WNR) != 0;
    a->sign_extend = (iss & DABT_SSE) != 0;
    a->sf = (iss & DABT_SF) != 0;
    a->rt = (iss >> 16) & 0x1f;
    return ABORT_MMIO;
}

uint64_t mmio_load_result(const struct mmio_access *a, uint64_t raw)
{
    unsigned bits = a->size * 8;
    if (bits < 64)
        raw &= (1ull << bits) - 1;
    if (a->sign_extend && bits < 64 && (raw >> (bits - 1)) & 1)
        raw |= ~0ull << bits;
    if (!a->sf)
        raw &= 0xffffffffull;
    return raw;
}

uint64_t mmio_store_value(const struct mmio_access *a, uint64_t xt)
{
    if (a->rt == 31)
        return 0;
    return a->size >= 8 ? xt : xt & ((1ull << (a->size * 8)) - 1);
}

void esr_decode_sys64(uint64_t esr, struct sys64 *s)
{
    s->op0 = (unsigned)(esr >> 20) & 3;
    s->op2 = (unsigned)(esr >> 17) & 7;
    s->op1 = (unsigned)(esr >> 14) & 7;
    s->crn = (unsigned)(esr >> 10) & 15;
    s->rt = (unsigned)(esr >> 5) & 31;
    s->crm = (unsigned)(esr >> 1) & 15;
    s->read = (esr & 1) != 0;
}
