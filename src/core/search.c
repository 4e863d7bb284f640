/* Search: every household's names, code, ID numbers and phones, folded, in
 * an FTS5 index of words with prefix indexes, so that what is typed matches
 * the start of a word ("huong" finds Hương and Hường, not Phương) through
 * the index, at any size of ward. */
#include "giamngheo/search.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/text.h"


/* Numbers are also indexed reversed behind this mark, so that the last
 * digits of a phone or ID number find it as a prefix match too. */
#define REVERSED_MARK 'x'
#define MIN_REVERSED 4

typedef struct {
	char *s;
	size_t len, cap;
} buffer;

static gn_status append(buffer *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t grown_cap = (b->len + n + 1) * 2;
		char *grown = realloc(b->s, grown_cap);
		if (!grown)
			return GN_ERR_NOMEM;
		b->s = grown;
		b->cap = grown_cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return GN_OK;
}

static bool all_digits(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < '0' || w[i] > '9')
			return false;
	return n > 0;
}

static bool has_word_character(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return true;
	}
	return false;
}

static gn_status append_reversed(buffer *b, const char *w, size_t n)
{
	char mark = REVERSED_MARK;
	gn_status s = append(b, &mark, 1);
	for (size_t i = n; s == GN_OK && i > 0; i--)
		s = append(b, &w[i - 1], 1);
	return s;
}

/* An FTS5 string literal, inner quotes doubled, so nothing the user types is
 * read as query syntax; the trailing * makes its last word a prefix. */
static gn_status append_prefix_phrase(buffer *b, const char *w, size_t n, bool reversed)
{
	gn_status s = append(b, "\"", 1);
	if (reversed)
		s = append_reversed(b, w, n);
	for (size_t i = 0; !reversed && s == GN_OK && i < n; i++)
		s = w[i] == '"' ? append(b, "\"\"", 2) : append(b, &w[i], 1);
	return s == GN_OK ? append(b, "\" *", 3) : s;
}

gn_status gn_search_compile(const char *typed, char **match, char **words)
{
	*match = NULL;
	*words = NULL;
	if (!typed || !*typed)
		return GN_OK;
	char *folded = gn_text_fold(typed);
	if (!folded)
		return GN_ERR_NOMEM;
	buffer m = { 0 }, w = { 0 };
	gn_status s = GN_OK;
	for (const char *p = folded; s == GN_OK && *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		if (has_word_character(p, n)) {
			if (m.len)
				s = append(&m, " AND ", 5);
			if (s == GN_OK && all_digits(p, n)) {
				s = append(&m, "(", 1);
				if (s == GN_OK)
					s = append_prefix_phrase(&m, p, n, false);
				if (s == GN_OK)
					s = append(&m, " OR ", 4);
				if (s == GN_OK)
					s = append_prefix_phrase(&m, p, n, true);
				if (s == GN_OK)
					s = append(&m, ")", 1);
			} else if (s == GN_OK) {
				s = append_prefix_phrase(&m, p, n, false);
			}
			if (s == GN_OK && w.len)
				s = append(&w, " ", 1);
			if (s == GN_OK)
				s = append(&w, p, n);
		}
		p += n;
	}
	free(folded);
	if (s == GN_OK && !m.len)
		s = GN_ERR_NOT_FOUND; /* only punctuation: nothing can match */
	if (s != GN_OK) {
		free(m.s);
		free(w.s);
		return s;
	}
	*match = m.s;
	*words = w.s;
	return GN_OK;
}

/* ---- the index ---- */

/* The text of a household as the index holds it: the same statement feeds
 * reindexing and the migration that built the index. */
#define SEARCH_BODY \
	"gn_search_text(h.code || ' ' || h.head_name || ' ' || h.phone || ' ' ||" \
	" coalesce((SELECT group_concat(m.full_name || ' ' || coalesce(m.cccd, ''), ' ')" \
	"  FROM member m WHERE m.household_id = h.id AND m.deleted = 0), ''))"

const char gn_search_fill_sql[] =
	"INSERT INTO household_search(rowid, body) SELECT h.id, " SEARCH_BODY
	" FROM household h WHERE h.deleted = 0";

/* Each person of a household as the people index holds them (see
 * gn_search_people): the head with the household's code and phone, and
 * every member but one standing for the head (usually recorded as the
 * member "Chủ hộ" too), each with their own words only: those anyone may
 * search them by, folded, and the ID number apart. WHERE is the households
 * to take. */
#define PERSON_ROWS(WHERE) \
	"INSERT INTO search_person(household_id, kind, code, name, detail, phone, words, id_number, body)" \
	" SELECT h.id, 0, h.code, h.head_name, '', h.phone, gn_fold(h.code || ' ' || h.head_name || ' ' || h.phone)," \
	" '', gn_search_text(h.code || ' ' || h.head_name || ' ' || h.phone) FROM household h WHERE " WHERE \
	" UNION ALL SELECT h.id, 1, h.code, m.full_name, m.relation, '', gn_fold(m.full_name), coalesce(m.cccd, ''), " \
	" gn_search_text(m.full_name || ' ' || coalesce(m.cccd, ''))" \
	" FROM member m JOIN household h ON h.id = m.household_id WHERE " WHERE \
	" AND m.deleted = 0 AND m.full_name <> h.head_name"

const char gn_search_people_fill_sql[] = PERSON_ROWS("h.deleted = 0") ";";

gn_status gn_search_reindex(gn_db *db, long long household_id)
{
	sqlite3_stmt *del = gn_db_kept(db, "DELETE FROM household_search WHERE rowid = ?");
	if (!del)
		return GN_ERR_DB;
	sqlite3_bind_int64(del, 1, household_id);
	gn_status s = gn_db_status(sqlite3_step(del));
	gn_db_done(db, del);
	if (s != GN_OK)
		return s;
	sqlite3_stmt *ins = gn_db_kept(db,
		"INSERT INTO household_search(rowid, body) SELECT h.id, " SEARCH_BODY
		" FROM household h WHERE h.id = ? AND h.deleted = 0");
	if (!ins)
		return GN_ERR_DB;
	sqlite3_bind_int64(ins, 1, household_id);
	s = gn_db_status(sqlite3_step(ins));
	gn_db_done(db, ins);
	if (s != GN_OK)
		return s;
	/* The people index follows its rows through the triggers of v11. */
	del = gn_db_kept(db, "DELETE FROM search_person WHERE household_id = ?");
	if (!del)
		return GN_ERR_DB;
	sqlite3_bind_int64(del, 1, household_id);
	s = gn_db_status(sqlite3_step(del));
	gn_db_done(db, del);
	if (s != GN_OK)
		return s;
	ins = gn_db_kept(db, PERSON_ROWS("h.id = ?1 AND h.deleted = 0"));
	if (!ins)
		return GN_ERR_DB;
	sqlite3_bind_int64(ins, 1, household_id);
	s = gn_db_status(sqlite3_step(ins));
	gn_db_done(db, ins);
	return s;
}

/* ---- matching one household without the index ---- */

/* A long list is walked in its own order and each household checked
 * against the search, so that a search matching a third of a province
 * costs as much as the rows shown. The check must agree with the index:
 * on folded text that is plain ASCII, tokens are what FTS5's unicode61
 * splits (letters and digits; anything else separates) and every query
 * word is a phrase whose last token is a prefix. Other text (letters the
 * fold leaves, which the index may fold its own way) is left to the index. */
static bool token_char(const char *p, size_t *len)
{
	unsigned char c = (unsigned char)*p;
	*len = 1;
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The next token at or after *p: its start and length; false at the end. */
static bool next_token(const char **p, const char **start, size_t *n)
{
	size_t len;
	while (**p && !token_char(*p, &len))
		*p += len;
	if (!**p)
		return false;
	*start = *p;
	while (**p && token_char(*p, &len))
		*p += len;
	*n = (size_t)(*p - *start);
	return true;
}

#define MAX_PHRASE_TOKENS 16

/* Does the phrase (the tokens of phrase, the last one a prefix) occur in
 * text? Tokens compare byte for byte: both sides are already folded. */
static bool phrase_matches(const char *text, const char *phrase, size_t phrase_len)
{
	char q[256];
	if (phrase_len >= sizeof q)
		return false;
	memcpy(q, phrase, phrase_len);
	q[phrase_len] = '\0';
	const char *qs[MAX_PHRASE_TOKENS];
	size_t qn[MAX_PHRASE_TOKENS];
	int k = 0;
	for (const char *p = q; k < MAX_PHRASE_TOKENS && next_token(&p, &qs[k], &qn[k]);)
		k++;
	if (k == 0)
		return false;
	const char *t = text, *start;
	size_t n;
	while (next_token(&t, &start, &n)) {
		const char *tp = start, *ts;
		size_t tn;
		int i = 0;
		for (; i < k && next_token(&tp, &ts, &tn); i++) {
			bool same = i == k - 1 ? tn >= qn[i] && memcmp(ts, qs[i], qn[i]) == 0
					       : tn == qn[i] && memcmp(ts, qs[i], qn[i]) == 0;
			if (!same)
				break;
		}
		if (i == k)
			return true;
	}
	return false;
}

static void sql_search_matches(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *words = (const char *)sqlite3_value_text(argv[1]);
	if (!text || !words) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	for (const char *t = text; *t; t++)
		if ((unsigned char)*t >= 0x80) {
			sqlite3_result_null(ctx); /* not sure: ask the index */
			return;
		}
	bool all = true;
	for (const char *p = words; all && *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		all = phrase_matches(text, p, n);
		if (!all && all_digits(p, n) && n < 255) {
			/* The last digits of a number, as the index holds them. */
			char reversed[256];
			reversed[0] = REVERSED_MARK;
			for (size_t i = 0; i < n; i++)
				reversed[1 + i] = p[n - 1 - i];
			all = phrase_matches(text, reversed, n + 1);
		}
		p += n;
	}
	sqlite3_result_int(ctx, all);
}

bool gn_search_checkable(const char *words)
{
	for (const char *p = words; p && *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == '"')
			return false;
	return words != NULL;
}

/* ---- SQL functions ---- */

static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	char *folded = gn_text_fold(t);
	if (!folded) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, folded, -1, free);
}

/* The folded text plus every number of four digits or more reversed. */
static void sql_search_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *folded = gn_text_fold((const char *)sqlite3_value_text(argv[0]));
	if (!folded) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	buffer b = { 0 };
	gn_status s = append(&b, folded, strlen(folded));
	for (const char *p = folded; s == GN_OK && *p;) {
		size_t n = strspn(p, "0123456789");
		if (n >= MIN_REVERSED) {
			s = append(&b, " ", 1);
			if (s == GN_OK)
				s = append_reversed(&b, p, n);
		}
		p += n ? n : 1;
	}
	free(folded);
	if (s != GN_OK) {
		free(b.s);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, b.s ? b.s : "", -1, b.s ? free : SQLITE_STATIC);
}

/* Letters match at the start of a word, so "huong" finds Hương and Hường
 * but not Phương; anything with a digit matches anywhere. */
static bool word_matches(const char *text, const char *word)
{
	bool anywhere = strpbrk(word, "0123456789") != NULL;
	for (const char *hit = strstr(text, word); hit; hit = strstr(hit + 1, word)) {
		unsigned char before = hit > text ? (unsigned char)hit[-1] : ' ';
		bool word_start = !(before >= 0x80 || (before >= 'a' && before <= 'z') ||
				    (before >= '0' && before <= '9'));
		if (anywhere || word_start)
			return true;
	}
	return false;
}

static void sql_words_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *words = (const char *)sqlite3_value_text(argv[1]);
	if (!text || !words) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	bool all = true;
	char word[256];
	for (const char *p = words; all && *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		all = word_matches(text, word);
		p += strcspn(p, " ");
	}
	sqlite3_result_int(ctx, all);
}

int gn_search_register(gn_db *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db->sql, "gn_fold", 1, flags, NULL, sql_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->sql, "gn_search_text", 1, flags, NULL, sql_search_text,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->sql, "gn_words_match", 2, flags, NULL,
					     sql_words_match, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->sql, "gn_search_matches", 2, flags, NULL,
					     sql_search_matches, NULL, NULL);
	return rc;
}
