#include "giamngheo/report.h"

#include <string.h>

#include "giamngheo/text.h"

gn_status gn_report_submit(gn_db *db, long long deadline_id, gn_date submitted_on,
			   const char *submitted_by, const char *summary, long long *report_id)
{
	if (!gn_date_valid(submitted_on) || !submitted_by ||
	    !gn_text_valid_utf8(submitted_by, strlen(submitted_by)) ||
	    (summary && !gn_text_valid_utf8(summary, strlen(summary))))
		return GN_ERR_INVALID;
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO report(deadline_id, agency_id, submitted_on, submitted_by, summary,"
		" updated_at, updated_by)"
		" SELECT id, agency_id, ?2, ?3, ?4, ?5, ?6 FROM deadline WHERE id = ?1");
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_int64(st, 1, deadline_id);
	gn_db_bind_date(st, 2, submitted_on);
	sqlite3_bind_text(st, 3, submitted_by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, summary ? summary : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, db->actor, -1, SQLITE_TRANSIENT);
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK && sqlite3_changes(db->sql) == 0)
		return GN_ERR_NOT_FOUND;
	if (s == GN_OK && report_id)
		*report_id = sqlite3_last_insert_rowid(db->sql);
	return s;
}
