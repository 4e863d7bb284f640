#include "giamngheo/ward.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/access.h"

gn_status gn_ward_load(gn_db *db, gn_ward *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT name, province, plan_ref, area, year, total_households, baseline_poor,"
		" baseline_no_work_capacity, province_rate_from_bp, province_rate_to_bp,"
		" plan_exit_households, plan_rate_cut_bp, period_start, period_end, focal_agency_id,"
		" focal_contact, focal_phone, current_standard_id, version FROM ward WHERE id = 1");
	if (!st)
		return GN_ERR_DB;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	}
	gn_db_column_copy(st, 0, out->name, sizeof out->name);
	gn_db_column_copy(st, 1, out->province, sizeof out->province);
	gn_db_column_copy(st, 2, out->plan_ref, sizeof out->plan_ref);
	gn_area_from_code((const char *)sqlite3_column_text(st, 3), &out->area);
	out->year = sqlite3_column_int(st, 4);
	out->total_households = sqlite3_column_int64(st, 5);
	out->baseline_poor = sqlite3_column_int(st, 6);
	out->baseline_no_work_capacity = sqlite3_column_int(st, 7);
	out->province_rate_from_bp = sqlite3_column_int(st, 8);
	out->province_rate_to_bp = sqlite3_column_int(st, 9);
	out->plan_exit_households = sqlite3_column_int(st, 10);
	out->plan_rate_cut_bp = sqlite3_column_int(st, 11);
	out->period_start = gn_db_column_date(st, 12);
	out->period_end = gn_db_column_date(st, 13);
	out->focal_agency_id = sqlite3_column_int64(st, 14);
	gn_db_column_copy(st, 15, out->focal_contact, sizeof out->focal_contact);
	gn_db_column_copy(st, 16, out->focal_phone, sizeof out->focal_phone);
	out->current_standard_id = sqlite3_column_int64(st, 17);
	out->version = sqlite3_column_int(st, 18);
	sqlite3_finalize(st);
	return GN_OK;
}

gn_status gn_ward_save(gn_db *db, gn_ward *w)
{
	gn_status allowed = gn_access_admin(db);
	if (allowed != GN_OK)
		return allowed;
	if (w->total_households <= 0 || w->year < 2000 || w->year > 2100 || !w->name[0])
		return GN_ERR_INVALID;
	gn_tx tx;
	gn_status s = gn_tx_begin(db, &tx);
	if (s != GN_OK)
		return s;
	bool exists = gn_db_int_query(db, "SELECT count(*) FROM ward", 0, 0) > 0;
	sqlite3_stmt *st = gn_db_prepare(db, exists
		? "UPDATE ward SET name=?1, province=?2, plan_ref=?3, area=?4, year=?5, total_households=?6,"
		  " baseline_poor=?7, baseline_no_work_capacity=?8, province_rate_from_bp=?9,"
		  " province_rate_to_bp=?10, plan_exit_households=?11, plan_rate_cut_bp=?12,"
		  " period_start=?13, period_end=?14, focal_agency_id=?15, focal_contact=?16,"
		  " focal_phone=?17, current_standard_id=?18, version=version+1, updated_at=?19,"
		  " updated_by=?20 WHERE id = 1 AND version = ?21"
		: "INSERT INTO ward(id, name, province, plan_ref, area, year, total_households, baseline_poor,"
		  " baseline_no_work_capacity, province_rate_from_bp, province_rate_to_bp,"
		  " plan_exit_households, plan_rate_cut_bp, period_start, period_end, focal_agency_id,"
		  " focal_contact, focal_phone, current_standard_id, updated_at, updated_by)"
		  " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		  " ?18, ?19, ?20)");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, w->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, w->province, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, w->plan_ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, gn_area_code(w->area), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, w->year);
	sqlite3_bind_int64(st, 6, w->total_households);
	sqlite3_bind_int(st, 7, w->baseline_poor);
	sqlite3_bind_int(st, 8, w->baseline_no_work_capacity);
	sqlite3_bind_int(st, 9, w->province_rate_from_bp);
	sqlite3_bind_int(st, 10, w->province_rate_to_bp);
	sqlite3_bind_int(st, 11, w->plan_exit_households);
	sqlite3_bind_int(st, 12, w->plan_rate_cut_bp);
	gn_db_bind_date(st, 13, w->period_start);
	gn_db_bind_date(st, 14, w->period_end);
	gn_db_bind_id(st, 15, w->focal_agency_id);
	sqlite3_bind_text(st, 16, w->focal_contact, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 17, w->focal_phone, -1, SQLITE_TRANSIENT);
	gn_db_bind_id(st, 18, w->current_standard_id);
	sqlite3_bind_text(st, 19, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 20, db->actor, -1, SQLITE_TRANSIENT);
	if (exists)
		sqlite3_bind_int(st, 21, w->version);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	s = gn_db_status(rc);
	if (s == GN_OK && exists && sqlite3_changes(db->sql) == 0)
		s = GN_ERR_CONFLICT;
	if (s == GN_OK)
		w->version = exists ? w->version + 1 : 1;
	return gn_tx_end(db, &tx, s);
}
