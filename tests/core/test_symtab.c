/* Symbol table: sorting, lookup by name, nearest-below search. */
#include "check_main.h"
#include "core/symtab.h"

START_TEST(sort_lookup_find)
{
    struct symtab t;
    symtab_init(&t);
    ck_assert_int_eq(symtab_add(&t, "c", 0x3000, 0x10), 0);
    ck_assert_int_eq(symtab_add(&t, "a", 0x1000, 0x100), 0);
    ck_assert_int_eq(symtab_add(&t, "b", 0x2000, 0), 0);
    ck_assert_int_eq(symtab_add(&t, "a_label", 0x1000, 0), 0);
    symtab_finish(&t);
    for (size_t i = 1; i < t.count; i++)
        ck_assert_uint_le(t.syms[i - 1].addr, t.syms[i].addr);
    uint64_t addr = 0, off = 99;
    ck_assert(symtab_lookup(&t, "b", &addr));
    ck_assert_uint_eq(addr, 0x2000);
    ck_assert(!symtab_lookup(&t, "missing", &addr));
    ck_assert_ptr_null(symtab_find(&t, 0xfff, &off));
    const struct symbol *s = symtab_find(&t, 0x1004, &off);
    ck_assert_str_eq(s->name, "a"); /* the sized symbol wins over a label at the same address */
    ck_assert_uint_eq(off, 4);
    ck_assert_str_eq(symtab_find(&t, 0x2fff, &off)->name, "b");
    ck_assert_uint_eq(off, 0xfff);
    ck_assert_str_eq(symtab_find(&t, 0x3000, &off)->name, "c");
    ck_assert_uint_eq(off, 0);
    ck_assert_str_eq(symtab_find(&t, UINT64_MAX, NULL)->name, "c");
    symtab_destroy(&t);
    ck_assert_uint_eq(t.count, 0);
    ck_assert_ptr_null(symtab_find(&t, 0x1000, &off));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("symtab");
    TCase *tc = tcase_create("symtab");
    tcase_add_test(tc, sort_lookup_find);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
