#include "giamngheo/deadline_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/array.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ward.h"

gn_status gn_deadline_rules_load(gn_db *db, gn_deadline_rule **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT id, code, title_vi, title_en, audience, kind, month, day, first_month, last_month,"
		" due_soon_days FROM deadline_rule WHERE active = 1 ORDER BY id");
	if (!st)
		return GN_ERR_DB;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 8)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_deadline_rule *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		gn_db_column_copy(st, 1, r->code, sizeof r->code);
		gn_db_column_copy(st, 2, r->title_vi, sizeof r->title_vi);
		gn_db_column_copy(st, 3, r->title_en, sizeof r->title_en);
		gn_audience_from_code((const char *)sqlite3_column_text(st, 4), &r->audience);
		r->monthly = strcmp((const char *)sqlite3_column_text(st, 5), "monthly") == 0;
		r->month = sqlite3_column_int(st, 6);
		r->day = sqlite3_column_int(st, 7);
		r->first_month = sqlite3_column_int(st, 8);
		r->last_month = sqlite3_column_int(st, 9);
		r->due_soon_days = sqlite3_column_int(st, 10);
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

/* The agencies a rule's audience covers today. ?3 is the audience code. */
#define AUDIENCE \
	"SELECT a.id FROM agency a WHERE a.deleted = 0 AND (" \
	" (?3 = 'assigned' AND EXISTS (SELECT 1 FROM assignment s JOIN household h ON h.id = s.household_id" \
	"   WHERE s.agency_id = a.id AND h.deleted = 0))" \
	" OR (?3 = 'lead' AND EXISTS (SELECT 1 FROM assignment s JOIN household h ON h.id = s.household_id" \
	"   WHERE s.agency_id = a.id AND s.role = 'lead' AND h.deleted = 0))" \
	" OR (?3 = 'focal' AND a.id = (SELECT focal_agency_id FROM ward WHERE id = 1)))"

/* A submitted report keeps its instance alive whatever the rules become. */
#define UNREPORTED "NOT EXISTS (SELECT 1 FROM report r WHERE r.deadline_id = deadline.id)"

static gn_status run(sqlite3_stmt *st)
{
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_reset(st);
	return s;
}

static gn_status sync_rule(const gn_deadline_rule *r, int year, sqlite3_stmt *add,
			   sqlite3_stmt *drop_agencies, sqlite3_stmt *drop_dates)
{
	gn_date dates[12];
	int n = gn_deadline_rule_dates(r, year, dates, 12);
	char json[12 * 14 + 4] = "[";
	gn_status s = GN_OK;
	for (int i = 0; i < n && s == GN_OK; i++) {
		char iso[11];
		gn_date_format_iso(dates[i], iso);
		snprintf(json + strlen(json), sizeof json - strlen(json), "%s\"%s\"", i ? "," : "", iso);
		sqlite3_bind_int64(add, 1, r->id);
		sqlite3_bind_text(add, 2, iso, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(add, 3, gn_audience_code(r->audience), -1, SQLITE_STATIC);
		s = run(add);
		if (s == GN_OK) {
			sqlite3_bind_int64(drop_agencies, 1, r->id);
			sqlite3_bind_text(drop_agencies, 2, iso, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(drop_agencies, 3, gn_audience_code(r->audience), -1, SQLITE_STATIC);
			s = run(drop_agencies);
		}
	}
	strcat(json, "]");
	if (s == GN_OK) {
		char year_text[8];
		snprintf(year_text, sizeof year_text, "%d", year);
		sqlite3_bind_int64(drop_dates, 1, r->id);
		sqlite3_bind_text(drop_dates, 2, json, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(drop_dates, 3, year_text, -1, SQLITE_TRANSIENT);
		s = run(drop_dates);
	}
	return s;
}

gn_status gn_deadline_sync(gn_db *db)
{
	gn_ward w;
	gn_status s = gn_ward_load(db, &w);
	if (s != GN_OK)
		return s;
	gn_deadline_rule *rules;
	int n;
	if ((s = gn_deadline_rules_load(db, &rules, &n)) != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK) {
		free(rules);
		return s;
	}
	sqlite3_stmt *add = gn_db_prepare(db,
		"INSERT OR IGNORE INTO deadline(rule_id, agency_id, due_date) SELECT ?1, id, ?2 FROM (" AUDIENCE ")");
	sqlite3_stmt *drop_agencies = gn_db_prepare(db,
		"DELETE FROM deadline WHERE rule_id = ?1 AND due_date = ?2 AND agency_id NOT IN (" AUDIENCE ")"
		" AND " UNREPORTED);
	sqlite3_stmt *drop_dates = gn_db_prepare(db,
		"DELETE FROM deadline WHERE rule_id = ?1 AND substr(due_date, 1, 4) = ?3"
		" AND due_date NOT IN (SELECT value FROM json_each(?2)) AND " UNREPORTED);
	sqlite3_stmt *drop_inactive = gn_db_prepare(db,
		"DELETE FROM deadline WHERE rule_id IN (SELECT id FROM deadline_rule WHERE active = 0)"
		" AND " UNREPORTED);
	if (!add || !drop_agencies || !drop_dates || !drop_inactive)
		s = GN_ERR_DB;
	for (int i = 0; i < n && s == GN_OK; i++)
		s = sync_rule(&rules[i], w.year, add, drop_agencies, drop_dates);
	if (s == GN_OK)
		s = run(drop_inactive);
	sqlite3_finalize(add);
	sqlite3_finalize(drop_agencies);
	sqlite3_finalize(drop_dates);
	sqlite3_finalize(drop_inactive);
	free(rules);
	return gn_tx_end(db, &tx, s);
}

gn_status gn_deadline_query(gn_db *db, const gn_deadline_filter *f, gn_date today,
			    gn_deadline_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT d.id, d.rule_id, r.code, r.title_vi, r.title_en, d.agency_id, a.code, a.name,"
		" d.due_date, r.due_soon_days, rep.submitted_on, rep.id, rep.submitted_by"
		" FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id JOIN agency a ON a.id = d.agency_id"
		/* A submission dated after "today" has not happened yet as seen from
		 * that day, so looking back at an earlier date gives what was known then. */
		" LEFT JOIN report rep ON rep.deadline_id = d.id AND rep.withdrawn = 0 AND rep.submitted_on <= ?6"
		" WHERE a.deleted = 0 AND (?1 IS NULL OR d.due_date >= ?1) AND (?2 IS NULL OR d.due_date <= ?2)"
		" AND (?3 IS NULL OR d.agency_id = ?3) AND (?4 IS NULL OR r.code = ?4)"
		" AND (?5 = 0 OR rep.id IS NULL)"
		" ORDER BY d.due_date, r.id, a.kind = 'tdp', a.code LIMIT ?7");
	if (!st)
		return GN_ERR_DB;
	gn_db_bind_date(st, 1, f ? f->from : (gn_date){ 0, 0, 0 });
	gn_db_bind_date(st, 2, f ? f->to : (gn_date){ 0, 0, 0 });
	gn_db_bind_id(st, 3, f ? f->agency_id : 0);
	gn_db_bind_text(st, 4, f ? f->rule_code : NULL);
	sqlite3_bind_int(st, 5, f && f->open_only);
	gn_db_bind_date(st, 6, today);
	sqlite3_bind_int(st, 7, f && f->limit > 0 ? f->limit : -1);
	bool english = strcmp(gn_i18n_lang(), "en") == 0;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 64)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_deadline_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->rule_id = sqlite3_column_int64(st, 1);
		gn_db_column_copy(st, 2, r->rule_code, sizeof r->rule_code);
		gn_db_column_copy(st, english ? 4 : 3, r->title, sizeof r->title);
		r->agency_id = sqlite3_column_int64(st, 5);
		gn_db_column_copy(st, 6, r->agency_code, sizeof r->agency_code);
		gn_db_column_copy(st, 7, r->agency_name, sizeof r->agency_name);
		r->due = gn_db_column_date(st, 8);
		r->due_soon_days = sqlite3_column_int(st, 9);
		r->submitted = sqlite3_column_type(st, 10) != SQLITE_NULL;
		if (r->submitted)
			r->submitted_on = gn_db_column_date(st, 10);
		r->status = gn_deadline_status_of(r->due, r->due_soon_days, today,
						  r->submitted ? &r->submitted_on : NULL);
		r->report_id = sqlite3_column_int64(st, 11);
		gn_db_column_copy(st, 12, r->submitted_by, sizeof r->submitted_by);
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

gn_status gn_deadline_find(gn_db *db, const char *rule_code, long long agency_id, gn_date due,
			   long long *id)
{
	*id = 0;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT d.id FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id"
		" WHERE r.code = ?1 AND d.agency_id = ?2 AND d.due_date = ?3");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, rule_code ? rule_code : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, agency_id);
	gn_db_bind_date(st, 3, due);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
}

gn_status gn_deadline_get(gn_db *db, long long id, gn_date today, gn_deadline_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT r.code, d.agency_id, d.due_date FROM deadline d"
		" JOIN deadline_rule r ON r.id = d.rule_id WHERE d.id = ?1");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	char code[32] = "";
	gn_deadline_filter f = { 0 };
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		gn_db_column_copy(st, 0, code, sizeof code);
		f.agency_id = sqlite3_column_int64(st, 1);
		f.from = f.to = gn_db_column_date(st, 2);
		f.rule_code = code;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	/* (rule, agency, due date) is unique: the query gives this one row. */
	gn_deadline_row *rows;
	int n;
	gn_status s = gn_deadline_query(db, &f, today, &rows, &n);
	if (s != GN_OK)
		return s;
	for (int i = 0; i < n; i++)
		if (rows[i].id == id)
			*out = rows[i];
	free(rows);
	return out->id == id ? GN_OK : GN_ERR_NOT_FOUND;
}
