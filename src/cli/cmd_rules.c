/* rules: the deadline rules, listed or imported from an INI file. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/i18n.h"
#include "giamngheo/rules_ini.h"

static const char *audience_label(gn_audience a)
{
	switch (a) {
	case GN_AUDIENCE_ASSIGNED:
		return _("every assigned unit");
	case GN_AUDIENCE_LEAD:
		return _("every lead agency");
	case GN_AUDIENCE_FOCAL:
		return _("the focal department");
	}
	return "";
}

/* "10/06" or "day 25, months 5-11". */
static void when_text(const gn_deadline_rule *r, char *buf, size_t size)
{
	if (!r->monthly)
		snprintf(buf, size, "%02d/%02d", r->day, r->month);
	else
		snprintf(buf, size, _("day %d, months %d-%d"), r->day, r->first_month, r->last_month);
}

static int list(gn_cli *cli, gn_format fmt)
{
	gn_rule_info *rules;
	int n;
	gn_status s = gn_rules_list(cli->db, &rules, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	/* gn_out keeps these arrays until gn_out_finish. */
	const char *headers[] = { _("Code"), _("Report"), _("Who reports"), _("When"), _("Due soon"),
				  _("Active"), _("Deadlines"), _("Submitted") };
	const char *keys[] = { "code", "title_vi", "title_en", "audience", "kind", "month", "day",
			       "first_month", "last_month", "due_soon_days", "active", "deadlines",
			       "submitted" };
	gn_out *o;
	if (fmt == GN_FMT_TABLE) {
		o = gn_out_new(stdout, fmt, 8, headers, headers);
		if (o) {
			gn_out_align_right(o, 4);
			gn_out_align_right(o, 6);
			gn_out_align_right(o, 7);
		}
	} else {
		o = gn_out_new(stdout, fmt, 13, keys, keys);
		for (int c = 5; o && c < 13; c++)
			gn_out_numeric(o, c);
	}
	if (!o) {
		free(rules);
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	}
	for (int i = 0; i < n; i++) {
		const gn_deadline_rule *r = &rules[i].rule;
		char when[64], soon[32], inst[16], sub[16];
		snprintf(inst, sizeof inst, "%d", rules[i].instances);
		snprintf(sub, sizeof sub, "%d", rules[i].submitted);
		if (fmt == GN_FMT_TABLE) {
			when_text(r, when, sizeof when);
			snprintf(soon, sizeof soon, ngettext("%d day", "%d days", (unsigned long)r->due_soon_days),
				 r->due_soon_days);
			const char *cells[] = { r->code, gn_deadline_rule_title(r), audience_label(r->audience), when,
						soon, rules[i].active ? _("yes") : _("retired"), inst, sub };
			gn_out_row(o, cells);
		} else {
			char month[8], day[8], first[8], last[8];
			snprintf(month, sizeof month, "%d", r->month);
			snprintf(day, sizeof day, "%d", r->day);
			snprintf(first, sizeof first, "%d", r->first_month);
			snprintf(last, sizeof last, "%d", r->last_month);
			snprintf(soon, sizeof soon, "%d", r->due_soon_days);
			const char *cells[] = { r->code, r->title_vi, r->title_en, gn_audience_code(r->audience),
						r->monthly ? "monthly" : "fixed", month, day, first, last, soon,
						rules[i].active ? "true" : "false", inst, sub };
			gn_out_row(o, cells);
		}
	}
	gn_out_finish(o);
	free(rules);
	return GN_EXIT_OK;
}

static int import(gn_cli *cli, const char *path, bool dry_run)
{
	gn_rules_import_result res;
	char warn[8192] = "";
	gn_status s = gn_rules_import(cli->db, path, dry_run, &res, warn, sizeof warn);
	gn_out_safe_lines(stderr, warn);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: %s: no such file\n"), path);
		return GN_EXIT_USER;
	}
	if (s == GN_ERR_INVALID) {
		fprintf(stderr, _("giamngheo: %s: nothing was imported; correct the lines above and try again\n"),
			path);
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, path);
	if (dry_run)
		printf(_("Dry run, nothing saved. Importing %s would give:\n"), path);
	printf(_("Rules: %d added, %d changed, %d retired, %d unchanged.\n"), res.added, res.updated,
	       res.retired, res.unchanged);
	printf(_("Deadlines: %d added, %d removed; deadlines with a submission are kept.\n"),
	       res.instances_added, res.instances_removed);
	return GN_EXIT_OK;
}

int gn_cmd_rules(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "import", required_argument, NULL, 'i' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	bool dry_run = false;
	gn_format fmt = GN_FMT_TABLE;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'i':
			path = optarg;
			break;
		case 'n':
			dry_run = true;
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
	if (dry_run && !path)
		return gn_cli_usage_error("%s", _("--dry-run goes with --import FILE"));
	return path ? import(cli, path, dry_run) : list(cli, fmt);
}
