#ifndef GIAMNGHEO_VIEWS_HOUSEHOLD_DELETE_H
#define GIAMNGHEO_VIEWS_HOUSEHOLD_DELETE_H

/* Deleting a household from the households list or the household detail:
 * the question naming it, the soft deletion, and u bringing back the last
 * one deleted in this session. */

#include "views.h"

typedef struct {
	bool asking;
	long long id;
	int version;             /* as read when asked: a save meanwhile stops it */
	char code[32];
	char name[128];
} gn_hh_delete;

/* Reads household id and asks whether to delete it. */
void gn_hh_delete_ask(gn_hh_delete *d, gn_app *app, long long id);
/* The answer while asking (y/c deletes, anything else keeps it); true when
 * the household was deleted. */
bool gn_hh_delete_answer(gn_hh_delete *d, gn_app *app, int key);
/* The question, on the last line of the screen's area. */
void gn_hh_delete_draw(const gn_hh_delete *d, WINDOW *w, int rows, int cols);
/* Restores the household deleted last in this session (action undo). */
int gn_hh_delete_undo(gn_app *app);

#endif
