#include "giamngheo/soft_delete.h"

/* One fixed pair of statements per table: table names cannot be bound, and
 * no SQL is ever built from anything the user typed. */
typedef struct {
	const char *flip;  /* ?1 now, ?2 actor, ?3 id, ?4 deleted now, ?5 version (< 0: any) */
	const char *still; /* ?: id; rows in the state before, whatever their version */
} flip_sql;

#define FLIP_SQL(table) \
	{ "UPDATE " table " SET deleted = 1 - deleted, updated_at = ?1, updated_by = ?2," \
	  " version = version + 1 WHERE id = ?3 AND deleted = ?4 AND (?5 < 0 OR version = ?5)", \
	  "SELECT count(*) FROM " table " WHERE id = ? AND deleted = 0" }

static const flip_sql sql_of[] = {
	[GN_RECORD_HOUSEHOLD] = FLIP_SQL("household"),
	[GN_RECORD_SUPPORT] = FLIP_SQL("support_item"),
	[GN_RECORD_STAFF] = FLIP_SQL("staff"),
	[GN_RECORD_AGENCY] = FLIP_SQL("agency"),
};

gn_status gn_soft_delete_flip(gn_db *db, gn_record_kind kind, long long id, int version, bool restore)
{
	if (kind <= GN_RECORD_NONE || kind > GN_RECORD_AGENCY)
		return GN_ERR_INVALID;
	sqlite3_stmt *st = gn_db_prepare(db, sql_of[kind].flip);
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, db->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int(st, 4, restore ? 1 : 0);
	sqlite3_bind_int(st, 5, restore ? -1 : version);
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s != GN_OK || sqlite3_changes(db->sql) > 0)
		return s;
	/* Nothing moved: a deletion whose record is still there was beaten by a
	 * save; anything else is no longer in the state to leave. */
	if (restore)
		return GN_ERR_NOT_FOUND;
	return gn_db_int_query(db, sql_of[kind].still, id, 0) ? GN_ERR_CONFLICT : GN_ERR_NOT_FOUND;
}
