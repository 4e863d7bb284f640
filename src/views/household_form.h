#ifndef GIAMNGHEO_VIEWS_HOUSEHOLD_FORM_H
#define GIAMNGHEO_VIEWS_HOUSEHOLD_FORM_H

/* The household form, shown in place of the screen that opened it (the
 * households list with `a`/`e`, the household detail with `e`): that screen
 * hands it every key while it is open and frees it when it is done.
 *
 * Test hook: with GIAMNGHEO_TEST_BUMP_BEFORE_SAVE=1 in the environment, the
 * first save of an existing household is preceded by another save of that
 * household (phone 0988000111, a note), as if a colleague had saved first;
 * the headless tests use it to reach the conflict screen in one run. */

#include "views.h"

typedef struct gn_hh_form gn_hh_form;

/* The form's kind in the draft store. */
#define GN_HH_FORM_DRAFT "household"

typedef enum {
	GN_HH_FORM_OPEN = 0,  /* still editing */
	GN_HH_FORM_SAVED,     /* saved: *saved_id holds the household */
	GN_HH_FORM_CLOSED     /* left without saving (or theirs taken) */
} gn_hh_form_state;

/* The form on household id, 0 for a new one; NULL (with a notice) when the
 * household cannot be read or the user may not change it. */
gn_hh_form *gn_hh_form_open(gn_app *app, long long id);
void gn_hh_form_free(gn_hh_form *f);
/* Takes every key; returns UI flags. */
int gn_hh_form_key(gn_hh_form *f, gn_app *app, int key, gn_hh_form_state *state, long long *saved_id);
void gn_hh_form_draw(gn_hh_form *f, gn_app *app, WINDOW *w, int rows, int cols);
const char *gn_hh_form_title(const gn_hh_form *f);

#endif
