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

/* Shared by the row query and the count, so the two never disagree.
 * ?1 standard, ?2 TDP, ?3 class, ?4 lead agency, ?5 targeted, ?6 indicator
 * still deprived, ?7 FTS expression, ?14 a supporting agency, ?13 a day on which
 * the lead agency has an overdue report. */
#define HH_JOINS \
	" LEFT JOIN tdp t ON t.id = h.tdp_id" \
	" LEFT JOIN assignment a ON a.household_id = h.id AND a.role = 'lead'" \
	" LEFT JOIN agency la ON la.id = a.agency_id"

#define HH_JOINED_FILTERS \
	" AND (?2 IS NULL OR t.code = ?2 OR t.name = ?2)" \
	" AND (?4 IS NULL OR la.code = ?4)" \
	" AND (?13 IS NULL OR EXISTS (SELECT 1 FROM deadline d WHERE d.agency_id = la.id" \
	"      AND d.due_date < ?13 AND NOT EXISTS (SELECT 1 FROM report r" \
	"      WHERE r.deadline_id = d.id AND r.withdrawn = 0)))"

#define HH_OWN_FILTERS \
	" AND (?3 IS NULL OR h.class = ?3)" \
	" AND (?14 IS NULL OR EXISTS (SELECT 1 FROM assignment sa JOIN agency sg ON sg.id = sa.agency_id" \
	"      WHERE sa.household_id = h.id AND sa.role = 'support' AND sg.code = ?14))" \
	" AND (?5 IS NULL OR h.targeted = ?5)" \
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM household_indicator hi" \
	"      JOIN indicator i ON i.id = hi.indicator_id WHERE hi.household_id = h.id" \
	"      AND i.standard_id = ?1 AND i.code = ?6 AND hi.status IN ('deprived','addressing')))"

#define HH_FROM_WHERE(SEARCH) \
	" FROM household h" HH_JOINS " WHERE h.deleted = 0" HH_JOINED_FILTERS HH_OWN_FILTERS SEARCH

/* Counting needs the joins only for the filters that read them; without
 * them a count is several times cheaper on a large ward. */
#define HH_FROM_WHERE_UNJOINED(SEARCH) \
	" FROM household h WHERE h.deleted = 0" HH_OWN_FILTERS SEARCH

/* FTS5 cannot be asked to match everything, so a list without a search
 * takes a statement of its own. The index holds ID numbers too: for users
 * who may not see them whole, ?15 (the words typed) must also match the
 * household without its ID numbers, or typing digits one by one would
 * spell a number out. */
#define SEARCH_INDEXED \
	" AND h.id IN (SELECT rowid FROM household_search WHERE household_search MATCH ?7)" \
	" AND (?15 IS NULL OR gn_words_match(gn_fold(h.code || ' ' || h.head_name || ' ' || h.phone || ' ' ||" \
	"  coalesce((SELECT group_concat(m.full_name, ' ') FROM member m" \
	"  WHERE m.household_id = h.id AND m.deleted = 0), '')), ?15))"
#define SEARCH_SCANNED ""

#define DEPRIVATION_COUNT \
	"(SELECT count(*) FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id" \
	" WHERE hi.household_id = h.id AND i.standard_id = ?1 AND hi.status IN ('deprived','addressing'))"

#define ROWS_SQL(SEARCH) \
	"SELECT h.id, h.code, h.head_name, coalesce(t.name, ''), h.class, h.income_per_person," \
	" h.targeted, h.exit_date, coalesce(la.code, '')," \
	" (SELECT group_concat(st, '') FROM (SELECT CASE hi.status WHEN 'deprived' THEN 'D'" \
	"   WHEN 'addressing' THEN 'A' WHEN 'resolved' THEN 'R' ELSE 'N' END AS st" \
	"   FROM indicator i LEFT JOIN household_indicator hi ON hi.indicator_id = i.id" \
	"   AND hi.household_id = h.id WHERE i.standard_id = ?1 ORDER BY i.position))," \
	" " DEPRIVATION_COUNT \
	HH_FROM_WHERE(SEARCH)

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
	[GN_HH_SORT_DEPRIVATIONS] = { " ORDER BY 11, h.code", " ORDER BY 11 DESC, h.code" },
	[GN_HH_SORT_LEAD] = { " ORDER BY la.code, h.code", " ORDER BY la.code DESC, h.code" },
	[GN_HH_SORT_INCOME] = { " ORDER BY h.income_per_person, h.code", " ORDER BY h.income_per_person DESC, h.code" },
};

static const char *const order_by_reversed[][2] = {
	[GN_HH_SORT_CODE] = { " ORDER BY h.code DESC", " ORDER BY h.code" },
	[GN_HH_SORT_HEAD] = { " ORDER BY gn_fold(h.head_name) DESC, h.code DESC", " ORDER BY gn_fold(h.head_name), h.code DESC" },
	[GN_HH_SORT_TDP] = { " ORDER BY t.name DESC, h.code DESC", " ORDER BY t.name, h.code DESC" },
	[GN_HH_SORT_CLASS] = { " ORDER BY h.class DESC, h.code DESC", " ORDER BY h.class, h.code DESC" },
	[GN_HH_SORT_DEPRIVATIONS] = { " ORDER BY 11 DESC, h.code DESC", " ORDER BY 11, h.code DESC" },
	[GN_HH_SORT_LEAD] = { " ORDER BY la.code DESC, h.code DESC", " ORDER BY la.code, h.code DESC" },
	[GN_HH_SORT_INCOME] = { " ORDER BY h.income_per_person DESC, h.code DESC", " ORDER BY h.income_per_person, h.code DESC" },
};

static const char *const rows_sql[] = { ROWS_SQL(SEARCH_SCANNED), ROWS_SQL(SEARCH_INDEXED) };

/* The statement for a page: fixed fragments only, never text from the user. */
static sqlite3_stmt *prepare_rows(gn_db *db, bool indexed, gn_household_sort sort, bool descending,
				  bool from_end)
{
	char sql[4096];
	const char *order = (from_end ? order_by_reversed : order_by)[sort][descending];
	size_t a = strlen(rows_sql[indexed]), b = strlen(order);
	static const char window[] = " LIMIT ?11 OFFSET ?12";
	if (a + b + sizeof window > sizeof sql)
		return NULL;
	memcpy(sql, rows_sql[indexed], a);
	memcpy(sql + a, order, b);
	memcpy(sql + a + b, window, sizeof window);
	return gn_db_prepare(db, sql);
}
static const char *const count_sql[2][2] = {
	{ "SELECT count(*)" HH_FROM_WHERE_UNJOINED(SEARCH_SCANNED),
	  "SELECT count(*)" HH_FROM_WHERE_UNJOINED(SEARCH_INDEXED) },
	{ "SELECT count(*)" HH_FROM_WHERE(SEARCH_SCANNED), "SELECT count(*)" HH_FROM_WHERE(SEARCH_INDEXED) },
};


static void bind_filter(sqlite3_stmt *st, const gn_standard *s, const gn_household_filter *f,
			const char *match, const char *words_without_ids)
{
	sqlite3_bind_int64(st, 1, s->id);
	gn_db_bind_text(st, 2, f->tdp);
	gn_db_bind_text(st, 3, f->cls);
	gn_db_bind_text(st, 4, f->lead);
	if (f->targeted >= 0)
		sqlite3_bind_int(st, 5, f->targeted);
	gn_db_bind_text(st, 6, f->deprived_on);
	gn_db_bind_text(st, 7, match);
	gn_db_bind_text(st, 13, f->overdue_on);
	gn_db_bind_text(st, 14, f->supported_by);
	gn_db_bind_text(st, 15, match ? words_without_ids : NULL);
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

static void read_row(sqlite3_stmt *st, gn_household_row *r)
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
	r->deprivations = sqlite3_column_int(st, 10);
}

static gn_status count_rows(gn_db *db, const gn_standard *s, const gn_household_filter *f,
			    const char *match, const char *words, long long *total)
{
	bool joined = (f->tdp && *f->tdp) || (f->lead && *f->lead) || (f->overdue_on && *f->overdue_on);
	sqlite3_stmt *st = gn_db_prepare(db, count_sql[joined][match != NULL]);
	if (!st)
		return GN_ERR_DB;
	bind_filter(st, s, f, match, words);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : gn_db_status(rc);
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
	if (gn_access_sees_ids(db)) {
		free(words); /* the index alone decides: every word is a prefix there */
		words = NULL;
	}
	if (status == GN_ERR_NOT_FOUND) {
		if (total)
			*total = 0;
		return GN_OK;
	}
	if (status != GN_OK)
		return status;
	gn_household_sort sort = f->sort >= GN_HH_SORT_CODE && f->sort <= GN_HH_SORT_INCOME ? f->sort : GN_HH_SORT_CODE;
	sqlite3_stmt *st = prepare_rows(db, match != NULL, sort, f->descending, f->from_end);
	if (!st) {
		free(match);
		free(words);
		return GN_ERR_DB;
	}
	bind_filter(st, s, f, match, words);
	sqlite3_bind_int(st, 11, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int(st, 12, f->offset > 0 ? f->offset : 0);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 64)) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	status = rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
	if (status == GN_OK && total)
		status = count_rows(db, s, f, match, words, total);
	free(match);
	free(words);
	if (status != GN_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return status;
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
