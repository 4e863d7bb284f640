#ifndef GIAMNGHEO_VIEWS_FORMS_H
#define GIAMNGHEO_VIEWS_FORMS_H

/* The agency-side forms, each a gn_form_screen the opening screen shows in
 * its place. Each returns NULL (with a notice) when the record cannot be
 * read. */

#include "agency_form_screen.h"

/* An agency, id 0 for a new one. */
gn_form_screen *gn_agency_form_open(gn_app *app, long long id);
/* A staff member of agency_id; staff_id 0 for a new one. */
gn_form_screen *gn_staff_form_open(gn_app *app, long long agency_id, long long staff_id);

/* A report submission. On deadline_id, 0 to choose among the open ones;
 * when that deadline already has a live submission the form corrects it.
 * summary and figures prefill a new submission (NULL: empty). */
gn_form_screen *gn_report_form_open(gn_app *app, long long deadline_id, const char *summary,
				    const char *figures);

/* Quick entry of support delivered to a household by an agency (the
 * monthly round): indicator addressed (indicator_id preselected, 0: none),
 * kind, what, amount and date (today unless changed). */
gn_form_screen *gn_quick_support_form_open(gn_app *app, long long household_id, long long agency_id,
					   long long indicator_id);

#endif
