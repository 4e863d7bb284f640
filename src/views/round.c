/* The monthly round of a lead agency: its households one by one (n/p or
 * PgDn/PgUp), each with the indicators still to work on and this month's
 * support; `a` records support delivered, X ~ + . set the indicator under
 * the cursor, Enter opens the household; after the last household a summary, and Enter files the
 * agency's monthly report, prefilled, through the report form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_form.h"
#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/support.h"
#include "support_form.h"
#include "views.h"

typedef struct {
	gn_agency agency;
	int year, month;
	gn_household_row *rows;   /* the households it leads */
	int n;
	int at;                   /* the household shown; n: the summary */
	int indicator_changes;    /* made during this round */
	gn_doc doc;
	gn_fscreen *form;         /* support entry or the report, while open */
	bool form_is_report;
	char title[200];
} round_view;

static const char *title(const gn_view *v)
{
	const round_view *s = v->state;
	if (!s)
		return _("Monthly round");
	return s->form ? gn_fscreen_title(s->form) : s->title;
}

static bool in_month(const round_view *s, gn_date d)
{
	return d.y == s->year && d.m == s->month;
}

/* Support of household id given or planned this month: count and cash. */
static int month_support(const round_view *s, gn_app *app, long long id, gn_doc *d, gn_money *cash)
{
	gn_support *items;
	int n, count = 0;
	*cash = 0;
	if (gn_support_list_household(app->db, id, &items, &n) != GN_OK)
		return 0;
	for (int i = 0; i < n; i++) {
		const gn_support *it = &items[i];
		gn_date when = gn_date_is_set(it->actual) ? it->actual : it->planned;
		if (!in_month(s, when) || it->status == GN_SUPPORT_CANCELLED)
			continue;
		count++;
		*cash += it->cash;
		if (!d)
			continue;
		char day[11], amount[48] = "";
		gn_date_format_dmy(when, day);
		if (it->cash)
			gn_money_format(it->cash, amount, sizeof amount);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  %s  %-4s ", day, it->indicator_code);
		gn_view_span_fixed(d, GN_ROLE_ROW, it->description[0] ? it->description : gn_support_kind_label(it->kind), 36);
		gn_doc_span(d, GN_ROLE_ROW, " %14s ", amount);
		gn_doc_span(d, GN_ROLE_HELP, "%s · %s", it->agency_code, gn_support_status_label(it->status));
	}
	free(items);
	return count;
}

static void household_page(round_view *s, gn_app *app)
{
	gn_doc *d = &s->doc;
	const gn_household_row *r = &s->rows[s->at];
	gn_doc_line(d, 0);
	/* The progress again here: on 80 columns the title is cut before it. */
	gn_doc_span(d, GN_ROLE_HEADER, "%d/%d  %s %s — %s", s->at + 1, s->n, _("Household"), r->code, r->head);
	gn_doc_span(d, GN_ROLE_HELP, "  %s · %s", gn_class_label(r->cls), r->tdp);
	gn_ind_status st[GN_MAX_INDICATORS];
	const gn_standard *std = &app->standard;
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Indicators to work on"));
	int shown = 0;
	if (gn_household_indicators(app->db, r->id, std, st) == GN_OK) {
		static const gn_color_role roles[] = { GN_ROLE_NOT_DEPRIVED, GN_ROLE_DEPRIVED, GN_ROLE_ADDRESSING,
						       GN_ROLE_RESOLVED };
		for (int i = 0; i < std->n_indicators; i++) {
			if (st[i] == GN_IND_NOT_DEPRIVED)
				continue;
			shown++;
			gn_doc_line(d, std->indicators[i].id);
			gn_doc_span(d, GN_ROLE_ROW, "  ");
			gn_doc_cell(d, st[i]);
			gn_doc_span(d, GN_ROLE_ROW, " %-4s ", std->indicators[i].code);
			gn_view_span_fixed(d, GN_ROLE_ROW, gn_indicator_name(&std->indicators[i]), 38);
			gn_doc_span(d, roles[st[i]], " %s", gn_ind_status_label(st[i]));
		}
	}
	if (!shown) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none"));
	}
	char heading[120];
	snprintf(heading, sizeof heading, _("Support in %02d/%d"), s->month, s->year);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", heading);
	gn_money cash;
	if (!month_support(s, app, r->id, d, &cash)) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none recorded yet"));
	}
	char add[48], next[48], prev[48];
	gn_keymap_keys_of(app->keys, GN_ACT_ADD, add, sizeof add);
	gn_keymap_keys_of(app->keys, GN_ACT_PAGE_DOWN, next, sizeof next);
	gn_keymap_keys_of(app->keys, GN_ACT_PAGE_UP, prev, sizeof prev);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, _("%s: record support delivered · X ~ + .: set the indicator under the cursor"), add);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, _("n %s: next household · p %s: previous"), next, prev);
}

/* The agency's monthly report due this month; 0 when it has none. */
static long long monthly_deadline(const round_view *s, gn_app *app, gn_deadline_row *out)
{
	gn_deadline_filter f = { .agency_id = s->agency.id, .rule_code = "monthly",
				 .from = { s->year, s->month, 1 },
				 .to = { s->year, s->month, gn_days_in_month(s->year, s->month) } };
	gn_deadline_row *rows;
	int n;
	long long id = 0;
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) == GN_OK) {
		if (n) {
			*out = rows[0];
			id = rows[0].id;
		}
		free(rows);
	}
	return id;
}

/* This month's support over all the agency's households. */
typedef struct {
	int items, households;
	gn_money cash;
} month_totals;

static month_totals totals(const round_view *s, gn_app *app)
{
	month_totals t = { 0 };
	for (int i = 0; i < s->n; i++) {
		gn_money cash;
		int k = month_support(s, app, s->rows[i].id, NULL, &cash);
		t.items += k;
		t.households += k > 0;
		t.cash += cash;
	}
	return t;
}

static void summary_page(round_view *s, gn_app *app)
{
	gn_doc *d = &s->doc;
	month_totals t = totals(s, app);
	char money[48];
	gn_money_format(t.cash, money, sizeof money);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, _("End of the round: %d households of %s"), s->n, s->agency.code);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, "  ");
	gn_doc_span(d, GN_ROLE_ROW, _("Support in %02d/%d: items %d, households helped %d, cash %s"), s->month,
		    s->year, t.items, t.households, money);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, "  ");
	gn_doc_span(d, GN_ROLE_ROW, _("Indicator statuses changed in this round: %d"), s->indicator_changes);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_deadline_row dl;
	char open[48];
	gn_keymap_keys_of(app->keys, GN_ACT_OPEN, open, sizeof open);
	if (!monthly_deadline(s, app, &dl)) {
		gn_doc_span(d, GN_ROLE_HELP, _("%s has no monthly report due in %02d/%d; %s chooses another deadline."),
			    s->agency.code, s->month, s->year, open);
		return;
	}
	char due[11], when[64];
	gn_date_format_dmy(dl.due, due);
	gn_deadline_status_describe(dl.status, dl.due, app->today, when, sizeof when);
	gn_doc_span(d, GN_ROLE_HEADER, _("%s, due %s: "), dl.title, due);
	gn_doc_span(d, gn_view_deadline_role(dl.status), "%s", when);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP,
		    dl.report_id ? _("%s: open the submission to correct it") : _("%s: file the agency's report for this month"),
		    open);
}

static void build(round_view *s, gn_app *app)
{
	gn_doc_clear(&s->doc);
	s->doc.cursor = -1;
	if (s->at < s->n)
		snprintf(s->title, sizeof s->title, _("Monthly round %02d/%d — %s — %d/%d"), s->month, s->year,
			 s->agency.code, s->at + 1, s->n);
	else
		snprintf(s->title, sizeof s->title, _("Monthly round %02d/%d — %s — summary"), s->month, s->year,
			 s->agency.code);
	if (s->at < s->n)
		household_page(s, app);
	else
		summary_page(s, app);
}

/* Builds the page again with the cursor on the same indicator. */
static void rebuild(round_view *s, gn_app *app)
{
	long long link = gn_doc_selected(&s->doc);
	build(s, app);
	gn_view_doc_select(&s->doc, link);
}

static void load(gn_view *v, gn_app *app)
{
	round_view *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->year = app->today.y;
	s->month = app->today.m;
	if (gn_agency_load(app->db, v->arg, &s->agency) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This agency can no longer be found."));
		return;
	}
	gn_household_filter f;
	gn_household_filter_init(&f);
	f.lead = s->agency.code;
	long long total;
	if (gn_household_query(app->db, &app->standard, &f, &s->rows, &s->n, &total) != GN_OK) {
		s->rows = NULL;
		s->n = 0;
		gn_app_notice(app, true, "%s", _("The households cannot be read from the database."));
	}
	build(s, app);
}

static void free_state(gn_view *v)
{
	round_view *s = v->state;
	if (s) {
		gn_doc_clear(&s->doc);
		free(s->rows);
		gn_fscreen_free(s->form);
	}
	free(s);
}

/* How many indicators household id is still deprived on, as stored now. */
static int deprived_left(gn_app *app, long long id)
{
	gn_ind_status st[GN_MAX_INDICATORS];
	int n = 0;
	if (gn_household_indicators(app->db, id, &app->standard, st) == GN_OK)
		for (int i = 0; i < app->standard.n_indicators; i++)
			n += st[i] == GN_IND_DEPRIVED;
	return n;
}

/* The report form, prefilled with what the round recorded. */
static void file_report(round_view *s, gn_app *app)
{
	gn_deadline_row dl;
	long long id = monthly_deadline(s, app, &dl);
	char summary[512], figures[4000] = "", money[48];
	size_t used = 0;
	for (int i = 0; i < s->n; i++) {
		gn_money cash;
		int k = month_support(s, app, s->rows[i].id, NULL, &cash);
		gn_money_format(cash, money, sizeof money);
		int w = snprintf(figures + used, sizeof figures - used, _("%s%s: support items %d (%s), deprivations left %d"),
				 used ? "; " : "", s->rows[i].code, k, money, deprived_left(app, s->rows[i].id));
		if (w > 0 && (size_t)w < sizeof figures - used)
			used += (size_t)w;
	}
	month_totals t = totals(s, app);
	gn_money_format(t.cash, money, sizeof money);
	snprintf(summary, sizeof summary,
		 _("Round of %02d/%d: households followed %d; support items %d for %d households, cash %s; indicator statuses changed %d."),
		 s->month, s->year, s->n, t.items, t.households, money, s->indicator_changes);
	s->form = gn_report_form_open(app, id, summary, figures);
	s->form_is_report = true;
}

static int key(gn_view *v, gn_app *app, int k)
{
	round_view *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	if (s->form) {
		gn_fscreen_state state;
		int flags = gn_fscreen_key_in(&s->form, app, k, &state);
		if (state != GN_FSCREEN_OPEN) {
			rebuild(s, app);
			if (state == GN_FSCREEN_SAVED && s->form_is_report)
				v->changes = app->changes;
		}
		return flags;
	}
	if (k == 'n' || k == 'p') {
		int to = s->at + (k == 'n' ? 1 : -1);
		if (to >= 0 && to <= s->n) {
			s->at = to;
			build(s, app);
		}
		return GN_UI_REDRAW;
	}
	return GN_UI_IGNORED;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	round_view *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	gn_ind_status status;
	if (gn_view_indicator_action(a, &status)) {
		if (s->at < s->n && gn_view_set_indicator(app, s->rows[s->at].id, gn_doc_selected(&s->doc), status))
			s->indicator_changes++;
		rebuild(s, app);
		return GN_UI_REDRAW;
	}
	switch (a) {
	case GN_ACT_PAGE_DOWN:
		return key(v, app, 'n');
	case GN_ACT_PAGE_UP:
		return key(v, app, 'p');
	case GN_ACT_ADD:
		if (s->at < s->n) {
			s->form = gn_support_form_delivered(app, s->rows[s->at].id, s->agency.id, gn_doc_selected(&s->doc));
			s->form_is_report = false;
		}
		return GN_UI_REDRAW;
	case GN_ACT_OPEN:
		if (s->at == s->n)
			file_report(s, app);
		else
			gn_app_push(app, &gn_view_household, s->rows[s->at].id);
		return GN_UI_REDRAW;
	default:
		return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS);
	}
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	round_view *s = v->state;
	if (s && s->form)
		gn_fscreen_draw(s->form, app, w, rows, cols);
	else if (s)
		gn_doc_draw(&s->doc, w, rows, cols);
}

static const gn_action hints[] = {
	GN_ACT_ADD, GN_ACT_OPEN, GN_ACT_BACK, GN_ACT_HELP, GN_ACT_NONE,
};

const gn_view_ops gn_view_round = {
	.id = "round", .title = title, .load = load, .free = free_state, .key = key, .act = act, .draw = draw,
	.hints = hints,
};
