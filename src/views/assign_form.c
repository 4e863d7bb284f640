/* The assignment form: one lead, its staff member, any supporters. */
#include "assign_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/assignment.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"

enum { F_LEAD, F_STAFF, F_FIRST_SUPPORTER };

/* Room for the supporters' check boxes after the two choices. */
#define MAX_BOXES (GN_FORM_MAX_FIELDS - F_FIRST_SUPPORTER)

typedef struct {
	long long household_id;
	gn_assignment_set base, theirs;
	gn_agency_choices agencies;
	int n_boxes;
	gn_staff *staff;
	int n_staff;
} assign_form;

static void free_ctx(void *ctx)
{
	assign_form *s = ctx;
	free(s->staff);
	free(s);
}

static bool supports(const gn_assignment_set *a, long long id)
{
	for (int i = 0; i < a->n_support; i++)
		if (a->support_ids[i] == id)
			return true;
	return false;
}

static const char *agency_code_of(const assign_form *s, long long id)
{
	int c = gn_agency_choice_of(&s->agencies, id);
	return c ? s->agencies.shown[c - 1] : "";
}

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)app;
	assign_form *s = ctx;
	const gn_assignment_set *a = theirs ? &s->theirs : &s->base;
	gn_form_choice(f, _("Lead agency"), s->agencies.texts, s->agencies.n + 1,
		       gn_agency_choice_of(&s->agencies, a->lead_id));
	const char **names = calloc((size_t)s->n_staff + 1, sizeof *names);
	char (*shown)[200] = calloc((size_t)s->n_staff + 1, sizeof *shown);
	int staff = 0;
	if (!names || !shown) {
		free(names);
		free(shown);
		return false;
	}
	names[0] = _("none");
	for (int i = 0; i < s->n_staff; i++) {
		/* The agency's code only: the name would push the person off the line. */
		const char *shown_agency = agency_code_of(s, s->staff[i].agency_id);
		int code_len = (int)strcspn(shown_agency, " ");
		snprintf(shown[i], sizeof shown[i], "%s — %.*s", s->staff[i].full_name, code_len, shown_agency);
		names[i + 1] = shown[i];
		if (s->staff[i].id == a->staff_id)
			staff = i + 1;
	}
	gn_form_choice(f, _("Staff member following it"), names, s->n_staff + 1, staff);
	free(names);
	free(shown);
	for (int i = 0; i < s->n_boxes; i++) {
		char label[256];
		snprintf(label, sizeof label, "%s %s", _("Supporting:"), s->agencies.shown[i]);
		gn_form_check(f, label, supports(a, s->agencies.ids[i]));
	}
	return f->n == F_FIRST_SUPPORTER + s->n_boxes;
}

static long long lead_of(const assign_form *s, const gn_form *f)
{
	int c = gn_form_choice_of(f, F_LEAD);
	return c > 0 ? s->agencies.ids[c - 1] : 0;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	(void)app;
	assign_form *s = ctx;
	long long lead = lead_of(s, f);
	if (i == F_LEAD) {
		/* The lead does not also support: promoting a supporter unticks it. */
		int box = gn_agency_choice_of(&s->agencies, lead) - 1;
		if (box >= 0 && box < s->n_boxes)
			gn_form_set_checked(f, F_FIRST_SUPPORTER + box, false);
	}
	if (i == F_LEAD || i == F_STAFF) {
		char msg[192] = "";
		int st = gn_form_choice_of(f, F_STAFF);
		if (st > 0 && !lead)
			snprintf(msg, sizeof msg, "%s", _("Choose the lead agency first: the staff member follows the household for it."));
		else if (st > 0 && s->staff[st - 1].agency_id != lead)
			snprintf(msg, sizeof msg, _("%s does not work for the lead agency."), s->staff[st - 1].full_name);
		gn_form_set_error(f, F_STAFF, msg);
	}
	if (i >= F_FIRST_SUPPORTER) {
		bool is_lead = s->agencies.ids[i - F_FIRST_SUPPORTER] == lead;
		gn_form_set_error(f, i, is_lead && gn_form_checked(f, i) ? _("This is the lead agency already.") : "");
	}
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	assign_form *s = ctx;
	gn_assignment_set mine = { .lead_id = lead_of(s, f) };
	int st = gn_form_choice_of(f, F_STAFF);
	mine.staff_id = st > 0 ? s->staff[st - 1].id : 0;
	for (int i = 0; i < s->n_boxes && mine.n_support < GN_MAX_SUPPORTERS; i++)
		if (gn_form_checked(f, F_FIRST_SUPPORTER + i))
			mine.support_ids[mine.n_support++] = s->agencies.ids[i];
	/* Supporters the form has no box for stay as they are. */
	for (int i = 0; i < s->base.n_support && mine.n_support < GN_MAX_SUPPORTERS; i++)
		if (gn_agency_choice_of(&s->agencies, s->base.support_ids[i]) - 1 >= s->n_boxes)
			mine.support_ids[mine.n_support++] = s->base.support_ids[i];
	gn_status rc = gn_assignment_save(app->db, s->household_id, &s->base, &mine, &s->theirs);
	if (rc == GN_OK) {
		app->changes++;
		gn_assignment_normalise(&mine);
		s->base = mine;
		gn_app_notice(app, false, ngettext("Saved: lead %s, %d supporting agency.",
						   "Saved: lead %s, %d supporting agencies.",
						   (unsigned long)mine.n_support),
			      mine.lead_id ? agency_code_of(s, mine.lead_id) : _("none"), mine.n_support);
	} else if (rc != GN_ERR_CONFLICT) {
		gn_app_notice(app, true, "%s", gn_status_message(rc));
	}
	return rc == GN_ERR_INVALID ? GN_ERR_DB : rc;
}

static void adopt_theirs(void *ctx)
{
	assign_form *s = ctx;
	s->base = s->theirs;
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free_ctx,
};

gn_fscreen *gn_assign_form_open(gn_app *app, long long household_id)
{
	assign_form *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->household_id = household_id;
	gn_household h;
	if (gn_household_load(app->db, household_id, &h) != GN_OK ||
	    gn_assignment_load(app->db, household_id, &s->base) != GN_OK ||
	    !gn_fscreen_agencies(app, &s->agencies) || gn_staff_all(app->db, &s->staff, &s->n_staff) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This household can no longer be found."));
		free_ctx(s);
		return NULL;
	}
	s->n_boxes = s->agencies.n < MAX_BOXES ? s->agencies.n : MAX_BOXES;
	char title[200];
	snprintf(title, sizeof title, "%s %s — %s", _("Agencies helping household"), h.code, h.head_name);
	gn_household_clear(&h);
	return gn_fscreen_open(app, &ops, s, title);
}
