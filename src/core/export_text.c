/* A report as plain text, for the terminal, the Reports screen and the
 * printer: columns aligned on screen columns, long text wrapped inside its
 * column, amounts right-aligned. */
#include "giamngheo/export.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/format.h"
#include "giamngheo/i18n.h"
#include "giamngheo/money.h"
#include "giamngheo/text.h"

/* Sentences wrap at the width of a printed page in a monospaced font
 * (A4 landscape) for tables, a little less for sentences; a table wider than that wraps its widest text columns,
 * though none below TEXT_COL_MIN. */
#define PAGE_COLS 120
#define SENTENCE_COLS 100
#define TEXT_COL_MIN 16
/* Headers up to this wide never wrap. */
#define HEADER_MIN 18
/* Nor are the headers of number columns squeezed below this. */
#define NUMBER_HEADER_MIN 10
#define GAP "  "

bool gn_export_format_from_name(const char *name, gn_export_format *out)
{
	static const char *const names[] = { "text", "csv", "xlsx" };
	for (int i = 0; name && i < 3; i++)
		if (strcmp(names[i], name) == 0) {
			*out = (gn_export_format)i;
			return true;
		}
	return false;
}

const char *gn_export_extension(gn_export_format f)
{
	switch (f) {
	case GN_EXPORT_CSV:
		return "csv";
	case GN_EXPORT_XLSX:
		return "xlsx";
	case GN_EXPORT_TEXT:
	default:
		return "txt";
	}
}

void gn_export_file_name(const gn_report *r, gn_export_format f, char *buf, size_t size)
{
	snprintf(buf, size, "%s.%s", r->file_stem, gn_export_extension(f));
}

/* ---- text that grows ---- */

typedef struct {
	char *s;
	size_t len, cap;
	bool oom;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 128;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *grown = realloc(b->s, cap);
		if (!grown) {
			b->oom = true;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_puts(strbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_pad(strbuf *b, int n)
{
	while (n-- > 0)
		sb_add(b, " ", 1);
}

static void sb_reset(strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* ---- wrapping ---- */

/* Lines of at most cols screen columns, broken at spaces; a word longer
 * than cols is cut. Returns the number of lines; *lines (malloc'd, each
 * malloc'd) receives them. At least one line, possibly empty. */
static int wrap(const char *text, int cols, char ***lines)
{
	int n = 0, cap = 4;
	char **out = malloc((size_t)cap * sizeof *out);
	if (!out)
		return -1;
	if (cols < 1)
		cols = 1;
	const char *p = text;
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p && n > 0)
			break;
		int used;
		size_t fit = gn_text_fit(p, cols, &used);
		size_t take = fit;
		if (p[fit] != '\0' && p[fit] != ' ') {
			/* Back to the last space that fits (p[0] is not one). */
			size_t sp = fit;
			while (sp > 0 && p[sp - 1] != ' ')
				sp--;
			if (sp > 0)
				take = sp - 1;
		}
		if (take == 0 && *p) {
			/* Not one character fits: take one anyway. */
			take = 1;
			while (p[take] && ((unsigned char)p[take] & 0xC0) == 0x80)
				take++;
		}
		if (n == cap) {
			char **grown = realloc(out, (size_t)cap * 2 * sizeof *out);
			if (!grown)
				goto oom;
			out = grown;
			cap *= 2;
		}
		size_t len = take;
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (!(out[n] = strndup(p, len)))
			goto oom;
		n++;
		p += take;
		if (!*p)
			break;
	}
	*lines = out;
	return n;
oom:
	for (int i = 0; i < n; i++)
		free(out[i]);
	free(out);
	return -1;
}

static void free_lines(char **lines, int n)
{
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* ---- cells ---- */

static bool numeric(gn_rcell_type t)
{
	return t == GN_RCELL_COUNT || t == GN_RCELL_MONEY || t == GN_RCELL_PERCENT;
}

/* The cell as shown, made safe for a terminal; malloc'd. */
static char *cell_text(const gn_rcell *c)
{
	char buf[64];
	switch (c->type) {
	case GN_RCELL_TEXT:
		return gn_text_sanitize(c->text ? c->text : "");
	case GN_RCELL_COUNT:
		gn_format_count(c->num, buf, sizeof buf);
		break;
	case GN_RCELL_MONEY:
		gn_money_format(c->num, buf, sizeof buf);
		break;
	case GN_RCELL_PERCENT:
		gn_format_percent(c->pct, buf, sizeof buf);
		break;
	case GN_RCELL_DATE:
		gn_date_format_dmy(c->date, buf);
		break;
	case GN_RCELL_EMPTY:
	default:
		buf[0] = '\0';
		break;
	}
	return strdup(buf);
}

static int longest_word(const char *s)
{
	int best = 0;
	char *copy = strdup(s);
	if (!copy)
		return 0;
	char *save = NULL;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		int width = gn_text_width(w);
		if (width > best)
			best = width;
	}
	free(copy);
	return best;
}

/* ---- a table ---- */

typedef struct {
	gn_text_sink sink;
	void *ctx;
	strbuf line;
	bool oom;
} out;

static void emit(out *o, gn_text_line_kind kind, const char *s)
{
	o->sink(o->ctx, kind, s);
}

/* One row of already formatted cells (NULL: empty), each wrapped within
 * its column; emits as many lines as the tallest cell needs. */
static void emit_row(out *o, gn_text_line_kind kind, int ncols, char *const *cells,
		     const int *width, const bool *right)
{
	char **lines[ncols];
	int nlines[ncols];
	int tall = 1;
	for (int c = 0; c < ncols; c++) {
		nlines[c] = wrap(cells[c] ? cells[c] : "", width[c], &lines[c]);
		if (nlines[c] < 0) {
			o->oom = true;
			nlines[c] = 0;
			lines[c] = NULL;
		}
		if (nlines[c] > tall)
			tall = nlines[c];
	}
	for (int l = 0; l < tall; l++) {
		sb_reset(&o->line);
		int pending = 0;  /* spaces owed before the next text */
		for (int c = 0; c < ncols; c++) {
			const char *piece = l < nlines[c] ? lines[c][l] : "";
			int w = gn_text_width(piece);
			if (c > 0)
				pending += (int)strlen(GAP);
			if (right[c])
				pending += width[c] - w;
			if (*piece) {
				sb_pad(&o->line, pending);
				sb_puts(&o->line, piece);
				pending = 0;
			}
			if (!right[c])
				pending += width[c] - w;
		}
		emit(o, kind, o->line.s ? o->line.s : "");
	}
	for (int c = 0; c < ncols; c++)
		if (lines[c])
			free_lines(lines[c], nlines[c]);
	o->oom |= o->line.oom;
}

static void emit_rule(out *o, int ncols, const int *width, const char *ch)
{
	sb_reset(&o->line);
	for (int c = 0; c < ncols; c++) {
		if (c > 0)
			sb_puts(&o->line, GAP);
		for (int i = 0; i < width[c]; i++)
			sb_puts(&o->line, ch);
	}
	emit(o, GN_TEXT_HEADER, o->line.s ? o->line.s : "");
}

static void emit_table(out *o, const gn_rtable *t)
{
	int nc = t->ncols;
	if (t->nrows == 0 && t->empty_note) {
		char *note = gn_text_sanitize(t->empty_note);
		sb_reset(&o->line);
		sb_puts(&o->line, "  ");
		sb_puts(&o->line, note ? note : "");
		free(note);
		emit(o, GN_TEXT_NOTE, o->line.s ? o->line.s : "");
		return;
	}
	int rows = t->nrows + (t->has_totals ? 1 : 0);
	char **cells = calloc((size_t)rows * (size_t)nc + 1, sizeof *cells);
	char **headers = calloc((size_t)nc, sizeof *headers);
	int width[nc];
	bool right[nc];
	if (!cells || !headers) {
		free(cells);
		free(headers);
		o->oom = true;
		return;
	}
	for (int c = 0; c < nc; c++) {
		headers[c] = gn_text_sanitize(t->headers[c]);
		right[c] = false;
		for (int r = 0; r < t->nrows; r++) {
			const gn_rcell *cell = gn_rtable_cell(t, r, c);
			if (cell->type != GN_RCELL_EMPTY) {
				right[c] = numeric(cell->type);
				break;
			}
		}
	}
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < nc; c++)
			cells[(size_t)r * (size_t)nc + (size_t)c] = cell_text(gn_rtable_cell(t, r, c));
	if (t->has_totals) {
		char **tot = &cells[(size_t)t->nrows * (size_t)nc];
		bool labelled = false;
		for (int c = 0; c < nc; c++) {
			if (t->total[c]) {
				gn_rcell sum = { .type = GN_RCELL_COUNT, .num = gn_rtable_total(t, c) };
				/* The column's type decides how the sum is shown. */
				for (int r = 0; r < t->nrows; r++)
					if (gn_rtable_cell(t, r, c)->type == GN_RCELL_MONEY)
						sum.type = GN_RCELL_MONEY;
				tot[c] = cell_text(&sum);
			} else if (!labelled) {
				tot[c] = gn_text_sanitize(_("Total"));
				labelled = true;
			}
		}
	}
	int total = 0;
	for (int c = 0; c < nc; c++) {
		int natural = 0;
		for (int r = 0; r < rows; r++) {
			const char *s = cells[(size_t)r * (size_t)nc + (size_t)c];
			int w = s ? gn_text_width(s) : 0;
			if (w > natural)
				natural = w;
		}
		/* A long header wraps rather than widening a narrow column much,
		 * but never inside a word. */
		int head = headers[c] ? gn_text_width(headers[c]) : 0;
		int roomy = natural > HEADER_MIN ? natural : HEADER_MIN;
		if (head <= roomy) {
			if (head > natural)
				natural = head;
		} else {
			int word = headers[c] ? longest_word(headers[c]) : 0;
			natural = word > roomy ? word : roomy;
		}
		width[c] = natural;
		total += natural + (c ? (int)strlen(GAP) : 0);
	}
	/* Too wide for the page: first let the headers of number columns wrap
	 * (never inside a word), then narrow the widest text column a column
	 * at a time, down to TEXT_COL_MIN; its text wraps. Numbers never do. */
	for (int c = 0; c < nc && total > PAGE_COLS; c++) {
		if (!right[c])
			continue;
		int least = headers[c] ? longest_word(headers[c]) : 0;
		for (int r = 0; r < rows; r++) {
			const char *s = cells[(size_t)r * (size_t)nc + (size_t)c];
			int w = s ? gn_text_width(s) : 0;
			if (w > least)
				least = w;
		}
		if (least < NUMBER_HEADER_MIN)
			least = NUMBER_HEADER_MIN;
		int cut = width[c] - least;
		if (cut > total - PAGE_COLS)
			cut = total - PAGE_COLS;
		if (cut > 0) {
			width[c] -= cut;
			total -= cut;
		}
	}
	while (total > PAGE_COLS) {
		int widest = -1;
		for (int c = 0; c < nc; c++)
			if (!right[c] && width[c] > TEXT_COL_MIN && (widest < 0 || width[c] > width[widest]))
				widest = c;
		if (widest < 0)
			break;
		width[widest]--;
		total--;
	}
	emit_row(o, GN_TEXT_HEADER, nc, headers, width, right);
	emit_rule(o, nc, width, "-");
	for (int r = 0; r < t->nrows; r++)
		emit_row(o, GN_TEXT_ROW, nc, &cells[(size_t)r * (size_t)nc], width, right);
	if (t->has_totals) {
		emit_rule(o, nc, width, "-");
		emit_row(o, GN_TEXT_TOTAL, nc, &cells[(size_t)t->nrows * (size_t)nc], width, right);
	}
	for (size_t i = 0; i < (size_t)rows * (size_t)nc; i++)
		free(cells[i]);
	for (int c = 0; c < nc; c++)
		free(headers[c]);
	free(cells);
	free(headers);
}

static void emit_wrapped(out *o, gn_text_line_kind kind, const char *text)
{
	char *clean = gn_text_sanitize(text);
	char **lines;
	int n = clean ? wrap(clean, SENTENCE_COLS, &lines) : -1;
	free(clean);
	if (n < 0) {
		o->oom = true;
		return;
	}
	for (int i = 0; i < n; i++)
		emit(o, kind, lines[i]);
	free_lines(lines, n);
}

static void emit_underlined(out *o, gn_text_line_kind kind, const char *text, const char *ch)
{
	char *clean = gn_text_sanitize(text);
	if (!clean) {
		o->oom = true;
		return;
	}
	emit(o, kind, clean);
	int w = gn_text_width(clean);
	sb_reset(&o->line);
	for (int i = 0; i < w && i < SENTENCE_COLS; i++)
		sb_puts(&o->line, ch);
	emit(o, kind, o->line.s ? o->line.s : "");
	free(clean);
}

gn_status gn_export_text_lines(const gn_report *r, gn_text_sink sink, void *ctx)
{
	out o = { .sink = sink, .ctx = ctx };
	emit_underlined(&o, GN_TEXT_TITLE, r->title ? r->title : "", "=");
	for (int i = 0; i < r->nsubtitles; i++)
		emit_wrapped(&o, GN_TEXT_SUBTITLE, r->subtitles[i]);
	for (int s = 0; s < r->nsections; s++) {
		const gn_rsection *sec = &r->sections[s];
		emit(&o, GN_TEXT_BLANK, "");
		emit_underlined(&o, GN_TEXT_HEADING, sec->heading, "-");
		for (int k = 0; k < sec->nblocks; k++) {
			const gn_rblock *b = &sec->blocks[k];
			if (b->text)
				emit_wrapped(&o, GN_TEXT_SENTENCE, b->text);
			if (b->table) {
				emit_table(&o, b->table);
				if (k + 1 < sec->nblocks)
					emit(&o, GN_TEXT_BLANK, "");
			}
		}
	}
	free(o.line.s);
	return o.oom || o.line.oom ? GN_ERR_NOMEM : GN_OK;
}

typedef struct {
	FILE *f;
	bool failed;
} file_sink;

static void to_file(void *ctx, gn_text_line_kind kind, const char *line)
{
	(void)kind;
	file_sink *fs = ctx;
	if (fputs(line, fs->f) == EOF || fputc('\n', fs->f) == EOF)
		fs->failed = true;
}

gn_status gn_export_text(const gn_report *r, FILE *f)
{
	file_sink fs = { .f = f };
	gn_status s = gn_export_text_lines(r, to_file, &fs);
	if (s == GN_OK && (fs.failed || ferror(f)))
		s = GN_ERR_IO;
	return s;
}
