#include "giamngheo/db.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "giamngheo/access.h"
#include "giamngheo/migrate.h"
#include "giamngheo/search.h"

/* Long enough to ride out a colleague's save, short enough that a stuck
 * lock is reported while the officer is still looking at the screen. */
#define BUSY_TIMEOUT_MS 5000

gn_status gn_db_status(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return GN_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return GN_ERR_BUSY;
	case SQLITE_READONLY:
		return GN_ERR_READONLY;
	case SQLITE_CONSTRAINT:
		return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			? GN_ERR_DUPLICATE : GN_ERR_INVALID;
	case SQLITE_NOMEM:
		return GN_ERR_NOMEM;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return GN_ERR_IO;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	default:
		return GN_ERR_DB;
	}
}

static void default_actor(gn_db *db)
{
	const struct passwd *pw = getpwuid(geteuid());
	const char *name = pw ? pw->pw_name : getenv("USER");
	snprintf(db->actor, sizeof db->actor, "%s", name && *name ? name : "unknown");
}

void gn_db_busy_wait(gn_db *db, int ms)
{
	sqlite3_busy_timeout(db->sql, ms < 0 ? BUSY_TIMEOUT_MS : ms);
}

void gn_db_set_actor(gn_db *db, const char *actor)
{
	snprintf(db->actor, sizeof db->actor, "%s", actor);
}

static gn_status exec(gn_db *db, const char *sql)
{
	return gn_db_status(sqlite3_exec(db->sql, sql, NULL, NULL, NULL));
}

/* The data is personal (Decree 13/2023) and shared by the ward's officers
 * through the file's group: a new database is never readable by other
 * users. SQLite would create it 0644 less the umask, and gives its -wal and
 * -shm files the database's own mode, so the empty file is made here first,
 * 0660 less the umask's owner and group bits. Returns -1 only when the file
 * could not be made and does not exist. */
static int create_group_only(const char *path)
{
	mode_t old = umask(0);
	umask(old | 007);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0660);
	int err = errno;
	umask(old);
	if (fd >= 0)
		return close(fd);
	return err == EEXIST ? 0 : -1;
}

gn_status gn_db_open(const char *path, bool create, gn_db **out)
{
	gn_db *db = calloc(1, sizeof *db);
	if (!db)
		return GN_ERR_NOMEM;
	/* One thread uses a connection: SQLite's own locking of it would only
	 * cost time on every step of a long listing. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	if (create && path[0] && strcmp(path, ":memory:") != 0)
		create_group_only(path);
	int rc = sqlite3_open_v2(path, &db->sql, flags, NULL);
	if (rc == SQLITE_READONLY || (rc == SQLITE_CANTOPEN && access(path, F_OK) == 0 && access(path, W_OK) != 0)) {
		sqlite3_close(db->sql);
		db->sql = NULL;
		rc = sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
		db->readonly = true;
	}
	/* SQLite opens a file we may not write read-only without saying so. */
	if (rc == SQLITE_OK && sqlite3_db_readonly(db->sql, "main") == 1)
		db->readonly = true;
	if (rc != SQLITE_OK) {
		gn_status st = rc == SQLITE_CANTOPEN ? (create ? GN_ERR_IO : GN_ERR_NOT_FOUND) : gn_db_status(rc);
		gn_db_close(db);
		return st;
	}
	default_actor(db);
	gn_db_busy_wait(db, -1);
	sqlite3_extended_result_codes(db->sql, 1);
	if (gn_search_register(db) != SQLITE_OK) {
		gn_db_close(db);
		return GN_ERR_DB;
	}

	gn_status st = exec(db, "PRAGMA foreign_keys = ON");
	if (st == GN_OK && !db->readonly) {
		st = exec(db, "PRAGMA journal_mode = WAL");
		if (st == GN_OK)
			st = exec(db, "PRAGMA synchronous = NORMAL");
		if (st == GN_OK)
			st = gn_migrate(db->sql);
	} else if (st == GN_OK) {
		/* Read-only: usable only if already at our schema. */
		long long v = gn_db_int_query(db, "PRAGMA user_version", 0, -1);
		if (v > gn_migrate_latest())
			st = GN_ERR_SCHEMA_NEWER;
		else if (v < gn_migrate_latest())
			st = GN_ERR_READONLY;
	}
	/* A WAL database cannot even be read when its -shm file is missing and
	 * the directory is closed to us: a permission problem, not read-only. */
	int ext = sqlite3_extended_errcode(db->sql);
	if (st != GN_OK && (ext == SQLITE_READONLY_DIRECTORY || ext == SQLITE_READONLY_CANTINIT))
		st = GN_ERR_IO;
	if (st == GN_OK)
		st = gn_access_open(db, path);
	if (st != GN_OK) {
		gn_db_close(db);
		return st;
	}
	*out = db;
	return GN_OK;
}

void gn_db_close(gn_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < GN_DB_STATEMENTS; i++)
		sqlite3_finalize(db->kept[i].st);
	sqlite3_close(db->sql);
	free(db);
}

gn_status gn_db_begin(gn_db *db)
{
	if (db->readonly)
		return GN_ERR_READONLY;
	gn_status st = exec(db, "BEGIN IMMEDIATE");
	if (st == GN_OK)
		db->in_tx = true;
	return st;
}

/* After a full disk or an I/O error SQLite may roll the whole transaction
 * back by itself; what follows would then be saved piecemeal, each
 * statement on its own. The transaction opened by gn_db_begin is known to be
 * lost when SQLite is back in autocommit mode. */
static bool tx_lost(const gn_db *db)
{
	return db->in_tx && sqlite3_get_autocommit(db->sql);
}

gn_status gn_db_commit(gn_db *db)
{
	if (tx_lost(db)) {
		db->in_tx = false;
		return GN_ERR_IO;
	}
	gn_status st = exec(db, "COMMIT");
	if (st == GN_OK)
		db->in_tx = false;
	return st;
}

void gn_db_rollback(gn_db *db)
{
	db->in_tx = false;
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *gn_db_prepare(gn_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *gn_db_kept(gn_db *db, const char *sql)
{
	for (int i = 0; i < GN_DB_STATEMENTS; i++)
		if (db->kept[i].sql == sql && db->kept[i].st && !db->kept[i].in_use) {
			db->kept[i].in_use = true;
			return db->kept[i].st;
		}
	/* A free slot, or else the oldest statement not in use gives way. */
	int slot = -1;
	for (int i = 0; i < GN_DB_STATEMENTS && slot < 0; i++) {
		int at = (int)((db->next_kept + (unsigned)i) % GN_DB_STATEMENTS);
		if (!db->kept[at].in_use)
			slot = at;
	}
	if (slot < 0)
		return NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	db->next_kept = (unsigned)slot + 1;
	sqlite3_finalize(db->kept[slot].st);
	db->kept[slot].sql = sql;
	db->kept[slot].st = st;
	db->kept[slot].in_use = true;
	return st;
}

void gn_db_done(gn_db *db, sqlite3_stmt *st)
{
	if (!st)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (int i = 0; i < GN_DB_STATEMENTS; i++)
		if (db->kept[i].st == st)
			db->kept[i].in_use = false;
}

void gn_db_timestamp(char *buf, unsigned size)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int gn_db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

char *gn_db_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return strdup(t ? (const char *)t : "");
}

long long gn_db_int_query(gn_db *db, const char *sql, long long param, long long def)
{
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return def;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, param);
	long long v = def;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

gn_status gn_tx_begin(gn_db *db, gn_tx *tx)
{
	tx->own = false;
	if (tx_lost(db))
		return GN_ERR_IO;
	tx->own = sqlite3_get_autocommit(db->sql) != 0;
	return tx->own ? gn_db_begin(db) : (db->readonly ? GN_ERR_READONLY : GN_OK);
}

gn_status gn_tx_end(gn_db *db, gn_tx *tx, gn_status st)
{
	if (!tx->own)
		return st;
	if (st == GN_OK) {
		st = gn_db_commit(db);
		if (st == GN_OK)
			return GN_OK;
	}
	gn_db_rollback(db);
	return st;
}

int gn_db_bind_date(sqlite3_stmt *st, int idx, gn_date d)
{
	char iso[11];
	if (!gn_date_is_set(d))
		return sqlite3_bind_null(st, idx);
	gn_date_format_iso(d, iso);
	return sqlite3_bind_text(st, idx, iso, -1, SQLITE_TRANSIENT);
}

int gn_db_bind_id(sqlite3_stmt *st, int idx, long long id)
{
	return id > 0 ? sqlite3_bind_int64(st, idx, id) : sqlite3_bind_null(st, idx);
}

gn_date gn_db_column_date(sqlite3_stmt *st, int col)
{
	gn_date d = { 0, 0, 0 };
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t || gn_date_parse_iso((const char *)t, &d) != GN_DATE_OK)
		d = (gn_date){ 0, 0, 0 };
	return d;
}

void gn_db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	memcpy(dst, t ? (const char *)t : "", n);
	dst[n] = '\0';
}
