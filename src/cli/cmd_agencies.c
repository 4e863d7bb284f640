#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "giamngheo/agency.h"
#include "giamngheo/i18n.h"

int gn_cmd_agencies(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	gn_format fmt = GN_FMT_TABLE;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'F')
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		if (!gn_cli_format(optarg, &fmt))
			return GN_EXIT_USAGE;
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);

	char today[11];
	gn_date_format_iso(cli->today, today);
	gn_agency_row *rows;
	int n;
	gn_status s = gn_agency_query(cli->db, today, &rows, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	const char *headers[] = { _("Code"), _("Agency"), _("Kind"), _("Leads"), _("Supports"),
				  _("Reports due"), _("On time"), _("Late"), _("Overdue"), _("Contact"),
				  _("Phone") };
	const char *keys[] = { "code", "name", "kind", "leads", "supports", "reports_due", "on_time",
			       "late", "overdue", "contact", "phone" };
	gn_out *o = gn_out_new(stdout, fmt, 11, headers, keys);
	if (!o) {
		free(rows);
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	}
	for (int col = 3; col <= 8; col++) {
		gn_out_numeric(o, col);
		gn_out_align_right(o, col);
	}
	for (int i = 0; i < n; i++) {
		const gn_agency_row *r = &rows[i];
		char num[6][12];
		int values[6] = { r->leads, r->supports, r->reports_due, r->reports_on_time,
				  r->reports_late, r->overdue };
		for (int k = 0; k < 6; k++)
			snprintf(num[k], sizeof num[k], "%d", values[k]);
		const char *cells[] = {
			r->agency.code, r->agency.name,
			fmt == GN_FMT_TABLE ? gn_agency_kind_label(r->agency.kind) : gn_agency_kind_code(r->agency.kind),
			num[0], num[1], num[2], num[3], num[4], num[5], r->agency.contact_person, r->agency.phone,
		};
		gn_out_row(o, cells);
	}
	gn_out_finish(o);
	free(rows);
	return GN_EXIT_OK;
}
