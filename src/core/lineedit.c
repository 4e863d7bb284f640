#include "giamngheo/lineedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "giamngheo/keymap.h"
#include "giamngheo/text.h"

/* Every Unicode code point must fit in one wchar_t (true on the Unix
 * systems we build for; Windows' 16-bit wchar_t would need surrogates). */
_Static_assert(WCHAR_MAX >= 0x10FFFF, "wchar_t must hold any Unicode code point");

#define REPLACEMENT_CHAR 0xFFFD

struct gn_lineedit {
	wchar_t *cps;     /* the NFC text as code points */
	size_t ncps;
	char *utf8;       /* the same text in UTF-8 */
	/* Grapheme clusters ("characters"): cluster i is code points
	 * [gstart[i], gstart[i + 1]) and bytes [gbyte[i], gbyte[i + 1]) and
	 * takes gwidth[i] columns. */
	size_t ng;
	size_t *gstart;
	size_t *gbyte;
	int *gwidth;
	size_t cursor;    /* cluster index, 0..ng */
	size_t scroll;    /* first cluster shown by gn_lineedit_view */
	size_t max_bytes; /* 0: unbounded */
	char *initial;
};

/* ---- code point arrays ---- */

static size_t utf8_len_of(const wchar_t *cps, size_t n)
{
	size_t bytes = 0, i;

	for (i = 0; i < n; i++) {
		utf8proc_uint8_t tmp[4];

		bytes += (size_t)utf8proc_encode_char((utf8proc_int32_t)cps[i], tmp);
	}
	return bytes;
}

static char *utf8_of(const wchar_t *cps, size_t n)
{
	char *out;
	size_t len = 0, i;

	if (n > (SIZE_MAX - 1) / 4)
		return NULL;
	out = malloc(n * 4 + 1);
	if (!out)
		return NULL;
	for (i = 0; i < n; i++)
		len += (size_t)utf8proc_encode_char((utf8proc_int32_t)cps[i],
		                                    (utf8proc_uint8_t *)out + len);
	out[len] = '\0';
	return out;
}

/* What a one-line field may hold beyond what gn_text_sanitize already
 * guarantees: Unicode line breaks become spaces, noncharacters U+FFFD. */
static wchar_t field_char(utf8proc_int32_t cp)
{
	if (cp == 0x2028 || cp == 0x2029)
		return L' ';
	if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF))
		return REPLACEMENT_CHAR;
	return (wchar_t)cp;
}

/* The code points of valid UTF-8 s (malloc'd, at least one element). */
static wchar_t *cps_of(const char *s, size_t *n)
{
	size_t len = strlen(s), pos = 0, count = 0;
	wchar_t *out = malloc((len + 1) * sizeof *out);

	if (!out)
		return NULL;
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
		                                      (utf8proc_ssize_t)(len - pos), &cp);

		if (k <= 0) {
			cp = REPLACEMENT_CHAR;
			k = 1;
		}
		out[count++] = field_char(cp);
		pos += (size_t)k;
	}
	*n = count;
	return out;
}

/* NFC of n code points (which hold no controls) as a new array. */
static wchar_t *nfc_of(const wchar_t *cps, size_t n, size_t *out_n)
{
	char *utf8 = utf8_of(cps, n);
	char *nfc;
	wchar_t *out;

	if (!utf8)
		return NULL;
	nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)utf8);
	free(utf8);
	if (!nfc)
		return NULL;
	out = cps_of(nfc, out_n);
	free(nfc);
	return out;
}

/* Cluster boundaries of cps: starts[0..count] (starts must hold n + 1
 * entries), widths[0..count) when not NULL. Returns count. Widths add up
 * the code points' widths like gn_text_fit, so both agree on columns. */
static size_t clusters_of(const wchar_t *cps, size_t n, size_t *starts, int *widths)
{
	size_t count = 0, i;
	utf8proc_int32_t state = 0;

	for (i = 0; i < n; i++) {
		utf8proc_int32_t cp = (utf8proc_int32_t)cps[i];

		if (i == 0 || utf8proc_grapheme_break_stateful((utf8proc_int32_t)cps[i - 1], cp, &state)) {
			if (widths)
				widths[count] = 0;
			starts[count++] = i;
		}
		if (widths)
			widths[count - 1] += utf8proc_charwidth(cp);
	}
	starts[count] = n;
	return count;
}

/* ---- editor state ---- */

/* Makes cps (n code points, NFC, taken over) the text, with the cursor at
 * the cluster that starts at code point cursor_cp (or the first one after
 * it). On failure the editor is unchanged and cps freed. */
static bool set_text(gn_lineedit *e, wchar_t *cps, size_t n, size_t cursor_cp)
{
	size_t *gstart = malloc((n + 1) * sizeof *gstart);
	size_t *gbyte = malloc((n + 1) * sizeof *gbyte);
	int *gwidth = malloc((n + 1) * sizeof *gwidth);
	char *utf8 = utf8_of(cps, n);
	size_t ng, i;

	if (!gstart || !gbyte || !gwidth || !utf8) {
		free(gstart);
		free(gbyte);
		free(gwidth);
		free(utf8);
		free(cps);
		return false;
	}
	ng = clusters_of(cps, n, gstart, gwidth);
	gbyte[0] = 0;
	for (i = 0; i < ng; i++)
		gbyte[i + 1] = gbyte[i] + utf8_len_of(cps + gstart[i], gstart[i + 1] - gstart[i]);

	free(e->cps);
	free(e->utf8);
	free(e->gstart);
	free(e->gbyte);
	free(e->gwidth);
	e->cps = cps;
	e->ncps = n;
	e->utf8 = utf8;
	e->ng = ng;
	e->gstart = gstart;
	e->gbyte = gbyte;
	e->gwidth = gwidth;
	for (i = 0; i < ng && gstart[i] < cursor_cp; i++)
		;
	e->cursor = i;
	if (e->scroll > ng)
		e->scroll = ng;
	return true;
}

/* The text with clusters [from, to) replaced by ins (NULL when memory runs
 * out), and where the cursor goes: after the insertion. The text before the
 * cursor is normalised with the insertion first, so a lone combining mark
 * composes with the character it follows, then the whole text, so it stays
 * NFC whatever comes after. */
static wchar_t *spliced(const gn_lineedit *e, size_t from, size_t to, const wchar_t *ins,
                        size_t nins, size_t *full_n, size_t *cursor_cp)
{
	size_t left_n = e->gstart[from];
	const wchar_t *right = e->cps + e->gstart[to];
	size_t right_n = e->ncps - e->gstart[to];
	size_t a_n;
	wchar_t *buf, *a, *full;

	buf = malloc((left_n + nins + 1) * sizeof *buf);
	if (!buf)
		return NULL;
	wmemcpy(buf, e->cps, left_n);
	if (nins)
		wmemcpy(buf + left_n, ins, nins);
	a = nfc_of(buf, left_n + nins, &a_n);
	free(buf);
	if (!a)
		return NULL;
	buf = malloc((a_n + right_n + 1) * sizeof *buf);
	if (!buf) {
		free(a);
		return NULL;
	}
	wmemcpy(buf, a, a_n);
	free(a);
	wmemcpy(buf + a_n, right, right_n);
	full = nfc_of(buf, a_n + right_n, full_n);
	free(buf);
	if (!full)
		return NULL;
	/* Usually the text after the cursor comes through unchanged and the
	 * cursor goes just before it; if normalisation merged across the
	 * cursor (only possible at odd places such as a lone mark at the very
	 * start), it goes after the merged character. */
	if (*full_n >= right_n && wmemcmp(full + *full_n - right_n, right, right_n) == 0)
		*cursor_cp = *full_n - right_n;
	else
		*cursor_cp = a_n < *full_n ? a_n : *full_n;
	return full;
}

static bool fits(const gn_lineedit *e, const wchar_t *cps, size_t n)
{
	return !e->max_bytes || utf8_len_of(cps, n) <= e->max_bytes;
}

static gn_lineedit_result splice(gn_lineedit *e, size_t from, size_t to,
                                 const wchar_t *ins, size_t nins)
{
	size_t full_n, cursor_cp;
	wchar_t *full = spliced(e, from, to, ins, nins, &full_n, &cursor_cp);

	if (!full)
		return GN_LINEEDIT_REFUSED;
	if (!fits(e, full, full_n)) {
		free(full);
		return GN_LINEEDIT_REFUSED;
	}
	return set_text(e, full, full_n, cursor_cp) ? GN_LINEEDIT_HANDLED : GN_LINEEDIT_REFUSED;
}

static bool is_space_cluster(const gn_lineedit *e, size_t g)
{
	wchar_t c = e->cps[e->gstart[g]];

	return c == L'\t' || utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS;
}

/* ---- public API ---- */

gn_lineedit *gn_lineedit_new(const char *initial_utf8, size_t max_bytes)
{
	gn_lineedit *e = calloc(1, sizeof *e);
	wchar_t *empty;

	if (!e)
		return NULL;
	empty = malloc(sizeof *empty);
	if (!empty || !set_text(e, empty, 0, 0)) {
		free(e);
		return NULL;
	}
	if (initial_utf8 && *initial_utf8) {
		e->max_bytes = max_bytes;
		/* Cut like a paste; a refusal here only means it was shortened. */
		gn_lineedit_insert(e, initial_utf8);
	}
	e->max_bytes = max_bytes;
	e->initial = strdup(e->utf8);
	if (!e->initial) {
		gn_lineedit_free(e);
		return NULL;
	}
	return e;
}

void gn_lineedit_free(gn_lineedit *e)
{
	if (!e)
		return;
	free(e->cps);
	free(e->utf8);
	free(e->gstart);
	free(e->gbyte);
	free(e->gwidth);
	free(e->initial);
	free(e);
}

const char *gn_lineedit_text(const gn_lineedit *e)
{
	return e->utf8;
}

bool gn_lineedit_changed(const gn_lineedit *e)
{
	return strcmp(e->utf8, e->initial) != 0;
}

static gn_lineedit_result insert_cps(gn_lineedit *e, const wchar_t *ins, size_t n)
{
	size_t *bounds, lo, hi, count;
	gn_lineedit_result r;

	if (n == 0)
		return GN_LINEEDIT_HANDLED;
	r = splice(e, e->cursor, e->cursor, ins, n);
	if (r == GN_LINEEDIT_HANDLED || !e->max_bytes || n == 1)
		return r;
	/* Too long: insert the most whole characters that fit (binary search
	 * over the clusters of ins; lo always fits, hi + 1 never does). */
	bounds = malloc((n + 1) * sizeof *bounds);
	if (!bounds)
		return GN_LINEEDIT_REFUSED;
	count = clusters_of(ins, n, bounds, NULL);
	lo = 0;
	hi = count - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2, full_n, cursor_cp;
		wchar_t *full = spliced(e, e->cursor, e->cursor, ins, bounds[mid], &full_n, &cursor_cp);

		if (!full)
			break;
		if (fits(e, full, full_n))
			lo = mid;
		else
			hi = mid - 1;
		free(full);
	}
	if (lo > 0)
		splice(e, e->cursor, e->cursor, ins, bounds[lo]);
	free(bounds);
	return GN_LINEEDIT_REFUSED;
}

gn_lineedit_result gn_lineedit_insert(gn_lineedit *e, const char *utf8)
{
	char *safe;
	wchar_t *cps;
	size_t n;
	gn_lineedit_result r;

	if (!utf8 || !*utf8)
		return GN_LINEEDIT_HANDLED;
	safe = gn_text_sanitize(utf8);
	if (!safe)
		return GN_LINEEDIT_REFUSED;
	cps = cps_of(safe, &n);
	free(safe);
	if (!cps)
		return GN_LINEEDIT_REFUSED;
	r = insert_cps(e, cps, n);
	free(cps);
	return r;
}

static bool is_printable_key(int key)
{
	if (key < 0x20 || key >= 0x110000)
		return false;
	if (key >= 0x7F && key <= 0x9F)
		return false;
	return true;
}

gn_lineedit_result gn_lineedit_key(gn_lineedit *e, int key)
{
	size_t g;

	switch (key) {
	case GN_KEY_LEFT:
		if (e->cursor > 0)
			e->cursor--;
		return GN_LINEEDIT_HANDLED;
	case GN_KEY_RIGHT:
		if (e->cursor < e->ng)
			e->cursor++;
		return GN_LINEEDIT_HANDLED;
	case GN_KEY_HOME:
	case GN_KEY_CTRL('a'):
		e->cursor = 0;
		return GN_LINEEDIT_HANDLED;
	case GN_KEY_END:
	case GN_KEY_CTRL('e'):
		e->cursor = e->ng;
		return GN_LINEEDIT_HANDLED;
	case GN_KEY_BACKSPACE:
	case 8:
	case 127:
		if (e->cursor == 0)
			return GN_LINEEDIT_HANDLED;
		return splice(e, e->cursor - 1, e->cursor, NULL, 0);
	case GN_KEY_DELETE:
		if (e->cursor == e->ng)
			return GN_LINEEDIT_HANDLED;
		return splice(e, e->cursor, e->cursor + 1, NULL, 0);
	case GN_KEY_CTRL('w'):
		g = e->cursor;
		while (g > 0 && is_space_cluster(e, g - 1))
			g--;
		while (g > 0 && !is_space_cluster(e, g - 1))
			g--;
		return g == e->cursor ? GN_LINEEDIT_HANDLED : splice(e, g, e->cursor, NULL, 0);
	case GN_KEY_CTRL('u'):
		return e->cursor == 0 ? GN_LINEEDIT_HANDLED : splice(e, 0, e->cursor, NULL, 0);
	case GN_KEY_CTRL('k'):
		return e->cursor == e->ng ? GN_LINEEDIT_HANDLED : splice(e, e->cursor, e->ng, NULL, 0);
	default:
		break;
	}
	if (!is_printable_key(key))
		return GN_LINEEDIT_IGNORED;
	/* Surrogates, noncharacters and line separators are keys nobody types
	 * on purpose; they are consumed but not stored. */
	if ((key >= 0xD800 && key <= 0xDFFF) || field_char(key) != (wchar_t)key)
		return GN_LINEEDIT_REFUSED;
	{
		wchar_t c = (wchar_t)key;

		return insert_cps(e, &c, 1);
	}
}

static int width_of(const gn_lineedit *e, size_t from, size_t to)
{
	int w = 0;

	for (; from < to; from++)
		w += e->gwidth[from];
	return w;
}

int gn_lineedit_cursor_col(const gn_lineedit *e)
{
	return width_of(e, 0, e->cursor);
}

size_t gn_lineedit_cursor_byte(const gn_lineedit *e)
{
	return e->gbyte[e->cursor];
}

void gn_lineedit_view(gn_lineedit *e, int width, size_t *start, size_t *len, int *cursor_col)
{
	size_t s = e->scroll, end;
	int cursor_w, before, used;

	if (width <= 0) {
		*start = e->gbyte[e->cursor];
		*len = 0;
		*cursor_col = 0;
		return;
	}
	/* The cursor needs its character's cells, or one after the text. */
	cursor_w = e->cursor < e->ng && e->gwidth[e->cursor] > 1 ? e->gwidth[e->cursor] : 1;
	if (cursor_w > width)
		cursor_w = width;
	if (e->cursor < s)
		s = e->cursor;
	before = width_of(e, s, e->cursor);
	while (s < e->cursor && before + cursor_w > width)
		before -= e->gwidth[s++];
	/* Scrolled further than needed (the text got shorter): show more of
	 * the start while everything from there to the end still fits. */
	if (s > 0) {
		/* The column after the text stays reserved wherever the cursor
		 * is, so moving off the end does not shift the view. */
		int tail = 1;
		size_t g;

		/* Only whether it fits matters: stop counting once it does not. */
		for (g = s; g < e->ng && tail <= width; g++)
			tail += e->gwidth[g];
		while (s > 0 && tail + e->gwidth[s - 1] <= width) {
			tail += e->gwidth[--s];
			before += e->gwidth[s];
		}
	}
	e->scroll = s;
	used = 0;
	for (end = s; end < e->ng && used + e->gwidth[end] <= width; end++)
		used += e->gwidth[end];
	*start = e->gbyte[s];
	*len = e->gbyte[end] - e->gbyte[s];
	*cursor_col = before;
}
