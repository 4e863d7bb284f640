#ifndef GIAMNGHEO_CORE_CSV_H
#define GIAMNGHEO_CORE_CSV_H

/* A small RFC 4180 reader for CSV as spreadsheets save it: fields quoted
 * with '"' ("" inside for a quote) may hold separators and line breaks;
 * records end at CRLF, LF or a lone CR. The whole file is in memory; fields
 * are copied into a buffer owned by the reader. */

#include <stdbool.h>
#include <stddef.h>

#define GN_CSV_MAX_FIELDS 256

typedef struct {
	size_t off, len;      /* in the reader's buffer */
	bool too_long;        /* longer than max_field: cut there */
	bool junk_after_quote;/* text between a closing quote and the separator */
} gn_csv_field;

typedef struct {
	const char *p, *end;
	char sep;
	size_t max_field;
	long row;             /* spreadsheet row of the record last read (1-based) */
	long next_row;
	char *buf;
	size_t buf_len, buf_cap;
	gn_csv_field fields[GN_CSV_MAX_FIELDS];
	int n_fields;
	bool too_many_fields; /* the record had more than GN_CSV_MAX_FIELDS */
	bool unclosed_quote;  /* a quoted field ran to the end of the file */
	bool nomem;
} gn_csv;

void gn_csv_init(gn_csv *c, const char *data, size_t len, char sep, size_t max_field);
void gn_csv_free(gn_csv *c);

/* The separator of a header line: ';' when it has more semicolons than
 * commas outside quotes, ',' otherwise. */
char gn_csv_detect_sep(const char *line, const char *end);

/* Skips the rest of the current line (a comment); false at the end. */
bool gn_csv_skip_line(gn_csv *c);

/* Reads the next record; false at the end of the data. */
bool gn_csv_next(gn_csv *c);

/* Field i of the record last read, NUL-terminated ("" past the last field). */
const char *gn_csv_field_text(const gn_csv *c, int i);

#endif
