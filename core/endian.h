/* Byte-order helpers for guest storage.
 * s390 storage is big-endian (Principles of Operation, ch. 3 "Storage"); the Arm guests saesim runs are
 * little-endian (SCTLR_EL1.EE is RES0, sae-model MD-57). Both live in the same host bytes, so every access
 * names its order explicitly. Unaligned accesses are legal in both architectures, hence memcpy. */
#ifndef CORE_ENDIAN_H
#define CORE_ENDIAN_H

#include <stdint.h>
#include <string.h>

static inline uint16_t ld_le16(const void *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline uint32_t ld_le32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t ld_le64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint16_t ld_be16(const void *p) { uint16_t v; memcpy(&v, p, 2); return __builtin_bswap16(v); }
static inline uint32_t ld_be32(const void *p) { uint32_t v; memcpy(&v, p, 4); return __builtin_bswap32(v); }
static inline uint64_t ld_be64(const void *p) { uint64_t v; memcpy(&v, p, 8); return __builtin_bswap64(v); }

static inline void st_le16(void *p, uint16_t v) { memcpy(p, &v, 2); }
static inline void st_le32(void *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void st_le64(void *p, uint64_t v) { memcpy(p, &v, 8); }
static inline void st_be16(void *p, uint16_t v) { v = __builtin_bswap16(v); memcpy(p, &v, 2); }
static inline void st_be32(void *p, uint32_t v) { v = __builtin_bswap32(v); memcpy(p, &v, 4); }
static inline void st_be64(void *p, uint64_t v) { v = __builtin_bswap64(v); memcpy(p, &v, 8); }

/* Sized access (size in bytes: 1, 2, 4 or 8), zero-extended to 64 bits. */
static inline uint64_t ld_le(const void *p, unsigned size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: return ld_le16(p);
    case 4: return ld_le32(p);
    default: return ld_le64(p);
    }
}
static inline uint64_t ld_be(const void *p, unsigned size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: return ld_be16(p);
    case 4: return ld_be32(p);
    default: return ld_be64(p);
    }
}
static inline void st_le(void *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: st_le16(p, (uint16_t)v); break;
    case 4: st_le32(p, (uint32_t)v); break;
    default: st_le64(p, v); break;
    }
}
static inline void st_be(void *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: st_be16(p, (uint16_t)v); break;
    case 4: st_be32(p, (uint32_t)v); break;
    default: st_be64(p, v); break;
    }
}

#endif
