/* The agency form: name, short code, kind, contact person and phone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"
#include "giamngheo/agency.h"
#include "giamngheo/form_check.h"
#include "giamngheo/i18n.h"

enum { F_CODE, F_NAME, F_KIND, F_CONTACT, F_PHONE, N_FIELDS };
#define N_KINDS (GN_AGENCY_OTHER + 1)

typedef struct {
	gn_agency base;      /* as loaded; id 0 for a new agency */
	gn_agency current;   /* after a conflict: as stored now */
} agency_form;

static void build(gn_form *f, const gn_agency *a)
{
	gn_form_init(f);
	gn_form_text(f, _("Short code"), a->code, sizeof a->code - 1);
	gn_form_text(f, _("Agency name"), a->name, sizeof a->name - 1);
	const char *kinds[N_KINDS];
	for (int k = 0; k < N_KINDS; k++)
		kinds[k] = gn_agency_kind_label((gn_agency_kind)k);
	gn_form_choice(f, _("Kind"), kinds, N_KINDS, (int)a->kind);
	gn_form_text(f, _("Contact person"), a->contact_person, sizeof a->contact_person - 1);
	gn_form_text(f, _("Phone"), a->phone, sizeof a->phone - 1);
}

static void validate(gn_form_screen *fs, gn_app *app, int i)
{
	agency_form *o = fs->owner;
	const char *text = gn_form_value(&fs->form, i);
	char msg[192] = "";
	if (i == F_CODE)
		gn_check_agency_code(app->db, text, o->base.id, msg, sizeof msg);
	else if (i == F_NAME)
		gn_check_required(text, _("Enter the agency's name."), msg, sizeof msg);
	else if (i == F_PHONE)
		gn_check_phone(text, msg, sizeof msg);
	gn_form_set_error(&fs->form, i, msg);
}

static gn_fs_save save(gn_form_screen *fs, gn_app *app, bool over_theirs)
{
	agency_form *o = fs->owner;
	const gn_form *f = &fs->form;
	gn_agency mine = o->base;
	if (over_theirs)
		mine.version = o->current.version;
	snprintf(mine.code, sizeof mine.code, "%s", gn_form_value(f, F_CODE));
	snprintf(mine.name, sizeof mine.name, "%s", gn_form_value(f, F_NAME));
	mine.kind = (gn_agency_kind)gn_form_choice_of(f, F_KIND);
	snprintf(mine.contact_person, sizeof mine.contact_person, "%s", gn_form_value(f, F_CONTACT));
	snprintf(mine.phone, sizeof mine.phone, "%s", gn_form_value(f, F_PHONE));
	gn_status s = mine.id ? gn_agency_update(app->db, &mine, &o->current) : gn_agency_insert(app->db, &mine);
	switch (s) {
	case GN_OK:
		o->base = mine;
		fs->saved_id = mine.id;
		gn_app_notice(app, false, _("Saved agency %s — %s."), mine.code, mine.name);
		return GN_FS_SAVE_OK;
	case GN_ERR_DUPLICATE:
		gn_form_set_error(&fs->form, F_CODE, _("This code is already used by another agency."));
		gn_form_focus(&fs->form, F_CODE);
		gn_app_notice(app, true, "%s", _("The form has errors: fix the fields marked, then save again."));
		return GN_FS_SAVE_REFUSED;
	case GN_ERR_CONFLICT:
		build(&fs->theirs, &o->current);
		fs->theirs_by[0] = '\0';
		fs->theirs_at[0] = '\0';
		return GN_FS_SAVE_CONFLICT;
	case GN_ERR_NOT_FOUND:
		gn_app_notice(app, true, "%s", _("This agency was deleted meanwhile; nothing was saved."));
		return GN_FS_SAVE_REFUSED;
	default:
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return GN_FS_SAVE_REFUSED;
	}
}

static const gn_fs_ops ops = { .validate = validate, .save = save, .free = free };

gn_form_screen *gn_agency_form_open(gn_app *app, long long id)
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
