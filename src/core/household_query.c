/* The household list: filtered, sorted and windowed by the database, so a
 * screen asks only for the rows it shows. */
#include "giamngheo/household.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/search.h"

void gn_household_filter_init(gn_household_filter *f)
{
	memset(f, 0, sizeof *f);
	f->targeted = -1;
}

/* The statements are put together from fixed fragments, never from text
 * the user typed: a filter that is not set leaves its condition out, so
 * that SQLite can use the index of the one that is (class, targeted).
 * Parameters: ?1 standard, ?2 TDP, ?3 class, ?4 lead agency, ?5 targeted,
 * ?6 indicator still deprived, ?7 FTS expression, ?8 folded search words,
 * ?11 limit, ?12 offset, ?13 a day on which the lead agency has an overdue
 * report, ?14 a supporting agency, ?15 how many search matches to count. */
#define HH_JOINS \
	" LEFT JOIN tdp t ON t.id = h.tdp_id" \
	" LEFT JOIN assignment a ON a.household_id = h.id AND a.role = 'lead'" \
	" LEFT JOIN agency la ON la.id = a.agency_id"

/* The index lists only households not deleted. */
#define SEARCH_INDEXED \
	" AND h.id IN (SELECT rowid FROM household_search WHERE household_search MATCH ?7)"
/* The index holds ID numbers too: for users who may not see them whole,
 * the words typed must also match the household without its ID numbers,
 * or typing digits one by one would spell a number out. */
#define SEARCH_WITHOUT_IDS \
	" AND gn_words_match(gn_fold(h.code || ' ' || h.head_name || ' ' || h.phone || ' ' ||" \
	"  coalesce((SELECT group_concat(m.full_name, ' ') FROM member m" \
	"  WHERE m.household_id = h.id AND m.deleted = 0), '')), ?8)"
/* Checked row by row, on a list walked in its own order: the walk reads
 * whether each household matches and stops once the window is full. */
#define SEARCH_CHECKED \
	", coalesce(gn_search_matches(s.body, ?8), EXISTS (SELECT 1 FROM household_search f" \
	" WHERE f.rowid = h.id AND f.household_search MATCH ?7))"

#define DEPRIVATION_COUNT \
	"(SELECT count(*) FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id" \
	" WHERE hi.household_id = h.id AND i.standard_id = ?1 AND hi.status IN ('deprived','addressing'))"

#define ROW_COLUMNS \
	"SELECT h.id, h.code, h.head_name, coalesce(t.name, ''), h.class, h.income_per_person," \
	" h.targeted, h.exit_date, coalesce(la.code, '')," \
	/* Most households have no indicator rows (all not deprived): one look \
	 * in the index spares them the per-indicator join and its sort. */ \
	" CASE WHEN EXISTS (SELECT 1 FROM household_indicator x WHERE x.household_id = h.id) THEN" \
	" (SELECT group_concat(st, '') FROM (SELECT CASE hi.status WHEN 'deprived' THEN 'D'" \
	"   WHEN 'addressing' THEN 'A' WHEN 'resolved' THEN 'R' ELSE 'N' END AS st" \
	"   FROM indicator i LEFT JOIN household_indicator hi ON hi.indicator_id = i.id" \
	"   AND hi.household_id = h.id WHERE i.standard_id = ?1 ORDER BY i.position)) END"

/* One household's columns, for the rows of a window once it is known:
 * the per-row subqueries run for the rows shown, not for every match. */
static const char row_sql[] = ROW_COLUMNS " FROM household h" HH_JOINS " WHERE h.id = ?2";

/* A search is first answered by walking the list in code order and checking
 * each household: a broad one (a common name, a short word) fills the window
 * after a few rows. Only when this many rows per row wanted go by without
 * filling it is the search rare enough to be read from the index instead. */
#define WALK_ROWS_PER_ROW 40
#define WALK_MIN_ROWS 2000

/* One ORDER BY per sort key and direction, chosen by enum: a plain column
 * lets SQLite walk its index and stop at LIMIT, which an ORDER BY CASE
 * expression would not (it sorts every matching row on every page). Ties
 * always fall in code order. The second table is the exact reverse of the
 * first, ties included, for reading a window from the end of the list. */
static const char *const order_by[][2] = {
	[GN_HH_SORT_CODE] = { " ORDER BY h.code", " ORDER BY h.code DESC" },
	[GN_HH_SORT_HEAD] = { " ORDER BY gn_fold(h.head_name), h.code", " ORDER BY gn_fold(h.head_name) DESC, h.code" },
	[GN_HH_SORT_TDP] = { " ORDER BY t.name, h.code", " ORDER BY t.name DESC, h.code" },
	[GN_HH_SORT_CLASS] = { " ORDER BY h.class, h.code", " ORDER BY h.class DESC, h.code" },
	[GN_HH_SORT_DEPRIVATIONS] = { " ORDER BY " DEPRIVATION_COUNT ", h.code", " ORDER BY " DEPRIVATION_COUNT " DESC, h.code" },
	[GN_HH_SORT_LEAD] = { " ORDER BY la.code, h.code", " ORDER BY la.code DESC, h.code" },
	[GN_HH_SORT_INCOME] = { " ORDER BY h.income_per_person, h.code", " ORDER BY h.income_per_person DESC, h.code" },
};

static const char *const order_by_reversed[][2] = {
	[GN_HH_SORT_CODE] = { " ORDER BY h.code DESC", " ORDER BY h.code" },
	[GN_HH_SORT_HEAD] = { " ORDER BY gn_fold(h.head_name) DESC, h.code DESC", " ORDER BY gn_fold(h.head_name), h.code DESC" },
	[GN_HH_SORT_TDP] = { " ORDER BY t.name DESC, h.code DESC", " ORDER BY t.name, h.code DESC" },
	[GN_HH_SORT_CLASS] = { " ORDER BY h.class DESC, h.code DESC", " ORDER BY h.class, h.code DESC" },
	[GN_HH_SORT_DEPRIVATIONS] = { " ORDER BY " DEPRIVATION_COUNT " DESC, h.code DESC", " ORDER BY " DEPRIVATION_COUNT ", h.code DESC" },
	[GN_HH_SORT_LEAD] = { " ORDER BY la.code DESC, h.code DESC", " ORDER BY la.code, h.code DESC" },
	[GN_HH_SORT_INCOME] = { " ORDER BY h.income_per_person DESC, h.code DESC", " ORDER BY h.income_per_person, h.code DESC" },
};

typedef enum { NO_SEARCH, SEARCH_BY_INDEX, SEARCH_BY_CHECK } search_route;

typedef struct {
	char text[8192];
	size_t len;
	bool too_long;
} sql_text;

static void put(sql_text *q, const char *fragment)
{
	size_t n = strlen(fragment);
	if (q->len + n + 1 > sizeof q->text) {
		q->too_long = true;
		return;
	}
	memcpy(q->text + q->len, fragment, n + 1);
	q->len += n;
}

static bool set(const char *s)
{
	return s && *s;
}

/* Filters that read the TDP or the lead agency need the joins. */
static bool filter_joined(const gn_household_filter *f)
{
	return set(f->tdp) || set(f->lead) || set(f->overdue_on);
}

static bool filter_any(const gn_household_filter *f)
{
	return filter_joined(f) || set(f->cls) || set(f->supported_by) || f->targeted >= 0 ||
	       set(f->deprived_on);
}

static void put_from_where(sql_text *q, const gn_household_filter *f, bool joined, search_route route,
			   bool ids_hidden)
{
	put(q, " FROM household h");
	if (route == SEARCH_BY_CHECK)
		put(q, " CROSS JOIN household_search s ON s.rowid = h.id");
	if (joined)
		put(q, HH_JOINS);
	put(q, " WHERE h.deleted = 0");
	if (set(f->tdp))
		put(q, " AND (t.code = ?2 OR t.name = ?2)");
	if (set(f->lead))
		put(q, " AND la.code = ?4");
	if (set(f->overdue_on))
		put(q, " AND EXISTS (SELECT 1 FROM deadline d WHERE d.agency_id = la.id"
		       " AND d.due_date < ?13 AND NOT EXISTS (SELECT 1 FROM report r"
		       " WHERE r.deadline_id = d.id AND r.withdrawn = 0))");
	if (set(f->cls))
		put(q, " AND h.class = ?3");
	if (set(f->supported_by))
		put(q, " AND EXISTS (SELECT 1 FROM assignment sa JOIN agency sg ON sg.id = sa.agency_id"
		       " WHERE sa.household_id = h.id AND sa.role = 'support' AND sg.code = ?14)");
	if (f->targeted >= 0)
		put(q, " AND h.targeted = ?5");
	if (set(f->deprived_on))
		put(q, " AND EXISTS (SELECT 1 FROM household_indicator hi"
		       " JOIN indicator i ON i.id = hi.indicator_id WHERE hi.household_id = h.id"
		       " AND i.standard_id = ?1 AND i.code = ?6 AND hi.status IN ('deprived','addressing'))");
	if (route == SEARCH_BY_INDEX)
		put(q, SEARCH_INDEXED);
	if (route != NO_SEARCH && ids_hidden)
		put(q, SEARCH_WITHOUT_IDS);
}

/* Parameters a statement does not use are refused (SQLITE_RANGE) and
 * harmless. */
static void bind_filter(sqlite3_stmt *st, const gn_standard *s, const gn_household_filter *f,
			const char *match, const char *words)
{
	sqlite3_bind_int64(st, 1, s->id);
	gn_db_bind_text(st, 2, f->tdp);
	gn_db_bind_text(st, 3, f->cls);
	gn_db_bind_text(st, 4, f->lead);
	if (f->targeted >= 0)
		sqlite3_bind_int(st, 5, f->targeted);
	gn_db_bind_text(st, 6, f->deprived_on);
	gn_db_bind_text(st, 7, match);
	gn_db_bind_text(st, 8, words);
	gn_db_bind_text(st, 13, f->overdue_on);
	gn_db_bind_text(st, 14, f->supported_by);
}

static gn_ind_status cell_status(char c)
{
	switch (c) {
	case 'D':
		return GN_IND_DEPRIVED;
	case 'A':
		return GN_IND_ADDRESSING;
	case 'R':
		return GN_IND_RESOLVED;
	default:
		return GN_IND_NOT_DEPRIVED;
	}
}

static void read_row(sqlite3_stmt *st, const gn_standard *s, gn_household_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	gn_db_column_copy(st, 1, r->code, sizeof r->code);
	gn_db_column_copy(st, 2, r->head, sizeof r->head);
	gn_db_column_copy(st, 3, r->tdp, sizeof r->tdp);
	gn_class_from_code((const char *)sqlite3_column_text(st, 4), &r->cls);
	r->income = sqlite3_column_int64(st, 5);
	r->targeted = sqlite3_column_int(st, 6);
	r->exit_date = gn_db_column_date(st, 7);
	gn_db_column_copy(st, 8, r->lead, sizeof r->lead);
	const unsigned char *cells = sqlite3_column_text(st, 9);
	for (int i = 0; cells && cells[i] && i < GN_MAX_INDICATORS; i++)
		r->indicators[r->n_indicators++] = cell_status((char)cells[i]);
	if (!cells)
		for (int i = 0; i < s->n_indicators && i < GN_MAX_INDICATORS; i++)
			r->indicators[r->n_indicators++] = GN_IND_NOT_DEPRIVED;
	/* The cells are every indicator of the standard: counting the deprived
	 * and addressed among them is DEPRIVATION_COUNT without a second look. */
	for (int i = 0; i < r->n_indicators; i++)
		r->deprivations += r->indicators[i] == GN_IND_DEPRIVED || r->indicators[i] == GN_IND_ADDRESSING;
}

static sqlite3_stmt *prepare_text(gn_db *db, const sql_text *q)
{
	return q->too_long ? NULL : gn_db_prepare(db, q->text);
}

static gn_status step_one_int(sqlite3_stmt *st, long long *value)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : gn_db_status(rc);
}

/* How many households the search alone matches, read from the index and
 * stopped after `cap` + 1 (cap 0: all). */
static gn_status count_index_matches(gn_db *db, const char *match, long long cap, long long *matches)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM household_search"
					     " WHERE household_search MATCH ?7 LIMIT ?15)");
	if (!st)
		return GN_ERR_DB;
	gn_db_bind_text(st, 7, match);
	sqlite3_bind_int64(st, 15, cap > 0 ? cap + 1 : -1);
	return step_one_int(st, matches);
}

static gn_status count_rows(gn_db *db, const gn_standard *s, const gn_household_filter *f,
			    const char *match, const char *words, bool ids_hidden, long long *total)
{
	sql_text q = { .len = 0 };
	if (!match && !filter_any(f)) {
		/* SQLite counts a whole table from its smallest index. */
		put(&q, "SELECT (SELECT count(*) FROM household) -"
			" (SELECT count(*) FROM household WHERE deleted <> 0)");
	} else {
		put(&q, "SELECT count(*)");
		put_from_where(&q, f, filter_joined(f), match ? SEARCH_BY_INDEX : NO_SEARCH, ids_hidden);
	}
	sqlite3_stmt *st = prepare_text(db, &q);
	if (!st)
		return GN_ERR_DB;
	bind_filter(st, s, f, match, words);
	return step_one_int(st, total);
}

/* The rows of a window: their ids in order first, then each one's columns.
 * When ids has a second column (a walked search), it says whether the row
 * matches: the first `skip` matches are passed over, the walk stops with
 * `limit` rows, and *complete is false if the statement ran out first
 * without reaching the end of the list. */
static gn_status read_window(gn_db *db, const gn_standard *s, sqlite3_stmt *ids, int skip, int limit,
			     int budget, gn_household_row **out, int *n, bool *complete)
{
	sqlite3_stmt *row = gn_db_kept(db, row_sql);
	if (!row)
		return GN_ERR_DB;
	sqlite3_bind_int64(row, 1, s->id);
	bool checked = sqlite3_column_count(ids) > 1;
	int cap = 0, rc, examined = 0;
	while (*n < limit && (rc = sqlite3_step(ids)) == SQLITE_ROW) {
		examined++;
		if (checked && (!sqlite3_column_int(ids, 1) || skip-- > 0))
			continue;
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 64)) {
			rc = SQLITE_NOMEM;
			break;
		}
		sqlite3_bind_int64(row, 2, sqlite3_column_int64(ids, 0));
		int rrc = sqlite3_step(row);
		if (rrc == SQLITE_ROW)
			read_row(row, s, &(*out)[(*n)++]);
		sqlite3_reset(row);
		if (rrc != SQLITE_ROW && rrc != SQLITE_DONE) {
			rc = rrc;
			break;
		}
	}
	gn_db_done(db, row);
	if (*n == limit)
		rc = SQLITE_DONE;
	*complete = *n == limit || budget < 0 || examined < budget;
	return rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
}

static gn_status read_all(sqlite3_stmt *st, const gn_standard *s, gn_household_row **out, int *n)
{
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 64)) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, s, &(*out)[(*n)++]);
	}
	return rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
}

/* Reads the window through the route given; *complete as in read_window. */
static gn_status read_rows(gn_db *db, const gn_standard *s, const gn_household_filter *f, const char *match,
			   const char *words, search_route route, bool ids_hidden, gn_household_row **out, int *n,
			   bool *complete)
{
	gn_household_sort sort = f->sort >= GN_HH_SORT_CODE && f->sort <= GN_HH_SORT_INCOME ? f->sort : GN_HH_SORT_CODE;
	bool windowed = f->limit > 0;
	bool joined = filter_joined(f) || sort == GN_HH_SORT_TDP || sort == GN_HH_SORT_LEAD || !windowed;
	int offset = f->offset > 0 ? f->offset : 0;
	int budget = -1;
	sql_text q = { .len = 0 };
	put(&q, windowed ? "SELECT h.id" : ROW_COLUMNS);
	if (route == SEARCH_BY_CHECK) {
		put(&q, SEARCH_CHECKED);
		long long wanted = (long long)offset + f->limit;
		budget = wanted * WALK_ROWS_PER_ROW > WALK_MIN_ROWS ? (int)(wanted * WALK_ROWS_PER_ROW) : WALK_MIN_ROWS;
	}
	put_from_where(&q, f, joined, route, ids_hidden);
	put(&q, (f->from_end ? order_by_reversed : order_by)[sort][f->descending]);
	put(&q, " LIMIT ?11 OFFSET ?12");
	sqlite3_stmt *st = prepare_text(db, &q);
	if (!st)
		return GN_ERR_DB;
	bind_filter(st, s, f, match, words);
	sqlite3_bind_int(st, 11, route == SEARCH_BY_CHECK ? budget : windowed ? f->limit : -1);
	sqlite3_bind_int(st, 12, route == SEARCH_BY_CHECK ? 0 : offset);
	*complete = true;
	gn_status status = windowed ? read_window(db, s, st, route == SEARCH_BY_CHECK ? offset : 0, f->limit,
						  budget, out, n, complete)
				    : read_all(st, s, out, n);
	sqlite3_finalize(st);
	return status;
}

static gn_status count(gn_db *db, const gn_standard *s, const gn_household_filter *f, const char *match,
		       const char *words, bool ids_hidden, long long *total)
{
	gn_status status = match && !filter_any(f) && !ids_hidden
				   ? count_index_matches(db, match, f->count_cap, total)
				   : count_rows(db, s, f, match, words, ids_hidden, total);
	if (status == GN_OK && f->count_cap > 0 && *total > f->count_cap)
		*total = f->count_cap + 1;
	return status;
}

static gn_status query(gn_db *db, const gn_standard *s, const gn_household_filter *f, const char *match,
		       const char *words, gn_household_row **out, int *n, long long *total)
{
	bool complete = false;
	gn_status status = GN_OK;
	/* The walk's check reads the index's text, ID numbers included: users
	 * who may not see them are answered through the index route alone. */
	bool ids_hidden = !gn_access_sees_ids(db);
	if (match && f->limit > 0 && f->sort == GN_HH_SORT_CODE && !ids_hidden && gn_search_checkable(words)) {
		status = read_rows(db, s, f, match, words, SEARCH_BY_CHECK, false, out, n, &complete);
		if (status == GN_OK && !complete) {
			free(*out);
			*out = NULL;
			*n = 0;
		}
	}
	if (status == GN_OK && !complete)
		status = read_rows(db, s, f, match, words, match ? SEARCH_BY_INDEX : NO_SEARCH, ids_hidden, out, n,
				   &complete);
	if (status != GN_OK || !total)
		return status;
	return count(db, s, f, match, words, ids_hidden, total);
}

gn_status gn_household_query(gn_db *db, const gn_standard *s, const gn_household_filter *f,
			     gn_household_row **out, int *n, long long *total)
{
	*out = NULL;
	*n = 0;
	gn_status status = gn_access_personal(db);
	if (status != GN_OK)
		return status;
	char *match = NULL, *words = NULL;
	status = gn_search_compile(f->text, &match, &words);
	if (status == GN_ERR_NOT_FOUND) {
		if (total)
			*total = 0;
		return GN_OK;
	}
	if (status != GN_OK)
		return status;
	status = query(db, s, f, match, words, out, n, total);
	free(match);
	free(words);
	if (status != GN_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return status;
}

gn_status gn_household_count(gn_db *db, const gn_standard *s, const gn_household_filter *f, long long *total)
{
	*total = 0;
	/* Counts are for everyone, but a count of a name typed tells whether
	 * that person is on the list. */
	if (f->text && *f->text) {
		gn_status allowed = gn_access_personal(db);
		if (allowed != GN_OK)
			return allowed;
	}
	char *match = NULL, *words = NULL;
	gn_status status = gn_search_compile(f->text, &match, &words);
	if (status == GN_OK)
		status = count(db, s, f, match, words, !gn_access_sees_ids(db), total);
	free(match);
	free(words);
	return status == GN_ERR_NOT_FOUND ? GN_OK : status;
}

int gn_tdp_list(gn_db *db, char (*codes)[32], char (*names)[64], int max)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT code, name FROM tdp ORDER BY code");
	int n = 0;
	while (st && n < max && sqlite3_step(st) == SQLITE_ROW) {
		gn_db_column_copy(st, 0, codes[n], sizeof codes[n]);
		gn_db_column_copy(st, 1, names[n], sizeof names[n]);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

int gn_lead_agency_codes(gn_db *db, char (*codes)[32], int max)
{
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT DISTINCT a.code FROM assignment s JOIN agency a ON a.id = s.agency_id"
		" WHERE s.role = 'lead' AND a.deleted = 0 ORDER BY a.code");
	int n = 0;
	while (st && n < max && sqlite3_step(st) == SQLITE_ROW)
		gn_db_column_copy(st, 0, codes[n++], sizeof codes[0]);
	sqlite3_finalize(st);
	return n;
}
