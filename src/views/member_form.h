#ifndef GIAMNGHEO_VIEWS_MEMBER_FORM_H
#define GIAMNGHEO_VIEWS_MEMBER_FORM_H

/* One member of a household, edited inside the household form: saving it
 * keeps it in the household form's list, and the household's own save
 * stores the household and every member together. */

#include "form_screen.h"
#include "giamngheo/household.h"

/* A member someone else saved while the user was changing it. */
typedef struct {
	const gn_member *loaded;  /* as the user's change started from */
	const gn_member *stored;  /* as the other user saved it */
} gn_member_versions;

/* Edits a copy of *m; on save the copy replaces *m (strings reallocated).
 * others[0..n_others) are the household's other members, for the ID
 * number check. With theirs (else NULL), the form opens on theirs->loaded
 * for the user's values to be put back over it and the conflict table
 * shown (gn_fscreen_put_values, gn_fscreen_show_conflict); once their
 * version is seen, *m takes its version. NULL with a notice when it cannot
 * open. */
gn_fscreen *gn_member_form_open(gn_app *app, gn_member *m, const gn_member_versions *theirs,
				const gn_member *const *others, int n_others);

/* One line for the household form's list. */
void gn_member_summary(const gn_member *m, char *buf, size_t size);

#endif
