#ifndef GIAMNGHEO_VIEWS_RECORD_DELETE_H
#define GIAMNGHEO_VIEWS_RECORD_DELETE_H

/* Deleting a record from any screen: the question naming it, the soft
 * deletion, and u (anywhere) bringing back the last one deleted in this
 * session. Every kind of record goes through here, so they all ask, answer
 * and undo alike. */

#include "views.h"

typedef struct {
	bool asking;
	gn_record_kind kind;
	long long id;
	int version;             /* as read when asked: a save meanwhile stops it */
	char label[256];         /* "household SC-0003 — Nguyễn Văn A", translated */
} gn_delete;

/* Reads the record and asks whether to delete it. */
void gn_delete_ask(gn_delete *d, gn_app *app, gn_record_kind kind, long long id);
/* The answer while asking (y/c deletes, anything else keeps it); true when
 * the record was deleted. */
bool gn_delete_answer(gn_delete *d, gn_app *app, int key);
/* The question, on the last line of the screen's area. */
void gn_delete_draw(const gn_delete *d, WINDOW *w, int rows, int cols);

#endif
