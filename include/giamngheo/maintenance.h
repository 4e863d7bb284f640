#ifndef GIAMNGHEO_MAINTENANCE_H
#define GIAMNGHEO_MAINTENANCE_H

#include <stdbool.h>
#include <stddef.h>
#include "giamngheo/db.h"

/* Copies the open database into path with SQLite's online backup, a few
 * pages at a time, so officers keep working meanwhile. The copy is written
 * to a temporary file beside path, checked, made group-only (0640) and then
 * renamed over path, so path is either the whole copy or untouched.
 * GN_ERR_DUPLICATE: path exists and force is false; GN_ERR_INVALID: path is
 * the database itself. *size (may be NULL) receives the copy's size. */
gn_status gn_backup(gn_db *db, const char *path, bool force, long long *size);

/* What a file offered to restore turned out to be. */
typedef enum {
	GN_FILE_OK = 0,
	GN_FILE_UNREADABLE,    /* missing or cannot be opened */
	GN_FILE_NOT_DATABASE,  /* not an SQLite database at all */
	GN_FILE_NOT_GIAMNGHEO, /* a database, but not the ward's */
	GN_FILE_NEWER,         /* written by a newer giamngheo */
	GN_FILE_DAMAGED        /* PRAGMA integrity_check is not ok */
} gn_file_verdict;

/* Reads path without changing it; *version gets its schema version. */
gn_file_verdict gn_db_file_inspect(const char *path, int *version);

/* Restores path (which must inspect GN_FILE_OK) into the open database:
 * first a safety backup of the current data beside the database (its name
 * in safety), then the file's pages copied in with the backup API in one
 * write transaction, so other officers' connections see either the old or
 * the restored data, never a file swapped under them. An older schema is
 * then migrated. */
gn_status gn_restore(gn_db *db, const char *db_path, const char *path, char *safety, size_t safety_size);

/* Consistency checks: SQLite's integrity and foreign keys, then the app's
 * own rules. Every check calls emit once with ok = true, or once per
 * problem found (text already translated). Returns the number of problems,
 * or -1 when the database could not be read at all. */
typedef void (*gn_check_emit)(void *ctx, bool ok, const char *text);
int gn_db_check(gn_db *db, gn_check_emit emit, void *ctx);

#endif
