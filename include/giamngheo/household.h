#ifndef GIAMNGHEO_HOUSEHOLD_H
#define GIAMNGHEO_HOUSEHOLD_H

#include <stdbool.h>
#include "giamngheo/classify.h"
#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/standard.h"

/* Strings are owned by the struct (malloc'd); gn_household_clear frees them.
 * Before insert/update, unset strings may be NULL. */
typedef struct {
	long long id;
	char *code;
	char *head_name;
	char *address;
	long long tdp_id;        /* 0: none */
	gn_area area;
	char *phone;             /* normalised digits */
	gn_money income;         /* per person per month */
	gn_class cls;            /* derived on every save under the ward's standard */
	char *causes;            /* comma-separated codes */
	bool no_work_capacity, ethnic_minority, merit, social_protection;
	bool targeted;           /* to exit poverty this year */
	gn_date exit_date;
	char *notes;
	int version;
	char updated_at[24];
	char *updated_by;
} gn_household;

typedef struct {
	long long id;
	long long household_id;
	char *full_name;
	char sex;                /* 'M', 'F' or 0 */
	char *birth;             /* ISO date or a year alone */
	char *ethnicity;
	char *relation;
	char *cccd;              /* 12 digits or NULL */
	char *health_card;
	char *schooling;
	char *work_status;
	bool has_contract;
	char *disability;
	gn_money allowance;
	int version;
} gn_member;

void gn_household_clear(gn_household *h);

/* The household's flags in words ("no member able to work, ethnic
 * minority"), translated; "" when none is set. */
void gn_household_circumstances(const gn_household *h, char *buf, size_t size);
void gn_member_clear(gn_member *m);

gn_status gn_household_load(gn_db *db, long long id, gn_household *out);
gn_status gn_household_load_code(gn_db *db, const char *code, gn_household *out);

/* Validates, classifies and stores; sets id and version. */
gn_status gn_household_insert(gn_db *db, gn_household *h);
/* Optimistic save: refused with GN_ERR_CONFLICT when the stored version is
 * not h->version; then *current (if given) receives the stored record, so
 * the caller holds both versions. */
gn_status gn_household_update(gn_db *db, gn_household *h, gn_household *current);
/* Soft deletion: the household (version as the caller read it) leaves every
 * list, search, count and report but stays in the file and its history, so
 * that gn_household_restore brings it back. GN_ERR_CONFLICT when someone
 * saved it meanwhile, GN_ERR_NOT_FOUND when it is already gone. */
gn_status gn_household_delete(gn_db *db, long long id, int version);
/* Undoes gn_household_delete; GN_ERR_NOT_FOUND when it is not deleted. */
gn_status gn_household_restore(gn_db *db, long long id);
/* The deleted household with this code; 0 when there is none. */
long long gn_household_deleted_id(gn_db *db, const char *code);

gn_status gn_member_insert(gn_db *db, gn_member *m);
gn_status gn_member_update(gn_db *db, gn_member *m, gn_member *current);
/* Takes the member off the household (soft delete), optimistically like an
 * update: GN_ERR_CONFLICT (with *current) when m->version is not stored. */
gn_status gn_member_remove(gn_db *db, const gn_member *m, gn_member *current);
/* *out is a malloc'd array the caller frees with gn_member_list_free. */
gn_status gn_member_list(gn_db *db, long long household_id, gn_member **out, int *n);
void gn_member_list_free(gn_member *list, int n);

/* Statuses in the standard's indicator order (missing rows: not deprived). */
gn_status gn_household_indicators(gn_db *db, long long household_id, const gn_standard *s,
				  gn_ind_status *out);
/* Sets one indicator and re-derives the household's class in one transaction. */
gn_status gn_household_set_indicator(gn_db *db, long long household_id, long long indicator_id,
				     gn_ind_status status);

/* The household against a standard: statuses and exit gap. */
gn_status gn_household_gap(gn_db *db, const gn_household *h, const gn_standard *s,
			   gn_ind_status *statuses, gn_exit_gap *gap);

/* ---- lists ---- */

typedef enum {
	GN_HH_SORT_CODE = 0,
	GN_HH_SORT_HEAD,
	GN_HH_SORT_TDP,
	GN_HH_SORT_CLASS,
	GN_HH_SORT_DEPRIVATIONS,
	GN_HH_SORT_LEAD,
	GN_HH_SORT_INCOME
} gn_household_sort;

/* Empty strings and -1 mean "any". */
typedef struct {
	const char *tdp;          /* TDP code or name */
	const char *cls;          /* class code */
	const char *lead;         /* lead agency code */
	const char *supported_by; /* code of an agency supporting (not leading) it */
	int targeted;             /* -1 any, 0 no, 1 yes */
	const char *deprived_on;  /* indicator code: still deprived on it */
	const char *text;         /* search text, diacritic-insensitive */
	const char *overdue_on;   /* ISO date: only households whose lead agency has a
	                             report overdue on that day */
	gn_household_sort sort;
	bool descending;
	int offset;
	int limit;                /* 0: no limit */
	bool from_end;            /* rows in reverse order, offset counted from the
	                             end: cheap windows near the end of a long list */
	long long count_cap;      /* 0: count exactly; otherwise a total above it is
	                             given as count_cap + 1 ("more than count_cap"):
	                             a search then reads at most that many matches
	                             from the index */
} gn_household_filter;

void gn_household_filter_init(gn_household_filter *f);

/* The residential groups, for filter choices: codes and names, in order;
 * returns how many (at most max). */
int gn_tdp_list(gn_db *db, char (*codes)[32], char (*names)[64], int max);

/* Codes of the agencies leading at least one household, in order; returns
 * how many (at most max). */
int gn_lead_agency_codes(gn_db *db, char (*codes)[32], int max);

typedef struct {
	long long id;
	char code[32];
	char head[128];
	char tdp[64];
	gn_class cls;
	gn_money income;
	int deprivations;
	int n_indicators;
	gn_ind_status indicators[GN_MAX_INDICATORS];
	char lead[32];
	bool targeted;
	gn_date exit_date;
} gn_household_row;

/* Rows under standard s; *n rows in *out (caller frees), *total (when not
 * NULL) the number matching the filter regardless of offset/limit, bounded
 * by count_cap. */
gn_status gn_household_query(gn_db *db, const gn_standard *s, const gn_household_filter *f,
			     gn_household_row **out, int *n, long long *total);

/* *total alone, as gn_household_query counts it (offset and limit unused):
 * for a screen that shows the rows at once and the count a moment later. */
gn_status gn_household_count(gn_db *db, const gn_standard *s, const gn_household_filter *f, long long *total);

#endif
