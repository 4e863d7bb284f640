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

/* One person whose name (or code, ID number, phone) matches a search. */
typedef struct {
	gn_person_kind kind;
	long long household_id;   /* 0 for staff and contacts */
	char household_code[32];
	char name[128];
	char detail[160];         /* relation to the head, or the staff member's position */
	char agency_code[32];
	char phone[32];
} gn_person_match;

/* Heads and members of households, agency staff and contacts, in that
 * order; every word typed must match, diacritics and case ignored. */
gn_status gn_search_people(gn_db *db, const char *typed, gn_person_match **out, int *n);

#endif
