#ifndef GIAMNGHEO_DB_H
#define GIAMNGHEO_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include "giamngheo/date.h"
#include "giamngheo/status.h"

/* What the user of a connection may do; the rules are in access.h. */
typedef enum {
	GN_USER_UNKNOWN = 0, /* no account: aggregates only */
	GN_USER_VIEWER,      /* reads, ID numbers masked */
	GN_USER_EDITOR,      /* edits its agency's households, files its reports */
	GN_USER_ADMIN        /* the focal department: everything, accounts too */
} gn_user_role;

#define GN_DB_STATEMENTS 32

/* One open database: the sqlite3 handle and who is making the changes
 * (written into updated_by and the audit log), with their role and, for an
 * editor, their agency; and the statements kept prepared for the saves and
 * screens that run them again and again. */
typedef struct gn_db {
	sqlite3 *sql;
	char actor[64];
	bool readonly;
	gn_user_role role;
	long long agency_id;
	bool in_tx;      /* a transaction opened by gn_db_begin is open */
	struct {
		const char *sql;
		sqlite3_stmt *st;
		bool in_use;
	} kept[GN_DB_STATEMENTS];
	unsigned next_kept;
} gn_db;

/* Opens (creating when allowed) the file, turns on WAL, foreign keys and a
 * busy timeout, and brings the schema up to date. A file written by a newer
 * giamngheo gives GN_ERR_SCHEMA_NEWER and is left untouched. */
gn_status gn_db_open(const char *path, bool create, gn_db **out);
void gn_db_close(gn_db *db);

/* The Unix login by default; tests set it to tell two officers apart in the
 * audit log. It renames the actor only: the role stays the one resolved when
 * the file was opened (gn_access_become changes both). */
void gn_db_set_actor(gn_db *db, const char *actor);

/* How long a write waits for a colleague's lock: ms, or the default when
 * ms < 0. A write the officer did not ask for (a draft written while typing)
 * waits briefly and is tried again later rather than freeze the screen. */
void gn_db_busy_wait(gn_db *db, int ms);

/* Short write transactions: IMMEDIATE, so a second writer waits for the lock
 * up front instead of failing half-way. When SQLite has rolled such a
 * transaction back on its own (disk full, I/O error), every later save in it
 * and the commit fail with GN_ERR_IO instead of saving piecemeal. */
gn_status gn_db_begin(gn_db *db);
gn_status gn_db_commit(gn_db *db);
void gn_db_rollback(gn_db *db);

/* A save that joins the caller's transaction when there is one (the demo
 * builder wraps thousands of saves in one) and opens its own otherwise. */
typedef struct {
	bool own;
} gn_tx;
gn_status gn_tx_begin(gn_db *db, gn_tx *tx);
/* Commits (own transaction, st == GN_OK) or rolls back (own, error);
 * returns st, or the commit's failure. */
gn_status gn_tx_end(gn_db *db, gn_tx *tx, gn_status st);

/* Maps an SQLite result code to ours. */
gn_status gn_db_status(int rc);

/* Prepares a statement (NULL on failure); the caller finalises it. */
sqlite3_stmt *gn_db_prepare(gn_db *db, const char *sql);

/* A statement kept prepared on this connection for sql, which must be
 * constant text (a literal: it is remembered by address); NULL on failure
 * (or when every kept statement is in use).
 * The caller does not finalise it but hands it back with gn_db_done, which
 * resets it and clears its bindings. Preparing is most of the cost of a
 * small save: a province's worth of them adds up to minutes. */
sqlite3_stmt *gn_db_kept(gn_db *db, const char *sql);
void gn_db_done(gn_db *db, sqlite3_stmt *st);

/* Current UTC time as stored in updated_at: YYYY-MM-DDTHH:MM:SSZ. */
void gn_db_timestamp(char *buf, unsigned size);

/* Binds text, or NULL when s is NULL or empty. */
int gn_db_bind_text(sqlite3_stmt *st, int idx, const char *s);

/* Binds an ISO date, or NULL when the date is unset. */
int gn_db_bind_date(sqlite3_stmt *st, int idx, gn_date d);
/* Binds a row id, or NULL for 0 (no reference). */
int gn_db_bind_id(sqlite3_stmt *st, int idx, long long id);
/* A column's ISO date; unset for NULL or unparsable text. */
gn_date gn_db_column_date(sqlite3_stmt *st, int col);
/* Copies a column's text into a fixed buffer ("" for NULL). */
void gn_db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t size);

/* Duplicates a column's text ("" for NULL); NULL only when out of memory. */
char *gn_db_column_dup(sqlite3_stmt *st, int col);

/* Runs a statement that takes one integer parameter and returns one integer
 * (e.g. a count); def when there is no row. */
long long gn_db_int_query(gn_db *db, const char *sql, long long param, long long def);

#endif
