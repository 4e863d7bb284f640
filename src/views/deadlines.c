/* Deadlines in three panes (Tab / Shift-Tab): the agenda grouped by status,
 * a month calendar (< > change month; the arrows move a day cursor, Enter
 * lists what falls due that day and who has submitted) and the agencies ×
 * monthly reports matrix that answers "has that agency filed its May
 * report?". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/deadline_store.h"
#include "giamngheo/i18n.h"
#include "giamngheo/report.h"
#include "agency_form.h"
#include "views.h"

enum { PANE_AGENDA = 0, PANE_CALENDAR, PANE_MATRIX, PANE_COUNT };

#define CAL_CELL 6      /* columns per calendar day */
#define MATRIX_CELL 4   /* columns per month in the matrix */
#define MATRIX_MAX 24   /* months shown at most */

typedef struct {
	gn_doc doc;
	int pane;
	int cal_y, cal_m;
	gn_date cursor;         /* the calendar's selected day, shown month follows it */
	bool day_open;          /* Enter: list the cursor day's deadlines */
	gn_fscreen *form;   /* the report submission form, while open */
	gn_report withdraw;     /* the submission asked about (w), id 0 when none */
	char question[320];
} deadlines_view;

static const char *title(const gn_view *v)
{
	const deadlines_view *s = v->state;
	return s && s->form ? gn_fscreen_title(s->form) : _("Deadlines");
}

static const char *pane_name(int p)
{
	switch (p) {
	case PANE_AGENDA:
		return _("Agenda");
	case PANE_CALENDAR:
		return _("Calendar");
	default:
		return _("Monthly reports by agency");
	}
}

static void header(deadlines_view *s, gn_app *app)
{
	gn_doc *d = &s->doc;
	gn_doc_line(d, 0);
	for (int p = 0; p < PANE_COUNT; p++) {
		if (p)
			gn_doc_span(d, GN_ROLE_ROW, " │ ");
		gn_doc_span(d, p == s->pane ? GN_ROLE_MENU_SELECTED : GN_ROLE_HELP, " %s ", pane_name(p));
	}
	char next[48], prev[48];
	gn_keymap_keys_of(app->keys, GN_ACT_NEXT_PANE, next, sizeof next);
	gn_keymap_keys_of(app->keys, GN_ACT_PREV_PANE, prev, sizeof prev);
	gn_doc_span(d, GN_ROLE_HELP, "   ");
	gn_doc_span(d, GN_ROLE_HELP, _("%s / %s switch panes"), next, prev);
	if (s->pane == PANE_CALENDAR) {
		gn_keymap_keys_of(app->keys, GN_ACT_PREV_MONTH, prev, sizeof prev);
		gn_keymap_keys_of(app->keys, GN_ACT_NEXT_MONTH, next, sizeof next);
		gn_doc_span(d, GN_ROLE_HELP, "; ");
		gn_doc_span(d, GN_ROLE_HELP, _("%s %s change the month"), prev, next);
		char open[48];
		gn_keymap_keys_of(app->keys, GN_ACT_OPEN, open, sizeof open);
		gn_doc_span(d, GN_ROLE_HELP, "; ");
		gn_doc_span(d, GN_ROLE_HELP, _("arrows move the day, %s lists it"), open);
	}
}

/* One deadline instance on one line. */
static void instance(gn_doc *d, gn_app *app, const gn_deadline_row *r)
{
	char due[11], when[64];
	gn_date_format_dmy(r->due, due);
	gn_deadline_status_describe(r->status, r->due, app->today, when, sizeof when);
	gn_doc_line(d, r->id);
	gn_doc_span(d, GN_ROLE_ROW, "  %s  ", due);
	gn_view_span_fixed(d, GN_ROLE_ROW, r->title, 36);
	gn_doc_span(d, GN_ROLE_ROW, " ");
	gn_view_span_fixed(d, GN_ROLE_ROW, r->agency_code, 11);
	gn_doc_span(d, gn_view_deadline_role(r->status), " %s", when);
	if (r->submitted && gn_date_is_set(r->submitted_on)) {
		char sub[11];
		gn_date_format_dmy(r->submitted_on, sub);
		/* The status already says "submitted": the date is enough. */
		gn_doc_span(d, GN_ROLE_HELP, " %s", sub);
	}
}

static void agenda(deadlines_view *s, gn_app *app, const gn_deadline_row *rows, int n)
{
	gn_doc *d = &s->doc;
	static const struct {
		const char *heading;
		gn_deadline_status a, b;
	} groups[] = {
		{ N_("Overdue"), GN_DL_OVERDUE, GN_DL_OVERDUE },
		{ N_("Due soon & today"), GN_DL_TODAY, GN_DL_DUE_SOON },
		{ N_("Upcoming"), GN_DL_UPCOMING, GN_DL_UPCOMING },
		{ N_("Done (submitted on time or late)"), GN_DL_ON_TIME, GN_DL_LATE },
	};
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		int count = 0;
		for (int i = 0; i < n; i++)
			count += rows[i].status == groups[g].a || rows[i].status == groups[g].b;
		gn_doc_line(d, 0);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HEADER, "%s (%d)", _(groups[g].heading), count);
		for (int i = 0; i < n; i++)
			if (rows[i].status == groups[g].a || rows[i].status == groups[g].b)
				instance(d, app, &rows[i]);
		if (!count) {
			gn_doc_line(d, 0);
			gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none"));
		}
	}
}

/* How bad a status is for the calendar: higher is worse. */
static int severity(gn_deadline_status st)
{
	switch (st) {
	case GN_DL_OVERDUE:
		return 5;
	case GN_DL_TODAY:
		return 4;
	case GN_DL_DUE_SOON:
		return 3;
	case GN_DL_UPCOMING:
		return 2;
	case GN_DL_LATE:
		return 1;
	case GN_DL_ON_TIME:
		return 0;
	}
	return 0;
}

/* One agency's line under a day: who, where it stands, when and by whom. */
static void day_row(gn_doc *d, gn_app *app, const gn_deadline_row *r)
{
	char when[64];
	gn_deadline_status_describe(r->status, r->due, app->today, when, sizeof when);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, "      ");
	gn_view_span_fixed(d, GN_ROLE_ROW, r->agency_code, 12);
	gn_view_span_fixed(d, gn_view_deadline_role(r->status), when, 26);
	if (r->submitted) {
		char on[11];
		gn_date_format_dmy(r->submitted_on, on);
		gn_doc_span(d, GN_ROLE_ROW, " %s  ", on);
		gn_view_span_fixed(d, GN_ROLE_ROW, r->submitted_by, 30);
	}
}

/* What falls due on the cursor day, report by report: who has submitted
 * (on time or late) and who has not. */
static void day_list(deadlines_view *s, gn_app *app, const gn_deadline_row *rows, int n)
{
	static const char *const weekdays[] = { N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
						N_("Thursday"), N_("Friday"), N_("Saturday") };
	gn_doc *d = &s->doc;
	int due = 0, done = 0;
	for (int i = 0; i < n; i++)
		if (gn_date_cmp(rows[i].due, s->cursor) == 0) {
			due++;
			done += rows[i].submitted;
		}
	char date[11], back[48];
	gn_date_format_dmy(s->cursor, date);
	gn_keymap_keys_of(app->keys, GN_ACT_BACK, back, sizeof back);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s %s", _(weekdays[gn_date_weekday(s->cursor)]), date);
	if (!due) {
		gn_doc_span(d, GN_ROLE_ROW, ": %s", _("nothing falls due"));
	} else {
		gn_doc_span(d, GN_ROLE_ROW, ": ");
		gn_doc_span(d, GN_ROLE_ROW, ngettext("%d report due", "%d reports due", (unsigned long)due), due);
		gn_doc_span(d, GN_ROLE_ROW, ", ");
		gn_doc_span(d, GN_ROLE_ROW, _("%d submitted, %d not"), done, due - done);
	}
	gn_doc_span(d, GN_ROLE_HELP, "   ");
	gn_doc_span(d, GN_ROLE_HELP, _("%s: back to the month"), back);
	/* Rows come by due date then rule: one block per rule of that day. */
	for (int i = 0; i < n;) {
		if (gn_date_cmp(rows[i].due, s->cursor) != 0) {
			i++;
			continue;
		}
		int end = i;
		int sub = 0;
		for (; end < n && gn_date_cmp(rows[end].due, s->cursor) == 0 && rows[end].rule_id == rows[i].rule_id; end++)
			sub += rows[end].submitted;
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HEADER, "  %s", rows[i].title);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "    %s (%d)", _("Submitted"), sub);
		for (int k = i; k < end; k++)
			if (rows[k].submitted)
				day_row(d, app, &rows[k]);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "    %s (%d)", _("Not submitted"), end - i - sub);
		for (int k = i; k < end; k++)
			if (!rows[k].submitted)
				day_row(d, app, &rows[k]);
		i = end;
	}
}

static void calendar(deadlines_view *s, gn_app *app, const gn_deadline_row *rows, int n)
{
	gn_doc *d = &s->doc;
	int y = s->cal_y, m = s->cal_m, days = gn_days_in_month(y, m);
	int worst[32], count[32];
	for (int i = 0; i < 32; i++) {
		worst[i] = -1;
		count[i] = 0;
	}
	for (int i = 0; i < n; i++) {
		if (rows[i].due.y != y || rows[i].due.m != m)
			continue;
		int day = rows[i].due.d, sev = severity(rows[i].status);
		count[day]++;
		if (sev > worst[day])
			worst[day] = sev;
	}
	char month[32];
	snprintf(month, sizeof month, "%02d/%04d", m, y);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s %s", _("Month"), month);

	static const char *const weekdays[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
						N_("Sat"), N_("Sun") };
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, "  ");
	for (int i = 0; i < 7; i++) {
		char cell[32];
		snprintf(cell, sizeof cell, " %s", _(weekdays[i]));
		gn_view_span_fixed(d, GN_ROLE_HEADER, cell, CAL_CELL);
	}
	/* Monday-first column of the 1st: weekday 0 is Sunday. */
	int col = (gn_date_weekday((gn_date){ y, m, 1 }) + 6) % 7;
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, "  ");
	for (int i = 0; i < col; i++)
		gn_doc_span(d, GN_ROLE_ROW, "%*s", CAL_CELL, "");
	static const gn_color_role sev_role[] = { GN_ROLE_ON_TIME, GN_ROLE_ON_TIME, GN_ROLE_UPCOMING,
						  GN_ROLE_DUE_SOON, GN_ROLE_TODAY, GN_ROLE_OVERDUE };
	static const char *const sev_mark[] = { "✓", "✓", "·", "*", "*", "!" };
	for (int day = 1; day <= days; day++) {
		bool is_today = y == app->today.y && m == app->today.m && day == app->today.d;
		bool is_cursor = y == s->cursor.y && m == s->cursor.m && day == s->cursor.d;
		char cell[32];
		const char *mark = worst[day] >= 0 ? sev_mark[worst[day]] : " ";
		/* [27 ] today, >25!< the cursor elsewhere (also in reverse video). */
		snprintf(cell, sizeof cell, "%s%2d%s%s", is_today ? "[" : is_cursor ? ">" : " ", day, mark,
			 is_today ? "]" : is_cursor ? "<" : " ");
		gn_color_role role = worst[day] >= 0 ? sev_role[worst[day]] : GN_ROLE_ROW;
		if (is_today && worst[day] < 0)
			role = GN_ROLE_TITLE;
		if (is_cursor)
			role = GN_ROLE_ROW_SELECTED;
		gn_view_span_fixed(d, role, cell, CAL_CELL - 1);
		gn_doc_span(d, GN_ROLE_ROW, " ");
		if (++col == 7 && day < days) {
			col = 0;
			gn_doc_line(d, 0);
			gn_doc_span(d, GN_ROLE_ROW, "  ");
		}
	}
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "  %s", _("! overdue   * due soon or today   · upcoming   ✓ all submitted   [ ] today"));

	if (s->day_open) {
		day_list(s, app, rows, n);
		return;
	}
	int total = 0;
	for (int day = 1; day <= days; day++)
		total += count[day];
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s %s (%d)", _("Deadlines in"), month, total);
	for (int i = 0; i < n; i++)
		if (rows[i].due.y == y && rows[i].due.m == m)
			instance(d, app, &rows[i]);
	if (!total) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none"));
	}
}

static void matrix_cell(gn_doc *d, const gn_deadline_row *r)
{
	if (!r) {
		gn_doc_span(d, GN_ROLE_ROW, "%*s", MATRIX_CELL, "");
		return;
	}
	const char *mark;
	gn_color_role role;
	switch (r->status) {
	case GN_DL_ON_TIME:
		mark = "✓";
		role = GN_ROLE_ON_TIME;
		break;
	case GN_DL_LATE:
		mark = "L";
		role = GN_ROLE_LATE;
		break;
	case GN_DL_OVERDUE:
		mark = "✗";
		role = GN_ROLE_OVERDUE;
		break;
	default:
		mark = "·";
		role = gn_view_deadline_role(r->status);
		break;
	}
	gn_doc_span(d, GN_ROLE_ROW, "  ");
	gn_doc_span(d, role, " %s", mark);
}

static void matrix(deadlines_view *s, gn_app *app)
{
	gn_doc *d = &s->doc;
	gn_deadline_filter f = { .rule_code = "monthly" };
	gn_deadline_row *rows;
	int n;
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Monthly reports of the lead agencies (due the 25th)"));
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) != GN_OK) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ERROR, "  %s", _("The deadlines cannot be read from the database."));
		return;
	}
	if (n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("No monthly reports are due: no agency leads a household yet."));
		free(rows);
		return;
	}
	/* Columns: every month from the first instance's to the last's. */
	int first = rows[0].due.y * 12 + rows[0].due.m - 1, last = first;
	for (int i = 0; i < n; i++) {
		int k = rows[i].due.y * 12 + rows[i].due.m - 1;
		if (k < first)
			first = k;
		if (k > last)
			last = k;
	}
	if (last - first + 1 > MATRIX_MAX)
		first = last - MATRIX_MAX + 1;
	int months = last - first + 1;

	gn_doc_line(d, 0);
	gn_view_span_fixed(d, GN_ROLE_HEADER, _("Agency"), 12);
	for (int c = 0; c < months; c++) {
		int k = first + c;
		gn_doc_span(d, GN_ROLE_HEADER, "%*d", MATRIX_CELL, k % 12 + 1);
	}
	gn_doc_span(d, GN_ROLE_HEADER, "   %s", _("on time / late / overdue"));

	/* Agencies in order of first appearance (rows come by due date, then
	 * agency), each with its instances placed by month. */
	long long *seen = calloc((size_t)n, sizeof *seen);
	int n_seen = 0;
	for (int i = 0; seen && i < n; i++) {
		bool dup = false;
		for (int k = 0; k < n_seen && !dup; k++)
			dup = seen[k] == rows[i].agency_id;
		if (!dup)
			seen[n_seen++] = rows[i].agency_id;
	}
	/* sort agencies by code for a stable, findable order */
	for (int a = 1; a < n_seen; a++)
		for (int b = a; b > 0; b--) {
			const char *ca = "", *cb = "";
			for (int i = 0; i < n; i++) {
				if (rows[i].agency_id == seen[b])
					ca = rows[i].agency_code;
				if (rows[i].agency_id == seen[b - 1])
					cb = rows[i].agency_code;
			}
			if (strcmp(cb, ca) <= 0)
				break;
			long long t = seen[b];
			seen[b] = seen[b - 1];
			seen[b - 1] = t;
		}
	for (int a = 0; a < n_seen; a++) {
		const gn_deadline_row *cells[MATRIX_MAX] = { 0 };
		const char *code = "";
		int on_time = 0, late = 0, overdue = 0;
		for (int i = 0; i < n; i++) {
			if (rows[i].agency_id != seen[a])
				continue;
			code = rows[i].agency_code;
			int c = rows[i].due.y * 12 + rows[i].due.m - 1 - first;
			if (c >= 0 && c < months && !cells[c])
				cells[c] = &rows[i];
			on_time += rows[i].status == GN_DL_ON_TIME;
			late += rows[i].status == GN_DL_LATE;
			overdue += rows[i].status == GN_DL_OVERDUE;
		}
		gn_doc_line(d, 0);
		gn_view_span_fixed(d, overdue ? GN_ROLE_OVERDUE : GN_ROLE_ROW, code, 11);
		gn_doc_span(d, GN_ROLE_ROW, " ");
		for (int c = 0; c < months; c++)
			matrix_cell(d, cells[c]);
		gn_doc_span(d, GN_ROLE_ON_TIME, "   %d", on_time);
		gn_doc_span(d, GN_ROLE_ROW, " / ");
		gn_doc_span(d, late ? GN_ROLE_LATE : GN_ROLE_ROW, "%d", late);
		gn_doc_span(d, GN_ROLE_ROW, " / ");
		gn_doc_span(d, overdue ? GN_ROLE_OVERDUE : GN_ROLE_ROW, "%d", overdue);
	}
	free(seen);
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "  %s", _("✓ on time   L late   ✗ overdue, nothing submitted   · not yet due   blank: no report that month"));
	free(rows);
}

static void build(deadlines_view *s, gn_app *app)
{
	gn_doc_clear(&s->doc);
	header(s, app);
	if (s->pane == PANE_MATRIX) {
		matrix(s, app);
		return;
	}
	gn_deadline_filter f = { 0 };
	if (s->pane == PANE_CALENDAR) {
		f.from = (gn_date){ s->cal_y, s->cal_m, 1 };
		f.to = (gn_date){ s->cal_y, s->cal_m, gn_days_in_month(s->cal_y, s->cal_m) };
	}
	gn_deadline_row *rows;
	int n;
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) != GN_OK) {
		gn_doc_line(&s->doc, 0);
		gn_doc_span(&s->doc, GN_ROLE_ERROR, "  %s", _("The deadlines cannot be read from the database."));
		return;
	}
	if (s->pane == PANE_AGENDA)
		agenda(s, app, rows, n);
	else
		calendar(s, app, rows, n);
	free(rows);
}

static void load(gn_view *v, gn_app *app)
{
	deadlines_view *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->doc.cursor = -1;
	s->cal_y = app->today.y;
	s->cal_m = app->today.m;
	s->cursor = app->today;
	build(s, app);
}

static void free_state(gn_view *v)
{
	deadlines_view *s = v->state;
	if (s) {
		gn_doc_clear(&s->doc);
		gn_fscreen_free(s->form);
		gn_report_clear(&s->withdraw);
	}
	free(s);
}

/* Rebuilds the pane, the cursor on the same line, and takes the data as
 * it is now for this view rather than reloading it (the pane would reset). */
static void rebuild(deadlines_view *s, gn_view *v, gn_app *app)
{
	long long link = gn_doc_selected(&s->doc);
	int top = s->doc.top;
	build(s, app);
	s->doc.top = top;
	gn_view_doc_select(&s->doc, link);
	v->changes = app->changes;
}

/* w on a deadline with a submission: ask before withdrawing it. */
static void ask_withdraw(deadlines_view *s, gn_app *app)
{
	gn_deadline_row row;
	long long id = s->pane == PANE_AGENDA ? gn_doc_selected(&s->doc) : 0;
	if (!id || gn_deadline_get(app->db, id, app->today, &row) != GN_OK || !row.report_id) {
		gn_app_notice(app, true, "%s", _("Move the cursor to a deadline with a submitted report first (↑↓)."));
		return;
	}
	gn_report_clear(&s->withdraw);
	gn_status st = gn_report_load(app->db, row.report_id, &s->withdraw);
	if (st != GN_OK) {
		memset(&s->withdraw, 0, sizeof s->withdraw); /* a failed load leaves nothing to ask about */
		gn_app_notice(app, true, "%s", gn_status_message(st));
		return;
	}
	char due[11];
	gn_date_format_dmy(row.due, due);
	snprintf(s->question, sizeof s->question, _("Withdraw report %lld of %s due %s? The deadline opens again. (y/n)"),
		 s->withdraw.id, row.agency_code, due);
}

static void withdraw(deadlines_view *s, gn_app *app)
{
	gn_report now;
	gn_status st = gn_report_withdraw(app->db, s->withdraw.id, s->withdraw.version, &now);
	if (st == GN_OK) {
		gn_app_notice(app, false, _("Withdrew report %lld: the deadline is open again."), s->withdraw.id);
		app->changes++;
	} else if (st == GN_ERR_CONFLICT) {
		gn_app_notice(app, true, _("Report %lld was changed by %s at %s meanwhile; nothing was withdrawn."),
			      s->withdraw.id, now.updated_by, now.updated_at);
		gn_report_clear(&now);
	} else {
		gn_app_notice(app, true, "%s", gn_status_message(st));
	}
}

static int key(gn_view *v, gn_app *app, int k)
{
	deadlines_view *s = v->state;
	if (s && s->withdraw.id) {
		int answer = gn_fscreen_ask_key(k);
		if (answer == 1)
			withdraw(s, app);
		if (answer >= 0) {
			gn_report_clear(&s->withdraw);
			rebuild(s, v, app);
		}
		return GN_UI_REDRAW;
	}
	if (!s || !s->form)
		return GN_UI_IGNORED;
	gn_fscreen_state state;
	int flags = gn_fscreen_key_in(&s->form, app, k, &state);
	if (state != GN_FSCREEN_OPEN)
		rebuild(s, v, app);
	return flags;
}

bool gn_deadlines_open_report_form(gn_app *app, long long record)
{
	gn_view *v = gn_app_push(app, &gn_view_deadlines, 0);
	deadlines_view *s = v ? v->state : NULL;
	if (!s)
		return false;
	s->form = gn_report_form_open(app, record < 0 ? -record : record, NULL, NULL);
	return s->form != NULL;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	deadlines_view *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	switch (a) {
	case GN_ACT_NEXT_PANE:
		s->pane = (s->pane + 1) % PANE_COUNT;
		break;
	case GN_ACT_PREV_PANE:
		s->pane = (s->pane + PANE_COUNT - 1) % PANE_COUNT;
		break;
	case GN_ACT_NEXT_MONTH:
	case GN_ACT_PREV_MONTH:
		s->cal_m += a == GN_ACT_NEXT_MONTH ? 1 : -1;
		if (s->cal_m > 12) {
			s->cal_m = 1;
			s->cal_y++;
		} else if (s->cal_m < 1) {
			s->cal_m = 12;
			s->cal_y--;
		}
		/* The cursor keeps its day of the month (31 -> 30 in June). */
		s->cursor.y = s->cal_y;
		s->cursor.m = s->cal_m;
		if (s->cursor.d > gn_days_in_month(s->cal_y, s->cal_m))
			s->cursor.d = gn_days_in_month(s->cal_y, s->cal_m);
		s->pane = PANE_CALENDAR;
		break;
	case GN_ACT_MOVE_LEFT:
	case GN_ACT_MOVE_RIGHT:
	case GN_ACT_MOVE_UP:
	case GN_ACT_MOVE_DOWN:
		if (s->pane != PANE_CALENDAR)
			return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS);
		s->cursor = gn_date_add_days(s->cursor, a == GN_ACT_MOVE_LEFT ? -1 : a == GN_ACT_MOVE_RIGHT ? 1
							: a == GN_ACT_MOVE_UP ? -7 : 7);
		s->cal_y = s->cursor.y;
		s->cal_m = s->cursor.m;
		break;
	case GN_ACT_OPEN:
		if (s->pane != PANE_CALENDAR)
			return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS);
		s->day_open = true;
		break;
	case GN_ACT_ADD:
	case GN_ACT_EDIT: {
		/* On a deadline: submit its report, or correct the one submitted. */
		long long id = s->pane == PANE_AGENDA ? gn_doc_selected(&s->doc) : 0;
		if (a == GN_ACT_EDIT && !id)
			gn_app_notice(app, true, "%s", _("Move the cursor to a deadline of the agenda first (↑↓)."));
		else
			s->form = gn_report_form_open(app, id, NULL, NULL);
		return GN_UI_REDRAW;
	}
	case GN_ACT_WITHDRAW_REPORT:
		ask_withdraw(s, app);
		return GN_UI_REDRAW;
	case GN_ACT_BACK:
		if (s->pane != PANE_CALENDAR || !s->day_open)
			return GN_UI_IGNORED;
		s->day_open = false;
		break;
	default:
		return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS);
	}
	build(s, app);
	return GN_UI_REDRAW;
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	deadlines_view *s = v->state;
	if (s && s->form) {
		gn_fscreen_draw(s->form, app, w, rows, cols);
	} else if (s) {
		gn_doc_draw(&s->doc, w, rows, cols);
		if (s->withdraw.id) {
			gn_ui_fill(w, rows - 1, 0, cols, gn_ui_attr(GN_ROLE_ERROR));
			gn_ui_put(w, rows - 1, 0, cols, s->question, gn_ui_attr(GN_ROLE_ERROR));
		}
	}
}

static const gn_action hints[] = {
	GN_ACT_NEXT_PANE, GN_ACT_PREV_PANE, GN_ACT_NEXT_MONTH, GN_ACT_PREV_MONTH, GN_ACT_ADD, GN_ACT_HELP,
	GN_ACT_QUIT, GN_ACT_NONE,
};

const gn_view_ops gn_view_deadlines = {
	.id = "deadlines", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .hints = hints, .reload_on_change = true,
};
