/* One household: who and where, the indicators under every standard with
 * the support addressing each, the exit gap, members, helpers, support plan
 * and history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/audit.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/support.h"
#include "giamngheo/text.h"
#include "assign_form.h"
#include "household_form.h"
#include "record_delete.h"
#include "support_form.h"
#include "views.h"

typedef struct {
	gn_doc doc;
	char title[160];
	gn_hh_form *form;      /* the household form, while it is open */
	gn_fscreen *sub;       /* the support item or assignment form, while open */
	gn_delete del;         /* d: the question before deleting */
	unsigned long changes; /* app->changes when the doc was built */
} detail;

static const char *title(const gn_view *v)
{
	const detail *s = v->state;
	if (s && s->sub)
		return gn_fscreen_title(s->sub);
	return s ? s->form ? gn_hh_form_title(s->form) : s->title : _("Household");
}

/* Values wrap at word boundaries so that a long note or address stays
 * readable on an 80- or 100-column terminal. */
#define LABEL_COLS 36
#define VALUE_COLS 60

static void field(gn_doc *d, const char *label, const char *value)
{
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HELP, "  ");
	gn_view_span_fixed(d, GN_ROLE_HELP, label, LABEL_COLS);
	gn_view_span_wrapped(d, GN_ROLE_ROW, value ? value : "", VALUE_COLS, LABEL_COLS + 2);
}

static void section(gn_doc *d, const char *heading)
{
	gn_doc_line(d, 0);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", heading);
}

static void identity(gn_doc *d, const gn_household *h)
{
	char income[32], exit_date[11] = "";
	gn_money_format(h->income, income, sizeof income);
	if (gn_date_is_set(h->exit_date))
		gn_date_format_dmy(h->exit_date, exit_date);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s %s — %s", _("Household"), h->code, h->head_name);
	field(d, _("Address"), h->address);
	field(d, _("Area"), gn_area_label(h->area));
	field(d, _("Phone"), h->phone);
	field(d, _("Income per person per month"), income);
	field(d, _("Class"), gn_class_label(h->cls));
	field(d, _("Targeted to exit poverty this year"), h->targeted ? _("yes") : _("no"));
	if (exit_date[0])
		field(d, _("Exited poverty on"), exit_date);
	char flags[256];
	gn_household_circumstances(h, flags, sizeof flags);
	if (flags[0])
		field(d, _("Circumstances"), flags);
	/* A note keeps the lines it was typed in. */
	for (const char *p = h->notes; p && *p;) {
		size_t n = strcspn(p, "\n");
		char *line = strndup(p, n);
		if (line)
			field(d, p == h->notes ? _("Notes") : "", line);
		free(line);
		p += n + (p[n] == '\n');
	}
}

static void indicators(gn_doc *d, gn_app *app, const gn_household *h, long long standard_id,
		       const gn_support *items, int n_items)
{
	gn_standard std;
	if (gn_standard_load(app->db, standard_id, &std) != GN_OK)
		return;
	gn_ind_status st[GN_MAX_INDICATORS];
	gn_exit_gap gap;
	if (gn_household_gap(app->db, h, &std, st, &gap) == GN_OK) {
		section(d, std.name);
		/* Under the ward's standard the indicators are selectable: a
		 * status key sets the one under the cursor. */
		bool current = standard_id == app->standard.id;
		for (int i = 0; i < std.n_indicators; i++) {
			gn_doc_line(d, current ? std.indicators[i].id : 0);
			gn_doc_span(d, GN_ROLE_ROW, "  ");
			gn_doc_cell(d, st[i]);
			gn_doc_span(d, GN_ROLE_ROW, " %-4s ", std.indicators[i].code);
			gn_view_span_fixed(d, GN_ROLE_ROW, gn_indicator_name(&std.indicators[i]), 38);
			static const gn_color_role roles[] = { GN_ROLE_NOT_DEPRIVED, GN_ROLE_DEPRIVED,
							       GN_ROLE_ADDRESSING, GN_ROLE_RESOLVED };
			gn_doc_span(d, roles[st[i]], " %s", gn_ind_status_label(st[i]));
			for (int k = 0; k < n_items; k++)
				if (items[k].indicator_id == std.indicators[i].id)
					gn_doc_span(d, GN_ROLE_HELP, " · %s (%s)", gn_support_kind_label(items[k].kind),
						    gn_support_status_label(items[k].status));
		}
		char sentence[512];
		gn_exit_gap_describe(&gap, sentence, sizeof sentence);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s: ", _("Exit gap"));
		gn_doc_span(d, gap.cls == GN_CLASS_POOR ? GN_ROLE_DEPRIVED : GN_ROLE_RESOLVED, "%s", sentence);
	}
	gn_standard_clear(&std);
}

static void members(gn_doc *d, gn_app *app, const gn_household *h)
{
	gn_member *m;
	int n;
	if (gn_member_list(app->db, h->id, &m, &n) != GN_OK)
		return;
	char heading[64];
	snprintf(heading, sizeof heading, "%s (%d)", _("Members"), n);
	section(d, heading);
	for (int i = 0; i < n; i++) {
		char born[11];
		gn_date date;
		if (gn_date_parse_iso(m[i].birth, &date) == GN_DATE_OK)
			gn_date_format_dmy(date, born);
		else
			snprintf(born, sizeof born, "%s", m[i].birth);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  ");
		gn_view_span_fixed(d, GN_ROLE_ROW, m[i].full_name, 24);
		gn_view_span_fixed(d, GN_ROLE_ROW, m[i].relation, 8);
		gn_doc_span(d, GN_ROLE_ROW, " %-10s  %-12s  %s", born, m[i].cccd ? m[i].cccd : "",
			    m[i].health_card[0] ? _("health insurance") : "");
	}
	gn_member_list_free(m, n);
}

static void helpers(gn_doc *d, gn_app *app, const gn_household *h)
{
	gn_helper *hp;
	int n;
	if (gn_household_helpers(app->db, h->id, &hp, &n) != GN_OK)
		return;
	section(d, _("Agencies helping"));
	for (int i = 0; i < n; i++) {
		gn_doc_line(d, 0);
		gn_doc_span(d, hp[i].role == GN_ROLE_LEAD ? GN_ROLE_HEADER : GN_ROLE_ROW, "  ");
		gn_view_span_fixed(d, hp[i].role == GN_ROLE_LEAD ? GN_ROLE_HEADER : GN_ROLE_ROW,
				   gn_role_label(hp[i].role), 10);
		gn_doc_span(d, GN_ROLE_ROW, " %s — %s", hp[i].agency_code, hp[i].agency_name);
		if (hp[i].staff_name[0])
			gn_doc_span(d, GN_ROLE_HELP, "; %s: %s %s", _("follows the household"), hp[i].staff_name,
				    hp[i].staff_phone);
	}
	free(hp);
}

static void support_plan(gn_doc *d, const gn_support *items, int n)
{
	char heading[64];
	snprintf(heading, sizeof heading, "%s (%d)", _("Support plan"), n);
	section(d, heading);
	for (int i = 0; i < n; i++) {
		char planned[11] = "", value[48] = "";
		if (gn_date_is_set(items[i].planned))
			gn_date_format_dmy(items[i].planned, planned);
		if (items[i].cash || items[i].in_kind_value)
			gn_money_format(items[i].cash + items[i].in_kind_value, value, sizeof value);
		else if (items[i].loan_principal)
			gn_money_format(items[i].loan_principal, value, sizeof value);
		else if (items[i].person_days)
			snprintf(value, sizeof value, _("%d person-days"), items[i].person_days);
		/* Negative: an item, told apart from the indicators' links (e edits it). */
		gn_doc_line(d, -items[i].id);
		gn_doc_span(d, GN_ROLE_ROW, "  %-10s %-4s %-9s ", planned, items[i].indicator_code,
			    items[i].agency_code);
		gn_view_span_fixed(d, GN_ROLE_ROW, gn_support_kind_label(items[i].kind), 30);
		gn_doc_span(d, GN_ROLE_ROW, " %14s  ", value);
		gn_doc_span(d, items[i].status == GN_SUPPORT_DELIVERED ? GN_ROLE_ON_TIME : GN_ROLE_DUE_SOON, "%s",
			    gn_support_status_label(items[i].status));
		gn_doc_span(d, GN_ROLE_HELP, "  %s", items[i].description);
	}
}

/* The lead agency reports on the household every month: its record. */
static void reports(gn_doc *d, gn_app *app, const gn_household *h)
{
	gn_helper *hp;
	int n;
	if (gn_household_helpers(app->db, h->id, &hp, &n) != GN_OK)
		return;
	long long lead = 0;
	for (int i = 0; i < n; i++)
		if (hp[i].role == GN_ROLE_LEAD)
			lead = hp[i].agency_id;
	free(hp);
	section(d, _("Reports of the lead agency"));
	if (!lead) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_HELP, "  %s", _("none assigned yet"));
		return;
	}
	gn_deadline_filter f = { .agency_id = lead, .to = app->today };
	gn_deadline_row *rows;
	if (gn_deadline_query(app->db, &f, app->today, &rows, &n) != GN_OK)
		return;
	for (int i = 0; i < n; i++) {
		char due[11], when[64];
		gn_date_format_dmy(rows[i].due, due);
		gn_deadline_status_describe(rows[i].status, rows[i].due, app->today, when, sizeof when);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  %s  %s — %s  ", due, rows[i].title, rows[i].agency_code);
		gn_doc_span(d, gn_view_deadline_role(rows[i].status), "%s", when);
	}
	free(rows);
}

static const char *entity_label(const char *entity)
{
	if (strcmp(entity, "household") == 0)
		return _("household");
	if (strcmp(entity, "member") == 0)
		return _("member");
	if (strcmp(entity, "household_indicator") == 0)
		return _("indicator");
	if (strcmp(entity, "assignment") == 0)
		return _("assignment");
	return _("support item");
}

static void history(gn_doc *d, gn_app *app, const gn_household *h)
{
	gn_audit_change *rows;
	int n;
	gn_audit_filter f = { .household_id = h->id, .limit = 15 };
	if (gn_audit_query(app->db, &f, &rows, &n) != GN_OK)
		return;
	section(d, _("History (newest first)"));
	for (int i = 0; i < n; i++) {
		/* Stored in UTC as YYYY-MM-DDTHH:MM:SSZ; shown as dd/mm/yyyy HH:MM. */
		gn_date day;
		char shown[11] = "";
		char iso[11];
		snprintf(iso, sizeof iso, "%.10s", rows[i].at);
		if (gn_date_parse_iso(iso, &day) == GN_DATE_OK)
			gn_date_format_dmy(day, shown);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  %s %.5s UTC  %-12s %s %s", shown, rows[i].at + 11, rows[i].actor,
			    entity_label(rows[i].entity), gn_audit_action_label(&rows[i]));
	}
	gn_audit_changes_free(rows, n);
}

static void build(detail *s, gn_view *v, gn_app *app)
{
	gn_doc_clear(&s->doc);
	s->changes = app->changes;
	gn_household h;
	if (gn_household_load(app->db, v->arg, &h) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This household can no longer be found."));
		return;
	}
	snprintf(s->title, sizeof s->title, "%s %s", _("Household"), h.code);
	gn_support *items = NULL;
	int n_items = 0;
	gn_support_list_household(app->db, h.id, &items, &n_items);
	identity(&s->doc, &h);
	long long ids[8];
	int n = gn_standard_ids(app->db, ids, 8);
	for (int i = 0; i < n; i++)
		indicators(&s->doc, app, &h, ids[i], items, n_items);
	members(&s->doc, app, &h);
	helpers(&s->doc, app, &h);
	support_plan(&s->doc, items, n_items);
	reports(&s->doc, app, &h);
	history(&s->doc, app, &h);
	free(items);
	gn_household_clear(&h);
}

static void load(gn_view *v, gn_app *app)
{
	detail *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->doc.cursor = -1;
	build(s, v, app);
}

/* Builds the doc again, the cursor on the same line (an indicator) and the
 * same part of the doc on screen. */
static void rebuild(detail *s, gn_view *v, gn_app *app)
{
	long long link = s->doc.cursor >= 0 && s->doc.cursor < s->doc.n ? s->doc.lines[s->doc.cursor].link : 0;
	int top = s->doc.top;
	bool follow = s->doc.follow;
	build(s, v, app);
	s->doc.top = top;
	s->doc.follow = follow;
	gn_view_doc_select(&s->doc, link);
}

static void free_state(gn_view *v)
{
	detail *s = v->state;
	if (s) {
		gn_hh_form_free(s->form);
		gn_fscreen_free(s->sub);
		gn_doc_clear(&s->doc);
	}
	free(s);
}

/* Sets the indicator under the cursor. */
static int set_indicator(detail *s, gn_view *v, gn_app *app, gn_ind_status status)
{
	gn_view_set_indicator(app, v->arg, gn_doc_selected(&s->doc), status);
	rebuild(s, v, app);
	return GN_UI_REDRAW;
}

static int key(gn_view *v, gn_app *app, int k)
{
	detail *s = v->state;
	if (s && s->sub) {
		gn_fscreen_state state;
		int flags = gn_fscreen_key_in(&s->sub, app, k, &state);
		if (state != GN_FSCREEN_OPEN)
			rebuild(s, v, app);
		return flags;
	}
	if (s && s->del.asking) {
		bool deleted = gn_delete_answer(&s->del, app, k);
		/* The household deleted: its detail has nothing left to show. */
		if (deleted && s->del.kind == GN_RECORD_HOUSEHOLD)
			gn_app_pop(app);
		else if (deleted)
			rebuild(s, v, app);
		return GN_UI_REDRAW;
	}
	if (!s || !s->form)
		return GN_UI_IGNORED;
	gn_hh_form_state state;
	long long id;
	int flags = gn_hh_form_key(s->form, app, k, &state, &id);
	if (state != GN_HH_FORM_OPEN) {
		gn_hh_form_free(s->form);
		s->form = NULL;
		rebuild(s, v, app);
	}
	return flags | GN_UI_REDRAW;
}

bool gn_household_open_assign_form(gn_app *app, long long household_id)
{
	gn_view *v = gn_app_push(app, &gn_view_household, household_id);
	detail *s = v ? v->state : NULL;
	if (!s)
		return false;
	s->sub = gn_assign_form_open(app, household_id);
	return s->sub != NULL;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	detail *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	gn_ind_status status;
	if (gn_view_indicator_action(a, &status))
		return set_indicator(s, v, app, status);
	switch (a) {
	case GN_ACT_EDIT:
		if (gn_doc_selected(&s->doc) < 0)
			s->sub = gn_support_form_open(app, -gn_doc_selected(&s->doc), v->arg);
		else
			s->form = gn_hh_form_open(app, v->arg);
		return GN_UI_REDRAW;
	case GN_ACT_ADD:
		s->sub = gn_support_form_open(app, 0, v->arg);
		return GN_UI_REDRAW;
	case GN_ACT_ASSIGN:
		s->sub = gn_assign_form_open(app, v->arg);
		return GN_UI_REDRAW;
	case GN_ACT_DELETE:
		/* On a support line, that item; anywhere else, the household. */
		if (gn_doc_selected(&s->doc) < 0)
			gn_delete_ask(&s->del, app, GN_RECORD_SUPPORT, -gn_doc_selected(&s->doc));
		else
			gn_delete_ask(&s->del, app, GN_RECORD_HOUSEHOLD, v->arg);
		return GN_UI_REDRAW;
	default:
		break;
	}
	return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS);
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	detail *s = v->state;
	if (!s)
		return;
	if (s->sub) {
		gn_fscreen_draw(s->sub, app, w, rows, cols);
		return;
	}
	if (s->form) {
		gn_hh_form_draw(s->form, app, w, rows, cols);
		return;
	}
	if (s->changes != app->changes)
		rebuild(s, v, app);
	gn_doc_draw(&s->doc, w, rows, cols);
	gn_delete_draw(&s->del, w, rows, cols);
}

static const gn_action hints[] = {
	GN_ACT_BACK, GN_ACT_EDIT, GN_ACT_ADD, GN_ACT_ASSIGN, GN_ACT_SET_DEPRIVED, GN_ACT_SET_ADDRESSING, GN_ACT_SET_RESOLVED,
	GN_ACT_SET_NOT_DEPRIVED, GN_ACT_HELP, GN_ACT_QUIT, GN_ACT_NONE,
};

const gn_view_ops gn_view_household = {
	.id = "household", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .hints = hints,
};
