/* The plan's calendar over a whole year: which instances the rules make,
 * their status on fixed days, submissions on time, late, withdrawn and
 * corrected, and rule and assignment changes that keep what was submitted.
 *
 * The expected statuses are written out by hand, one letter per instance:
 *   u upcoming  s due soon  t due today  o overdue  O submitted on time  L late
 * in the order "PP MMMMMMM H Y": the support plan (10/6) of the lead and of
 * the supporting unit; the lead's monthly report on the 25th, May to
 * November; the focal department's half-year (30/6) and year-end (30/11)
 * reports. Due soon starts 7 days before the plan, 5 before a monthly
 * report, 10 before the half-year and 14 before the year-end report. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/report.h"
#include "giamngheo/rules_ini.h"
#include "giamngheo/ward.h"
#include "testdb.h"
#include "check_run.h"

static gn_date D(int d, int m, int y)
{
	return (gn_date){ y, m, d };
}

typedef struct {
	char path[PATH_MAX];
	gn_db *db;
	long long lead, helper, focal, household;
} fixture;

enum { LEAD, HELPER, FOCAL };

/* The eleven instances of the year, in the order of the expectations. */
static const struct {
	const char *rule;
	int who;
	int d, m;
} instances[] = {
	{ "plan", LEAD, 10, 6 },     { "plan", HELPER, 10, 6 },   { "monthly", LEAD, 25, 5 },
	{ "monthly", LEAD, 25, 6 },  { "monthly", LEAD, 25, 7 },  { "monthly", LEAD, 25, 8 },
	{ "monthly", LEAD, 25, 9 },  { "monthly", LEAD, 25, 10 }, { "monthly", LEAD, 25, 11 },
	{ "half_year", FOCAL, 30, 6 }, { "year_end", FOCAL, 30, 11 },
};
enum { N_INSTANCES = sizeof instances / sizeof instances[0] };

static long long add_agency(gn_db *db, const char *code)
{
	gn_agency a = { .kind = GN_AGENCY_ORGANISATION };
	snprintf(a.code, sizeof a.code, "%s", code);
	snprintf(a.name, sizeof a.name, "Đơn vị %s", code);
	ck_assert_int_eq(gn_agency_insert(db, &a), GN_OK);
	return a.id;
}

static void setup(fixture *f)
{
	f->db = testdb_open(f->path, true);
	f->household = testdb_household(f->db, "SC-0001", "Nguyễn Văn An", 1800000, GN_AREA_URBAN);
	f->lead = add_agency(f->db, "LEAD");
	f->helper = add_agency(f->db, "HELP");
	ck_assert_int_eq(gn_assign(f->db, f->household, f->lead, GN_ROLE_LEAD, 0), GN_OK);
	ck_assert_int_eq(gn_assign(f->db, f->household, f->helper, GN_ROLE_SUPPORT, 0), GN_OK);
	ck_assert_int_eq(gn_deadline_sync(f->db), GN_OK);
	gn_ward w;
	ck_assert_int_eq(gn_ward_load(f->db, &w), GN_OK);
	ck_assert_int_eq(w.year, 2026);
	f->focal = w.focal_agency_id;
	ck_assert(f->focal > 0);
}

static long long agency_of(const fixture *f, int who)
{
	return who == LEAD ? f->lead : who == HELPER ? f->helper : f->focal;
}

static char letter(gn_deadline_status s)
{
	static const char letters[] = { 'u', 's', 't', 'o', 'O', 'L' };
	return letters[s];
}

/* The deadline id of instance i. */
static long long instance_id(const fixture *f, int i)
{
	long long id;
	ck_assert_int_eq(gn_deadline_find(f->db, instances[i].rule, agency_of(f, instances[i].who),
					  D(instances[i].d, instances[i].m, 2026), &id), GN_OK);
	return id;
}

/* The statuses on a day, in the layout of the expectations; also checks
 * that the year has exactly the eleven instances. */
static void expect_on(const fixture *f, int day, int month, const char *want_spaced)
{
	char want[N_INSTANCES + 1], got[N_INSTANCES + 1];
	int k = 0;
	for (const char *p = want_spaced; *p; p++)
		if (*p != ' ')
			want[k++] = *p;
	want[k] = '\0';
	ck_assert_int_eq(k, N_INSTANCES);

	gn_deadline_filter all = { 0 };
	gn_deadline_row *rows;
	int n;
	ck_assert_int_eq(gn_deadline_query(f->db, &all, D(day, month, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, N_INSTANCES);
	for (int i = 0; i < N_INSTANCES; i++) {
		got[i] = '?';
		for (int r = 0; r < n; r++)
			if (strcmp(rows[r].rule_code, instances[i].rule) == 0 &&
			    rows[r].agency_id == agency_of(f, instances[i].who) &&
			    gn_date_cmp(rows[r].due, D(instances[i].d, instances[i].m, 2026)) == 0)
				got[i] = letter(rows[r].status);
	}
	got[N_INSTANCES] = '\0';
	free(rows);
	ck_assert_msg(strcmp(got, want) == 0, "on %02d/%02d/2026: statuses %.2s %.7s %.1s %.1s, expected %s", day,
		      month, got, got + 2, got + 9, got + 10, want_spaced);
}

START_TEST(statuses_across_the_year_without_submissions)
{
	fixture f;
	setup(&f);
	/*                   PP MMMMMMM H Y */
	expect_on(&f, 25, 1, "uu uuuuuuu u u");
	expect_on(&f, 25, 2, "uu uuuuuuu u u");
	expect_on(&f, 25, 3, "uu uuuuuuu u u");
	expect_on(&f, 25, 4, "uu uuuuuuu u u");
	expect_on(&f, 25, 5, "uu tuuuuuu u u");
	expect_on(&f, 2, 6, "uu ouuuuuu u u");  /* plan in 8 days: not yet due soon */
	expect_on(&f, 3, 6, "ss ouuuuuu u u");  /* 7 days: due soon */
	expect_on(&f, 9, 6, "ss ouuuuuu u u");
	expect_on(&f, 10, 6, "tt ouuuuuu u u");
	expect_on(&f, 11, 6, "oo ouuuuuu u u");
	expect_on(&f, 19, 6, "oo ouuuuuu u u"); /* June report in 6 days, half-year in 11 */
	expect_on(&f, 20, 6, "oo osuuuuu s u"); /* 5 and 10 days: both due soon */
	expect_on(&f, 25, 6, "oo otuuuuu s u");
	expect_on(&f, 30, 6, "oo oouuuuu t u");
	expect_on(&f, 1, 7, "oo oouuuuu o u");
	expect_on(&f, 25, 7, "oo ootuuuu o u");
	expect_on(&f, 25, 8, "oo oootuuu o u");
	expect_on(&f, 25, 9, "oo ooootuu o u");
	/* 25/10/2026 is a Sunday and the deadline stays on it. */
	expect_on(&f, 19, 10, "oo ooooouu o u");
	expect_on(&f, 20, 10, "oo ooooosu o u"); /* Tuesday: 5 days before */
	expect_on(&f, 24, 10, "oo ooooosu o u"); /* Saturday */
	expect_on(&f, 25, 10, "oo oooootu o u"); /* Sunday: due today */
	expect_on(&f, 26, 10, "oo oooooou o u"); /* Monday: already overdue */
	expect_on(&f, 15, 11, "oo oooooou o u"); /* year-end report in 15 days */
	expect_on(&f, 16, 11, "oo oooooou o s"); /* 14 days: due soon */
	expect_on(&f, 25, 11, "oo oooooot o s");
	expect_on(&f, 30, 11, "oo ooooooo o t");
	expect_on(&f, 1, 12, "oo ooooooo o o");
	expect_on(&f, 25, 12, "oo ooooooo o o");
	testdb_close(f.db, f.path);
}
END_TEST

START_TEST(a_deadline_on_a_sunday_stays_on_the_sunday)
{
	fixture f;
	setup(&f);
	gn_deadline_row row;
	ck_assert_int_eq(gn_deadline_get(f.db, instance_id(&f, 7), D(1, 10, 2026), &row), GN_OK);
	ck_assert_int_eq(gn_date_cmp(row.due, D(25, 10, 2026)), 0);
	ck_assert_int_eq(gn_date_weekday(row.due), 0);
	/* Filed on the Monday after: late, not on time. */
	ck_assert_int_eq(gn_report_record(f.db, row.id, D(26, 10, 2026), "Chị Lan", "Tháng 10", NULL, NULL), GN_OK);
	ck_assert_int_eq(gn_deadline_get(f.db, row.id, D(27, 10, 2026), &row), GN_OK);
	ck_assert_int_eq(row.status, GN_DL_LATE);
	/* The same holds for a fixed date: 30/5/2026 is a Saturday. */
	gn_deadline_rule sat = { .monthly = false, .month = 5, .day = 30 };
	gn_date out[1];
	ck_assert_int_eq(gn_deadline_rule_dates(&sat, 2026, out, 1), 1);
	ck_assert_int_eq(gn_date_weekday(out[0]), 6);
	ck_assert_int_eq(gn_date_cmp(out[0], D(30, 5, 2026)), 0);
	testdb_close(f.db, f.path);
}
END_TEST

static long long submit(fixture *f, int instance, gn_date on)
{
	long long id = 0;
	ck_assert_int_eq(gn_report_record(f->db, instance_id(f, instance), on, "Nguyễn Thị Lan", "Đã nộp",
					  "2 hộ; 3.000.000 đ", &id), GN_OK);
	ck_assert(id > 0);
	return id;
}

static int audit_rows(gn_db *db, long long report_id, const char *action)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT count(*) FROM audit WHERE entity = 'report'"
					     " AND entity_id = ?1 AND action = ?2 AND actor = 'tester'");
	ck_assert_ptr_nonnull(st);
	sqlite3_bind_int64(st, 1, report_id);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

START_TEST(submissions_on_time_late_withdrawn_and_corrected)
{
	fixture f;
	setup(&f);
	submit(&f, 0, D(8, 6, 2026));            /* plan, lead: early */
	submit(&f, 1, D(12, 6, 2026));           /* plan, helper: 2 days late */
	submit(&f, 2, D(25, 5, 2026));           /* May: on the day */
	long long june = submit(&f, 3, D(26, 6, 2026)); /* June: a day late */
	submit(&f, 7, D(26, 10, 2026));          /* October: the Monday after the Sunday */
	submit(&f, 9, D(30, 6, 2026));           /* half-year: on the day */
	long long year_end = submit(&f, 10, D(28, 11, 2026));

	/* A submission counts from its date on: before it, the deadline is open. */
	/*                   PP MMMMMMM H Y */
	expect_on(&f, 25, 5, "uu Ouuuuuu u u");
	expect_on(&f, 9, 6, "Os Ouuuuuu u u");
	expect_on(&f, 10, 6, "Ot Ouuuuuu u u");
	expect_on(&f, 11, 6, "Oo Ouuuuuu u u");
	expect_on(&f, 12, 6, "OL Ouuuuuu u u");
	expect_on(&f, 25, 6, "OL Otuuuuu s u");
	expect_on(&f, 26, 6, "OL OLuuuuu s u");
	expect_on(&f, 30, 6, "OL OLuuuuu O u");
	expect_on(&f, 25, 10, "OL OLoootu O u");
	expect_on(&f, 26, 10, "OL OLoooLu O u");
	expect_on(&f, 30, 11, "OL OLoooLo O O");

	/* One live submission per deadline. */
	ck_assert_int_eq(gn_report_record(f.db, instance_id(&f, 3), D(27, 6, 2026), "X", "", NULL, NULL),
			 GN_ERR_DUPLICATE);
	ck_assert_int_eq(gn_report_record(f.db, 999999, D(27, 6, 2026), "X", "", NULL, NULL), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(gn_report_record(f.db, instance_id(&f, 4), D(27, 6, 2026), "  ", "", NULL, NULL),
			 GN_ERR_INVALID);

	/* Correcting the June report's date makes it on time; the figures are kept. */
	gn_report r, stale, now;
	ck_assert_int_eq(gn_report_load(f.db, june, &r), GN_OK);
	ck_assert_str_eq(r.content, "2 hộ; 3.000.000 đ");
	ck_assert_int_eq(r.version, 1);
	ck_assert_int_eq(gn_report_load(f.db, june, &stale), GN_OK);
	r.submitted_on = D(25, 6, 2026);
	free(r.content);
	r.content = strdup("3 hộ; 4.500.000 đ");
	ck_assert_int_eq(gn_report_correct(f.db, &r, NULL), GN_OK);
	ck_assert_int_eq(r.version, 2);
	expect_on(&f, 1, 12, "OL OOoooLo O O");
	/* A second officer working from the old version is refused, and told what is there. */
	snprintf(stale.submitted_by, sizeof stale.submitted_by, "%s", "Người khác");
	ck_assert_int_eq(gn_report_correct(f.db, &stale, &now), GN_ERR_CONFLICT);
	ck_assert_int_eq(now.version, 2);
	ck_assert_str_eq(now.submitted_by, "Nguyễn Thị Lan");
	ck_assert_str_eq(now.content, "3 hộ; 4.500.000 đ");
	gn_report_clear(&now);
	gn_report_clear(&stale);
	gn_report_clear(&r);

	/* Withdrawing the year-end report opens the deadline again; a new one can be filed. */
	ck_assert_int_eq(gn_report_load(f.db, year_end, &r), GN_OK);
	ck_assert_int_eq(gn_report_withdraw(f.db, year_end, r.version + 1, &now), GN_ERR_CONFLICT);
	gn_report_clear(&now);
	ck_assert_int_eq(gn_report_withdraw(f.db, year_end, r.version, NULL), GN_OK);
	ck_assert_int_eq(gn_report_withdraw(f.db, year_end, r.version + 1, &now), GN_ERR_CONFLICT);
	ck_assert(now.withdrawn);
	gn_report_clear(&now);
	gn_report_clear(&r);
	ck_assert_int_eq(gn_report_load_live(f.db, instance_id(&f, 10), &r), GN_ERR_NOT_FOUND);
	expect_on(&f, 30, 11, "OL OOoooLo O t");
	expect_on(&f, 1, 12, "OL OOoooLo O o");
	long long again = submit(&f, 10, D(2, 12, 2026));
	expect_on(&f, 3, 12, "OL OOoooLo O L");
	/* A withdrawn report cannot be corrected. */
	ck_assert_int_eq(gn_report_load(f.db, year_end, &r), GN_OK);
	ck_assert_int_eq(gn_report_correct(f.db, &r, &now), GN_ERR_CONFLICT);
	gn_report_clear(&now);
	gn_report_clear(&r);

	/* Every step is in the audit log under the officer's name. */
	ck_assert_int_eq(audit_rows(f.db, june, "insert"), 1);
	ck_assert_int_eq(audit_rows(f.db, june, "update"), 1);
	ck_assert_int_eq(audit_rows(f.db, year_end, "insert"), 1);
	ck_assert_int_eq(audit_rows(f.db, year_end, "update"), 1);
	ck_assert_int_eq(audit_rows(f.db, again, "insert"), 1);
	testdb_close(f.db, f.path);
}
END_TEST

/* Writes text to a new file in $TMPDIR; path receives its name. */
static void write_ini(char path[PATH_MAX], const char *text)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, PATH_MAX, "%s/giamngheo-rules-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static gn_status import_text(gn_db *db, const char *text, gn_rules_import_result *res, char *warn, size_t size)
{
	char path[PATH_MAX];
	write_ini(path, text);
	gn_status s = gn_rules_import(db, path, false, res, warn, size);
	unlink(path);
	return s;
}

static int count_of(gn_db *db, const char *sql)
{
	return (int)gn_db_int_query(db, sql, 0, -1);
}

/* The rules and the audit log as text, to see that nothing changed. */
static char *dump(gn_db *db)
{
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT group_concat(line, char(10)) FROM (SELECT json_array(id, code, title_vi, title_en,"
		" audience, kind, month, day, first_month, last_month, due_soon_days, active, version,"
		" updated_at, updated_by) AS line FROM deadline_rule ORDER BY id)"
		" UNION ALL SELECT count(*) FROM audit UNION ALL SELECT count(*) FROM deadline");
	ck_assert_ptr_nonnull(st);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(f, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	fclose(f);
	return out;
}

static void shipped_path(char *buf, size_t size)
{
	const char *tests = getenv("TESTS_SRCDIR");
	snprintf(buf, size, "%s/../data/deadlines.ini", tests && *tests ? tests : "tests");
}

START_TEST(the_shipped_file_says_what_init_made)
{
	char path[PATH_MAX], file[PATH_MAX + 32], warn[4096] = "";
	gn_db *db = testdb_open(path, true);
	long long hh = testdb_household(db, "SC-0001", "Nguyễn Văn An", 1800000, GN_AREA_URBAN);
	ck_assert_int_eq(gn_assign(db, hh, add_agency(db, "LEAD"), GN_ROLE_LEAD, 0), GN_OK);
	ck_assert_int_eq(gn_deadline_sync(db), GN_OK);
	shipped_path(file, sizeof file);
	char *before = dump(db);
	gn_rules_import_result res;
	ck_assert_int_eq(gn_rules_import(db, file, false, &res, warn, sizeof warn), GN_OK);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(res.unchanged, 4);
	ck_assert_int_eq(res.added + res.updated + res.retired, 0);
	ck_assert_int_eq(res.instances_added + res.instances_removed, 0);
	char *after = dump(db);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	testdb_close(db, path);
}
END_TEST

START_TEST(rule_changes_keep_submissions)
{
	fixture f;
	setup(&f);
	submit(&f, 2, D(25, 5, 2026));
	submit(&f, 3, D(26, 6, 2026));
	submit(&f, 7, D(26, 10, 2026));
	char warn[4096] = "";
	gn_rules_import_result res;

	/* The monthly report moves to the 20th: the open months move, the
	 * three reported ones stay on the 25th with their reports. */
	ck_assert_int_eq(import_text(f.db, "[monthly]\nday = 20\n", &res, warn, sizeof warn), GN_OK);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(res.updated, 1);
	ck_assert_int_eq(res.instances_added, 7);
	ck_assert_int_eq(res.instances_removed, 4);
	ck_assert_int_eq(count_of(f.db, "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id"
				       " WHERE r.code = 'monthly' AND substr(d.due_date, 9) = '25'"), 3);
	ck_assert_int_eq(count_of(f.db, "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id"
				       " WHERE r.code = 'monthly' AND substr(d.due_date, 9) = '20'"), 7);
	ck_assert_int_eq(count_of(f.db, "SELECT count(*) FROM report WHERE withdrawn = 0"), 3);
	/* Importing the same again changes nothing. */
	ck_assert_int_eq(import_text(f.db, "[monthly]\nday = 20\n", &res, warn, sizeof warn), GN_OK);
	ck_assert_int_eq(res.unchanged, 1);
	ck_assert_int_eq(res.instances_added + res.instances_removed, 0);

	/* Retired: the open instances go, the reported ones stay. */
	ck_assert_int_eq(import_text(f.db, "[monthly]\nactive = no\n", &res, warn, sizeof warn), GN_OK);
	ck_assert_int_eq(res.retired, 1);
	ck_assert_int_eq(res.instances_removed, 7);
	ck_assert_int_eq(count_of(f.db, "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id"
				       " WHERE r.code = 'monthly'"), 3);
	gn_deadline_filter monthly = { .rule_code = "monthly" };
	gn_deadline_row *rows;
	int n;
	ck_assert_int_eq(gn_deadline_query(f.db, &monthly, D(1, 12, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(rows[0].status, GN_DL_ON_TIME);
	ck_assert_int_eq(rows[1].status, GN_DL_LATE);
	ck_assert_int_eq(rows[2].status, GN_DL_LATE);
	free(rows);

	/* A new ad-hoc rule for the lead agencies; title_en defaults to title_vi. */
	ck_assert_int_eq(import_text(f.db,
				     "# ad hoc\n[adhoc_storm]\ntitle_vi = Báo cáo đột xuất sau bão\naudience = lead\n"
				     "date = 15/09\ndue_soon_days = 3\n", &res, warn, sizeof warn), GN_OK);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(res.added, 1);
	ck_assert_int_eq(res.instances_added, 1);
	gn_deadline_filter adhoc = { .rule_code = "adhoc_storm" };
	ck_assert_int_eq(gn_deadline_query(f.db, &adhoc, D(13, 9, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(rows[0].agency_id, f.lead);
	ck_assert_int_eq(gn_date_cmp(rows[0].due, D(15, 9, 2026)), 0);
	ck_assert_int_eq(rows[0].status, GN_DL_DUE_SOON);
	free(rows);
	ck_assert_int_eq(count_of(f.db, "SELECT count(*) FROM deadline_rule WHERE code = 'adhoc_storm'"
				       " AND title_en = title_vi AND kind = 'fixed' AND updated_by = 'tester'"), 1);

	/* Back to the shipped file (it says active = yes for each rule): the
	 * monthly rule returns on the 25th, beside the three reported months. */
	char file[PATH_MAX + 32];
	shipped_path(file, sizeof file);
	ck_assert_int_eq(gn_rules_import(f.db, file, false, &res, warn, sizeof warn), GN_OK);
	ck_assert_int_eq(res.updated, 1);
	ck_assert_int_eq(res.unchanged, 3);
	ck_assert_int_eq(res.instances_added, 4);
	ck_assert_int_eq(count_of(f.db, "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id"
				       " WHERE r.code = 'monthly'"), 7);
	testdb_close(f.db, f.path);
}
END_TEST

START_TEST(assignment_changes_keep_submissions)
{
	fixture f;
	setup(&f);
	submit(&f, 2, D(25, 5, 2026));
	submit(&f, 0, D(8, 6, 2026));
	/* The helper becomes the lead: the old lead keeps its reported May
	 * instance and its plan, and loses its open months. */
	ck_assert_int_eq(gn_assign(f.db, f.household, f.helper, GN_ROLE_LEAD, 0), GN_OK);
	ck_assert_int_eq(gn_deadline_sync(f.db), GN_OK);
	gn_deadline_filter old = { .agency_id = f.lead }, now = { .agency_id = f.helper, .rule_code = "monthly" };
	gn_deadline_row *rows;
	int n;
	ck_assert_int_eq(gn_deadline_query(f.db, &old, D(1, 7, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(rows[0].rule_code, "monthly");
	ck_assert_int_eq(rows[0].status, GN_DL_ON_TIME);
	ck_assert_str_eq(rows[1].rule_code, "plan");
	ck_assert_int_eq(rows[1].status, GN_DL_ON_TIME);
	free(rows);
	ck_assert_int_eq(gn_deadline_query(f.db, &now, D(1, 7, 2026), &rows, &n), GN_OK);
	ck_assert_int_eq(n, 7);
	free(rows);
	testdb_close(f.db, f.path);
}
END_TEST

START_TEST(a_bad_rules_file_changes_nothing)
{
	fixture f;
	setup(&f);
	char warn[4096] = "";
	gn_rules_import_result res;
	char *before = dump(f.db);
	ck_assert_int_eq(import_text(f.db,
				     "[monthly]\nday = 20\n"
				     "[adhoc]\ntitle_vi = Đột xuất\naudience = everyone\ndate = 31/06\nwhen = soon\n"
				     "[half_year]\ndate = 30/06\nfirst_month = 2\n"
				     "[New Rule]\naudience = lead\n"
				     "[lonely]\ntitle_vi = Thiếu ngày\naudience = lead\n",
				     &res, warn, sizeof warn), GN_ERR_INVALID);
	/* Each problem with its line: audience (5), date (6), the unknown key (7),
	 * date with first_month (9), the code (11), the missing date (13). */
	const char *want[] = { ":5: [adhoc] audience", ":6: [adhoc] date", ":7: [adhoc] unknown setting 'when'",
			       ":9: [half_year]", ":11: [new rule]", ":13: [lonely] a new rule needs" };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(warn, want[i]) != NULL, "'%s' not in:\n%s", want[i], warn);
	char *after = dump(f.db);
	ck_assert_str_eq(after, before);
	free(after);

	/* A dry run says what would change and keeps nothing. */
	char path[PATH_MAX];
	write_ini(path, "[monthly]\nactive = no\n");
	warn[0] = '\0';
	ck_assert_int_eq(gn_rules_import(f.db, path, true, &res, warn, sizeof warn), GN_OK);
	unlink(path);
	ck_assert_int_eq(res.retired, 1);
	ck_assert_int_eq(res.instances_removed, 7);
	after = dump(f.db);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);

	ck_assert_int_eq(gn_rules_import(f.db, "/nonexistent/deadlines.ini", false, &res, warn, sizeof warn),
			 GN_ERR_NOT_FOUND);
	testdb_close(f.db, f.path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("calendar");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, statuses_across_the_year_without_submissions);
	tcase_add_test(tc, a_deadline_on_a_sunday_stays_on_the_sunday);
	tcase_add_test(tc, submissions_on_time_late_withdrawn_and_corrected);
	tcase_add_test(tc, the_shipped_file_says_what_init_made);
	tcase_add_test(tc, rule_changes_keep_submissions);
	tcase_add_test(tc, assignment_changes_keep_submissions);
	tcase_add_test(tc, a_bad_rules_file_changes_nothing);
	suite_add_tcase(s, tc);
	return check_run(s);
}
