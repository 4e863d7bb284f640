/* At the start: the officer's unsaved forms, one at a time, each offered
 * back. c reopens the form with what was typed; k throws the draft away (a
 * plain no); Esc keeps it for the next start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/draft.h"
#include "giamngheo/i18n.h"
#include "account_form.h"
#include "agency_form.h"
#include "assign_form.h"
#include "household_form.h"
#include "support_form.h"
#include "views.h"

/* Which screen reopens a draft of each kind of form: a form that keeps
 * drafts adds its line here. */
static const struct {
	const char *kind;
	bool (*open)(gn_app *app, long long record_id);
} openers[] = {
	{ GN_HH_FORM_DRAFT, gn_households_open_form },
	{ GN_SUPPORT_FORM_DRAFT, gn_support_open_form },
	{ GN_ASSIGN_FORM_DRAFT, gn_household_open_assign_form },
	{ GN_AGENCY_FORM_DRAFT, gn_agencies_open_agency_form },
	{ GN_STAFF_FORM_DRAFT, gn_agencies_open_staff_form },
	{ GN_REPORT_FORM_DRAFT, gn_deadlines_open_report_form },
	{ GN_ACCOUNT_FORM_DRAFT, gn_users_open_form },
};

typedef struct {
	gn_draft *drafts;
	int n, at;
} offer;

static bool (*opener_of(const char *kind))(gn_app *, long long)
{
	for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
		if (strcmp(openers[i].kind, kind) == 0)
			return openers[i].open;
	return NULL;
}

bool gn_draft_offer_pending(gn_app *app)
{
	gn_draft *d;
	int n;
	if (gn_draft_list(app->db, &d, &n) != GN_OK)
		return false;
	bool any = false;
	for (int i = 0; i < n; i++)
		any = any || opener_of(d[i].kind);
	gn_draft_list_free(d, n);
	return any;
}

static const char *title(const gn_view *v)
{
	(void)v;
	return _("Unsaved drafts");
}

/* Moves to the next draft some screen can reopen; false when none is left. */
static bool next(offer *s)
{
	while (s->at < s->n && !opener_of(s->drafts[s->at].kind))
		s->at++;
	return s->at < s->n;
}

static void load(gn_view *v, gn_app *app)
{
	offer *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	if (gn_draft_list(app->db, &s->drafts, &s->n) != GN_OK)
		gn_app_notice(app, true, "%s", _("The unsaved drafts cannot be read from the database."));
	next(s);
}

static void free_state(gn_view *v)
{
	offer *s = v->state;
	if (s)
		gn_draft_list_free(s->drafts, s->n);
	free(s);
}

static int key(gn_view *v, gn_app *app, int k)
{
	offer *s = v->state;
	if (!s || s->at >= s->n) {
		gn_app_pop(app);
		return GN_UI_REDRAW;
	}
	gn_draft *d = &s->drafts[s->at];
	if (k == 'c' || k == 'C' || k == 'y' || k == 'Y' || k == GN_KEY_ENTER) {
		bool (*open)(gn_app *, long long) = opener_of(d->kind);
		long long id = d->record_id;
		gn_app_pop(app); /* frees s and d */
		if (!open(app, id))
			gn_app_notice(app, true, "%s", _("The draft cannot be reopened: its record is gone. It is kept and offered again at the next start."));
		return GN_UI_REDRAW;
	}
	if (k == 'k' || k == 'K' || k == 'n' || k == 'N') {
		if (gn_draft_discard(app->db, d->kind, d->record_id) == GN_OK)
			gn_app_notice(app, false, _("Draft discarded: %s."), d->title);
		else
			gn_app_notice(app, true, "%s", _("The draft could not be discarded; it is offered again at the next start."));
	} else if (k != GN_KEY_ESC) {
		return GN_UI_HANDLED; /* the question stays until it is answered */
	}
	s->at++;
	if (!next(s))
		gn_app_pop(app);
	return GN_UI_REDRAW;
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	(void)app;
	offer *s = v->state;
	if (!s || s->at >= s->n)
		return;
	const gn_draft *d = &s->drafts[s->at];
	char line[512];
	gn_ui_put(w, 1, 2, cols - 2, _("A form was left unsaved (the connection dropped or the program was closed)."),
		  gn_ui_attr(GN_ROLE_HEADER));
	snprintf(line, sizeof line, _("Unsaved draft: %s, at %s."), d->title, d->saved_local);
	gn_ui_put(w, 3, 2, cols - 2, line, gn_ui_attr(GN_ROLE_ROW));
	if (s->n - s->at > 1) {
		snprintf(line, sizeof line, ngettext("%d more draft after this one.", "%d more drafts after this one.",
						     (unsigned long)(s->n - s->at - 1)),
			 s->n - s->at - 1);
		gn_ui_put(w, 4, 2, cols - 2, line, gn_ui_attr(GN_ROLE_HELP));
	}
	if (rows > 6) {
		gn_ui_fill(w, 6, 0, cols, gn_ui_attr(GN_ROLE_ROW_SELECTED));
		gn_ui_put(w, 6, 2, cols - 2, _("Restore it? (y: yes, reopen the form / n: no, discard the draft / Esc: later)"),
			  gn_ui_attr(GN_ROLE_ROW_SELECTED));
	}
}

static const gn_action hints[] = { GN_ACT_NONE };

const gn_view_ops gn_view_draft_offer = {
	.id = "draft-offer", .title = title, .load = load, .free = free_state, .key = key, .draw = draw,
	.hints = hints,
};
