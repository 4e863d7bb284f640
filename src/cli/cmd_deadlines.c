#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/i18n.h"

int gn_cmd_deadlines(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "open", no_argument, NULL, 'o' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	gn_deadline_filter f = { 0 };
	gn_format fmt = GN_FMT_TABLE;
	const char *agency_code = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			agency_code = optarg;
			break;
		case 'o':
			f.open_only = true;
			break;
		case 'f':
			if (!gn_cli_date(optarg, &f.from))
				return GN_EXIT_USER;
			break;
		case 't':
			if (!gn_cli_date(optarg, &f.to))
				return GN_EXIT_USER;
			break;
		case 'F':
			if (!gn_cli_format(optarg, &fmt))
				return GN_EXIT_USAGE;
			break;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
	if (agency_code) {
		gn_agency a;
		gn_status s = gn_agency_load_code(cli->db, agency_code, &a);
		if (s == GN_ERR_NOT_FOUND) {
			fprintf(stderr, _("giamngheo: no agency with code '%s'\n"), agency_code);
			return GN_EXIT_USER;
		}
		if (s != GN_OK)
			return gn_cli_fail(s, NULL);
		f.agency_id = a.id;
	}

	gn_deadline_row *rows;
	int n;
	gn_status s = gn_deadline_query(cli->db, &f, cli->today, &rows, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	/* CSV and JSON add the ids that submit --deadline and submit --correct
	 * take; the table keeps its five columns. */
	const char *headers[] = { _("Due"), _("Report"), _("Agency"), _("Status"), _("Submitted"), "deadline_id",
				  "report_id" };
	const char *keys[] = { "due", "report", "agency", "status", "submitted", "deadline_id", "report_id" };
	gn_out *o = gn_out_new(stdout, fmt, fmt == GN_FMT_TABLE ? 5 : 7, headers, keys);
	if (o && fmt != GN_FMT_TABLE) {
		gn_out_numeric(o, 5);
		gn_out_numeric(o, 6);
	}
	if (!o) {
		free(rows);
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	}
	for (int i = 0; i < n; i++) {
		char due[11], submitted[11] = "", status[64];
		if (fmt == GN_FMT_TABLE) {
			gn_date_format_dmy(rows[i].due, due);
			if (rows[i].submitted)
				gn_date_format_dmy(rows[i].submitted_on, submitted);
			gn_deadline_status_describe(rows[i].status, rows[i].due, cli->today, status, sizeof status);
		} else {
			gn_date_format_iso(rows[i].due, due);
			if (rows[i].submitted)
				gn_date_format_iso(rows[i].submitted_on, submitted);
			snprintf(status, sizeof status, "%s", gn_deadline_status_code(rows[i].status));
		}
		char deadline_id[24], report_id[24] = "";
		snprintf(deadline_id, sizeof deadline_id, "%lld", rows[i].id);
		if (rows[i].report_id)
			snprintf(report_id, sizeof report_id, "%lld", rows[i].report_id);
		const char *cells[] = { due, rows[i].title, rows[i].agency_code, status, submitted, deadline_id,
					report_id };
		gn_out_row(o, cells);
	}
	gn_out_finish(o);
	free(rows);
	return GN_EXIT_OK;
}
