#ifndef GIAMNGHEO_DEADLINE_STORE_H
#define GIAMNGHEO_DEADLINE_STORE_H

#include "giamngheo/db.h"
#include "giamngheo/deadline.h"

gn_status gn_deadline_rules_load(gn_db *db, gn_deadline_rule **out, int *n);

/* Brings the dated instances in line with the rules and the assignments for
 * the ward's year: adds what is missing, drops what no longer applies unless
 * a submission points at it. */
gn_status gn_deadline_sync(gn_db *db);

typedef struct {
	long long id;
	long long rule_id;
	char rule_code[32];
	char title[160];
	long long agency_id;
	char agency_code[32];
	char agency_name[160];
	gn_date due;
	int due_soon_days;
	bool submitted;
	gn_date submitted_on;
	gn_deadline_status status;
	long long report_id;     /* the live submission counted in status, 0: none */
	char submitted_by[128];
} gn_deadline_row;

typedef struct {
	gn_date from, to;        /* unset: open-ended */
	long long agency_id;     /* 0: all */
	const char *rule_code;   /* NULL: all */
	bool open_only;          /* only what has not been submitted */
	int limit;               /* the first so many; 0: all */
} gn_deadline_filter;

/* Instances ordered by due date, then agency; statuses relative to today. */
gn_status gn_deadline_query(gn_db *db, const gn_deadline_filter *f, gn_date today,
			    gn_deadline_row **out, int *n);

/* One instance by id, as gn_deadline_query gives it for today;
 * GN_ERR_NOT_FOUND when there is no such instance. */
gn_status gn_deadline_get(gn_db *db, long long id, gn_date today, gn_deadline_row *out);

/* The id of the instance of rule (by code) for an agency due on a day;
 * GN_ERR_NOT_FOUND when there is none (*id = 0). */
gn_status gn_deadline_find(gn_db *db, const char *rule_code, long long agency_id, gn_date due,
			   long long *id);

#endif
