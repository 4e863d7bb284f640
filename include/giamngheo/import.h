#ifndef GIAMNGHEO_IMPORT_H
#define GIAMNGHEO_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "giamngheo/db.h"
#include "giamngheo/standard.h"

/* Households from a ward's spreadsheet saved as CSV (UTF-8, with or without
 * BOM, ',' or ';'), columns found by their Vietnamese headers. Everything
 * goes in one transaction: any error and nothing is written. */

#define GN_IMPORT_MAX_FIELD 4000          /* bytes in one cell */
#define GN_IMPORT_MAX_ROWS 1000000L       /* data rows in one file */
#define GN_IMPORT_MAX_FILE (512L << 20)   /* bytes in one file */
#define GN_IMPORT_MAX_LISTED 10000        /* problems kept for the report */

typedef struct {
	long row;        /* spreadsheet row (every line of the file counts, the
	                    header too); 0: the file as a whole */
	char *column;    /* header as in the file, safe to print; "" when none */
	char *value;     /* the cell, safe to print and shortened; "" when none */
	char *reason;    /* translated */
	bool warning;    /* reported; does not stop the import */
} gn_import_problem;

/* A column of the header row and what it fills. */
typedef struct {
	char *header;    /* as in the file, safe to print */
	char *field;     /* translated name of what it fills; NULL: ignored */
} gn_import_column;

typedef struct {
	gn_import_problem *problems;
	int n_problems, cap;
	gn_import_column *columns;   /* every column of the header row, in order */
	int n_columns;
	long n_errors, n_warnings;   /* also those past GN_IMPORT_MAX_LISTED */
	long rows;                   /* data rows read */
	int households, members, deprivations;  /* saved, or that would be */
	bool imported;               /* committed */
} gn_import_report;

typedef struct {
	bool dry_run;    /* only check, writing nothing */
	/* Optional, for a long file: called every GN_IMPORT_PROGRESS_ROWS rows
	 * with the data rows read so far and the share of the file read (0 to 1). */
	void (*progress)(void *arg, long rows, double share);
	void *progress_arg;
} gn_import_options;

#define GN_IMPORT_PROGRESS_ROWS 500

/* Imports (or with o->dry_run only checks) the households in data under
 * standard s (its indicators name the indicator columns).
 * GN_OK: clean (and committed unless dry_run); GN_ERR_INVALID: the report
 * lists errors and nothing was written; other codes: the database failed. */
gn_status gn_import_households(gn_db *db, const gn_standard *s, const char *data, size_t len,
			       const gn_import_options *o, gn_import_report *r);
/* The same from a file; GN_ERR_IO / GN_ERR_NOT_FOUND when it cannot be read. */
gn_status gn_import_households_file(gn_db *db, const gn_standard *s, const char *path,
				    const gn_import_options *o, gn_import_report *r);
void gn_import_report_clear(gn_import_report *r);
/* One problem as a line for the user ("Row 4, column "Số CCCD", value
 * "…": reason"); a problem of the whole file (row 0) is its reason alone. */
void gn_import_problem_text(const gn_import_problem *p, char *buf, size_t size);

#endif
