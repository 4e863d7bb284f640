/* The agencies: every one with the households it leads or supports and its
 * report record; Enter (or Tab) shows one agency's staff, households and
 * reports, Esc (or Tab again) returns to the list. `a`/`e` add and edit
 * agencies (on the list) and staff (on an agency); `r` starts the monthly
 * round of the agency's households. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "agency_form.h"
#include "record_delete.h"
#include "views.h"

typedef struct {
	gn_doc list;
	gn_doc detail;
	bool in_detail;
	gn_agency_row *rows;
	int n;
	long long agency_id;      /* the agency the detail shows */
	char title[192];
	gn_fscreen *form;     /* the agency or staff form, while it is open */
	bool form_staff;          /* the form is the staff form */
	gn_delete del;            /* d: the question before deleting */
} agencies;

/* In the detail, staff lines link to -id so they never meet a household's id. */
#define STAFF_LINK(id) (-(id))

static const char *title(const gn_view *v)
{
	const agencies *s = v->state;
	if (s && s->form)
		return gn_fscreen_title(s->form);
	return s && s->in_detail ? s->title : _("Agencies");
}

/* A column of width cols: the text clipped to cols - 1, then a space. */
static const gn_agency_row *find(const agencies *s, long long id)
{
	for (int i = 0; i < s->n; i++)
		if (s->rows[i].agency.id == id)
			return &s->rows[i];
	return NULL;
}

static void build_list(agencies *s)
{
	gn_doc *d = &s->list;
	gn_doc_clear(d);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Agencies, with the households each leads or supports and its report record"));
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "%s", _("Enter or Tab shows an agency's households and reports; Esc returns."));
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_view_column(d, GN_ROLE_HEADER, _("Code"), 13);
	gn_view_column(d, GN_ROLE_HEADER, _("Agency name"), 27);
	gn_view_column(d, GN_ROLE_HEADER, _("Kind"), 15);
	static const char *const counts[] = { N_("Leads"), N_("Supports"), N_("On time"), N_("Late"),
					      N_("Overdue") };
	for (int c = 0; c < 5; c++) {
		gn_view_span_right(d, GN_ROLE_HEADER, _(counts[c]), 8);
		gn_doc_span(d, GN_ROLE_ROW, " ");
	}
	for (int i = 0; i < s->n; i++) {
		const gn_agency_row *r = &s->rows[i];
		gn_doc_line(d, r->agency.id);
		gn_view_column(d, GN_ROLE_ROW, r->agency.code, 13);
		gn_view_column(d, GN_ROLE_ROW, r->agency.name, 27);
		gn_view_column(d, GN_ROLE_ROW, gn_agency_kind_label(r->agency.kind), 15);
		gn_doc_span(d, GN_ROLE_ROW, "%8d %8d ", r->leads, r->supports);
		gn_doc_span(d, r->reports_on_time ? GN_ROLE_ON_TIME : GN_ROLE_ROW, "%8d ", r->reports_on_time);
		gn_doc_span(d, r->reports_late ? GN_ROLE_LATE : GN_ROLE_ROW, "%8d ", r->reports_late);
		gn_doc_span(d, r->overdue ? GN_ROLE_OVERDUE : GN_ROLE_ROW, "%8d", r->overdue);
	}
	if (s->n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("No agencies recorded yet."));
	}
}

static void section(gn_doc *d, const char *heading)
{
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", heading);
}

/* The households an agency leads, or those it supports, as linked lines. */
static void household_list(gn_doc *d, gn_app *app, const gn_agency_row *r, bool leads)
{
	gn_household_filter f;
	gn_household_filter_init(&f);
	if (leads)
		f.lead = r->agency.code;
	else
		f.supported_by = r->agency.code;
	gn_household_row *rows;
	int n;
	long long total;
	char heading[160];
	gn_status st = gn_household_query(app->db, &app->standard, &f, &rows, &n, &total);
	if (st != GN_OK) {
		section(d, _("Households"));
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ERROR, "  %s",
			    gn_view_read_error(st, _("The households cannot be read from the database.")));
		return;
	}
	snprintf(heading, sizeof heading, leads ? _("Households it leads: %d") : _("Households it supports: %d"), n);
	section(d, heading);
	for (int i = 0; i < n; i++) {
		gn_doc_line(d, rows[i].id);
		gn_doc_span(d, GN_ROLE_ROW, "  %-8s ", rows[i].code);
		gn_view_span_fixed(d, GN_ROLE_ROW, rows[i].head, 24);
		gn_doc_span(d, GN_ROLE_ROW, " ");
		gn_view_span_fixed(d, GN_ROLE_ROW, gn_class_label(rows[i].cls), 14);
		gn_doc_span(d, GN_ROLE_ROW, " ");
		for (int k = 0; k < rows[i].n_indicators; k++) {
			gn_doc_cell(d, rows[i].indicators[k]);
			gn_doc_span(d, GN_ROLE_ROW, " ");
		}
		gn_doc_span(d, GN_ROLE_HELP, " %s", rows[i].tdp);
	}
	if (n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none"));
	}
	free(rows);
}

static void staff_list(gn_doc *d, gn_app *app, const gn_agency_row *r)
{
	gn_staff *staff;
	int n;
	if (gn_staff_list(app->db, r->agency.id, &staff, &n) != GN_OK) {
		section(d, _("Staff"));
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ERROR, "  %s", _("The staff cannot be read from the database."));
		return;
	}
	char heading[160], add[48], edit[48];
	gn_keymap_keys_of(app->keys, GN_ACT_ADD, add, sizeof add);
	gn_keymap_keys_of(app->keys, GN_ACT_EDIT, edit, sizeof edit);
	snprintf(heading, sizeof heading, _("Staff: %d (%s adds, %s edits the one selected)"), n, add, edit);
	section(d, heading);
	for (int i = 0; i < n; i++) {
		gn_doc_line(d, STAFF_LINK(staff[i].id));
		gn_doc_span(d, GN_ROLE_ROW, "  ");
		gn_view_span_fixed(d, GN_ROLE_ROW, staff[i].full_name, 28);
		gn_doc_span(d, GN_ROLE_ROW, " ");
		gn_view_span_fixed(d, GN_ROLE_ROW, staff[i].position, 28);
		gn_doc_span(d, GN_ROLE_HELP, " %s", staff[i].phone);
	}
	if (n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none"));
	}
	free(staff);
}

static void detail_reports(gn_doc *d, gn_app *app, const gn_agency_row *r)
{
	gn_deadline_filter f = { .agency_id = r->agency.id };
	gn_deadline_row *rows;
	int n;
	char heading[160];
	snprintf(heading, sizeof heading, _("Report record: %d due so far, %d on time, %d late, %d overdue"),
		 r->reports_due, r->reports_on_time, r->reports_late, r->overdue);
	section(d, heading);
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) != GN_OK) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ERROR, "  %s", _("The deadlines cannot be read from the database."));
		return;
	}
	for (int i = 0; i < n; i++) {
		char due[11], when[64], sub[11] = "";
		gn_date_format_dmy(rows[i].due, due);
		gn_deadline_status_describe(rows[i].status, rows[i].due, app->today, when, sizeof when);
		if (rows[i].submitted && gn_date_is_set(rows[i].submitted_on))
			gn_date_format_dmy(rows[i].submitted_on, sub);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  %s  ", due);
		gn_view_span_fixed(d, GN_ROLE_ROW, rows[i].title, 44);
		gn_doc_span(d, gn_view_deadline_role(rows[i].status), " %s", when);
		if (sub[0])
			gn_doc_span(d, GN_ROLE_HELP, " (%s %s)", _("submitted"), sub);
	}
	if (n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("No reports required of this agency."));
	}
	free(rows);
}

static bool show_detail(agencies *s, gn_app *app, long long id)
{
	const gn_agency_row *r = find(s, id);
	if (!r)
		return false;
	s->agency_id = id;
	s->in_detail = true;
	snprintf(s->title, sizeof s->title, "%s %s", _("Agency"), r->agency.code);
	gn_doc *d = &s->detail;
	gn_doc_clear(d);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s — %s", r->agency.code, r->agency.name);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "  %s", gn_agency_kind_label(r->agency.kind));
	if (r->agency.contact_person[0] || r->agency.phone[0])
		gn_doc_span(d, GN_ROLE_HELP, "; %s: %s %s", _("contact"), r->agency.contact_person, r->agency.phone);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "  %s", _("Enter opens a household; Esc or Tab returns to the list."));
	staff_list(d, app, r);
	household_list(d, app, r, true);
	household_list(d, app, r, false);
	detail_reports(d, app, r);
	return true;
}

static void fetch(agencies *s, gn_app *app)
{
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	char today[11];
	gn_date_format_iso(app->today, today);
	if (gn_agency_query(app->db, today, &s->rows, &s->n) != GN_OK) {
		s->rows = NULL;
		s->n = 0;
		gn_app_notice(app, true, "%s", _("The agencies cannot be read from the database."));
	}
	build_list(s);
}

static void load(gn_view *v, gn_app *app)
{
	agencies *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->list.cursor = -1;
	s->detail.cursor = -1;
	fetch(s, app);
}

/* After a save: the data again, on the same agency and line, so that the
 * user stays where the form was opened. */
static void refetch(agencies *s, gn_view *v, gn_app *app, long long select)
{
	gn_doc *d = s->in_detail ? &s->detail : &s->list;
	int top = d->top;
	fetch(s, app);
	if (s->in_detail && !show_detail(s, app, s->agency_id))
		s->in_detail = false;
	d = s->in_detail ? &s->detail : &s->list;
	d->top = top;
	gn_view_doc_select(d, select);
	d->follow = true;
	v->changes = app->changes;
}

static void free_state(gn_view *v)
{
	agencies *s = v->state;
	if (s) {
		gn_doc_clear(&s->list);
		gn_doc_clear(&s->detail);
		free(s->rows);
		gn_fscreen_free(s->form);
	}
	free(s);
}

static int key(gn_view *v, gn_app *app, int k)
{
	agencies *s = v->state;
	if (s && s->del.asking) {
		long long select = gn_doc_selected(s->in_detail ? &s->detail : &s->list);
		/* An agency deleted from its own page: back to the list. */
		if (gn_delete_answer(&s->del, app, k) && s->del.kind == GN_RECORD_AGENCY)
			s->in_detail = false;
		/* Refetched here, whatever the answer, so that the page stays open. */
		refetch(s, v, app, select);
		return GN_UI_REDRAW;
	}
	if (!s || !s->form)
		return GN_UI_IGNORED;
	gn_fscreen_state state;
	int flags = gn_fscreen_key(s->form, app, k, &state);
	if (state != GN_FSCREEN_OPEN) {
		/* The line saved, a new agency or staff member included, else where the cursor was. */
		long long select = gn_doc_selected(s->in_detail ? &s->detail : &s->list);
		if (state == GN_FSCREEN_SAVED && gn_fscreen_record(s->form))
			select = s->form_staff ? STAFF_LINK(gn_fscreen_record(s->form)) : gn_fscreen_record(s->form);
		gn_fscreen_free(s->form);
		s->form = NULL;
		refetch(s, v, app, select);
	}
	return flags | GN_UI_REDRAW;
}

/* a/e: agencies on the list; on an agency, its staff (e elsewhere edits the agency). */
static int open_form(agencies *s, gn_app *app, gn_action a)
{
	long long sel = gn_doc_selected(s->in_detail ? &s->detail : &s->list);
	s->form_staff = s->in_detail && (a == GN_ACT_ADD || sel < 0);
	if (!s->in_detail)
		s->form = a == GN_ACT_ADD ? gn_agency_form_open(app, 0)
			  : sel     ? gn_agency_form_open(app, sel)
				    : NULL;
	else if (a == GN_ACT_ADD)
		s->form = gn_staff_form_open(app, s->agency_id, 0);
	else if (sel < 0)
		s->form = gn_staff_form_open(app, s->agency_id, -sel);
	else
		s->form = gn_agency_form_open(app, s->agency_id);
	return GN_UI_REDRAW;
}

bool gn_agencies_open_agency_form(gn_app *app, long long id)
{
	gn_view *v = gn_app_push(app, &gn_view_agencies, 0);
	agencies *s = v ? v->state : NULL;
	if (!s)
		return false;
	s->form = gn_agency_form_open(app, id);
	return s->form != NULL;
}

bool gn_agencies_open_staff_form(gn_app *app, long long record)
{
	long long agency_id = -record;
	gn_staff staff;
	if (record > 0) {
		if (gn_staff_load(app->db, record, &staff) != GN_OK)
			return false;
		agency_id = staff.agency_id;
	}
	gn_view *v = gn_app_push(app, &gn_view_agencies, 0);
	agencies *s = v ? v->state : NULL;
	if (!s || !show_detail(s, app, agency_id))
		return false;
	s->form_staff = true;
	s->form = gn_staff_form_open(app, agency_id, record > 0 ? record : 0);
	return s->form != NULL;
}

/* d: on an agency's page, the staff member selected, else the agency; on
 * the list, the agency selected. */
static int ask_delete(agencies *s, gn_app *app)
{
	long long sel = gn_doc_selected(s->in_detail ? &s->detail : &s->list);
	if (s->in_detail && sel < 0)
		gn_delete_ask(&s->del, app, GN_RECORD_STAFF, -sel);
	else if (s->in_detail || sel)
		gn_delete_ask(&s->del, app, GN_RECORD_AGENCY, s->in_detail ? s->agency_id : sel);
	return GN_UI_REDRAW;
}

static int start_round(agencies *s, gn_app *app)
{
	long long id = s->in_detail ? s->agency_id : gn_doc_selected(&s->list);
	const gn_agency_row *r = find(s, id);
	if (!r)
		return GN_UI_HANDLED;
	if (r->leads == 0) {
		gn_app_notice(app, true, _("%s leads no household: the monthly round is for lead agencies."),
			      r->agency.code);
		return GN_UI_REDRAW;
	}
	gn_app_push(app, &gn_view_round, id);
	return GN_UI_REDRAW;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	agencies *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	gn_doc *d = s->in_detail ? &s->detail : &s->list;
	switch (a) {
	case GN_ACT_OPEN:
		if (!gn_doc_selected(d))
			return GN_UI_HANDLED;
		if (s->in_detail && gn_doc_selected(d) < 0)
			return open_form(s, app, GN_ACT_EDIT);
		if (s->in_detail)
			gn_app_push(app, &gn_view_household, gn_doc_selected(d));
		else
			show_detail(s, app, gn_doc_selected(d));
		return GN_UI_REDRAW;
	case GN_ACT_NEXT_PANE:
	case GN_ACT_PREV_PANE:
		if (s->in_detail)
			s->in_detail = false;
		else if (gn_doc_selected(d))
			show_detail(s, app, gn_doc_selected(d));
		return GN_UI_REDRAW;
	case GN_ACT_ADD:
	case GN_ACT_EDIT:
		return open_form(s, app, a);
	case GN_ACT_MONTHLY_ROUND:
		return start_round(s, app);
	case GN_ACT_DELETE:
		return ask_delete(s, app);
	case GN_ACT_BACK:
		if (!s->in_detail)
			return GN_UI_IGNORED;
		s->in_detail = false;
		return GN_UI_REDRAW;
	default:
		return gn_doc_act(d, a, LINES - GN_UI_CHROME_ROWS);
	}
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	agencies *s = v->state;
	if (s && s->form)
		gn_fscreen_draw(s->form, app, w, rows, cols);
	else if (s) {
		gn_doc_draw(s->in_detail ? &s->detail : &s->list, w, rows, cols);
		gn_delete_draw(&s->del, w, rows, cols);
	}
}

static const gn_action hints[] = {
	GN_ACT_OPEN, GN_ACT_ADD, GN_ACT_EDIT, GN_ACT_DELETE, GN_ACT_MONTHLY_ROUND, GN_ACT_BACK, GN_ACT_HELP, GN_ACT_QUIT,
	GN_ACT_NONE,
};

const gn_view_ops gn_view_agencies = {
	.id = "agencies", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .hints = hints, .reload_on_change = true,
};
