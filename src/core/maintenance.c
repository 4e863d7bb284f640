/* Backup, restore and consistency checks of the shared database. All of
 * them go through SQLite (the online backup API, PRAGMAs), never through
 * copying or replacing the file, which other officers may have open. */
#include "giamngheo/maintenance.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "giamngheo/access.h"
#include "giamngheo/account.h"
#include "giamngheo/i18n.h"
#include "giamngheo/migrate.h"

/* Pages copied per step of a backup (4 MB at the usual 4 KB page): between
 * steps the source is not even read-locked. */
#define CHUNK_PAGES 1024
/* Each write by someone else during a backup restarts it; after this many
 * restarts the rest is copied in one step (one read transaction, which in
 * WAL mode still does not block writers). */
#define MAX_RESTARTS 3
#define BUSY_SLEEP_MS 100
#define MAX_BUSY 100 /* 10 s */
/* Problems listed per check; the rest are counted. */
#define MAX_LISTED 20

/* Copies src's main database into dst's, chunk pages at a time (-1: all at
 * once, in one transaction on both sides). */
static gn_status copy_pages(sqlite3 *dst, sqlite3 *src, int chunk)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return gn_db_status(sqlite3_extended_errcode(dst));
	int rc, busy = 0, restarts = 0, last_remaining = -1;
	for (;;) {
		rc = sqlite3_backup_step(b, restarts >= MAX_RESTARTS ? -1 : chunk);
		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_OK) {
			int remaining = sqlite3_backup_remaining(b);
			if (last_remaining >= 0 && remaining >= last_remaining)
				restarts++;
			last_remaining = remaining;
			busy = 0;
			continue;
		}
		if (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) && ++busy <= MAX_BUSY) {
			sqlite3_sleep(BUSY_SLEEP_MS);
			continue;
		}
		break;
	}
	int fin = sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return gn_db_status(rc);
	return gn_db_status(fin);
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void remove_with_companions(const char *path)
{
	static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };
	char name[PATH_MAX + 16];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		unlink(name);
	}
}

/* A temporary file beside path, created group-only (mode). */
static gn_status make_temp(const char *path, const char *tag, mode_t mode, char *out, size_t size)
{
	int n = snprintf(out, size, "%s.%s-XXXXXX", path, tag);
	if (n < 0 || (size_t)n >= size)
		return GN_ERR_INVALID;
	int fd = mkstemp(out);
	if (fd < 0)
		return GN_ERR_IO;
	int rc = fchmod(fd, mode);
	close(fd);
	if (rc != 0) {
		unlink(out);
		return GN_ERR_IO;
	}
	return GN_OK;
}

static bool single_ok_row(sqlite3 *sql, const char *pragma)
{
	sqlite3_stmt *st = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(sql, pragma, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		ok = t && strcmp((const char *)t, "ok") == 0 && sqlite3_step(st) == SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return ok;
}

static void sync_dir_of(const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Writes a standalone copy of src into the (empty) file tmp: rollback
 * journal mode, so the single file is the whole backup, and checked. */
static gn_status write_copy(sqlite3 *src, const char *tmp)
{
	sqlite3 *dst = NULL;
	gn_status s = gn_db_status(sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL));
	if (s == GN_OK)
		s = copy_pages(dst, src, CHUNK_PAGES);
	if (sqlite3_close(dst) != SQLITE_OK && s == GN_OK)
		s = GN_ERR_IO;
	/* The pages copied from a WAL database say WAL in the header; a fresh
	 * connection opens it as such and turns it back into a single file. */
	dst = NULL;
	if (s == GN_OK)
		s = gn_db_status(sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL));
	if (s == GN_OK)
		s = gn_db_status(sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL));
	if (s == GN_OK && !single_ok_row(dst, "PRAGMA quick_check"))
		s = GN_ERR_DB;
	if (sqlite3_close(dst) != SQLITE_OK && s == GN_OK)
		s = GN_ERR_IO;
	return s;
}

gn_status gn_backup(gn_db *db, const char *path, bool force, long long *size)
{
	/* A copy of the file is every ID number in full. */
	gn_status s = gn_access_admin(db);
	if (s != GN_OK)
		return s;
	struct stat st;
	if (stat(path, &st) == 0) {
		if (same_file(path, sqlite3_db_filename(db->sql, "main")) || !S_ISREG(st.st_mode))
			return GN_ERR_INVALID;
		if (!force)
			return GN_ERR_DUPLICATE;
	}
	char tmp[PATH_MAX];
	s = make_temp(path, "tmp", 0640, tmp, sizeof tmp);
	if (s != GN_OK)
		return s;
	s = write_copy(db->sql, tmp);
	if (s == GN_OK) {
		/* Without --force, link() refuses atomically when the name was
		 * taken meanwhile; rename() replaces it atomically otherwise. */
		if (!force && link(tmp, path) != 0)
			s = access(path, F_OK) == 0 ? GN_ERR_DUPLICATE : GN_ERR_IO;
		else if (force && rename(tmp, path) != 0)
			s = GN_ERR_IO;
	}
	remove_with_companions(tmp);
	if (s != GN_OK)
		return s;
	sync_dir_of(path);
	/* Logged once written, so that the copy holds the data as it was. */
	gn_account_log_export(db, "backup", path);
	if (size)
		*size = stat(path, &st) == 0 ? (long long)st.st_size : 0;
	return GN_OK;
}

static bool has_table(sqlite3 *sql, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(sql, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &st, NULL)
	    == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

gn_file_verdict gn_db_file_inspect(const char *path, int *version)
{
	*version = -1;
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || access(path, R_OK) != 0)
		return GN_FILE_UNREADABLE;
	sqlite3 *sql = NULL;
	if (sqlite3_open_v2(path, &sql, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(sql);
		return GN_FILE_UNREADABLE;
	}
	gn_file_verdict v = GN_FILE_OK;
	sqlite3_stmt *st_v = NULL;
	int rc = sqlite3_prepare_v2(sql, "PRAGMA user_version", -1, &st_v, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st_v) == SQLITE_ROW)
		*version = sqlite3_column_int(st_v, 0);
	else
		v = (sqlite3_errcode(sql) & 0xff) == SQLITE_NOTADB ? GN_FILE_NOT_DATABASE : GN_FILE_DAMAGED;
	sqlite3_finalize(st_v);
	if (v == GN_FILE_OK && *version > gn_migrate_latest())
		v = GN_FILE_NEWER;
	else if (v == GN_FILE_OK && (*version < 1 || !has_table(sql, "ward") || !has_table(sql, "household")))
		v = GN_FILE_NOT_GIAMNGHEO;
	else if (v == GN_FILE_OK && !single_ok_row(sql, "PRAGMA integrity_check"))
		v = GN_FILE_DAMAGED;
	sqlite3_close(sql);
	return v;
}

static void safety_name(const char *db_path, char *out, size_t size)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(out, size, "%s.before-restore-%s", db_path, stamp);
	for (int i = 2; i < 100 && access(out, F_OK) == 0; i++)
		snprintf(out, size, "%s.before-restore-%s-%d", db_path, stamp, i);
}

gn_status gn_restore(gn_db *db, const char *db_path, const char *path, char *safety, size_t safety_size)
{
	int version;
	if (safety_size)
		safety[0] = '\0';
	if (db->readonly)
		return GN_ERR_READONLY;
	gn_status allowed = gn_access_admin(db);
	if (allowed != GN_OK)
		return allowed;
	if (same_file(path, db_path))
		return GN_ERR_INVALID;
	gn_file_verdict v = gn_db_file_inspect(path, &version);
	if (v == GN_FILE_NEWER)
		return GN_ERR_SCHEMA_NEWER;
	if (v != GN_FILE_OK)
		return GN_ERR_INVALID;

	/* Nothing to keep in a database that never held a ward (a new
	 * installation being filled from a backup). */
	gn_status s = GN_OK;
	if (gn_db_int_query(db, "SELECT count(*) FROM ward", 0, 0) > 0) {
		safety_name(db_path, safety, safety_size);
		s = gn_backup(db, safety, false, NULL);
		if (s != GN_OK) {
			safety[0] = '\0';
			return s;
		}
	}

	/* Bring the file to our schema in a private copy first, so that the
	 * shared database goes from the current data to the restored data,
	 * already migrated, in one transaction. */
	struct stat st;
	mode_t mode = stat(db_path, &st) == 0 ? (st.st_mode & 0660) : 0640;
	char tmp[PATH_MAX];
	s = make_temp(db_path, "restore", mode | 0600, tmp, sizeof tmp);
	if (s != GN_OK)
		return s;
	sqlite3 *src = NULL;
	s = gn_db_status(sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL));
	if (s == GN_OK)
		s = write_copy(src, tmp);
	sqlite3_close(src);
	gn_db *copy = NULL;
	if (s == GN_OK)
		s = gn_db_open(tmp, false, &copy);
	if (s == GN_OK)
		s = copy_pages(db->sql, copy->sql, -1);
	gn_db_close(copy);
	remove_with_companions(tmp);
	return s;
}

/* ---- checks ---- */

typedef void (*describe_fn)(sqlite3_stmt *st, char *buf, size_t size);

static int run_check(gn_db *db, const char *sql, describe_fn describe, const char *ok_text,
		     gn_check_emit emit, void *ctx)
{
	char text[512];
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st) {
		snprintf(text, sizeof text, _("could not run a check: %s"), sqlite3_errmsg(db->sql));
		emit(ctx, false, text);
		return 1;
	}
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ < MAX_LISTED) {
			describe(st, text, sizeof text);
			emit(ctx, false, text);
		}
	}
	if (rc != SQLITE_DONE) {
		snprintf(text, sizeof text, _("could not finish a check: %s"), sqlite3_errmsg(db->sql));
		emit(ctx, false, text);
		n++;
	}
	sqlite3_finalize(st);
	if (n > MAX_LISTED) {
		snprintf(text, sizeof text, _("... and %d more like the above"), n - MAX_LISTED);
		emit(ctx, false, text);
	}
	if (n == 0)
		emit(ctx, true, ok_text);
	return n;
}

static const char *col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

static void describe_integrity(sqlite3_stmt *st, char *buf, size_t size)
{
	/* SQLite may put every damaged page in one row; the first line is
	 * enough, and leaves room for the advice. */
	char first[200];
	const char *text = col_text(st, 0);
	snprintf(first, sizeof first, "%.*s", (int)strcspn(text, "\n"), text);
	snprintf(buf, size, _("damaged file: %s (restore the latest good backup)"), first);
}

static void describe_foreign_key(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("a row of table %s (id %lld) refers to a missing row of table %s"),
		 col_text(st, 0), (long long)sqlite3_column_int64(st, 1), col_text(st, 2));
}

static void describe_search_orphan(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("the search index has an entry (id %lld) for no current household"),
		 (long long)sqlite3_column_int64(st, 0));
}

static void describe_search_missing(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("household %s is missing from the search index"), col_text(st, 0));
}

static void describe_people_orphan(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("the people index has an entry (id %lld) for no current household"),
		 (long long)sqlite3_column_int64(st, 0));
}

static void describe_people_missing(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("the head of household %s is missing from the people index"), col_text(st, 0));
}

static void describe_report(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("report %lld points at deadline %lld, which does not exist"),
		 (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1));
}

static void describe_leads(sqlite3_stmt *st, char *buf, size_t size)
{
	snprintf(buf, size, _("household %s has %lld lead agencies (at most one is allowed)"),
		 col_text(st, 0), (long long)sqlite3_column_int64(st, 1));
}

static void describe_ward(sqlite3_stmt *st, char *buf, size_t size)
{
	(void)st;
	snprintf(buf, size, "%s", _("the database holds no ward (create it with 'giamngheo init')"));
}

int gn_db_check(gn_db *db, gn_check_emit emit, void *ctx)
{
	if (gn_db_int_query(db, "SELECT count(*) FROM sqlite_master", 0, -1) < 0)
		return -1;
	int n = 0;
	n += run_check(db, "SELECT * FROM pragma_integrity_check(100) WHERE integrity_check <> 'ok'",
		       describe_integrity, _("the database file is intact (integrity check)"), emit, ctx);
	n += run_check(db, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
		       describe_foreign_key, _("every reference between tables points at an existing row"), emit, ctx);
	n += run_check(db, "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM ward)",
		       describe_ward, _("the ward is recorded"), emit, ctx);
	n += run_check(db, "SELECT s.rowid FROM household_search s WHERE NOT EXISTS"
		       " (SELECT 1 FROM household h WHERE h.id = s.rowid AND h.deleted = 0) ORDER BY s.rowid",
		       describe_search_orphan, _("every search index entry belongs to a current household"), emit, ctx);
	n += run_check(db, "SELECT h.code FROM household h WHERE h.deleted = 0 AND NOT EXISTS"
		       " (SELECT 1 FROM household_search s WHERE s.rowid = h.id) ORDER BY h.code",
		       describe_search_missing, _("every current household is in the search index"), emit, ctx);
	n += run_check(db, "SELECT p.id FROM search_person p WHERE NOT EXISTS"
		       " (SELECT 1 FROM household h WHERE h.id = p.household_id AND h.deleted = 0) ORDER BY p.id",
		       describe_people_orphan, _("every people index entry belongs to a current household"), emit, ctx);
	n += run_check(db, "SELECT h.code FROM household h WHERE h.deleted = 0 AND NOT EXISTS"
		       " (SELECT 1 FROM search_person p WHERE p.household_id = h.id AND p.kind = 0) ORDER BY h.code",
		       describe_people_missing, _("every current head of household is in the people index"), emit, ctx);
	n += run_check(db, "SELECT r.id, r.deadline_id FROM report r WHERE NOT EXISTS"
		       " (SELECT 1 FROM deadline d WHERE d.id = r.deadline_id) ORDER BY r.id",
		       describe_report, _("every report belongs to an existing deadline"), emit, ctx);
	n += run_check(db, "SELECT coalesce(h.code, '#' || a.household_id), count(*) FROM assignment a"
		       " LEFT JOIN household h ON h.id = a.household_id WHERE a.role = 'lead'"
		       " GROUP BY a.household_id HAVING count(*) > 1 ORDER BY 1",
		       describe_leads, _("no household has more than one lead agency"), emit, ctx);
	return n;
}
