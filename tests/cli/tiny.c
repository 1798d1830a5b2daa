/* The smallest freestanding program: a valid ELF for the fixture generators. */
void _start(void)
{
    for (;;)
        ;
}
