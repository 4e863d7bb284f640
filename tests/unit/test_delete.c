/* Soft deletion of a household: gone from lists and search, kept in the
 * file, refused when someone saved it meanwhile, undone by a restore, and
 * read as deleted/restored in the history. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/audit.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/standard.h"
#include "giamngheo/ward.h"
#include "testdb.h"
#include "check_run.h"

static long long listed(gn_db *db, const char *text)
{
	gn_ward w;
	gn_standard s;
	ck_assert_int_eq(gn_ward_load(db, &w), GN_OK);
	ck_assert_int_eq(gn_standard_load(db, w.current_standard_id, &s), GN_OK);
	gn_household_filter f;
	gn_household_filter_init(&f);
	f.text = text;
	gn_household_row *rows;
	int n;
	long long total;
	ck_assert_int_eq(gn_household_query(db, &s, &f, &rows, &n, &total), GN_OK);
	free(rows);
	gn_standard_clear(&s);
	return total;
}

START_TEST(a_deleted_household_leaves_the_list_and_search_and_comes_back)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long id = testdb_household(db, "HN-01", "Nguyễn Thị Hương", 900000, GN_AREA_URBAN);
	testdb_household(db, "HN-02", "Trần Văn Đức", 900000, GN_AREA_URBAN);
	ck_assert_int_eq(listed(db, NULL), 2);
	ck_assert_int_eq(listed(db, "huong"), 1);
	gn_household h;
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	ck_assert_int_eq(gn_household_delete(db, id, h.version), GN_OK);
	ck_assert_int_eq(listed(db, NULL), 1);
	ck_assert_int_eq(listed(db, "huong"), 0);
	gn_household gone;
	ck_assert_int_eq(gn_household_load(db, id, &gone), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(gn_household_load_code(db, "HN-01", &gone), GN_ERR_NOT_FOUND);
	/* Still in the file, findable for the restore. */
	ck_assert_int_eq(gn_household_deleted_id(db, "HN-01"), id);
	ck_assert_int_eq(gn_household_deleted_id(db, "HN-02"), 0);
	ck_assert_int_eq(gn_household_delete(db, id, h.version + 1), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(gn_household_restore(db, id), GN_OK);
	ck_assert_int_eq(gn_household_restore(db, id), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(listed(db, "huong"), 1);
	ck_assert_int_eq(gn_household_deleted_id(db, "HN-01"), 0);
	gn_household_clear(&h);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_household_saved_meanwhile_is_not_deleted)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long id = testdb_household(db, "HN-01", "Nguyễn Thị Hương", 900000, GN_AREA_URBAN);
	gn_household seen, other;
	ck_assert_int_eq(gn_household_load(db, id, &seen), GN_OK);
	ck_assert_int_eq(gn_household_load(db, id, &other), GN_OK);
	free(other.notes);
	other.notes = strdup("Đã xác minh lại");
	ck_assert_int_eq(gn_household_update(db, &other, NULL), GN_OK);
	ck_assert_int_eq(gn_household_delete(db, id, seen.version), GN_ERR_CONFLICT);
	ck_assert_int_eq(listed(db, NULL), 1);
	gn_household_clear(&seen);
	gn_household_clear(&other);
	testdb_close(db, path);
}
END_TEST

START_TEST(the_history_reads_deleted_then_restored_with_the_actor)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long id = testdb_household(db, "HN-01", "Nguyễn Thị Hương", 900000, GN_AREA_URBAN);
	gn_db_set_actor(db, "lan");
	ck_assert_int_eq(gn_household_delete(db, id, 1), GN_OK);
	gn_db_set_actor(db, "minh");
	ck_assert_int_eq(gn_household_restore(db, id), GN_OK);
	gn_audit_filter f = { .entity = "household", .entity_id = id };
	gn_audit_change *c;
	int n;
	ck_assert_int_eq(gn_audit_query(db, &f, &c, &n), GN_OK);
	ck_assert_int_ge(n, 3);
	ck_assert_str_eq(c[0].actor, "minh");
	ck_assert_str_eq(gn_audit_action_label(&c[0]), "restored");
	ck_assert_str_eq(c[1].actor, "lan");
	ck_assert_str_eq(gn_audit_action_label(&c[1]), "deleted");
	ck_assert_str_eq(gn_audit_action_label(&c[n - 1]), "added");
	gn_audit_changes_free(c, n);
	testdb_close(db, path);
}
END_TEST

int main(void)
{
	gn_i18n_init("en");
	Suite *s = suite_create("delete");
	TCase *tc = tcase_create("delete");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, a_deleted_household_leaves_the_list_and_search_and_comes_back);
	tcase_add_test(tc, a_household_saved_meanwhile_is_not_deleted);
	tcase_add_test(tc, the_history_reads_deleted_then_restored_with_the_actor);
	suite_add_tcase(s, tc);
	return check_run(s);
}
