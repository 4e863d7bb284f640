#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/keymap.h"
#include "giamngheo/lineedit.h"
#include "giamngheo/text.h"
#include "check_run.h"

#define FFFD "\xEF\xBF\xBD"

/* Precomposed (NFC) forms, spelt as escapes so the test does not depend on
 * how an editor saves this file. */
#define E_CIRC_ACUTE "\u1EBF"  /* ế */
#define E_CIRC_DOT "\u1EC7"    /* ệ */
#define NGUYEN "Nguy\u1EC5n"   /* Nguyễn */
#define THI "Th\u1ECB"         /* Thị */
#define HUONG "H\u01B0\u01A1ng" /* Hương */
#define FULL_NAME NGUYEN " " THI " " HUONG
/* The same name decomposed (NFD), as some keyboards send it. */
#define FULL_NAME_NFD "Nguye\u0302\u0303n Thi\u0323 Hu\u031Bo\u031Bng"

static gn_lineedit *editor(const char *text, size_t max_bytes)
{
	gn_lineedit *e = gn_lineedit_new(text, max_bytes);

	ck_assert_ptr_nonnull(e);
	return e;
}

static void keys(gn_lineedit *e, const int *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ck_assert_int_ne(gn_lineedit_key(e, k[i]), GN_LINEEDIT_IGNORED);
}
#define KEYS(e, ...)                                                                               \
	do {                                                                                       \
		const int k_[] = {__VA_ARGS__};                                                    \
		keys((e), k_, sizeof k_ / sizeof k_[0]);                                           \
	} while (0)

static void repeat(gn_lineedit *e, int key, int times)
{
	while (times-- > 0)
		ck_assert_int_ne(gn_lineedit_key(e, key), GN_LINEEDIT_IGNORED);
}

/* Nothing the editor stores may reach a terminal as a control or bad UTF-8,
 * and it must be NFC. */
static void assert_clean(const gn_lineedit *e)
{
	const char *t = gn_lineedit_text(e);
	const unsigned char *p;
	char *nfc;

	ck_assert(gn_text_valid_utf8(t, strlen(t)));
	for (p = (const unsigned char *)t; *p; p++)
		ck_assert(*p >= 0x20 && *p != 0x7F);
	ck_assert(strstr(t, "\xC2\x80") == NULL && strstr(t, "\xC2\x9B") == NULL);
	nfc = gn_text_nfc(t);
	ck_assert_str_eq(nfc, t);
	free(nfc);
}

/* Checks the invariants of a view and returns its cursor column. */
static int check_view(gn_lineedit *e, int width, size_t *start_out, size_t *len_out)
{
	const char *t = gn_lineedit_text(e);
	size_t start, len;
	int col, before_w, cursor_w;
	char *part;

	gn_lineedit_view(e, width, &start, &len, &col);
	ck_assert_uint_le(start + len, strlen(t));
	/* Whole characters only: neither end cuts a sequence or orphans a mark. */
	ck_assert((t[start] & 0xC0) != 0x80);
	ck_assert((t[start + len] & 0xC0) != 0x80);
	ck_assert(!((unsigned char)t[start] == 0xCC || (unsigned char)t[start + len] == 0xCC));
	part = strndup(t + start, len);
	ck_assert_int_le(gn_text_width(part), width);
	free(part);
	part = strndup(t, start);
	before_w = gn_text_width(part);
	free(part);
	ck_assert_int_eq(col, gn_lineedit_cursor_col(e) - before_w);
	ck_assert_int_ge(col, 0);
	ck_assert_int_lt(col, width);
	cursor_w = col; /* the cursor must fall inside the shown text or just after it */
	part = strndup(t + start, len);
	ck_assert_int_le(cursor_w, gn_text_width(part));
	free(part);
	if (start_out)
		*start_out = start;
	if (len_out)
		*len_out = len;
	return col;
}

START_TEST(test_nfd_typing_composes)
{
	gn_lineedit *e = editor(NULL, 0);

	ck_assert_str_eq(gn_lineedit_text(e), "");
	ck_assert(!gn_lineedit_changed(e));
	KEYS(e, 'e', 0x0302);
	ck_assert_str_eq(gn_lineedit_text(e), "\u00EA");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 1);
	KEYS(e, 0x0301);
	ck_assert_str_eq(gn_lineedit_text(e), E_CIRC_ACUTE);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 1);
	KEYS(e, 'n');
	ck_assert_str_eq(gn_lineedit_text(e), E_CIRC_ACUTE "n");
	ck_assert(gn_lineedit_changed(e));
	gn_lineedit_free(e);

	/* A whole name typed decomposed comes out precomposed. */
	e = editor("", 0);
	KEYS(e, 'N', 'g', 'u', 'y', 'e', 0x0302, 0x0303, 'n', ' ', 'T', 'h', 'i', 0x0323, ' ', 'H',
	     'u', 0x031B, 'o', 0x031B, 'n', 'g');
	ck_assert_str_eq(gn_lineedit_text(e), FULL_NAME);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 16);
	assert_clean(e);
	gn_lineedit_free(e);

	/* Marks in either canonical order: dot below then circumflex is ệ. */
	e = editor("", 0);
	KEYS(e, 'e', 0x0323, 0x0302);
	ck_assert_str_eq(gn_lineedit_text(e), E_CIRC_DOT);
	gn_lineedit_free(e);

	/* A mark typed in the middle composes with the letter before the
	 * cursor; the cursor stays after the composed letter. */
	e = editor("an", 0);
	KEYS(e, GN_KEY_HOME, GN_KEY_RIGHT, 0x0302);
	ck_assert_str_eq(gn_lineedit_text(e), "\u00E2n");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 1);
	KEYS(e, 'x');
	ck_assert_str_eq(gn_lineedit_text(e), "\u00E2xn");
	gn_lineedit_free(e);

	/* A mark with nothing to compose with stays with its letter. */
	e = editor("", 0);
	KEYS(e, 'q', 0x0303, 'a');
	ck_assert_str_eq(gn_lineedit_text(e), "q\u0303a");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 2);
	gn_lineedit_free(e);

	/* Decomposed initial text and pastes are stored as NFC too, and the
	 * initial text (as stored) is what "changed" compares with. */
	e = editor(FULL_NAME_NFD, 0);
	ck_assert_str_eq(gn_lineedit_text(e), FULL_NAME);
	ck_assert(!gn_lineedit_changed(e));
	KEYS(e, GN_KEY_CTRL('u'));
	ck_assert_int_eq(gn_lineedit_insert(e, FULL_NAME_NFD), GN_LINEEDIT_HANDLED);
	ck_assert_str_eq(gn_lineedit_text(e), FULL_NAME);
	ck_assert(!gn_lineedit_changed(e));
	gn_lineedit_free(e);
}
END_TEST

START_TEST(test_delete_across_marks)
{
	gn_lineedit *e = editor(NGUYEN, 0);

	KEYS(e, GN_KEY_BACKSPACE);
	ck_assert_str_eq(gn_lineedit_text(e), "Nguy\u1EC5");
	KEYS(e, GN_KEY_BACKSPACE); /* ễ goes whole, both marks with it */
	ck_assert_str_eq(gn_lineedit_text(e), "Nguy");
	KEYS(e, GN_KEY_HOME, GN_KEY_DELETE);
	ck_assert_str_eq(gn_lineedit_text(e), "guy");
	gn_lineedit_free(e);

	/* Same from decomposed input. */
	e = editor("Nguye\u0302\u0303n", 0);
	KEYS(e, GN_KEY_LEFT, GN_KEY_BACKSPACE);
	ck_assert_str_eq(gn_lineedit_text(e), "Nguyn");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 4);
	gn_lineedit_free(e);

	/* Marks that cannot compose stay attached: x with hook and dot is one
	 * character to move over and to delete. */
	e = editor("ax\u0302\u0323y", 0);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 3);
	KEYS(e, GN_KEY_LEFT);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 2);
	KEYS(e, GN_KEY_BACKSPACE);
	ck_assert_str_eq(gn_lineedit_text(e), "ay");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 1);
	gn_lineedit_free(e);

	e = editor("ax\u0302\u0323y", 0);
	KEYS(e, GN_KEY_HOME, GN_KEY_RIGHT, GN_KEY_DELETE);
	ck_assert_str_eq(gn_lineedit_text(e), "ay");
	gn_lineedit_free(e);

	/* Deleting at either end is a handled no-op. */
	e = editor(E_CIRC_ACUTE, 0);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_DELETE), GN_LINEEDIT_HANDLED);
	KEYS(e, GN_KEY_HOME);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_BACKSPACE), GN_LINEEDIT_HANDLED);
	ck_assert_str_eq(gn_lineedit_text(e), E_CIRC_ACUTE);
	KEYS(e, GN_KEY_DELETE);
	ck_assert_str_eq(gn_lineedit_text(e), "");
	ck_assert(gn_lineedit_changed(e));
	gn_lineedit_free(e);
}
END_TEST

START_TEST(test_cursor_over_name)
{
	const char *inputs[] = {FULL_NAME, FULL_NAME_NFD};
	size_t i;

	for (i = 0; i < 2; i++) {
		gn_lineedit *e = editor(inputs[i], 0);

		ck_assert_int_eq(gn_lineedit_cursor_col(e), 16);
		KEYS(e, GN_KEY_HOME);
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 0);
		KEYS(e, GN_KEY_LEFT); /* stays at the start */
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 0);
		repeat(e, GN_KEY_RIGHT, 5);
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 5);
		KEYS(e, GN_KEY_DELETE);
		ck_assert_str_eq(gn_lineedit_text(e), "Nguy\u1EC5 " THI " " HUONG);
		KEYS(e, 'n', GN_KEY_CTRL('e'));
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 16);
		KEYS(e, GN_KEY_RIGHT); /* stays at the end */
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 16);
		repeat(e, GN_KEY_LEFT, 4);
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 12);
		KEYS(e, 'x');
		ck_assert_str_eq(gn_lineedit_text(e), NGUYEN " " THI " Hx\u01B0\u01A1ng");
		KEYS(e, GN_KEY_BACKSPACE, GN_KEY_CTRL('a'));
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 0);
		KEYS(e, GN_KEY_END);
		ck_assert_int_eq(gn_lineedit_cursor_col(e), 16);
		ck_assert_str_eq(gn_lineedit_text(e), FULL_NAME);
		ck_assert(!gn_lineedit_changed(e));
		gn_lineedit_free(e);
	}
}
END_TEST

START_TEST(test_kill_keys)
{
	gn_lineedit *e = editor(FULL_NAME, 0);

	KEYS(e, GN_KEY_CTRL('w'));
	ck_assert_str_eq(gn_lineedit_text(e), NGUYEN " " THI " ");
	KEYS(e, GN_KEY_CTRL('w'));
	ck_assert_str_eq(gn_lineedit_text(e), NGUYEN " ");
	KEYS(e, GN_KEY_CTRL('w'));
	ck_assert_str_eq(gn_lineedit_text(e), "");
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_CTRL('w')), GN_LINEEDIT_HANDLED);
	gn_lineedit_free(e);

	/* In the middle, from decomposed text, with runs of spaces. */
	e = editor("L\u00EA  Va\u0306n  " HUONG, 0);
	repeat(e, GN_KEY_LEFT, 5);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 9);
	KEYS(e, GN_KEY_CTRL('w'));
	ck_assert_str_eq(gn_lineedit_text(e), "L\u00EA  " HUONG);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 4);
	KEYS(e, GN_KEY_CTRL('w'));
	ck_assert_str_eq(gn_lineedit_text(e), HUONG);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 0);
	gn_lineedit_free(e);

	/* Ctrl-U to the start, Ctrl-K to the end, at a character boundary. */
	e = editor(FULL_NAME, 0);
	KEYS(e, GN_KEY_HOME);
	repeat(e, GN_KEY_RIGHT, 6);
	KEYS(e, GN_KEY_CTRL('k'));
	ck_assert_str_eq(gn_lineedit_text(e), NGUYEN);
	KEYS(e, GN_KEY_LEFT, GN_KEY_CTRL('u'));
	ck_assert_str_eq(gn_lineedit_text(e), "n");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 0);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_CTRL('u')), GN_LINEEDIT_HANDLED);
	ck_assert_str_eq(gn_lineedit_text(e), "n");
	gn_lineedit_free(e);
}
END_TEST

START_TEST(test_wide_text)
{
	gn_lineedit *e = editor("\u4E2D\u6587abc", 0); /* 中文abc */
	size_t start, len;
	int col;

	ck_assert_int_eq(gn_lineedit_cursor_col(e), 7);
	repeat(e, GN_KEY_LEFT, 3);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 4);
	KEYS(e, GN_KEY_LEFT);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 2);
	KEYS(e, GN_KEY_END);

	/* 7 columns and the cursor after them in 4: only "abc" is shown. */
	col = check_view(e, 4, &start, &len);
	ck_assert_uint_eq(start, 6);
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(col, 3);
	/* Home scrolls back; a wide character that does not fit is left out
	 * rather than cut in half. */
	KEYS(e, GN_KEY_HOME);
	col = check_view(e, 3, &start, &len);
	ck_assert_uint_eq(start, 0);
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(col, 0);
	col = check_view(e, 8, &start, &len);
	ck_assert_uint_eq(len, strlen(gn_lineedit_text(e)));
	gn_lineedit_free(e);

	/* The cursor on a wide character needs both its columns in view. */
	e = editor("abc\u4E2D", 0);
	KEYS(e, GN_KEY_LEFT);
	col = check_view(e, 4, &start, &len);
	ck_assert_uint_eq(start, 1);
	ck_assert_str_eq(gn_lineedit_text(e) + start, "bc\u4E2D");
	ck_assert_uint_eq(len, 5);
	ck_assert_int_eq(col, 2);
	/* A view too narrow for it shows nothing rather than half of it. */
	gn_lineedit_view(e, 1, &start, &len, &col);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(col, 0);
	gn_lineedit_view(e, 0, &start, &len, &col);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(col, 0);
	gn_lineedit_free(e);

	/* Mixed Vietnamese and wide text, moved over one character at a time
	 * in a narrow view. */
	e = editor(FULL_NAME_NFD " \u4E2D\u6587 " FULL_NAME, 0);
	KEYS(e, GN_KEY_HOME);
	for (col = 0; col < 40; col++) {
		check_view(e, 5, NULL, NULL);
		KEYS(e, GN_KEY_RIGHT);
	}
	for (col = 0; col < 40; col++) {
		check_view(e, 5, NULL, NULL);
		KEYS(e, GN_KEY_LEFT);
	}
	gn_lineedit_free(e);
}
END_TEST

START_TEST(test_long_text)
{
	/* 10 000 characters: ệ (typed decomposed) and a in turn. */
	size_t n = 5000, i, start, len;
	char *paste = malloc(n * 6 + 1), *p = paste;
	gn_lineedit *e = editor("", 0);
	const char *t;
	int col;

	for (i = 0; i < n; i++) {
		memcpy(p, "e\u0323\u0302a", 6);
		p += 6;
	}
	*p = '\0';
	ck_assert_int_eq(gn_lineedit_insert(e, paste), GN_LINEEDIT_HANDLED);
	free(paste);
	t = gn_lineedit_text(e);
	ck_assert_uint_eq(strlen(t), n * 4);
	ck_assert(strncmp(t, E_CIRC_DOT "a" E_CIRC_DOT "a", 8) == 0);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 10000);

	/* At the end: the tail of the text and the cursor after it. */
	col = check_view(e, 80, &start, &len);
	ck_assert_int_eq(col, 79);
	ck_assert_uint_eq(start + len, strlen(t));
	/* At the start: the head of the text, 80 columns of it. */
	KEYS(e, GN_KEY_HOME);
	col = check_view(e, 80, &start, &len);
	ck_assert_uint_eq(start, 0);
	ck_assert_int_eq(col, 0);
	ck_assert_uint_eq(len, 40 * 4);
	/* Walk right then left across the whole text; the view follows. */
	for (i = 0; i < 10000; i++) {
		KEYS(e, GN_KEY_RIGHT);
		gn_lineedit_view(e, 80, &start, &len, &col);
		ck_assert_int_lt(col, 80);
		if (i % 997 == 0)
			check_view(e, 80, NULL, NULL);
	}
	ck_assert_int_eq(col, 79);
	ck_assert_uint_eq(start + len, strlen(t));
	for (i = 0; i < 10000; i++) {
		KEYS(e, GN_KEY_LEFT);
		gn_lineedit_view(e, 80, &start, &len, &col);
		ck_assert_int_ge(col, 0);
		if (i % 991 == 0)
			check_view(e, 80, NULL, NULL);
	}
	ck_assert_uint_eq(start, 0);
	ck_assert_int_eq(col, 0);
	/* A small move back from the end scrolls only as far as needed. */
	KEYS(e, GN_KEY_END);
	check_view(e, 80, &start, NULL);
	repeat(e, GN_KEY_LEFT, 10);
	col = check_view(e, 80, &i, NULL);
	ck_assert_uint_eq(i, start);
	ck_assert_int_eq(col, 69);
	/* Deleting to the start brings the view back to the start. */
	KEYS(e, GN_KEY_CTRL('u'));
	col = check_view(e, 80, &start, &len);
	ck_assert_uint_eq(start, 0);
	ck_assert_int_eq(col, 0);
	ck_assert_str_eq(gn_lineedit_text(e), E_CIRC_DOT "a" E_CIRC_DOT "a" E_CIRC_DOT "a" E_CIRC_DOT "a"
	                                                  E_CIRC_DOT "a");
	assert_clean(e);
	gn_lineedit_free(e);
}
END_TEST

START_TEST(test_max_bytes)
{
	gn_lineedit *e = editor("", 5);

	KEYS(e, 'a', 'b', 'c', 'd', 'e');
	ck_assert_int_eq(gn_lineedit_key(e, 'f'), GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), "abcde");
	KEYS(e, GN_KEY_BACKSPACE);
	/* ệ is 3 bytes: refused whole, never stored in part. */
	ck_assert_int_eq(gn_lineedit_key(e, 0x1EC7), GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), "abcd");
	KEYS(e, 'e');
	/* e + dot below would be ẹ, 3 bytes: refused, e stays. */
	ck_assert_int_eq(gn_lineedit_key(e, 0x0323), GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), "abcde");
	gn_lineedit_free(e);

	/* What counts is the NFC length: e, dot, circumflex fit in 3 bytes. */
	e = editor("abcd", 7);
	KEYS(e, 'e', 0x0323, 0x0302);
	ck_assert_str_eq(gn_lineedit_text(e), "abcd" E_CIRC_DOT);
	ck_assert_int_eq(gn_lineedit_key(e, 'x'), GN_LINEEDIT_REFUSED);
	gn_lineedit_free(e);

	/* A paste is cut to the whole characters that fit. */
	e = editor("", 10);
	ck_assert_int_eq(gn_lineedit_insert(e, HUONG " Lan"), GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), HUONG " La");
	gn_lineedit_free(e);
	e = editor("", 10);
	ck_assert_int_eq(gn_lineedit_insert(e, "e\u0323\u0302e\u0323\u0302e\u0323\u0302e\u0323\u0302"),
	                 GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), E_CIRC_DOT E_CIRC_DOT E_CIRC_DOT);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 3);
	gn_lineedit_free(e);

	/* Pasted in the middle, the cursor ends after what went in. */
	e = editor("ab", 5);
	KEYS(e, GN_KEY_LEFT);
	ck_assert_int_eq(gn_lineedit_insert(e, "\u00EA\u00EA"), GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), "a\u00EAb");
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 2);
	gn_lineedit_free(e);

	/* An initial text that is too long is cut at a character boundary. */
	e = editor(FULL_NAME_NFD, 6);
	ck_assert_str_eq(gn_lineedit_text(e), "Nguy");
	ck_assert(!gn_lineedit_changed(e));
	gn_lineedit_free(e);

	/* Exactly at the limit is fine. */
	e = editor(FULL_NAME, strlen(FULL_NAME));
	ck_assert_str_eq(gn_lineedit_text(e), FULL_NAME);
	ck_assert_int_eq(gn_lineedit_key(e, '.'), GN_LINEEDIT_REFUSED);
	KEYS(e, GN_KEY_BACKSPACE);
	ck_assert_int_eq(gn_lineedit_key(e, 0x1EE9), GN_LINEEDIT_REFUSED); /* ứ, 3 bytes */
	KEYS(e, 'g');
	ck_assert_str_eq(gn_lineedit_text(e), FULL_NAME);
	gn_lineedit_free(e);
}
END_TEST

START_TEST(test_hostile_input)
{
	gn_lineedit *e = editor("", 0);

	/* ESC sequences and other controls in a paste are defused. */
	ck_assert_int_eq(gn_lineedit_insert(e, "a\x1b[31mb\x07" "c\x7f"), GN_LINEEDIT_HANDLED);
	ck_assert_str_eq(gn_lineedit_text(e), "a" FFFD "[31mb" FFFD "c" FFFD);
	assert_clean(e);
	KEYS(e, GN_KEY_CTRL('u'));
	/* Line breaks and tabs become spaces in a one-line field. */
	gn_lineedit_insert(e, "x\ty\nz\r\nw\u2028v");
	ck_assert_str_eq(gn_lineedit_text(e), "x y z w v");
	KEYS(e, GN_KEY_CTRL('u'));
	/* Invalid UTF-8: stray bytes, a cut sequence, an overlong form, a
	 * surrogate, C1 CSI; each becomes U+FFFD and the rest survives. */
	gn_lineedit_insert(e, "a\xff\xfe" "b\xC3");
	ck_assert_str_eq(gn_lineedit_text(e), "a" FFFD FFFD "b" FFFD);
	KEYS(e, GN_KEY_CTRL('u'));
	gn_lineedit_insert(e, "\xC0\xAF|\xED\xA0\x80|\xC2\x9B" "2J|\xEF\xBF\xBE");
	assert_clean(e);
	ck_assert(strchr(gn_lineedit_text(e), '/') == NULL);
	ck_assert(strstr(gn_lineedit_text(e), "\xEF\xBF\xBE") == NULL);
	/* A mark pasted after a control does not make the control survive. */
	KEYS(e, GN_KEY_CTRL('u'));
	gn_lineedit_insert(e, "\x1b\u0301x");
	assert_clean(e);
	ck_assert_int_eq(gn_lineedit_cursor_col(e), 2);
	gn_lineedit_free(e);

	/* Keys that are not for the editor are left to the caller. */
	e = editor(HUONG, 0);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_ESC), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_ENTER), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, 10), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_TAB), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_BTAB), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_CTRL('s')), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, 0), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, 0x9B), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_UP), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_F(2)), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_RESIZE), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, GN_KEY_ALT | 'a'), GN_LINEEDIT_IGNORED);
	ck_assert_int_eq(gn_lineedit_key(e, -1), GN_LINEEDIT_IGNORED);
	/* Code points that are not characters are consumed, not stored. */
	ck_assert_int_eq(gn_lineedit_key(e, 0xD800), GN_LINEEDIT_REFUSED);
	ck_assert_int_eq(gn_lineedit_key(e, 0xFFFE), GN_LINEEDIT_REFUSED);
	ck_assert_int_eq(gn_lineedit_key(e, 0x2029), GN_LINEEDIT_REFUSED);
	ck_assert_str_eq(gn_lineedit_text(e), HUONG);
	ck_assert(!gn_lineedit_changed(e));
	/* DEL and Ctrl-H, as some terminals send Backspace. */
	KEYS(e, 127, 8);
	ck_assert_str_eq(gn_lineedit_text(e), "H\u01B0\u01A1");
	/* Hostile initial text is cleaned like a paste. */
	gn_lineedit_free(e);
	e = editor("\x1b]0;title\x07" "ok\xff", 0);
	assert_clean(e);
	ck_assert_str_eq(gn_lineedit_text(e), FFFD "]0;title" FFFD "ok" FFFD);
	gn_lineedit_free(e);
}
END_TEST

static Suite *lineedit_suite(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_nfd_typing_composes);
	tcase_add_test(tc, test_delete_across_marks);
	tcase_add_test(tc, test_cursor_over_name);
	tcase_add_test(tc, test_kill_keys);
	tcase_add_test(tc, test_wide_text);
	tcase_add_test(tc, test_long_text);
	tcase_add_test(tc, test_max_bytes);
	tcase_add_test(tc, test_hostile_input);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(lineedit_suite());
}
