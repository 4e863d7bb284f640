#ifndef GIAMNGHEO_VIEWS_ASSIGN_FORM_H
#define GIAMNGHEO_VIEWS_ASSIGN_FORM_H

/* Who helps a household (the household detail's `A`): the lead agency, the
 * staff member who follows the household, and the supporting agencies as
 * check boxes; on the shared form screen. */

#include "form_screen.h"

gn_fscreen *gn_assign_form_open(gn_app *app, long long household_id);

/* The kind of its drafts, on the household's id. */
#define GN_ASSIGN_FORM_DRAFT "assignment"


#endif
