#include <check.h>
#include <stdlib.h>
#include <time.h>

#include "giamngheo/date.h"
#include "check_run.h"

static void assert_dmy(const char *in, gn_date_error expected_error, int y, int m, int d)
{
	gn_date out = {-1, -1, -1};

	ck_assert_int_eq(gn_date_parse_dmy(in, &out), expected_error);
	if (expected_error == GN_DATE_OK) {
		ck_assert_int_eq(out.y, y);
		ck_assert_int_eq(out.m, m);
		ck_assert_int_eq(out.d, d);
	} else {
		/* A refused date must not leave half-parsed fields behind. */
		ck_assert_int_eq(out.y, -1);
		ck_assert_int_eq(out.m, -1);
		ck_assert_int_eq(out.d, -1);
	}
}

static void assert_refused_dmy(const char *in, gn_date_error expected_error)
{
	assert_dmy(in, expected_error, 0, 0, 0);
}

static gn_date make_date(int y, int m, int d)
{
	gn_date date = {y, m, d};

	return date;
}

START_TEST(test_leap_years)
{
	ck_assert(gn_date_is_leap(2028));
	ck_assert(gn_date_is_leap(2000));
	ck_assert(!gn_date_is_leap(2026));
	ck_assert(!gn_date_is_leap(1900));
	ck_assert(!gn_date_is_leap(2100));
	ck_assert_int_eq(gn_days_in_month(2026, 2), 28);
	ck_assert_int_eq(gn_days_in_month(2028, 2), 29);
	ck_assert_int_eq(gn_days_in_month(2026, 4), 30);
	ck_assert_int_eq(gn_days_in_month(2026, 12), 31);
	ck_assert_int_eq(gn_days_in_month(2026, 0), 0);
	ck_assert_int_eq(gn_days_in_month(2026, 13), 0);
}
END_TEST

START_TEST(test_valid_and_set)
{
	ck_assert(gn_date_valid(make_date(2028, 2, 29)));
	ck_assert(!gn_date_valid(make_date(2026, 2, 29)));
	ck_assert(!gn_date_valid(make_date(0, 0, 0)));
	ck_assert(!gn_date_valid(make_date(1899, 12, 31)));
	ck_assert(gn_date_valid(make_date(1900, 1, 1)));
	ck_assert(gn_date_valid(make_date(2100, 12, 31)));
	ck_assert(!gn_date_valid(make_date(2101, 1, 1)));
	ck_assert(!gn_date_is_set(make_date(0, 0, 0)));
	ck_assert(gn_date_is_set(make_date(2026, 1, 1)));
}
END_TEST

START_TEST(test_parse_dmy_accepts)
{
	assert_dmy("25/10/2026", GN_DATE_OK, 2026, 10, 25);
	assert_dmy("5/6/2026", GN_DATE_OK, 2026, 6, 5);
	assert_dmy("05.06.2026", GN_DATE_OK, 2026, 6, 5);
	assert_dmy("05-06-2026", GN_DATE_OK, 2026, 6, 5);
	assert_dmy(" 5/6/2026 ", GN_DATE_OK, 2026, 6, 5);
	assert_dmy("29/02/2028", GN_DATE_OK, 2028, 2, 29);
	assert_dmy("01/01/1900", GN_DATE_OK, 1900, 1, 1);
	assert_dmy("31/12/2100", GN_DATE_OK, 2100, 12, 31);
}
END_TEST

START_TEST(test_parse_dmy_refuses)
{
	assert_refused_dmy("29/02/2026", GN_DATE_BAD_DAY);
	assert_refused_dmy("31/04/2026", GN_DATE_BAD_DAY);
	assert_refused_dmy("00/01/2026", GN_DATE_BAD_DAY);
	assert_refused_dmy("32/01/2026", GN_DATE_BAD_DAY);
	assert_refused_dmy("1/13/2026", GN_DATE_BAD_MONTH);
	assert_refused_dmy("1/0/2026", GN_DATE_BAD_MONTH);
	assert_refused_dmy("31/12/1899", GN_DATE_BAD_YEAR);
	assert_refused_dmy("01/01/2101", GN_DATE_BAD_YEAR);
	assert_refused_dmy("01/01/2026x", GN_DATE_SYNTAX);
	assert_refused_dmy("01/01/2026 5", GN_DATE_SYNTAX);
	assert_refused_dmy("01/01/20261", GN_DATE_SYNTAX);
	assert_refused_dmy("123/4/2026", GN_DATE_SYNTAX);
	assert_refused_dmy("5/6/26", GN_DATE_SYNTAX);
	assert_refused_dmy("05/06-2026", GN_DATE_SYNTAX);
	assert_refused_dmy("05 06 2026", GN_DATE_SYNTAX);
	assert_refused_dmy("/06/2026", GN_DATE_SYNTAX);
	assert_refused_dmy("2026-06-05", GN_DATE_SYNTAX);
	assert_refused_dmy("", GN_DATE_SYNTAX);
	assert_refused_dmy(NULL, GN_DATE_SYNTAX);
}
END_TEST

START_TEST(test_parse_iso)
{
	gn_date out = {0, 0, 0};

	ck_assert_int_eq(gn_date_parse_iso("2026-10-25", &out), GN_DATE_OK);
	ck_assert_int_eq(out.y, 2026);
	ck_assert_int_eq(out.m, 10);
	ck_assert_int_eq(out.d, 25);
	ck_assert_int_eq(gn_date_parse_iso("2028-02-29", &out), GN_DATE_OK);
	ck_assert_int_eq(gn_date_parse_iso("2026-02-29", &out), GN_DATE_BAD_DAY);
	ck_assert_int_eq(gn_date_parse_iso("2026-13-01", &out), GN_DATE_BAD_MONTH);
	ck_assert_int_eq(gn_date_parse_iso("1899-12-31", &out), GN_DATE_BAD_YEAR);
	ck_assert_int_eq(gn_date_parse_iso("2026-2-05", &out), GN_DATE_SYNTAX);
	ck_assert_int_eq(gn_date_parse_iso("2026-10-25 ", &out), GN_DATE_SYNTAX);
	ck_assert_int_eq(gn_date_parse_iso("25/10/2026", &out), GN_DATE_SYNTAX);
	ck_assert_int_eq(gn_date_parse_iso("", &out), GN_DATE_SYNTAX);
}
END_TEST

START_TEST(test_error_messages)
{
	ck_assert_str_ne(gn_date_error_message(GN_DATE_SYNTAX), "");
	ck_assert_str_ne(gn_date_error_message(GN_DATE_BAD_YEAR), "");
	ck_assert_str_ne(gn_date_error_message(GN_DATE_BAD_MONTH), "");
	ck_assert_str_ne(gn_date_error_message(GN_DATE_BAD_DAY), "");
	ck_assert_str_ne(gn_date_error_message(GN_DATE_BAD_DAY),
	                 gn_date_error_message(GN_DATE_BAD_MONTH));
}
END_TEST

START_TEST(test_format)
{
	char buf[11];

	gn_date_format_dmy(make_date(2026, 6, 5), buf);
	ck_assert_str_eq(buf, "05/06/2026");
	gn_date_format_iso(make_date(2026, 6, 5), buf);
	ck_assert_str_eq(buf, "2026-06-05");
	gn_date_format_dmy(make_date(0, 0, 0), buf);
	ck_assert_str_eq(buf, "");
	gn_date_format_iso(make_date(0, 0, 0), buf);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(test_days_known_values)
{
	ck_assert_int_eq(gn_date_to_days(make_date(1970, 1, 1)), 0);
	ck_assert_int_eq(gn_date_to_days(make_date(2000, 3, 1)), 11017);
	ck_assert_int_eq(gn_date_to_days(make_date(1900, 1, 1)), -25567);
	ck_assert_int_eq(gn_date_to_days(make_date(2026, 10, 25)), 20751);
}
END_TEST

START_TEST(test_days_round_trip)
{
	gn_date d = make_date(1900, 1, 1);
	long days = gn_date_to_days(d);

	/* Walks every day of the supported range, so each month length and
	 * leap rule is crossed once in each direction. */
	while (d.y <= 2100) {
		gn_date back = gn_date_from_days(days);

		ck_assert(gn_date_valid(back));
		ck_assert_int_eq(gn_date_cmp(back, d), 0);
		ck_assert_int_eq(gn_date_to_days(back), days);
		if (d.d < gn_days_in_month(d.y, d.m)) {
			d.d++;
		} else if (d.m < 12) {
			d.m++;
			d.d = 1;
		} else {
			d.y++;
			d.m = 1;
			d.d = 1;
		}
		days++;
	}
	ck_assert_int_eq(days, gn_date_to_days(make_date(2101, 1, 1)));
}
END_TEST

START_TEST(test_weekday)
{
	ck_assert_int_eq(gn_date_weekday(make_date(2026, 10, 25)), 0);
	ck_assert_int_eq(gn_date_weekday(make_date(1970, 1, 1)), 4);
	ck_assert_int_eq(gn_date_weekday(make_date(1900, 1, 1)), 1);
	ck_assert_int_eq(gn_date_weekday(make_date(2100, 12, 31)), 5);
}
END_TEST

START_TEST(test_cmp_and_add)
{
	gn_date d;

	ck_assert_int_lt(gn_date_cmp(make_date(2026, 1, 31), make_date(2026, 2, 1)), 0);
	ck_assert_int_gt(gn_date_cmp(make_date(2027, 1, 1), make_date(2026, 12, 31)), 0);
	ck_assert_int_lt(gn_date_cmp(make_date(2026, 5, 4), make_date(2026, 5, 5)), 0);
	ck_assert_int_eq(gn_date_cmp(make_date(2026, 5, 5), make_date(2026, 5, 5)), 0);

	d = gn_date_add_days(make_date(2028, 2, 28), 1);
	ck_assert_int_eq(gn_date_cmp(d, make_date(2028, 2, 29)), 0);
	d = gn_date_add_days(make_date(2026, 2, 28), 1);
	ck_assert_int_eq(gn_date_cmp(d, make_date(2026, 3, 1)), 0);
	d = gn_date_add_days(make_date(2026, 12, 31), 1);
	ck_assert_int_eq(gn_date_cmp(d, make_date(2027, 1, 1)), 0);
	d = gn_date_add_days(make_date(2026, 3, 1), -1);
	ck_assert_int_eq(gn_date_cmp(d, make_date(2026, 2, 28)), 0);
	d = gn_date_add_days(make_date(2026, 10, 25), 365);
	ck_assert_int_eq(gn_date_cmp(d, make_date(2027, 10, 25)), 0);
}
END_TEST

static gn_date local_today(void)
{
	time_t now = time(NULL);
	struct tm local;

	localtime_r(&now, &local);
	return make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

START_TEST(test_today)
{
	gn_date today;

	setenv("GIAMNGHEO_TODAY", "2026-10-25", 1);
	today = gn_today();
	ck_assert_int_eq(gn_date_cmp(today, make_date(2026, 10, 25)), 0);

	/* An unusable override falls back to the clock instead of no date. */
	setenv("GIAMNGHEO_TODAY", "2026-02-30", 1);
	ck_assert_int_eq(gn_date_cmp(gn_today(), local_today()), 0);
	setenv("GIAMNGHEO_TODAY", "25/10/2026", 1);
	ck_assert_int_eq(gn_date_cmp(gn_today(), local_today()), 0);

	unsetenv("GIAMNGHEO_TODAY");
	today = gn_today();
	ck_assert(gn_date_valid(today));
	ck_assert_int_eq(gn_date_cmp(today, local_today()), 0);
}
END_TEST

static Suite *date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_leap_years);
	tcase_add_test(tc, test_valid_and_set);
	tcase_add_test(tc, test_parse_dmy_accepts);
	tcase_add_test(tc, test_parse_dmy_refuses);
	tcase_add_test(tc, test_parse_iso);
	tcase_add_test(tc, test_error_messages);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_days_known_values);
	tcase_add_test(tc, test_days_round_trip);
	tcase_add_test(tc, test_weekday);
	tcase_add_test(tc, test_cmp_and_add);
	tcase_add_test(tc, test_today);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(date_suite());
}
