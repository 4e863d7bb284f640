/* The staff form: a member of an agency's staff who follows households. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_form.h"
#include "giamngheo/agency.h"
#include "giamngheo/form_check.h"
#include "giamngheo/i18n.h"

enum { F_NAME, F_POSITION, F_PHONE, N_FIELDS };

typedef struct {
	gn_staff base;       /* as loaded; id 0 for a new member */
	gn_staff current;    /* after a conflict: as stored now */
} staff_form;

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)app;
	staff_form *o = ctx;
	const gn_staff *s = theirs ? &o->current : &o->base;
	gn_form_text(f, _("Full name"), s->full_name, sizeof s->full_name - 1);
	gn_form_text(f, _("Position"), s->position, sizeof s->position - 1);
	gn_form_text(f, _("Phone"), s->phone, sizeof s->phone - 1);
	return f->n == N_FIELDS;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	(void)ctx;
	(void)app;
	const char *text = gn_form_value(f, i);
	char msg[192] = "";
	if (i == F_NAME)
		gn_check_required(text, _("Enter the staff member's name."), msg, sizeof msg);
	else if (i == F_PHONE)
		gn_check_phone(text, msg, sizeof msg);
	gn_form_set_error(f, i, msg);
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	staff_form *o = ctx;
	gn_staff mine = o->base;
	snprintf(mine.full_name, sizeof mine.full_name, "%s", gn_form_value(f, F_NAME));
	snprintf(mine.position, sizeof mine.position, "%s", gn_form_value(f, F_POSITION));
	snprintf(mine.phone, sizeof mine.phone, "%s", gn_form_value(f, F_PHONE));
	gn_status s = mine.id ? gn_staff_update(app->db, &mine, &o->current) : gn_staff_insert(app->db, &mine);
	if (s == GN_OK) {
		o->base = mine;
		app->changes++;
		gn_app_notice(app, false, _("Saved staff member %s."), mine.full_name);
		return s;
	}
	return gn_fscreen_save_refused(app, s, _("This staff member was deleted meanwhile; nothing was saved."));
}

static void adopt_theirs(void *ctx)
{
	staff_form *o = ctx;
	o->base = o->current;
}

static long long record(void *ctx)
{
	return ((staff_form *)ctx)->base.id;
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free,
	.record = record,
};

gn_fscreen *gn_staff_form_open(gn_app *app, long long agency_id, long long staff_id)
{
	staff_form *o = calloc(1, sizeof *o);
	gn_agency agency;
	if (!o)
		return NULL;
	if (gn_agency_load(app->db, agency_id, &agency) != GN_OK ||
	    (staff_id && gn_staff_load(app->db, staff_id, &o->base) != GN_OK)) {
		gn_app_notice(app, true, "%s", _("This staff member can no longer be found."));
		free(o);
		return NULL;
	}
	o->base.agency_id = agency_id;
	char title[200];
	snprintf(title, sizeof title, "%s — %s", staff_id ? _("Edit staff member") : _("New staff member"),
		 agency.code);
	gn_fscreen *fs = gn_fscreen_open(app, &ops, o, title);
	/* A new member is known by its agency, which reopening the draft needs. */
	if (fs)
		gn_fscreen_keep_drafts(fs, app, GN_STAFF_FORM_DRAFT, staff_id ? staff_id : -agency_id, F_NAME);
	return fs;
}
