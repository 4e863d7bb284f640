#include "giamngheo/stats.h"

#include <stdlib.h>
#include <string.h>

static double percent(long long part, long long whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : 0.0;
}

static gn_status counts(gn_db *db, gn_stats *s)
{
	/* Each count reads only the rows it counts through an index (class,
	 * targeted, exit date), never the whole register: the dashboard opens
	 * as fast on a province as on a ward. */
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT (SELECT count(*) FROM household WHERE class = 'poor' AND deleted = 0),"
		" (SELECT count(*) FROM household WHERE class = 'near_poor' AND deleted = 0),"
		" (SELECT count(*) FROM household WHERE class = 'poor' AND deleted = 0 AND no_work_capacity),"
		" (SELECT count(*) FROM household WHERE targeted = 1 AND deleted = 0),"
		" (SELECT count(*) FROM household WHERE exit_date IS NOT NULL AND exit_date LIKE ?1 || '-%'"
		"  AND deleted = 0),"
		" (SELECT count(*) FROM household WHERE targeted = 1 AND deleted = 0 AND exit_date LIKE ?1 || '-%')");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int(st, 1, s->ward.year);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->poor_now = sqlite3_column_int(st, 0);
		s->near_poor_now = sqlite3_column_int(st, 1);
		s->no_work_capacity_now = sqlite3_column_int(st, 2);
		s->targeted = sqlite3_column_int(st, 3);
		s->exited = sqlite3_column_int(st, 4);
		s->targeted_exited = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : gn_db_status(rc);
}

/* The agencies with a deadline before today that nothing submitted by
 * today answers, as gn_deadline_query would list them, counted by SQLite:
 * a province has thousands of past deadlines. */
static int overdue_agencies(gn_db *db, gn_date today)
{
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT count(DISTINCT d.agency_id) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id"
		" JOIN agency a ON a.id = d.agency_id LEFT JOIN report rep ON rep.deadline_id = d.id"
		" AND rep.withdrawn = 0 AND rep.submitted_on <= ?1 WHERE d.due_date < ?1 AND rep.id IS NULL");
	if (!st)
		return 0;
	gn_db_bind_date(st, 1, today);
	int agencies = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return agencies;
}

gn_status gn_stats_compute(gn_db *db, gn_date today, gn_stats *out)
{
	memset(out, 0, sizeof *out);
	gn_status s = gn_ward_load(db, &out->ward);
	if (s == GN_OK)
		s = counts(db, out);
	if (s != GN_OK)
		return s;
	const gn_ward *w = &out->ward;
	out->baseline_rate = percent(w->baseline_poor, w->total_households);
	out->rate_now = percent(out->poor_now, w->total_households);
	out->province_target_rate = w->province_rate_to_bp / 100.0;
	out->plan_target_rate = (w->province_rate_from_bp - w->plan_rate_cut_bp) / 100.0;
	out->province_target_poor = (int)(w->total_households * w->province_rate_to_bp / 10000);

	out->overdue_agencies = overdue_agencies(db, today);

	gn_deadline_filter f = { .from = today, .open_only = true, .limit = 1 };
	gn_deadline_row *rows;
	int n;
	if ((s = gn_deadline_query(db, &f, today, &rows, &n)) != GN_OK)
		return s;
	if (n > 0) {
		out->has_next_deadline = true;
		out->next_deadline = rows[0];
	}
	free(rows);
	return GN_OK;
}
