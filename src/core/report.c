#include "giamngheo/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/text.h"

/* Reports are filed for an agency: by its editors or an administrator. */
static gn_status may_file(gn_db *db, const char *agency_of, long long id)
{
	long long agency = gn_db_int_query(db, agency_of, id, 0);
	return agency ? gn_access_agency(db, agency) : GN_ERR_NOT_FOUND;
}
#define DEADLINE_AGENCY "SELECT agency_id FROM deadline WHERE id = ?"
#define REPORT_AGENCY "SELECT agency_id FROM report WHERE id = ?"

gn_status gn_report_submit(gn_db *db, long long deadline_id, gn_date submitted_on,
			   const char *submitted_by, const char *summary, long long *report_id)
{
	gn_status allowed = may_file(db, DEADLINE_AGENCY, deadline_id);
	if (allowed != GN_OK)
		return allowed;
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

void gn_report_clear(gn_report *r)
{
	free(r->summary);
	free(r->content);
	memset(r, 0, sizeof *r);
}

/* text in NFC into *out (NULL stays ""), or an error for invalid UTF-8. */
static gn_status nfc_copy(const char *text, char **out)
{
	*out = NULL;
	if (text && !gn_text_valid_utf8(text, strlen(text)))
		return GN_ERR_INVALID;
	*out = gn_text_nfc(text ? text : "");
	return *out ? GN_OK : GN_ERR_NOMEM;
}

/* The name of who submitted: UTF-8, not blank, fits gn_report. */
static gn_status nfc_name(const char *name, char *out, size_t size)
{
	char *nfc;
	gn_status s = nfc_copy(name, &nfc);
	if (s != GN_OK)
		return s;
	const char *p = nfc;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || strlen(nfc) >= size)
		s = GN_ERR_INVALID;
	else
		memcpy(out, nfc, strlen(nfc) + 1);
	free(nfc);
	return s;
}

gn_status gn_report_record(gn_db *db, long long deadline_id, gn_date submitted_on,
			   const char *submitted_by, const char *summary, const char *content,
			   long long *report_id)
{
	char by[128];
	char *sum = NULL, *fig = NULL;
	gn_status s = may_file(db, DEADLINE_AGENCY, deadline_id);
	if (s != GN_OK)
		return s;
	if (!gn_date_valid(submitted_on))
		return GN_ERR_INVALID;
	s = nfc_name(submitted_by, by, sizeof by);
	if (s == GN_OK)
		s = nfc_copy(summary, &sum);
	if (s == GN_OK)
		s = nfc_copy(content, &fig);
	sqlite3_stmt *st = s == GN_OK ? gn_db_prepare(db,
		"INSERT INTO report(deadline_id, agency_id, submitted_on, submitted_by, summary, content,"
		" updated_at, updated_by)"
		" SELECT id, agency_id, ?2, ?3, ?4, ?5, ?6, ?7 FROM deadline WHERE id = ?1") : NULL;
	if (s == GN_OK && !st)
		s = GN_ERR_DB;
	if (s == GN_OK) {
		char now[24];
		gn_db_timestamp(now, sizeof now);
		sqlite3_bind_int64(st, 1, deadline_id);
		gn_db_bind_date(st, 2, submitted_on);
		sqlite3_bind_text(st, 3, by, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, sum, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, fig, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, db->actor, -1, SQLITE_TRANSIENT);
		s = gn_db_status(sqlite3_step(st));
		if (s == GN_OK && sqlite3_changes(db->sql) == 0)
			s = GN_ERR_NOT_FOUND;
		if (s == GN_OK && report_id)
			*report_id = sqlite3_last_insert_rowid(db->sql);
	}
	sqlite3_finalize(st);
	free(sum);
	free(fig);
	return s;
}

#define REPORT_SELECT \
	"SELECT id, deadline_id, agency_id, submitted_on, submitted_by, summary, content, withdrawn," \
	" version, updated_at, updated_by FROM report "

static gn_status load_where(gn_db *db, const char *sql, long long param, gn_report *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, param);
	int rc = sqlite3_step(st);
	gn_status s = rc == SQLITE_ROW ? GN_OK : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	if (s == GN_OK) {
		out->id = sqlite3_column_int64(st, 0);
		out->deadline_id = sqlite3_column_int64(st, 1);
		out->agency_id = sqlite3_column_int64(st, 2);
		out->submitted_on = gn_db_column_date(st, 3);
		gn_db_column_copy(st, 4, out->submitted_by, sizeof out->submitted_by);
		out->summary = gn_db_column_dup(st, 5);
		out->content = gn_db_column_dup(st, 6);
		out->withdrawn = sqlite3_column_int(st, 7) != 0;
		out->version = sqlite3_column_int(st, 8);
		gn_db_column_copy(st, 9, out->updated_at, sizeof out->updated_at);
		gn_db_column_copy(st, 10, out->updated_by, sizeof out->updated_by);
		if (!out->summary || !out->content) {
			gn_report_clear(out);
			s = GN_ERR_NOMEM;
		}
	}
	sqlite3_finalize(st);
	return s;
}

gn_status gn_report_load(gn_db *db, long long id, gn_report *out)
{
	return load_where(db, REPORT_SELECT "WHERE id = ?1", id, out);
}

gn_status gn_report_load_live(gn_db *db, long long deadline_id, gn_report *out)
{
	return load_where(db, REPORT_SELECT "WHERE deadline_id = ?1 AND withdrawn = 0", deadline_id, out);
}

/* After an update that changed nothing: someone else was first. */
static gn_status conflict(gn_db *db, long long id, gn_report *current)
{
	gn_report now;
	gn_status s = gn_report_load(db, id, &now);
	if (s != GN_OK)
		return s;
	if (current)
		*current = now;
	else
		gn_report_clear(&now);
	return GN_ERR_CONFLICT;
}

gn_status gn_report_correct(gn_db *db, gn_report *r, gn_report *current)
{
	char by[128];
	char *sum = NULL, *fig = NULL;
	gn_status s = may_file(db, REPORT_AGENCY, r->id);
	if (s != GN_OK)
		return s;
	if (!gn_date_valid(r->submitted_on))
		return GN_ERR_INVALID;
	s = nfc_name(r->submitted_by, by, sizeof by);
	if (s == GN_OK)
		s = nfc_copy(r->summary, &sum);
	if (s == GN_OK)
		s = nfc_copy(r->content, &fig);
	sqlite3_stmt *st = s == GN_OK ? gn_db_prepare(db,
		"UPDATE report SET submitted_on = ?1, submitted_by = ?2, summary = ?3, content = ?4,"
		" updated_at = ?5, updated_by = ?6, version = version + 1"
		" WHERE id = ?7 AND version = ?8 AND withdrawn = 0") : NULL;
	if (s == GN_OK && !st)
		s = GN_ERR_DB;
	if (s == GN_OK) {
		char now[24];
		gn_db_timestamp(now, sizeof now);
		gn_db_bind_date(st, 1, r->submitted_on);
		sqlite3_bind_text(st, 2, by, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, sum, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, fig, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, db->actor, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 7, r->id);
		sqlite3_bind_int(st, 8, r->version);
		s = gn_db_status(sqlite3_step(st));
		if (s == GN_OK && sqlite3_changes(db->sql) == 0)
			s = conflict(db, r->id, current);
		else if (s == GN_OK) {
			r->version++;
			snprintf(r->submitted_by, sizeof r->submitted_by, "%s", by);
		}
	}
	sqlite3_finalize(st);
	free(sum);
	free(fig);
	return s;
}

gn_status gn_report_withdraw(gn_db *db, long long id, int version, gn_report *current)
{
	gn_status allowed = may_file(db, REPORT_AGENCY, id);
	if (allowed != GN_OK)
		return allowed;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE report SET withdrawn = 1, updated_at = ?1, updated_by = ?2, version = version + 1"
		" WHERE id = ?3 AND version = ?4 AND withdrawn = 0");
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, db->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int(st, 4, version);
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK && sqlite3_changes(db->sql) == 0)
		return conflict(db, id, current);
	return s;
}
