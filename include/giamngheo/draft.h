#ifndef GIAMNGHEO_DRAFT_H
#define GIAMNGHEO_DRAFT_H

/* Drafts: what an officer typed into a form and has not saved yet, kept in
 * the database under (login, kind of form, record), so that a dropped SSH
 * session, a closed window or a killed program loses nothing. The login is
 * the database's actor: one officer never sees another's drafts. */

#include "giamngheo/db.h"

typedef struct {
	char kind[32];          /* the form: "household", ... */
	long long record_id;    /* the record it edits; 0 for a new one */
	char title[256];        /* what the offer to restore names */
	int focus;              /* the field the cursor was in */
	char saved_at[24];      /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	char saved_local[20];   /* the same in local time, HH:MM dd/mm/yyyy */
	char **values;          /* one text a field, in the form's order */
	char **opened;          /* what each field held when the form opened; NULL if unknown */
	int n;
} gn_draft;

/* Writes (or rewrites) the actor's draft of kind/record_id: n values typed
 * and, when known (else NULL), the n values the form opened with. */
gn_status gn_draft_save(gn_db *db, const char *kind, long long record_id, const char *title, int focus,
			const char *const *values, const char *const *opened, int n);
/* The actor's draft of kind/record_id; GN_ERR_NOT_FOUND when there is none. */
gn_status gn_draft_load(gn_db *db, const char *kind, long long record_id, gn_draft *out);
/* All the actor's drafts, the newest first. Free with gn_draft_list_free. */
gn_status gn_draft_list(gn_db *db, gn_draft **out, int *n);
/* Forgets the actor's draft of kind/record_id (none is not an error). */
gn_status gn_draft_discard(gn_db *db, const char *kind, long long record_id);

void gn_draft_clear(gn_draft *d);
void gn_draft_list_free(gn_draft *drafts, int n);

#endif
