/* The agency form: name, short code, kind, contact person and phone. */
#include "agency_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/form_check.h"
#include "giamngheo/i18n.h"

enum { F_CODE, F_NAME, F_KIND, F_CONTACT, F_PHONE, N_FIELDS };
#define N_KINDS (GN_AGENCY_OTHER + 1)

typedef struct {
	gn_agency base;      /* as loaded; id 0 for a new agency */
	gn_agency current;   /* after a conflict: as stored now */
} agency_form;

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)app;
	agency_form *o = ctx;
	const gn_agency *a = theirs ? &o->current : &o->base;
	gn_form_text(f, _("Short code"), a->code, sizeof a->code - 1);
	gn_form_text(f, _("Agency name"), a->name, sizeof a->name - 1);
	const char *kinds[N_KINDS];
	for (int k = 0; k < N_KINDS; k++)
		kinds[k] = gn_agency_kind_label((gn_agency_kind)k);
	gn_form_choice(f, _("Kind"), kinds, N_KINDS, (int)a->kind);
	gn_form_text(f, _("Contact person"), a->contact_person, sizeof a->contact_person - 1);
	gn_form_text(f, _("Phone"), a->phone, sizeof a->phone - 1);
	return f->n == N_FIELDS;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	agency_form *o = ctx;
	const char *text = gn_form_value(f, i);
	char msg[192] = "";
	if (i == F_CODE)
		gn_check_agency_code(app->db, text, o->base.id, msg, sizeof msg);
	else if (i == F_NAME)
		gn_check_required(text, _("Enter the agency's name."), msg, sizeof msg);
	else if (i == F_PHONE)
		gn_check_phone(text, msg, sizeof msg);
	gn_form_set_error(f, i, msg);
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	agency_form *o = ctx;
	gn_agency mine = o->base;
	snprintf(mine.code, sizeof mine.code, "%s", gn_form_value(f, F_CODE));
	snprintf(mine.name, sizeof mine.name, "%s", gn_form_value(f, F_NAME));
	mine.kind = (gn_agency_kind)gn_form_choice_of(f, F_KIND);
	snprintf(mine.contact_person, sizeof mine.contact_person, "%s", gn_form_value(f, F_CONTACT));
	snprintf(mine.phone, sizeof mine.phone, "%s", gn_form_value(f, F_PHONE));
	gn_status s = mine.id ? gn_agency_update(app->db, &mine, &o->current) : gn_agency_insert(app->db, &mine);
	switch (s) {
	case GN_OK:
		o->base = mine;
		app->changes++;
		gn_app_notice(app, false, _("Saved agency %s — %s."), mine.code, mine.name);
		break;
	case GN_ERR_DUPLICATE:
		gn_form_set_error(f, F_CODE, _("This code is already used by another agency."));
		return GN_ERR_INVALID;
	default:
		return gn_fscreen_save_refused(app, s, _("This agency was deleted meanwhile; nothing was saved."));
	}
	return s;
}

static void adopt_theirs(void *ctx)
{
	agency_form *o = ctx;
	o->base = o->current;
}

static long long record(void *ctx)
{
	return ((agency_form *)ctx)->base.id;
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free,
	.record = record,
};

gn_fscreen *gn_agency_form_open(gn_app *app, long long id)
{
	agency_form *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->base.kind = GN_AGENCY_ORGANISATION;
	if (id && gn_agency_load(app->db, id, &o->base) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This agency can no longer be found."));
		free(o);
		return NULL;
	}
	char title[160];
	if (id)
		snprintf(title, sizeof title, "%s %s", _("Edit agency"), o->base.code);
	else
		snprintf(title, sizeof title, "%s", _("New agency"));
	gn_fscreen *fs = gn_fscreen_open(app, &ops, o, title);
	if (fs)
		gn_fscreen_keep_drafts(fs, app, GN_AGENCY_FORM_DRAFT, id, F_NAME);
	return fs;
}
