#include <stdio.h>

#include "cli.h"
#include "giamngheo/format.h"
#include "giamngheo/i18n.h"
#include "giamngheo/stats.h"

static void print_rate_line(const char *label, int households, double rate)
{
	char pct[32];
	gn_format_percent(rate, pct, sizeof pct);
	printf(ngettext("%s: %d poor household (%s)\n", "%s: %d poor households (%s)\n",
			(unsigned long)households), label, households, pct);
}

int gn_cmd_stats(gn_cli *cli, int argc, char **argv)
{
	if (argc > 1)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[1]);
	gn_stats s;
	gn_status st = gn_stats_compute(cli->db, cli->today, &s);
	if (st == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: the database has no ward yet; run 'giamngheo init'.\n"));
		return GN_EXIT_USER;
	}
	if (st != GN_OK)
		return gn_cli_fail(st, cli->db_path);

	const gn_ward *w = &s.ward;
	char today[11], total[32], pct[32], pct2[32];
	gn_date_format_dmy(cli->today, today);
	gn_format_count(w->total_households, total, sizeof total);
	printf(_("%s, %s — year %d (%s)\n"), w->name, w->province, w->year, w->plan_ref);
	printf(_("Today: %s. Households in the ward: %s\n\n"), today, total);

	print_rate_line(_("End of last year"), w->baseline_poor, s.baseline_rate);
	gn_format_percent(100.0 * w->baseline_no_work_capacity / (double)w->total_households, pct, sizeof pct);
	printf(_("  of which with no member able to work: %d (%s)\n"), w->baseline_no_work_capacity, pct);
	print_rate_line(_("Now"), s.poor_now, s.rate_now);
	printf(_("  near-poor households: %d\n\n"), s.near_poor_now);

	gn_format_percent(w->province_rate_from_bp / 100.0, pct, sizeof pct);
	gn_format_percent(s.province_target_rate, pct2, sizeof pct2);
	int still = s.poor_now - s.province_target_poor;
	printf(_("Province target: from %s down to %s (at most %d poor households); "), pct, pct2,
	       s.province_target_poor);
	if (still > 0)
		printf(ngettext("%d more household to go\n", "%d more households to go\n",
				(unsigned long)still), still);
	else
		printf(_("reached\n"));
	gn_format_percent(w->plan_rate_cut_bp / 100.0, pct, sizeof pct);
	gn_format_percent(s.plan_target_rate, pct2, sizeof pct2);
	printf(_("Ward plan: %d households out of poverty (-%s, down to %s); exited so far: %d/%d\n"),
	       w->plan_exit_households, pct, pct2, s.exited, w->plan_exit_households);
	printf(_("Households targeted this year: %d (exited: %d)\n"), s.targeted, s.targeted_exited);
	printf(_("Agencies with overdue reports: %d\n"), s.overdue_agencies);
	if (s.has_next_deadline) {
		char due[11], when[64];
		gn_date_format_dmy(s.next_deadline.due, due);
		gn_deadline_status_describe(s.next_deadline.status, s.next_deadline.due, cli->today,
					    when, sizeof when);
		printf(_("Next deadline: %s — %s (%s), %s\n"), due, s.next_deadline.title,
		       s.next_deadline.agency_code, when);
	} else {
		printf(_("Next deadline: none\n"));
	}
	return GN_EXIT_OK;
}
