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
			const char *const *values, int n)
{
	char *json;
	gn_status s = to_json(db, values, n, &json);
	if (s != GN_OK) {
		free(json);
		return s;
	}
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO draft(login, kind, record_id, title, focus, fields, created_at, saved_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
		" ON CONFLICT (login, kind, record_id) DO UPDATE SET title = excluded.title,"
		" focus = excluded.focus, fields = excluded.fields, saved_at = excluded.saved_at");
	if (!st) {
		free(json);
		return GN_ERR_DB;
	}
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
	return s;
}

#define DRAFT_SELECT \
	"SELECT kind, record_id, title, focus, saved_at," \
	" strftime('%H:%M %d/%m/%Y', saved_at, 'localtime'), fields FROM draft "

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
	sqlite3_stmt *each = gn_db_prepare(db, "SELECT value FROM json_each(?1) ORDER BY key");
	if (!each)
		return GN_ERR_DB;
	sqlite3_bind_text(each, 1, (const char *)sqlite3_column_text(st, 6), -1, SQLITE_TRANSIENT);
	int cap = 0, rc;
	gn_status s = GN_OK;
	while ((rc = sqlite3_step(each)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)&d->values, &cap, d->n, sizeof *d->values, 16) ||
		    !(d->values[d->n] = gn_db_column_dup(each, 0))) {
			s = GN_ERR_NOMEM;
			break;
		}
		d->n++;
	}
	if (s == GN_OK && rc != SQLITE_DONE)
		s = gn_db_status(rc);
	sqlite3_finalize(each);
	if (s != GN_OK)
		gn_draft_clear(d);
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
	for (int i = 0; i < d->n; i++)
		free(d->values[i]);
	free(d->values);
	memset(d, 0, sizeof *d);
}

void gn_draft_list_free(gn_draft *drafts, int n)
{
	for (int i = 0; i < n; i++)
		gn_draft_clear(&drafts[i]);
	free(drafts);
}
