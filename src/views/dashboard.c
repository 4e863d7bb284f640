/* The dashboard: where the ward stands against its targets, what falls due
 * next, who is late, and which targeted households still have most to do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ui/ui.h"
#include "giamngheo/agency.h"
#include "giamngheo/format.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/stats.h"
#include "giamngheo/text.h"
#include "views.h"

#define BAR_COLS 18

static const char *title(const gn_view *v)
{
	(void)v;
	return _("Dashboard");
}

static void bar(gn_doc *d, double part, double whole)
{
	int filled = whole > 0 ? (int)(BAR_COLS * part / whole + 0.5) : 0;
	if (filled > BAR_COLS)
		filled = BAR_COLS;
	if (filled < 0)
		filled = 0;
	char full[BAR_COLS * 3 + 1] = "", empty[BAR_COLS * 3 + 1] = "";
	for (int i = 0; i < BAR_COLS; i++)
		strcat(i < filled ? full : empty, i < filled ? "█" : "░");
	gn_doc_span(d, GN_ROLE_PROGRESS_BAR, "  %s", full);
	gn_doc_span(d, GN_ROLE_PROGRESS, "%s  ", empty);
}

static void targets(gn_doc *d, const gn_stats *s)
{
	const gn_ward *w = &s->ward;
	char now[32], base[32], goal[32], plan[32], total[32];
	gn_format_percent(s->rate_now, now, sizeof now);
	gn_format_percent(s->baseline_rate, base, sizeof base);
	gn_format_percent(s->province_target_rate, goal, sizeof goal);
	gn_format_percent(s->plan_target_rate, plan, sizeof plan);
	gn_format_count(w->total_households, total, sizeof total);

	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Targets"));
	gn_doc_line(d, 0);
	gn_view_span_fixed(d, GN_ROLE_ROW, _("Households out of poverty (ward plan)"), 37);
	bar(d, s->exited, w->plan_exit_households);
	gn_doc_span(d, GN_ROLE_ROW, "%d / %d", s->exited, w->plan_exit_households);
	/* The rate falls from the baseline towards the target: progress is the
	 * share of that fall already achieved. */
	double fall_needed = s->baseline_rate - s->province_target_rate;
	double fallen = s->baseline_rate - s->rate_now;
	gn_doc_line(d, 0);
	gn_view_span_fixed(d, GN_ROLE_ROW, _("Poverty rate (province target)"), 37);
	bar(d, fallen, fall_needed);
	gn_doc_span(d, GN_ROLE_ROW, _("%s now: %s → %s"), base, now, goal);
	gn_doc_line(d, 0);
	gn_view_span_fixed(d, GN_ROLE_ROW, _("Poverty rate (ward plan)"), 37);
	bar(d, fallen, s->baseline_rate - s->plan_target_rate);
	gn_doc_span(d, GN_ROLE_ROW, _("%s now: %s → %s"), base, now, plan);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, _("Poor households: %d now (%d at the end of last year) of %s"),
		    s->poor_now, w->baseline_poor, total);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, _("Near-poor: %d; targeted to exit this year: %d"), s->near_poor_now,
		    s->targeted);
}

static void deadlines(gn_doc *d, gn_app *app)
{
	gn_deadline_filter f = { .from = gn_date_add_days(app->today, -31), .open_only = true };
	gn_deadline_row *rows;
	int n;
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Next deadlines"));
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) != GN_OK)
		return;
	int shown = 0;
	for (int i = 0; i < n && shown < 6; i++) {
		if (rows[i].status == GN_DL_OVERDUE)
			continue;
		char due[11], when[64];
		gn_date_format_dmy(rows[i].due, due);
		gn_deadline_status_describe(rows[i].status, rows[i].due, app->today, when, sizeof when);
		gn_doc_line(d, 0);
		gn_doc_span(d, gn_view_deadline_role(rows[i].status), "  %s  ", due);
		gn_view_span_fixed(d, gn_view_deadline_role(rows[i].status), when, 26);
		gn_doc_span(d, GN_ROLE_ROW, "%s — %s", rows[i].title, rows[i].agency_code);
		shown++;
	}
	free(rows);
}

static void overdue_agencies(gn_doc *d, gn_app *app)
{
	char today[11];
	gn_date_format_iso(app->today, today);
	gn_agency_row *rows;
	int n;
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Agencies with overdue reports"));
	if (gn_agency_query_overdue(app->db, today, &rows, &n) != GN_OK)
		return;
	int shown = 0;
	for (int i = 0; i < n; i++) {
		if (rows[i].overdue == 0)
			continue;
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_OVERDUE, "  %-10s", rows[i].agency.code);
		gn_doc_span(d, GN_ROLE_ROW, " %s — ", rows[i].agency.name);
		gn_doc_span(d, GN_ROLE_OVERDUE, ngettext("%d report overdue", "%d reports overdue",
							 (unsigned long)rows[i].overdue), rows[i].overdue);
		shown++;
	}
	if (!shown) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ON_TIME, "  %s", _("none"));
	}
	free(rows);
}

static void most_to_do(gn_doc *d, gn_app *app)
{
	gn_household_filter f;
	gn_household_filter_init(&f);
	f.targeted = 1;
	f.cls = "poor";
	f.sort = GN_HH_SORT_DEPRIVATIONS;
	f.descending = true;
	f.limit = 8;
	gn_household_row *rows;
	int n;
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Targeted households with the most deprivations left (Enter opens)"));
	gn_status st = gn_household_query(app->db, &app->standard, &f, &rows, &n, NULL);
	if (st != GN_OK) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ERROR, "  %s",
			    gn_view_read_error(st, _("The households cannot be read from the database.")));
		return;
	}
	for (int i = 0; i < n; i++) {
		gn_doc_line(d, rows[i].id);
		gn_doc_span(d, GN_ROLE_ROW, "  %-8s ", rows[i].code);
		gn_view_span_fixed(d, GN_ROLE_ROW, rows[i].head, 24);
		gn_doc_span(d, GN_ROLE_ROW, " %2d  ", rows[i].deprivations);
		for (int k = 0; k < rows[i].n_indicators; k++) {
			gn_doc_cell(d, rows[i].indicators[k]);
			gn_doc_span(d, GN_ROLE_ROW, " ");
		}
		gn_doc_span(d, GN_ROLE_ROW, " %s", rows[i].lead);
	}
	free(rows);
}

static void load(gn_view *v, gn_app *app)
{
	gn_doc *d = gn_view_doc_new(v);
	if (!d)
		return;
	gn_stats st;
	if (gn_stats_compute(app->db, app->today, &st) != GN_OK) {
		gn_app_notice(app, true, "%s", _("The figures cannot be read from the database."));
		return;
	}
	targets(d, &st);
	deadlines(d, app);
	overdue_agencies(d, app);
	most_to_do(d, app);
}

static const gn_action hints[] = {
	GN_ACT_OPEN, GN_ACT_VIEW_HOUSEHOLDS, GN_ACT_VIEW_DEADLINES, GN_ACT_MENU, GN_ACT_HELP, GN_ACT_QUIT,
	GN_ACT_NONE,
};

const gn_view_ops gn_view_dashboard = {
	.id = "dashboard", .title = title, .load = load, .free = gn_view_doc_free, .act = gn_view_doc_act, .draw = gn_view_doc_draw,
	.hints = hints, .reload_on_change = true,
};
