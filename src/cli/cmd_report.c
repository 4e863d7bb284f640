/* giamngheo report KIND: the plan's reports built from the data, as text on
 * the terminal or written to a .txt, .csv or .xlsx file. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/account.h"
#include "giamngheo/agency.h"
#include "giamngheo/export.h"
#include "giamngheo/i18n.h"
#include "giamngheo/report_build.h"

static void report_help(void)
{
	printf(_("Usage: giamngheo report KIND [OPTION]...\n"
		 "Kinds:\n"
		 "  monthly --agency CODE [--month MM/YYYY]  a lead agency's monthly report\n"
		 "                       (default: this month)\n"
		 "  plan [--agency CODE]  the households' support plans (due 10/6), of one\n"
		 "                       assigned unit or of all\n"
		 "  half-year            the focal department's report to 30/6\n"
		 "  year-end             the focal department's report to 30/11\n"
		 "Options:\n"
		 "  --format text|csv|xlsx  text goes to the terminal unless --output is given;\n"
		 "                       csv and xlsx go to a file named after the report\n"
		 "  --output FILE|DIR    where to write ('-': standard output, not for xlsx)\n"));
}

/* "05/2026" or "5/2026". */
static bool parse_month(const char *s, int *month, int *year)
{
	char *end;
	long m = strtol(s, &end, 10);
	if (end == s || *end != '/' || end - s > 2)
		return false;
	const char *y_text = end + 1;
	long y = strtol(y_text, &end, 10);
	if (*end != '\0' || end - y_text != 4)
		return false;
	*month = (int)m;
	*year = (int)y;
	return true;
}

static int month_error(const char *text, gn_date_error e)
{
	return gn_cli_usage_error("%s: %s", text,
				  e == GN_DATE_SYNTAX ? _("Type the month as mm/yyyy, e.g. 05/2026.")
						      : gn_date_error_message(e));
}

int gn_cmd_report(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	gn_report_request rq = { .today = cli->today };
	gn_export_format fmt = GN_EXPORT_TEXT;
	const char *month_text = NULL, *output = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			rq.agency = optarg;
			break;
		case 'm':
			month_text = optarg;
			break;
		case 'F':
			if (!gn_export_format_from_name(optarg, &fmt))
				return gn_cli_usage_error(_("unknown format '%s' (use text, csv or xlsx)"), optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			report_help();
			return GN_EXIT_OK;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return gn_cli_usage_error("%s", _("report needs a kind: monthly, plan, half-year or year-end"));
	if (!gn_report_kind_from_code(argv[optind], &rq.kind))
		return gn_cli_usage_error(_("unknown report '%s' (use monthly, plan, half-year or year-end)"),
					  argv[optind]);
	if (optind + 1 < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind + 1]);

	if (rq.kind == GN_REPORT_MONTHLY) {
		if (!rq.agency || !*rq.agency)
			return gn_cli_usage_error("%s", _("the monthly report needs --agency CODE"));
		rq.month = cli->today.m;
		rq.year = cli->today.y;
		if (month_text) {
			if (!parse_month(month_text, &rq.month, &rq.year))
				return month_error(month_text, GN_DATE_SYNTAX);
			if (rq.year < 1900 || rq.year > 2100)
				return month_error(month_text, GN_DATE_BAD_YEAR);
			if (rq.month < 1 || rq.month > 12)
				return month_error(month_text, GN_DATE_BAD_MONTH);
		}
	} else if (month_text) {
		return gn_cli_usage_error("%s", _("--month is for the monthly report only"));
	} else if (rq.agency && rq.kind != GN_REPORT_PLAN) {
		return gn_cli_usage_error("%s", _("--agency is for the monthly and plan reports only"));
	}
	if (fmt == GN_EXPORT_XLSX && output && strcmp(output, "-") == 0)
		return gn_cli_usage_error("%s", _("an .xlsx workbook cannot go to standard output: give a file or directory"));

	if (rq.agency) {
		gn_agency a;
		gn_status s = gn_agency_load_code(cli->db, rq.agency, &a);
		if (s == GN_ERR_NOT_FOUND) {
			fprintf(stderr, _("giamngheo: no agency with code '%s'\n"), rq.agency);
			return GN_EXIT_USER;
		}
		if (s != GN_OK)
			return gn_cli_fail(s, NULL);
	}

	gn_report *r;
	gn_status s = gn_report_build(cli->db, &rq, &r);
	if (s != GN_OK)
		return gn_cli_fail(s, gn_report_kind_label(rq.kind));

	char what[64];
	snprintf(what, sizeof what, "report %s %s", gn_report_kind_code(rq.kind), gn_export_extension(fmt));
	bool to_stdout = output ? strcmp(output, "-") == 0 : fmt == GN_EXPORT_TEXT;
	if (to_stdout) {
		s = fmt == GN_EXPORT_CSV ? gn_export_csv(r, stdout) : gn_export_text(r, stdout);
		if (s == GN_OK && fflush(stdout) != 0)
			s = GN_ERR_IO;
		gn_report_free(r);
		if (s == GN_OK)
			gn_account_log_export(cli->db, what, "");
		return s == GN_OK ? GN_EXIT_OK : gn_cli_fail(s, NULL);
	}
	char written[PATH_MAX];
	s = gn_export_file(r, fmt, output, written, sizeof written);
	if (s != GN_OK) {
		char name[PATH_MAX];
		if (output)
			snprintf(name, sizeof name, "%s", output);
		else
			gn_export_file_name(r, fmt, name, sizeof name);
		gn_report_free(r);
		return gn_cli_fail(s, name);
	}
	gn_report_free(r);
	gn_account_log_export(cli->db, what, written);
	printf("%s\n", written);
	return GN_EXIT_OK;
}
