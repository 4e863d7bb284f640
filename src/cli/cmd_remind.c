/* remind and agenda: the calendar without opening the app, for the SSH
 * login banner and for cron. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/account.h"
#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/i18n.h"
#include "giamngheo/text.h"

/* Exit status of remind when something is overdue: distinct from errors (1)
 * and usage (2) so a login script can tell them apart. */
#define GN_EXIT_OVERDUE 3

static int agency_filter(gn_cli *cli, const char *code, long long *id)
{
	if (!code)
		return GN_EXIT_OK;
	gn_agency a;
	gn_status s = gn_agency_load_code(cli->db, code, &a);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: no agency with code '%s'\n"), code);
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	*id = a.id;
	return GN_EXIT_OK;
}

/* One line per deadline (date and report), naming every unit concerned. */
static void print_group(gn_cli *cli, const gn_deadline_row *rows, int n)
{
	for (int i = 0; i < n;) {
		int j = i;
		char due[11], when[64];
		gn_date_format_dmy(rows[i].due, due);
		gn_deadline_status_describe(rows[i].status, rows[i].due, cli->today, when, sizeof when);
		char *title = gn_text_sanitize(rows[i].title);
		printf("  %s  %s (%s): ", due, title ? title : "", when);
		free(title);
		for (; j < n && rows[j].rule_id == rows[i].rule_id && gn_date_cmp(rows[j].due, rows[i].due) == 0; j++)
			printf("%s%s", j > i ? ", " : "", rows[j].agency_code);
		printf("\n");
		i = j;
	}
}

int gn_cmd_remind(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "mine", no_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	const char *code = NULL;
	gn_account me;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'a')
			code = optarg;
		else if (c == 'm' && !cli->cfg.agency[0] && cli->db->role == GN_USER_EDITOR &&
			 gn_account_load(cli->db, cli->db->actor, &me) == GN_OK) {
			/* An editor's own agency is the one its account names. */
			code = me.agency;
		} else if (c == 'm') {
			if (!cli->cfg.agency[0]) {
				fprintf(stderr, _("giamngheo: --mine needs 'agency = CODE' in the [general] section of the configuration\n"));
				return GN_EXIT_USAGE;
			}
			code = cli->cfg.agency;
		} else
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
	gn_deadline_filter f = { .open_only = true };
	int rc = agency_filter(cli, code, &f.agency_id);
	if (rc != GN_EXIT_OK)
		return rc;

	gn_deadline_row *rows;
	int n;
	gn_status s = gn_deadline_query(cli->db, &f, cli->today, &rows, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	/* Split what is overdue from what is due soon or today. */
	gn_deadline_row *late = calloc((size_t)n + 1, sizeof *late), *soon = calloc((size_t)n + 1, sizeof *soon);
	int n_late = 0, n_soon = 0;
	for (int i = 0; late && soon && i < n; i++) {
		if (rows[i].status == GN_DL_OVERDUE)
			late[n_late++] = rows[i];
		else if (rows[i].status == GN_DL_DUE_SOON || rows[i].status == GN_DL_TODAY)
			soon[n_soon++] = rows[i];
	}
	char today[11];
	gn_date_format_dmy(cli->today, today);
	if (n_late) {
		printf(ngettext("giamngheo %s: %d report overdue\n", "giamngheo %s: %d reports overdue\n",
				(unsigned long)n_late), today, n_late);
		print_group(cli, late, n_late);
	}
	if (n_soon) {
		printf(ngettext("giamngheo %s: %d report due soon\n", "giamngheo %s: %d reports due soon\n",
				(unsigned long)n_soon), today, n_soon);
		print_group(cli, soon, n_soon);
	}
	if (!n_late && !n_soon)
		printf(_("giamngheo %s: nothing overdue or due soon.\n"), today);
	free(late);
	free(soon);
	free(rows);
	return n_late ? GN_EXIT_OVERDUE : GN_EXIT_OK;
}

int gn_cmd_agenda(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "agency", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const weekdays[] = {
		N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
		N_("Saturday"),
	};
	long days = 14;
	const char *code = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'd') {
			char *end;
			days = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || days < 1 || days > 366)
				return gn_cli_usage_error(_("--days needs a number of days from 1 to 366, not '%s'"), optarg);
		} else if (c == 'a') {
			code = optarg;
		} else {
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
	gn_deadline_filter f = { .from = cli->today, .to = gn_date_add_days(cli->today, days - 1) };
	int rc = agency_filter(cli, code, &f.agency_id);
	if (rc != GN_EXIT_OK)
		return rc;
	gn_deadline_row *rows;
	int n;
	gn_status s = gn_deadline_query(cli->db, &f, cli->today, &rows, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	if (n == 0)
		printf(ngettext("Nothing falls due in the next %ld day.\n", "Nothing falls due in the next %ld days.\n",
				(unsigned long)days), days);
	for (int i = 0; i < n; i++) {
		if (i == 0 || gn_date_cmp(rows[i].due, rows[i - 1].due) != 0) {
			char due[11];
			gn_date_format_dmy(rows[i].due, due);
			printf("%s%s %s\n", i ? "\n" : "", _(weekdays[gn_date_weekday(rows[i].due)]), due);
		}
		char when[64];
		gn_deadline_status_describe(rows[i].status, rows[i].due, cli->today, when, sizeof when);
		char *title = gn_text_sanitize(rows[i].title);
		printf("  %-10s %s — %s\n", rows[i].agency_code, title ? title : "", when);
		free(title);
	}
	free(rows);
	return GN_EXIT_OK;
}
