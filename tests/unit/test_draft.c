/* The draft store: what an officer typed survives as typed, per login and
 * per form, until it is saved or thrown away. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/draft.h"
#include "testdb.h"
#include "check_run.h"

/* Texts that a hand-written quoting would get wrong. */
static const char *const typed[] = {
	"HN-2026", "Nguyễn Thị Hương", "Số 5, \"ngõ\" 12\\Lê Lợi", "TDP01 — Phố Mới", "1", "",
};
#define N_TYPED ((int)(sizeof typed / sizeof typed[0]))

START_TEST(a_draft_comes_back_as_typed)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	ck_assert_int_eq(gn_draft_save(db, "household", 0, "Thêm hộ mới — Nguyễn Thị Hương", 3, typed, NULL, N_TYPED), GN_OK);
	gn_draft d;
	ck_assert_int_eq(gn_draft_load(db, "household", 0, &d), GN_OK);
	ck_assert_str_eq(d.kind, "household");
	ck_assert_int_eq(d.record_id, 0);
	ck_assert_str_eq(d.title, "Thêm hộ mới — Nguyễn Thị Hương");
	ck_assert_int_eq(d.focus, 3);
	ck_assert_int_eq(d.n, N_TYPED);
	for (int i = 0; i < N_TYPED; i++)
		ck_assert_str_eq(d.values[i], typed[i]);
	ck_assert_int_eq((int)strlen(d.saved_at), 20);
	ck_assert_int_eq((int)strlen(d.saved_local), 16); /* HH:MM dd/mm/yyyy */
	gn_draft_clear(&d);
	testdb_close(db, path);
}
END_TEST

START_TEST(what_the_form_opened_with_is_kept_beside_what_was_typed)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	const char *opened[] = { "HN-2026", "Nguyễn Thị Hương", "", "none", "0", "" };
	ck_assert_int_eq(gn_draft_save(db, "household", 9, "t", 0, typed, opened, N_TYPED), GN_OK);
	gn_draft d;
	ck_assert_int_eq(gn_draft_load(db, "household", 9, &d), GN_OK);
	ck_assert_ptr_nonnull(d.opened);
	for (int i = 0; i < N_TYPED; i++)
		ck_assert_str_eq(d.opened[i], opened[i]);
	gn_draft_clear(&d);
	/* Unknown: none is made up. */
	ck_assert_int_eq(gn_draft_save(db, "household", 9, "t", 0, typed, NULL, N_TYPED), GN_OK);
	ck_assert_int_eq(gn_draft_load(db, "household", 9, &d), GN_OK);
	ck_assert_ptr_null(d.opened);
	ck_assert_int_eq(d.n, N_TYPED);
	gn_draft_clear(&d);
	testdb_close(db, path);
}
END_TEST

START_TEST(saving_again_replaces_the_draft_of_the_same_form)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	const char *first[] = { "a" }, *second[] = { "a", "b" };
	ck_assert_int_eq(gn_draft_save(db, "household", 7, "x", 0, first, NULL, 1), GN_OK);
	ck_assert_int_eq(gn_draft_save(db, "household", 7, "y", 1, second, NULL, 2), GN_OK);
	ck_assert_int_eq(gn_draft_save(db, "household", 0, "new", 0, first, NULL, 1), GN_OK);
	gn_draft d;
	ck_assert_int_eq(gn_draft_load(db, "household", 7, &d), GN_OK);
	ck_assert_int_eq(d.n, 2);
	ck_assert_str_eq(d.values[1], "b");
	ck_assert_str_eq(d.title, "y");
	gn_draft_clear(&d);
	gn_draft *all;
	int n;
	ck_assert_int_eq(gn_draft_list(db, &all, &n), GN_OK);
	ck_assert_int_eq(n, 2);
	gn_draft_list_free(all, n);
	testdb_close(db, path);
}
END_TEST

START_TEST(one_officer_never_sees_another_officers_drafts)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	gn_db_set_actor(db, "lan");
	ck_assert_int_eq(gn_draft_save(db, "household", 0, "Lan's", 0, typed, NULL, N_TYPED), GN_OK);
	gn_db_set_actor(db, "minh");
	gn_draft d;
	ck_assert_int_eq(gn_draft_load(db, "household", 0, &d), GN_ERR_NOT_FOUND);
	gn_draft *all;
	int n;
	ck_assert_int_eq(gn_draft_list(db, &all, &n), GN_OK);
	ck_assert_int_eq(n, 0);
	gn_draft_list_free(all, n);
	/* Minh discarding his (absent) draft leaves Lan's alone. */
	ck_assert_int_eq(gn_draft_discard(db, "household", 0), GN_OK);
	gn_db_set_actor(db, "lan");
	ck_assert_int_eq(gn_draft_load(db, "household", 0, &d), GN_OK);
	ck_assert_str_eq(d.title, "Lan's");
	gn_draft_clear(&d);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_discarded_draft_is_gone)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	ck_assert_int_eq(gn_draft_save(db, "household", 3, "x", 0, typed, NULL, N_TYPED), GN_OK);
	ck_assert_int_eq(gn_draft_save(db, "household", 4, "y", 0, typed, NULL, N_TYPED), GN_OK);
	ck_assert_int_eq(gn_draft_discard(db, "household", 3), GN_OK);
	gn_draft d;
	ck_assert_int_eq(gn_draft_load(db, "household", 3, &d), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(gn_draft_load(db, "household", 4, &d), GN_OK);
	gn_draft_clear(&d);
	testdb_close(db, path);
}
END_TEST

START_TEST(drafts_leave_the_audit_log_alone)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	long long before = gn_db_int_query(db, "SELECT count(*) FROM audit", 0, -1);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(gn_draft_save(db, "household", 0, "x", i, typed, NULL, N_TYPED), GN_OK);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM audit", 0, -1), before);
	testdb_close(db, path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, a_draft_comes_back_as_typed);
	tcase_add_test(tc, what_the_form_opened_with_is_kept_beside_what_was_typed);
	tcase_add_test(tc, saving_again_replaces_the_draft_of_the_same_form);
	tcase_add_test(tc, one_officer_never_sees_another_officers_drafts);
	tcase_add_test(tc, a_discarded_draft_is_gone);
	tcase_add_test(tc, drafts_leave_the_audit_log_alone);
	suite_add_tcase(s, tc);
	return check_run(s);
}
