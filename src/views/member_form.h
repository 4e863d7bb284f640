#ifndef GIAMNGHEO_VIEWS_MEMBER_FORM_H
#define GIAMNGHEO_VIEWS_MEMBER_FORM_H

/* One member of a household, edited inside the household form: saving it
 * keeps it in the household form's list, and the household's own save
 * stores the household and every member together. */

#include "form_screen.h"
#include "giamngheo/household.h"

/* Edits a copy of *m; on save the copy replaces *m (strings reallocated).
 * others[0..n_others) are the household's other members, for the ID
 * number check. stored: the member as someone else saved it meanwhile
 * (NULL when none), the other side of the conflict table
 * (gn_fscreen_show_conflict); once it is seen, *m takes its version. NULL
 * with a notice when it cannot open. */
gn_fscreen *gn_member_form_open(gn_app *app, gn_member *m, const gn_member *stored, const gn_member *const *others,
				int n_others);

/* One line for the household form's list. */
void gn_member_summary(const gn_member *m, char *buf, size_t size);

#endif
