#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/text.h"
#include "check_run.h"

#include <utf8proc.h>

#define FFFD "\xEF\xBF\xBD"

/* Built from decomposed code points so the test does not depend on how an
 * editor happens to save the precomposed literals below. */
#define NGUYEN_NFD "Nguye\u0302\u0303n"
#define HUONG_NFD "Hu\u031Bo\u031Bng"

static void assert_fold(const char *in, const char *expected)
{
	char *key = gn_text_fold(in);

	ck_assert_ptr_nonnull(key);
	ck_assert_str_eq(key, expected);
	free(key);
}

static void assert_sanitize(const char *in, const char *expected)
{
	char *safe = gn_text_sanitize(in);

	ck_assert_ptr_nonnull(safe);
	ck_assert_str_eq(safe, expected);
	free(safe);
}

/* True when the byte at s starts a combining mark of the U+0300 block,
 * i.e. a cut just before s would orphan the mark. */
static int starts_combining_mark(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (u[0] == 0xCC && u[1] >= 0x80) || (u[0] == 0xCD && u[1] <= 0xAF);
}

START_TEST(test_valid_utf8)
{
	ck_assert(gn_text_valid_utf8("abc", 3));
	ck_assert(gn_text_valid_utf8("Hương", strlen("Hương")));
	ck_assert(gn_text_valid_utf8(NULL, 0));
	ck_assert(gn_text_valid_utf8("", 0));
	/* The length bounds the check: half of a two-byte sequence is invalid. */
	ck_assert(!gn_text_valid_utf8("\xC3\xA9", 1));
	ck_assert(!gn_text_valid_utf8("a\xFF", 2));
	ck_assert(!gn_text_valid_utf8("\xC0\xAF", 2));     /* overlong '/' */
	ck_assert(!gn_text_valid_utf8("\xED\xA0\x80", 3)); /* surrogate */
	ck_assert(!gn_text_valid_utf8("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
}
END_TEST

START_TEST(test_nfc)
{
	char *s = gn_text_nfc(NGUYEN_NFD);

	ck_assert_str_eq(s, "Nguyễn");
	free(s);
	s = gn_text_nfc("a\xFF" "b\xC3");
	ck_assert_str_eq(s, "a" FFFD "b" FFFD);
	free(s);
	s = gn_text_nfc("");
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_fold_vietnamese)
{
	assert_fold("Nguyễn Thị Hương", "nguyen thi huong");
	assert_fold("HƯƠNG", "huong");
	assert_fold("Đặng", "dang");
	assert_fold("ĐINH đức", "dinh duc");
	assert_fold("Phạm Văn Đồng", "pham van dong");
}
END_TEST

START_TEST(test_fold_nfd_same_as_nfc)
{
	char *nfc = gn_text_fold("Nguyễn Thị Hương");
	char *nfd = gn_text_fold(NGUYEN_NFD " Thi\u0323 " HUONG_NFD);

	ck_assert_str_eq(nfd, nfc);
	free(nfc);
	free(nfd);
	assert_fold(HUONG_NFD, "huong");
	assert_fold("H\u01AF\u01A0NG", "huong");
}
END_TEST

/* Precomposed letters take a quicker way than decomposed text: every
 * letter up to U+1EFF, between other letters and spaces, must fold the
 * same both ways. */
START_TEST(test_fold_every_letter_nfc_as_nfd)
{
	for (utf8proc_int32_t cp = 0x20; cp <= 0x1EFF; cp++) {
		utf8proc_uint8_t s[32] = "a";
		utf8proc_ssize_t n = 1 + utf8proc_encode_char(cp, s + 1);
		memcpy(s + n, "B \u1EA0 ", sizeof "B \u1EA0 ");
		char *nfc = gn_text_fold((const char *)s);
		char *nfd_text = (char *)utf8proc_NFD(s);
		/* A combining mark first makes sure the decomposed text takes the long way. */
		char both[64];
		snprintf(both, sizeof both, "%s \u0301", nfd_text ? nfd_text : "");
		char *nfd = gn_text_fold(both);
		ck_assert_ptr_nonnull(nfc);
		ck_assert_ptr_nonnull(nfd);
		ck_assert_msg(strcmp(nfc, nfd) == 0, "U+%04X: '%s' vs '%s'", (unsigned)cp, nfc, nfd);
		free(nfc);
		free(nfd);
		free(nfd_text);
	}
}
END_TEST

START_TEST(test_fold_white_space)
{
	assert_fold("  Trần \t  Văn\u00A0An \n", "tran van an");
	assert_fold("", "");
	assert_fold("   ", "");
}
END_TEST

START_TEST(test_fold_invalid_utf8)
{
	assert_fold("L\xFF" "\xC3", "l" FFFD FFFD);
}
END_TEST

START_TEST(test_sanitize_controls)
{
	assert_sanitize("a\x1b[31mb", "a" FFFD "[31mb");
	assert_sanitize("bell\x07", "bell" FFFD);
	assert_sanitize("del\x7F", "del" FFFD);
	assert_sanitize("csi\xC2\x9B" "2J", "csi" FFFD "2J");
	assert_sanitize("nel\xC2\x85", "nel" FFFD);
	assert_sanitize("cr\rx", "cr" FFFD "x");
	assert_sanitize("bad\xFF\xFE", "bad" FFFD FFFD);
}
END_TEST

START_TEST(test_sanitize_spaces_and_nfc)
{
	assert_sanitize("a\tb\nc", "a b c");
	assert_sanitize("a\r\nb", "a b");
	assert_sanitize(NGUYEN_NFD, "Nguyễn");
	assert_sanitize("Nguyễn Thị Hương", "Nguyễn Thị Hương");
}
END_TEST

/* Names that need no change are copied as they are: that must be exactly
 * what the full normalization would make of every such letter, alone or
 * before a combining mark (which it composes with). */
START_TEST(test_sanitize_copies_only_what_nfc_keeps)
{
	static const int ranges[][2] = { { 0x20, 0x7E }, { 0xA0, 0x2FF }, { 0x1E00, 0x1EFF } };
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (int cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
			char one[16];
			utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)one);
			one[n] = '\0';
			char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)one);
			ck_assert_ptr_nonnull(nfc);
			assert_sanitize(one, nfc);
			free(nfc);
			strcpy(one + n, "\u0301");
			nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)one);
			ck_assert_ptr_nonnull(nfc);
			assert_sanitize(one, nfc);
			free(nfc);
		}
}
END_TEST

/* Widths counted letter by letter agree with the grapheme-wise measure,
 * for every letter between others and before a combining mark. */
START_TEST(test_width_counted_as_measured)
{
	for (int cp = 0x20; cp <= 0x1EFF; cp++) {
		char s[32] = "a";
		utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)s + 1);
		strcpy(s + 1 + n, "b");
		int measured;
		gn_text_fit(s, INT_MAX, &measured);
		ck_assert_int_eq(gn_text_width(s), measured);
		strcpy(s + 1 + n, "\u0301");
		gn_text_fit(s, INT_MAX, &measured);
		ck_assert_int_eq(gn_text_width(s), measured);
	}
}
END_TEST

START_TEST(test_width)
{
	ck_assert_int_eq(gn_text_width("Nguyễn"), 6);
	ck_assert_int_eq(gn_text_width(NGUYEN_NFD), 6);
	ck_assert_int_eq(gn_text_width("中"), 2);
	ck_assert_int_eq(gn_text_width("中文ab"), 6);
	ck_assert_int_eq(gn_text_width("a\x1b" "b"), 3);
	ck_assert_int_eq(gn_text_width("a\tb"), 3);
	ck_assert_int_eq(gn_text_width("x\xFF"), 2);
	ck_assert_int_eq(gn_text_width(""), 0);
}
END_TEST

START_TEST(test_fit_keeps_marks_with_letter)
{
	const char *s = NGUYEN_NFD;
	int used = -1;
	int cols;

	/* "Nguy" is 4 bytes; the e and its two marks are 5 more. */
	ck_assert_uint_eq(gn_text_fit(s, 4, &used), 4);
	ck_assert_int_eq(used, 4);
	ck_assert_uint_eq(gn_text_fit(s, 5, &used), 9);
	ck_assert_int_eq(used, 5);
	ck_assert_uint_eq(gn_text_fit(s, 6, &used), strlen(s));
	ck_assert_int_eq(used, 6);
	for (cols = 0; cols <= 7; cols++) {
		size_t n = gn_text_fit(s, cols, &used);

		ck_assert(!starts_combining_mark(s + n));
		ck_assert_int_le(used, cols);
	}
}
END_TEST

START_TEST(test_fit_wide)
{
	const char *s = "中文ab";
	int used = -1;

	ck_assert_uint_eq(gn_text_fit(s, 1, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(gn_text_fit(s, 3, &used), 3);
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(gn_text_fit(s, 4, &used), 6);
	ck_assert_int_eq(used, 4);
	ck_assert_uint_eq(gn_text_fit(s, 5, &used), 7);
	ck_assert_int_eq(used, 5);
	ck_assert_uint_eq(gn_text_fit(s, 100, &used), strlen(s));
	ck_assert_int_eq(used, 6);
}
END_TEST

START_TEST(test_fit_edges)
{
	int used = -1;

	ck_assert_uint_eq(gn_text_fit("abc", 0, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(gn_text_fit("abc", -3, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(gn_text_fit("", 5, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(gn_text_fit("abc", 2, NULL), 2);
	/* A CR LF pair is one space on screen, so it is kept or cut whole. */
	ck_assert_uint_eq(gn_text_fit("a\r\nb", 2, &used), 3);
	ck_assert_int_eq(used, 2);
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_valid_utf8);
	tcase_add_test(tc, test_sanitize_copies_only_what_nfc_keeps);
	tcase_add_test(tc, test_width_counted_as_measured);
	tcase_add_test(tc, test_nfc);
	tcase_add_test(tc, test_fold_vietnamese);
	tcase_add_test(tc, test_fold_nfd_same_as_nfc);
	tcase_add_test(tc, test_fold_every_letter_nfc_as_nfd);
	tcase_add_test(tc, test_fold_white_space);
	tcase_add_test(tc, test_fold_invalid_utf8);
	tcase_add_test(tc, test_sanitize_controls);
	tcase_add_test(tc, test_sanitize_spaces_and_nfc);
	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_fit_keeps_marks_with_letter);
	tcase_add_test(tc, test_fit_wide);
	tcase_add_test(tc, test_fit_edges);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(text_suite());
}
