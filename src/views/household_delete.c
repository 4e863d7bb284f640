/* Deleting a household, after a question that names it, and undoing it. */
#include "household_delete.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/household.h"
#include "giamngheo/i18n.h"

void gn_hh_delete_ask(gn_hh_delete *d, gn_app *app, long long id)
{
	gn_household h;
	memset(d, 0, sizeof *d);
	if (gn_household_load(app->db, id, &h) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This household can no longer be found."));
		return;
	}
	d->asking = true;
	d->id = h.id;
	d->version = h.version;
	snprintf(d->code, sizeof d->code, "%s", h.code);
	snprintf(d->name, sizeof d->name, "%s", h.head_name);
	gn_household_clear(&h);
}

bool gn_hh_delete_answer(gn_hh_delete *d, gn_app *app, int key)
{
	d->asking = false;
	if (key != 'y' && key != 'Y' && key != 'c' && key != 'C') {
		gn_app_notice(app, false, _("Household %s was not deleted."), d->code);
		return false;
	}
	gn_status s = gn_household_delete(app->db, d->id, d->version);
	switch (s) {
	case GN_OK:
		app->changes++;
		app->undo_household = d->id;
		gn_app_notice(app, false, _("Deleted household %s — %s. Press u to undo."), d->code, d->name);
		return true;
	case GN_ERR_CONFLICT:
		gn_app_notice(app, true, _("Someone changed household %s meanwhile: look at it again before deleting it."),
			      d->code);
		app->changes++;
		return false;
	case GN_ERR_NOT_FOUND:
		gn_app_notice(app, true, _("Household %s was already deleted by someone else."), d->code);
		app->changes++;
		return false;
	default:
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return false;
	}
}

void gn_hh_delete_draw(const gn_hh_delete *d, WINDOW *w, int rows, int cols)
{
	if (!d->asking || rows < 1)
		return;
	char line[512];
	snprintf(line, sizeof line, _("Delete household %s — %s? (y/n) It leaves the lists, search and reports; u undoes it."),
		 d->code, d->name);
	gn_ui_fill(w, rows - 1, 0, cols, gn_ui_attr(GN_ROLE_ERROR));
	gn_ui_put(w, rows - 1, 0, cols, line, gn_ui_attr(GN_ROLE_ERROR));
}

int gn_hh_delete_undo(gn_app *app)
{
	if (!app->undo_household) {
		gn_app_notice(app, false, "%s", _("Nothing to undo: no household was deleted in this session."));
		return GN_UI_REDRAW;
	}
	gn_status s = gn_household_restore(app->db, app->undo_household);
	gn_household h;
	if (s == GN_OK) {
		app->changes++;
		if (gn_household_load(app->db, app->undo_household, &h) == GN_OK) {
			gn_app_notice(app, false, _("Restored household %s — %s."), h.code, h.head_name);
			gn_household_clear(&h);
		}
	} else if (s == GN_ERR_NOT_FOUND) {
		gn_app_notice(app, true, "%s", _("That household is no longer deleted: someone restored it already."));
	} else {
		gn_app_notice(app, true, "%s", gn_status_message(s));
	}
	app->undo_household = 0;
	return GN_UI_REDRAW;
}
