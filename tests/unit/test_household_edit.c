/* The household form's merge: differences field by field, the defaults
 * offered after a conflict, and two connections saving the same household. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/household_edit.h"
#include "testdb.h"
#include "check_run.h"

static gn_household make(const char *code, const char *phone, const char *notes, gn_money income)
{
	gn_household h = { 0 };
	h.id = 7;
	h.version = 3;
	h.code = strdup(code);
	h.head_name = strdup("Nguyễn Thị Hương");
	h.phone = phone ? strdup(phone) : NULL;
	h.notes = notes ? strdup(notes) : NULL;
	h.income = income;
	return h;
}

START_TEST(diff_lists_the_fields_that_differ)
{
	gn_household a = make("SC-1", "0912345678", NULL, 1000000);
	gn_household b;
	ck_assert_int_eq(gn_household_copy(&a, &b), GN_OK);
	ck_assert_uint_eq(gn_household_diff(&a, &b), 0);
	/* NULL and "" are the same empty field. */
	free(b.notes);
	b.notes = strdup("");
	ck_assert_uint_eq(gn_household_diff(&a, &b), 0);
	b.income = 2500000;
	b.targeted = true;
	b.tdp_id = 4;
	free(b.phone);
	b.phone = strdup("0988000111");
	ck_assert_uint_eq(gn_household_diff(&a, &b),
			  GN_HF_BIT(GN_HF_INCOME) | GN_HF_BIT(GN_HF_TARGETED) | GN_HF_BIT(GN_HF_TDP) |
				  GN_HF_BIT(GN_HF_PHONE));
	gn_household_clear(&a);
	gn_household_clear(&b);
}
END_TEST

START_TEST(defaults_keep_their_changes_and_mine)
{
	gn_household base = make("SC-1", "0912345678", "cũ", 1000000);
	gn_household mine, theirs;
	gn_household_copy(&base, &mine);
	gn_household_copy(&base, &theirs);
	/* I changed the income; they changed the phone; both changed the notes. */
	mine.income = 2500000;
	free(mine.notes);
	mine.notes = strdup("của tôi");
	free(theirs.phone);
	theirs.phone = strdup("0988000111");
	free(theirs.notes);
	theirs.notes = strdup("của họ");
	theirs.version = 4;
	gn_hf_set differ = gn_household_diff(&mine, &theirs);
	ck_assert_uint_eq(differ, GN_HF_BIT(GN_HF_INCOME) | GN_HF_BIT(GN_HF_PHONE) | GN_HF_BIT(GN_HF_NOTES));
	gn_hf_set take = gn_household_merge_defaults(&base, &mine, &theirs);
	ck_assert_uint_eq(take, GN_HF_BIT(GN_HF_INCOME) | GN_HF_BIT(GN_HF_NOTES));

	gn_household out;
	ck_assert_int_eq(gn_household_merge(&mine, &theirs, take, &out), GN_OK);
	ck_assert_int_eq(out.version, 4); /* on top of the stored version */
	ck_assert_int_eq(out.income, 2500000);
	ck_assert_str_eq(out.phone, "0988000111");
	ck_assert_str_eq(out.notes, "của tôi");
	gn_household_clear(&out);

	/* Take theirs on every field: exactly what is stored. */
	ck_assert_int_eq(gn_household_merge(&mine, &theirs, 0, &out), GN_OK);
	ck_assert_uint_eq(gn_household_diff(&out, &theirs), 0);
	gn_household_clear(&out);
	/* Keep all mine: every field as I typed it. */
	ck_assert_int_eq(gn_household_merge(&mine, &theirs, GN_HF_ALL, &out), GN_OK);
	ck_assert_uint_eq(gn_household_diff(&out, &mine), 0);
	ck_assert_int_eq(out.version, 4);
	gn_household_clear(&out);

	gn_household_clear(&base);
	gn_household_clear(&mine);
	gn_household_clear(&theirs);
}
END_TEST

START_TEST(two_connections_never_lose_either_save)
{
	char path[PATH_MAX];
	gn_db *one = testdb_open(path, true), *two = NULL;
	ck_assert_ptr_nonnull(one);
	ck_assert_int_eq(gn_db_open(path, false, &two), GN_OK);
	long long id = testdb_household(one, "SC-0100", "Lê Văn Hùng", 1500000, GN_AREA_URBAN);
	ck_assert_int_gt(id, 0);

	gn_household base, mine, other;
	ck_assert_int_eq(gn_household_load(one, id, &base), GN_OK);
	gn_household_copy(&base, &mine);
	ck_assert_int_eq(gn_household_load(two, id, &other), GN_OK);

	/* The colleague saves the phone first. */
	free(other.phone);
	other.phone = strdup("0988 000 111");
	ck_assert_int_eq(gn_household_update(two, &other, NULL), GN_OK);

	/* My save of the income meets it. */
	mine.income = 2600000;
	gn_household theirs = { 0 };
	ck_assert_int_eq(gn_household_update(one, &mine, &theirs), GN_ERR_CONFLICT);
	ck_assert_str_eq(theirs.phone, "0988000111");
	ck_assert_int_eq(theirs.version, base.version + 1);
	gn_household after;
	ck_assert_int_eq(gn_household_load(one, id, &after), GN_OK);
	ck_assert_int_eq(after.income, 1500000); /* nothing of mine written */
	gn_household_clear(&after);

	gn_hf_set take = gn_household_merge_defaults(&base, &mine, &theirs);
	ck_assert_uint_eq(take, GN_HF_BIT(GN_HF_INCOME));
	gn_household merged;
	ck_assert_int_eq(gn_household_merge(&mine, &theirs, take, &merged), GN_OK);
	ck_assert_int_eq(gn_household_update(one, &merged, NULL), GN_OK);

	ck_assert_int_eq(gn_household_load(two, id, &after), GN_OK);
	ck_assert_int_eq(after.income, 2600000);
	ck_assert_str_eq(after.phone, "0988000111");
	ck_assert_int_eq(after.version, base.version + 2);
	gn_household_clear(&after);

	gn_household_clear(&base);
	gn_household_clear(&mine);
	gn_household_clear(&other);
	gn_household_clear(&theirs);
	gn_household_clear(&merged);
	gn_db_close(two);
	testdb_close(one, path);
}
END_TEST

START_TEST(tdp_entries_have_ids)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long ids[8];
	char codes[8][32], names[8][64];
	int n = gn_tdp_entries(db, ids, codes, names, 8);
	char c2[8][32], n2[8][64];
	ck_assert_int_eq(n, gn_tdp_list(db, c2, n2, 8));
	for (int i = 0; i < n; i++) {
		ck_assert_int_gt(ids[i], 0);
		ck_assert_str_eq(codes[i], c2[i]);
	}
	testdb_close(db, path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("household_edit");
	TCase *tc = tcase_create("merge");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, diff_lists_the_fields_that_differ);
	tcase_add_test(tc, defaults_keep_their_changes_and_mine);
	tcase_add_test(tc, two_connections_never_lose_either_save);
	tcase_add_test(tc, tdp_entries_have_ids);
	suite_add_tcase(s, tc);
	return check_run(s);
}
