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
	long long staff_lead;      /* the lead whose staff the staff field offers */
} assign_form;

static void free_ctx(void *ctx)
{
	assign_form *s = ctx;
	free(s->staff);
	free(s);
}

static const char *agency_shown(const assign_form *s, long long id)
{
	int c = gn_agency_choice_of(&s->agencies, id);
	return c ? s->agencies.shown[c - 1] : "";
}
/* The staff choices for lead: "none", then its staff; *chosen is the
 * index of staff_id among them (0 when absent). */
static bool offer_staff(const assign_form *s, gn_form *f, long long lead, long long staff_id, bool add)
{
	const char **names = calloc((size_t)s->n_staff + 1, sizeof *names);
	int n = 1, chosen = 0;
	if (!names)
		return false;
	names[0] = _("none");
	for (int i = 0; i < s->n_staff; i++) {
		if (!lead || s->staff[i].agency_id != lead)
			continue;
		if (s->staff[i].id == staff_id)
			chosen = n;
		names[n++] = s->staff[i].full_name;
	}
	bool ok = add ? gn_form_choice(f, _("Staff member following it"), names, n, chosen) >= 0
		      : gn_form_choice_set(f, F_STAFF, names, n, chosen);
	free(names);
	return ok;
}

/* The staff member chosen, 0 for none. */
static long long staff_of(const assign_form *s, const gn_form *f, long long lead)
{
	int k = gn_form_choice_of(f, F_STAFF);
	for (int i = 0; k > 0 && i < s->n_staff; i++)
		if (s->staff[i].agency_id == lead && --k == 0)
			return s->staff[i].id;
	return 0;
}

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)app;
	assign_form *s = ctx;
	const gn_assignment_set *a = theirs ? &s->theirs : &s->base;
	gn_form_choice(f, _("Lead agency"), s->agencies.texts, s->agencies.n + 1,
		       gn_agency_choice_of(&s->agencies, a->lead_id));
	if (!offer_staff(s, f, a->lead_id, a->staff_id, true))
		return false;
	for (int i = 0; i < s->n_boxes; i++) {
		char label[256];
		snprintf(label, sizeof label, "%s %s", _("Supporting:"), s->agencies.shown[i]);
		gn_form_check(f, label, gn_assignment_supports(a, s->agencies.ids[i]));
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
	if (i == F_LEAD && lead != s->staff_lead) {
		/* The lead does not also support: promoting a supporter unticks it. */
		int box = gn_agency_choice_of(&s->agencies, lead) - 1;
		if (box >= 0 && box < s->n_boxes)
			gn_form_set_checked(f, F_FIRST_SUPPORTER + box, false);
		/* Only the lead's own staff can follow the household for it. */
		long long had = staff_of(s, f, s->staff_lead);
		offer_staff(s, f, lead, had, false);
		s->staff_lead = lead;
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
	mine.staff_id = staff_of(s, f, mine.lead_id);
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
			      mine.lead_id ? agency_shown(s, mine.lead_id) : _("none"), mine.n_support);
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
	if (gn_household_load(app->db, household_id, &h) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This household can no longer be found."));
		free_ctx(s);
		return NULL;
	}
	gn_status st = gn_assignment_load(app->db, household_id, &s->base);
	if (st == GN_OK)
		st = gn_fscreen_agencies(app, &s->agencies) ? gn_staff_all(app->db, &s->staff, &s->n_staff) : GN_ERR_DB;
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(st));
		gn_household_clear(&h);
		free_ctx(s);
		return NULL;
	}
	s->n_boxes = s->agencies.n < MAX_BOXES ? s->agencies.n : MAX_BOXES;
	s->staff_lead = s->base.lead_id;
	char title[200];
	snprintf(title, sizeof title, "%s %s — %s", _("Agencies helping household"), h.code, h.head_name);
	gn_household_clear(&h);
	gn_fscreen *fs = gn_fscreen_open(app, &ops, s, title);
	if (fs)
		gn_fscreen_keep_drafts(fs, app, GN_ASSIGN_FORM_DRAFT, household_id, -1);
	return fs;
}
