/* Finding people: who in the ward, or in the helping agencies, answers to
 * what was typed. */
#include "giamngheo/search.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"

/* ?1 the FTS expression, matched against each person's own words in the
 * people index; ?2 every folded word, checked against the words the user
 * may search them by; ?3 whether a member's ID number counts (not for those
 * who may not see it whole: typed digit by digit, it would be spelt out;
 * and not when no word has a digit, as no ID number could match). */
static const char household_people_sql[] =
	"SELECT p.kind, p.household_id, p.code, p.name, p.detail, '', p.phone"
	" FROM person_search s JOIN search_person p ON p.id = s.rowid WHERE person_search MATCH ?1"
	" AND gn_words_match(CASE WHEN ?3 THEN p.words || ' ' || p.id_number ELSE p.words END, ?2)"
	" ORDER BY p.code, p.kind, p.name";

/* Agencies' staff and contacts, after the households' people: a statement
 * of their own, so that the many households' people sort on their code
 * first (one statement sorting both would compare whole rows). */
static const char agency_people_sql[] =
	"SELECT 2, 0, '', s.full_name, s.position, a.code, s.phone FROM staff s"
	" JOIN agency a ON a.id = s.agency_id WHERE s.deleted = 0 AND a.deleted = 0"
	" AND gn_words_match(gn_fold(s.full_name || ' ' || s.phone), ?2)"
	" UNION ALL"
	" SELECT 3, 0, '', a.contact_person, a.name, a.code, a.phone FROM agency a"
	" WHERE a.deleted = 0 AND a.contact_person <> ''"
	" AND gn_words_match(gn_fold(a.contact_person || ' ' || a.phone), ?2)"
	" AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.agency_id = a.id AND s.full_name = a.contact_person)"
	" ORDER BY 1, 4";

static const char *column(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

/* Runs one of the statements above, handing each row to visit. */
static gn_status visit_rows(gn_db *db, const char *sql, const char *match, const char *words,
			    gn_person_visit visit, void *ctx)
{
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return GN_ERR_DB;
	if (sqlite3_bind_parameter_index(st, "?1"))
		gn_db_bind_text(st, 1, match);
	sqlite3_bind_text(st, 2, words, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_index(st, "?3"))
		sqlite3_bind_int(st, 3, gn_access_sees_ids(db) && strpbrk(words, "0123456789"));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		gn_person_match p = {
			.kind = (gn_person_kind)sqlite3_column_int(st, 0),
			.household_id = sqlite3_column_int64(st, 1),
			.household_code = column(st, 2),
			.name = column(st, 3),
			.detail = column(st, 4),
			.agency_code = column(st, 5),
			.phone = column(st, 6),
		};
		if (!visit(&p, ctx)) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
}

gn_status gn_search_people(gn_db *db, const char *typed, gn_person_visit visit, void *ctx)
{
	gn_status s = gn_access_personal(db);
	if (s != GN_OK)
		return s;
	char *match = NULL, *all = NULL;
	s = gn_search_compile(typed, &match, &all);
	if (s == GN_ERR_NOT_FOUND || (s == GN_OK && !all))
		return GN_OK;
	if (s == GN_OK)
		s = visit_rows(db, household_people_sql, match, all, visit, ctx);
	if (s == GN_OK)
		s = visit_rows(db, agency_people_sql, match, all, visit, ctx);
	free(match);
	free(all);
	return s;
}
