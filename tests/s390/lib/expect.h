/* Helpers for tests that provoke interruptions: the new PSW of the class is pointed at a resume
 * label right after the provoking code, so execution simply continues there with all registers as
 * the interruption left them. */
#ifndef S390TEST_EXPECT_H
#define S390TEST_EXPECT_H

#include "s390test.h"

/* Program-interruption result of the last provoked exception. */
struct pgm_result {
    uint16_t code, ilen;
    uint64_t old_mask, old_addr;
};

static inline struct pgm_result pgm_result(void)
{
    struct pgm_result r = { LC16(LC_PGM_CODE), LC16(LC_PGM_ILC), LC64(LC_PGM_OLD), LC64(LC_PGM_OLD + 8) };
    LC16(LC_PGM_CODE) = 0xffff;
    return r;
}

static inline void pgm_arm(void)
{
    set_new_psw(LC_PGM_NEW, PSW_MASK_64, 0);
    LC16(LC_PGM_CODE) = 0xffff;
}

#endif
