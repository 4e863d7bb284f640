#include "output.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/text.h"

struct gn_out {
	FILE *f;
	gn_format fmt;
	int ncols;
	const char *const *headers;
	const char *const *keys;
	bool *numeric;
	bool *right;
	char **cells;  /* nrows * ncols; each row's first owns the row's block */
	char **made;   /* scratch for gn_out_row: ncols cells made safe */
	size_t *len;   /* and their lengths */
	int nrows, cap;
};

bool gn_format_from_name(const char *name, gn_format *out)
{
	static const char *const names[] = { "table", "csv", "json" };
	for (int i = 0; i < 3; i++)
		if (strcmp(names[i], name) == 0) {
			*out = (gn_format)i;
			return true;
		}
	return false;
}

gn_out *gn_out_new(FILE *f, gn_format fmt, int ncols, const char *const *headers,
		   const char *const *keys)
{
	gn_out *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->f = f;
	o->fmt = fmt;
	o->ncols = ncols;
	o->headers = headers;
	o->keys = keys;
	o->numeric = calloc((size_t)ncols, sizeof *o->numeric);
	o->right = calloc((size_t)ncols, sizeof *o->right);
	o->made = calloc((size_t)ncols, sizeof *o->made);
	o->len = calloc((size_t)ncols, sizeof *o->len);
	if (!o->numeric || !o->right || !o->made || !o->len) {
		gn_out_discard(o);
		return NULL;
	}
	return o;
}

void gn_out_numeric(gn_out *o, int col)
{
	o->numeric[col] = true;
}

void gn_out_align_right(gn_out *o, int col)
{
	o->right[col] = true;
}

bool gn_out_row(gn_out *o, const char *const *cells)
{
	if (o->nrows == o->cap) {
		int cap = o->cap ? o->cap * 2 : 64;
		char **grown = realloc(o->cells, (size_t)cap * (size_t)o->ncols * sizeof *grown);
		if (!grown)
			return false;
		o->cells = grown;
		o->cap = cap;
	}
	/* A row's cells are kept in one block, the first cell's pointer owning
	 * it: a listing of a province's people is not 400 000 allocations. */
	char **made = o->made;
	size_t *len = o->len, total = 0;
	bool ok = true;
	for (int c = 0; c < o->ncols; c++) {
		/* The table goes to a terminal: control characters in stored names
		 * must not reach it raw. CSV and JSON keep the data exact, except
		 * bytes that are not UTF-8 (U+FFFD), which no reader would accept. */
		const char *cell = cells[c] ? cells[c] : "";
		bool kept = o->fmt == GN_FMT_TABLE ? gn_text_is_safe(cell) : gn_text_valid_utf8(cell, strlen(cell));
		made[c] = kept ? NULL : o->fmt == GN_FMT_TABLE ? gn_text_sanitize(cell) : gn_text_nfc(cell);
		ok = ok && (kept || made[c]);
		len[c] = strlen(made[c] ? made[c] : cell);
		total += len[c] + 1;
	}
	char *block = ok ? malloc(total) : NULL;
	char **row = &o->cells[(size_t)o->nrows * (size_t)o->ncols];
	size_t at = 0;
	for (int c = 0; c < o->ncols; c++) {
		if (block) {
			memcpy(block + at, made[c] ? made[c] : cells[c] ? cells[c] : "", len[c] + 1);
			row[c] = block + at;
			at += len[c] + 1;
		}
		free(made[c]);
	}
	if (!block)
		return false;
	o->nrows++;
	return true;
}

static void pad(FILE *f, int n)
{
	static const char spaces[] = "                                ";
	for (; n > 0; n -= (int)sizeof spaces - 1)
		fwrite(spaces, 1, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1, f);
}

static void write_table(gn_out *o)
{
	/* Each cell's width is measured once: it sets the column's width, then
	 * its padding. */
	size_t ncells = (size_t)o->nrows * (size_t)o->ncols;
	int *width = calloc((size_t)o->ncols, sizeof *width);
	int *cell_width = malloc((ncells ? ncells : 1) * sizeof *cell_width);
	if (!width || !cell_width) {
		free(width);
		free(cell_width);
		return;
	}
	for (int c = 0; c < o->ncols; c++)
		width[c] = gn_text_width(o->headers[c]);
	for (size_t i = 0; i < ncells; i++) {
		cell_width[i] = gn_text_width(o->cells[i]);
		int c = (int)(i % (size_t)o->ncols);
		if (cell_width[i] > width[c])
			width[c] = cell_width[i];
	}
	for (int r = -1; r < o->nrows; r++) {
		for (int c = 0; c < o->ncols; c++) {
			size_t i = (size_t)r * (size_t)o->ncols + (size_t)c;
			const char *cell = r < 0 ? o->headers[c] : o->cells[i];
			int space = width[c] - (r < 0 ? gn_text_width(cell) : cell_width[i]);
			bool last = c == o->ncols - 1;
			if (o->right[c])
				pad(o->f, space);
			fputs(cell, o->f);
			if (!o->right[c] && !last)
				pad(o->f, space);
			if (!last)
				fputs("  ", o->f);
		}
		fputc('\n', o->f);
		if (r < 0) {
			for (int c = 0; c < o->ncols; c++) {
				for (int i = 0; i < width[c]; i++)
					fputc('-', o->f);
				if (c < o->ncols - 1)
					fputs("  ", o->f);
			}
			fputc('\n', o->f);
		}
	}
	free(cell_width);
	free(width);
}

static void write_csv_cell(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void write_csv(gn_out *o)
{
	for (int r = -1; r < o->nrows; r++) {
		for (int c = 0; c < o->ncols; c++) {
			if (c)
				fputc(',', o->f);
			/* Scripts read CSV by column name: the stable keys, not
			 * headers that change with the language. */
			write_csv_cell(o->f, r < 0 ? o->keys[c] : o->cells[(size_t)r * (size_t)o->ncols + (size_t)c]);
		}
		fputs("\r\n", o->f);
	}
}

static void write_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(f, "\\u%04x", *++p); /* C1 controls (CSI...), escaped like C0 */
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void write_json(gn_out *o)
{
	fputc('[', o->f);
	for (int r = 0; r < o->nrows; r++) {
		fputs(r ? ",\n {" : "\n {", o->f);
		for (int c = 0; c < o->ncols; c++) {
			const char *cell = o->cells[(size_t)r * (size_t)o->ncols + (size_t)c];
			if (c)
				fputs(", ", o->f);
			write_json_string(o->f, o->keys[c]);
			fputs(": ", o->f);
			if (o->numeric[c] && *cell)
				fputs(cell, o->f);
			else if (o->numeric[c])
				fputs("null", o->f);
			else
				write_json_string(o->f, cell);
		}
		fputc('}', o->f);
	}
	fputs(o->nrows ? "\n]\n" : "]\n", o->f);
}

void gn_out_discard(gn_out *o)
{
	if (!o)
		return;
	for (size_t r = 0; r < (size_t)o->nrows; r++)
		free(o->cells[r * (size_t)o->ncols]);
	free(o->cells);
	free(o->made);
	free(o->len);
	free(o->numeric);
	free(o->right);
	free(o);
}

void gn_out_finish(gn_out *o)
{
	if (!o)
		return;
	switch (o->fmt) {
	case GN_FMT_TABLE:
		write_table(o);
		break;
	case GN_FMT_CSV:
		write_csv(o);
		break;
	case GN_FMT_JSON:
		write_json(o);
		break;
	}
	gn_out_discard(o);
}

void gn_out_safe_lines(FILE *f, const char *text)
{
	for (const char *line = text, *nl; *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *copy = strndup(line, len);
		char *safe = copy ? gn_text_sanitize(copy) : NULL;
		if (safe)
			fprintf(f, "%s\n", safe);
		free(safe);
		free(copy);
	}
}
