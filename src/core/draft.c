/* The draft store: one row a (login, form, record), the fields as a JSON
 * array of texts that SQLite itself writes and reads back, so no text an
 * officer typed is ever quoted by hand. */
#include "giamngheo/draft.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/array.h"

/* The values as a JSON array, built by SQLite one element at a time. */
static gn_status to_json(gn_db *db, const char *const *values, int n, char **out)
{
	*out = strdup("[]");
	if (!*out)
		return GN_ERR_NOMEM;
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT json_insert(?1, '$[#]', ?2)");
	if (!st)
		return GN_ERR_DB;
	gn_status s = GN_OK;
	for (int i = 0; i < n && s == GN_OK; i++) {
		sqlite3_bind_text(st, 1, *out, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, values[i] ? values[i] : "", -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			s = GN_ERR_DB;
			break;
		}
		char *grown = gn_db_column_dup(st, 0);
		if (!grown) {
			s = GN_ERR_NOMEM;
			break;
		}
		free(*out);
		*out = grown;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return s;
}

gn_status gn_draft_save(gn_db *db, const char *kind, long long record_id, const char *title, int focus,
			const char *const *values, const char *const *opened, int n)
{
	char *json = NULL, *opened_json = NULL;
	gn_status s = to_json(db, values, n, &json);
	if (s == GN_OK)
		s = to_json(db, opened, opened ? n : 0, &opened_json);
	sqlite3_stmt *st = s == GN_OK ? gn_db_prepare(db,
		"INSERT INTO draft(login, kind, record_id, title, focus, fields, opened, created_at, saved_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7, ?7)"
		" ON CONFLICT (login, kind, record_id) DO UPDATE SET title = excluded.title,"
		" focus = excluded.focus, fields = excluded.fields, opened = excluded.opened,"
		" saved_at = excluded.saved_at") : NULL;
	if (!st) {
		free(json);
		free(opened_json);
		return s == GN_OK ? GN_ERR_DB : s;
	}
	sqlite3_bind_text(st, 8, opened_json, -1, SQLITE_STATIC);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, record_id);
	sqlite3_bind_text(st, 4, title ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, focus);
	sqlite3_bind_text(st, 6, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	free(json);
	free(opened_json);
	return s;
}

#define DRAFT_SELECT \
	"SELECT kind, record_id, title, focus, saved_at," \
	" strftime('%H:%M %d/%m/%Y', saved_at, 'localtime'), fields, opened FROM draft "

/* The texts of a JSON array, in order; *n of them. */
static gn_status from_json(gn_db *db, sqlite3_value *json, char ***out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *each = gn_db_prepare(db, "SELECT value FROM json_each(?1) ORDER BY key");
	if (!each)
		return GN_ERR_DB;
	sqlite3_bind_value(each, 1, json);
	int cap = 0, rc;
	gn_status s = GN_OK;
	while ((rc = sqlite3_step(each)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 16) ||
		    !((*out)[*n] = gn_db_column_dup(each, 0))) {
			s = GN_ERR_NOMEM;
			break;
		}
		(*n)++;
	}
	if (s == GN_OK && rc != SQLITE_DONE)
		s = gn_db_status(rc);
	sqlite3_finalize(each);
	return s;
}

static void free_texts(char **texts, int n)
{
	for (int i = 0; texts && i < n; i++)
		free(texts[i]);
	free(texts);
}

/* Reads the current row of a DRAFT_SELECT, its values included. */
static gn_status read_row(gn_db *db, sqlite3_stmt *st, gn_draft *d)
{
	memset(d, 0, sizeof *d);
	gn_db_column_copy(st, 0, d->kind, sizeof d->kind);
	d->record_id = sqlite3_column_int64(st, 1);
	gn_db_column_copy(st, 2, d->title, sizeof d->title);
	d->focus = sqlite3_column_int(st, 3);
	gn_db_column_copy(st, 4, d->saved_at, sizeof d->saved_at);
	gn_db_column_copy(st, 5, d->saved_local, sizeof d->saved_local);
	int n_opened = 0;
	gn_status s = from_json(db, sqlite3_column_value(st, 6), &d->values, &d->n);
	if (s == GN_OK)
		s = from_json(db, sqlite3_column_value(st, 7), &d->opened, &n_opened);
	if (s == GN_OK && n_opened != d->n) {
		/* Not known (or not matching): every value counts as typed. */
		free_texts(d->opened, n_opened);
		d->opened = NULL;
	} else if (s != GN_OK) {
		free_texts(d->opened, n_opened);
		d->opened = NULL;
		gn_draft_clear(d);
	}
	return s;
}

gn_status gn_draft_load(gn_db *db, const char *kind, long long record_id, gn_draft *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db, DRAFT_SELECT "WHERE login = ?1 AND kind = ?2 AND record_id = ?3");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, record_id);
	int rc = sqlite3_step(st);
	gn_status s = rc == SQLITE_ROW ? read_row(db, st, out) : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND
										    : gn_db_status(rc);
	sqlite3_finalize(st);
	return s;
}

gn_status gn_draft_list(gn_db *db, gn_draft **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db, DRAFT_SELECT "WHERE login = ?1 ORDER BY saved_at DESC, kind, record_id");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	int cap = 0, rc;
	gn_status s = GN_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 4)) {
			s = GN_ERR_NOMEM;
			break;
		}
		if ((s = read_row(db, st, &(*out)[*n])) != GN_OK)
			break;
		(*n)++;
	}
	if (s == GN_OK && rc != SQLITE_DONE)
		s = gn_db_status(rc);
	sqlite3_finalize(st);
	if (s != GN_OK) {
		gn_draft_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return s;
}

gn_status gn_draft_discard(gn_db *db, const char *kind, long long record_id)
{
	sqlite3_stmt *st = gn_db_prepare(db, "DELETE FROM draft WHERE login = ?1 AND kind = ?2 AND record_id = ?3");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, db->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, record_id);
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	return s;
}

void gn_draft_clear(gn_draft *d)
{
	free_texts(d->values, d->n);
	free_texts(d->opened, d->opened ? d->n : 0);
	memset(d, 0, sizeof *d);
}

void gn_draft_list_free(gn_draft *drafts, int n)
{
	for (int i = 0; i < n; i++)
		gn_draft_clear(&drafts[i]);
	free(drafts);
}
