#ifndef GIAMNGHEO_VIEWS_AGENCY_FORM_SCREEN_H
#define GIAMNGHEO_VIEWS_AGENCY_FORM_SCREEN_H

/* A form shown in place of the screen that opened it, with what every form
 * of the app does the same way: validation as a field is left and again on
 * save, F2/Ctrl-S saves, Esc leaves (asking first when something changed),
 * and when someone else saved the record first, a field-by-field choice
 * between their values and the user's. The owner builds the fields and
 * says how to check and save them (gn_fs_ops); the screen that shows it
 * hands it every key while it is open. */

#include "../ui/form.h"
#include "views.h"

typedef struct gn_form_screen gn_form_screen;

typedef enum {
	GN_FS_SAVE_OK,        /* saved */
	GN_FS_SAVE_REFUSED,   /* the owner marked fields or said why (stays open) */
	GN_FS_SAVE_CONFLICT,  /* someone saved first: the owner filled fs->theirs */
} gn_fs_save;

typedef struct {
	/* Checks field i as typed: sets or clears its message. */
	void (*validate)(gn_form_screen *fs, gn_app *app, int i);
	/* Saves the fields (all valid). over_theirs: the user has chosen after
	 * a conflict, save over the version last reported as theirs. On a
	 * conflict the owner builds fs->theirs like fs->form from the record
	 * stored now and sets fs->theirs_by / fs->theirs_at. */
	gn_fs_save (*save)(gn_form_screen *fs, gn_app *app, bool over_theirs);
	void (*free)(void *owner);
} gn_fs_ops;

typedef enum { GN_FS_OPEN = 0, GN_FS_SAVED, GN_FS_CLOSED } gn_fs_state;

struct gn_form_screen {
	gn_form form;
	gn_form theirs;            /* after a conflict: their values, same fields */
	char theirs_by[64], theirs_at[24];
	const gn_fs_ops *ops;
	void *owner;               /* the owner's state, freed with ops->free */
	char title[160];
	int mode;
	unsigned differ, take_mine; /* bits by field index */
	int row;                   /* the highlighted differing field */
	int label_cols;
	long long saved_id;        /* set by the owner's save: the record saved */
};

/* A screen with an empty form for the owner to fill; NULL when out of memory. */
gn_form_screen *gn_fs_new(const gn_fs_ops *ops, void *owner, const char *title, int label_cols);
void gn_fs_free(gn_form_screen *fs);
/* Takes every key; *state says when the form is done. Returns UI flags. */
int gn_fs_key(gn_form_screen *fs, gn_app *app, int key, gn_fs_state *state);
void gn_fs_draw(gn_form_screen *fs, gn_app *app, WINDOW *w, int rows, int cols);

#endif
