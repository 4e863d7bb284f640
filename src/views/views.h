#ifndef GIAMNGHEO_VIEWS_H
#define GIAMNGHEO_VIEWS_H

/* Small pieces the screens share. */

#include "../ui/ui.h"
#include "giamngheo/deadline.h"
#include "giamngheo/household.h"

/* The colour role of a deadline status, the same on every screen. */
gn_color_role gn_view_deadline_role(gn_deadline_status s);

/* Puts the cursor on the line linked to link, when there is one (after a
 * rebuild, so the user stays on the line they were on). */
void gn_view_doc_select(gn_doc *d, long long link);

/* The indicator status an action sets (the X ~ + . keys); false for any
 * other action. */
bool gn_view_indicator_action(gn_action a, gn_ind_status *out);
/* Sets an indicator of the ward's standard for a household and says in the
 * status bar what changed (and the class, when it moved); indicator_id 0 or
 * not of the standard asks the user to move the cursor to one. Returns
 * whether it was saved. */
bool gn_view_set_indicator(gn_app *app, long long household_id, long long indicator_id,
			   gn_ind_status status);

/* Screens that are one document whose linked lines are households: the
 * view's state is the gn_doc itself. */
gn_doc *gn_view_doc_new(gn_view *v);
void gn_view_doc_free(gn_view *v);
int gn_view_doc_act(gn_view *v, gn_app *app, gn_action a);
void gn_view_doc_draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols);

/* What to tell the user when a read failed: the reason when their account
 * does not allow it, otherwise what could not be read. */
const char *gn_view_read_error(gn_status st, const char *what_failed);

/* Appends text padded or clipped to exactly cols screen columns. */
void gn_view_span_fixed(gn_doc *d, gn_color_role role, const char *text, int cols);
/* A table cell: cols - 1 columns of text and one of space, so a heading
 * wider than its column never runs into the next. */
void gn_view_column(gn_doc *d, gn_color_role role, const char *text, int cols);
/* Appends text wrapped at word boundaries into lines of cols screen
 * columns: the first piece on the current line, the others on lines of
 * their own after indent spaces. */
void gn_view_span_wrapped(gn_doc *d, gn_color_role role, const char *text, int cols, int indent);
/* Right-aligned in cols screen columns (amounts). */
void gn_view_span_right(gn_doc *d, gn_color_role role, const char *text, int cols);

/* The households list with the household form open on id (0: a new one),
 * as `a` or `e` open it; false when the form cannot open. */
bool gn_households_open_form(gn_app *app, long long id);

/* The same for the other record forms, each on the screen that opens it,
 * for the drafts offered at the start (draft_offer.c); record as in the
 * form's draft (a negative number: a new record under -record). */
bool gn_agencies_open_agency_form(gn_app *app, long long id);
bool gn_agencies_open_staff_form(gn_app *app, long long record);
bool gn_deadlines_open_report_form(gn_app *app, long long record);
bool gn_support_open_form(gn_app *app, long long record);
bool gn_household_open_assign_form(gn_app *app, long long household_id);
bool gn_users_open_form(gn_app *app, long long account_id);

#endif
