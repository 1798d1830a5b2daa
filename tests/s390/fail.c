/* A program that reports failure: the disabled wait at address 0 must give exit status 1. */
#include "lib/s390test.h"

int main(void)
{
    return 1;
}
