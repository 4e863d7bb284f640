/* The staff form: a member of an agency's staff who follows households. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"
#include "giamngheo/agency.h"
#include "giamngheo/form_check.h"
#include "giamngheo/i18n.h"

enum { F_NAME, F_POSITION, F_PHONE, N_FIELDS };

typedef struct {
	gn_staff base;       /* as loaded; id 0 for a new member */
	gn_staff current;    /* after a conflict: as stored now */
} staff_form;

static void build(gn_form *f, const gn_staff *s)
{
	gn_form_init(f);
	gn_form_text(f, _("Full name"), s->full_name, sizeof s->full_name - 1);
	gn_form_text(f, _("Position"), s->position, sizeof s->position - 1);
	gn_form_text(f, _("Phone"), s->phone, sizeof s->phone - 1);
}

static void validate(gn_form_screen *fs, gn_app *app, int i)
{
	(void)app;
	const char *text = gn_form_value(&fs->form, i);
	char msg[192] = "";
	if (i == F_NAME)
		gn_check_required(text, _("Enter the staff member's name."), msg, sizeof msg);
	else if (i == F_PHONE)
		gn_check_phone(text, msg, sizeof msg);
	gn_form_set_error(&fs->form, i, msg);
}

static gn_fs_save save(gn_form_screen *fs, gn_app *app, bool over_theirs)
{
	staff_form *o = fs->owner;
	const gn_form *f = &fs->form;
	gn_staff mine = o->base;
	if (over_theirs)
		mine.version = o->current.version;
	snprintf(mine.full_name, sizeof mine.full_name, "%s", gn_form_value(f, F_NAME));
	snprintf(mine.position, sizeof mine.position, "%s", gn_form_value(f, F_POSITION));
	snprintf(mine.phone, sizeof mine.phone, "%s", gn_form_value(f, F_PHONE));
	gn_status s = mine.id ? gn_staff_update(app->db, &mine, &o->current) : gn_staff_insert(app->db, &mine);
	switch (s) {
	case GN_OK:
		o->base = mine;
		fs->saved_id = mine.id;
		gn_app_notice(app, false, _("Saved staff member %s."), mine.full_name);
		return GN_FS_SAVE_OK;
	case GN_ERR_CONFLICT:
		build(&fs->theirs, &o->current);
		return GN_FS_SAVE_CONFLICT;
	case GN_ERR_NOT_FOUND:
		gn_app_notice(app, true, "%s", _("This staff member was deleted meanwhile; nothing was saved."));
		return GN_FS_SAVE_REFUSED;
	default:
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return GN_FS_SAVE_REFUSED;
	}
}

static const gn_fs_ops ops = { .validate = validate, .save = save, .free = free };

gn_form_screen *gn_staff_form_open(gn_app *app, long long agency_id, long long staff_id)
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
	gn_form_screen *fs = gn_fs_new(&ops, o, title, 24);
	if (!fs) {
		free(o);
		return NULL;
	}
	build(&fs->form, &o->base);
	if (fs->form.n != N_FIELDS) {
		gn_fs_free(fs);
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return NULL;
	}
	return fs;
}
