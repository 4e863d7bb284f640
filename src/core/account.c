#include "giamngheo/account.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/i18n.h"

#define ACCOUNT_SELECT \
	"SELECT a.id, a.login, a.role, coalesce(a.agency_id, 0), coalesce(g.code, ''), a.version," \
	" a.updated_at, a.updated_by FROM account a LEFT JOIN agency g ON g.id = a.agency_id "

static void read_account(sqlite3_stmt *st, gn_account *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	gn_db_column_copy(st, 1, a->login, sizeof a->login);
	gn_user_role_from_code((const char *)sqlite3_column_text(st, 2), &a->role);
	a->agency_id = sqlite3_column_int64(st, 3);
	gn_db_column_copy(st, 4, a->agency, sizeof a->agency);
	a->version = sqlite3_column_int(st, 5);
	gn_db_column_copy(st, 6, a->updated_at, sizeof a->updated_at);
	gn_db_column_copy(st, 7, a->updated_by, sizeof a->updated_by);
}

gn_status gn_account_list(gn_db *db, gn_account **out, int *n)
{
	*out = NULL;
	*n = 0;
	gn_status s = gn_access_personal(db);
	if (s != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db, ACCOUNT_SELECT "WHERE a.deleted = 0 ORDER BY a.login");
	if (!st)
		return GN_ERR_DB;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 8)) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_account(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return gn_db_status(rc);
	}
	return GN_OK;
}

gn_status gn_account_load(gn_db *db, const char *login, gn_account *out)
{
	gn_status s = gn_access_personal(db);
	if (s != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db, ACCOUNT_SELECT "WHERE a.login = ? AND a.deleted = 0");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_account(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
}

/* The portable Unix user name characters (POSIX), as useradd accepts them. */
static bool valid_login(const char *login)
{
	size_t len = strlen(login);
	if (len == 0 || len >= sizeof ((gn_account *)0)->login || login[0] == '-')
		return false;
	return strspn(login, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == len;
}

/* Run inside the write: a change that would leave no administrator is
 * undone, whoever made it and however. */
static gn_status keep_an_admin(gn_db *db, const char *login)
{
	if (gn_db_int_query(db, "SELECT count(*) FROM account WHERE role = 'admin' AND deleted = 0", 0, 0) > 0)
		return GN_OK;
	return gn_status_refuse(_("%s is the last administrator: make another account administrator first."), login);
}

static gn_status write_account(gn_db *db, gn_account *a, bool removing)
{
	gn_status s = gn_access_admin(db);
	if (s != GN_OK)
		return s;
	if (!valid_login(a->login) || a->role == GN_USER_UNKNOWN || (a->role == GN_USER_EDITOR && a->agency_id <= 0))
		return GN_ERR_INVALID;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	/* An insert revives a removed login rather than failing on its name,
	 * so its history stays under one id. */
	sqlite3_stmt *st = gn_db_prepare(db, a->id == 0
		? "INSERT INTO account(login, role, agency_id, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)"
		  " ON CONFLICT (login) DO UPDATE SET role = excluded.role, agency_id = excluded.agency_id,"
		  " deleted = 0, updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
		  " version = version + 1 WHERE deleted = 1"
		: "UPDATE account SET role = ?2, agency_id = ?3, updated_at = ?4, updated_by = ?5, deleted = ?8,"
		  " version = version + 1 WHERE id = ?6 AND version = ?7 AND deleted = 0");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	if (a->id == 0)
		sqlite3_bind_text(st, 1, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, gn_user_role_code(a->role), -1, SQLITE_STATIC);
	gn_db_bind_id(st, 3, a->role == GN_USER_EDITOR ? a->agency_id : 0);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, db->actor, -1, SQLITE_TRANSIENT);
	if (a->id != 0) {
		sqlite3_bind_int64(st, 6, a->id);
		sqlite3_bind_int(st, 7, a->version);
		sqlite3_bind_int(st, 8, removing);
	}
	s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK && sqlite3_changes(db->sql) == 0)
		s = a->id == 0 ? GN_ERR_DUPLICATE : GN_ERR_CONFLICT;
	if (s == GN_OK)
		s = keep_an_admin(db, a->login);
	s = gn_tx_end(db, &tx, s);
	if (s == GN_OK && !removing)
		gn_account_load(db, a->login, a);
	return s;
}

gn_status gn_account_save(gn_db *db, gn_account *a)
{
	return write_account(db, a, false);
}

gn_status gn_account_remove(gn_db *db, const gn_account *a)
{
	gn_account copy = *a;
	return write_account(db, &copy, true);
}

void gn_account_log_export(gn_db *db, const char *what, const char *destination)
{
	if (db->readonly)
		return;
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO export_log(what, destination, updated_at, updated_by) VALUES (?, ?, ?, ?)");
	if (!st)
		return;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, what, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, destination ? destination : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, db->actor, -1, SQLITE_TRANSIENT);
	sqlite3_step(st);
	sqlite3_finalize(st);
}
