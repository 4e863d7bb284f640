/* Every support item, filterable by status (f), agency (Tab), indicator
 * (Shift-Tab) and planned month (< >); c clears; Enter opens the household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"
#include "giamngheo/money.h"
#include "giamngheo/support.h"
#include "record_delete.h"
#include "support_form.h"
#include "views.h"

#define MAX_AGENCIES 256

typedef struct {
	gn_doc doc;
	gn_support_filter filter;
	int month_y, month_m;           /* 0: no month restriction */
	int indicator;                  /* index into app->standard, -1: any */
	/* the agencies that appear in the items, for the agency filter */
	long long agency_ids[MAX_AGENCIES];
	char agency_codes[MAX_AGENCIES][32];
	int n_agencies;
	int agency;                     /* index, -1: any */
	gn_fscreen *form;               /* the support item form (a/e), while open */
	gn_delete del;                  /* d: the question before deleting */
} support_view;

static const char *title(const gn_view *v)
{
	const support_view *s = v->state;
	return s && s->form ? gn_fscreen_title(s->form) : _("Support");
}

static gn_color_role status_role(gn_support_status s)
{
	switch (s) {
	case GN_SUPPORT_PLANNED:
		return GN_ROLE_UPCOMING;
	case GN_SUPPORT_IN_PROGRESS:
		return GN_ROLE_DUE_SOON;
	case GN_SUPPORT_DELIVERED:
		return GN_ROLE_ON_TIME;
	case GN_SUPPORT_CANCELLED:
		return GN_ROLE_HELP;
	}
	return GN_ROLE_ROW;
}

/* The agencies named on any item, in order of first appearance. */
static void collect_agencies(support_view *s, gn_app *app)
{
	gn_support *items;
	int n;
	s->n_agencies = 0;
	if (gn_support_query(app->db, NULL, &items, &n) != GN_OK)
		return;
	for (int i = 0; i < n && s->n_agencies < MAX_AGENCIES; i++) {
		if (!items[i].agency_id)
			continue;
		bool seen = false;
		for (int k = 0; k < s->n_agencies && !seen; k++)
			seen = s->agency_ids[k] == items[i].agency_id;
		if (seen)
			continue;
		s->agency_ids[s->n_agencies] = items[i].agency_id;
		snprintf(s->agency_codes[s->n_agencies], sizeof s->agency_codes[0], "%s", items[i].agency_code);
		s->n_agencies++;
	}
	free(items);
}

static void build(support_view *s, gn_app *app)
{
	gn_support_filter *f = &s->filter;
	f->agency_id = s->agency >= 0 && s->agency < s->n_agencies ? s->agency_ids[s->agency] : 0;
	f->indicator_id = s->indicator >= 0 && s->indicator < app->standard.n_indicators
				  ? app->standard.indicators[s->indicator].id
				  : 0;
	if (s->month_m) {
		f->from = (gn_date){ s->month_y, s->month_m, 1 };
		f->to = (gn_date){ s->month_y, s->month_m, gn_days_in_month(s->month_y, s->month_m) };
	} else {
		f->from = (gn_date){ 0, 0, 0 };
		f->to = (gn_date){ 0, 0, 0 };
	}

	gn_doc *d = &s->doc;
	gn_doc_clear(d);
	d->top = 0;
	gn_support *items = NULL;
	int n = 0;
	gn_status st = gn_support_query(app->db, f, &items, &n);
	if (st != GN_OK)
		gn_app_notice(app, true, "%s",
			      gn_view_read_error(st, _("The support items cannot be read from the database.")));

	gn_money cash = 0, in_kind = 0;
	for (int i = 0; i < n; i++) {
		cash += items[i].cash;
		in_kind += items[i].in_kind_value;
	}
	char month[32], total_cash[48], total_kind[48], total_all[48];
	if (s->month_m)
		snprintf(month, sizeof month, "%02d/%04d", s->month_m, s->month_y);
	else
		snprintf(month, sizeof month, "%s", _("any"));
	gn_money_format(cash, total_cash, sizeof total_cash);
	gn_money_format(in_kind, total_kind, sizeof total_kind);
	gn_money_format(cash + in_kind, total_all, sizeof total_all);

	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Support items"));
	gn_doc_span(d, GN_ROLE_ROW, "  %s: ", _("status"));
	gn_doc_span(d, GN_ROLE_PROGRESS, "%s",
		    f->status >= 0 ? gn_support_status_label((gn_support_status)f->status) : _("any"));
	gn_doc_span(d, GN_ROLE_ROW, "  %s: ", _("agency"));
	gn_doc_span(d, GN_ROLE_PROGRESS, "%s", f->agency_id ? s->agency_codes[s->agency] : _("any"));
	gn_doc_span(d, GN_ROLE_ROW, "  %s: ", _("indicator"));
	gn_doc_span(d, GN_ROLE_PROGRESS, "%s",
		    f->indicator_id ? app->standard.indicators[s->indicator].code : _("any"));
	gn_doc_span(d, GN_ROLE_ROW, "  %s: ", _("month"));
	gn_doc_span(d, GN_ROLE_PROGRESS, "%s", month);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, ngettext("%d item", "%d items", (unsigned long)n), n);
	gn_doc_span(d, GN_ROLE_ROW, _("; cash %s, in kind %s, together "), total_cash, total_kind);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", total_all);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "%s", _("f status · Tab agency · Shift-Tab indicator · < > month · c clear · Enter opens the household"));
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_view_column(d, GN_ROLE_HEADER, _("Planned"), 11);
	gn_view_column(d, GN_ROLE_HEADER, _("Household"), 10);
	gn_view_column(d, GN_ROLE_HEADER, _("Ind."), 5);
	gn_view_column(d, GN_ROLE_HEADER, _("Agency"), 11);
	gn_view_column(d, GN_ROLE_HEADER, _("Kind"), 30);
	gn_view_span_right(d, GN_ROLE_HEADER, _("Value"), 16);
	gn_doc_span(d, GN_ROLE_ROW, " ");
	gn_view_column(d, GN_ROLE_HEADER, _("Status"), 12);

	for (int i = 0; i < n; i++) {
		const gn_support *it = &items[i];
		char planned[11] = "", value[48] = "";
		if (gn_date_is_set(it->planned))
			gn_date_format_dmy(it->planned, planned);
		if (it->cash || it->in_kind_value)
			gn_money_format(it->cash + it->in_kind_value, value, sizeof value);
		else if (it->loan_principal)
			gn_money_format(it->loan_principal, value, sizeof value);
		else if (it->person_days)
			snprintf(value, sizeof value, _("%d person-days"), it->person_days);
		gn_doc_line(d, it->id);
		gn_view_column(d, GN_ROLE_ROW, planned, 11);
		gn_view_column(d, GN_ROLE_ROW, it->household_code, 10);
		gn_view_column(d, GN_ROLE_ROW, it->indicator_code, 5);
		gn_view_column(d, GN_ROLE_ROW, it->agency_code, 11);
		gn_view_column(d, GN_ROLE_ROW, gn_support_kind_label(it->kind), 30);
		gn_view_span_right(d, GN_ROLE_ROW, value, 16);
		gn_doc_span(d, GN_ROLE_ROW, " ");
		gn_doc_span(d, status_role(it->status), "%s", gn_support_status_label(it->status));
		if (it->description[0])
			gn_doc_span(d, GN_ROLE_HELP, "  %s", it->description);
	}
	if (n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("No support item matches these filters."));
	}
	free(items);
}

static void load(gn_view *v, gn_app *app)
{
	support_view *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->doc.cursor = -1;
	s->filter.status = -1;
	s->agency = -1;
	s->indicator = -1;
	collect_agencies(s, app);
	build(s, app);
}

static void free_state(gn_view *v)
{
	support_view *s = v->state;
	if (s) {
		gn_fscreen_free(s->form);
		gn_doc_clear(&s->doc);
	}
	free(s);
}

bool gn_support_open_form(gn_app *app, long long record)
{
	gn_view *v = gn_app_push(app, &gn_view_support, 0);
	support_view *s = v ? v->state : NULL;
	if (!s)
		return false;
	s->form = record > 0 ? gn_support_form_open(app, record, 0) : gn_support_form_open(app, 0, -record);
	return s->form != NULL;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	support_view *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	switch (a) {
	case GN_ACT_OPEN: {
		gn_support it;
		if (gn_doc_selected(&s->doc) && gn_support_load(app->db, gn_doc_selected(&s->doc), &it) == GN_OK) {
			gn_app_push(app, &gn_view_household, it.household_id);
			gn_support_clear(&it);
			return GN_UI_REDRAW;
		}
		return GN_UI_HANDLED;
	}
	case GN_ACT_ADD:
		s->form = gn_support_form_open(app, 0, 0);
		return GN_UI_REDRAW;
	case GN_ACT_EDIT:
		if (gn_doc_selected(&s->doc))
			s->form = gn_support_form_open(app, gn_doc_selected(&s->doc), 0);
		return GN_UI_REDRAW;
	case GN_ACT_DELETE:
		if (gn_doc_selected(&s->doc))
			gn_delete_ask(&s->del, app, GN_RECORD_SUPPORT, gn_doc_selected(&s->doc));
		return GN_UI_REDRAW;
	case GN_ACT_FILTER:
		/* any -> planned -> in progress -> delivered -> cancelled -> any */
		s->filter.status = s->filter.status >= GN_SUPPORT_CANCELLED ? -1 : s->filter.status + 1;
		break;
	case GN_ACT_NEXT_PANE:
		s->agency = s->agency + 1 >= s->n_agencies ? -1 : s->agency + 1;
		break;
	case GN_ACT_PREV_PANE:
		s->indicator = s->indicator + 1 >= app->standard.n_indicators ? -1 : s->indicator + 1;
		break;
	case GN_ACT_NEXT_MONTH:
	case GN_ACT_PREV_MONTH:
		if (!s->month_m) {
			s->month_y = app->today.y;
			s->month_m = app->today.m;
		} else {
			s->month_m += a == GN_ACT_NEXT_MONTH ? 1 : -1;
			if (s->month_m > 12) {
				s->month_m = 1;
				s->month_y++;
			} else if (s->month_m < 1) {
				s->month_m = 12;
				s->month_y--;
			}
		}
		break;
	case GN_ACT_CLEAR_FILTER:
		s->filter.status = -1;
		s->agency = -1;
		s->indicator = -1;
		s->month_y = s->month_m = 0;
		break;
	default:
		return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS);
	}
	build(s, app);
	return GN_UI_REDRAW;
}

/* After the delete question: rebuilt at once on the same filters, rather
 * than loaded from scratch as a change elsewhere would, the cursor on the same
 * line of the list, now the item after the one deleted (or before, at the
 * end). */
static void rebuild(support_view *s, gn_view *v, gn_app *app)
{
	int at = s->doc.cursor, top = s->doc.top;
	build(s, app);
	s->doc.top = top;
	for (int i = at; i >= at - 1 && i >= 0; i--)
		if (i < s->doc.n && s->doc.lines[i].link) {
			s->doc.cursor = i;
			break;
		}
	s->doc.follow = true;
	v->changes = app->changes;
}

static int key(gn_view *v, gn_app *app, int k)
{
	support_view *s = v->state;
	if (s && s->del.asking) {
		gn_delete_answer(&s->del, app, k);
		rebuild(s, v, app);
		return GN_UI_REDRAW;
	}
	if (!s || !s->form)
		return GN_UI_IGNORED;
	gn_fscreen_state state;
	int flags = gn_fscreen_key_in(&s->form, app, k, &state);
	if (state != GN_FSCREEN_OPEN)
		build(s, app);
	return flags;
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	support_view *s = v->state;
	if (s && s->form)
		gn_fscreen_draw(s->form, app, w, rows, cols);
	else if (s) {
		gn_doc_draw(&s->doc, w, rows, cols);
		gn_delete_draw(&s->del, w, rows, cols);
	}
}

static const gn_action hints[] = {
	GN_ACT_OPEN, GN_ACT_ADD, GN_ACT_EDIT, GN_ACT_DELETE, GN_ACT_FILTER, GN_ACT_NEXT_PANE, GN_ACT_PREV_PANE, GN_ACT_NEXT_MONTH,
	GN_ACT_PREV_MONTH, GN_ACT_CLEAR_FILTER, GN_ACT_QUIT, GN_ACT_NONE,
};

const gn_view_ops gn_view_support = {
	.id = "support", .title = title, .load = load, .free = free_state, .key = key, .act = act, .draw = draw,
	.hints = hints, .reload_on_change = true,
};
