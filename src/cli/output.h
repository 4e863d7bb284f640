#ifndef GIAMNGHEO_CLI_OUTPUT_H
#define GIAMNGHEO_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef enum { GN_FMT_TABLE = 0, GN_FMT_CSV, GN_FMT_JSON } gn_format;

bool gn_format_from_name(const char *name, gn_format *out);

/* A result set written as an aligned table (widths measured on screen
 * columns, text made safe for the terminal), CSV (RFC 4180) or a JSON array
 * of objects. Rows are buffered so the table can size its columns. */
typedef struct gn_out gn_out;

/* headers: the table's (translated); keys: CSV column and JSON member names. */
gn_out *gn_out_new(FILE *f, gn_format fmt, int ncols, const char *const *headers,
		   const char *const *keys);
/* Marks columns whose JSON value is a number rather than a string. */
void gn_out_numeric(gn_out *o, int col);
/* Right-aligns a column in the table (amounts, counts). */
void gn_out_align_right(gn_out *o, int col);
bool gn_out_row(gn_out *o, const char *const *cells);
/* Writes everything and frees o. */
void gn_out_finish(gn_out *o);
/* Frees o without writing it (the command failed). */
void gn_out_discard(gn_out *o);

/* Writes text line by line, each made safe for the terminal: warnings
 * that quote a hand-edited file (config, rules) may hold escape sequences. */
void gn_out_safe_lines(FILE *f, const char *text);

#endif
