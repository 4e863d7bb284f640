#ifndef GIAMNGHEO_SEARCH_H
#define GIAMNGHEO_SEARCH_H

#include "giamngheo/db.h"

/* Rebuilds one household's entry in the search index (names of head and
 * members, code, ID numbers, phones, all folded) and its people's entries in
 * the people index. Call inside the write transaction that changed them. */
gn_status gn_search_reindex(gn_db *db, long long household_id);

/* Turns what the user typed into the bound parameters a search takes: an
 * FTS5 expression where every word is a prefix (*match) and the folded words
 * for gn_words_match (*words), both malloc'd; both NULL for an empty search.
 * GN_ERR_NOT_FOUND when nothing typed can match (punctuation alone). */
gn_status gn_search_compile(const char *typed, char **match, char **words);

/* Whether gn_search_matches(text, words) (an SQL function) decides the
 * compiled words exactly as the index does: plain ASCII words. The list
 * then checks households one by one in its own order instead of reading
 * every match from the index. */
bool gn_search_checkable(const char *words);

/* Fills the index for every household (used by the migration that built it). */
extern const char gn_search_fill_sql[];
/* Fills the people index, one row per person (the migration that built it). */
extern const char gn_search_people_fill_sql[];

/* Registers the SQL functions the queries use: gn_fold(text), gn_search_text(raw) (the indexed form) and
 * gn_words_match(folded_text, words), 1 when every word matches: words of
 * letters at the start of a word of the text, words with digits anywhere;
 * gn_search_matches(indexed_text, words), 1 when the index would match, 0
 * when it would not, NULL when the text is not plain ASCII (ask the index). */
int gn_search_register(gn_db *db);

typedef enum {
	GN_PERSON_HEAD = 0,
	GN_PERSON_MEMBER,
	GN_PERSON_STAFF,    /* an agency's staff member */
	GN_PERSON_CONTACT   /* an agency's contact person */
} gn_person_kind;

/* One person whose name (or code, ID number, phone) matches a search. The
 * strings are valid while the visitor that receives them runs. */
typedef struct {
	gn_person_kind kind;
	long long household_id;   /* 0 for staff and contacts */
	const char *household_code;
	const char *name;
	const char *detail;       /* relation to the head, or the staff member's position */
	const char *agency_code;
	const char *phone;
} gn_person_match;

/* Receives each person found; false stops the search (GN_ERR_NOMEM). */
typedef bool (*gn_person_visit)(const gn_person_match *p, void *ctx);

/* Heads and members of households, ordered by household code, then agency
 * staff and contacts; every word typed must match, diacritics and case
 * ignored. Each is handed to visit as it is read, so that a search finding
 * a large part of a province is printed without being held twice. */
gn_status gn_search_people(gn_db *db, const char *typed, gn_person_visit visit, void *ctx);

#endif
