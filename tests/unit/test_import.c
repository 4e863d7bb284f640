/* The import's report as the app shows it: the header's columns and what
 * each fills, problems as lines, progress on a long file; and "~" in the
 * path typed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"
#include "giamngheo/import.h"
#include "giamngheo/paths.h"
#include "giamngheo/standard.h"
#include "giamngheo/ward.h"
#include "testdb.h"
#include "check_run.h"

static gn_status dry_run(gn_db *db, const char *csv, const gn_import_options *given, gn_import_report *r)
{
	gn_ward w;
	gn_standard s;
	ck_assert_int_eq(gn_ward_load(db, &w), GN_OK);
	ck_assert_int_eq(gn_standard_load(db, w.current_standard_id, &s), GN_OK);
	gn_import_options o = { .dry_run = true };
	gn_status st = gn_import_households(db, &s, csv, strlen(csv), given ? given : &o, r);
	gn_standard_clear(&s);
	return st;
}

START_TEST(every_column_is_listed_with_what_it_fills)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	gn_import_report r;
	ck_assert_int_eq(dry_run(db, "STT;Mã hộ;ho va ten chu ho;Cột lạ;1.1 Việc làm;\n1;A-1;Lê Văn A;z;x;\n", NULL, &r),
			 GN_OK);
	ck_assert_int_eq(r.n_columns, 6);
	ck_assert_str_eq(r.columns[0].header, "STT");
	ck_assert_ptr_null(r.columns[0].field);
	ck_assert_str_eq(r.columns[1].header, "Mã hộ");
	ck_assert_str_eq(r.columns[1].field, "household code");
	ck_assert_str_eq(r.columns[2].field, "head of household");
	ck_assert_str_eq(r.columns[3].header, "Cột lạ");
	ck_assert_ptr_null(r.columns[3].field);
	ck_assert_ptr_nonnull(strstr(r.columns[4].field, "indicator 1.1"));
	ck_assert_str_eq(r.columns[5].header, "");
	ck_assert_ptr_null(r.columns[5].field);
	ck_assert_int_eq(r.households, 1);
	gn_import_report_clear(&r);
	ck_assert_int_eq(r.n_columns, 0);
	testdb_close(db, path);
}
END_TEST

typedef struct {
	int calls;
	long rows[8];
	double share[8];
} seen;

static void note(void *arg, long rows, double share)
{
	seen *s = arg;
	if (s->calls < 8) {
		s->rows[s->calls] = rows;
		s->share[s->calls] = share;
	}
	s->calls++;
}

START_TEST(a_long_file_reports_its_progress)
{
	char path[PATH_MAX];
	gn_db *db = testdb_open(path, true);
	size_t size = 64 * 1300;
	char *csv = malloc(size), *p = csv;
	ck_assert_ptr_nonnull(csv);
	p += sprintf(p, "Mã hộ,Họ và tên chủ hộ\n");
	for (int i = 0; i < 1200; i++)
		p += sprintf(p, "P-%04d,Đỗ Văn %d\n", i, i);
	seen s = { 0 };
	gn_import_options o = { .dry_run = true, .progress = note, .progress_arg = &s };
	gn_import_report r;
	ck_assert_int_eq(dry_run(db, csv, &o, &r), GN_OK);
	ck_assert_int_eq(r.rows, 1200);
	ck_assert_int_eq(s.calls, 2);
	ck_assert_int_eq(s.rows[0], GN_IMPORT_PROGRESS_ROWS);
	ck_assert_int_eq(s.rows[1], 2 * GN_IMPORT_PROGRESS_ROWS);
	ck_assert(s.share[0] > 0.3 && s.share[0] < s.share[1] && s.share[1] < 1.0);
	gn_import_report_clear(&r);
	free(csv);
	testdb_close(db, path);
}
END_TEST

START_TEST(a_problem_reads_as_one_line)
{
	gn_import_problem p = { .row = 4, .column = "Số CCCD", .value = "12345", .reason = "not a citizen ID number" };
	char line[256];
	gn_import_problem_text(&p, line, sizeof line);
	ck_assert_str_eq(line, "Row 4, column \"Số CCCD\", value \"12345\": not a citizen ID number");
	p.value = "";
	gn_import_problem_text(&p, line, sizeof line);
	ck_assert_str_eq(line, "Row 4, column \"Số CCCD\": not a citizen ID number");
	p.column = "";
	p.warning = true;
	gn_import_problem_text(&p, line, sizeof line);
	ck_assert_str_eq(line, "Row 4: warning: not a citizen ID number");
	p.row = 0;
	p.warning = false;
	gn_import_problem_text(&p, line, sizeof line);
	ck_assert_str_eq(line, "not a citizen ID number");
}
END_TEST

START_TEST(a_tilde_is_the_home_directory)
{
	char out[64];
	setenv("HOME", "/home/lan", 1);
	ck_assert_int_eq(gn_path_expand_home("~/ho ngheo.csv", out, sizeof out), 0);
	ck_assert_str_eq(out, "/home/lan/ho ngheo.csv");
	ck_assert_int_eq(gn_path_expand_home("~", out, sizeof out), 0);
	ck_assert_str_eq(out, "/home/lan");
	/* Another user's home and a ~ inside a name are left as typed. */
	ck_assert_int_eq(gn_path_expand_home("~minh/a.csv", out, sizeof out), 0);
	ck_assert_str_eq(out, "~minh/a.csv");
	ck_assert_int_eq(gn_path_expand_home("bao-cao~1.csv", out, sizeof out), 0);
	ck_assert_str_eq(out, "bao-cao~1.csv");
	char tiny[8];
	ck_assert_int_eq(gn_path_expand_home("~/a.csv", tiny, sizeof tiny), -1);
}
END_TEST

int main(void)
{
	gn_i18n_init("en");
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_column_is_listed_with_what_it_fills);
	tcase_add_test(tc, a_long_file_reports_its_progress);
	tcase_add_test(tc, a_problem_reads_as_one_line);
	tcase_add_test(tc, a_tilde_is_the_home_directory);
	suite_add_tcase(s, tc);
	return check_run(s);
}
