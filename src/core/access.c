#include "giamngheo/access.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "giamngheo/i18n.h"

/* Digits of an ID number a viewer still sees: enough to tell two members
 * apart in a meeting, too few to use the number. */
#define SHOWN_DIGITS 4

const char *gn_user_role_code(gn_user_role r)
{
	switch (r) {
	case GN_USER_ADMIN:
		return "admin";
	case GN_USER_EDITOR:
		return "editor";
	case GN_USER_VIEWER:
		return "viewer";
	case GN_USER_UNKNOWN:
		break;
	}
	return "";
}

bool gn_user_role_from_code(const char *code, gn_user_role *out)
{
	static const gn_user_role roles[] = { GN_USER_ADMIN, GN_USER_EDITOR, GN_USER_VIEWER };
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (code && strcmp(code, gn_user_role_code(roles[i])) == 0) {
			*out = roles[i];
			return true;
		}
	return false;
}

const char *gn_user_role_label(gn_user_role r)
{
	switch (r) {
	case GN_USER_ADMIN:
		return _("administrator");
	case GN_USER_EDITOR:
		return _("editor");
	case GN_USER_VIEWER:
		return _("viewer");
	case GN_USER_UNKNOWN:
		break;
	}
	return _("no account");
}

gn_status gn_access_become(gn_db *db, const char *login)
{
	gn_db_set_actor(db, login);
	db->role = GN_USER_UNKNOWN;
	db->agency_id = 0;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT role, coalesce(agency_id, 0) FROM account WHERE login = ? AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && gn_user_role_from_code((const char *)sqlite3_column_text(st, 0), &db->role))
		db->agency_id = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
}

gn_status gn_access_open(gn_db *db, const char *path)
{
	uid_t me = geteuid(), owner = me;
	struct stat sb;
	if (path && *path && strcmp(path, ":memory:") != 0 && stat(path, &sb) == 0)
		owner = sb.st_uid;
	const struct passwd *pw = getpwuid(me);
	char login[sizeof db->actor];
	snprintf(login, sizeof login, "%s", pw ? pw->pw_name : db->actor);

	bool first = gn_db_int_query(db, "SELECT NOT EXISTS (SELECT 1 FROM account)", 0, 0) != 0;
	if (first && me == owner && !db->readonly) {
		sqlite3_stmt *st = gn_db_prepare(db,
			"INSERT INTO account(login, role, updated_by)"
			" SELECT ?1, 'admin', ?1 WHERE NOT EXISTS (SELECT 1 FROM account)");
		if (!st)
			return GN_ERR_DB;
		sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return gn_db_status(rc);
		first = false;
	}

	const char *as = getenv("GIAMNGHEO_USER");
	bool impersonating = me == owner && as && *as && strcmp(as, login) != 0;
	gn_status s = gn_access_become(db, impersonating ? as : login);
	/* A read-only file without accounts cannot record its first admin;
	 * its owner is that admin all the same. */
	if (s == GN_OK && first && me == owner && !impersonating)
		db->role = GN_USER_ADMIN;
	return s;
}

static gn_status refuse_unknown(const gn_db *db)
{
	return gn_status_refuse(_("No access yet: ask an administrator to add the account %s."), db->actor);
}

gn_status gn_access_personal(gn_db *db)
{
	return db->role == GN_USER_UNKNOWN ? refuse_unknown(db) : GN_OK;
}

static gn_status refuse_role(const gn_db *db)
{
	if (db->role == GN_USER_UNKNOWN)
		return refuse_unknown(db);
	if (db->role == GN_USER_VIEWER)
		return gn_status_refuse(_("The account %s may only view."), db->actor);
	return gn_status_refuse(_("Only an administrator may do this; the account %s is an editor."), db->actor);
}

gn_status gn_access_admin(gn_db *db)
{
	return db->role == GN_USER_ADMIN ? GN_OK : refuse_role(db);
}

/* The editor's agency by code, for messages. */
static void own_agency_code(gn_db *db, char *out, size_t size)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT code FROM agency WHERE id = ?");
	out[0] = '\0';
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, db->agency_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		gn_db_column_copy(st, 0, out, size);
	sqlite3_finalize(st);
}

gn_status gn_access_household(gn_db *db, long long household_id)
{
	if (db->role == GN_USER_ADMIN)
		return GN_OK;
	if (db->role != GN_USER_EDITOR)
		return refuse_role(db);
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT 1 FROM assignment WHERE household_id = ? AND agency_id = ?");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int64(st, 2, db->agency_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return GN_OK;
	if (rc != SQLITE_DONE)
		return gn_db_status(rc);
	char agency[32];
	own_agency_code(db, agency, sizeof agency);
	return gn_status_refuse(_("The account %s works for %s, which neither leads nor supports this household."),
				db->actor, agency);
}

gn_status gn_access_agency(gn_db *db, long long agency_id)
{
	if (db->role == GN_USER_ADMIN || (db->role == GN_USER_EDITOR && db->agency_id == agency_id))
		return GN_OK;
	if (db->role != GN_USER_EDITOR)
		return refuse_role(db);
	char agency[32];
	own_agency_code(db, agency, sizeof agency);
	return gn_status_refuse(_("The account %s works for %s and may act only for that agency."),
				db->actor, agency);
}

bool gn_access_sees_ids(const gn_db *db)
{
	return db->role == GN_USER_ADMIN || db->role == GN_USER_EDITOR;
}

void gn_access_mask_id(const gn_db *db, char *id)
{
	if (!id || gn_access_sees_ids(db))
		return;
	size_t len = strlen(id);
	for (size_t i = 0; i + SHOWN_DIGITS < len; i++)
		id[i] = '*';
}
