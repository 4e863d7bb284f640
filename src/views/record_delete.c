/* Deleting a record, after a question that names it, and undoing it. */
#include "record_delete.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/support.h"

/* The record's name as the question and the notices say it, and the
 * version to delete. */
static gn_status describe_household(gn_app *app, long long id, int *version, char *label, size_t size)
{
	gn_household h;
	gn_status s = gn_household_load(app->db, id, &h);
	if (s != GN_OK)
		return s;
	*version = h.version;
	snprintf(label, size, _("household %s — %s"), h.code, h.head_name);
	gn_household_clear(&h);
	return GN_OK;
}

static gn_status describe_support(gn_app *app, long long id, int *version, char *label, size_t size)
{
	gn_support it;
	gn_status s = gn_support_load(app->db, id, &it);
	if (s != GN_OK)
		return s;
	gn_household h;
	s = gn_household_load(app->db, it.household_id, &h);
	if (s == GN_OK) {
		char what[160], planned[11];
		snprintf(what, sizeof what, "%s", gn_support_kind_label(it.kind));
		if (gn_date_is_set(it.planned)) {
			gn_date_format_dmy(it.planned, planned);
			snprintf(what + strlen(what), sizeof what - strlen(what), " %s", planned);
		}
		*version = it.version;
		snprintf(label, size, _("support item %s of household %s"), what, h.code);
		gn_household_clear(&h);
	}
	gn_support_clear(&it);
	return s;
}

static gn_status describe_staff(gn_app *app, long long id, int *version, char *label, size_t size)
{
	gn_staff st;
	gn_agency a;
	gn_status s = gn_staff_load(app->db, id, &st);
	if (s == GN_OK)
		s = gn_agency_load(app->db, st.agency_id, &a);
	if (s != GN_OK)
		return s;
	*version = st.version;
	snprintf(label, size, _("staff member %s of agency %s"), st.full_name, a.code);
	return GN_OK;
}

static gn_status describe_agency(gn_app *app, long long id, int *version, char *label, size_t size)
{
	gn_agency a;
	gn_status s = gn_agency_load(app->db, id, &a);
	if (s != GN_OK)
		return s;
	*version = a.version;
	snprintf(label, size, _("agency %s — %s"), a.code, a.name);
	return GN_OK;
}

typedef struct {
	gn_status (*describe)(gn_app *app, long long id, int *version, char *label, size_t size);
	gn_status (*remove)(gn_db *db, long long id, int version);
	gn_status (*restore)(gn_db *db, long long id);
} record_ops;

static const record_ops ops_of[] = {
	[GN_RECORD_HOUSEHOLD] = { describe_household, gn_household_delete, gn_household_restore },
	[GN_RECORD_SUPPORT] = { describe_support, gn_support_delete, gn_support_restore },
	[GN_RECORD_STAFF] = { describe_staff, gn_staff_delete, gn_staff_restore },
	[GN_RECORD_AGENCY] = { describe_agency, gn_agency_delete, gn_agency_restore },
};

static const record_ops *ops(gn_record_kind kind)
{
	return kind > GN_RECORD_NONE && kind <= GN_RECORD_AGENCY ? &ops_of[kind] : NULL;
}

void gn_delete_ask(gn_delete *d, gn_app *app, gn_record_kind kind, long long id)
{
	memset(d, 0, sizeof *d);
	const record_ops *o = ops(kind);
	gn_status s = o && id ? o->describe(app, id, &d->version, d->label, sizeof d->label) : GN_ERR_NOT_FOUND;
	if (s != GN_OK) {
		gn_app_notice(app, true, "%s",
			      s == GN_ERR_NOT_FOUND ? _("This record can no longer be found.") : gn_status_message(s));
		return;
	}
	d->asking = true;
	d->kind = kind;
	d->id = id;
}

bool gn_delete_answer(gn_delete *d, gn_app *app, int key)
{
	d->asking = false;
	if (key != 'y' && key != 'Y' && key != 'c' && key != 'C') {
		gn_app_notice(app, false, _("Not deleted: %s."), d->label);
		return false;
	}
	gn_status s = ops(d->kind)->remove(app->db, d->id, d->version);
	switch (s) {
	case GN_OK:
		app->changes++;
		app->undo.kind = d->kind;
		app->undo.id = d->id;
		snprintf(app->undo.label, sizeof app->undo.label, "%s", d->label);
		gn_app_notice(app, false, _("Deleted %s. Press u to undo."), d->label);
		return true;
	case GN_ERR_CONFLICT:
		gn_app_notice(app, true, _("Someone changed %s meanwhile: look at it again before deleting it."),
			      d->label);
		app->changes++;
		return false;
	case GN_ERR_NOT_FOUND:
		gn_app_notice(app, true, _("Someone else deleted %s already."), d->label);
		app->changes++;
		return false;
	default:
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return false;
	}
}

void gn_delete_draw(const gn_delete *d, WINDOW *w, int rows, int cols)
{
	if (!d->asking || rows < 1)
		return;
	char line[512];
	snprintf(line, sizeof line, _("Delete %s? (y/n) It leaves the lists and reports; u undoes it."), d->label);
	gn_ui_fill(w, rows - 1, 0, cols, gn_ui_attr(GN_ROLE_ERROR));
	gn_ui_put(w, rows - 1, 0, cols, line, gn_ui_attr(GN_ROLE_ERROR));
}

int gn_app_undo(gn_app *app)
{
	const record_ops *o = ops(app->undo.kind);
	if (!o) {
		gn_app_notice(app, false, "%s", _("Nothing to undo: nothing was deleted in this session."));
		return GN_UI_REDRAW;
	}
	gn_status s = o->restore(app->db, app->undo.id);
	if (s == GN_OK) {
		app->changes++;
		gn_app_notice(app, false, _("Restored %s."), app->undo.label);
	} else if (s == GN_ERR_NOT_FOUND) {
		gn_app_notice(app, true, _("Nothing to undo: someone restored %s already."), app->undo.label);
	} else {
		/* Refused or failed: it stays the one u brings back. */
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return GN_UI_REDRAW;
	}
	app->undo.kind = GN_RECORD_NONE;
	return GN_UI_REDRAW;
}
