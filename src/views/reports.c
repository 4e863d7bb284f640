/* Reports: the plan's reports built from the data. The list names every
 * report that can be made: the focal department's half-year and year-end
 * reports, the support plans (of all units or of one), and each lead
 * agency's monthly report for every month it had one due. Enter shows the
 * report as it prints, headed by the command that exports it to a file
 * (text, CSV or .xlsx); Esc returns to the list. Above the list, the
 * submissions so far. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/export.h"
#include "giamngheo/i18n.h"
#include "giamngheo/report_build.h"
#include "giamngheo/text.h"
#include "agency_form.h"
#include "views.h"

typedef struct {
	gn_report_kind kind;
	char agency[32];          /* "" for the whole ward */
	int year, month;          /* monthly only */
} choice;

typedef struct {
	gn_doc list;
	gn_doc report;
	bool in_report;
	choice *choices;
	int n, cap;
	char title[192];
	gn_fscreen *form;     /* the report submission form, while open */
} reports_view;

static const char *title(const gn_view *v)
{
	const reports_view *s = v->state;
	if (s && s->form)
		return gn_fscreen_title(s->form);
	return s && s->in_report ? s->title : _("Reports");
}

/* ---- the list ---- */

/* A column of width cols: the text clipped to cols - 1, then a space, so
 * a long heading never runs into the next. */
static void column(gn_doc *d, gn_color_role role, const char *text, int cols)
{
	gn_view_span_fixed(d, role, text, cols - 1);
	gn_doc_span(d, GN_ROLE_ROW, " ");
}

/* The same, right-aligned over a column of numbers. */
static void column_right(gn_doc *d, gn_color_role role, const char *text, int cols)
{
	int pad = cols - 1 - gn_text_width(text);
	if (pad > 0)
		gn_doc_span(d, role, "%*s", pad, "");
	gn_view_span_fixed(d, role, text, pad > 0 ? cols - 1 - pad : cols - 1);
	gn_doc_span(d, GN_ROLE_ROW, " ");
}

static void number(gn_doc *d, gn_color_role role, int n, int cols)
{
	gn_doc_span(d, role, "%*d ", cols - 1, n);
}

/* Column widths of the submissions table: it fits 100 columns. */
enum { W_TITLE = 36, W_FILED = 8, W_DUE = 11, W_ON_TIME = 9, W_LATE = 9, W_OVERDUE = 8, W_YEAR = 12 };

static void counts(gn_doc *d, gn_app *app)
{
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Submissions so far"));
	gn_deadline_rule *rules;
	int n_rules;
	if (gn_deadline_rules_load(app->db, &rules, &n_rules) != GN_OK) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ERROR, "  %s", _("The deadlines cannot be read from the database."));
		return;
	}
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "  ");
	column(d, GN_ROLE_HEADER, _("Report"), W_TITLE);
	column_right(d, GN_ROLE_HEADER, _("Filed"), W_FILED);
	column_right(d, GN_ROLE_HEADER, _("Due so far"), W_DUE);
	column_right(d, GN_ROLE_HEADER, _("On time"), W_ON_TIME);
	column_right(d, GN_ROLE_HEADER, _("Late"), W_LATE);
	column_right(d, GN_ROLE_HEADER, _("Overdue"), W_OVERDUE);
	column_right(d, GN_ROLE_HEADER, _("In the year"), W_YEAR);
	for (int r = 0; r < n_rules; r++) {
		gn_deadline_filter f = { .rule_code = rules[r].code };
		gn_deadline_row *rows;
		int n;
		if (gn_deadline_query(app->db, &f, app->today, &rows, &n) != GN_OK)
			continue;
		int submitted = 0, due = 0, on_time = 0, late = 0, overdue = 0;
		for (int i = 0; i < n; i++) {
			submitted += rows[i].submitted;
			due += gn_date_cmp(rows[i].due, app->today) <= 0;
			on_time += rows[i].status == GN_DL_ON_TIME;
			late += rows[i].status == GN_DL_LATE;
			overdue += rows[i].status == GN_DL_OVERDUE;
		}
		free(rows);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  ");
		column(d, GN_ROLE_ROW, gn_deadline_rule_title(&rules[r]), W_TITLE);
		number(d, GN_ROLE_ROW, submitted, W_FILED);
		number(d, GN_ROLE_ROW, due, W_DUE);
		number(d, GN_ROLE_ON_TIME, on_time, W_ON_TIME);
		number(d, late ? GN_ROLE_LATE : GN_ROLE_ROW, late, W_LATE);
		number(d, overdue ? GN_ROLE_OVERDUE : GN_ROLE_ROW, overdue, W_OVERDUE);
		number(d, GN_ROLE_ROW, n, W_YEAR);
	}
	free(rules);
}

/* Adds a choice; returns its link (index + 1), 0 when memory ran out. */
static long long add_choice(reports_view *s, gn_report_kind kind, const char *agency, int year, int month)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 32;
		choice *grown = realloc(s->choices, (size_t)cap * sizeof *grown);
		if (!grown)
			return 0;
		s->choices = grown;
		s->cap = cap;
	}
	choice *c = &s->choices[s->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	snprintf(c->agency, sizeof c->agency, "%s", agency ? agency : "");
	c->year = year;
	c->month = month;
	return s->n;
}

static void item(gn_doc *d, long long link, const char *lead, const char *text)
{
	if (!link)
		return;
	gn_doc_line(d, link);
	gn_doc_span(d, GN_ROLE_ROW, "  ▸ ");
	if (lead && *lead)
		gn_doc_span(d, GN_ROLE_ROW, "%s  ", lead);
	gn_doc_span(d, GN_ROLE_ROW, "%s", text);
}

static void heading(gn_doc *d, const char *text)
{
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", text);
}

static void build_list(reports_view *s, gn_app *app)
{
	gn_doc *d = &s->list;
	gn_doc_clear(d);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Reports built from the data"));
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "%s", _("Enter shows a report with the command that exports it (text, CSV, .xlsx); Esc returns."));
	gn_doc_line(d, 0);
	counts(d, app);

	heading(d, _("The focal department's reports"));
	item(d, add_choice(s, GN_REPORT_HALF_YEAR, NULL, 0, 0), NULL, gn_report_kind_label(GN_REPORT_HALF_YEAR));
	item(d, add_choice(s, GN_REPORT_YEAR_END, NULL, 0, 0), NULL, gn_report_kind_label(GN_REPORT_YEAR_END));

	/* Headings of their own, not the kinds' labels: a line of this screen
	 * must not begin like a deadline's title (the Submissions table). */
	heading(d, _("Monthly reports of the lead agencies"));
	gn_report_month_choice *months;
	int n_months;
	if (gn_report_month_choices(app->db, app->today, &months, &n_months) == GN_OK) {
		for (int i = 0; i < n_months; i++) {
			char lead[64], text[256];
			snprintf(lead, sizeof lead, "%02d/%d", months[i].month, months[i].year);
			snprintf(text, sizeof text, "%-10s %s", months[i].agency_code, months[i].agency_name);
			item(d, add_choice(s, GN_REPORT_MONTHLY, months[i].agency_code, months[i].year, months[i].month),
			     lead, text);
		}
		if (n_months == 0) {
			gn_doc_line(d, 0);
			gn_doc_span(d, GN_ROLE_HELP, "  %s", _("No lead agency has had a monthly report due yet."));
		}
		free(months);
	}

	heading(d, _("Support plans (due 10/6)"));
	item(d, add_choice(s, GN_REPORT_PLAN, NULL, 0, 0), NULL, _("All assigned units"));
	char today[11];
	gn_date_format_iso(app->today, today);
	gn_agency_row *rows;
	int n;
	if (gn_agency_query(app->db, today, &rows, &n) == GN_OK) {
		for (int i = 0; i < n; i++) {
			if (rows[i].leads + rows[i].supports == 0)
				continue;
			char text[256];
			snprintf(text, sizeof text, "%-10s %s", rows[i].agency.code, rows[i].agency.name);
			item(d, add_choice(s, GN_REPORT_PLAN, rows[i].agency.code, 0, 0), NULL, text);
		}
		free(rows);
	}
}

/* ---- one report ---- */

static gn_color_role role_of(gn_text_line_kind k)
{
	switch (k) {
	case GN_TEXT_TITLE:
	case GN_TEXT_HEADING:
	case GN_TEXT_HEADER:
		return GN_ROLE_HEADER;
	case GN_TEXT_SUBTITLE:
	case GN_TEXT_NOTE:
		return GN_ROLE_HELP;
	case GN_TEXT_TOTAL:
		return GN_ROLE_PROGRESS;
	case GN_TEXT_SENTENCE:
	case GN_TEXT_ROW:
	case GN_TEXT_BLANK:
	default:
		return GN_ROLE_ROW;
	}
}

static void to_doc(void *ctx, gn_text_line_kind kind, const char *line)
{
	gn_doc *d = ctx;
	gn_doc_line(d, 0);
	if (*line)
		gn_doc_span(d, role_of(kind), "%s", line);
}

/* The command that writes this report to a file; an agency code with
 * characters the shell treats specially is quoted. */
static void export_command(const choice *c, char *buf, size_t size)
{
	char agency[80] = "";
	if (c->agency[0]) {
		bool plain = strspn(c->agency, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
			     == strlen(c->agency);
		snprintf(agency, sizeof agency, plain ? " --agency %s" : " --agency '%s'", c->agency);
	}
	char month[32] = "";
	if (c->kind == GN_REPORT_MONTHLY)
		snprintf(month, sizeof month, " --month %02d/%d", c->month, c->year);
	snprintf(buf, size, "giamngheo report %s%s%s --format xlsx", gn_report_kind_code(c->kind), agency, month);
}

static bool show_report(reports_view *s, gn_app *app, long long link)
{
	if (link < 1 || link > s->n)
		return false;
	const choice *c = &s->choices[link - 1];
	gn_report_request rq = {
		.kind = c->kind, .agency = c->agency[0] ? c->agency : NULL,
		.month = c->month, .year = c->year, .today = app->today,
	};
	gn_report *r;
	gn_status st = gn_report_build(app->db, &rq, &r);
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s: %s", gn_report_kind_label(c->kind), gn_status_message(st));
		return false;
	}
	gn_doc *d = &s->report;
	gn_doc_clear(d);
	char cmd[256];
	export_command(c, cmd, sizeof cmd);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, _("Esc: back to the list. Export: %s (or csv, text)"), cmd);
	gn_doc_line(d, 0);
	st = gn_export_text_lines(r, to_doc, d);
	snprintf(s->title, sizeof s->title, "%s", r->title ? r->title : _("Report"));
	gn_report_free(r);
	if (st != GN_OK)
		gn_app_notice(app, true, "%s", gn_status_message(st));
	d->top = 0;
	s->in_report = true;
	return true;
}

/* ---- the view ---- */

static void load(gn_view *v, gn_app *app)
{
	reports_view *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->list.cursor = -1;
	s->report.cursor = -1;
	build_list(s, app);
}

static void free_state(gn_view *v)
{
	reports_view *s = v->state;
	if (s) {
		gn_doc_clear(&s->list);
		gn_doc_clear(&s->report);
		free(s->choices);
		gn_fscreen_free(s->form);
	}
	free(s);
}

static int key(gn_view *v, gn_app *app, int k)
{
	reports_view *s = v->state;
	if (!s || !s->form)
		return GN_UI_IGNORED;
	gn_fscreen_state state;
	return gn_fscreen_key_in(&s->form, app, k, &state);
}

/* The deadline a selected agency's monthly report answers, 0 for none. */
static long long deadline_of(const reports_view *s, gn_app *app, long long link)
{
	if (link <= 0 || link > s->n)
		return 0;
	const choice *c = &s->choices[link - 1];
	gn_agency a;
	if (c->kind != GN_REPORT_MONTHLY || !c->agency[0] || gn_agency_load_code(app->db, c->agency, &a) != GN_OK)
		return 0;
	gn_deadline_filter f = { .agency_id = a.id, .rule_code = "monthly", .from = { c->year, c->month, 1 },
				 .to = { c->year, c->month, gn_days_in_month(c->year, c->month) } };
	gn_deadline_row *rows;
	int n;
	long long id = 0;
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) == GN_OK) {
		if (n)
			id = rows[0].id;
		free(rows);
	}
	return id;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	reports_view *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	gn_doc *d = s->in_report ? &s->report : &s->list;
	switch (a) {
	case GN_ACT_OPEN:
		if (!s->in_report && gn_doc_selected(d))
			show_report(s, app, gn_doc_selected(d));
		return GN_UI_REDRAW;
	case GN_ACT_ADD:
		/* Submitting a report received: on an agency's month, that deadline. */
		s->form = gn_report_form_open(app, s->in_report ? 0 : deadline_of(s, app, gn_doc_selected(d)), NULL, NULL);
		return GN_UI_REDRAW;
	case GN_ACT_BACK:
		if (!s->in_report)
			return GN_UI_IGNORED;
		s->in_report = false;
		return GN_UI_REDRAW;
	default:
		return gn_doc_act(d, a, LINES - GN_UI_CHROME_ROWS);
	}
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	reports_view *s = v->state;
	if (s && s->form)
		gn_fscreen_draw(s->form, app, w, rows, cols);
	else if (s)
		gn_doc_draw(s->in_report ? &s->report : &s->list, w, rows, cols);
}

static const gn_action hints[] = {
	GN_ACT_OPEN, GN_ACT_ADD, GN_ACT_BACK, GN_ACT_VIEW_DEADLINES, GN_ACT_HELP, GN_ACT_QUIT, GN_ACT_NONE,
};

const gn_view_ops gn_view_reports = {
	.id = "reports", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .hints = hints, .reload_on_change = true,
};
