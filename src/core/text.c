#include "giamngheo/text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT_CHAR 0xFFFD

/* Reads one code point as the caller should see it, returning how many
 * bytes of s it stands for (at least 1 while len > 0). */
typedef size_t (*codepoint_reader)(const char *s, size_t len, utf8proc_int32_t *cp);

/* A bad byte becomes U+FFFD on its own and decoding resumes at the next
 * byte, so one stray byte never swallows the valid text after it. */
static size_t read_repaired(const char *s, size_t len, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      (utf8proc_ssize_t)len, cp);

	if (n <= 0) {
		*cp = REPLACEMENT_CHAR;
		return 1;
	}
	return (size_t)n;
}

static bool is_control(utf8proc_int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* What a terminal is allowed to receive: escape sequences and other
 * controls could move the cursor or recolour the screen, so they are shown
 * as U+FFFD; line breaks would break the layout, so they become a space.
 * CR LF counts as one line break because Windows files write it so. */
static size_t read_safe(const char *s, size_t len, utf8proc_int32_t *cp)
{
	size_t n = read_repaired(s, len, cp);

	if (*cp == '\r' && n < len && s[n] == '\n') {
		*cp = ' ';
		return n + 1;
	}
	if (*cp == '\t' || *cp == '\n')
		*cp = ' ';
	else if (is_control(*cp))
		*cp = REPLACEMENT_CHAR;
	return n;
}

/* Re-encodes s through reader so that utf8proc, which refuses invalid
 * UTF-8 outright, always gets input it accepts. */
static char *recode(const char *s, codepoint_reader reader)
{
	size_t len = s ? strlen(s) : 0;
	size_t pos = 0, out_len = 0;
	char *out;

	/* A single bad byte grows to the three bytes of U+FFFD. */
	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	while (pos < len) {
		utf8proc_int32_t cp;

		pos += reader(s + pos, len - pos, &cp);
		out_len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + out_len);
	}
	out[out_len] = '\0';
	return out;
}

static char *recode_nfc(const char *s, codepoint_reader reader)
{
	char *valid = recode(s, reader);
	char *nfc;

	if (!valid)
		return NULL;
	nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)valid);
	free(valid);
	return nfc;
}

bool gn_text_valid_utf8(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	if (!s)
		return len == 0;
	while (len > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);

		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

char *gn_text_nfc(const char *s)
{
	return recode_nfc(s, read_repaired);
}

/* Whether s is valid UTF-8 that sanitizing would surely leave as it is: no
 * controls, and only code points that no normalization changes, whatever
 * follows them (below the combining marks at U+0300, and the precomposed
 * Latin letters of U+1E00-U+1EFF, which hold Vietnamese's). A listing
 * sanitizes every name it prints; nearly all take this path and are
 * copied, not decomposed and composed again. */
bool gn_text_is_safe(const char *s)
{
	size_t len = strlen(s);
	for (size_t pos = 0; pos < len;) {
		if ((unsigned char)s[pos] >= 0x20 && (unsigned char)s[pos] < 0x7F) {
			pos++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
		                                      (utf8proc_ssize_t)(len - pos), &cp);
		if (n <= 0 || is_control(cp) || (cp >= 0x300 && (cp < 0x1E00 || cp > 0x1EFF)))
			return false;
		pos += (size_t)n;
	}
	return true;
}

char *gn_text_sanitize(const char *s)
{
	if (s && gn_text_is_safe(s))
		return strdup(s);
	return recode_nfc(s, read_safe);
}

/* Runs before decomposition and case folding. Đ has no decomposition, so
 * stripping marks would leave it alone; Ð (eth) is included because legacy
 * Vietnamese encodings were often converted to it and it looks identical.
 * Controls and every kind of Unicode space separate words, so they become
 * plain spaces that the caller then collapses. */
static utf8proc_int32_t fold_codepoint(utf8proc_int32_t cp, void *unused)
{
	(void)unused;
	if (cp == 0x0110 || cp == 0x0111 || cp == 0x00D0)
		return 'd';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC:
		return ' ';
	default:
		return cp;
	}
}

/* Trims too, so that "  Hương " and "Hương" give the same key. */
static void collapse_spaces(char *s)
{
	char *out = s;
	const char *in;
	bool space_pending = false;

	for (in = s; *in; in++) {
		if (*in == ' ') {
			space_pending = out > s;
			continue;
		}
		if (space_pending)
			*out++ = ' ';
		space_pending = false;
		*out++ = *in;
	}
	*out = '\0';
}

static char *fold_slowly(const char *s)
{
	char *valid = recode(s, read_repaired);
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n;

	if (!valid)
		return NULL;
	/* IGNORE drops soft hyphens and zero-width joiners pasted in from
	 * documents, which would otherwise split a name in two. */
	n = utf8proc_map_custom((const utf8proc_uint8_t *)valid, 0, &folded,
	                        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
	                                UTF8PROC_IGNORE,
	                        fold_codepoint, NULL);
	free(valid);
	if (n < 0)
		return NULL;
	collapse_spaces((char *)folded);
	return (char *)folded;
}

/* Folding is most of the time a search takes over many names, and almost
 * every Vietnamese letter is one precomposed code point that folds to one
 * ASCII letter. Those are looked up in a table that the full fold itself
 * fills, one code point when it is first met (a process meets a few
 * hundred), so both give the same result; text with anything else
 * (combining marks, other scripts, invalid bytes) takes the full fold. */
#define FAST_FIRST 0x80
#define FAST_LAST 0x1EFF
#define NOT_FAST ((char)-1)

static char fast_table[FAST_LAST + 1];

/* The ASCII character cp folds to on its own, or NOT_FAST. */
static char fast_fold(utf8proc_int32_t cp)
{
	utf8proc_uint8_t one[8];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, one);
	one[n] = '\0';
	char *folded = cp == 0 ? NULL : fold_slowly((const char *)one);
	unsigned char c = folded ? (unsigned char)folded[0] : 0;
	char fast = NOT_FAST;
	/* A space folds to the empty string after trimming: keep ' '. */
	if (folded && folded[0] == '\0' && (cp < FAST_FIRST || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ||
					     utf8proc_category(cp) == UTF8PROC_CATEGORY_CC))
		fast = ' ';
	else if (folded && c > 0 && c < 0x80 && folded[1] == '\0')
		fast = (char)c;
	free(folded);
	return fast;
}

char *gn_text_fold(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	size_t used = 0;
	for (size_t pos = 0; pos < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
		                                      (utf8proc_ssize_t)(len - pos), &cp);
		if (n > 0 && cp <= FAST_LAST && !fast_table[cp])
			fast_table[cp] = fast_fold(cp);
		if (n <= 0 || cp > FAST_LAST || fast_table[cp] == NOT_FAST) {
			free(out);
			return fold_slowly(s);
		}
		out[used++] = fast_table[cp];
		pos += (size_t)n;
	}
	out[used] = '\0';
	collapse_spaces(out);
	return out;
}

size_t gn_text_fit(const char *s, int cols, int *used)
{
	size_t len = s ? strlen(s) : 0;
	size_t pos = 0, fitted = 0;
	int fitted_width = 0, cluster_width = 0;
	utf8proc_int32_t prev = 0, state = 0;

	/* Width is added a whole grapheme cluster at a time, so a cut can only
	 * fall where the next cluster starts: never between a letter and its
	 * combining marks, never inside a wide character. */
	while (pos < len) {
		utf8proc_int32_t cp;
		size_t n = read_safe(s + pos, len - pos, &cp);

		if (pos > 0 && utf8proc_grapheme_break_stateful(prev, cp, &state)) {
			if (cluster_width > cols - fitted_width)
				break;
			fitted = pos;
			fitted_width += cluster_width;
			cluster_width = 0;
		}
		cluster_width += utf8proc_charwidth(cp);
		prev = cp;
		pos += n;
	}
	if (pos >= len && cluster_width <= cols - fitted_width) {
		fitted = len;
		fitted_width += cluster_width;
	}
	if (used)
		*used = fitted_width;
	return fitted;
}

/* Whether cp, whatever is next to it, is one column and a grapheme of its
 * own: printable ASCII, and the Latin letters up to the combining marks
 * and of U+1E00-U+1EFF (Vietnamese's). */
static bool one_column(utf8proc_int32_t cp)
{
	return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp < 0x300) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

int gn_text_width(const char *s)
{
	/* A listing measures every cell it prints: names of such letters only
	 * are counted, not split into graphemes. */
	size_t len = s ? strlen(s) : 0;
	int width = 0;
	for (size_t pos = 0; pos < len; width++) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
		                                      (utf8proc_ssize_t)(len - pos), &cp);
		if (n <= 0 || !one_column(cp)) {
			gn_text_fit(s, INT_MAX, &width);
			return width;
		}
		pos += (size_t)n;
	}
	return width;
}

size_t gn_text_encode(int c, char *out)
{
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)c, (utf8proc_uint8_t *)out);
}
