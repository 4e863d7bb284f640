#ifndef GIAMNGHEO_VIEWS_SUPPORT_FORM_H
#define GIAMNGHEO_VIEWS_SUPPORT_FORM_H

/* The support item form (a/e on the Support screen and the household
 * detail), on the shared form screen. */

#include "form_screen.h"

/* Item item_id, or a new item (item_id 0) for household_id (0: the
 * household is typed by its code). NULL with a notice when it cannot open. */
gn_fscreen *gn_support_form_open(gn_app *app, long long item_id, long long household_id);
/* A new item for household_id, delivered today by agency_id on
 * indicator_id (0: none), the cursor on what was given: the monthly
 * round's entry. */
gn_fscreen *gn_support_form_delivered(gn_app *app, long long household_id, long long agency_id,
				      long long indicator_id);

/* The kind of its drafts; a new item for a household is drafted as
 * -household_id. */
#define GN_SUPPORT_FORM_DRAFT "support"

#endif
