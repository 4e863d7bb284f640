/* The ward's history: the newest changes to any record, who made them and
 * what each field was before and after. A change to a household or to
 * anything hanging off it opens the household with Enter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ui/ui.h"
#include "giamngheo/audit.h"
#include "giamngheo/i18n.h"
#include "giamngheo/text.h"
#include "views.h"

#define MAX_CHANGES 500
#define VALUE_COLS 40

static const char *title(const gn_view *v)
{
	(void)v;
	return _("History of changes");
}

static void change_lines(gn_doc *d, const gn_audit_change *c)
{
	gn_date day;
	char iso[11], shown[11] = "";
	snprintf(iso, sizeof iso, "%.10s", c->at);
	if (gn_date_parse_iso(iso, &day) == GN_DATE_OK)
		gn_date_format_dmy(day, shown);
	gn_doc_line(d, c->household_id);
	gn_doc_span(d, GN_ROLE_ROW, "  %s %.5s UTC  ", shown, strlen(c->at) > 11 ? c->at + 11 : "");
	gn_view_span_fixed(d, GN_ROLE_HELP, c->actor, 13);
	if (c->label[0])
		gn_doc_span(d, GN_ROLE_ROW, "%s %s", c->entity, c->label);
	else
		gn_doc_span(d, GN_ROLE_ROW, "%s #%lld", c->entity, c->entity_id);
	gn_doc_span(d, GN_ROLE_HEADER, "  %s", gn_audit_action_label(c));
	for (int k = 0; k < c->n_fields; k++) {
		char before[256], after[256];
		gn_audit_value_shown(c->fields[k].before, VALUE_COLS, before, sizeof before);
		gn_audit_value_shown(c->fields[k].after, VALUE_COLS, after, sizeof after);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "      %s: ", c->fields[k].field);
		gn_doc_span(d, GN_ROLE_RESOLVED, "%s", before);
		gn_doc_span(d, GN_ROLE_ROW, " → ");
		gn_doc_span(d, GN_ROLE_PROGRESS, "%s", after);
	}
}

static void load(gn_view *v, gn_app *app)
{
	gn_doc *d = gn_view_doc_new(v);
	if (!d)
		return;
	gn_audit_filter f = { .limit = MAX_CHANGES };
	gn_audit_change *changes;
	int n;
	gn_status st = gn_audit_query(app->db, &f, &changes, &n);
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s", gn_view_read_error(st, _("The history cannot be read from the database.")));
		return;
	}
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER,
		    ngettext("History: the newest %d change, newest first (Enter opens the household)",
			     "History: the newest %d changes, newest first (Enter opens the household)",
			     (unsigned long)n), n);
	if (n == 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  %s", _("none"));
	}
	for (int i = 0; i < n; i++)
		change_lines(d, &changes[i]);
	gn_audit_changes_free(changes, n);
}

static const gn_action hints[] = {
	GN_ACT_OPEN, GN_ACT_VIEW_DASHBOARD, GN_ACT_MENU, GN_ACT_HELP, GN_ACT_QUIT, GN_ACT_NONE,
};

const gn_view_ops gn_view_history = {
	.id = "history", .title = title, .load = load, .free = gn_view_doc_free, .act = gn_view_doc_act, .draw = gn_view_doc_draw,
	.hints = hints, .reload_on_change = true,
};
