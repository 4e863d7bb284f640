#ifndef GIAMNGHEO_REPORT_BUILD_H
#define GIAMNGHEO_REPORT_BUILD_H

/* The plan's reports built from the data, as a model that knows nothing of
 * how it is shown: a title, sections, and in them sentences and tables whose
 * cells keep their type (a count, đồng, a date), so that each exporter
 * (export.h) writes them its own way. Every heading is translated when the
 * report is built, in the language in force. */

#include <stdbool.h>
#include "giamngheo/date.h"
#include "giamngheo/db.h"

typedef enum {
	GN_REPORT_MONTHLY = 0, /* a lead agency's month: due the 25th */
	GN_REPORT_PLAN,        /* the support plans of the households: due 10/6 */
	GN_REPORT_HALF_YEAR,   /* the focal department's, to 30/6 */
	GN_REPORT_YEAR_END     /* the focal department's, to 30/11 */
} gn_report_kind;

typedef enum {
	GN_RCELL_EMPTY = 0,
	GN_RCELL_TEXT,
	GN_RCELL_COUNT,   /* a whole number */
	GN_RCELL_MONEY,   /* whole đồng */
	GN_RCELL_DATE,
	GN_RCELL_PERCENT  /* in percent: 0.71 means 0.71 % */
} gn_rcell_type;

typedef struct {
	gn_rcell_type type;
	char *text;       /* GN_RCELL_TEXT */
	long long num;    /* GN_RCELL_COUNT, GN_RCELL_MONEY */
	double pct;       /* GN_RCELL_PERCENT */
	gn_date date;     /* GN_RCELL_DATE */
} gn_rcell;

/* Rows of cells under translated headers; columns marked in total[] are
 * summed in a totals row (has_totals), whose sums the exporters take from
 * gn_rtable_total so that every format shows the same figure. */
typedef struct {
	int ncols;
	char **headers;
	bool *total;
	bool has_totals;
	int nrows, cap;
	gn_rcell *cells;       /* nrows * ncols */
	char *empty_note;      /* said instead of the rows when there are none */
} gn_rtable;

/* A section is a heading, then sentences and tables in order. */
typedef struct {
	char *text;            /* a sentence, or NULL when this block is a table */
	gn_rtable *table;
} gn_rblock;

typedef struct {
	char *heading;
	int nblocks, cap;
	gn_rblock *blocks;
} gn_rsection;

typedef struct {
	gn_report_kind kind;
	char *title;
	int nsubtitles;
	char *subtitles[4];    /* ward, period, who, when prepared */
	int nsections, cap;
	gn_rsection *sections;
	gn_date from, to;      /* the period covered */
	char agency_code[32];  /* monthly and a unit's plan; "" otherwise */
	/* What and when, ASCII without diacritics, no extension:
	 * "bao-cao-thang-05-2026-HPN", "bao-cao-6-thang-2026",
	 * "bao-cao-cuoi-nam-2026", "phuong-an-ho-tro-2026". */
	char file_stem[96];
} gn_report;

typedef struct {
	gn_report_kind kind;
	const char *agency;    /* code: required for monthly, optional for the plan */
	int month, year;       /* monthly: the month reported on */
	int year_of_report;    /* half-year, year-end, plan: 0 for the ward's year */
	gn_date today;         /* the day the report is prepared */
} gn_report_request;

/* GN_ERR_INVALID for a month outside 1..12 or a monthly report without an
 * agency; GN_ERR_NOT_FOUND for an unknown agency code or a database
 * without a ward. *out is freed with gn_report_free. */
gn_status gn_report_build(gn_db *db, const gn_report_request *rq, gn_report **out);
void gn_report_free(gn_report *r);

/* The sum of a column over the table's rows (counts and đồng). */
long long gn_rtable_total(const gn_rtable *t, int col);
const gn_rcell *gn_rtable_cell(const gn_rtable *t, int row, int col);

/* Stable names for the command line: "monthly", "plan", "half-year", "year-end". */
const char *gn_report_kind_code(gn_report_kind k);
bool gn_report_kind_from_code(const char *code, gn_report_kind *out);
/* Translated, for lists. */
const char *gn_report_kind_label(gn_report_kind k);

/* A monthly report that can be asked for: a lead agency and a month in
 * which it had a monthly report due (by the deadline rules), up to today's
 * month; newest month first, then agencies in the deadline order. */
typedef struct {
	long long agency_id;
	char agency_code[32];
	char agency_name[160];
	int year, month;
} gn_report_month_choice;

gn_status gn_report_month_choices(gn_db *db, gn_date today, gn_report_month_choice **out, int *n);

#endif
