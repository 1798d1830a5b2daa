/* Shared helpers of the data-processing files. */
#ifndef ARM64_DP_COMMON_H
#define ARM64_DP_COMMON_H

#include "arm64/internal.h"

bool decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate, unsigned datasize,
                      uint64_t *wmask, uint64_t *tmask);

/* ShiftReg(): LSL 0, LSR 1, ASR 2, ROR 3 on 32 or 64 bits. */
static inline uint64_t shift_reg(uint64_t v, unsigned type, unsigned amount, bool sf)
{
    if (!sf) {
        uint32_t w = (uint32_t)v;
        amount &= 31;
        switch (type) {
        case 0: return (uint32_t)(w << amount);
        case 1: return w >> amount;
        case 2: return (uint32_t)((int32_t)w >> amount);
        default: return amount ? (uint32_t)((w >> amount) | (w << (32 - amount))) : w;
        }
    }
    amount &= 63;
    switch (type) {
    case 0: return v << amount;
    case 1: return v >> amount;
    case 2: return (uint64_t)((int64_t)v >> amount);
    default: return amount ? (v >> amount) | (v << (64 - amount)) : v;
    }
}

/* ExtendReg(): UXTB UXTH UXTW UXTX SXTB SXTH SXTW SXTX then LSL shift. */
static inline uint64_t extend_reg(uint64_t v, unsigned option, unsigned shift)
{
    switch (option) {
    case 0: v = (uint8_t)v; break;
    case 1: v = (uint16_t)v; break;
    case 2: v = (uint32_t)v; break;
    case 3: break;
    case 4: v = (uint64_t)(int64_t)(int8_t)v; break;
    case 5: v = (uint64_t)(int64_t)(int16_t)v; break;
    case 6: v = (uint64_t)(int64_t)(int32_t)v; break;
    default: break;
    }
    return v << shift;
}

#endif
