/* A household's helpers saved as one set, in one transaction. */
#include "giamngheo/assignment.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"

static int cmp_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

void gn_assignment_normalise(gn_assignment_set *a)
{
	qsort(a->support_ids, (size_t)a->n_support, sizeof a->support_ids[0], cmp_id);
	int kept = 0;
	for (int i = 0; i < a->n_support; i++) {
		long long id = a->support_ids[i];
		if (id && id != a->lead_id && (kept == 0 || a->support_ids[kept - 1] != id))
			a->support_ids[kept++] = id;
	}
	a->n_support = kept;
	if (!a->lead_id)
		a->staff_id = 0;
}

bool gn_assignment_equal(const gn_assignment_set *a, const gn_assignment_set *b)
{
	if (a->lead_id != b->lead_id || a->staff_id != b->staff_id || a->n_support != b->n_support)
		return false;
	for (int i = 0; i < a->n_support; i++)
		if (a->support_ids[i] != b->support_ids[i])
			return false;
	return true;
}

gn_status gn_assignment_load(gn_db *db, long long household_id, gn_assignment_set *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT agency_id, role, coalesce(staff_id, 0) FROM assignment WHERE household_id = ?"
		" ORDER BY agency_id");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long agency = sqlite3_column_int64(st, 0);
		if (strcmp((const char *)sqlite3_column_text(st, 1), "lead") == 0) {
			out->lead_id = agency;
			out->staff_id = sqlite3_column_int64(st, 2);
		} else if (out->n_support < GN_MAX_SUPPORTERS) {
			out->support_ids[out->n_support++] = agency;
		}
	}
	sqlite3_finalize(st);
	gn_assignment_normalise(out);
	return rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
}

static bool staff_works_for(gn_db *db, long long staff_id, long long agency_id)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT 1 FROM staff WHERE id = ? AND agency_id = ? AND deleted = 0");
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, staff_id);
	sqlite3_bind_int64(st, 2, agency_id);
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

bool gn_assignment_supports(const gn_assignment_set *a, long long agency_id)
{
	for (int i = 0; i < a->n_support; i++)
		if (a->support_ids[i] == agency_id)
			return true;
	return false;
}

/* Supporters keep the staff member they had; only their role changes. */
static gn_status add_supporter(gn_db *db, long long household_id, long long agency_id, const char *now)
{
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO assignment(household_id, agency_id, role, updated_at, updated_by)"
		" VALUES (?1, ?2, 'support', ?3, ?4) ON CONFLICT (household_id, agency_id) DO UPDATE SET"
		" role = 'support', updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
		" version = version + 1 WHERE role IS NOT 'support'");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int64(st, 2, agency_id);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, db->actor, -1, SQLITE_TRANSIENT);
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	return s;
}

/* The delete trigger logs the row's updated_by as the actor: stamp the
 * remover first so the log names who removed the agency. */
static gn_status remove_helper(gn_db *db, long long household_id, long long agency_id, const char *now)
{
	static const char *const sql[] = {
		"UPDATE assignment SET updated_at = ?3, updated_by = ?4 WHERE household_id = ?1 AND agency_id = ?2",
		"DELETE FROM assignment WHERE household_id = ?1 AND agency_id = ?2",
	};
	gn_status s = GN_OK;
	for (size_t i = 0; s == GN_OK && i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st = gn_db_prepare(db, sql[i]);
		if (!st)
			return GN_ERR_DB;
		sqlite3_bind_int64(st, 1, household_id);
		sqlite3_bind_int64(st, 2, agency_id);
		if (i == 0) {
			sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 4, db->actor, -1, SQLITE_TRANSIENT);
		}
		s = gn_db_status(sqlite3_step(st));
		sqlite3_finalize(st);
	}
	return s;
}

static gn_status apply(gn_db *db, long long household_id, const gn_assignment_set *stored,
		       const gn_assignment_set *mine)
{
	char now[24];
	gn_db_timestamp(now, sizeof now);
	gn_status s = GN_OK;
	if (mine->lead_id && (mine->lead_id != stored->lead_id || mine->staff_id != stored->staff_id))
		s = gn_assign(db, household_id, mine->lead_id, GN_ROLE_LEAD, mine->staff_id);
	for (int i = 0; s == GN_OK && i < mine->n_support; i++)
		s = add_supporter(db, household_id, mine->support_ids[i], now);
	/* Whoever helped before and is in neither role now. */
	if (s == GN_OK && stored->lead_id && stored->lead_id != mine->lead_id &&
	    !gn_assignment_supports(mine, stored->lead_id))
		s = remove_helper(db, household_id, stored->lead_id, now);
	for (int i = 0; s == GN_OK && i < stored->n_support; i++) {
		long long id = stored->support_ids[i];
		if (id != mine->lead_id && !gn_assignment_supports(mine, id))
			s = remove_helper(db, household_id, id, now);
	}
	return s;
}

gn_status gn_assignment_save(gn_db *db, long long household_id, const gn_assignment_set *base,
			     const gn_assignment_set *mine_in, gn_assignment_set *current)
{
	/* Who helps a household is the focal department's decision. */
	gn_status allowed = gn_access_admin(db);
	if (allowed != GN_OK)
		return allowed;
	gn_assignment_set mine = *mine_in;
	gn_assignment_normalise(&mine);
	if (mine.staff_id && !staff_works_for(db, mine.staff_id, mine.lead_id))
		return GN_ERR_INVALID;
	gn_tx tx;
	gn_status s = gn_tx_begin(db, &tx);
	if (s != GN_OK)
		return s;
	gn_assignment_set stored;
	s = gn_assignment_load(db, household_id, &stored);
	if (s == GN_OK && !gn_assignment_equal(&stored, base))
		s = GN_ERR_CONFLICT;
	if (s == GN_OK)
		s = apply(db, household_id, &stored, &mine);
	s = gn_tx_end(db, &tx, s);
	if (s == GN_ERR_CONFLICT && current)
		*current = stored;
	return s;
}
