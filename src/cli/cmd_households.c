#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/money.h"

static const char *const sort_names[] = {
	"code", "head", "tdp", "class", "deprivations", "lead", "income"
};

static void households_help(void)
{
	printf(_("Usage: giamngheo households [FILTER]... [--format table|csv|json]\n"
		 "  --tdp TDP            residential group (code or name)\n"
		 "  --class CLASS        poor, near_poor, middle or not_poor\n"
		 "  --lead AGENCY        lead agency (short code)\n"
		 "  --targeted           only households targeted to exit poverty this year\n"
		 "  --deprived CODE      still deprived on this indicator (e.g. 2.2)\n"
		 "  --search TEXT        names, codes, ID numbers, phones (diacritics optional)\n"
		 "  --standard CODE      poverty standard for the indicators (2022-2025, 2027-2030)\n"
		 "  --sort KEY           code, head, tdp, class, deprivations, lead or income\n"
		 "  --desc               reverse the order\n"
		 "  --limit N, --offset N  a window of the list\n"));
}

static bool parse_count(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > 100000000)
		return false;
	*out = (int)v;
	return true;
}

static void cells_symbols(const gn_household_row *r, char *buf)
{
	for (int i = 0; i < r->n_indicators; i++)
		buf[i] = gn_ind_status_symbol(r->indicators[i]);
	buf[r->n_indicators] = '\0';
}

static int print_rows(gn_format fmt, const gn_standard *std, gn_household_row *rows, int n,
		      long long total)
{
	enum { FIXED = 10 };
	const char *headers[FIXED + GN_MAX_INDICATORS] = {
		_("Code"), _("Head of household"), _("TDP"), _("Class"), _("Deprivations"),
		_("Indicators"), _("Lead agency"), _("Targeted"), _("Income/person"), _("Exit date"),
	};
	const char *keys[FIXED + GN_MAX_INDICATORS] = {
		"code", "head", "tdp", "class", "deprivations", "indicators", "lead", "targeted",
		"income", "exit_date",
	};
	int ncols = FIXED;
	if (fmt != GN_FMT_TABLE)
		for (int i = 0; i < std->n_indicators; i++, ncols++)
			headers[ncols] = keys[ncols] = std->indicators[i].code;
	gn_out *o = gn_out_new(stdout, fmt, ncols, headers, keys);
	if (!o)
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	gn_out_numeric(o, 4);
	gn_out_numeric(o, 8);
	gn_out_align_right(o, 4);
	gn_out_align_right(o, 8);
	for (int r = 0; r < n; r++) {
		char deps[8], symbols[GN_MAX_INDICATORS + 1], income[32], exit_date[11] = "";
		const char *cells[FIXED + GN_MAX_INDICATORS];
		snprintf(deps, sizeof deps, "%d", rows[r].deprivations);
		cells_symbols(&rows[r], symbols);
		if (fmt == GN_FMT_TABLE)
			gn_money_format(rows[r].income, income, sizeof income);
		else
			snprintf(income, sizeof income, "%lld", rows[r].income);
		if (gn_date_is_set(rows[r].exit_date))
			gn_date_format_dmy(rows[r].exit_date, exit_date);
		cells[0] = rows[r].code;
		cells[1] = rows[r].head;
		cells[2] = rows[r].tdp;
		cells[3] = fmt == GN_FMT_TABLE ? gn_class_label(rows[r].cls) : gn_class_code(rows[r].cls);
		cells[4] = deps;
		cells[5] = symbols;
		cells[6] = rows[r].lead;
		cells[7] = rows[r].targeted ? (fmt == GN_FMT_TABLE ? _("yes") : "true")
					    : (fmt == GN_FMT_TABLE ? "" : "false");
		cells[8] = income;
		cells[9] = exit_date;
		for (int i = 0; fmt != GN_FMT_TABLE && i < std->n_indicators; i++)
			cells[FIXED + i] = i < rows[r].n_indicators ? gn_ind_status_code(rows[r].indicators[i]) : "";
		gn_out_row(o, cells);
	}
	gn_out_finish(o);
	if (fmt == GN_FMT_TABLE) {
		printf(ngettext("%lld household matches.", "%lld households match.", (unsigned long)total),
		       total);
		printf(_(" Indicators (%s): X deprived, ~ being addressed, + resolved, . not deprived.\n"),
		       std->code);
	}
	return GN_EXIT_OK;
}

int gn_cmd_households(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tdp", required_argument, NULL, 'T' },
		{ "class", required_argument, NULL, 'C' },
		{ "lead", required_argument, NULL, 'L' },
		{ "targeted", no_argument, NULL, 't' },
		{ "deprived", required_argument, NULL, 'D' },
		{ "search", required_argument, NULL, 's' },
		{ "standard", required_argument, NULL, 'S' },
		{ "sort", required_argument, NULL, 'o' },
		{ "desc", no_argument, NULL, 'r' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'f' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	gn_household_filter f;
	gn_household_filter_init(&f);
	gn_format fmt = GN_FMT_TABLE;
	const char *standard_code = NULL;
	gn_class cls;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'T':
			f.tdp = optarg;
			break;
		case 'C':
			if (!gn_class_from_code(optarg, &cls))
				return gn_cli_usage_error(_("unknown class '%s' (use poor, near_poor, middle or not_poor)"), optarg);
			f.cls = optarg;
			break;
		case 'L':
			f.lead = optarg;
			break;
		case 't':
			f.targeted = 1;
			break;
		case 'D':
			f.deprived_on = optarg;
			break;
		case 's':
			f.text = optarg;
			break;
		case 'S':
			standard_code = optarg;
			break;
		case 'o': {
			bool known = false;
			for (int i = 0; i < (int)(sizeof sort_names / sizeof sort_names[0]); i++)
				if (strcmp(sort_names[i], optarg) == 0) {
					f.sort = (gn_household_sort)i;
					known = true;
				}
			if (!known)
				return gn_cli_usage_error(_("unknown sort key '%s'"), optarg);
			break;
		}
		case 'r':
			f.descending = true;
			break;
		case 'n':
			if (!parse_count(optarg, &f.limit))
				return gn_cli_usage_error(_("not a number: '%s'"), optarg);
			break;
		case 'f':
			if (!parse_count(optarg, &f.offset))
				return gn_cli_usage_error(_("not a number: '%s'"), optarg);
			break;
		case 'F':
			if (!gn_cli_format(optarg, &fmt))
				return GN_EXIT_USAGE;
			break;
		case 'h':
			households_help();
			return GN_EXIT_OK;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);

	gn_standard std;
	gn_status s = gn_cli_standard(cli, standard_code, &std);
	if (s != GN_OK)
		return gn_cli_fail(s, standard_code ? standard_code : _("poverty standard"));
	if (f.deprived_on && gn_standard_find(&std, f.deprived_on) < 0) {
		fprintf(stderr, _("giamngheo: standard %s has no indicator '%s'\n"), std.code, f.deprived_on);
		gn_standard_clear(&std);
		return GN_EXIT_USER;
	}
	gn_household_row *rows;
	int n;
	long long total = 0;
	s = gn_household_query(cli->db, &std, &f, &rows, &n, &total);
	int rc = s == GN_OK ? print_rows(fmt, &std, rows, n, total) : gn_cli_fail(s, NULL);
	if (rc == GN_EXIT_OK)
		gn_cli_log_export(cli, "households", fmt);
	free(rows);
	gn_standard_clear(&std);
	return rc;
}
