#ifndef GIAMNGHEO_EXPORT_H
#define GIAMNGHEO_EXPORT_H

/* A built report (report_build.h) written out: plain text for the terminal
 * and the printer, CSV that Excel opens with its Vietnamese intact, and
 * .xlsx with number formats, sums and column widths. */

#include <stddef.h>
#include <stdio.h>
#include "giamngheo/report_build.h"

typedef enum { GN_EXPORT_TEXT = 0, GN_EXPORT_CSV, GN_EXPORT_XLSX } gn_export_format;

/* "text", "csv", "xlsx"; the extension is the same without "text" -> "txt". */
bool gn_export_format_from_name(const char *name, gn_export_format *out);
const char *gn_export_extension(gn_export_format f);

/* The file name the report suggests: file_stem plus extension. */
void gn_export_file_name(const gn_report *r, gn_export_format f, char *buf, size_t size);

/* ---- plain text (export_text.c) ---- */

/* What a line of the text is, so a screen can colour it. */
typedef enum {
	GN_TEXT_TITLE = 0,
	GN_TEXT_SUBTITLE,
	GN_TEXT_HEADING,   /* a section */
	GN_TEXT_SENTENCE,
	GN_TEXT_HEADER,    /* a table's column headers and their rule */
	GN_TEXT_ROW,
	GN_TEXT_TOTAL,
	GN_TEXT_NOTE,      /* a table with no rows */
	GN_TEXT_BLANK
} gn_text_line_kind;

typedef void (*gn_text_sink)(void *ctx, gn_text_line_kind kind, const char *line);

/* Lays the report out as lines of text: columns aligned on screen columns
 * (Vietnamese marks take none), long text wrapped inside its column, money
 * as "1.500.000 đ", dates as dd/mm/yyyy, text made safe for a terminal.
 * Each line (without its newline) goes to sink. */
gn_status gn_export_text_lines(const gn_report *r, gn_text_sink sink, void *ctx);
gn_status gn_export_text(const gn_report *r, FILE *f);

/* ---- CSV (export_csv.c) ---- */

/* UTF-8 with a byte-order mark, commas, CRLF, RFC 4180 quoting; a text cell
 * that starts with = + - @ gets a leading apostrophe so a spreadsheet does
 * not run it as a formula. Numbers are plain digits, dates ISO. */
gn_status gn_export_csv(const gn_report *r, FILE *f);

/* ---- .xlsx (export_xlsx.c) ---- */

/* Writes the workbook at path (replacing it). */
gn_status gn_export_xlsx(const gn_report *r, const char *path);

/* ---- files ---- */

/* Writes the report in format f to path atomically: a temporary file in
 * the same directory (mkstemp), then rename. A path naming a directory gets
 * the suggested file name inside it. The path written goes to written. */
gn_status gn_export_file(const gn_report *r, gn_export_format f, const char *path,
			 char *written, size_t size);

#endif
