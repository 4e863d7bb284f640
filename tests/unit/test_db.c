/* The database layer: migrations, optimistic locking between two officers,
 * and the audit trail. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/household.h"
#include "giamngheo/migrate.h"
#include "giamngheo/ward.h"
#include "testdb.h"
#include "check_run.h"

START_TEST(migrations_on_an_empty_file_reach_the_latest_version)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	ck_assert_int_eq(gn_db_int_query(db, "PRAGMA user_version", 0, -1), gn_migrate_latest());
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM standard", 0, -1), 2);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM indicator WHERE standard_id = 1", 0, -1), 12);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM deadline_rule", 0, -1), 4);
	testdb_close(db, path);
}
END_TEST

START_TEST(reopening_runs_no_migration_twice)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long audits = gn_db_int_query(db, "SELECT count(*) FROM audit", 0, -1);
	gn_db_close(db);
	ck_assert_int_eq(gn_db_open(path, false, &db), GN_OK);
	ck_assert_int_eq(gn_migrate(db->sql), GN_OK);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM standard", 0, -1), 2);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM audit", 0, -1), audits);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_newer_schema_is_refused_and_left_alone)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	ck_assert_int_eq(sqlite3_exec(db->sql, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	gn_db_close(db);
	db = NULL;
	ck_assert_int_eq(gn_db_open(path, false, &db), GN_ERR_SCHEMA_NEWER);
	ck_assert_ptr_null(db);
	sqlite3 *raw;
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, NULL);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 99);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	testdb_close(NULL, path);
}
END_TEST

START_TEST(wal_and_foreign_keys_are_on)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	ck_assert_int_eq(gn_db_int_query(db, "PRAGMA foreign_keys", 0, -1), 1);
	sqlite3_stmt *st = gn_db_prepare(db, "PRAGMA journal_mode");
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	/* A member of a household that does not exist is refused. */
	gn_member m = { .household_id = 4242, .full_name = strdup("Nguyễn Văn A") };
	ck_assert_int_ne(gn_member_insert(db, &m), GN_OK);
	gn_member_clear(&m);
	testdb_close(db, path);
}
END_TEST

/* Statements kept prepared: the same one comes back for the same text once
 * handed back, with its bindings cleared; one in use is never given twice;
 * more in use at once than can be kept is refused, not overwritten. */
START_TEST(kept_statements_are_reused_and_never_shared)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	static const char one[] = "SELECT ?1 + 1";
	sqlite3_stmt *a = gn_db_kept(db, one);
	ck_assert_ptr_nonnull(a);
	sqlite3_bind_int(a, 1, 41);
	ck_assert_int_eq(sqlite3_step(a), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(a, 0), 42);
	sqlite3_stmt *b = gn_db_kept(db, one);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	gn_db_done(db, b);
	gn_db_done(db, a);
	sqlite3_stmt *again = gn_db_kept(db, one);
	ck_assert(again == a || again == b);
	ck_assert_int_eq(sqlite3_step(again), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_type(again, 0), SQLITE_NULL); /* NULL + 1: no binding left */
	gn_db_done(db, again);

	sqlite3_stmt *held[GN_DB_STATEMENTS];
	for (int i = 0; i < GN_DB_STATEMENTS; i++) {
		held[i] = gn_db_kept(db, one);
		ck_assert_ptr_nonnull(held[i]);
		for (int j = 0; j < i; j++)
			ck_assert_ptr_ne(held[i], held[j]);
	}
	ck_assert_ptr_null(gn_db_kept(db, one));
	for (int i = 0; i < GN_DB_STATEMENTS; i++)
		gn_db_done(db, held[i]);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_missing_file_is_not_created_without_asking)
{
	gn_db *db = NULL;
	ck_assert_int_eq(gn_db_open("/nonexistent-dir/x.db", false, &db), GN_ERR_NOT_FOUND);
	ck_assert_int_ne(gn_db_open("/nonexistent-dir/x.db", true, &db), GN_OK);
}
END_TEST

START_TEST(a_stale_save_from_a_second_connection_is_refused)
{
	char path[PATH_MAX];
	gn_db *first = testdb_open(path, true);
	gn_db *second = NULL;
	ck_assert_int_eq(gn_db_open(path, false, &second), GN_OK);
	gn_db_set_actor(second, "colleague");
	long long id = testdb_household(first, "SC-9001", "Lê Văn Bình", 1700000, GN_AREA_URBAN);
	ck_assert_int_gt(id, 0);

	gn_household mine, theirs;
	ck_assert_int_eq(gn_household_load(first, id, &mine), GN_OK);
	ck_assert_int_eq(gn_household_load(second, id, &theirs), GN_OK);

	free(theirs.phone);
	theirs.phone = strdup("0912345678");
	ck_assert_int_eq(gn_household_update(second, &theirs, NULL), GN_OK);
	ck_assert_int_eq(theirs.version, 2);

	free(mine.notes);
	mine.notes = strdup("Đã thăm hộ ngày 5/6");
	gn_household current = { 0 };
	ck_assert_int_eq(gn_household_update(first, &mine, &current), GN_ERR_CONFLICT);
	/* Both versions are at hand: mine as typed, theirs as stored. */
	ck_assert_str_eq(mine.notes, "Đã thăm hộ ngày 5/6");
	ck_assert_int_eq(mine.version, 1);
	ck_assert_str_eq(current.phone, "0912345678");
	ck_assert_str_eq(current.notes, "");
	ck_assert_int_eq(current.version, 2);
	ck_assert_str_eq(current.updated_by, "colleague");

	/* Nothing of mine was written. */
	gn_household stored;
	ck_assert_int_eq(gn_household_load(first, id, &stored), GN_OK);
	ck_assert_str_eq(stored.notes, "");
	ck_assert_str_eq(stored.phone, "0912345678");

	/* Saving on top of the version now seen goes through. */
	mine.version = current.version;
	ck_assert_int_eq(gn_household_update(first, &mine, NULL), GN_OK);
	ck_assert_int_eq(mine.version, 3);

	gn_household_clear(&mine);
	gn_household_clear(&theirs);
	gn_household_clear(&current);
	gn_household_clear(&stored);
	gn_db_close(second);
	testdb_close(first, path);
}
END_TEST

START_TEST(every_change_writes_an_audit_row_with_its_author)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long id = testdb_household(db, "SC-9002", "Trần Thị Hoa", 1600000, GN_AREA_URBAN);
	gn_household h;
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	h.income = 2100000;
	ck_assert_int_eq(gn_household_update(db, &h, NULL), GN_OK);
	gn_household_clear(&h);

	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT action, actor, json_extract(before_json, '$.income_per_person'),"
		" json_extract(after_json, '$.income_per_person') FROM audit"
		" WHERE entity = 'household' AND entity_id = ? ORDER BY id");
	sqlite3_bind_int64(st, 1, id);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "insert");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 1), "tester");
	bool saw_income_change = false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "update");
		if (sqlite3_column_int64(st, 2) == 1600000 && sqlite3_column_int64(st, 3) == 2100000)
			saw_income_change = true;
	}
	sqlite3_finalize(st);
	ck_assert(saw_income_change);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_failed_save_leaves_no_audit_row)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	testdb_household(db, "SC-9003", "Phạm Văn Cường", 1600000, GN_AREA_URBAN);
	long long before = gn_db_int_query(db, "SELECT count(*) FROM audit", 0, -1);
	/* The code is taken: the insert fails and so does its audit row. */
	ck_assert_int_eq(testdb_household(db, "SC-9003", "Ai Đó", 1, GN_AREA_URBAN), 0);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM audit", 0, -1), before);
	testdb_close(db, path);
}
END_TEST

START_TEST(ward_saves_are_versioned_too)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	gn_ward a, b;
	ck_assert_int_eq(gn_ward_load(db, &a), GN_OK);
	ck_assert_int_eq(a.total_households, 5350);
	ck_assert_int_eq(a.baseline_poor, 38);
	b = a;
	b.total_households = 5400;
	ck_assert_int_eq(gn_ward_save(db, &b), GN_OK);
	a.plan_exit_households = 16;
	ck_assert_int_eq(gn_ward_save(db, &a), GN_ERR_CONFLICT);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_report_correction_is_audited_with_its_figures)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	/* A report needs a deadline; any agency and rule will do. */
	ck_assert_int_eq(sqlite3_exec(db->sql,
		"INSERT INTO deadline(rule_id, agency_id, due_date) SELECT id, 1, '2026-06-25' FROM deadline_rule"
		" WHERE code = 'monthly';"
		"INSERT INTO report(deadline_id, agency_id, submitted_on, content, updated_by)"
		" SELECT id, 1, '2026-06-24', '3 hộ', 'tester' FROM deadline;"
		"UPDATE report SET content = '4 hộ', version = version + 1, updated_by = 'tester';",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT json_extract(before_json, '$.content'), json_extract(after_json, '$.content')"
		" FROM audit WHERE entity = 'report' AND action = 'update'");
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "3 hộ");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 1), "4 hộ");
	sqlite3_finalize(st);
	testdb_close(db, path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("db");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, migrations_on_an_empty_file_reach_the_latest_version);
	tcase_add_test(tc, reopening_runs_no_migration_twice);
	tcase_add_test(tc, a_newer_schema_is_refused_and_left_alone);
	tcase_add_test(tc, wal_and_foreign_keys_are_on);
	tcase_add_test(tc, kept_statements_are_reused_and_never_shared);
	tcase_add_test(tc, a_missing_file_is_not_created_without_asking);
	tcase_add_test(tc, a_stale_save_from_a_second_connection_is_refused);
	tcase_add_test(tc, every_change_writes_an_audit_row_with_its_author);
	tcase_add_test(tc, a_failed_save_leaves_no_audit_row);
	tcase_add_test(tc, ward_saves_are_versioned_too);
	tcase_add_test(tc, a_report_correction_is_audited_with_its_figures);
	suite_add_tcase(s, tc);
	return check_run(s);
}
