/* What the agency, staff and report forms check as a field is left and on
 * save, and the staff save meeting a colleague's save on another connection. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/form_check.h"
#include "testdb.h"
#include "check_run.h"

START_TEST(agency_needs_a_name)
{
	char msg[192];
	ck_assert(!gn_check_required("", "Nhập tên", msg, sizeof msg));
	ck_assert_str_eq(msg, "Nhập tên");
	ck_assert(!gn_check_required("   ", "Nhập tên", msg, sizeof msg));
	ck_assert(gn_check_required("Hội Phụ nữ", "Nhập tên", msg, sizeof msg));
	ck_assert_str_eq(msg, "");

	/* The save refuses it too, whatever the form let through. */
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	gn_agency a = { .kind = GN_AGENCY_FRONT };
	snprintf(a.code, sizeof a.code, "MTTQ");
	ck_assert_int_eq(gn_agency_insert(db, &a), GN_ERR_INVALID);
	testdb_close(db, path);
}
END_TEST

START_TEST(agency_code_is_unique)
{
	char path[PATH_MAX], msg[192];
	gn_db *db = testdb_open(path, false);
	long long hpn = testdb_agency(db, "HPN", "Hội Liên hiệp Phụ nữ phường");
	ck_assert_int_gt(hpn, 0);
	ck_assert(!gn_check_agency_code(db, "HPN", 0, msg, sizeof msg));
	ck_assert_ptr_nonnull(strstr(msg, "Hội Liên hiệp Phụ nữ phường"));
	/* Its own code is no clash when the agency is edited. */
	ck_assert(gn_check_agency_code(db, "HPN", hpn, msg, sizeof msg));
	ck_assert(gn_check_agency_code(db, "HND", 0, msg, sizeof msg));
	ck_assert(!gn_check_agency_code(db, " ", 0, msg, sizeof msg));
	ck_assert_str_ne(msg, "");
	/* And the database keeps a second one out even past the check. */
	gn_agency dup = { .kind = GN_AGENCY_OTHER };
	snprintf(dup.code, sizeof dup.code, "HPN");
	snprintf(dup.name, sizeof dup.name, "Khác");
	ck_assert_int_eq(gn_agency_insert(db, &dup), GN_ERR_DUPLICATE);
	testdb_close(db, path);
}
END_TEST

START_TEST(phone_must_be_a_vietnamese_number)
{
	char msg[192];
	ck_assert(!gn_check_phone("0912", msg, sizeof msg));
	ck_assert_str_ne(msg, "");
	ck_assert(!gn_check_phone("09123456789", msg, sizeof msg));
	ck_assert(!gn_check_phone("abc", msg, sizeof msg));
	ck_assert(gn_check_phone("0912 345 678", msg, sizeof msg));
	ck_assert_str_eq(msg, "");
	ck_assert(gn_check_phone("+84 912 345 678", msg, sizeof msg));
	ck_assert(gn_check_phone("", msg, sizeof msg)); /* optional */

	char path[PATH_MAX];
	gn_db *db = testdb_open(path, false);
	long long id = testdb_agency(db, "HPN", "Hội Phụ nữ");
	gn_staff s = { .agency_id = id };
	snprintf(s.full_name, sizeof s.full_name, "Nguyễn Thị Lan");
	snprintf(s.phone, sizeof s.phone, "0912");
	ck_assert_int_eq(gn_staff_insert(db, &s), GN_ERR_INVALID);
	snprintf(s.phone, sizeof s.phone, "0912.345.678");
	ck_assert_int_eq(gn_staff_insert(db, &s), GN_OK);
	ck_assert_str_eq(s.phone, "0912345678");
	testdb_close(db, path);
}
END_TEST

START_TEST(submission_date_is_a_day_that_has_happened)
{
	gn_date today = { 2026, 11, 27 }, d = { 0 };
	char msg[192];
	ck_assert(gn_check_past_date("t", today, &d, msg, sizeof msg));
	ck_assert_int_eq(gn_date_cmp(d, today), 0);
	ck_assert(gn_check_past_date("24/11/2026", today, &d, msg, sizeof msg));
	ck_assert_int_eq(gn_date_cmp(d, (gn_date){ 2026, 11, 24 }), 0);
	ck_assert(gn_check_past_date("27/11/2026", today, &d, msg, sizeof msg));
	/* Tomorrow is refused, and the message names today. */
	d = (gn_date){ 0 };
	ck_assert(!gn_check_past_date("28/11/2026", today, &d, msg, sizeof msg));
	ck_assert_ptr_nonnull(strstr(msg, "27/11/2026"));
	ck_assert(!gn_date_is_set(d));
	ck_assert(!gn_check_past_date("31/04/2026", today, &d, msg, sizeof msg));
	ck_assert_str_ne(msg, "");
	ck_assert(!gn_check_past_date("hôm qua", today, &d, msg, sizeof msg));
	ck_assert(!gn_check_past_date("", today, &d, msg, sizeof msg));
}
END_TEST

START_TEST(amounts_parse_or_say_why)
{
	gn_money m;
	char msg[192];
	ck_assert(gn_check_amount("1,5tr", &m, msg, sizeof msg));
	ck_assert_int_eq(m, 1500000);
	ck_assert(gn_check_amount("", &m, msg, sizeof msg));
	ck_assert_int_eq(m, 0);
	ck_assert(!gn_check_amount("nhiều", &m, msg, sizeof msg));
	ck_assert_str_ne(msg, "");
}
END_TEST

static long long audit_rows(gn_db *db, long long id)
{
	return gn_db_int_query(db, "SELECT count(*) FROM audit WHERE entity = 'staff' AND entity_id = ?", id, -1);
}

START_TEST(staff_saves_on_two_connections_never_overwrite)
{
	char path[PATH_MAX];
	gn_db *one = testdb_open(path, false), *two;
	ck_assert_int_eq(gn_db_open(path, false, &two), GN_OK);
	gn_db_set_actor(one, "lan");
	gn_db_set_actor(two, "nam");
	long long ag = testdb_agency(one, "HPN", "Hội Phụ nữ");
	gn_staff s = { .agency_id = ag };
	snprintf(s.full_name, sizeof s.full_name, "Nguyễn Thị Lan");
	snprintf(s.position, sizeof s.position, "Chủ tịch Hội");
	ck_assert_int_eq(gn_staff_insert(one, &s), GN_OK);

	gn_staff mine, theirs, current;
	ck_assert_int_eq(gn_staff_load(one, s.id, &mine), GN_OK);
	ck_assert_int_eq(gn_staff_load(two, s.id, &theirs), GN_OK);
	snprintf(theirs.phone, sizeof theirs.phone, "0988000111");
	ck_assert_int_eq(gn_staff_update(two, &theirs, NULL), GN_OK);
	ck_assert_int_eq(theirs.version, 2);

	snprintf(mine.position, sizeof mine.position, "Phó Chủ tịch Hội");
	ck_assert_int_eq(gn_staff_update(one, &mine, &current), GN_ERR_CONFLICT);
	ck_assert_str_eq(current.phone, "0988000111");
	ck_assert_str_eq(current.position, "Chủ tịch Hội");
	ck_assert_int_eq(current.version, 2);

	/* Chosen over their version, with their phone kept. */
	mine.version = current.version;
	snprintf(mine.phone, sizeof mine.phone, "%s", current.phone);
	ck_assert_int_eq(gn_staff_update(one, &mine, NULL), GN_OK);
	gn_staff after;
	ck_assert_int_eq(gn_staff_load(two, s.id, &after), GN_OK);
	ck_assert_str_eq(after.position, "Phó Chủ tịch Hội");
	ck_assert_str_eq(after.phone, "0988000111");
	ck_assert_int_eq(after.version, 3);
	/* Insert and two updates in the audit log, each with its actor. */
	ck_assert_int_eq(audit_rows(one, s.id), 3);
	ck_assert_int_eq(gn_db_int_query(one, "SELECT count(*) FROM audit WHERE entity = 'staff' AND actor = 'nam'"
					  " AND entity_id = ?", s.id, -1), 1);

	gn_staff *list;
	int n;
	ck_assert_int_eq(gn_staff_list(two, ag, &list, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].full_name, "Nguyễn Thị Lan");
	free(list);
	gn_db_close(two);
	testdb_close(one, path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("agency_forms");
	TCase *tc = tcase_create("checks");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, agency_needs_a_name);
	tcase_add_test(tc, agency_code_is_unique);
	tcase_add_test(tc, phone_must_be_a_vietnamese_number);
	tcase_add_test(tc, submission_date_is_a_day_that_has_happened);
	tcase_add_test(tc, amounts_parse_or_say_why);
	tcase_add_test(tc, staff_saves_on_two_connections_never_overwrite);
	suite_add_tcase(s, tc);
	return check_run(s);
}
