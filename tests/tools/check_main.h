/* Shared runner for the tools unit tests: one suite per executable, non-zero exit on any failure. */
#ifndef TESTS_TOOLS_CHECK_MAIN_H
#define TESTS_TOOLS_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
