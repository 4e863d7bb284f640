#include "giamngheo/search.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/text.h"

/* FTS5's trigram tokenizer indexes three-character sequences, so only words
 * of three or more characters can be looked up through it. */
#define TRIGRAM 3

static gn_status append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t grown_cap = (*len + n + 1) * 2;
		char *grown = realloc(*buf, grown_cap);
		if (!grown)
			return GN_ERR_NOMEM;
		*buf = grown;
		*cap = grown_cap;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return GN_OK;
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* An FTS5 string literal: the word in double quotes, inner quotes doubled, so
 * nothing the user types is read as query syntax. */
static gn_status append_phrase(char **buf, size_t *len, size_t *cap, const char *w, size_t n)
{
	gn_status s = append(buf, len, cap, *len ? " AND \"" : "\"", *len ? 6 : 1);
	for (size_t i = 0; s == GN_OK && i < n; i++)
		s = w[i] == '"' ? append(buf, len, cap, "\"\"", 2) : append(buf, len, cap, &w[i], 1);
	return s == GN_OK ? append(buf, len, cap, "\"", 1) : s;
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
	size_t mlen = 0, mcap = 0, wlen = 0, wcap = 0;
	gn_status s = GN_OK;
	for (const char *p = folded; s == GN_OK && *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		if (utf8_chars(p, n) >= TRIGRAM)
			s = append_phrase(match, &mlen, &mcap, p, n);
		if (s == GN_OK && wlen)
			s = append(words, &wlen, &wcap, " ", 1);
		if (s == GN_OK)
			s = append(words, &wlen, &wcap, p, n);
		p += n;
	}
	free(folded);
	if (s != GN_OK) {
		free(*match);
		free(*words);
		*match = *words = NULL;
	}
	return s;
}

/* ---- the index ---- */

static gn_status collect(gn_db *db, long long household_id, char **body)
{
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT code || ' ' || head_name || ' ' || phone FROM household WHERE id = ?1 AND deleted = 0"
		" UNION ALL SELECT full_name || ' ' || coalesce(cccd, '') FROM member"
		" WHERE household_id = ?1 AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	size_t len = 0, cap = 0;
	gn_status s = GN_OK;
	int rc;
	*body = NULL;
	while (s == GN_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (len)
			s = append(body, &len, &cap, " ", 1);
		if (s == GN_OK && t)
			s = append(body, &len, &cap, t, strlen(t));
	}
	sqlite3_finalize(st);
	return s;
}

gn_status gn_search_reindex(gn_db *db, long long household_id)
{
	char *raw = NULL;
	gn_status s = collect(db, household_id, &raw);
	if (s != GN_OK) {
		free(raw);
		return s;
	}
	sqlite3_stmt *del = gn_db_prepare(db, "DELETE FROM household_search WHERE rowid = ?");
	if (!del) {
		free(raw);
		return GN_ERR_DB;
	}
	sqlite3_bind_int64(del, 1, household_id);
	s = gn_db_status(sqlite3_step(del));
	sqlite3_finalize(del);
	if (s != GN_OK || !raw) {
		free(raw);
		return s;
	}
	char *folded = gn_text_fold(raw);
	free(raw);
	if (!folded)
		return GN_ERR_NOMEM;
	sqlite3_stmt *ins = gn_db_prepare(db, "INSERT INTO household_search(rowid, body) VALUES (?, ?)");
	if (!ins) {
		free(folded);
		return GN_ERR_DB;
	}
	sqlite3_bind_int64(ins, 1, household_id);
	sqlite3_bind_text(ins, 2, folded, -1, free);
	s = gn_db_status(sqlite3_step(ins));
	sqlite3_finalize(ins);
	return s;
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

/* Letters match at the start of a word, so "huong" finds Hương and Hường
 * but not Phương; anything with a digit (codes, ID numbers, phones) matches
 * anywhere, so the last digits of a phone number are enough. */
static bool word_matches(const char *text, const char *word, size_t n)
{
	bool anywhere = strpbrk(word, "0123456789") != NULL;
	for (const char *hit = strstr(text, word); hit; hit = strstr(hit + 1, word)) {
		unsigned char before = hit > text ? (unsigned char)hit[-1] : ' ';
		bool word_start = !(before >= 0x80 || (before >= 'a' && before <= 'z') ||
				    (before >= '0' && before <= '9'));
		if (anywhere || word_start)
			return true;
	}
	(void)n;
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
		all = word_matches(text, word, n);
		p += strcspn(p, " ");
	}
	sqlite3_result_int(ctx, all);
}

int gn_search_register(gn_db *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db->sql, "gn_fold", 1, flags, NULL, sql_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->sql, "gn_words_match", 2, flags, NULL,
					     sql_words_match, NULL, NULL);
	return rc;
}
