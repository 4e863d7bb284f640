/* The plan's calendar: rules into dated instances, and their status on a
 * given day. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/report.h"
#include "giamngheo/stats.h"
#include "giamngheo/ward.h"
#include "testdb.h"
#include "check_run.h"

static gn_date D(int d, int m, int y)
{
	return (gn_date){ y, m, d };
}

START_TEST(monthly_rule_gives_the_25th_of_each_month)
{
	gn_deadline_rule r = { .monthly = true, .day = 25, .first_month = 5, .last_month = 11 };
	gn_date out[12];
	ck_assert_int_eq(gn_deadline_rule_dates(&r, 2026, out, 12), 7);
	ck_assert_int_eq(gn_date_cmp(out[0], D(25, 5, 2026)), 0);
	ck_assert_int_eq(gn_date_cmp(out[6], D(25, 11, 2026)), 0);
	/* 25/10/2026 is a Sunday: the date stands, the plan says "the 25th". */
	ck_assert_int_eq(gn_date_weekday(out[5]), 0);
	ck_assert_int_eq(gn_date_cmp(out[5], D(25, 10, 2026)), 0);
}
END_TEST

START_TEST(a_day_past_the_month_end_falls_on_its_last_day)
{
	gn_deadline_rule r = { .monthly = true, .day = 31, .first_month = 1, .last_month = 12 };
	gn_date out[12];
	ck_assert_int_eq(gn_deadline_rule_dates(&r, 2028, out, 12), 12);
	ck_assert_int_eq(gn_date_cmp(out[1], D(29, 2, 2028)), 0);
	ck_assert_int_eq(gn_date_cmp(out[5], D(30, 6, 2028)), 0);
	gn_deadline_rule fixed = { .monthly = false, .month = 6, .day = 10 };
	ck_assert_int_eq(gn_deadline_rule_dates(&fixed, 2026, out, 12), 1);
	ck_assert_int_eq(gn_date_cmp(out[0], D(10, 6, 2026)), 0);
}
END_TEST

START_TEST(status_around_the_due_date)
{
	gn_date due = D(10, 6, 2026);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(1, 6, 2026), NULL), GN_DL_UPCOMING);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(3, 6, 2026), NULL), GN_DL_DUE_SOON);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(9, 6, 2026), NULL), GN_DL_DUE_SOON);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(10, 6, 2026), NULL), GN_DL_TODAY);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(11, 6, 2026), NULL), GN_DL_OVERDUE);
	gn_date on_day = D(10, 6, 2026), day_after = D(11, 6, 2026);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(20, 6, 2026), &on_day), GN_DL_ON_TIME);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(20, 6, 2026), &day_after), GN_DL_LATE);
	/* A report filed early counts as on time even before the due date. */
	gn_date early = D(1, 6, 2026);
	ck_assert_int_eq(gn_deadline_status_of(due, 7, D(2, 6, 2026), &early), GN_DL_ON_TIME);

	char text[64];
	gn_deadline_status_describe(GN_DL_OVERDUE, due, D(13, 6, 2026), text, sizeof text);
	ck_assert_ptr_nonnull(strstr(text, "3"));
}
END_TEST

static long long add_agency(gn_db *db, const char *code)
{
	gn_agency a = { .kind = GN_AGENCY_ORGANISATION };
	snprintf(a.code, sizeof a.code, "%s", code);
	snprintf(a.name, sizeof a.name, "Đơn vị %s", code);
	ck_assert_int_eq(gn_agency_insert(db, &a), GN_OK);
	return a.id;
}

static int count_instances(gn_db *db, long long agency_id, const char *rule)
{
	gn_deadline_filter f = { .agency_id = agency_id, .rule_code = rule };
	gn_deadline_row *rows;
	int n;
	ck_assert_int_eq(gn_deadline_query(db, &f, D(1, 1, 2026), &rows, &n), GN_OK);
	free(rows);
	return n;
}

START_TEST(instances_follow_assignments_and_keep_submissions)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	long long hh = testdb_household(db, "SC-0001", "Nguyễn Văn An", 1800000, GN_AREA_URBAN);
	long long women = add_agency(db, "HLHPN");
	long long youth = add_agency(db, "ĐTN");
	ck_assert_int_eq(gn_assign(db, hh, women, GN_ROLE_LEAD, 0), GN_OK);
	ck_assert_int_eq(gn_assign(db, hh, youth, GN_ROLE_SUPPORT, 0), GN_OK);
	ck_assert_int_eq(gn_deadline_sync(db), GN_OK);

	/* The lead reports monthly (May-November); every assigned unit files a plan. */
	ck_assert_int_eq(count_instances(db, women, "monthly"), 7);
	ck_assert_int_eq(count_instances(db, youth, "monthly"), 0);
	ck_assert_int_eq(count_instances(db, women, "plan"), 1);
	ck_assert_int_eq(count_instances(db, youth, "plan"), 1);
	/* The focal department (made by init) owns the half-year and year-end reports. */
	gn_ward w;
	ck_assert_int_eq(gn_ward_load(db, &w), GN_OK);
	ck_assert_int_eq(count_instances(db, w.focal_agency_id, "half_year"), 1);
	ck_assert_int_eq(count_instances(db, w.focal_agency_id, "year_end"), 1);

	/* The women's union files its May report, then the lead moves to the youth union. */
	gn_deadline_filter f = { .agency_id = women, .rule_code = "monthly" };
	gn_deadline_row *rows;
	int n;
	ck_assert_int_eq(gn_deadline_query(db, &f, D(1, 6, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(gn_date_cmp(rows[0].due, D(25, 5, 2026)), 0);
	ck_assert_int_eq(gn_report_submit(db, rows[0].id, D(26, 5, 2026), "Chị Lan", "Tháng 5", NULL), GN_OK);
	ck_assert_int_eq(gn_report_submit(db, rows[0].id, D(27, 5, 2026), "Chị Lan", "again", NULL),
			 GN_ERR_DUPLICATE);
	free(rows);
	ck_assert_int_eq(gn_assign(db, hh, youth, GN_ROLE_LEAD, 0), GN_OK);
	ck_assert_int_eq(gn_deadline_sync(db), GN_OK);
	ck_assert_int_eq(count_instances(db, youth, "monthly"), 7);
	/* The submitted May report survives; the women's union's other months go. */
	ck_assert_int_eq(count_instances(db, women, "monthly"), 1);
	ck_assert_int_eq(gn_deadline_query(db, &f, D(1, 6, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	ck_assert(rows[0].submitted);
	ck_assert_int_eq(rows[0].status, GN_DL_LATE);
	free(rows);

	/* Changing the rule's day moves unreported instances, keeps reported ones. */
	ck_assert_int_eq(sqlite3_exec(db->sql, "UPDATE deadline_rule SET day = 20 WHERE code = 'monthly'",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(gn_deadline_sync(db), GN_OK);
	gn_deadline_filter fy = { .agency_id = youth, .rule_code = "monthly" };
	ck_assert_int_eq(gn_deadline_query(db, &fy, D(1, 6, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, 7);
	ck_assert_int_eq(rows[0].due.d, 20);
	free(rows);
	ck_assert_int_eq(count_instances(db, women, "monthly"), 1);
	testdb_close(db, path);
}
END_TEST

START_TEST(stats_counts_against_the_targets)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	gn_standard std;
	ck_assert_int_eq(gn_standard_load_code(db, "2022-2025", &std), GN_OK);
	for (int i = 0; i < 4; i++) {
		char code[16];
		snprintf(code, sizeof code, "SC-%04d", i);
		long long id = testdb_household(db, code, "Hộ Thử", 1800000, GN_AREA_URBAN);
		testdb_deprive(db, id, &std, 3, GN_IND_DEPRIVED);
	}
	ck_assert_int_eq(gn_deadline_sync(db), GN_OK);
	gn_stats s;
	ck_assert_int_eq(gn_stats_compute(db, D(27, 11, 2026), &s), GN_OK);
	ck_assert_int_eq(s.poor_now, 4);
	ck_assert_int_eq(s.ward.baseline_poor, 38);
	ck_assert_int_eq((int)(s.baseline_rate * 100 + 0.5), 71);
	ck_assert_int_eq(s.province_target_poor, 25);
	ck_assert(s.has_next_deadline);
	ck_assert_int_eq(gn_date_cmp(s.next_deadline.due, D(30, 11, 2026)), 0);
	ck_assert_str_eq(s.next_deadline.rule_code, "year_end");
	gn_standard_clear(&std);
	testdb_close(db, path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("deadline");
	TCase *tc = tcase_create("deadline");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, monthly_rule_gives_the_25th_of_each_month);
	tcase_add_test(tc, a_day_past_the_month_end_falls_on_its_last_day);
	tcase_add_test(tc, status_around_the_due_date);
	tcase_add_test(tc, instances_follow_assignments_and_keep_submissions);
	tcase_add_test(tc, stats_counts_against_the_targets);
	suite_add_tcase(s, tc);
	return check_run(s);
}
