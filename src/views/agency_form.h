#ifndef GIAMNGHEO_VIEWS_AGENCY_FORM_H
#define GIAMNGHEO_VIEWS_AGENCY_FORM_H

/* The agency-side forms on the shared form screen, each shown in place of
 * the screen that opened it. Each returns NULL (with a notice) when the
 * record cannot be read. gn_fscreen_record gives the record saved. */

#include "form_screen.h"

/* The kinds of their drafts. */
#define GN_AGENCY_FORM_DRAFT "agency"
#define GN_STAFF_FORM_DRAFT "staff"
#define GN_REPORT_FORM_DRAFT "report"

/* An agency, id 0 for a new one. */
gn_fscreen *gn_agency_form_open(gn_app *app, long long id);
/* A staff member of agency_id; staff_id 0 for a new one. */
gn_fscreen *gn_staff_form_open(gn_app *app, long long agency_id, long long staff_id);

/* A report submission. On deadline_id, 0 to choose among the open ones;
 * when that deadline already has a live submission the form corrects it.
 * summary and figures prefill a new submission (NULL: empty). */
gn_fscreen *gn_report_form_open(gn_app *app, long long deadline_id, const char *summary, const char *figures);

#endif
