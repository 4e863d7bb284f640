#include "giamngheo/standard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"

static gn_status load_indicators(gn_db *db, gn_standard *s)
{
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT i.id, i.code, i.name_vi, i.name_en, d.name_vi, d.name_en FROM indicator i"
		" JOIN dimension d ON d.id = i.dimension_id WHERE i.standard_id = ? ORDER BY i.position");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, s->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && s->n_indicators < GN_MAX_INDICATORS) {
		gn_indicator *ind = &s->indicators[s->n_indicators++];
		ind->id = sqlite3_column_int64(st, 0);
		snprintf(ind->code, sizeof ind->code, "%s", (const char *)sqlite3_column_text(st, 1));
		ind->name_vi = gn_db_column_dup(st, 2);
		ind->name_en = gn_db_column_dup(st, 3);
		ind->dimension_vi = gn_db_column_dup(st, 4);
		ind->dimension_en = gn_db_column_dup(st, 5);
		if (!ind->name_vi || !ind->name_en || !ind->dimension_vi || !ind->dimension_en) {
			sqlite3_finalize(st);
			return GN_ERR_NOMEM;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? GN_OK : gn_db_status(rc);
}

static gn_status load_where(gn_db *db, const char *sql, long long id, const char *code, gn_standard *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return GN_ERR_DB;
	if (code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	}
	out->id = sqlite3_column_int64(st, 0);
	snprintf(out->code, sizeof out->code, "%s", (const char *)sqlite3_column_text(st, 1));
	out->name = gn_db_column_dup(st, 2);
	gn_date_parse_iso((const char *)sqlite3_column_text(st, 3), &out->valid_from);
	gn_date_parse_iso((const char *)sqlite3_column_text(st, 4), &out->valid_to);
	out->thresholds.line_rural = sqlite3_column_int64(st, 5);
	out->thresholds.line_urban = sqlite3_column_int64(st, 6);
	out->thresholds.middle_rural_max = sqlite3_column_int64(st, 7);
	out->thresholds.middle_urban_max = sqlite3_column_int64(st, 8);
	out->thresholds.min_deprivations = sqlite3_column_int(st, 9);
	sqlite3_finalize(st);
	if (!out->name)
		return GN_ERR_NOMEM;
	gn_status s = load_indicators(db, out);
	if (s != GN_OK)
		gn_standard_clear(out);
	return s;
}

#define STANDARD_SELECT \
	"SELECT id, code, name, valid_from, valid_to, line_rural, line_urban, middle_rural_max," \
	" middle_urban_max, min_deprivations FROM standard "

gn_status gn_standard_load(gn_db *db, long long id, gn_standard *out)
{
	return load_where(db, STANDARD_SELECT "WHERE id = ?", id, NULL, out);
}

gn_status gn_standard_load_code(gn_db *db, const char *code, gn_standard *out)
{
	return load_where(db, STANDARD_SELECT "WHERE code = ?", 0, code, out);
}

void gn_standard_clear(gn_standard *s)
{
	free(s->name);
	for (int i = 0; i < s->n_indicators; i++) {
		free(s->indicators[i].name_vi);
		free(s->indicators[i].name_en);
		free(s->indicators[i].dimension_vi);
		free(s->indicators[i].dimension_en);
	}
	memset(s, 0, sizeof *s);
}

int gn_standard_find(const gn_standard *s, const char *code)
{
	for (int i = 0; i < s->n_indicators; i++)
		if (strcmp(s->indicators[i].code, code) == 0)
			return i;
	return -1;
}

const char *gn_indicator_name(const gn_indicator *ind)
{
	return strcmp(gn_i18n_lang(), "en") == 0 ? ind->name_en : ind->name_vi;
}

const char *gn_indicator_dimension(const gn_indicator *ind)
{
	return strcmp(gn_i18n_lang(), "en") == 0 ? ind->dimension_en : ind->dimension_vi;
}

int gn_standard_ids(gn_db *db, long long *ids, int max)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT id FROM standard ORDER BY valid_from");
	int n = 0;
	while (st && n < max && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
