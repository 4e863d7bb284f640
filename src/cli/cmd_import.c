/* import households FILE.csv [--dry-run]: a ward's list into the database,
 * all or nothing, with every row's problems listed. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/i18n.h"
#include "giamngheo/import.h"

static void import_help(void)
{
	printf(_("Usage: giamngheo import households FILE.csv [--dry-run]\n"
		 "Imports households and their members from a CSV file saved by a spreadsheet\n"
		 "(UTF-8, separator ',' or ';'). Columns are found by their headers, with or without\n"
		 "diacritics, in any order:\n"));
	printf("  Mã hộ, Họ và tên chủ hộ, Tổ dân phố, Địa chỉ, Số nhân khẩu, Thu nhập bình quân,\n"
	       "  Ngày sinh / Năm sinh, Giới tính, Dân tộc, Số CCCD, Số điện thoại, Phân loại, Ghi chú,\n"
	       "  1.1 ... 6.2 (x, 1, có); Họ và tên, Quan hệ với chủ hộ\n");
	printf(_("The first row of a household code is the household and its head; later rows with\n"
		 "the same code are its members, named in the member name column. The class is derived\n"
		 "from income and deprivations. Any error and nothing is imported.\n"
		 "  --dry-run            check the file, list how its columns are read and its\n"
		 "                       problems; save nothing\n"));
}

static void print_problem(const char *path, const gn_import_problem *p)
{
	char line[1200];
	gn_import_problem_text(p, line, sizeof line);
	if (p->row == 0)
		printf("%s: %s\n", path, line);
	else
		printf("%s\n", line);
}

static int import_households(gn_cli *cli, const char *path, bool dry_run)
{
	gn_standard std;
	gn_status s = gn_cli_standard(cli, NULL, &std);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	gn_import_report r;
	gn_import_options o = { .dry_run = dry_run };
	s = gn_import_households_file(cli->db, &std, path, &o, &r);
	gn_standard_clear(&std);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: %s: no such file\n"), path);
		return GN_EXIT_USER;
	}
	/* What the check read the columns as, before what it found in them. */
	for (int i = 0; dry_run && i < r.n_columns; i++)
		if (r.columns[i].field)
			printf(_("Column \"%s\": %s\n"), r.columns[i].header, r.columns[i].field);
		else if (r.columns[i].header[0])
			printf(_("Column \"%s\": ignored\n"), r.columns[i].header);
	for (int i = 0; i < r.n_problems; i++)
		print_problem(path, &r.problems[i]);
	long unlisted = r.n_errors + r.n_warnings - r.n_problems;
	if (unlisted > 0)
		printf(_("... and %ld more problems not listed.\n"), unlisted);
	int rc = GN_EXIT_OK;
	fflush(stdout);
	if (s == GN_ERR_INVALID) {
		fprintf(stderr, _("giamngheo: %s: %ld errors, %ld warnings: nothing was imported; "
				  "correct the rows above and try again\n"),
			path, r.n_errors, r.n_warnings);
		rc = GN_EXIT_USER;
	} else if (s != GN_OK) {
		rc = gn_cli_fail(s, path);
	} else if (dry_run) {
		printf(_("Dry run, nothing saved: %s would import %d households, %d members and "
			 "%d deprivations (%ld warnings).\n"),
		       path, r.households, r.members, r.deprivations, r.n_warnings);
	} else {
		printf(_("Imported from %s: %d households, %d members, %d deprivations (%ld warnings).\n"),
		       path, r.households, r.members, r.deprivations, r.n_warnings);
	}
	gn_import_report_clear(&r);
	return rc;
}

int gn_cmd_import(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool dry_run = false;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			dry_run = true;
			break;
		case 'h':
			import_help();
			return GN_EXIT_OK;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind >= argc || strcmp(argv[optind], "households") != 0)
		return gn_cli_usage_error("%s", _("usage: giamngheo import households FILE.csv [--dry-run]"));
	if (optind + 1 >= argc)
		return gn_cli_usage_error("%s", _("usage: giamngheo import households FILE.csv [--dry-run]"));
	if (optind + 2 < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind + 2]);
	return import_households(cli, argv[optind + 1], dry_run);
}
